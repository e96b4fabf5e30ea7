"""Sentence boundaries in Arabic news text.

SOHR sentences run on for a paragraph, so a sentence here ends only at a full
stop, a question or exclamation mark, or a line break. A full stop typed against
the next word (`في دير الزور .وأفاد`, `من السكان.وبالتوازي`) ends one too, but
not after a single letter (`د.رامي`, an abbreviated title). On a page justified
with kashida (a newspaper's PDF) the stretched body opens a sentence of its own after
the plain headline and byline it was run together with (data/sentences.yaml). Every
link from the site to "the sentence a figure came from" uses these spans.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..content.datafiles import PACKAGE_DATA, read_yaml
from ..errors import ContentError

DATA_PATH = PACKAGE_DATA / "sentences.yaml"
_END = re.compile(r"[.!?؟]+(?=\s|$)|(?:(?<=[ء-ي]{2})|(?<=\s))\.+(?=[ء-ي])|\n+")
_LETTER = "\u0621-\u063f\u0641-\u064a"  # the Arabic letters, without the tatweel (U+0640) among them
# A kashida inside a word, not `الـ 24`, `1440هـ`; the tatweel first, which the engine looks for
# as one character: most reports have none, and this is read on every one.
_STRETCHED = re.compile(f"\u0640(?<=[{_LETTER}]\u0640)\u0640*[{_LETTER}]")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Kashida:
    """data/sentences.yaml `kashida`: where a stretched body opens after plain words."""

    stretchable: re.Pattern[str]  # two letters a kashida could stand between
    plain_before: int
    stretched_after: int


def split_sentences(text: str) -> list[Sentence]:
    """Non-empty sentences of `text`, with offsets into it (whitespace trimmed)."""
    sentences: list[Sentence] = []
    stretched = _STRETCHED.search(text) is not None  # most reports have none: nothing more is read
    pos = 0
    for end in [m.end() for m in _END.finditer(text)] + [len(text)]:
        for cut in _body_openings(text, pos, end) if stretched else ():
            _append(sentences, text, pos, cut)
            pos = cut
        _append(sentences, text, pos, end)
        pos = end
    return sentences


def _body_openings(text: str, start: int, end: int) -> list[int]:
    """Where, in the sentence text[start:end], a run of kashida-stretched words opens after
    plain ones (the end of the last plain word): a justified page's body after its headline."""
    if text.find("\u0640", start, end) < 0:
        return []
    rules = _kashida()
    words: list[tuple[bool, int]] = []  # (stretched, end) of each word that could be stretched
    for m in _WORD.finditer(text, start, end):
        if _STRETCHED.search(m.group()):
            words.append((True, m.end()))
        elif rules.stretchable.search(m.group()):
            words.append((False, m.end()))
    before, after = rules.plain_before, rules.stretched_after
    return [
        words[i - 1][1]
        for i in range(before, len(words) - after + 1)
        if not any(s for s, _ in words[i - before : i]) and all(s for s, _ in words[i : i + after])
    ]


@lru_cache(maxsize=1)
def _kashida(path: Path = DATA_PATH) -> _Kashida:
    """Read data/sentences.yaml."""
    data = read_yaml(path)
    rules = data.get("kashida") if isinstance(data, dict) else None
    fields = {"joins_not": str, "ligatures": list, "plain_before": int, "stretched_after": int}
    if not isinstance(rules, dict) or set(rules) != set(fields) or not all(isinstance(rules[k], t) and rules[k] for k, t in fields.items()):
        raise ContentError(path, None, "kashida: must have exactly joins_not (letters), ligatures (a list), plain_before and stretched_after (counts)")
    ligatures = "|".join(map(re.escape, rules["ligatures"]))
    return _Kashida(
        re.compile(f"(?!{ligatures})(?![{re.escape(rules['joins_not'])}])[{_LETTER}][{_LETTER}]"),
        rules["plain_before"],
        rules["stretched_after"],
    )


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    s = start + (len(chunk) - len(chunk.lstrip()))
    e = s + len(stripped)
    out.append(Sentence(len(out), s, e, stripped))


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence that contains `offset`, if any."""
    starts = [s.start for s in sentences]
    i = bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < max(sentences[i].end, sentences[i].start + 1):
        return sentences[i]
    return None
