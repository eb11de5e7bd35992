"""What a wasm guest is, read from its bytes alone: `golo-fast wasm-info guest.wasm`.

A small reader of the WebAssembly binary format (spec §5: the type, import, function, memory,
export, start and custom sections; every other section is skipped by its size), so it needs
no engine, runs nothing from the guest, and explains a broken file instead of failing on it.

    info = wasm_info.read_file("guests/hello.wasm")
    info.exports, info.imports, info.memories, info.protocols(), info.producer()
    print(wasm_info.format_text(info)); json.dumps(wasm_info.to_json(info))

Protocols are named by the detection golo-fast's bridge applies at load — the same function,
golo_fast.wasm._protocol.detect (issue 6, docs/protocols.md) — from signatures and names only:

- *3-function* (the seed article): an export `(i32, i32) -> ()`, with `getResultPtr() -> i32`,
  `getResultLen() -> i32` and an exported memory; the guest owns the result. The host writes
  the input with the guest's `malloc` (freed with `free`), or at offset 1024 without one.
- *packed*: an export `(i32, i32) -> i64` returning `ptr << 32 | len`, with an allocator pair
  the host uses for the input and to free the result: `malloc`/`free` or
  `allocate`/`deallocate`.
- *host handlers*: imports `env.hostCallStringHandler` / `env.hostCallNamedHandler` (with
  `env.hostGetResultPtr`/`hostGetResultLen`), answered by wasmRegisterStringHandler.
- *string host imports*: any other non-WASI import `(i32, i32) -> ()` or `-> i32` (e.g.
  `env.log`), answered by a host function registered under that name.
- *WASI*: imports from `wasi_snapshot_preview1`; a command (`_start`) or a reactor
  (`_initialize`).

The producer comes from the `producers` custom section (tool-conventions/ProducersSection.md):
TinyGo, Rust, Zig, clang, AssemblyScript, ... Stripped modules have none; then it is "unknown".
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

MAGIC = b"\0asm"
_VALTYPES = {0x7F: "i32", 0x7E: "i64", 0x7D: "f32", 0x7C: "f64", 0x7B: "v128",
             0x70: "funcref", 0x6F: "externref"}
_KINDS = {0: "function", 1: "table", 2: "memory", 3: "global", 4: "tag"}
_SECTION_NAMES = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
                  6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data",
                  12: "data count", 13: "tag"}
_PAGE = 65536
# (field of the producers section, value name in lower case) -> toolchain, first match wins
_TOOLCHAINS = (
    ("processed-by", "tinygo", "TinyGo"), ("language", "go", "TinyGo"),
    ("processed-by", "rustc", "Rust"), ("language", "rust", "Rust"),
    ("processed-by", "zig", "Zig"), ("language", "zig", "Zig"),
    ("processed-by", "assemblyscript", "AssemblyScript"),
    ("language", "assemblyscript", "AssemblyScript"),
    ("processed-by", "emscripten", "Emscripten"),
    ("processed-by", "clang", "clang"), ("language", "c", "clang"),
    ("language", "c++", "clang"), ("language", "c11", "clang"),
    ("processed-by", "grain", "Grain"), ("language", "grain", "Grain"),
)


class WasmInfoError(Exception):
    """The file is not a wasm module this reader understands; the message says where."""


@dataclass(frozen=True)
class FuncType:
    params: tuple
    results: tuple

    def __str__(self) -> str:
        return f"({', '.join(self.params)}) -> ({', '.join(self.results)})"


@dataclass(frozen=True)
class Limits:
    minimum: int             # pages for memories, elements for tables
    maximum: int | None
    shared: bool = False
    memory64: bool = False


@dataclass(frozen=True)
class Entry:
    """One import or export. `detail` is a FuncType (function), Limits (memory, table), the
    value type and mutability (global, e.g. "mut i32"), or None (an export whose index could
    not be resolved)."""
    kind: str
    name: str
    module: str = ""            # the import's module; "" for exports
    detail: object = None


@dataclass
class ModuleInfo:
    path: str
    size: int
    imports: list = field(default_factory=list)
    exports: list = field(default_factory=list)
    memories: list = field(default_factory=list)       # (Limits, imported: bool)
    start: int | None = None                           # index of the wasm start function
    custom: list = field(default_factory=list)         # names of custom sections, in order
    producers: dict = field(default_factory=dict)      # field -> [(name, version)]
    module_name: str | None = None                     # from the "name" section

    def export(self, name: str):
        for e in self.exports:
            if e.name == name:
                return e
        return None

    def export_type(self, name: str) -> FuncType | None:
        e = self.export(name)
        return e.detail if e is not None and e.kind == "function" else None

    def protocols(self) -> dict:
        """What golo-fast would do with this guest (see the module docstring)."""
        return describe_protocols(self)

    def producer(self) -> str:
        return producer_of(self.producers)


class _Reader:
    def __init__(self, data: bytes, start: int = 0, end: int | None = None):
        self.data = data
        self.pos = start
        self.end = len(data) if end is None else end

    def byte(self) -> int:
        if self.pos >= self.end:
            raise WasmInfoError(f"unexpected end of data at offset {self.pos}")
        b = self.data[self.pos]
        self.pos += 1
        return b

    def u32(self) -> int:
        result = shift = 0
        for _ in range(5):
            b = self.byte()
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7
        raise WasmInfoError(f"integer too long (LEB128) at offset {self.pos}")

    def u64(self) -> int:
        result = shift = 0
        for _ in range(10):
            b = self.byte()
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7
        raise WasmInfoError(f"integer too long (LEB128) at offset {self.pos}")

    def raw(self, n: int) -> bytes:
        if n > self.end - self.pos:
            raise WasmInfoError(f"{n} bytes at offset {self.pos} run past the end of their "
                                f"section or file")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def name(self) -> str:
        at = self.pos
        raw = self.raw(self.u32())
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise WasmInfoError(f"a name at offset {at} is not UTF-8") from None

    def valtype(self) -> str:
        at = self.pos
        b = self.byte()
        if b not in _VALTYPES:
            raise WasmInfoError(f"unknown value type 0x{b:02x} at offset {at}")
        return _VALTYPES[b]

    def limits(self, memory: bool) -> Limits:
        at = self.pos
        flags = self.byte()
        if flags > (7 if memory else 1):
            raise WasmInfoError(f"unknown limits flags 0x{flags:02x} at offset {at}")
        read = self.u64 if flags & 4 else self.u32
        minimum = read()
        maximum = read() if flags & 1 else None
        return Limits(minimum, maximum, bool(flags & 2), bool(flags & 4))


def read_file(path: str) -> ModuleInfo:
    """Read a module from a file; WasmInfoError with a one-line reason when impossible."""
    if os.path.isdir(path):
        raise WasmInfoError(f"'{path}' is a directory, not a wasm file")
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise WasmInfoError(f"cannot read '{path}': {exc.strerror or exc}") from None
    return read_bytes(data, path)


def read_bytes(data: bytes, path: str = "<bytes>") -> ModuleInfo:
    """Read a module's imports, exports, memories and custom sections from its bytes."""
    if data[:4] != MAGIC:
        raise WasmInfoError("not a wasm module: it does not start with the magic bytes "
                            "\\0asm" + (" (the file is empty)" if not data else ""))
    if len(data) < 8:
        raise WasmInfoError("truncated: the file ends inside the header")
    version = int.from_bytes(data[4:8], "little")
    if version != 1:
        raise WasmInfoError(f"unsupported wasm binary version {version} (this reader knows "
                            f"version 1; 0x0d000001 would be a component, not a module)")
    info = ModuleInfo(path, len(data))
    types: list[FuncType] = []
    func_types: list[int] = []          # type index of each function, imports first
    globals_: list[str] = []            # types of the module's own globals
    tables: list[Limits] = []
    r = _Reader(data, 8)
    exports_raw = []
    while r.pos < len(data):
        section_at = r.pos
        section_id = r.byte()
        size = r.u32()
        body_start = r.pos
        if size > len(data) - body_start:
            what = _SECTION_NAMES.get(section_id, f"id {section_id}")
            raise WasmInfoError(f"truncated: the {what} section at offset {section_at} "
                                f"declares {size} bytes, only {len(data) - body_start} remain")
        s = _Reader(data, body_start, body_start + size)
        try:
            if section_id == 0:
                _custom_section(s, info)
            elif section_id == 1:
                for _ in range(s.u32()):
                    at = s.pos
                    if s.byte() != 0x60:
                        raise WasmInfoError(f"type at offset {at} is not a function type")
                    params = tuple(s.valtype() for _ in range(s.u32()))
                    results = tuple(s.valtype() for _ in range(s.u32()))
                    types.append(FuncType(params, results))
            elif section_id == 2:
                for _ in range(s.u32()):
                    module, name = s.name(), s.name()
                    kind = s.byte()
                    detail = _import_desc(s, kind, types, func_types, info)
                    info.imports.append(Entry(_KINDS.get(kind, f"kind {kind}"), name, module,
                                              detail))
            elif section_id == 3:
                func_types.extend(s.u32() for _ in range(s.u32()))
            elif section_id == 5:
                for _ in range(s.u32()):
                    info.memories.append((s.limits(True), False))
            elif section_id == 7:
                for _ in range(s.u32()):
                    name = s.name()
                    kind = s.byte()
                    exports_raw.append((name, kind, s.u32()))
            elif section_id == 8:
                info.start = s.u32()
            elif section_id == 6:
                for _ in range(s.u32()):
                    globals_.append(_global_type(s))
                    _skip_const_expr(s)
            elif section_id == 4:
                for _ in range(s.u32()):
                    s.valtype()
                    tables.append(s.limits(False))
        except WasmInfoError as exc:
            what = _SECTION_NAMES.get(section_id, f"id {section_id}")
            raise WasmInfoError(f"malformed {what} section (offset {section_at}): {exc}") \
                from None
        r.pos = body_start + size
    imported = {k: [e for e in info.imports if e.kind == k] for k in _KINDS.values()}
    memories = [(e.detail, True) for e in imported["memory"]] + info.memories
    info.memories = memories
    globals_ = [e.detail for e in imported["global"]] + globals_
    tables = [e.detail for e in imported["table"]] + tables
    for name, kind, index in exports_raw:
        detail = None
        if kind == 0 and index < len(func_types) and func_types[index] < len(types):
            detail = types[func_types[index]]
        elif kind == 2 and index < len(memories):
            detail = memories[index][0]
        elif kind == 3 and index < len(globals_):
            detail = globals_[index]
        elif kind == 1 and index < len(tables):
            detail = tables[index]
        info.exports.append(Entry(_KINDS.get(kind, f"kind {kind}"), name, "", detail))
    return info


