"""Token kinds and the Token record produced by the lexer."""
from __future__ import annotations

from dataclasses import dataclass

# Token kinds
NAME = "name"          # identifier (value: the name)
KEYWORD = "keyword"    # reserved word (value: the word)
INT = "int"            # integer literal (value: int)
FLOAT = "float"        # floating literal (value: float)
STRING = "string"      # string literal (value: decoded str)
CHAR = "char"          # character literal (value: one-character str)
OP = "op"              # punctuation / operator (value: its text)
EOF_KIND = "eof"

KEYWORDS = frozenset("""
module import function local return if else while for foreach in throw try catch finally
case when match then otherwise augment pimp augmentation with break continue struct union
var let null true false macro is isnt oftype and or not orIfNull
""".split())

# Longest first so the lexer can match greedily.
OPERATORS = (
    "...", "?:", "->", "==", "!=", "<=", ">=", "..", "::",
    "+", "-", "*", "/", "%", "<", ">", "=", ":", "(", ")", "[", "]", "{", "}", ",",
    "|", ".", "^", "\\", "@", "!",
)

COLLECTION_PREFIXES = frozenset(("list", "vector", "set", "map", "tuple", "array"))


@dataclass(slots=True)
class Token:
    kind: str
    value: object
    start: int
    end: int
    nl_before: bool = False   # a newline (or comment line) separates it from the previous token

    def is_op(self, text: str) -> bool:
        return self.kind == OP and self.value == text

    def is_kw(self, word: str) -> bool:
        return self.kind == KEYWORD and self.value == word

    def describe(self) -> str:
        if self.kind == EOF_KIND:
            return "end of file"
        if self.kind in (OP, KEYWORD):
            return f"'{self.value}'"
        if self.kind == NAME:
            return f"name '{self.value}'"
        if self.kind == STRING:
            return "string literal"
        if self.kind == CHAR:
            return "character literal"
        return "number literal"
