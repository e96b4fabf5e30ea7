"""A number while the finder decides what it counts: the record the finder's passes
(linking, categories, parties) share, in a module of its own so that none of them
imports another."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Noun
from .numbers import Number


@dataclass
class Candidate:
    """A number with what surrounds it, while its category is being decided."""

    number: Number
    start: int  # normalized span of the whole figure (qualifier and noun included)
    end: int
    first: int  # its first and last token
    last: int
    qualifier: str
    noun: Noun | None
    unit: str
    value: float | None
    category: str | None = None
    party: str | None = None
    parent: int | None = None
    coordinated: int | None = None  # index of the figure it is joined to by "و"
    parts: list[int] = field(default_factory=list)


def descendant_tokens(cands: list[Candidate], i: int) -> set[int]:
    """The tokens of figure i's parts and their parts: words a rule looking around a
    total steps over ("401 بينهم 144 طفلاً ... قتلوا" is the total's verb)."""
    tokens: set[int] = set()
    for p in cands[i].parts:
        tokens |= set(range(cands[p].first, cands[p].last + 1)) | descendant_tokens(cands, p)
    return tokens