def _import_desc(s: _Reader, kind: int, types, func_types, info):
    if kind == 0:
        index = s.u32()
        func_types.append(index)
        if index >= len(types):
            raise WasmInfoError(f"an import uses type {index}, the module declares "
                                f"{len(types)}")
        return types[index]
    if kind == 1:
        s.valtype()
        return s.limits(False)
    if kind == 2:
        return s.limits(True)
    if kind == 3:
        return _global_type(s)
    if kind == 4:
        s.byte()
        s.u32()
        return None
    raise WasmInfoError(f"unknown import kind {kind}")


def _global_type(s: _Reader) -> str:
    valtype = s.valtype()
    mutable = s.byte()
    return f"mut {valtype}" if mutable else valtype


def _skip_const_expr(s: _Reader) -> None:
    """Skip a constant expression (global initialiser) up to its `end` (0x0b)."""
    while True:
        op = s.byte()
        if op == 0x0B:
            return
        if op in (0x41, 0x23, 0xD2):     # i32.const, global.get, ref.func: one LEB
            s.u64()
        elif op == 0x42:                  # i64.const
            s.u64()
        elif op == 0x43:                  # f32.const
            s.raw(4)
        elif op == 0x44:                  # f64.const
            s.raw(8)
        elif op == 0xD0:                  # ref.null t
            s.byte()
        elif op == 0xFD:                  # v128.const
            s.u32()
            s.raw(16)
        elif op in (0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E):   # extended-const arithmetic
            continue
        else:
            raise WasmInfoError(f"unexpected opcode 0x{op:02x} in a constant expression")


