"""`golo-fast` command line: argv -> pipeline -> exit code. The only place that prints errors.

    golo-fast SCRIPT.golo [args...]      run main(args)               (also: run SCRIPT ...)
    golo-fast check FILE.golo...         parse and resolve only
    golo-fast --emit-python FILE.golo    print the generated Python  (also: compile --emit)
    golo-fast --version
    golo-fast repl                       interactive session (also: no arguments on a terminal;
                                         piped into `golo-fast` alone, stdin runs as a script)
    golo-fast wasm-info [--json] GUEST.wasm...   imports, exports, protocols, producer

Exit codes: 0 success; 1 compile error or uncaught Golo exception; 2 usage error or
unreadable source file; 70 internal error (a bug in golo-fast).
"""
from __future__ import annotations

import os
import sys

USAGE = """usage: golo-fast SCRIPT.golo [args...]
       golo-fast run SCRIPT.golo [args...]
       golo-fast check FILE.golo...
       golo-fast --emit-python FILE.golo   (or: golo-fast compile --emit FILE.golo)
       golo-fast --version
       golo-fast repl                 (or no arguments on a terminal)
       golo-fast wasm-info [--json] GUEST.wasm...
       COMMAND | golo-fast            (runs the piped script)
"""

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


def _version_text() -> str:
    """The version, and what runs guests here: the engine a plain wasmLoad uses and whether
    the Cython extension is in use (both decide per-call costs)."""
    import platform

    from golo_fast import __version__
    from golo_fast.errors import WasmUnsupportedError
    from golo_fast.wasm import ACCELERATED
    from golo_fast.wasm._engine import engine_name
    try:
        engine = engine_name()
    except WasmUnsupportedError as exc:
        engine = f"none ({exc})"
    return (f"golo-fast {__version__} (Python {platform.python_version()}, wasm engine: "
            f"{engine}, Cython extension: {'on' if ACCELERATED else 'off'})")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (never calls sys.exit)."""
    if argv is None:
        argv = sys.argv[1:]
    argv = list(argv)
    if not argv:
        return _no_script()
    if argv[0] in ("-h", "--help", "help"):
        sys.stdout.write(USAGE)
        return EXIT_OK
    command = argv[0]
    if command == "--version":
        print(_version_text())
        return EXIT_OK
    if command == "check":
        if len(argv) < 2:
            return _usage("check needs at least one file")
        return _guard(_check, argv[1:])
    if command == "--emit-python" or (command == "compile" and argv[1:2] == ["--emit"]):
        files = argv[1:] if command == "--emit-python" else argv[2:]
        if len(files) != 1:
            return _usage("--emit-python needs exactly one file")
        return _guard(_emit, files[0])
    if command == "compile":
        return _usage("compile supports only --emit")
    if command == "repl":
        if len(argv) > 1:
            return _usage("repl takes no arguments")
        return _guard(_repl)
    if command == "wasm-info":
        as_json = "--json" in argv[1:]
        files = [a for a in argv[1:] if a != "--json"]
        if not files:
            return _usage("wasm-info needs a .wasm file")
        return _guard(_wasm_info, files, as_json)
    if command == "run":
        argv = argv[1:]
        if not argv:
            return _usage("run needs a script")
    if argv[0].startswith("-") and argv[0] != "-":
        return _usage(f"unknown option '{argv[0]}'")
    return _guard(_run, argv[0], argv[1:])


def _usage(message: str) -> int:
    sys.stderr.write(f"golo-fast: error: {message}\n{USAGE}")
    return EXIT_USAGE


def _no_script() -> int:
    """No arguments: a terminal gets the REPL; input piped in is run as a script."""
    stdin = sys.stdin
    if stdin is not None and stdin.isatty():
        return _guard(_repl)
    try:
        data = stdin.buffer.read() if stdin is not None else b""
    except (OSError, ValueError, AttributeError):   # closed, or not readable (pytest)
        data = b""
    if not data.strip():
        sys.stderr.write(USAGE)
        return EXIT_USAGE
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        sys.stderr.write(f"golo-fast: error: standard input is not UTF-8 text (invalid byte "
                         f"0x{data[e.start]:02x} at line {line})\n")
        return EXIT_USAGE
    from golo_fast import api
    return _guard(api.run_with_big_stack, _run_stdin, text.removeprefix("\ufeff"))


def _run_stdin(text: str) -> int:
    from golo_fast import api
    from golo_fast.errors import GoloSyntaxError
    try:
        return api.run_source(text, "<stdin>")
    except GoloSyntaxError as e:
        if e.hint is None and e.message.startswith("expected 'module'"):
            e.hint = ("piped input runs as a script (`module` ... `function main`); to run "
                      "lines one by one, pipe them into `golo-fast repl`")
        raise


def _repl() -> int:
    from golo_fast import repl
    return repl.main(_report, colour=_colour(sys.stdout))


def _wasm_info(paths: list[str], as_json: bool) -> int:
    import json
    from golo_fast import wasm_info
    status, reports = EXIT_OK, []
    for path in paths:
        try:
            info = wasm_info.read_file(path)
        except wasm_info.WasmInfoError as e:
            _flush()
            sys.stderr.write(f"golo-fast: error: {path}: {e}\n")
            status = EXIT_USAGE if not os.path.isfile(path) else max(status, EXIT_ERROR)
            if as_json:
                reports.append({"path": path, "error": str(e)})
            continue
        if as_json:
            reports.append(wasm_info.to_json(info))
        else:
            sys.stdout.write(("\n" if reports else "") + wasm_info.format_text(info))
            reports.append(info)
    if as_json and reports:
        value = reports[0] if len(paths) == 1 else reports
        sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
    return status


def _colour(stream) -> bool:
    """Colour on a terminal unless NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _check(paths: list[str]) -> int:
    from golo_fast import api
    status = EXIT_OK
    for path in paths:
        try:
            api.check_file(path)
        except Exception as e:  # each file is reported on its own
            code = _report(e)
            status = max(status, code)
    return status


