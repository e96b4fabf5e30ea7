"""Clause events of one report -> one event per happening.

A report tells a happening in its headline, its lede and its details, and again in
another source's words or with a revised count; each of those clauses is read as an
event (events.py), and here the clauses that tell one happening become one event with
several sources. Two clauses tell one happening when their types are of one family and
nothing sets them apart: places both named and disjoint (wide regions aside), dates
that each clause gives of its own and that differ (a weekday the text cannot resolve
counts as its words), or a clause that tells what had happened before (`وكانت ... قد`).
A casualty count with no predicate of its own follows the violent happening told just
before it in its sentence. The words are language data (data/happenings.yaml).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..content.datafiles import PACKAGE_DATA, read_yaml, text_list
from ..content.labels import load_labels
from ..errors import ContentError
from ..extract.gazetteer import Gazetteer
from ..extract.normalize import fold
from ..extract.sentences import Sentence, split_sentences
from ..extract.temporal.resolve import first_day, last_day
from ..records import Article, DateMention, Event, Extraction, Figure, Source
from .events import TypeRules, clause_events, load_place_roles, load_type_rules
from .headlines import headline

DEFAULT_PATH = PACKAGE_DATA / "happenings.yaml"
_LONGEST_NAME = 4  # words: the longest place name looked up after a place noun
_CLITICS = ("و", "ب", "ف", "ل")  # a conjunction or preposition written onto a place noun
_NAME = re.compile(r"[\u0621-\u064a]+")  # an Arabic word, without its punctuation
# Mentions that name no point in time: a clause with one gives no date of its own.
UNDATING_KINDS = frozenset({"vague", "duration", "since"})
# How many happenings back a clause is compared with: a report tells far fewer, and a
# list of thousands (a fuzzed or pasted text) stays linear.
LOOKBACK = 60
# The date bases from the most to the least telling: a merged event keeps the best one's date.
BASES = ("mention", "bulletin", "published", "unknown")


@dataclass(frozen=True)
class HappeningRules:
    violent: frozenset[str]
    surrounded: frozenset[str]  # families of happenings that have circumstances (a capture amid clashes)
    earlier: tuple[tuple[str, ...], ...]  # folded words that open a clause of an earlier happening
    elsewhere: tuple[tuple[str, ...], ...]  # folded words that open a clause of another matter
    place_nouns: frozenset[str]  # folded
    settlement_nouns: frozenset[str]  # folded: place nouns of one town, village or camp
    heading_words: int
    circumstances: tuple[tuple[str, ...], ...]  # folded words that open a clause of circumstances
    reporting: frozenset[str]  # folded verbs that name a source

    def tells_earlier(self, text: str, predicate_at: int | None) -> bool:
        """Whether a clause tells another matter (opened by `elsewhere`) or an earlier step."""
        return _opens(text, self.elsewhere) or self.tells_background(text, predicate_at)

    def tells_background(self, text: str, predicate_at: int | None) -> bool:
        """Whether a clause tells an earlier step (opened by `earlier`), not a statement whose
        source is named before its predicate. What follows it tells the news again: no later
        clause goes on with it."""
        if not _opens(text, self.earlier):
            return False
        before = text if predicate_at is None else text[:predicate_at]
        return not {fold(w) for w in _NAME.findall(before)} & self.reporting

    def tells_circumstances(self, text: str) -> bool:
        return _opens(text, self.circumstances)

    def heading(self, sentences: Sequence[Sentence]) -> frozenset[int]:
        """The indices of a report's heading sentences (see data/happenings.yaml)."""
        out = set()
        for sentence in sentences:
            if len(_NAME.findall(sentence.text)) >= self.heading_words:
                break
            out.add(sentence.index)
        return frozenset(out)


