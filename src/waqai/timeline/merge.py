"""The same happening told by several reports -> one timeline entry with all sources.

Reports relay each other (Al-Watan quotes SOHR, SOHR repeats its own bulletins),
so one arrival of troops can appear twice. Two events are one when they come from
different reports, their types are of one family (a clash and an assault), they name
a place in common, they fall on the same day, and their figures are compatible: no
count of one kind about one party that the other report gives far apart. Two
happenings of one day in different places stay two. Tellings up to two days apart are
one when one of their dates is vague (the report's day for want of the text's, a range
of a few days): `merge_near`, after the merge a day at a time. The merged entry keeps every
source and every figure: where reports differ, the page shows each figure with its
report rather than picking one.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from ..extract.temporal.resolve import first_day, last_day

from ..records import Event, Figure
from .events import TOLL, load_type_rules, running

# Figures within this relative distance are the same count told twice (`نحو 700` / `700`).
CLOSE = 0.1
# Days a vague date may be from another telling's and still be the same happening's.
NEAR = timedelta(days=2)
# Precisions whose date names no day (`2019-02`, `2017`).
COARSE = frozenset({"month", "year"})
# The longest range whose date is vague in that sense (longer ones tell a period).
SHORT_RANGE = timedelta(days=7)


def _close(a: Figure, b: Figure) -> bool:
    if a.category != b.category or (a.party and b.party and a.party != b.party):
        return False
    if a.value is None or b.value is None:
        return a.value == b.value
    return abs(a.value - b.value) <= CLOSE * max(abs(a.value), abs(b.value))


def _compatible(a: Event, b: Event) -> bool:
    """Whether two events' figures can be one happening's: every kind of count (category and
    party) both give has a pair of close values (`نحو 700` / `650` is one arrival told
    twice, kept side by side; 700 and 2000 troops are two arrivals)."""
    for _, fa in a.figures:
        rivals = [fb for _, fb in b.figures if fb.category == fa.category and (not fa.party or not fb.party or fa.party == fb.party)]
        if rivals and not any(_close(fa, fb) for fb in rivals):
            return False
    return True


def _vague(event: Event) -> bool:
    """Whether an event's date may be a few days off its happening's: the report's own day
    taken for want of the text's, or a range of a few days (`خلال الأيام الثلاثة الماضية`).
    A month is not: it tells of something else than a day's happening (an earlier step).
    Nor is a running total's: it is the count as of its report's day, each day's its own."""
    if event.type == TOLL or any(running(f, event.date) for _, f in event.figures):
        return False
    if event.date_basis == "published":
        return True
    return event.precision == "range" and event.date is not None and last_day(event.date) - first_day(event.date) <= SHORT_RANGE


def _near(a: Event, b: Event) -> bool:
    """Whether two dates can be one happening's though not one day: one vague, and within
    NEAR of the other's (of any day a range covers). Not a month or a year: its first day,
    which files it among the days, is no day of its happening (`_same_day`)."""
    if a.date is None or b.date is None or not (_vague(a) or _vague(b)) or {a.precision, b.precision} & COARSE:
        return False
    return first_day(a.date) - NEAR <= last_day(b.date) and first_day(b.date) - NEAR <= last_day(a.date)


def _same_day(a: Event, b: Event) -> bool:
    """Whether two events fall on one day: a month's or a year's first day is no day of
    its happening, so such a date is one day only with the same month or year."""
    return a.day == b.day and (a.date == b.date or not {a.precision, b.precision} & COARSE)


def same_happening(a: Event, b: Event, near: bool = False) -> bool:
    """Whether two events (from different reports) tell the same happening: on one day, or
    with `near`, on days `_near` allows."""
    if {s.article_id for s in a.sources} & {s.article_id for s in b.sources}:
        return False
    family = load_type_rules().family
    if family(a.type) != family(b.type) or not set(a.places) & set(b.places):
        return False
    if a.day is None or b.day is None or not (_same_day(a, b) or (near and _near(a, b))):
        return False
    return _compatible(a, b) and _compatible(b, a)


def _union(*groups: Sequence) -> tuple:
    return tuple(dict.fromkeys(x for g in groups for x in g))


def combine(a: Event, b: Event) -> Event:
    """One entry from two tellings: the finer date, all sources, places, actors, figures.
    Tellings by different reports (what same_happening merges) share no source nor figure,
    each naming its report: those are joined, not compared (hashing them was most of the time
    a rebuild took to merge 10,000 reports' events again from their plans)."""
    first, second = sorted((a, b), key=lambda e: (e.date_basis != "mention", e.sources[0].published or date.max))
    apart = not {s.article_id for s in a.sources} & {s.article_id for s in b.sources}
    join = (lambda x, y: tuple(x) + tuple(y)) if apart else _union
    return replace(
        first,
        sources=tuple(sorted(join(a.sources, b.sources), key=lambda s: (s.published or date.max, s.article_id))),
        places=_union(first.places, second.places),
        actors=_union(first.actors, second.actors),
        figures=join(first.figures, second.figures),
    )


