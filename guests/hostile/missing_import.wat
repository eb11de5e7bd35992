;; hostile/missing_import.wat - see guests/README.md (hostile guests).
;; Imports env.doesNotExist(i32, i32, i32) -> i32, which no host provides (three parameters: not
;; a string host import, those are (ptr, len) -> () or -> i32): loading must raise WasmLoadError
;; whose message lists "env.doesNotExist". Provided (to show nothing else is missing),
;; run(ptr, len) sets the result to [1024, 1024 + doesNotExist(ptr, len, 0)).
(module
  (import "env" "doesNotExist" (func $missing (param i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (global $rl (mut i32) (i32.const 0))
  (func (export "getResultPtr") (result i32) i32.const 1024)
  (func (export "getResultLen") (result i32) global.get $rl)
  (func (export "run") (param $p i32) (param $n i32)
    (global.set $rl (call $missing (local.get $p) (local.get $n) (i32.const 0)))))
