"""Sentence boundaries in Arabic news text.

SOHR sentences run on for a paragraph, so a sentence here ends only at a full
stop, a question or exclamation mark, or a line break. A full stop typed against
the next word (`في دير الزور .وأفاد`, `من السكان.وبالتوازي`) ends one too, but
not after a single letter (`د.رامي`, an abbreviated title). Every link from the
site to "the sentence a figure came from" uses these spans.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_END = re.compile(r"[.!?؟]+(?=\s|$)|(?:(?<=[ء-ي]{2})|(?<=\s))\.+(?=[ء-ي])|\n+")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Non-empty sentences of `text`, with offsets into it (whitespace trimmed)."""
    sentences: list[Sentence] = []
    pos = 0
    for m in _END.finditer(text):
        _append(sentences, text, pos, m.end())
        pos = m.end()
    _append(sentences, text, pos, len(text))
    return sentences


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
