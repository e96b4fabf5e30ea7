"""The number grammar: any count from 0 to 999,999 written out as reports write it,
in words (with loose spellings), in digits, or digits and words mixed, reads back
as the one number it is.

The writer below takes its words from the same data file the reader uses
(src/waqai/data/figures/numbers.yaml), drawing among the spellings listed for each
value, so a spelling added there is written here too.
"""
from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from waqai.extract.figures.lexicon import DATA_DIR, load_lexicon
from waqai.extract.figures.numbers import find_numbers
from waqai.extract.normalize import normalize, tokenize

_DATA = yaml.safe_load((DATA_DIR / "numbers.yaml").read_text(encoding="utf-8"))
WORDS: dict[int, list[str]] = {int(value): forms for value, forms in _DATA["words"].items()}
ONE: list[str] = _DATA["one"]
THOUSAND: list[str] = _DATA["scales"][1000]
# Loose spellings reports use: hamza left off, a final ta marbuta written as ha.
LOOSE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه"})


def read(text: str) -> list[float | None]:
    """The values of the numbers found in `text`."""
    normalized, lex = normalize(text).text, load_lexicon()
    tokens = tokenize(normalized)
    return [n.value for n in find_numbers(normalized, lex, tokens, lex.words.scan(normalized, tokens))]


def _joined(draw: st.DrawFn, parts: list[str]) -> str:
    return draw(st.sampled_from([" و", " و "])).join(parts)


def _below_thousand(draw: st.DrawFn, n: int) -> str:
    """1..999 in words: hundreds, then units before tens ("خمسة وعشرون")."""
    hundreds, rest = divmod(n, 100)
    parts = [draw(st.sampled_from(WORDS[hundreds * 100]))] if hundreds else []
    if rest in WORDS:
        parts.append(draw(st.sampled_from(WORDS[rest])))
    elif rest == 1:
        parts.append(draw(st.sampled_from(ONE)))
    elif rest:
        units, tens = rest % 10, rest - rest % 10
        parts += [draw(st.sampled_from(WORDS.get(units, ONE))), draw(st.sampled_from(WORDS[tens]))]
    return _joined(draw, parts)


def _thousands(draw: st.DrawFn, count: int, digits: bool) -> str:
    if digits:
        return f"{count} {draw(st.sampled_from(THOUSAND))}"
    if count in (1, 2):
        return draw(st.sampled_from(WORDS[count * 1000]))
    return f"{_below_thousand(draw, count)} {draw(st.sampled_from(THOUSAND))}"


@st.composite
def written(draw: st.DrawFn) -> tuple[int, str]:
    """A number and one way a report may write it: all words, digits then words, words then digits."""
    n = draw(st.integers(0, 999_999))
    thousands, rest = divmod(n, 1000)
    style = draw(st.sampled_from(["words", "digits-then-words", "words-then-digits"]))
    if n < 2 or (style != "words" and not thousands):
        return n, str(n)  # "واحد" alone is no number (see numbers.yaml): 0 and 1 in digits
    parts = [_thousands(draw, thousands, style == "digits-then-words")] if thousands else []
    if rest:
        parts.append(str(rest) if style == "words-then-digits" else _below_thousand(draw, rest))
    text = _joined(draw, parts)
    return n, text.translate(LOOSE) if draw(st.booleans()) else text


@settings(max_examples=400, deadline=None)
@given(written(), st.sampled_from(["قتل", "نزح نحو", "بلغ عدد الخارجين"]), st.sampled_from(["شخصاً", "مدنياً", "."]))
def test_a_number_written_out_reads_back(number: tuple[int, str], before: str, after: str) -> None:
    value, text = number
    assert read(f"{before} {text} {after}") == [value], text


@pytest.mark.parametrize(
    "text, values",
    [
        ("خرج 19 ألفاً و811 شخصاً", [19811]),
        ("نزح خمسة الاف وسبعمائة وثمانين مدنياً", [5780]),
        ("وصل الف ومائتين شخص", [1200]),
        ("تضم المدينة مليون ونصف نسمة", [1_500_000]),
        ("مائتا ألف وواحد", [200_001]),
        # tens and units are not joined to a following number, nor are bare digits:
        ("عشرون و5 أطفال", [20, 5]),
        ("بين 300 و400 شخص", [300, 400]),
        # nor numbers of different things, a larger one, or with a comma between:
        ("3 آلاف، و500 جريح", [3000, 500]),
        ("36 ألف و400 ألف", [36000, 400000]),
    ],
)
def test_compounds_and_what_is_not_one(text: str, values: list[float]) -> None:
    assert read(text) == values