@lru_cache(maxsize=4)
def load_happening_rules(path: Path = DEFAULT_PATH) -> HappeningRules:
    """Read and check data/happenings.yaml."""
    data = read_yaml(path)
    lists = {"violent_families", "circumstance_families", "earlier", "elsewhere", "place_nouns", "settlement_nouns", "circumstances", "reporting"}
    if not isinstance(data, dict) or set(data) != lists | {"heading_words"} or not isinstance(data["heading_words"], int):
        raise ContentError(path, None, f"must have exactly the lists {', '.join(sorted(lists))} and the number heading_words")
    words = lambda key: tuple(tuple(_NAME.findall(fold(w))) for w in text_list(path, key, data[key]))  # noqa: E731
    return HappeningRules(
        frozenset(text_list(path, "violent_families", data["violent_families"])),
        frozenset(text_list(path, "circumstance_families", data["circumstance_families"])),
        words("earlier"),
        words("elsewhere"),
        frozenset(fold(n) for n in text_list(path, "place_nouns", data["place_nouns"])),
        frozenset(fold(n) for n in text_list(path, "settlement_nouns", data["settlement_nouns"])),
        data["heading_words"],
        words("circumstances"),
        frozenset(fold(w) for w in text_list(path, "reporting", data["reporting"])),
    )


@dataclass
class _Telling:
    """A happening as gathered so far: the clause that gives its type and date, what its
    clauses told, and what sets it apart from others. Kept in lists and sets, not in an
    Event remade with each clause: a report of a thousand counts stays linear."""

    head: Event
    own_dates: set[str]  # dates its clauses give of their own (a value, or the words of one the text leaves unresolved)
    sentences: set[int]
    places: set[str]  # see _places
    sources: list[Source] = field(default_factory=list)
    where: dict[str, None] = field(default_factory=dict)  # the event's places, in order
    parties: dict[str, None] = field(default_factory=dict)
    figures: dict[tuple[str, Figure], None] = field(default_factory=dict)
    counts: set[tuple[str, float | None]] = field(default_factory=set)  # (category, value) of its figures
    background: bool = False  # opened by a clause of an earlier step (`وكانت ... قد`): later clauses tell the news

    @classmethod
    def of(cls, event: Event, own: set[str], places: set[str]) -> _Telling:
        telling = cls(event, own, set(), places)
        telling.add(event)
        return telling

    def add(self, event: Event) -> None:
        self.sources += event.sources
        self.sentences.update(s.sentence for s in event.sources)
        self.where.update(dict.fromkeys(event.places))
        self.parties.update(dict.fromkeys(event.actors))
        self.figures.update(dict.fromkeys(event.figures))
        self.counts.update((f.category, f.value) for _, f in event.figures)

    @property
    def type(self) -> str:
        return self.head.type

    def event(self) -> Event:
        return replace(self.head, sources=tuple(self.sources), places=tuple(self.where), actors=tuple(self.parties), figures=tuple(self.figures))


