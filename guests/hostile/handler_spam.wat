;; hostile/handler_spam.wat - see guests/README.md (hostile guests).
;; run(ptr, len): calls env.hostCallStringHandler(0x28000, 4) (message "spam") 100,000
;; times in one call, ignoring the replies, then sets the result to "done". The host must
;; survive it (no leak per call, no recursion limit) and return "done".
;; ok(ptr, len) answers a normal hello call (inputs up to 64 KiB), to show the runner still
;; works afterwards.
(module
  (import "env" "hostCallStringHandler" (func $handler (param i32 i32) (result i32)))
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

  (data (i32.const 0x28000) "spamdone")
  (func (export "run") (param i32 i32)
    (local $i i32)
    (loop $again
      (drop (call $handler (i32.const 0x28000) (i32.const 4)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (i32.const 100000))))
    (global.set $rp (i32.const 0x28004))
    (global.set $rl (i32.const 4))))
