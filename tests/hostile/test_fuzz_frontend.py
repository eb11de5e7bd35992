"""Fuzzing the front end: lexing, parsing, resolving, code generation and Python compilation.

Property: for any text, `api.compile_source` either returns a compiled module or raises
GoloSyntaxError / GoloResolveError, each error (every one of a resolver's list) with a span
inside the source; never another exception (InternalError included), never a hang (each
example runs under a time limit).

tests/compiler/test_properties.py checks parse + resolve on random text and on programs
re-joined with single separators. This file goes through the whole pipeline (codegen and
Python's compile() too), mutates *every* corpus and example program, and keeps the original
whitespace and comments between tokens, so the mutants stay close to valid programs and reach
the resolver and code generator instead of stopping at the first syntax error.
"""
from __future__ import annotations

import pathlib

from hypothesis import given
from hypothesis import strategies as st

from golo_fast.errors import GoloSyntaxError
from golo_fast.source import Source
from golo_fast.syntax.lexer import tokenize
from golo_fast.syntax.tokens import KEYWORDS, OPERATORS
from hostile_support import REPO, compile_checked, fuzz_settings

def _seed(path: pathlib.Path):
    try:
        text = path.read_text(encoding="utf-8")
        tokens = tokenize(Source(text, path.name))[:-1]
    except (GoloSyntaxError, UnicodeDecodeError):   # deliberately broken files: skip them
        return None
    return text, [(t.start, t.end) for t in tokens]


SEED_FILES = sorted((REPO / "tests" / "golo").glob("*.golo")) + sorted(
    (REPO / "examples").glob("*.golo"))
SEEDS = [s for s in map(_seed, SEED_FILES) if s is not None and s[1]]
TOKEN_POOL = sorted(KEYWORDS) + list(OPERATORS) + [
    "x", "main", "args", "42", "1.5", "'c'", '"s"', '"""t"""', "null", "\n", "#c\n", "----\n",
    "println", "|", "^", "_", "é", "🌸"]


@st.composite
def near_valid_programs(draw):
    """A corpus program with 1-6 token edits; the text between tokens is kept as it was."""
    text, spans = draw(st.sampled_from(SEEDS))
    pieces = [text[s:e] for s, e in spans]
    gaps = [text[:spans[0][0]]] + [text[spans[i][1]:spans[i + 1][0]]
                                   for i in range(len(spans) - 1)] + [text[spans[-1][1]:]]
    for _ in range(draw(st.integers(1, 6))):
        if not pieces:
            break
        i = draw(st.integers(0, len(pieces) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "replace", "insert",
                                   "truncate"]))
        if op == "delete":
            del pieces[i]
            del gaps[i + 1]
        elif op == "duplicate":
            pieces.insert(i, pieces[i])
            gaps.insert(i + 1, draw(st.sampled_from([" ", "", "\n"])))
        elif op == "swap":
            j = draw(st.integers(0, len(pieces) - 1))
            pieces[i], pieces[j] = pieces[j], pieces[i]
        elif op == "replace":
            pieces[i] = draw(st.sampled_from(TOKEN_POOL))
        elif op == "insert":
            pieces.insert(i, draw(st.sampled_from(TOKEN_POOL)))
            gaps.insert(i + 1, " ")
        else:
            del pieces[i:]
            del gaps[i + 1:]
    return "".join(g + p for g, p in zip(gaps, pieces)) + gaps[len(pieces)]


def test_seeds_compile():
    # the unmutated seeds are the baseline: the corpus has deliberate errors, but most of it
    # compiles, or the mutants would test little beyond the parser
    # (every seed compiles in tests/test_corpus.py; a spread-out sample is enough here)
    assert len(SEEDS) > 300
    outcomes = [compile_checked(text) for text, _ in SEEDS[::10]]
    assert outcomes.count("ok") > 0.8 * len(outcomes)


@fuzz_settings(150)
@given(near_valid_programs())
def test_near_valid_programs(text):
    compile_checked(text)


@fuzz_settings(100)
@given(st.text(alphabet=st.characters(codec=None), max_size=300))
def test_random_text(text):
    compile_checked(text)


GOLO_ISH = st.sampled_from(TOKEN_POOL + ["(", ")", "{", "}", "[", "]", "=", " ", "\n",
                                         "let ", "var ", "function f = |a| ", "foreach ",
                                         "struct S = { a }", "augment ", "import x.Y\n"])


@fuzz_settings(100)
@given(st.lists(GOLO_ISH, max_size=120).map("".join))
def test_golo_token_soup(text):
    compile_checked("module m\n\nfunction main = |args| {\n" + text + "\n}\n")


@fuzz_settings(30)
@given(st.sampled_from(["(", "[", "{", "-", "!", "not ", "|x| ", "if true {", "match {",
                        "foreach x in ", "\"\"\"", "\"${"]),
       st.integers(1, 3000))
def test_deep_nesting(opener, depth):
    # deeply nested or repeated constructs: a clean error (or success), not an InternalError
    compile_checked("module m\n\nfunction main = |args| {\n  let x = " + opener * depth +
                    "1\n}\n")
