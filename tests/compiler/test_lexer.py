"""Lexer: literals, names, layout, comments and documentation blocks, errors."""
from __future__ import annotations

import pytest

from golo_fast.errors import GoloSyntaxError
from golo_fast.source import Source
from golo_fast.syntax.lexer import tokenize
from tests.compiler.conftest import tokens


@pytest.mark.parametrize("text, value", [
    ("42", 42), ("1_000_000", 1000000), ("007", 7), ("123_L", 123), ("9_000_000_000_L", 9000000000),
    ("3000000000", 3000000000),
])
def test_integer_literals(text, value):
    assert tokens(text) == [("int", value)]


@pytest.mark.parametrize("text, value", [
    ("3.25", 3.25), ("2.5e3", 2500.0), ("1.0e-2", 0.01), ("1e3", 1000.0), ("1.5_F", 1.5),
])
def test_float_literals(text, value):
    assert tokens(text) == [("float", value)]


@pytest.mark.parametrize("text", ["4__2", "42_", "0x10", "12abc"])
def test_malformed_numbers_are_syntax_errors(text):
    with pytest.raises(GoloSyntaxError):
        tokenize(Source(text, "t.golo"))


def test_range_is_not_a_float():
    assert tokens("[1..3]") == [("op", "["), ("int", 1), ("op", ".."), ("int", 3), ("op", "]")]


def test_string_escapes():
    assert tokens(r'"caf\u00e9 \"q\" \\ \t|"') == [("string", 'café "q" \\ \t|')]


def test_invalid_escape_points_at_it():
    with pytest.raises(GoloSyntaxError) as info:
        tokenize(Source(r'"ab\qc"', "t.golo"))
    assert info.value.span == (3, 5)


def test_multiline_string_is_verbatim():
    assert tokens('"""line1\n  x \\n"""') == [("string", "line1\n  x \\n")]
    assert tokens('""""""') == [("string", "")]
    assert tokens('"""a\\"b"""') == [("string", 'a\\"b')]


def test_char_literals():
    assert tokens(r"'a' '\n' '\'' '\u00e9'") == [("char", "a"), ("char", "\n"), ("char", "'"),
                                                 ("char", "é")]


def test_unicode_identifiers_and_dollar():
    assert tokens("π größe 数 $x _tmp") == [("name", "π"), ("name", "größe"), ("name", "数"),
                                             ("name", "$x"), ("name", "_tmp")]


def test_keywords_and_backquote_escape():
    assert tokens("let `when") == [("keyword", "let"), ("name", "when")]


def test_comments_shebang_and_doc_blocks_are_skipped():
    text = "#!/usr/bin/env golo\n----\ndoc `x` \"\n----\nmodule a # comment\n"
    assert tokens(text) == [("keyword", "module"), ("name", "a")]


def test_newline_flags():
    toks = tokenize(Source("a\n(b) c", "t.golo"))
    assert [t.nl_before for t in toks[:4]] == [True, True, False, False]


def test_semicolon_is_rejected_with_hint():
    with pytest.raises(GoloSyntaxError) as info:
        tokenize(Source("let a = 1;", "t.golo"))
    assert info.value.span == (9, 10)
    assert info.value.hint


def test_unterminated_string():
    with pytest.raises(GoloSyntaxError, match="unterminated"):
        tokenize(Source('"abc\n', "t.golo"))
