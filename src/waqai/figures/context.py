"""The words around a number: tokens, sentences and the cue words found among them.

Each cue list of the lexicon is run once over the whole text and its hits are
stored by token index, so looking left or right of a number is a walk over a
few list cells, not a regex per number.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .words import Hit

_TOKEN = re.compile(r"\w+|[^\w\s]")
# A sentence ends at a full stop, question or exclamation mark followed by a space,
# at an Arabic semicolon, or at a line break (headlines and share counters).
_SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)|[؛\n]")


def sentence_ends(text: str) -> list[int]:
    """Offsets where sentences end (the same in a text and its normalized form)."""
    return [m.start() for m in _SENTENCE_END.finditer(text)]


@dataclass
class Context:
    """Token and sentence index of a normalized text, with cue hits per token."""

    text: str
    lex: Lexicon
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    sentence_ends: list[int] = field(default_factory=list)
    left_triggers: dict[int, str] = field(default_factory=dict)  # token -> category (trigger before a number)
    right_triggers: dict[int, str] = field(default_factory=dict)  # token -> category (trigger after a number)
    right_only: set[int] = field(default_factory=set)  # triggers that only ever follow their number
    hits: dict[str, list[Hit]] = field(default_factory=dict)  # the lexicon's word lists found, by kind
    parties: dict[int, tuple[int, str]] = field(default_factory=dict)  # first token of an alias -> (last token, party)
    role_before: dict[int, str] = field(default_factory=dict)  # last token of a role cue -> role
    role_after: dict[int, str] = field(default_factory=dict)  # first token of a role cue -> role
    barriers: set[int] = field(default_factory=set)
    relatives: set[int] = field(default_factory=set)
    breakdown: set[int] = field(default_factory=set)
    area: set[int] = field(default_factory=set)
    distance: set[int] = field(default_factory=set)
    toll_verbs: set[int] = field(default_factory=set)
    counts: set[int] = field(default_factory=set)  # "عدد", "تعداد"

    @classmethod
    def of(cls, text: str, lex: Lexicon) -> Context:
        ctx = cls(text, lex)
        for m in _TOKEN.finditer(text):
            ctx.starts.append(m.start())
            ctx.ends.append(m.end())
        ctx.sentence_ends = sentence_ends(text)
        ctx.hits = lex.words.scan(text)
        for hit in ctx.hits["trigger"]:
            category, side = hit.label
            if side in ("both", "left"):
                ctx.left_triggers.setdefault(ctx.token_at(hit.end - 1), category)
            if side in ("both", "right"):
                ctx.right_triggers.setdefault(ctx.token_at(hit.start), category)
            if side == "right":
                ctx.right_only.add(ctx.token_at(hit.start))
        hidden = [(h.start, h.end) for h in ctx.hits["not_party"]]
        covered = 0  # an alias inside a longer one ("التنظيم" in "مسلحي التنظيم") is not read twice
        for hit in ctx.hits["party"]:
            if hit.start >= covered and not any(s <= hit.start < e for s, e in hidden):
                ctx.parties[ctx.token_at(hit.start)] = (ctx.token_at(hit.end - 1), hit.label)
                covered = hit.end
        for hit in ctx.hits["role_before"]:  # the longest cue ending at a token wins (it starts first)
            ctx.role_before.setdefault(ctx.token_at(hit.end - 1), hit.label)
        for hit in ctx.hits["role_after"]:
            ctx.role_after.setdefault(ctx.token_at(hit.start), hit.label)
        ctx.barriers, ctx.relatives, ctx.breakdown, ctx.area, ctx.distance, ctx.toll_verbs, ctx.counts = (
            {ctx.token_at(hit.start) for hit in ctx.hits[kind]}
            for kind in ("barrier", "relative", "breakdown", "area", "distance", "toll", "count")
        )
        return ctx

    def token_at(self, pos: int) -> int:
        """Index of the token that contains `pos` (or the last one before it)."""
        return max(bisect_right(self.starts, pos) - 1, 0)

    def sentence_of(self, pos: int) -> int:
        return bisect_left(self.sentence_ends, pos)

    def token_sentence(self, token: int) -> int:
        return self.sentence_of(self.starts[token])

    def walk(self, first: int, last: int, step: int, limit: int, stop_at_barriers: bool = True) -> Iterator[tuple[int, int]]:
        """(token, distance) going left (step -1 from `first`) or right (step 1 from `last`)
        within the sentence, at most `limit` tokens, punctuation not counted."""
        sentence = self.token_sentence(first if step < 0 else last)
        i, distance = (first - 1, 0) if step < 0 else (last + 1, 0)
        while 0 <= i < len(self.starts) and distance < limit:
            if self.token_sentence(i) != sentence:
                return
            if stop_at_barriers and i in self.barriers:
                return
            if self.text[self.starts[i]].isalnum():
                distance += 1
            yield i, distance
            i += step

    def tokens_between(self, a: int, b: int) -> list[str]:
        """The word tokens strictly between token indices a and b."""
        return [self.text[self.starts[i] : self.ends[i]] for i in range(a + 1, b)]