def _opens(text: str, openers: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `text` begins with one of `openers` (folded words)."""
    words = tuple(_NAME.findall(fold(text))[:4])
    return any(words[: len(opener)] == opener for opener in openers)


def _places(event: Event, gazetteer: Gazetteer, rules: HappeningRules, wide: set[str]) -> set[str]:
    """The places a clause names, but wide ones: gazetteer ids, and the names the gazetteer
    does not know that follow a place noun (`قرية الصالحية`)."""
    found = set(event.places) - wide
    words = _NAME.findall(event.sources[0].text)
    for noun, name in zip(words, words[1:]):
        folded = fold(noun)
        if len(name) > 2 and (folded in rules.place_nouns or (folded[:1] in _CLITICS and folded[1:] in rules.place_nouns)):
            ids = gazetteer.place_index.ids(name)
            found |= set(ids) - wide if ids else {fold(name).removeprefix("ال")}
    return found


def _a_count(telling: _Telling, event: Event, types: TypeRules, rules: HappeningRules, predicate: str | None) -> bool:
    """Whether `event` is a casualty count without a predicate of its own (`ما أدى لمقتل 7`,
    `ووثق المرصد مقتل 9 مدنيين`) that can be the toll of a violent `telling`."""
    return (
        predicate is None
        and event.type == "toll_report"
        and not _running(event)
        and types.family(telling.type) in rules.violent
    )


def _follows(telling: _Telling, event: Event, types: TypeRules, rules: HappeningRules, predicate: str | None) -> bool:
    """Whether `event` is part of `telling`, told just before it in its sentence: its
    circumstances (`وسط اشتباكات` after a capture; not after an exit, which the fighting
    drives but is not), or a casualty count without a predicate (its toll)."""
    if event.sources[0].sentence not in telling.sentences:
        return False
    if rules.tells_circumstances(event.sources[0].text):
        return types.family(event.type) in rules.violent and types.family(telling.type) in rules.surrounded
    return _a_count(telling, event, types, rules, predicate)


def _kin(telling: _Telling, event: Event, types: TypeRules) -> bool:
    """Whether two tellings can be of one happening by their types: types of one family.
    A report names one happening by several predicates (`معارك` in its heading, `هجوم`
    in its lede, `المعركة الأخيرة` with its toll; `غارات` then `قصف`)."""
    return types.family(telling.type) == types.family(event.type)


def _same_time(a: set[str], b: set[str]) -> bool:
    """Whether two clauses' own dates can be one time: a date in common, or one date
    within another (a day of a month, a day of a range). Unresolved words match as words."""
    if a & b:
        return True
    spans = lambda dates: [(first_day(d), last_day(d)) for d in dates if d[:4].isdigit()]  # noqa: E731
    return any(x0 <= y0 and y1 <= x1 or y0 <= x0 and x1 <= y1 for x0, x1 in spans(a) for y0, y1 in spans(b))


def _running(event: Event) -> bool:
    """Whether an event counts since a start (a running total), which a count of one
    happening never is: the two are different tolls even when told side by side."""
    return any(f.since for _, f in event.figures)


def _own_dates(event: Event, mentions: Sequence[DateMention]) -> set[str]:
    """The dates a clause gives of its own: their values, or their folded words when unresolved."""
    source = event.sources[0]
    return {
        m.value or " ".join(fold(m.text).split())
        for m in mentions
        if source.start <= m.start < source.end and not m.since and m.kind not in UNDATING_KINDS
    }


def _join(telling: _Telling, event: Event, own: set[str], places: set[str], heading: frozenset[int]) -> None:
    """Add a clause to the happening: its source, places, actors, figures; the better date;
    the type the text gives when the happening was named only by the heading so far."""
    head = telling.head
    if telling.sentences <= heading and event.sources[0].sentence not in heading:
        head = replace(head, type=event.type)
    if BASES.index(event.date_basis) < BASES.index(head.date_basis):
        head = replace(head, date=event.date, day=event.day, precision=event.precision, date_basis=event.date_basis, reported=event.reported)
    telling.head = head
    telling.add(event)
    telling.own_dates |= own
    telling.places |= places


def _akin(telling: _Telling, event: Event) -> bool:
    """Whether a telling shares with a clause a place (wide ones too) or a count of one kind
    and value: what makes it, among several it could be, the one the clause goes on with."""
    if any(p in telling.where for p in event.places):
        return True
    return any((f.category, f.value) in telling.counts for _, f in event.figures)


def _telling_of(
    event: Event, tellings: Sequence[_Telling], types: TypeRules, rules: HappeningRules, heading: frozenset[int],
    predicate: str | None, own: set[str], places: set[str],
) -> _Telling | None:
    """The happening told so far that a clause goes on with, None when it tells a new one:
    the last one it can be, or an earlier one it can be that shares a place or a count."""
    candidates = []
    for telling in reversed(tellings[-LOOKBACK:]):
        if _follows(telling, event, types, rules, predicate):
            return telling
        if telling.background:
            continue
        if not (_kin(telling, event, types) or _a_count(telling, event, types, rules, predicate)):
            continue
        if (
            (places and telling.places and not places & telling.places)
            or (own and telling.own_dates and not _same_time(own, telling.own_dates))
            or _running(telling.head) != _running(event)
        ):
            continue
        candidates.append(telling)
    return next((t for t in candidates if _akin(t, event)), candidates[0] if candidates else None)


def gather(
    events: Sequence[Event], mentions: Sequence[DateMention], types: TypeRules, gazetteer: Gazetteer,
    heading: frozenset[int] = frozenset(), rules: HappeningRules | None = None,
) -> list[Event]:
    """One event per happening of one report's clause events (in text order); `mentions`
    are the report's date mentions, `heading` the indices of its heading sentences."""
    rules = rules or load_happening_rules()
    wide = load_place_roles().wide(gazetteer)
    tellings: list[_Telling] = []
    for event in events:
        text = event.sources[0].text
        predicate = types.predicate(text)
        predicate_at = types.predicate_at(text)
        own = _own_dates(event, mentions)
        places = _places(event, gazetteer, rules, wide)
        found = None
        if not rules.tells_earlier(text, predicate_at):
            found = _telling_of(event, tellings, types, rules, heading, predicate, own, places)
        if found is None:
            tellings.append(_Telling.of(event, own, places))
            tellings[-1].background = rules.tells_background(text, predicate_at)
        else:
            _join(found, event, own, places, heading)
    return [t.event() for t in tellings]


def stable_ids(article_id: str, events: Sequence[Event]) -> list[Event]:
    """Each event with an id made of what it is: its report and the words of its first
    clause (folded, so a spelling fix of hamza or taa marbuta keeps it), and a count when
    the report says the same words twice. Adding or removing a sentence elsewhere in the
    report leaves it as it was (an id from offsets or positions would shift)."""
    seen: Counter[str] = Counter()
    out = []
    for event in events:
        words = " ".join(fold(event.sources[0].text).split())
        digest = hashlib.blake2b(f"{article_id}\0{words}".encode(), digest_size=6).hexdigest()
        seen[digest] += 1
        suffix = f"-{seen[digest]}" if seen[digest] > 1 else ""
        out.append(replace(event, id=f"{article_id}-{digest}{suffix}"))
    return out


def _own_place(event: Event, gazetteer: Gazetteer, rules: HappeningRules) -> bool:
    """Whether one of the event's clauses names a settlement the gazetteer does not know
    (`دخلت القوات بلدة الزيتونة`): the event took place there, not where the report is
    about, so it does not take the report's place."""
    for source in event.sources:
        words = _NAME.findall(source.text)
        for at, noun in enumerate(words[:-1], start=1):
            folded = fold(noun)
            if folded in rules.settlement_nouns or (folded[:1] in _CLITICS and folded[1:] in rules.settlement_nouns):
                after = " ".join(words[at : at + _LONGEST_NAME])  # a name of several words (`دير الزور`)
                if len(words[at]) > 2 and not any(m.start == 0 for m in gazetteer.place_index.find(after)):
                    return True
    return False


def article_events(article: Article, extraction: Extraction, gazetteer: Gazetteer, types: TypeRules | None = None) -> list[Event]:
    """The events of one report: one per happening it tells, each with all its clauses as
    sources, and a headline made of its data (headlines.py)."""
    types = types or load_type_rules()
    rules, roles = load_happening_rules(), load_place_roles()
    heading = rules.heading(split_sentences(article.body))
    gathered = gather(clause_events(article, extraction, gazetteer, types), extraction.dates, types, gazetteer, heading)
    # a province named in one clause only locates the town another clause of it names
    events = [replace(e, places=roles.located(e.places, gazetteer)) for e in stable_ids(article.id, gathered)]
    where = next((e.places for e in events if e.places), ())  # where the report is about: the first place it tells of
    if where and roles.report_place:
        events = [e if e.places or _own_place(e, gazetteer, rules) else replace(e, places=where) for e in events]
    names = {**{p.id: p.ar for p in gazetteer.places}, **{a.id: a.ar for a in gazetteer.actors}}
    categories = load_labels().figure_categories
    return [replace(e, summary=headline(e, names, categories)) for e in events]
