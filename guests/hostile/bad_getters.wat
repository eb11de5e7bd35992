;; hostile/bad_getters.wat - see guests/README.md (hostile guests).
;; The getters exist with the wrong signatures: getResultPtr takes a parameter
;; ((i32) -> i32) and getResultLen returns i64 (() -> i64). A protocol call of `run` must
;; raise WasmExportError naming the export and both signatures. answer() -> 42 still works.
(module
  (memory (export "memory") 2)
  (func (export "run") (param i32 i32))
  (func (export "getResultPtr") (param i32) (result i32) i32.const 1024)
  (func (export "getResultLen") (result i64) i64.const 4)
  (func (export "answer") (result i32) i32.const 42))
