;; An Extism plugin for the peer benchmark: `echo` returns its input unchanged.
;; It speaks Extism's kernel ABI (imports from "extism:host/env", i64 offsets into the
;; kernel's memory) and points the output at the input block, without copying: Extism's
;; cheapest possible round trip.
(module
  (import "extism:host/env" "input_offset" (func $input_offset (result i64)))
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (memory (export "memory") 1)
  (func (export "echo") (result i32)
    (call $output_set (call $input_offset) (call $input_length))
    (i32.const 0)))
