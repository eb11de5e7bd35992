"""The guests in guests/: reproducible builds, exports as catalogued, raw behaviour.

These tests use wasmer directly, never golo_fast.wasm: they pin down what each guest does
(the contract in guests/README.md, which they parse) so that the bridge's own tests can
rely on it. Which error class the *bridge* raises for a hostile guest is the bridge's test;
here we check the guest really does the hostile thing the catalogue says.
"""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import wasmer
import wasmer_compiler_cranelift
from wasmer import wasi

ROOT = Path(__file__).resolve().parent.parent
GUESTS = ROOT / "guests"
README = GUESTS / "README.md"
FIXED_INPUT = 1024          # where a host writes input when the guest exports no malloc
INPUT_AREA = 65536
U32 = 0xFFFFFFFF
U64 = 0xFFFFFFFFFFFFFFFF


# ---- the catalogue (guests/README.md) -----------------------------------------------------

def _cells(line: str) -> list[str]:
    # split a markdown table row on unescaped pipes
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def _ticked(cell: str) -> set[str]:
    return set(re.findall(r"`([^`]+)`", cell))


def read_catalogue() -> dict[str, tuple[set[str], set[str]]]:
    """{file relative to guests/: (exports, imports)} from the README's two tables."""
    out = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `([\w/]+\.wasm)` \|", line)
        if not m:
            continue
        cells = _cells(line)
        if m.group(1).startswith("hostile/"):
            exports, imports = cells[1], cells[2]
        else:
            exports, imports = cells[2], cells[3]
        out[m.group(1)] = (_ticked(exports), _ticked(imports))
    return out


CATALOGUE = read_catalogue()
UNLOADABLE = {"hostile/not_wasm.wasm", "hostile/truncated.wasm"}


