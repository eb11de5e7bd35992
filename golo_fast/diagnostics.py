"""The one formatter of errors shown to users.

Compile errors:
    hello.golo:4:22: error: undeclared reference 'nmae'
        4 |   println("Hello " + nmae)
          |                      ^~~~
    hint: did you mean 'name'?

Runtime errors: a Golo backtrace (most recent call last) of `path:line:col: in function`
frames taken from the Python traceback frames whose code came from a .golo file, then the
error. Python frames are shown only when asked (GOLO_FAST_DEBUG=1).

With `colour=True` (the CLI asks for it when stderr is a terminal and NO_COLOR is unset) the
same text carries ANSI styles: location and message bold, `error:` red, the erroneous part of
the source line red, the caret green, `hint:` cyan. Without colour the text is plain.
"""
from __future__ import annotations

import traceback

from golo_fast.source import LOADED_SOURCES

_STYLES = {"bold": "\x1b[1m", "error": "\x1b[1;31m", "span": "\x1b[1;31m", "gutter": "\x1b[34m",
           "caret": "\x1b[1;32m", "hint": "\x1b[1;36m", "frame": "\x1b[2m"}
_RESET = "\x1b[0m"


def _paint(text: str, style: str, colour: bool) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if colour and text else text


def format_compile_error(err, colour: bool = False) -> str:
    """All errors carried by a GoloCompileError (`err.errors` when the resolver found many)."""
    errors = getattr(err, "errors", None) or [err]
    return "".join(_format_one(e, colour) for e in errors)


def _format_one(err, colour: bool = False) -> str:
    source, span = err.source, err.span
    error = _paint("error:", "error", colour)
    hint = f"{_paint('hint:', 'hint', colour)} {err.hint}\n" if err.hint else ""
    if source is None or span is None:
        return f"{error} {_paint(err.message, 'bold', colour)}\n" + hint
    start, end = span
    line, col = source.line_col(start)
    out = [f"{_paint(f'{source.path}:{line}:{col}:', 'bold', colour)} {error} "
           f"{_paint(err.message, 'bold', colour)}\n"]
    text = source.line_text(line)
    gutter = str(line)
    line_end_offset = start - (col - 1) + len(text)
    width = max(1, min(end, line_end_offset) - start)
    shown = text
    if colour:
        shown = (text[:col - 1] + _paint(text[col - 1:col - 1 + width], "span", colour)
                 + text[col - 1 + width:])
    out.append(f"    {_paint(f'{gutter} |', 'gutter', colour)} {shown}\n")
    pad = "".join(c if c == "\t" else " " for c in text[:col - 1])
    blank = " " * len(gutter)
    out.append(f"    {_paint(f'{blank} |', 'gutter', colour)} {pad}"
               f"{_paint('^' + '~' * (width - 1), 'caret', colour)}\n")
    out.append(hint)
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


_REPEATS_SHOWN = 3
_FRAMES_KEPT = 50


def _fold(frames: list) -> list:
    """A runaway recursion leaves ~10^5 frames: show the first repeats of a frame as Python
    does ("[previous frame repeated N more times]"), and at most 2 * _FRAMES_KEPT entries of
    the rest (the outermost and the innermost, where the error is)."""
    entries, repeated = [], 0

    def flush():
        if repeated >= _REPEATS_SHOWN:
            entries.append(f"[previous frame repeated {repeated - _REPEATS_SHOWN + 1} more times]")

    for frame in frames:
        if entries and frame == entries[-1]:
            repeated += 1
            if repeated < _REPEATS_SHOWN:
                entries.append(frame)
            continue
        flush()
        repeated = 0
        entries.append(frame)
    flush()
    if len(entries) > 2 * _FRAMES_KEPT:
        hidden = len(entries) - 2 * _FRAMES_KEPT
        entries = entries[:_FRAMES_KEPT] + [f"[{hidden} more frames]"] + entries[-_FRAMES_KEPT:]
    return entries


def format_runtime_error(message: str, exc: BaseException, debug: bool = False,
                         colour: bool = False) -> str:
    out = []
    register_linecache()
    if debug:
        out.append("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    frames = golo_frames(exc.__traceback__)
    if frames:
        out.append(_paint("Golo stack (most recent call last):", "frame", colour) + "\n")
        for entry in _fold(frames):
            if isinstance(entry, str):
                out.append(f"  {_paint(entry, 'frame', colour)}\n")
                continue
            path, line, col, fn = entry
            out.append(f"  {_paint(f'{path}:{line}:{col}:', 'bold', colour)} in {fn}\n")
    out.append(f"{_paint('error:', 'error', colour)} {_paint(message, 'bold', colour)}\n")
    return "".join(out)
