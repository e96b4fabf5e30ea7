"""Questions about many text spans answered in logarithmic time.

The extractors keep the longest of overlapping readings and drop numbers that
sit inside a date. Checking each candidate against every span already seen is
quadratic: a hostile report of one long line made of thousands of dates took
minutes. These helpers keep the cost at O(n log n) for any input.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import TypeVar

T = TypeVar("T")


class Reach:
    """Fixed spans (start, end), possibly overlapping, sorted with their furthest end so far."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def _furthest(self, count: int) -> int:
        return self._reach[count - 1] if count else -1

    def contains(self, start: int, end: int) -> bool:
        """Whether one span holds all of [start, end)."""
        return self._furthest(bisect_right(self._starts, start)) >= end

    def holds_end(self, end: int) -> bool:
        """Whether a span starts before `end` and reaches it: a non-empty span ending at `end` ends inside it."""
        return self._furthest(bisect_left(self._starts, end)) >= end


def non_overlapping(items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """The items, in the given order of preference, whose non-empty span overlaps no item kept before."""
    starts: list[int] = []  # the kept spans never overlap, so sorted by start they are sorted by end too
    ends: list[int] = []
    kept: list[T] = []
    for item in items:
        start, end = span(item)
        i = bisect_left(starts, end)  # kept spans that start before this one ends: only the last can reach it
        if i and ends[i - 1] > start:
            continue
        kept.append(item)
        starts.insert(i, start)
        ends.insert(i, end)
    return kept