def _custom_section(s: _Reader, info: ModuleInfo) -> None:
    name = s.name()
    info.custom.append(name)
    if name == "producers":
        for _ in range(s.u32()):
            field_name = s.name()
            values = info.producers.setdefault(field_name, [])
            for _ in range(s.u32()):
                values.append((s.name(), s.name()))
    elif name == "name":
        # subsection 0 is the module name; other subsections are skipped
        while s.pos < s.end:
            sub, size = s.byte(), s.u32()
            end = s.pos + size
            if sub == 0:
                info.module_name = s.name()
            s.pos = end


def producer_of(producers: dict) -> str:
    """The toolchain named by a producers section: TinyGo, Rust, Zig, clang, ... or unknown."""
    for field_name, needle, toolchain in _TOOLCHAINS:
        for value, _ in producers.get(field_name, ()):
            words = value.lower().replace("-", " ").split()
            if value.lower() == needle or (words and words[0] == needle):
                return toolchain
    if producers:
        first = next(iter(producers.values()))
        if first:
            return first[0][0]
    return "unknown"


def describe_protocols(info: ModuleInfo) -> dict:
    """The calling conventions golo-fast sees in a module, by the bridge's own detection
    (golo_fast.wasm._protocol.detect).

    Returns {"exports": {name: description}, "module": [descriptions], "missing": [imports no
    host function can satisfy]}; descriptions are short sentences.
    """
    from golo_fast.wasm._protocol import HANDLER_IMPORTS, detect

    def shape(detail):
        return (detail.params, detail.results) if isinstance(detail, FuncType) else (None, None)

    found = detect({e.name: (e.kind, *shape(e.detail)) for e in info.exports},
                   [(e.module, e.name, e.kind, *shape(e.detail)) for e in info.imports])
    per_export = {name: chosen.text for name, chosen in found.exports.items()}
    module = []
    handlers = {name for name, _ in found.handler_imports}
    if "hostCallStringHandler" in handlers:
        module.append("host handler: env.hostCallStringHandler (wasmRegisterStringHandler)")
    if "hostCallNamedHandler" in handlers:
        module.append("named host handlers: env.hostCallNamedHandler "
                      "(wasmRegisterStringHandler with a name)")
    for imp in found.string_imports:
        module.append(f"string host import: {imp.namespace}.{imp.name}(ptr, len) "
                      f"(register a host function named {imp.name!r})")
    # the article's handler imports with a wrong signature say what was expected
    missing = [text if qualified[len("env."):] in HANDLER_IMPORTS
               and qualified.startswith("env.") else qualified
               for qualified, text in zip(found.missing_names, found.missing)]
    wasi = "WASI " if found.wasi else ""
    if found.init == "_initialize":
        module.append(f"{wasi}reactor: _initialize runs once at load")
    elif found.init == "_start":
        module.append(f"{wasi}command: _start runs once at load (exit code 0 is success)")
    elif wasi:
        module.append("WASI imports (no _initialize or _start export)")
    if info.start is not None:
        module.append("wasm start function runs at instantiation")
    return {"exports": per_export, "module": module, "missing": missing}


