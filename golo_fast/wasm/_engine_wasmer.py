"""The wasmer 1.1.0 engine (cranelift compiler): the only module that imports `wasmer`.

Facts it relies on (see ../shared/runtime-facts.md): export lookup is slow, so `function()` is
called once per export by the runner; i32 results are signed; `Memory.buffer` returns a `Buffer`
whose buffer protocol reports the memory's current size each time it is taken; traps are
`RuntimeError`s, and a WASI `proc_exit(n)` is a `RuntimeError` whose text ends with
"WASI exited with code: n"; a Python exception raised by a host function comes out of the guest
call unchanged.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import threading

import wasmer
import wasmer_compiler_cranelift
from wasmer import Function, FunctionType, Instance, Module, Store, Type, engine, wasi

from golo_fast.errors import WasmExit, WasmLoadError, WasmTrap
from golo_fast.wasm._engine import Extern, HostFunction, Signature

_TYPE_NAMES = {Type.I32: "i32", Type.I64: "i64", Type.F32: "f32", Type.F64: "f64",
               Type.V128: "v128", Type.EXTERN_REF: "externref", Type.FUNC_REF: "funcref"}
_TYPES = {name: t for t, name in _TYPE_NAMES.items()}
_EXIT = re.compile(r"WASI exited with code: (\d+)")


def _compiler_version() -> str:
    """The cranelift wheel's version, from its .dist-info folder's name: importlib.metadata
    would import ~100 ms of modules (email, ...) on every start of a wasm script."""
    prefix, suffix = "wasmer_compiler_cranelift-", ".dist-info"
    site = os.path.dirname(os.path.dirname(wasmer_compiler_cranelift.__file__))
    try:
        for entry in os.scandir(site):
            if entry.name.startswith(prefix) and entry.name.endswith(suffix):
                return entry.name[len(prefix):-len(suffix)]
    except OSError:
        pass
    return "unknown"   # vendored install: the rest of the cache tag still separates


def _kind_and_signature(extern_type):
    if isinstance(extern_type, FunctionType):
        return "function", Signature(tuple(_TYPE_NAMES[t] for t in extern_type.params),
                                     tuple(_TYPE_NAMES[t] for t in extern_type.results))
    if isinstance(extern_type, wasmer.MemoryType):
        return "memory", None
    if isinstance(extern_type, wasmer.GlobalType):
        return "global", None
    return "table", None


class _WasmerInstance:
    trap_types = (RuntimeError,)

    def __init__(self, instance: Instance):
        self._instance = instance
        self._exports = instance.exports

    def function(self, name: str):
        return getattr(self._exports, name)

    def memory(self):
        try:
            memory = self._exports.memory
        except LookupError:  # wasmer raises LookupError, not AttributeError
            return None
        return memory.buffer if isinstance(memory, wasmer.Memory) else None

    def map_trap(self, exc: BaseException, module: str, export: str) -> Exception:
        text = str(exc)
        exited = _EXIT.search(text)
        if exited:
            code = int(exited.group(1))
            return WasmExit(f"module {module!r}, export {export!r}: the guest exited with code "
                            f"{code}", code)
        # wasmer appends a wasm backtrace after the first line; the first line says what trapped
        reason = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
        return WasmTrap(f"module {module!r}, export {export!r}: guest trapped: {reason}")


def _refuse_escaping_symlinks(host_dir: str) -> None:
    """wasmer 1.1.0's WASI follows symbolic links *out of* a granted directory (a link to `/`
    inside it opens the whole host file system to the guest). Its guests cannot create links
    (path_symlink is refused), so refusing, at load, a grant that holds a link resolving
    outside it closes the hole; links that stay inside are harmless and allowed."""
    root = os.path.realpath(host_dir)
    for folder, subdirs, files in os.walk(root):
        for entry in subdirs + files:
            path = os.path.join(folder, entry)
            if not os.path.islink(path):
                continue
            target = os.path.realpath(path)
            if os.path.commonpath([root, target]) != root:
                raise WasmLoadError(
                    f"granted directory {host_dir!r} holds the symbolic link {path!r} -> "
                    f"{os.readlink(path)!r}, which leads outside it; wasmer would let the guest "
                    f"follow it (remove the link, grant its target explicitly, or load with "
                    f"engine='wasmtime', whose sandbox does not follow it)")


class _WasmerEngine:
    name = "wasmer"

    thread_bound = True   # every wasmer object panics when used from another thread

    def __init__(self):
        # Compiled code is machine code: the platform is part of what makes an entry reusable.
        self.cache_tag = (f"wasmer-python {wasmer.__version__}, core {wasmer.__core_version__}, "
                          f"cranelift {_compiler_version()}, {sys.platform}-{os.uname().machine}")
        self._local = threading.local()

    @property
    def store(self) -> Store:
        # One store per thread (a store, like everything in wasmer, cannot leave its thread).
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(engine.Universal(wasmer_compiler_cranelift.Compiler))
        return store

    # wasmer-python 1.1.0 never frees a Module's compiled code (its engine keeps every
    # artifact): ~8 KiB a module, so 10,000 loads of one guest grew the process by 80 MiB.
    # Each thread's store therefore keeps the modules it made, by content, and a load of
    # bytes it has seen reuses the module (instances made from one module are independent).
    _MODULES_KEPT = 256

    def _remembered(self, kind: str, data: bytes, make):
        modules = getattr(self._local, "modules", None)
        if modules is None:
            modules = self._local.modules = {}
        key = (kind, hashlib.sha256(data).digest())
        module = modules.get(key)
        if module is None:
            module = make()
            if len(modules) >= self._MODULES_KEPT:
                modules.pop(next(iter(modules)))
            modules[key] = module
        return module

    def compile(self, wasm: bytes):
        try:
            return self._remembered("wasm", wasm, lambda: Module(self.store, wasm))
        except (RuntimeError, TypeError, ValueError) as exc:
            raise WasmLoadError(f"not a valid wasm module: {exc}") from None

    def serialize(self, compiled) -> bytes:
        return compiled.serialize()

    def deserialize(self, data: bytes):
        return self._remembered("serialized", data, lambda: Module.deserialize(self.store, data))

    def exports(self, compiled) -> list[Extern]:
        return [Extern("", e.name, *_kind_and_signature(e.type)) for e in compiled.exports]

    def imports(self, compiled) -> list[Extern]:
        return [Extern(i.module, i.name, *_kind_and_signature(i.type)) for i in compiled.imports]

    def needs_wasi(self, compiled) -> bool:
        return wasi.get_version(compiled, strict=False) is not None

    def instantiate(self, compiled, wasi_config, host: dict[tuple[str, str], HostFunction]):
        store = self.store
        imports: dict[str, dict] = {}
        if wasi_config is not None:
            version = wasi.get_version(compiled, strict=False)
            if version is None:
                version = wasi.Version.SNAPSHOT1
            # the builder's methods mutate it (and return it)
            builder = wasi.StateBuilder(wasi_config.program_name)
            if wasi_config.args:
                builder.arguments(list(wasi_config.args))
            if wasi_config.env:
                builder.environments(dict(wasi_config.env))
            if wasi_config.dirs:
                for host_dir in wasi_config.dirs.values():
                    _refuse_escaping_symlinks(host_dir)
                builder.map_directories(dict(wasi_config.dirs))
            imports = builder.finalize().generate_imports(store, version)
        for (namespace, name), host_fn in host.items():
            sig = host_fn.signature
            function_type = FunctionType([_TYPES[t] for t in sig.params],
                                         [_TYPES[t] for t in sig.results])
            imports.setdefault(namespace, {})[name] = Function(store, host_fn.fn, function_type)
        try:
            return _WasmerInstance(Instance(compiled, imports))
        except RuntimeError as exc:
            raise WasmLoadError(f"cannot instantiate: {exc}") from None


ENGINE = _WasmerEngine()