def _emit(path: str) -> int:
    from golo_fast import api
    sys.stdout.write(api.emit_python(path))
    return EXIT_OK


def _run(path: str, args: list[str]) -> int:
    from golo_fast import api
    return api.run_with_big_stack(api.run_file, path, args)


def _guard(fn, *args) -> int:
    try:
        return fn(*args)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_ERROR
    except BaseException as e:  # every failure ends as a message and an exit code
        return _report(e)
    finally:
        _flush()


def _flush():
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass


def _report(e: BaseException) -> int:
    from golo_fast import diagnostics
    from golo_fast.errors import GoloCompileError, InternalError
    from golo_fast.source import SourceFileError
    _flush()
    debug = os.environ.get("GOLO_FAST_DEBUG") == "1"
    if isinstance(e, SourceFileError):
        sys.stderr.write(f"golo-fast: error: {e}\n")
        return EXIT_USAGE
    if isinstance(e, GoloCompileError):
        sys.stderr.write(diagnostics.format_compile_error(e, colour=_colour(sys.stderr)))
        return EXIT_ERROR
    if isinstance(e, InternalError):
        import traceback
        sys.stderr.write("golo-fast: internal error (a bug in golo-fast, please report it): "
                         f"{e}\n")
        sys.stderr.write("".join(traceback.format_exception(type(e), e, e.__traceback__)))
        return EXIT_INTERNAL
    from golo_fast.api import NoMainError
    if isinstance(e, NoMainError):
        sys.stderr.write(f"error: {e}\n")
        return EXIT_ERROR
    message = _runtime_message(e)
    sys.stderr.write(diagnostics.format_runtime_error(message, e, debug,
                                                      colour=_colour(sys.stderr)))
    return EXIT_ERROR


def _runtime_message(e: BaseException) -> str:
    try:
        from golo_fast import runtime
        return runtime.render(runtime.catch(e))
    except BaseException as failure:  # the original error matters more than this one
        return f"{type(e).__name__}: {e} (while describing it: {type(failure).__name__})"
