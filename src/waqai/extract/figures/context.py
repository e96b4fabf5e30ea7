"""The words around a number: tokens, sentences and the cue words found among them.

Each cue list of the lexicon is run once over the whole text and its hits are
stored by token index, so looking left or right of a number is a walk over a
few list cells, not a regex per number.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from operator import itemgetter

from ..normalize import Tokens, tokenize
from .lexicon import Lexicon
from .words import Hit

# A sentence ends at a full stop, question or exclamation mark followed by a space,
# at an Arabic semicolon, or at a line break (headlines and share counters). One
# character class first lets the regex engine skip to the candidates.
_SENTENCE_END = re.compile(r"[.!?؟؛\n](?:(?<=[؛\n])|(?=\s|$))")


def sentence_ends(text: str) -> list[int]:
    """Offsets where sentences end (the same in a text and its normalized form)."""
    return [m.start() for m in _SENTENCE_END.finditer(text)]


@dataclass
class Context:
    """Token and sentence index of a normalized text, with cue hits per token."""

    text: str
    lex: Lexicon
    tokens: Tokens
    words: list[str] = field(default_factory=list)  # the tokens' texts and offsets (tokens.words, tokens.starts)
    starts: list[int] = field(default_factory=list)
    is_word: list[bool] = field(default_factory=list)  # a letter or digit, not a mark: counted in distances
    word_prefix: list[int] = field(default_factory=list)  # words before each token: distances by subtraction
    sentence_ends: list[int] = field(default_factory=list)
    sentence_bounds: list[int] = field(default_factory=list)  # index of each sentence's first token, the first one's left out
    sentence_spans: list[range] = field(default_factory=list)  # each token's sentence, as the range of its tokens
    left_triggers: dict[int, str] = field(default_factory=dict)  # token -> category (trigger before a number)
    right_triggers: dict[int, str] = field(default_factory=dict)  # token -> category (trigger after a number)
    right_only: set[int] = field(default_factory=set)  # triggers that only ever follow their number
    hits: dict[str, list[Hit]] = field(default_factory=dict)  # the lexicon's word lists found, by kind
    parties: dict[int, tuple[int, str]] = field(default_factory=dict)  # first token of an alias -> (last token, party)
    role_before: dict[int, str] = field(default_factory=dict)  # last token of a role cue -> role
    role_after: dict[int, str] = field(default_factory=dict)  # first token of a role cue -> role
    barriers: set[int] = field(default_factory=set)
    barrier_order: list[int] = field(default_factory=list)  # the barriers, sorted
    relatives: set[int] = field(default_factory=set)
    breakdown: set[int] = field(default_factory=set)
    area: set[int] = field(default_factory=set)
    distance: set[int] = field(default_factory=set)
    toll_verbs: set[int] = field(default_factory=set)
    counts: set[int] = field(default_factory=set)  # "عدد", "تعداد"
    objects: set[int] = field(default_factory=set)  # verbs whose object the count after them is
    joiners: set[int] = field(default_factory=set)  # last token of "بالإضافة إلى", "فضلاً عن"
    after_noun: set[int] = field(default_factory=set)  # offsets of numbers that may follow their noun ("اثنين")

    @classmethod
    def of(cls, text: str, lex: Lexicon, tokens: Tokens | None = None) -> Context:
        """The index of normalized `text`; `tokens` are its own, when the caller has them already."""
        tokens = tokens if tokens is not None else tokenize(text)
        ctx = cls(text, lex, tokens, tokens.words, tokens.starts)
        ctx.is_word = list(map(str.isalnum, map(itemgetter(0), tokens.words)))  # C loops, no Python per token
        ctx.word_prefix = list(accumulate(ctx.is_word, initial=0))
        ctx.sentence_ends = sentence_ends(text)
        ctx.sentence_bounds = [bisect_right(ctx.starts, end) for end in ctx.sentence_ends]
        ctx.sentence_spans = _spans([0, *ctx.sentence_bounds, len(ctx.starts)])
        ctx.hits = lex.words.scan(text, tokens)
        ctx._index_hits()
        return ctx

    def _index_hits(self) -> None:
        """The hits of each cue list by the token a figure rule looks them up at."""
        for hit in self.hits["trigger"]:
            category, side = hit.label
            if side in ("both", "left"):
                self.left_triggers.setdefault(hit.last, category)
            if side in ("both", "right"):
                self.right_triggers.setdefault(hit.first, category)
            if side == "right":
                self.right_only.add(hit.first)
        hidden = [(h.start, h.end) for h in self.hits["not_party"]]
        covered = 0  # an alias inside a longer one ("التنظيم" in "مسلحي التنظيم") is not read twice
        for hit in self.hits["party"]:
            if hit.start >= covered and not any(s <= hit.start < e for s, e in hidden):
                self.parties[hit.first] = (hit.last, hit.label)
                covered = hit.end
        for hit in self.hits["role_before"]:  # the longest cue ending at a token wins (it starts first)
            self.role_before.setdefault(hit.last, hit.label)
        for hit in self.hits["role_after"]:
            self.role_after.setdefault(hit.first, hit.label)
        self.barriers, self.relatives, self.breakdown, self.area, self.distance, self.toll_verbs, self.counts, self.objects = (
            {hit.first for hit in self.hits[kind]}
            for kind in ("barrier", "relative", "breakdown", "area", "distance", "toll", "count", "object")
        )
        self.joiners = {hit.last for hit in self.hits["joiner"]}
        self.after_noun = {hit.start for hit in self.hits["after_noun"]}
        self.barrier_order = sorted(self.barriers)

    def token_at(self, pos: int) -> int:
        """Index of the token that contains `pos` (or the last one before it)."""
        return max(bisect_right(self.starts, pos) - 1, 0)

    def token_sentence(self, token: int) -> int:
        return bisect_right(self.sentence_bounds, token)

    def span(self, first: int, last: int, step: int, limit: int, stop_at_barriers: bool = True) -> range:
        """The tokens going left (step -1 from `first`) or right (step 1 from `last`), in that
        order, within the sentence, until `limit` words are passed or a barrier is met;
        found by bisection, so a rule pays for the tokens it looks at, not for the walk."""
        prefix = self.word_prefix
        sentence = self.sentence_spans[first if step < 0 else last]
        if step < 0:
            low = max(sentence.start, bisect_right(prefix, prefix[first] - limit) - 1)
            if stop_at_barriers:
                barrier = bisect_left(self.barrier_order, first) - 1
                if barrier >= 0 and self.barrier_order[barrier] >= low:
                    low = self.barrier_order[barrier] + 1
            return range(first - 1, low - 1, -1)
        high = min(sentence.stop, bisect_left(prefix, prefix[last + 1] + limit))
        if stop_at_barriers:
            barrier = bisect_right(self.barrier_order, last)
            if barrier < len(self.barrier_order) and self.barrier_order[barrier] < high:
                high = self.barrier_order[barrier]
        return range(last + 1, high)

    def words_to(self, first: int, last: int, token: int) -> int:
        """Words from the figure (tokens first..last) to `token`, that one included."""
        prefix = self.word_prefix
        return prefix[first] - prefix[token] if token < first else prefix[token + 1] - prefix[last + 1]

    def walk(self, first: int, last: int, step: int, limit: int, stop_at_barriers: bool = True) -> Iterator[tuple[int, int]]:
        """(token, distance) over `span`, punctuation not counted in the distance (see `words_to`)."""
        span, prefix = self.span(first, last, step, limit, stop_at_barriers), self.word_prefix
        if step < 0:
            base = prefix[first]
            return ((t, base - prefix[t]) for t in span)
        base = prefix[last + 1]
        return ((t, prefix[t + 1] - base) for t in span)

    @staticmethod
    def first_in(marks: Container[int], span: range) -> int | None:
        """The first token of `span` among `marks`."""
        return next((t for t in span if t in marks), None)

    def tokens_between(self, a: int, b: int) -> list[str]:
        """The word tokens strictly between token indices a and b."""
        return self.words[a + 1 : b]


def _spans(edges: list[int]) -> list[range]:
    """For each token, the range of its sentence's tokens (`edges`: where each sentence starts, then the end)."""
    out: list[range] = []
    for start, stop in pairwise(edges):
        out += [range(start, stop)] * (stop - start)
    return out
