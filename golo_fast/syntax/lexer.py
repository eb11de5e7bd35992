"""Golo lexer: text -> list of tokens.

Newlines are not tokens: each token records whether a newline precedes it (`nl_before`), which
is all the parser needs for Golo's few layout rules (language.md §2.1). Comments (`#` to end
of line, a `#!` first line) and documentation blocks (`----` lines) are skipped.
"""
from __future__ import annotations

from golo_fast.errors import GoloSyntaxError
from golo_fast.source import Source
from golo_fast.syntax.tokens import (
    CHAR, EOF_KIND, FLOAT, INT, KEYWORD, KEYWORDS, NAME, OP, OPERATORS, STRING, Token,
)

_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f",
                   "\\": "\\", '"': '"', "'": "'"}
_HEX = frozenset("0123456789abcdefABCDEF")


def _is_ident_start(c: str) -> bool:
    if c.isascii():
        return c.isalpha() or c == "_" or c == "$"
    return not c.isspace() and c.isprintable()


def _is_ident_part(c: str) -> bool:
    if c.isascii():
        return c.isalnum() or c == "_" or c == "$"
    return not c.isspace() and (c.isprintable() or c == "\u200d")


def tokenize(source: Source) -> list[Token]:
    """Split the whole source into tokens; the last one is an EOF token."""
    return _Lexer(source).run()


