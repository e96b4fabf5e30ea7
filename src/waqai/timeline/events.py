"""Clause -> candidate event: what happened, when, where, who, how many.

A candidate is read from one clause (see extract/clauses.py); the clauses that tell one
happening are gathered in happenings.py. A clause with no predicate and no figure, or
whose predicate follows a purpose, a fear, a negation or a state, is none.
Its date is, in order: a date mention of its own; the date of the bulletin it belongs
to (the clause before it in the same dispatch, or else the dispatch's first dated
clause), or of the sentence before when this one goes on with it (data/dating.yaml);
else the report's publication date, for present-tense reporting of the day; else
unknown (a report without a publication date still tells its happenings).
`Event.date_basis` says which, so no page presents a guess as a reading.
`Event.reported` keeps the date of the dispatch itself (`ونشر المرصد أمس`),
which is what a cumulative toll is "as of".
The type taxonomy (the gold's, ACLED-like) is language data: data/event_types.yaml;
which places and parties play which role: data/place_roles.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..content.datafiles import PACKAGE_DATA, read_yaml, text_list
from ..errors import ContentError
from ..extract.clauses import Clause, split_clauses
from ..extract.gazetteer import Gazetteer, TermIndex
from ..extract.normalize import fold
from ..extract.sentences import split_sentences
from ..extract.temporal import CONTRADICTED_BULLETIN
from ..extract.temporal.resolve import first_day
from ..records import Article, DateMention, Event, Extraction, Figure, Source

DEFAULT_PATH = PACKAGE_DATA / "event_types.yaml"
SUPPORT = "support"  # the id of a support phrase among the keywords: found, then ignored
# Precisions fine enough to place an event on a day (or a few days) or in a month, finest first.
DATING_PRECISIONS = ("minute", "day", "range", "month")


@dataclass(frozen=True)
class TypeRules:
    types: tuple[str, ...]
    families: dict[str, str]  # type -> its family
    from_figures: dict[str, str]
    keywords: TermIndex
    order: tuple[str, ...]  # types in keyword priority order
    first: frozenset[str]  # types whose keyword decides wherever it stands
    last: frozenset[str]  # types whose keyword decides only when no other type's does
    fallback_figures: dict[str, str]
    not_happening: TermIndex  # words that, before the predicate, make a clause no happening
    periods: TermIndex  # words that open the period a count covers
    period_reach: int  # how many words after them name the period's start
    refine: dict[str, str]  # a type -> the type it becomes when the clause also has a predicate of it
    coordinators: tuple[str, ...]  # conjunctions written onto a word (`و`): a predicate they join may tell another happening
    fighting: frozenset[str]  # families named together for one fighting (`اشتباكات وقصف`)

    def _predicates(self, text: str) -> list:
        """The keyword matches of a clause that can be its predicate: not a support phrase,
        not the start of a period (`منذ بدء الهجوم`)."""
        found = [m for m in self.keywords.find(text) if m.id != SUPPORT]
        for period in self.periods.find(text):
            words = list(re.finditer(r"\S+", text[period.end :]))[: self.period_reach]
            reach = period.end + (words[-1].end() if words else 0)
            found = [m for m in found if not period.start < m.start < reach]
        return found

    def tells_happening(self, text: str) -> bool:
        """Whether a clause tells a happening rather than a purpose, a fear, a negation, a
        state: no word of `not_happening` stands before its first predicate."""
        guard = self.not_happening.find(text)
        if not guard:
            return True
        found = self._predicates(text)
        return bool(found) and found[0].start < guard[0].start

    def classify(self, text: str, figures: Sequence[Figure]) -> str:
        """The event type of a clause (see the order in data/event_types.yaml)."""
        for f in figures:
            if f.category in self.from_figures:
                return self.from_figures[f.category]
        kind = self.predicate(text)
        if kind:
            return kind
        for f in figures:
            if f.category in self.fallback_figures:
                return self.fallback_figures[f.category]
        return "other"

    def predicate(self, text: str) -> str | None:
        """The type a clause's keywords give it, None when it has none."""
        found = self._predicates(text)
        if not found:
            return None
        pool = [m for m in found if m.id in self.first] or [m for m in found if m.id not in self.last] or found
        kind = min(pool, key=lambda m: (m.start, self.order.index(m.id))).id
        finer = self.refine.get(kind)
        return finer if finer and any(m.id == finer for m in found) else kind

    def coordinated_at(self, text: str) -> int | None:
        """Where a clause goes on with another happening: a predicate joined by a coordinator
        (`ويعدم`, `وخرج`) of a family no predicate before it has (`يستهدف قسد بمفخخة ويعدم
        أشخاصاً` tells an attack and an execution). Clashes and shelling named together
        (`اشتباكات وقصف`) are one fighting. None when the clause tells one happening."""
        found = self._predicates(text)
        for i, m in enumerate(found[1:], 1):
            joined = next((c for c in self.coordinators if m.text.startswith(c)), None)
            if joined is None or not any(n.start == 0 and n.id == m.id for n in self.keywords.find(m.text[len(joined) :])):
                continue  # not written with a coordinator, or the coordinator's letter is the stem's own (`وفد`)
            before = {self.family(n.id) for n in found[:i]}
            family = self.family(m.id)
            if family not in before and not (family in self.fighting and before & self.fighting):
                return m.start
        return None

    def predicate_at(self, text: str) -> int | None:
        """Where a clause's first predicate starts, None when it has none."""
        found = self._predicates(text)
        return found[0].start if found else None

    def family(self, kind: str) -> str:
        return self.families.get(kind, kind)


