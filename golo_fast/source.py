"""Golo source text and spans.

Positions are character offsets into a `Source`; line and column numbers (both 1-based) are
computed only when something is displayed.
"""
from __future__ import annotations

from bisect import bisect_right

from golo_fast.errors import GoloError


# Code filename -> (Golo text, {line: column of the leftmost call on that line}) for every
# Golo module loaded in this process; diagnostics builds Golo backtraces from it.
LOADED_SOURCES: dict = {}


class SourceFileError(GoloError):
    """A source file cannot be read: missing, a directory, not UTF-8."""


def read_source(path: str) -> "Source":
    """Read a .golo file as UTF-8 (a BOM is dropped); SourceFileError when impossible."""
    import os
    if os.path.isdir(path):
        raise SourceFileError(f"'{path}' is a directory, not a Golo file")
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise SourceFileError(f"cannot open '{path}': no such file") from None
    except OSError as e:
        raise SourceFileError(f"cannot read '{path}': {e.strerror or e}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise SourceFileError(f"'{path}' is not UTF-8 text (invalid byte 0x{data[e.start]:02x} "
                              f"at line {line})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return Source(text, path)


class Source:
    """The text of one Golo file and its path (used in messages and as the code filename)."""

    __slots__ = ("text", "path", "_line_starts")

    def __init__(self, text: str, path: str = "<string>"):
        self.text = text
        self.path = path
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset (clamped into the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its newline."""
        if not 1 <= line <= len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        text = self.text[start:] if end == -1 else self.text[start:end]
        return text.rstrip("\r")
