"""Property: whatever the input, the front end raises only Golo syntax/resolution errors,
each with a span inside the source (never another exception)."""
from __future__ import annotations

import pathlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from golo_fast import api
from golo_fast.errors import GoloResolveError, GoloSyntaxError
from golo_fast.source import Source
from golo_fast.syntax.lexer import tokenize

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "golo"
EXAMPLES = pathlib.Path(__file__).resolve().parent.parent.parent / "examples"


def _lexes(text: str) -> bool:
    try:
        tokenize(Source(text, "seed.golo"))
        return True
    except GoloSyntaxError:
        return False


SEEDS = [text for text in sorted(p.read_text(encoding="utf-8") for p in
                                 sorted(CORPUS.glob("*.golo"))[:80] + sorted(EXAMPLES.glob("*.golo")))
         if _lexes(text)]
if not SEEDS:
    SEEDS = ['module m\nfunction main = |args| {\n  let x = [1..3]\n'
             '  foreach i in x { println("i" + i: toString()) }\n}\n']

ALPHABET = st.sampled_from(list("abcxyz019 \n\t(){}[]|,.:?=+-*/%<>!^@#\"'\\_$`;") +
                           ["let ", "var ", "function ", "module m ", "->", "..", "...",
                            "foreach ", " in ", "match ", "when ", "then ", "otherwise ",
                            "case ", "if ", "else ", "return ", "struct ", "union ", "augment ",
                            "try ", "catch ", "finally ", '"""', "----\n", "é", "🌸"])


def front_end(text: str):
    try:
        api.analyse(Source(text, "prop.golo"))
    except (GoloSyntaxError, GoloResolveError) as e:
        for err in getattr(e, "errors", None) or [e]:
            start, end = err.span
            assert 0 <= start <= end <= len(text), (err.message, err.span, len(text))
            assert err.source is not None


SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(st.text(max_size=200))
def test_arbitrary_text(text):
    front_end(text)


@SETTINGS
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_golo_flavoured_text(text):
    front_end("module m\nfunction main = |args| {\n" + text + "\n}\n")
    front_end(text)


@st.composite
def mutated_programs(draw):
    text = draw(st.sampled_from(SEEDS))
    toks = tokenize(Source(text, "seed.golo"))[:-1]
    pieces = [text[t.start:t.end] for t in toks]
    for _ in range(draw(st.integers(1, 4))):
        if not pieces:
            break
        i = draw(st.integers(0, len(pieces) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap"]))
        if op == "delete":
            del pieces[i]
        elif op == "duplicate":
            pieces.insert(i, pieces[i])
        else:
            j = draw(st.integers(0, len(pieces) - 1))
            pieces[i], pieces[j] = pieces[j], pieces[i]
    sep = draw(st.sampled_from([" ", "\n"]))
    return sep.join(pieces)


@SETTINGS
@given(mutated_programs())
def test_mutated_valid_programs(text):
    front_end(text)