def _type_map(path: Path, data: dict, key: str, types: Sequence[str]) -> dict[str, str]:
    table = data.get(key)
    if not isinstance(table, dict) or not all(v in types for v in table.values()):
        raise ContentError(path, None, f"{key}: must map figure categories to event types ({', '.join(types)})")
    return {str(k): v for k, v in table.items()}


@lru_cache(maxsize=4)
def load_type_rules(path: Path = DEFAULT_PATH) -> TypeRules:
    """Read and check data/event_types.yaml."""
    data = read_yaml(path)
    fields = {"types", "families", "from_figures", "keywords", "refine", "coordinators", "fighting", "period_markers", "period_reach", "support", "not_happening", "fallback_figures"}
    if not isinstance(data, dict) or set(data) != fields:
        raise ContentError(path, None, f"must have exactly {', '.join(sorted(fields))}")
    types = tuple(text_list(path, "types", data["types"]))
    families: dict[str, str] = {}
    for name, members in (data["families"] or {}).items():
        for kind in text_list(path, f"families.{name}", members):
            if kind not in types:
                raise ContentError(path, None, f"families.{name}: {kind} is not among types")
            families[kind] = str(name)
    terms: list[tuple[str, str]] = []
    order: list[str] = []
    first: set[str] = set()
    last: set[str] = set()
    for i, entry in enumerate(data["keywords"] or []):
        if not isinstance(entry, dict) or entry.get("type") not in types:
            raise ContentError(path, None, f"keywords[{i}]: needs a type among {', '.join(types)}")
        order.append(entry["type"])
        if entry.get("first"):
            first.add(entry["type"])
        if entry.get("last"):
            last.add(entry["type"])
        terms += [(stem, entry["type"]) for stem in text_list(path, f"keywords[{i}].stems", entry.get("stems"))]
    terms += [(phrase, SUPPORT) for phrase in text_list(path, "support", data["support"])]
    return TypeRules(
        types,
        families,
        _type_map(path, data, "from_figures", types),
        TermIndex(terms, prefix=True),
        tuple(order),
        frozenset(first),
        frozenset(last),
        _type_map(path, data, "fallback_figures", types),
        TermIndex([(w, "not") for w in text_list(path, "not_happening", data["not_happening"])], prefix=False),
        TermIndex([(w, "period") for w in text_list(path, "period_markers", data["period_markers"])], prefix=False),
        int(data["period_reach"]),
        _refinements(path, data["refine"], types),
        tuple(text_list(path, "coordinators", data["coordinators"])),
        frozenset(text_list(path, "fighting", data["fighting"])),
    )


def _refinements(path: Path, pairs: Any, types: Sequence[str]) -> dict[str, str]:
    if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2 and set(p) <= set(types) for p in pairs):
        raise ContentError(path, None, "refine: must be a list of [type, finer type] pairs")
    return {a: b for a, b in pairs}


ROLES_PATH = PACKAGE_DATA / "place_roles.yaml"