def _detail_text(e: Entry) -> str:
    d = e.detail
    if d is None:
        return ""
    if isinstance(d, FuncType):
        return str(d)
    if isinstance(d, Limits):
        return _limits_text(d, e.kind == "memory")
    return str(d)


def _limits_text(lim: Limits, memory: bool) -> str:
    if not memory:
        top = "no maximum" if lim.maximum is None else f"max {lim.maximum}"
        return f"{lim.minimum} element{'s' if lim.minimum != 1 else ''}, {top}"
    text = f"min {_pages(lim.minimum)}, "
    text += "no maximum" if lim.maximum is None else f"max {_pages(lim.maximum)}"
    if lim.shared:
        text += ", shared"
    if lim.memory64:
        text += ", 64-bit"
    return text


def _pages(pages: int) -> str:
    size = pages * _PAGE
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            return f"{pages} page{'s' if pages != 1 else ''} ({size / scale:g} {unit})"
    return f"{pages} pages (0 bytes)"


def format_text(info: ModuleInfo) -> str:
    """The human-readable report of `golo-fast wasm-info`."""
    out = [f"{info.path}: wasm module, {info.size} bytes\n"]
    if info.module_name:
        out.append(f"name: {info.module_name}\n")
    producer = info.producer()
    if info.producers:
        details = "; ".join(f"{k}: " + ", ".join(f"{n} {v}".strip() for n, v in vals)
                            for k, vals in info.producers.items())
        out.append(f"producer: {producer} ({details})\n")
    else:
        out.append("producer: unknown (no producers custom section; stripped modules have "
                   "none)\n")
    out.append(f"imports ({len(info.imports)}):\n")
    for e in info.imports:
        detail = _detail_text(e)
        out.append(f"  {e.kind:<8} {e.module}.{e.name}" + (f" {detail}" if detail else "")
                   + "\n")
    if not info.imports:
        out.append("  (none)\n")
    out.append(f"exports ({len(info.exports)}):\n")
    for e in info.exports:
        detail = _detail_text(e)
        out.append(f"  {e.kind:<8} {e.name}" + (f" {detail}" if detail else "") + "\n")
    if not info.exports:
        out.append("  (none)\n")
    if info.memories:
        out.append("memory:\n")
        for lim, imported in info.memories:
            out.append(f"  {_limits_text(lim, True)}{' (imported)' if imported else ''}\n")
    else:
        out.append("memory: none\n")
    protocols = info.protocols()
    out.append("protocols:\n")
    lines = [f"  {name}: {text}\n" for name, text in protocols["exports"].items()]
    lines += [f"  {text}\n" for text in protocols["module"]]
    out.extend(lines or ["  none golo-fast can call with strings (wasmCall with numbers only)\n"])
    if protocols["missing"]:
        out.append("unsatisfiable imports (wasmLoad refuses the module): "
                   + ", ".join(protocols["missing"]) + "\n")
    if info.custom:
        out.append(f"custom sections: {', '.join(info.custom)}\n")
    return "".join(out)


