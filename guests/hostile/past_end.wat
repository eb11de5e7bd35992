;; hostile/past_end.wat - see guests/README.md (hostile guests).
;; run(ptr, len): the pointer is valid (8 bytes before the end of memory, computed from
;; memory.size at call time) but ptr + 16 runs 8 bytes past the end. WasmMemoryError.
;; ok(ptr, len) answers a normal hello call (inputs up to 64 KiB), to show the runner still
;; works afterwards.
(module
  (memory (export "memory") 3)
  ;; ---- the normal call: ok(ptr, len) -> "Hello, " + input + "!!!" (the hello protocol) ----
  ;; memory map: [1024, 66560) host input area (no malloc exported, so the host writes the
  ;; input at 1024); 0x10800 ok's result; 0x28000 fixed data; 0x2ff00 "Hello, " and "!!!".
  (data (i32.const 0x2ff00) "Hello, !!!")
  (global $rp (mut i32) (i32.const 0))
  (global $rl (mut i32) (i32.const 0))
  (func (export "getResultPtr") (result i32) global.get $rp)
  (func (export "getResultLen") (result i32) global.get $rl)
  (func (export "ok") (param $p i32) (param $n i32)
    (if (i32.gt_u (local.get $n) (i32.const 65536)) (then unreachable))  ;; input area size
    (memory.copy (i32.const 0x10800) (i32.const 0x2ff00) (i32.const 7))
    (memory.copy (i32.const 0x10807) (local.get $p) (local.get $n))
    (memory.copy (i32.add (i32.const 0x10807) (local.get $n)) (i32.const 0x2ff07) (i32.const 3))
    (global.set $rp (i32.const 0x10800))
    (global.set $rl (i32.add (local.get $n) (i32.const 10))))

  (func (export "run") (param i32 i32)
    (global.set $rp (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 8)))
    (global.set $rl (i32.const 16))))
