"""Every error a script or a guest can cause, under one base class.

User errors (anything a Golo script or a wasm guest can provoke) derive from GoloError;
bugs in golo-fast itself are InternalError, which is *not* a GoloError.
"""
from __future__ import annotations


class GoloError(Exception):
    """Base of every error a Golo script or a wasm guest can cause."""


# -- language: compile time ---------------------------------------------------------------

class GoloCompileError(GoloError):
    """A static error found before anything runs; carries where it is.

    `source` is a golo_fast.source.Source (or None), `span` a (start, end) pair of offsets
    into it, `hint` an optional one-line suggestion ("did you mean 'name'?").
    """

    def __init__(self, message: str, source=None, span=None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.span = span
        self.hint = hint


class GoloSyntaxError(GoloCompileError):
    """The text is not Golo (lexing or parsing failed)."""


class GoloResolveError(GoloCompileError):
    """Valid syntax, invalid program: unknown name, assignment to a `let`, duplicate, ..."""


# -- wasm bridge ----------------------------------------------------------------------------

class WasmError(GoloError):
    """Base of the errors raised by golo_fast.wasm."""


class WasmLoadError(WasmError):
    """Not a file, not wasm, truncated, imports that cannot be satisfied."""


class WasmExportError(WasmError):
    """No such export, wrong signature, protocol getters missing."""


class WasmTrap(WasmError):
    """The guest trapped (unreachable, out-of-bounds access, stack overflow, ...)."""


class WasmTimeout(WasmTrap):
    """The guest ran out of fuel or time (engines that support limits)."""


class WasmMemoryError(WasmError):
    """A pointer/length from the guest falls outside its memory (u32 wrap-around included)."""


class WasmDecodeError(WasmError):
    """A guest result that should be UTF-8 text is not."""


class HandlerError(WasmError):
    """A registered host handler raised; the original exception is chained as __cause__."""


class RunnerClosedError(WasmError):
    """The runner was closed; no more calls."""


class WasmUnsupportedError(WasmError):
    """The selected engine cannot do what was asked (e.g. fuel on wasmer)."""


class WasmExit(WasmTrap):
    """A WASI guest called proc_exit with a nonzero code; `code` holds it."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


class WasmThreadError(WasmError):
    """A runner bound to the thread that loaded it was called from another thread."""


class WasmReentrancyError(WasmError):
    """A runner was called again while one of its calls is running on the same thread
    (a host handler calling back into its own runner); runners are not re-entrant."""


# -- bugs ---------------------------------------------------------------------------------

class InternalError(Exception):
    """A bug in golo-fast: any non-Golo exception escaping a phase, with the cause chained."""
