"""WASI settings for a guest (`WasiConfig`), and the capture of its stdout/stderr.

Sandbox defaults: no directories, an empty environment, and argv holding only the module's
name. Whatever a caller grants is explicit: `args` (appended after the name), `env`, `dirs`
(guest path -> host path).

stdout / stderr: None lets the guest write to the process's own fd 1 / fd 2. Any object with a
`write` method captures the stream instead: binary files (io.RawIOBase / io.BufferedIOBase)
receive bytes, anything else receives text decoded as UTF-8 (`io.StringIO()` captures into a
string). Capture replaces WASI's `fd_write` with the host's own: with capture on, the guest's
fd_write to descriptors other than 1 and 2 (files under granted dirs) fails with EBADF, because
wasmer cannot call its own fd_write on the host's behalf.
"""
from __future__ import annotations

import codecs
import io
import os
import struct
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from golo_fast.wasm._engine import HostFunction, Signature

_ERRNO_SUCCESS = 0
_ERRNO_BADF = 8
_ERRNO_FAULT = 21
_IOVEC = struct.Struct("<II")
_U32 = struct.Struct("<I")


@dataclass(frozen=True)
class WasiConfig:
    """What a WASI guest is granted; every field defaults to nothing."""
    args: Sequence[str] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    dirs: Mapping[str, str] = field(default_factory=dict)
    stdout: Any = None
    stderr: Any = None
    program_name: str | None = None   # argv[0]; the runner sets it to the module's name


class _Sink:
    """One captured stream: text targets get incrementally decoded UTF-8, binary ones bytes."""

    def __init__(self, target):
        self._write = target.write
        self._decoder = None
        if not isinstance(target, (io.RawIOBase, io.BufferedIOBase)):
            # a multi-byte character may be split across two fd_write calls
            self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def write(self, data: bytes) -> None:
        self._write(self._decoder.decode(data) if self._decoder else data)


class StdioCapture:
    """The host's fd_write(fd, iovs, iovs_len, nwritten) -> errno, for captured stdio."""

    def __init__(self, stdout, stderr):
        self._sinks = {1: _Sink(stdout) if stdout is not None else None,
                       2: _Sink(stderr) if stderr is not None else None}
        self.memory = None   # the guest memory's buffer object, set once the instance exists

    def host_function(self) -> HostFunction:
        return HostFunction(self.fd_write, Signature(("i32",) * 4, ("i32",)))

    def fd_write(self, fd: int, iovs: int, iovs_len: int, nwritten: int) -> int:
        if fd not in self._sinks:
            return _ERRNO_BADF
        iovs, iovs_len, nwritten = iovs & 0xFFFFFFFF, iovs_len & 0xFFFFFFFF, nwritten & 0xFFFFFFFF
        chunks = []
        with memoryview(self.memory) as view:
            size = view.nbytes
            if iovs + iovs_len * _IOVEC.size > size or nwritten + _U32.size > size:
                return _ERRNO_FAULT
            for i in range(iovs_len):
                ptr, length = _IOVEC.unpack_from(view, iovs + i * _IOVEC.size)
                if ptr + length > size:
                    return _ERRNO_FAULT
                chunks.append(bytes(view[ptr : ptr + length]))
            data = b"".join(chunks)
            _U32.pack_into(view, nwritten, len(data))
        sink = self._sinks[fd]
        if sink is None:
            os.write(fd, data)   # this stream is not captured: the process's own fd, as WASI does
        else:
            sink.write(data)
        return _ERRNO_SUCCESS
