"""The one formatter of errors shown to users.

Compile errors:
    hello.golo:4:22: error: undeclared reference 'nmae'
        4 |   println("Hello " + nmae)
          |                      ^~~~
    hint: did you mean 'name'?

Runtime errors: a Golo backtrace (most recent call last) of `path:line:col: in function`
frames taken from the Python traceback frames whose code came from a .golo file, then the
error. Python frames are shown only when asked (GOLO_FAST_DEBUG=1).
"""
from __future__ import annotations

import traceback

from golo_fast.source import LOADED_SOURCES


def format_compile_error(err) -> str:
    """All errors carried by a GoloCompileError (`err.errors` when the resolver found many)."""
    errors = getattr(err, "errors", None) or [err]
    return "".join(_format_one(e) for e in errors)


def _format_one(err) -> str:
    source, span = err.source, err.span
    if source is None or span is None:
        text = f"error: {err.message}\n"
        return text + (f"hint: {err.hint}\n" if err.hint else "")
    start, end = span
    line, col = source.line_col(start)
    out = [f"{source.path}:{line}:{col}: error: {err.message}\n"]
    text = source.line_text(line)
    gutter = str(line)
    out.append(f"    {gutter} | {text}\n")
    line_end_offset = start - (col - 1) + len(text)
    width = max(1, min(end, line_end_offset) - start)
    pad = "".join(c if c == "\t" else " " for c in text[:col - 1])
    out.append(f"    {' ' * len(gutter)} | {pad}^{'~' * (width - 1)}\n")
    if err.hint:
        out.append(f"hint: {err.hint}\n")
    return "".join(out)


def golo_function_name(code_name: str) -> str:
    """The Golo name of a compiled function (`fib__1` -> `fib`, closures -> `closure`)."""
    if code_name in ("<lambda>", "<listcomp>") or code_name.startswith(("_closure__", "_mk__")):
        return "closure"
    if code_name == "<module>":
        return "module initialisation"
    base = code_name.split("__", 1)[0] if "__" in code_name else code_name
    if base == "u":
        encoded = code_name.split("__")[1]
        out, i = [], 0
        while i < len(encoded):
            if encoded[i] == "_":
                j = encoded.index("x", i + 1)
                out.append(chr(int(encoded[i + 1:j], 16)))
                i = j + 1
            else:
                out.append(encoded[i])
                i += 1
        return "".join(out)
    return base


def golo_frames(tb) -> list[tuple[str, int, int, str]]:
    """(path, line, col, function) for every traceback frame running Golo code."""
    frames = []
    for frame, lineno in traceback.walk_tb(tb):
        code = frame.f_code
        known = LOADED_SOURCES.get(code.co_filename)
        if known is None:
            continue
        text, columns = known
        col = columns.get(lineno)
        if col is None:
            lines = text.splitlines()
            line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
            col = len(line) - len(line.lstrip()) + 1 if line.strip() else 1
        frames.append((code.co_filename, lineno, col, golo_function_name(code.co_name)))
    return frames


def register_linecache():
    """Put every loaded Golo source into linecache, so Python tracebacks show Golo lines."""
    import linecache
    for path, (text, _) in LOADED_SOURCES.items():
        linecache.cache[path] = (len(text), None, text.splitlines(True), path)


def format_runtime_error(message: str, exc: BaseException, debug: bool = False) -> str:
    out = []
    register_linecache()
    if debug:
        out.append("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    frames = golo_frames(exc.__traceback__)
    if frames:
        out.append("Golo stack (most recent call last):\n")
        for path, line, col, fn in frames:
            out.append(f"  {path}:{line}:{col}: in {fn}\n")
    out.append(f"error: {message}\n")
    return "".join(out)
