;; hostile/no_getters.wat - see guests/README.md (hostile guests).
;; Exports run(ptr, len) but neither getResultPtr nor getResultLen: a protocol call of
;; `run` must raise WasmExportError (naming the missing getters), not a LookupError.
;; answer() -> 42 is a plain numeric export: the runner still answers `call("answer")`.
(module
  (memory (export "memory") 2)
  (func (export "run") (param i32 i32))
  (func (export "answer") (result i32) i32.const 42))
