"""Quoted bulletins: the stretches of a report whose "today" is another day.

SOHR reports quote their own earlier bulletins: "ونشر المرصد السوري أمس السبت
الـ 9 من شباط، أنه ... اليوم السبت ...". A reporting verb, a date, then "أن"
opens such a stretch; it runs to the end of the paragraph or to the next one.
Inside it, اليوم and bare weekdays count from the bulletin's day.
"""
from __future__ import annotations

from .grammar import Parse
from .lexicon import lexicon
from .patterns import patterns

BREAKS = frozenset(".\n!?؟")


def is_opener(p: Parse, text: str) -> bool:
    """Whether `p` dates a quoted bulletin: verb, at most a subject, `p`, then "أن"."""
    if p.kind != "date" or not (p.rel is not None or p.wd is not None or p.has_day):
        return False
    lex, pat = lexicon(), patterns()
    before = text[max(0, p.start - lex.max_gap_before) : p.start]
    verbs = list(pat.reporting_verb.finditer(before))
    if not verbs or BREAKS.intersection(before[verbs[-1].end() :]):
        return False
    after = pat.complementizer.search(text, p.end, p.end + lex.max_gap_after)
    return after is not None and not BREAKS.intersection(text[p.end : after.start()])


def bulletins(parses: list[Parse], text: str) -> tuple[list[int | None], set[int]]:
    """For each parse, the index of the parse that opened the bulletin it sits in (or
    None); and the indices of the openers, which are read in the report's own voice."""
    owner: list[int | None] = [None] * len(parses)
    openers: set[int] = set()
    current: int | None = None
    end = line_end = -1  # line_end: the first newline after the last opener, reused while ahead (one scan per line)
    for i, p in enumerate(parses):
        if current is not None and p.start >= end:
            current = None
        if current is not None:
            owner[i] = current
        if is_opener(p, text):
            openers.add(i)
            current = i
            if line_end < p.end:
                newline = text.find("\n", p.end)
                line_end = len(text) if newline < 0 else newline
            end = line_end
    return owner, openers