class _Lexer:
    def __init__(self, source: Source):
        self.source = source
        self.text = source.text
        self.pos = 0
        self.tokens: list[Token] = []

    def error(self, message: str, start: int, end: int | None = None, hint: str | None = None):
        end = start + 1 if end is None else end
        end = min(max(end, start), len(self.text))
        raise GoloSyntaxError(message, self.source, (start, end), hint)

    def run(self) -> list[Token]:
        text = self.text
        n = len(text)
        nl = False
        at_line_start = True
        while True:
            # Skip whitespace, comments and doc blocks, remembering newlines.
            while self.pos < n:
                c = text[self.pos]
                if c == "\n":
                    nl = True
                    at_line_start = True
                    self.pos += 1
                elif c in " \t\r\f":
                    self.pos += 1
                elif c == "#":
                    end = text.find("\n", self.pos)
                    self.pos = n if end == -1 else end
                elif at_line_start and text.startswith("----", self.pos):
                    self._skip_doc_block()
                    nl = True
                else:
                    break
            if self.pos >= n:
                self.tokens.append(Token(EOF_KIND, None, n, n, True))
                return self.tokens
            at_line_start = False
            tok = self._token()
            tok.nl_before = nl or not self.tokens
            nl = False
            self.tokens.append(tok)

    def _skip_doc_block(self):
        text = self.text
        start = self.pos
        line_end = text.find("\n", self.pos)
        if line_end == -1:
            self.error("unterminated documentation block", start, start + 4)
        pos = line_end + 1
        while True:
            # Find the closing `----` at the start of a line (after indentation).
            if pos >= len(text):
                self.error("unterminated documentation block (no closing '----' line)",
                           start, start + 4)
            line_end = text.find("\n", pos)
            line = text[pos:] if line_end == -1 else text[pos:line_end]
            if line.strip().startswith("----"):
                self.pos = len(text) if line_end == -1 else line_end
                return
            if line_end == -1:
                self.error("unterminated documentation block (no closing '----' line)",
                           start, start + 4)
            pos = line_end + 1

    def _token(self) -> Token:
        text = self.text
        start = self.pos
        c = text[start]
        if c.isdigit() and c.isascii():
            return self._number()
        if c == '"':
            if text.startswith('"""', start):
                return self._multiline_string()
            return self._string()
        if c == "'":
            return self._char()
        if c == "`":
            self.pos += 1
            if self.pos < len(text) and _is_ident_start(text[self.pos]):
                name = self._ident_text()
                return Token(NAME, name, start, self.pos)
            self.error("expected a name after '`'", start)
        if _is_ident_start(c):
            name = self._ident_text()
            kind = KEYWORD if name in KEYWORDS else NAME
            return Token(kind, name, start, self.pos)
        for op in OPERATORS:
            if text.startswith(op, start):
                self.pos = start + len(op)
                return Token(OP, op, start, self.pos)
        if c == ";":
            self.error("unexpected ';' (Golo has no statement terminator)", start,
                       hint="remove the ';'")
        self.error(f"unexpected character {c!r}", start)

    def _ident_text(self) -> str:
        text = self.text
        start = self.pos
        self.pos += 1
        while self.pos < len(text) and _is_ident_part(text[self.pos]):
            self.pos += 1
        return text[start:self.pos]

    def _digits(self) -> str:
        """Digits with single underscores between them (`1_000`)."""
        text = self.text
        start = self.pos
        while self.pos < len(text):
            c = text[self.pos]
            if c.isdigit() and c.isascii():
                self.pos += 1
            elif c == "_" and self.pos + 1 < len(text) and text[self.pos + 1].isdigit() \
                    and text[self.pos + 1].isascii() and self.pos > start:
                self.pos += 1
            else:
                break
        return text[start:self.pos].replace("_", "")

    def _number(self) -> Token:
        text = self.text
        start = self.pos
        if text.startswith(("0x", "0X", "0b", "0B", "0o", "0O"), start):
            self.error("hexadecimal, octal and binary literals do not exist in Golo",
                       start, start + 2)
        digits = self._digits()
        is_float = False
        if self.pos + 1 < len(text) and text[self.pos] == "." and text[self.pos + 1].isdigit() \
                and text[self.pos + 1].isascii():
            self.pos += 1
            digits += "." + self._digits()
            is_float = True
        if self.pos < len(text) and text[self.pos] == "e":
            save = self.pos
            self.pos += 1
            sign = ""
            if self.pos < len(text) and text[self.pos] in "+-":
                sign = text[self.pos]
                self.pos += 1
            if self.pos < len(text) and text[self.pos].isdigit() and text[self.pos].isascii():
                digits += "e" + sign + self._digits()
                is_float = True
            else:
                self.pos = save
        # Suffixes: _L (long), _F (float), _B (big integer / big decimal).
        if text.startswith(("_L", "_F", "_B"), self.pos):
            suffix = text[self.pos + 1]
            self.pos += 2
            if suffix == "F":
                is_float = True
        if self.pos < len(text) and (_is_ident_part(text[self.pos]) or text[self.pos] == "_"):
            end = self.pos
            while end < len(text) and _is_ident_part(text[end]):
                end += 1
            self.error(f"malformed number literal '{text[start:end]}'", start, end)
        if is_float:
            return Token(FLOAT, float(digits), start, self.pos)
        return Token(INT, int(digits), start, self.pos)

    def _escape(self, quote_start: int) -> str:
        """Decode the escape at self.pos (which points at the backslash)."""
        text = self.text
        pos = self.pos
        if pos + 1 >= len(text):
            self.error("unterminated literal", quote_start, pos + 1)
        c = text[pos + 1]
        if c in _SIMPLE_ESCAPES:
            self.pos = pos + 2
            return _SIMPLE_ESCAPES[c]
        if c == "u":
            hexa = text[pos + 2:pos + 6]
            if len(hexa) == 4 and all(h in _HEX for h in hexa):
                self.pos = pos + 6
                return chr(int(hexa, 16))
            self.error("invalid unicode escape (expected \\u and 4 hex digits)", pos, pos + 2)
        self.error(f"invalid escape sequence '\\{c}'", pos, pos + 2,
                   hint="valid escapes: \\n \\t \\b \\r \\f \\\\ \\\" \\' \\u plus 4 hex digits")

    def _string(self) -> Token:
        text = self.text
        start = self.pos
        self.pos += 1
        parts = []
        while True:
            if self.pos >= len(text) or text[self.pos] == "\n":
                self.error("unterminated string literal", start, self.pos)
            c = text[self.pos]
            if c == '"':
                self.pos += 1
                return Token(STRING, "".join(parts), start, self.pos)
            if c == "\\":
                parts.append(self._escape(start))
            else:
                parts.append(c)
                self.pos += 1

    def _multiline_string(self) -> Token:
        text = self.text
        start = self.pos
        pos = start + 3
        while True:
            end = text.find('"""', pos)
            if end == -1:
                self.error('unterminated multi-line string (missing closing """)', start, start + 3)
            if text[end - 1] == "\\" and end - 1 >= start + 3:
                pos = end + 1
                continue
            self.pos = end + 3
            return Token(STRING, text[start + 3:end], start, self.pos)

    def _char(self) -> Token:
        text = self.text
        start = self.pos
        self.pos += 1
        if self.pos >= len(text) or text[self.pos] in "\n'":
            self.error("empty or unterminated character literal", start, self.pos + 1)
        if text[self.pos] == "\\":
            value = self._escape(start)
        else:
            value = text[self.pos]
            self.pos += 1
        if self.pos >= len(text) or text[self.pos] != "'":
            self.error("a character literal holds exactly one character", start, self.pos + 1,
                       hint='use double quotes for a string: "..."')
        self.pos += 1
        return Token(CHAR, value, start, self.pos)


__all__ = ["tokenize", "Token", "NAME", "KEYWORD", "INT", "FLOAT", "STRING", "CHAR", "OP",
           "EOF_KIND"]