def _keys(event: Event) -> set[tuple]:
    """Where another telling of the same happening is looked up: its day, the family of its
    type and a place it names, since `same_happening` needs one of each in common."""
    family = load_type_rules().family(event.type)
    return {(event.day, family, place) for place in event.places}


def _index(entries: dict[tuple, dict[str, set[int]]], i: int, keys: set[tuple], reports: set[str]) -> None:
    """File entry `i` under `keys`, as told by `reports`."""
    for key in keys:
        by_report = entries.setdefault(key, {})
        for article_id in reports:
            by_report.setdefault(article_id, set()).add(i)


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Events with every happening told by several reports merged into one, in input order."""
    return merge_with_plan(events)[0]


def merge_with_plan(events: Sequence[Event]) -> tuple[list[Event], list[tuple[int, ...]]]:
    """merge_events, and its plan: for each entry, the positions of the events it was made
    of, in the order they were combined (`replay` makes the same entries from it)."""
    merged: list[Event] = []
    plan: list[list[int]] = []
    # Only an entry that shares a key (see _keys) with an event, from another report,
    # can match it: entries are indexed by every key they ever had, and by report, so
    # neither a long archive nor one long report is compared pair by pair; trying
    # candidates in order keeps the first match.
    entries: dict[tuple, dict[str, set[int]]] = {}
    indexed: list[set[tuple]] = []  # the keys each entry is filed under so far
    for position, event in enumerate(events):
        own = {s.article_id for s in event.sources}
        candidates: set[int] = set()
        for key in _keys(event):
            for article_id, indices in entries.get(key, {}).items():
                if article_id not in own:
                    candidates |= indices
        for i in sorted(candidates):
            if same_happening(merged[i], event):
                merged[i] = combine(merged[i], event)
                plan[i].append(position)
                keys = _keys(merged[i])
                # a merged entry grows: its new keys take all its reports, its old ones the new reports
                _index(entries, i, keys - indexed[i], {s.article_id for s in merged[i].sources})
                _index(entries, i, keys & indexed[i], own)
                indexed[i] |= keys
                break
        else:
            keys = _keys(event)
            _index(entries, len(merged), keys, own)
            indexed.append(keys)
            merged.append(event)
            plan.append([position])
    return merged, [tuple(positions) for positions in plan]


def _covered(event: Event, reach: timedelta) -> list[date]:
    """The days an event's date covers, widened by `reach` on each side."""
    start, end = first_day(event.date) - reach, last_day(event.date) + reach
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def merge_near(entries: Sequence[Event], origins: Sequence[str]) -> tuple[tuple[Event, ...], tuple[str, ...]]:
    """Entries (merged a day at a time, in date order) with those of nearby days that are one
    happening (`same_happening(near=True)`) combined, and each one's origin: that of the
    entries it combines, hashed in order (`origins` empty: none). Entries are filed by
    family, place and each day they cover, and an entry looks up the days within NEAR of
    its own: a long archive is not compared pair by pair."""
    family = load_type_rules().family
    out: list[Event | None] = list(entries)
    made = list(origins)
    filed: dict[tuple[str, str, date], list[int]] = {}
    for i, entry in enumerate(entries):
        kind = family(entry.type)
        match = next(
            (j for d in _covered(entry, NEAR) for p in entry.places for j in filed.get((kind, p, d), ()) if out[j] is not None and same_happening(out[j], entry, near=True)),
            None,
        )
        if match is not None:
            out[match], out[i] = combine(out[match], entry), None
            if made:
                version = made[match].split(":")[0]  # the plans' version, as assemble.merge_by_day writes it
                combined = hashlib.sha256(f"{made[match]}\0{made[i]}".encode()).hexdigest()
                made[match] = f"{version}:{combined}"
            i = match
        for d in _covered(out[i], timedelta(0)):
            for p in out[i].places:
                spot = filed.setdefault((family(out[i].type), p, d), [])
                if i not in spot:
                    spot.append(i)
    kept = sorted((i for i, e in enumerate(out) if e is not None), key=lambda i: out[i].day)
    return tuple(out[i] for i in kept), tuple(made[i] for i in kept) if made else ()


def replay(events: Sequence[Event], plan: Sequence[Sequence[int]]) -> list[Event]:
    """The entries of merge_with_plan(events), from its plan, without looking for matches."""
    out = []
    for positions in plan:
        entry = events[positions[0]]
        for position in positions[1:]:
            entry = combine(entry, events[position])
        out.append(entry)
    return out