def load_build_script():
    spec = importlib.util.spec_from_file_location("guests_build", GUESTS / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module               # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _type_names(types) -> str:
    return ",".join(wasmer.Type(t).name.lower() for t in types)


def describe(name: str, kind) -> str:
    """An export/import as the README writes it: `memory`, `f(i32,i32)->i64`, `g()`."""
    if isinstance(kind, wasmer.MemoryType):
        return name
    assert isinstance(kind, wasmer.FunctionType), (name, kind)
    text = f"{name}({_type_names(kind.params)})"
    return f"{text}->{_type_names(kind.results)}" if kind.results else text


# ---- wasmer helpers -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def store():
    return wasmer.Store(wasmer.engine.Universal(wasmer_compiler_cranelift.Compiler))


def module(store, rel: str) -> wasmer.Module:
    return wasmer.Module(store, (GUESTS / rel).read_bytes())


FUNC_TYPES = {
    "i32,i32->i32": wasmer.FunctionType([wasmer.Type.I32] * 2, [wasmer.Type.I32]),
    "i32,i32,i32->i32": wasmer.FunctionType([wasmer.Type.I32] * 3, [wasmer.Type.I32]),
    "i32x4->i32": wasmer.FunctionType([wasmer.Type.I32] * 4, [wasmer.Type.I32]),
    "->i32": wasmer.FunctionType([], [wasmer.Type.I32]),
    "i32,i32->": wasmer.FunctionType([wasmer.Type.I32] * 2, []),
}


class Guest:
    """One instance plus the article's protocol done by hand (the raw calls)."""

    def __init__(self, store, rel: str, env: dict | None = None, wasi_state=None):
        mod = module(store, rel)
        if wasi_state is not None:
            imports = wasi_state.finalize().generate_import_object(
                store, wasi.get_version(mod, strict=True))
        else:
            imports = wasmer.ImportObject()
        if env:
            imports.register("env", {name: wasmer.Function(store, fn, FUNC_TYPES[sig])
                                     for name, (sig, fn) in env.items()})
        self.names = {e.name for e in mod.exports}
        self.instance = wasmer.Instance(mod, imports)
        self.x = self.instance.exports
        if "_initialize" in self.names:
            self.x._initialize()

    def view(self) -> memoryview:
        # a fresh view every time: a view taken before a growing call keeps the old length
        return memoryview(self.x.memory.buffer)

    def read(self, ptr: int, n: int) -> bytes:
        ptr &= U32
        n &= U32
        assert ptr + n <= self.x.memory.data_size, (ptr, n, self.x.memory.data_size)
        return bytes(self.view()[ptr:ptr + n])

    def write(self, data: bytes, alloc: str = "malloc") -> int:
        if alloc in self.names:
            ptr = getattr(self.x, alloc)(len(data) or 1) & U32
        else:
            assert len(data) <= INPUT_AREA
            ptr = FIXED_INPUT
        self.view()[ptr:ptr + len(data)] = data
        return ptr

    def result(self) -> bytes:
        return self.read(self.x.getResultPtr(), self.x.getResultLen())

    def call(self, fn: str, data: bytes) -> bytes:
        ptr = self.write(data)
        getattr(self.x, fn)(ptr, len(data))
        return self.result()

    def call_packed(self, fn: str, data: bytes, alloc="malloc", dealloc="free") -> bytes:
        ptr = self.write(data, alloc)
        packed = getattr(self.x, fn)(ptr, len(data)) & U64
        rptr, rlen = packed >> 32, packed & U32
        out = self.read(rptr, rlen)
        if dealloc == "free":
            self.x.free(ptr)
            self.x.free(rptr)
        else:
            self.x.deallocate(ptr, len(data))
            self.x.deallocate(rptr, rlen)
        return out


# ---- build ------------------------------------------------------------------------------

@pytest.mark.slow
def test_rebuild_gives_identical_bytes():
    # Marked slow: 2-13 s with zig's cache warm, but the first run on a fresh machine
    # compiles wasi-libc into zig's cache first (measured 75 s on 2 busy cores).
    res = subprocess.run([sys.executable, str(GUESTS / "build.py"), "--check"],
                         capture_output=True, text=True, timeout=600, check=False)
    assert res.returncode == 0, res.stdout + res.stderr


def test_build_refuses_another_zig_version(monkeypatch, capsys):
    build = load_build_script()
    monkeypatch.setattr(build, "zig_version", lambda: "0.13.0")
    with pytest.raises(SystemExit) as exc:
        build.check_toolchains()
    assert exc.value.code == 2
    assert "0.13.0" in capsys.readouterr().err


def test_catalogue_lists_exactly_the_built_and_committed_guests():
    built = {g.output for g in load_build_script().GUESTS}
    on_disk = {p.relative_to(GUESTS).as_posix() for p in GUESTS.rglob("*.wasm")}
    assert set(CATALOGUE) == built == on_disk
    for g in load_build_script().GUESTS:
        assert (GUESTS / g.source).is_file(), g


# ---- exports and imports as catalogued ----------------------------------------------------

@pytest.mark.parametrize("rel", sorted(set(CATALOGUE) - UNLOADABLE))
def test_exports_and_imports_match_catalogue(store, rel):
    exports, imports = CATALOGUE[rel]
    mod = module(store, rel)
    assert {describe(e.name, e.type) for e in mod.exports} == exports
    found = {f"{i.module}.{describe(i.name, i.type)}" for i in mod.imports}
    if imports == {"wasi_snapshot_preview1.*"}:
        assert found and all(i.startswith("wasi_snapshot_preview1.") for i in found), found
    else:
        assert found == imports


@pytest.mark.parametrize("rel", sorted(UNLOADABLE))
def test_not_wasm_and_truncated_do_not_load(store, rel):
    with pytest.raises(RuntimeError):
        module(store, rel)


def test_truncated_is_the_first_half_of_hello():
    hello = (GUESTS / "hello.wasm").read_bytes()
    assert (GUESTS / "hostile/truncated.wasm").read_bytes() == hello[: len(hello) // 2]


# ---- the article's guests -----------------------------------------------------------------

def test_hello_raw_call_through_wasmer(store):
    g = Guest(store, "hello.wasm")
    data = "🌸 Alice".encode()
    ptr = g.x.malloc(len(data)) & U32
    memoryview(g.x.memory.buffer)[ptr:ptr + len(data)] = data
    assert g.x.hello(ptr, len(data)) is None
    rptr, rlen = g.x.getResultPtr() & U32, g.x.getResultLen() & U32
    assert bytes(memoryview(g.x.memory.buffer)[rptr:rptr + rlen]).decode() == "Hello, 🌸 Alice!!!"
    assert g.call("hello", b"") == b"Hello, !!!"


def _wasm_layout(data: bytes) -> tuple[list[int], list[int]]:
    """(initial values of i32 globals, offsets of active data segments) of a module."""
    def leb(pos, signed=False):
        value = shift = 0
        while True:
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                if signed and byte & 0x40:
                    value -= 1 << shift
                return value, pos

    globals_, segments, pos = [], [], 8
    while pos < len(data):
        section, (size, pos) = data[pos], leb(pos + 1)
        end, cur = pos + size, pos
        if section in (6, 11):
            count, cur = leb(cur)
            for _ in range(count):
                if section == 6:
                    assert data[cur:cur + 3:2] == b"\x7f\x41", "an i32 global = i32.const"
                    value, cur = leb(cur + 3, signed=True)
                    globals_.append(value)
                    cur += 1                                  # `end`
                else:
                    flags, cur = leb(cur)
                    assert flags == 0 and data[cur] == 0x41, "active, i32.const offset"
                    offset, cur = leb(cur + 1, signed=True)
                    length, cur = leb(cur + 1)
                    segments.append(offset)
                    cur += length
        pos = end
    return globals_, segments


def test_hello_nomalloc_keeps_the_fixed_input_area_free(store):
    globals_, segments = _wasm_layout((GUESTS / "hello_nomalloc.wasm").read_bytes())
    assert globals_ and globals_[0] <= FIXED_INPUT          # the stack pointer starts below it
    assert segments and min(segments) >= FIXED_INPUT + INPUT_AREA
    g = Guest(store, "hello_nomalloc.wasm")
    fill = bytes(range(251)) * (INPUT_AREA // 251 + 1)
    for data in ["🌸 Alice".encode(), b"x" * 5000, b""]:
        area = bytearray(fill[:INPUT_AREA])
        area[:len(data)] = data
        g.view()[FIXED_INPUT:FIXED_INPUT + INPUT_AREA] = bytes(area)
        g.x.hello(FIXED_INPUT, len(data))
        assert g.result() == b"Hello, " + data + b"!!!"
        assert g.view()[FIXED_INPUT:FIXED_INPUT + INPUT_AREA] == bytes(area)
        assert g.x.getResultPtr() & U32 >= FIXED_INPUT + INPUT_AREA


def test_echo_copies_any_input_and_has_call_floor_exports(store):
    g = Guest(store, "echo.wasm")
    assert g.call("echo", b"") == b""
    big = bytes(range(256)) * (5 * 4096 + 3)        # 5 MiB + 768 B
    assert g.call("echo", big) == big
    assert g.call("echo", b"\x00\xff") == b"\x00\xff"
    # a copy, not the input block: overwrite the input and the result stays
    ptr = g.write(b"abc")
    g.x.echo(ptr, 3)
    g.view()[ptr:ptr + 3] = b"xyz"
    assert g.result() == b"abc" and g.x.getResultPtr() & U32 != ptr
    assert g.x.noop() is None
    assert g.x.add(2, 3) == 5
    assert g.x.add(0x7FFFFFFF, 1) == -0x80000000                  # wraps, comes back signed


def _replying_env(get_guest, handlers):
    """env imports whose handlers reply through the guest's malloc, as the bridge will."""
    state = {"reply": (0, 0)}

    def reply(text: str | None) -> int:
        if text is None:
            return 1
        data = text.encode()
        state["reply"] = (get_guest().write(data), len(data))
        return 0

    def default(ptr, n):
        return reply(handlers["default"](get_guest().read(ptr, n).decode()))

    def named(name_ptr, name_len, ptr, n):
        name = get_guest().read(name_ptr, name_len).decode()
        if name not in handlers:
            return 2
        return reply(handlers[name](get_guest().read(ptr, n).decode()))

    return {
        "hostCallStringHandler": ("i32,i32->i32", default),
        "hostCallNamedHandler": ("i32x4->i32", named),
        "hostGetResultPtr": ("->i32", lambda: state["reply"][0]),
        "hostGetResultLen": ("->i32", lambda: state["reply"][1]),
    }


def test_host_guest_follows_the_article(store):
    seen = []
    handlers = {"default": lambda msg: seen.append(msg) or "🎉 tada!"}
    env = _replying_env(lambda: g, handlers)
    del env["hostCallNamedHandler"]
    g = Guest(store, "host.wasm", env=env)
    for n in (1, 2):
        out = g.call("processWithHost", f"Hello from GoloScript! (iteration {n})".encode())
        assert out.decode() == "Result from host: 🎉 tada!"
        assert seen[-1] == f"👋 [WASM] you send me this: Hello from GoloScript! (iteration {n})"
    handlers["default"] = lambda msg: None                           # handler error: rc 1
    assert g.call("processWithHost", b"x") == b"Result from host: error 1"


def test_named_guest_routes_by_name(store):
    handlers = {"default": lambda m: "D:" + m, "upper": str.upper, "log": lambda m: f"[{m}]",
                "": lambda m: "anonymous " + m, "broken": lambda m: None}
    g = Guest(store, "named.wasm", env=_replying_env(lambda: g, handlers))
    assert g.call("route", "upper:🌸 alice".encode()).decode() == "upper -> 🌸 ALICE"
    assert g.call("route", b"log:a:b") == b"log -> [a:b]"          # split at the first ':'
    assert g.call("route", b"log") == b"log -> []"                 # no ':': empty payload
    assert g.call("route", b":x") == b" -> anonymous x"
    assert g.call("route", b"nosuch:x") == b"error 2"
    assert g.call("route", b"broken:x") == b"error 1"
    assert g.call("viaDefault", "été".encode()).decode() == "D:été"
    handlers["default"] = lambda m: None
    assert g.call("viaDefault", b"x") == b"error 1"


def grow_expected(data: bytes) -> bytes:
    """The formula documented in guests/README.md."""
    pattern = data or b"."
    k = -(-(2097152 - 8) // len(pattern))
    return b"GROWN:::" + pattern * k


def test_grow_puts_the_result_in_pages_grown_during_the_call(store):
    g = Guest(store, "grow.wasm")
    for data in [b"abc", b"", "🌸".encode(), b"z" * (3 << 20)]:
        ptr = g.write(data)
        size_before = g.x.memory.data_size
        stale = g.view()
        g.x.grow(ptr, len(data))
        rptr, rlen = g.x.getResultPtr() & U32, g.x.getResultLen() & U32
        assert rptr == size_before and rptr % 65536 == 0
        assert rptr + rlen <= g.x.memory.data_size
        assert stale[rptr:rptr + rlen] == b""                          # why views go stale
        assert g.result() == grow_expected(data)
        assert len(g.result()) >= 2 << 20
        g.x.free(ptr)


# ---- the packed-return ABI (issue 6) --------------------------------------------------------

def test_packed_guests_return_ptr_and_len_in_one_i64(store):
    g = Guest(store, "packed.wasm")
    assert g.call_packed("greet", "🌸 Alice".encode()).decode() == "Hello, 🌸 Alice!!!"
    assert g.call_packed("greet", b"") == b"Hello, !!!"
    a = Guest(store, "packed_alloc.wasm")
    assert "malloc" not in a.names and "free" not in a.names
    for _ in range(3):                                     # blocks are really given back
        out = a.call_packed("greet", b"Bob" * 1000, alloc="allocate", dealloc="deallocate")
        assert out == b"Hello, " + b"Bob" * 1000 + b"!!!"


def test_logger_logs_through_env_log_before_returning(store):
    logs = []
    g = Guest(store, "logger.wasm",
              env={"log": ("i32,i32->", lambda p, n: logs.append(g.read(p, n).decode()))})
    assert g.call_packed("greet", "🌸 Alice".encode()).decode() == "Hello, 🌸 Alice!!!"
    assert logs == ["greet called with 🌸 Alice"]


def test_assemblyscript_guest_logs_and_returns_packed(store):
    logs = []
    g = Guest(store, "as_greet.wasm",
              env={"log": ("i32,i32->", lambda p, n: logs.append(g.read(p, n).decode()))})
    for name in ["🌸 Alice", "Bob" * 50_000, ""]:
        out = g.call_packed("greet", name.encode(), alloc="allocate", dealloc="deallocate")
        assert out.decode() == f"Hello, {name}!!!"
        assert logs[-1] == f"greet called with {name}"
    assert len(logs) == 3


# ---- WASI --------------------------------------------------------------------------------------

def test_wasi_probe_is_denied_everything_by_default(store):
    g = Guest(store, "wasi_probe.wasm", wasi_state=wasi.StateBuilder("probe.wasm"))
    assert g.call("probe", b"").decode() == \
        "passwd=denied file=<none> env=0 home=<none> argc=1 argv0=probe.wasm"
    assert g.call("probe", b"/etc/hostname").decode().startswith("passwd=denied file=denied ")


def test_wasi_probe_sees_exactly_what_is_granted(store, tmp_path):
    (tmp_path / "f.txt").write_text("first line\nsecond\n")
    state = (wasi.StateBuilder("p").argument("one").environment("HOME", "/home/g")
             .environment("LANG", "C").map_directory("/data", str(tmp_path)))
    g = Guest(store, "wasi_probe.wasm", wasi_state=state)
    assert g.call("probe", b"/data/f.txt").decode() == \
        "passwd=denied file=first line env=2 home=/home/g argc=2 argv0=p"
    assert b"file=denied" in g.call("probe", b"/data/../../etc/passwd")


def test_wasi_say_writes_to_stdout_and_stderr(store, capfd):
    g = Guest(store, "wasi_probe.wasm", wasi_state=wasi.StateBuilder("probe.wasm"))
    capfd.readouterr()
    assert g.call("say", "🌸 hi".encode()) == b""
    assert g.x.getResultPtr() == 0 and g.x.getResultLen() == 0
    out, err = capfd.readouterr()
    assert out == "🌸 hi\n" and err == "err:🌸 hi\n"


def test_wasi_command_starts_then_answers_hello(store, capfd):
    g = Guest(store, "wasi_cmd.wasm", wasi_state=wasi.StateBuilder("wasi_cmd.wasm"))
    assert g.call("hello", b"early") == b"Hello, early!!!"      # exports work before _start
    capfd.readouterr()
    assert g.x._start() is None
    assert capfd.readouterr().out == "started\n"
    assert g.call("hello", "🌸 Alice".encode()).decode() == "Hello, 🌸 Alice!!!"


def test_wasi_command_exit0_is_reported_as_an_exit_code(store, capfd):
    g = Guest(store, "wasi_cmd_exit0.wasm", wasi_state=wasi.StateBuilder("c"))
    with pytest.raises(RuntimeError, match="exited with code: 0"):
        g.x._start()
    assert capfd.readouterr().out == "started\n"
    assert g.call("hello", b"Bob") == b"Hello, Bob!!!"


# ---- hostile guests: each does the hostile thing, then answers `ok` -----------------------

def hostile(store, name: str, env=None) -> Guest:
    return Guest(store, f"hostile/{name}.wasm", env=env)


def raw_result(g: Guest) -> tuple[int, int]:
    return g.x.getResultPtr(), g.x.getResultLen()


def assert_ok_still_works(g: Guest):
    g.x.ok(g.write("🌸 Alice".encode()), len("🌸 Alice".encode()))
    assert g.result().decode() == "Hello, 🌸 Alice!!!"


def test_bad_ptr_points_beyond_memory(store):
    g = hostile(store, "bad_ptr")
    g.x.run(g.write(b"x"), 1)
    ptr, n = raw_result(g)
    assert ptr == 0x10000000 and n == 16 and ptr > g.x.memory.data_size
    assert_ok_still_works(g)


def test_wrap_len_fools_a_check_that_adds_before_masking(store):
    g = hostile(store, "wrap_len")
    g.x.run(g.write(b"x"), 1)
    ptr, n = raw_result(g)
    size = g.x.memory.data_size
    assert n == -16                                               # signed, as documented
    assert (ptr + n) & U32 <= size                                # the naive check passes
    assert (ptr & U32) + (n & U32) > size                         # the right one does not
    assert_ok_still_works(g)


def test_past_end_starts_inside_and_ends_outside(store):
    g = hostile(store, "past_end")
    g.x.run(g.write(b"x"), 1)
    ptr, n = raw_result(g)
    size = g.x.memory.data_size
    assert ptr == size - 8 and n == 16 and ptr + n > size
    assert_ok_still_works(g)


@pytest.mark.parametrize("name, message", [("trap", "unreachable"),
                                           ("stack_overflow", "call stack exhausted")])
def test_traps_then_answers(store, name, message):
    g = hostile(store, name)
    with pytest.raises(RuntimeError, match=message):
        g.x.run(g.write(b"x"), 1)
    assert_ok_still_works(g)


def test_grow_max_returns_the_last_bytes_of_the_maximal_memory(store):
    g = hostile(store, "grow_max")
    assert g.x.memory.data_size == 3 * 65536
    for data in [b"tail", "🌸".encode()]:
        g.x.run(g.write(data), len(data))
        ptr, n = raw_result(g)
        assert g.x.memory.data_size == 10 * 65536 == ptr + n
        assert g.result() == b"grown:" + data
    g.x.overrun(g.write(b"x"), 1)
    ptr, n = raw_result(g)
    assert (ptr, n) == (655356, 8) and ptr + n > g.x.memory.data_size
    assert_ok_still_works(g)


def test_bad_utf8_result_is_not_utf8(store):
    g = hostile(store, "bad_utf8")
    g.x.run(g.write(b"x"), 1)
    assert g.result() == bytes.fromhex("fffec3282062616420 80eda0".replace(" ", ""))
    with pytest.raises(UnicodeDecodeError):
        g.result().decode()
    assert_ok_still_works(g)


@pytest.mark.parametrize("name", ["no_getters", "bad_getters"])
def test_getterless_guests_still_answer_plain_calls(store, name):
    g = hostile(store, name)
    assert g.x.run(g.write(b"x"), 1) is None
    assert g.x.answer() == 42


def test_handler_spam_calls_the_handler_100000_times(store):
    calls = []

    def handler(ptr, n):
        calls.append(n)
        return 0

    g = hostile(store, "handler_spam", env={"hostCallStringHandler": ("i32,i32->i32", handler)})
    g.x.run(g.write(b"x"), 1)
    assert g.result() == b"done"
    assert len(calls) == 100_000 and set(calls) == {4}
    assert_ok_still_works(g)


def test_missing_import_names_what_is_missing(store):
    with pytest.raises(RuntimeError, match="doesNotExist"):
        hostile(store, "missing_import")
    # and it is the only thing missing: provided, the module loads and runs
    g = hostile(store, "missing_import",
                env={"doesNotExist": ("i32,i32,i32->i32", lambda p, n, _: n)})
    g.x.run(g.write(b"abc"), 3)
    assert g.result() == b"abc"


def test_infinite_loop_is_a_loop_and_ok_works(store):
    # `run` cannot be called on wasmer 1.1.0 (no interruption); `ok` can
    g = hostile(store, "infinite_loop")
    assert_ok_still_works(g)
    assert "(loop $forever (br $forever))" in (GUESTS / "hostile/infinite_loop.wat").read_text()
