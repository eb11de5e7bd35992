;; hostile/grow_max.wat - see guests/README.md (hostile guests).
;; Memory of 3 pages with a declared maximum of 10 pages (640 KiB).
;; run(ptr, len): grows memory to its maximum inside the call (a no-op once there), then
;; returns "grown:" + input placed so its last byte is the LAST byte of the max memory:
;; result ptr = 655360 - (6 + len), len = 6 + len. Must work (the host re-reads the memory
;; size after the call). Inputs longer than 64 KiB trap (unreachable).
;; overrun(ptr, len): also grows to the maximum, then returns ptr = 655360 - 4, len = 8,
;; i.e. 4 bytes past the end of the maximal memory: WasmMemoryError.
;; ok(ptr, len) answers a normal hello call (inputs up to 64 KiB), to show the runner still
;; works afterwards.
(module
  (memory (export "memory") 3 10)
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

  (func $grow_to_max
    (if (i32.lt_s (memory.grow (i32.sub (i32.const 10) (memory.size))) (i32.const 0))
      (then unreachable)))
  (func (export "run") (param $p i32) (param $n i32)
    (local $dst i32)
    (if (i32.gt_u (local.get $n) (i32.const 65536)) (then unreachable))
    (call $grow_to_max)
    (local.set $dst (i32.sub (i32.const 655360) (i32.add (local.get $n) (i32.const 6))))
    (memory.copy (local.get $dst) (i32.const 0x28000) (i32.const 6))
    (memory.copy (i32.add (local.get $dst) (i32.const 6)) (local.get $p) (local.get $n))
    (global.set $rp (local.get $dst))
    (global.set $rl (i32.add (local.get $n) (i32.const 6))))
  (func (export "overrun") (param i32 i32)
    (call $grow_to_max)
    (global.set $rp (i32.const 655356))
    (global.set $rl (i32.const 8)))
  (data (i32.const 0x28000) "grown:"))