def _entry_json(e: Entry) -> dict:
    out = {"kind": e.kind, "name": e.name}
    if e.module:
        out = {"module": e.module, **out}
    d = e.detail
    if isinstance(d, FuncType):
        out["params"], out["results"] = list(d.params), list(d.results)
    elif isinstance(d, Limits):
        out["limits"] = _limits_json(d)
    elif isinstance(d, str):
        out["type"] = d
    return out


def _limits_json(lim: Limits) -> dict:
    return {"min": lim.minimum, "max": lim.maximum, "shared": lim.shared,
            "memory64": lim.memory64}


def to_json(info: ModuleInfo) -> dict:
    """The `--json` form: plain dicts and lists, stable keys."""
    protocols = info.protocols()
    return {
        "path": info.path,
        "size": info.size,
        "name": info.module_name,
        "producer": info.producer(),
        "producers": {k: [{"name": n, "version": v} for n, v in vals]
                      for k, vals in info.producers.items()},
        "imports": [_entry_json(e) for e in info.imports],
        "exports": [_entry_json(e) for e in info.exports],
        "memories": [{**_limits_json(lim), "imported": imported}
                     for lim, imported in info.memories],
        "protocols": protocols["exports"],
        "module_protocols": protocols["module"],
        "unsatisfiable_imports": protocols["missing"],
        "custom_sections": list(info.custom),
    }
