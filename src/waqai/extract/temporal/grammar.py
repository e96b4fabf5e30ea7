"""From regex matches to `Parse` records: what an expression says, not yet what date it is.

Resolution needs the reference day, the quoted bulletin and the month said
before; keeping parsing apart lets the publication date be inferred from the
parses first and then everything be resolved against it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ..normalize import Tokens, tokenize
from ..spans import Reach, non_overlapping
from .lexicon import Lexicon, lexicon
from .patterns import Patterns, patterns


class Parse(NamedTuple):
    """One temporal expression in the folded text; every field is as written.
    A tuple: a report has dozens, and a frozen dataclass of this many fields costs
    several times as much to make."""

    start: int
    end: int
    kind: str  # date | numeric | hijri | duration | vague
    rel: int | None = None  # day offset of اليوم/أمس/غداً
    wd: int | None = None
    wd2: int | None = None  # second weekday of "ليل السبت – الأحد"
    wdmod: str | None = None  # previous | next
    day: int | None = None
    day2: int | None = None
    month: int | None = None
    same_month: bool = False  # "الشهر ذاته": the month said before
    mmod: str | None = None  # current | previous | next, after the month
    year: int | None = None
    year2: int | None = None  # "عامي 2017 و2018"
    ymod: str | None = None  # current | previous | next: "العام الجاري/الماضي"
    month_rel: str | None = None  # "الشهر الفائت", "هذا الشهر": current | previous | next
    clock: tuple[int, int] | None = None
    since: bool = False
    introduced: bool = False  # a preposition or conjunction leads it ("في 5 أيار"): not a dateline
    count: int | None = None  # duration: "قبل 10 أيام"
    unit: tuple[str, str] | None = None  # duration: (unit, precision)
    hijri: tuple[int, int | None, int | None] | None = None  # (year, month, day)

    @property
    def day_weekday(self) -> int | None:
        """The weekday the day number falls on: the second of "ليل الجمعة – السبت الـ 9"."""
        return self.wd2 if self.wd2 is not None else self.wd

    @property
    def has_day(self) -> bool:
        return self.day is not None and (self.month is not None or self.same_month)


def _clock(m: re.Match, lex: Lexicon) -> tuple[int, int] | None:
    hh, mi = m.group("hh") or m.group("hh2"), m.group("mi") or m.group("mi2")
    if hh is None:
        return None
    hour, minute = int(hh), int(mi)
    ampm = m.group("ampm")
    if ampm in lex.pm_suffixes and hour < 12:
        hour += 12
    elif ampm in lex.am_suffixes and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else None


def _number(text: str, lex: Lexicon) -> int:
    """A day or count written in digits or words (0 when unknown)."""
    if text.isdigit():
        return int(text)
    words = " ".join(text.split())
    return lex.ordinals.get(words) or lex.cardinals.get(words, 0)


def _words(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _word_before(text: str, index: int) -> str:
    """The whole word that ends before `index`, skipping the spaces."""
    head = text[max(0, index - 30) : index].split()
    return head[-1] if head else ""


def _part_clock(g: dict, lex: Lexicon) -> tuple[int, int] | None:
    """A clock time read with its part of the day: 11.30 "من مساء السبت" is 23:30."""
    hour, _, minute = g["clock"].replace(":", ".").partition(".")
    h, mi = int(hour), int(minute or 0)
    if lex.day_parts.get(_words(g["part"])) and h < 12:
        h += 12
    return (h, mi) if h < 24 and mi < 60 else None


def _day(m: re.Match, month: int | None, same: bool, lex: Lexicon) -> int | None:
    """The day number, if it is one: it needs a month (a name, "الشهر ذاته" or
    "الشهر الماضي"), and an ordinal word after
    "الأسبوع" counts weeks, not days ("الأسبوع الأول من أيار")."""
    written = m.group("day")
    if not written or not (month or same):
        return None
    if not written.isdigit() and _word_before(m.string, m.start("day")) in lex.ordinal_nouns:
        return None
    return _number(written, lex) or None


def _date(m: re.Match, lex: Lexicon) -> Parse | None:
    """The parse of a match of the main pattern, or None when it names no date."""
    g = m.groupdict()
    lead = g["lead"].split()
    after_preposition = bool(lead) and lead[-1] in lex.year_prepositions
    month = lex.months_lower.get(_words(g["month"]).lower()) if g["month"] else None
    same = g["same"] is not None or g["same2"] is not None
    month_rel = lex.modifiers.get(_words(g["mrel"] or g["dmrel"]))
    day = _day(m, month, same or bool(g["dmrel"]), lex)
    if g["day"] and day is None and not (g["rel"] or g["wd"] or month):
        return None
    bare = int(g["bare"]) if g["bare"] else None
    if bare and not (g["period"] or after_preposition):
        return None  # "في 2018" is a year, "قتل 2018" is not
    year = int(g["year"] or g["yonly"] or g["ypair"] or 0) or bare
    if g["month"] and _words(g["month"]).lower() in lex.ambiguous_months and not (
        g["month2"] or day or year or g["mword"] or g["mmod"] or g["period"] or after_preposition
    ):
        return None  # "مارس الضغط": a verb, not March
    ymod = lex.modifiers.get(_words(g["yrel"] or g["yrel2"])) or ("current" if g["ycur"] or g["ycur2"] else None)
    if g["this"]:
        month_rel, ymod = ("current", ymod) if g["this_month"] else (month_rel, "current")
    year_only = bool(g["yonly"] or g["yrel"] or g["ypair"] or bare or (g["this"] and ymod))
    rel = lex.relative_days.get(_words(g["rel"]))
    wd = lex.weekdays.get(g["wd"]) if g["wd"] else None
    if rel is None and wd is None and month is None and not same and not year_only and month_rel is None:
        return None
    day2 = int(g["day2"]) if g["day2"] else None
    year2 = int(g["ypair2"]) if g["ypair2"] else None
    return Parse(
        start=m.start(),
        end=m.start() + len(m.group().rstrip()),
        kind="date",
        rel=rel,
        wd=wd,
        wd2=lex.weekdays.get(g["wd2"]) if g["wd2"] else None,
        wdmod=lex.modifiers.get(_words(g["wdmod"])),
        day=day,
        day2=day2 if day2 and day and day2 > day else None,
        month=month,
        same_month=same,
        mmod=lex.modifiers.get(_words(g["mmod"])),
        year=year,
        year2=year2 if year2 and year and year2 > year else None,
        ymod=ymod,
        month_rel=month_rel,
        clock=_clock(m, lex) or (_part_clock(g, lex) if g["clock"] else None),
        since=any(lex.since.fullmatch(w) for w in lead),
        introduced=bool(lead) or lex.conjunction.match(m.group()) is not None,
    )


def _numeric(m: re.Match, lex: Lexicon) -> Parse | None:
    """2019/03/23 or 23/3/2019 (day first, as Arabic writes it; 3/13/2019, whose second
    number cannot be a month, month first); anything else is no date."""
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if len(a) == 4 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2:
        year, month, day = int(c), int(b), int(a)
        if month > 12 >= day:
            month, day = day, month
    else:
        return None
    if not 1800 <= year <= 2099:
        return None
    return Parse(m.start(), m.end(), "numeric", day=day, month=month, year=year, clock=_clock(m, lex))


def _month_first(m: re.Match, lex: Lexicon) -> Parse:
    """"November 19, 2017", "نوفمبر 10 2024": the month named before the day and the year."""
    month = lex.months_lower[_words(m.group("month")).lower()]
    return Parse(m.start(), m.end(), "numeric", day=int(m.group("day")), month=month, year=int(m.group("year")))


def _hijri(m: re.Match, lex: Lexicon) -> Parse:
    month = lex.hijri_months.get(_words(m.group("month") or m.group("month_only")))
    day = int(m.group("day")) if m.group("day") else None
    return Parse(m.start(), m.end(), "hijri", hijri=(int(m.group("year")), month, day))


def _duration(m: re.Match, lex: Lexicon) -> Parse:
    unit, precision, implied = lex.units[_words(m.group("unit"))]
    count = _number(_words(m.group("n")), lex) if m.group("n") else implied
    return Parse(
        m.start(), m.end(), "duration", count=count, unit=(unit, precision), since=lex.since.fullmatch(m.group("back")) is not None
    )


def _word_match(pattern: re.Pattern, text: str, pos: int, not_after: str) -> re.Match | None:
    """The first match of `pattern` from `pos` on that starts a word."""
    while (m := pattern.search(text, pos)) is not None:
        before = text[m.start() - 1] if m.start() else " "
        if not (before.isalnum() or before in not_after):
            return m
        pos = m.start() + 1
    return None


def word_matches(pattern: re.Pattern, text: str, not_after: str = "_") -> Iterator[re.Match]:
    """Matches of `pattern` that start a word (the pattern itself does not check):
    not right after a letter, a digit or a character of `not_after`."""
    return any_word_matches((pattern,), text, not_after)


def any_word_matches(patterns: tuple[re.Pattern, ...], text: str, not_after: str = "_") -> Iterator[re.Match]:
    """`word_matches` of the alternation of `patterns`, which never match at the same place."""
    pos = 0
    found = [_word_match(p, text, 0, not_after) for p in patterns]
    while any(m is not None for m in found):
        m = min((m for m in found if m is not None), key=lambda m: m.start())
        yield m
        pos = max(m.end(), m.start() + 1)
        found = [f if f is None or f.start() >= pos else _word_match(p, text, pos, not_after) for p, f in zip(patterns, found)]


def _date_matches(pat: Patterns, text: str, tokens: Tokens) -> Iterator[re.Match]:
    """The matches of `pat.date.finditer(text)`, the pattern tried only at the words that may open one."""
    if pat.date_openers is None:
        yield from pat.date.finditer(text)
        return
    end = 0
    for start in pat.date_openers.starts(tokens):
        if start >= end and (m := pat.date.match(text, start)) is not None:
            end = m.end()
            yield m


def scan(text: str, tokens: Tokens | None = None) -> list[Parse]:
    """Every temporal expression of folded `text`, in order, without overlaps;
    `tokens` are the text's own (`normalize.tokenize`), when the caller has them already.

    Where two readings overlap the longer wins ("November 19, 2017" over
    "November"); names that only contain a date word ("روسيا اليوم") drop
    the expressions that end inside them ("في اليوم التالي").
    """
    lex, pat = lexicon(), patterns()
    found: list[Parse] = []
    for m in _date_matches(pat, text, tokens if tokens is not None else tokenize(text)):
        parse = _date(m, lex)
        if parse is not None:
            found.append(parse)
    for m in word_matches(pat.numeric, text, "_/.-"):
        if (parse := _numeric(m, lex)) is not None:
            found.append(parse)
    if pat.month_first_gate.search(text):
        found += [_month_first(m, lex) for m in pat.month_first.finditer(text)]
    if pat.hijri_gate.search(text):
        found += [_hijri(m, lex) for m in pat.hijri.finditer(text)]
    found += [_duration(m, lex) for m in word_matches(pat.duration, text)]
    blocked = []
    for m in any_word_matches(pat.phrases, text):
        if " ".join(m.group().split()) in lex.not_date_set:
            blocked.append((m.start(), m.end()))
        else:
            found.append(Parse(m.start(), m.end(), "vague"))
    names = Reach(blocked)
    found = [p for p in found if not names.holds_end(p.end)]
    rank = {"numeric": 0, "hijri": 1, "date": 2, "duration": 3, "vague": 4}
    found.sort(key=lambda p: (-(p.end - p.start), rank[p.kind], p.start))
    chosen = non_overlapping(found, lambda p: (p.start, p.end))
    return _period_starts(_join_weekdays(sorted(chosen, key=lambda p: p.start), text), text)


SENTENCE_END = re.compile(r"[.!?؟\n]")


def _period_starts(parses: list[Parse], text: str) -> list[Parse]:
    """A calendar date shortly after "منذ بدء <what began>" (within the sentence, no other
    date between) starts a period: "منذ بدء الحملة في 11 أيلول" reads as "منذ 11 أيلول"."""
    lex, pat = lexicon(), patterns()
    out: list[Parse] = []
    for p in parses:
        if not p.since and p.month is not None and p.kind == "date":
            floor = max(out[-1].end if out else 0, p.start - lex.period_reach)
            opener = None
            for opener in pat.period_opener.finditer(text, floor, p.start):
                pass  # the last one before the date
            if opener is not None and not SENTENCE_END.search(text, opener.end(), p.start):
                p = p._replace(since=True)
        out.append(p)
    return out


GAP = re.compile(r"[\s،,-]*")


def _join_weekdays(parses: list[Parse], text: str) -> list[Parse]:
    """A weekday and the full date right after it are one date: "الأحد، 10 شباط 2019"."""
    out: list[Parse] = []
    for p in parses:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "date"
            and prev.wd is not None
            and prev.wd2 is None
            and prev.rel is None
            and prev.month is None
            and p.kind in ("date", "numeric")
            and p.wd is None
            and p.day is not None
            and not p.introduced
            and GAP.fullmatch(text, prev.end, p.start)
        ):
            out[-1] = p._replace(start=prev.start, wd=prev.wd, introduced=prev.introduced)
        else:
            out.append(p)
    return out
