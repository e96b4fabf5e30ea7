"""Numbers in normalized Arabic text: digits, words, duals, fractions, vague counts.

Only the number itself is read here (its value and span); whether it is a figure
at all is decided by the words around it (see finder.py).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..normalize import Tokens
from .lexicon import Lexicon, Noun
from .words import Hit

# Digits with thousands separators or a decimal part; never part of a date or a
# clock time written with "/" or ":" ("2019/03/23", "07:06") nor of "109-2". The
# check before the first digit comes after it: a pattern that opens with a digit
# lets the engine skip to the digits instead of trying every position.
_DIGITS = re.compile(r"(?P<num>\d(?<![\d.,/:\-]\d)\d*(?:[.,]\d+)*)(?![\d/:]|-\d)")
# Letters glued before digits may only be clitics ("و86", "لـ68", "الـ23").
_GLUED = re.compile(r"(?<![^\W\d_])(?:[وف])?(?:[بلك])?(?:ال)?$")
_GLUED_MAX = 5
_LETTER = re.compile(r"[^\W\d_]")  # after anything else `_GLUED` matches at once, empty
_LETTER_AFTER_DIGIT = re.compile(r"[\d_](?=[^\W\d_])")


class Number(NamedTuple):
    """A number found in the text, before it is known to be a figure (a tuple: cheap to make)."""

    start: int  # normalized offsets
    end: int
    value: float | None  # None for a vague count
    kind: str  # digits | words | vague | fraction | dual | after_noun (its noun before it: "مدني واحد")
    low: float | None = None  # a vague count's lower bound
    noun: Noun | None = None  # a dual is its own noun ("جنديين")
    place: float = 1.0  # the value of its last word's place: 1000 after "آلاف", 100 after "سبعمائة"


# "19 ألفاً و811", "خمسة آلاف وسبعمائة": a number ending in hundreds or a scale, then
# "و" and a smaller number, is one number.
_AND = re.compile(r"\s*(و)\s*")
_JOINS_FROM = 100  # tens and units are not joined: "عشرون و5 أطفال" lists two counts
_FRACTION_JOINS_FROM = 1000  # "مليون ونصف", "ألف ونصف"; not "ثلاثة ونصف"


def place_of(value: float) -> float:
    """The largest power of ten that divides `value`: 300 -> 100, 19000 -> 1000, 15 -> 1."""
    place = 1.0
    while value >= place * 10 and value % (place * 10) == 0:
        place *= 10
    return place


def digit_value(digits: str) -> float | None:
    """`1,279` -> 1279, `11.30` -> 11.3, `3,5` -> 3.5; None if it is no number."""
    if "," in digits:
        head, *groups = digits.split(",")
        if 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups) and "." not in head:
            digits = head + "".join(groups)
        elif len(groups) == 1 and "." not in digits:
            digits = f"{head}.{groups[0]}"
        else:
            return None
    try:
        return float(digits)
    except ValueError:
        return None


def _digit_numbers(text: str, lex: Lexicon) -> list[Number]:
    out = []
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        if start and _LETTER.match(text, start - 1) and not _GLUED.search(text, max(0, start - _GLUED_MAX), start):
            continue
        value = digit_value(m.group("num"))
        if value is None:
            continue
        scale = lex.scale.regex.match(text, end)
        place = 1.0
        if scale and not scale.group("of"):
            place = lex.scale.label(scale)
            value *= place
            end = scale.end()
        out.append(Number(start, end, value, "digits", place=place))
    return out


def _word_number_starts(text: str, lex: Lexicon, tokens: Tokens) -> list[int]:
    """Offsets where a number in words may begin, in order: a token that can be its
    first word, or a letter right after a digit ("5ثلاثة" is not after a letter)."""
    starts = [tokens.starts[i] for i in lex.number_start.which(tokens.words)]
    return sorted(starts + [m.end() for m in _LETTER_AFTER_DIGIT.finditer(text)])


def _word_numbers(text: str, lex: Lexicon, tokens: Tokens) -> list[Number]:
    """The matches `lex.word_number.finditer` gives, trying only where one may begin."""
    out = []
    reached = 0
    for start in _word_number_starts(text, lex, tokens):
        m = lex.word_number.match(text, start) if start >= reached else None
        if m is None:
            continue
        reached = m.end()
        out.append(_word_number(lex, m))
    return out


def _word_number(lex: Lexicon, m: re.Match[str]) -> Number:
    """The number a match of `lex.word_number` reads: its words add up, its scale multiplies."""
    values = [lex.number_words.label(w) for w in lex.number_words.regex.finditer(m.group("words"))]
    value, place = sum(values), place_of(values[-1])
    if m.group("scale"):
        place = lex.scale.label(lex.scale.regex.match(m.group("scale")))
        value *= place
    return Number(m.start("words"), m.end(), float(value), "words", place=place)


def _listed_numbers(hits: dict[str, list[Hit]]) -> list[Number]:
    out = [Number(h.start, h.end, None, "vague", low=h.label) for h in hits.get("vague", ())]
    out += [Number(h.start, h.end, h.label, "fraction") for h in hits.get("fraction", ())]
    out += [Number(h.start, h.end, h.label, "after_noun") for h in hits.get("after_noun", ())]
    out += [Number(h.start, h.end, 2.0, "dual", noun=h.label) for h in hits.get("dual", ())]
    return out


def find_numbers(text: str, lex: Lexicon, tokens: Tokens, hits: dict[str, list[Hit]]) -> list[Number]:
    """Every number in normalized `text`, in order, without overlaps (earliest, then longest wins).

    `tokens` are the text's (`normalize.tokenize`); `hits` the lexicon's word lists found
    in it (vague counts, fractions, duals).
    """
    found = _digit_numbers(text, lex) + _word_numbers(text, lex, tokens) + _listed_numbers(hits)
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    kept: list[Number] = []
    for number in found:
        if kept and number.start < kept[-1].end:
            continue
        if kept and kept[-1].kind == "dual" and number.value == 2 and text[kept[-1].end : number.start].isspace():
            kept[-1] = kept[-1]._replace(end=number.end)  # "شخصين اثنين": one count of two
            continue
        joined = _joined(text, kept[-1], number) if kept and kept[-1].place >= _JOINS_FROM else None
        if joined is not None:
            kept[-1] = joined
        else:
            kept.append(number)
        if kept[-1].place >= _JOINS_FROM:
            kept[-1] = _with_tail(text, lex, kept[-1])
    return kept


def _with_tail(text: str, lex: Lexicon, head: Number) -> Number:
    """`head` with the words joined to it by "و" that fill its empty places ("خمسة آلاف
    وسبعمائة وثمانين", "19 ألف ومئتان", "مائتا ألف وواحد"); digits after "و" are found
    on their own and joined by `_joined`."""
    m = lex.number_tail.match(text, head.end)
    return (_joined(text, head, _word_number(lex, m)) or head) if m else head


def _joined(text: str, head: Number, tail: Number) -> Number | None:
    """`head` (ending in hundreds or a scale) "و" `tail` as one number, when the tail fills the places the head leaves
    empty ("ألف" + "و200", "19 ألفاً" + "و811", "مليون" + "ونصف"); else None."""
    if head.value is None or tail.value is None or tail.value <= 0:
        return None
    if tail.kind == "fraction" and head.place >= _FRACTION_JOINS_FROM:
        value, place = head.value + tail.value * head.place, 1.0
    elif tail.kind in ("digits", "words") and tail.value < head.place:
        value, place = head.value + tail.value, tail.place
    else:
        return None
    if not _AND.fullmatch(text, head.end, tail.start):
        return None
    return head._replace(end=tail.end, value=value, place=place)