@dataclass(frozen=True)
class PlaceRoles:
    not_where: tuple[tuple[str, ...], ...]  # folded words
    list_limit: int
    wide_kinds: frozenset[str]
    locator_kinds: frozenset[str]
    report_place: bool
    acted_on: tuple[tuple[str, ...], ...]  # folded words before a party acted on

    def parties(self, text: str, gazetteer: Gazetteer, figures: Sequence[Figure]) -> tuple[str, ...]:
        """The parties of a clause, the acting ones first (actor1), then those acted on."""
        acting, acted_on = [], []
        for match in gazetteer.actor_index.find(text):
            (acted_on if self._after(text, match.start, self.acted_on) else acting).append(match.id)
        acted_on += [f.party for f in figures if f.party]
        return tuple(dict.fromkeys(acting + acted_on))

    @staticmethod
    def _after(text: str, start: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
        """Whether one of `phrases` ends right before offset `start` of `text`."""
        before = tuple(_ARABIC_WORD.findall(fold(text[max(0, start - 40) : start])))
        return any(before[-len(words) :] == words for words in phrases)

    def wide(self, gazetteer: Gazetteer) -> set[str]:
        return {p.id for p in gazetteer.places if p.kind in self.wide_kinds}

    def where(self, text: str, gazetteer: Gazetteer) -> tuple[str, ...]:
        """The places of a clause where its happening took place (data/place_roles.yaml)."""
        found = gazetteer.place_index.find(text)
        kept = []
        for match in found:
            if not self._after(text, match.start, self.not_where):
                kept.append(match.id)
        kept = list(dict.fromkeys(kept))
        wide = self.wide(gazetteer)
        fine = [p for p in kept if p not in wide]
        if len(fine) > self.list_limit:
            return tuple(p for p in kept if p in wide)
        return self.located(kept, gazetteer)

    def located(self, places: Sequence[str], gazetteer: Gazetteer) -> tuple[str, ...]:
        """`places` without those that only locate a finer one named beside them (`بلدة هجين
        بريف دير الزور`, or a lede's `شرق دير الزور` beside the detail's town)."""
        wide = self.wide(gazetteer)
        if not any(p not in wide for p in places):
            return tuple(places)
        locators = {p.id for p in gazetteer.places if p.kind in self.locator_kinds}
        return tuple(p for p in places if p not in locators)


@lru_cache(maxsize=4)
def load_place_roles(path: Path = ROLES_PATH) -> PlaceRoles:
    """Read and check data/place_roles.yaml."""
    data = read_yaml(path)
    fields = {"not_where", "list_limit", "wide_kinds", "locator_kinds", "report_place", "acted_on"}
    if not isinstance(data, dict) or set(data) != fields or not isinstance(data["list_limit"], int) or not isinstance(data["report_place"], bool):
        raise ContentError(path, None, "must have exactly not_where, wide_kinds, locator_kinds (lists), list_limit (a number), report_place (true/false)")
    return PlaceRoles(
        tuple(tuple(_ARABIC_WORD.findall(fold(w))) for w in text_list(path, "not_where", data["not_where"])),
        data["list_limit"],
        frozenset(text_list(path, "wide_kinds", data["wide_kinds"])),
        frozenset(text_list(path, "locator_kinds", data["locator_kinds"])),
        data["report_place"],
        tuple(tuple(_ARABIC_WORD.findall(fold(w))) for w in text_list(path, "acted_on", data["acted_on"])),
    )


def own_date(clause: Clause, mentions: Sequence[DateMention], last: bool = False) -> DateMention | None:
    """The finest date mention inside a clause that dates something (not a `since`).

    The first one by default; `last` for a dispatch (`ونشر المرصد أمس ... أن ... يوم الخميس`),
    whose first date is when it was published and whose last is when the thing happened.
    """
    inside = [
        m
        for m in mentions
        if clause.start <= m.start < clause.end and m.value and not m.since and m.precision in DATING_PRECISIONS
    ]
    if not inside:
        return None
    return min(inside, key=lambda m: (DATING_PRECISIONS.index(m.precision), -m.start if last else m.start))


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")


@dataclass(frozen=True)
class Dated:
    value: str | None
    precision: str
    basis: str  # "mention" | "bulletin" | "published" | "unknown"
    reported: str | None = None  # the dispatch's own date (`ونشر المرصد أمس ...`), if any


# A report of unknown publication date whose text does not date a clause: the clause
# still tells a happening, of unknown date.
UNKNOWN = Dated(None, "unknown", "unknown")


def date_clauses(
    clauses: Sequence[Clause], mentions: Sequence[DateMention], published: date | None, contradicted: frozenset[int] = frozenset()
) -> list[Dated]:
    """The date of each clause of one sentence (see the module docstring); UNKNOWN when unknown.

    `contradicted`: where the dispatches start whose own day the text contradicts
    (temporal's `bulletin-day-contradicted`); what they report is known as of the
    publication date at the latest, so that is their `reported` date.
    """
    own = [own_date(c, mentions, last=c.bulletin) for c in clauses]
    out: list[Dated | None] = []
    for i, clause in enumerate(clauses):
        start = next(j for j in range(i, -1, -1) if j == 0 or clauses[j].bulletin)
        head = own_date(clauses[start], mentions)  # the dispatch's opening clause: its first date
        reported = head.value if head else None
        if published and any(clauses[start].start <= at < clauses[start].end for at in contradicted):
            reported = published.isoformat()
        if own[i]:
            out.append(Dated(own[i].value, own[i].precision, "mention", reported))
            continue
        end = next((j for j in range(i + 1, len(clauses)) if clauses[j].bulletin), len(clauses))
        before = next((own[j] for j in range(i - 1, start - 1, -1) if own[j]), None)
        after = next((own[j] for j in range(i + 1, end) if own[j]), None)
        inherited = before or after
        if inherited:
            out.append(Dated(inherited.value, inherited.precision, "bulletin", reported))
        elif published:
            out.append(Dated(published.isoformat(), "day", "published"))
        else:
            out.append(UNKNOWN)
    return out


DATING_PATH = PACKAGE_DATA / "dating.yaml"


@lru_cache(maxsize=4)
def load_continuations(path: Path = DATING_PATH) -> frozenset[str]:
    """The folded first words of a sentence that goes on with the one before (data/dating.yaml)."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != {"continues"}:
        raise ContentError(path, None, "must have exactly the list continues")
    return frozenset(fold(w) for w in text_list(path, "continues", data["continues"]))


def carry_over(dates: list[Dated], before: Dated | None, first_word: str, continuations: frozenset[str]) -> list[Dated]:
    """A sentence that goes on with the one before (its first word is a continuation)
    keeps that one's date where it has none of its own but the publication date."""
    if before is None or fold(first_word) not in continuations:
        return dates
    kept = Dated(before.value, before.precision, "bulletin", before.reported)
    return [kept if d.basis == "published" else d for d in dates]


def split_coordinated(clauses: Sequence[Clause], rules: TypeRules) -> list[Clause]:
    """Each clause cut where it goes on with another happening (TypeRules.coordinated_at)."""
    out: list[Clause] = []
    for clause in clauses:
        while (at := rules.coordinated_at(clause.text)) is not None:
            head = clause.text[:at].rstrip(" ،,")
            out.append(Clause(clause.sentence, clause.start, clause.start + len(head), head, clause.bulletin))
            clause = Clause(clause.sentence, clause.start + at, clause.end, clause.text[at:])
        out.append(clause)
    return out


def clause_events(
    article: Article, extraction: Extraction, gazetteer: Gazetteer, rules: TypeRules | None = None
) -> list[Event]:
    """The candidate events of one report, one per clause that tells a happening, a figure or
    a date (happenings.py gathers those of one happening); ids are given there."""
    rules = rules or load_type_rules()
    roles = load_place_roles()
    events: list[Event] = []
    contradicted = frozenset(w.start for w in extraction.warnings if w.code == CONTRADICTED_BULLETIN and w.start is not None)
    starts = [f.start for f in extraction.figures]  # in text order: a clause's figures are a slice
    continuations = load_continuations()
    before: Dated | None = None  # the date the last sentence ended with, when its text gave one
    for sentence in split_sentences(article.body):
        clauses = split_coordinated(split_clauses(sentence), rules)
        first_word = next(iter(_ARABIC_WORD.findall(sentence.text)), "")
        dates = carry_over(date_clauses(clauses, extraction.dates, extraction.published, contradicted), before, first_word, continuations)
        before = next((d for d in reversed(dates) if d.basis in ("mention", "bulletin")), None)
        for clause, dated in zip(clauses, dates):
            figures = extraction.figures[bisect_left(starts, clause.start) : bisect_left(starts, clause.end)]
            kind = rules.classify(clause.text, figures)
            if not figures and not rules.tells_happening(clause.text):
                continue
            if kind == "other" and not figures and rules.predicate(clause.text) is None:  # no predicate, no count: a dateline, a byline, a description
                continue
            day = first_day(dated.value) if dated.value else None
            source = Source(article.id, article.outlet, extraction.published, clause.start, clause.end, sentence.index, clause.text)
            events.append(
                Event(
                    id="",
                    date=dated.value,
                    day=day,
                    precision=dated.precision,
                    type=kind,
                    summary=clause.text,
                    sources=(source,),
                    places=roles.where(clause.text, gazetteer),
                    actors=roles.parties(clause.text, gazetteer, figures),
                    figures=tuple((article.id, f) for f in figures),
                    date_basis=dated.basis,
                    reported=dated.reported,
                )
            )
    return events
