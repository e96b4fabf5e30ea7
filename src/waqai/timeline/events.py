"""Clause -> candidate event: what happened, when, where, who, how many.

A candidate is read from one clause (see extract/clauses.py); the clauses that tell one
happening are gathered in happenings.py. A clause with no predicate and no figure, or
whose predicate follows a purpose, a fear, a negation or a state, is none.
Its date is, in order: a date mention of its own; the date of the bulletin it belongs
to (the clause before it in the same dispatch, or else the dispatch's first dated
clause), or of the sentence before when this one goes on with it (data/dating.yaml),
but not for an earlier happening told aside inside another's clause (`Clause.aside`);
else the report's publication date, for present-tense reporting of the day; else the
month its dateline gives alone (a monthly digest's `نوفمبر/تشرين الثاني 2019`); else
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
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..content.datafiles import PACKAGE_DATA, read_yaml, text_list
from ..errors import ContentError
from ..extract.clauses import Clause, split_clauses
from ..extract.gazetteer import Gazetteer, Match, TermIndex
from ..extract.normalize import fold
from ..extract.sentences import Sentence, split_sentences
from ..extract.temporal import CONTRADICTED_BULLETIN
from ..extract.temporal.lexicon import lexicon
from ..extract.temporal.resolve import first_day
from ..records import Article, DateMention, Event, Extraction, Figure, Source

TOLL = "toll_report"  # the type of a count published as a running total
CUMULATIVE_DAYS = 7  # a count over a longer period is a running total
DEFAULT_PATH = PACKAGE_DATA / "event_types.yaml"
SUPPORT = "support"  # the id of a support phrase among the keywords: found, then ignored
# Precisions fine enough to place an event on a day (or a few days) or in a month, finest first.
DATING_PRECISIONS = ("minute", "day", "range", "month", "year")
CLITICS = ("و", "ب", "ف", "ل")  # a conjunction or preposition written onto a word (`وبلدة`, `بريف`)
# Mentions that name no point in time: a clause with one gives no date of its own.
UNDATING_KINDS = frozenset({"vague", "duration", "since"})


@dataclass(frozen=True)
class TypeRules:
    types: tuple[str, ...]
    families: dict[str, str]  # type -> its family
    from_figures: dict[str, str]
    keywords: TermIndex
    whole_words: TermIndex  # keywords matched as whole words only (`سيطر`, not `سيطرة`)
    weak: TermIndex  # stems that name an act, not its means (`استهدف`), or a source (`بيان`): they decide only when no other keyword does
    order: tuple[str, ...]  # types in keyword priority order
    first: TermIndex  # the stems of the entries whose keyword decides wherever it stands
    fallback_figures: dict[str, str]
    period_figures: dict[str, str]  # a count of these covering a period (`منذ بدء الهجوم`): a running total
    causes: TermIndex  # words that name the cause of a count (`نتيجة`, `جراء`)
    cause_reach: int  # how many words after them name it
    cause_families: frozenset[str]  # the families of happenings a count can be the toll of
    durations: TermIndex  # words that open the stretch of time a count covers (`خلال`, `منذ`)
    not_happening: TermIndex  # words that, before the predicate, make a clause no happening
    periods: TermIndex  # words that open the period a count covers
    period_reach: int  # how many words after them name the period's start
    refine: dict[str, str]  # a type -> the type it becomes when the clause also has a predicate of it
    coordinators: tuple[str, ...]  # conjunctions written onto a word (`و`): a predicate they join may tell another happening
    fighting: frozenset[str]  # families named together for one fighting (`اشتباكات وقصف`)
    casualties: TermIndex  # words that name the dead or wounded, not what killed them (`قتلى`)
    casualty_family: str  # the family of violence a clause they open tells
    means_families: frozenset[str]  # families whose happenings are told apart by their means (aircraft, rockets)
    means_words: TermIndex  # words that name those means (`طائرات`, `صواريخ`), by the type they make
    references: TermIndex  # words that open a stretch naming an earlier happening as a reference (`بعد انسحاب`), and adverbs made with them (`بعد ذلك`)
    relatives: TermIndex  # relative pronouns, which open a stretch that describes a noun (`التي تشهد عملية عسكرية`), and conjunctions made with them (`في الوقت الذي`)
    reference_reach: int  # how many words after a reference word name the happening it refers to
    stretch_ends: str  # the punctuation that closes a relative clause
    relative_ends: TermIndex  # the words that close it (`التي رصدها المرصد فإن الاشتباكات ...`)
    reference_heads: frozenset[str]  # folded words that may stand before a reference that opens its clause (`وذلك`)
    told_counts: frozenset[str]  # figure categories a clause states as facts, whatever words stand before its predicate
    habitual: tuple[str, ...]  # prefixes of a verb of the imperfect (`يشن`): a relative clause opened by one tells a habit
    joins: re.Pattern[str]  # a word that joins what a clause tells next to what it told before (`كما`, `وقتل`): where it starts
    range_ends: frozenset[str]  # folded words before the day that closes a range (`حتى الجمعة`)
    apart_within: frozenset[str]  # families of a clause that tells apart an earlier happening named after a reference word (`told_apart`)
    apart_told: frozenset[str]  # families of the happenings told apart, after a reference word or beside another
    beside: TermIndex  # words that open a clause of what went on beside its predicate (`بالتزامن مع`)

    def _predicates(self, text: str) -> list:
        """The keyword matches of a clause that can be its predicate: not a support phrase,
        not the start of a period (`منذ بدء الهجوم`)."""
        found = [m for m in self._keywords(text) if m.id != SUPPORT]
        for period in self.periods.find(text):
            reach = self._reach(text, period.end, self.period_reach)
            found = [m for m in found if not period.start < m.start < reach]
        return found

    def _keywords(self, text: str) -> list:
        """The keyword matches of a text, stems and whole words, in text order."""
        stems = self.keywords.find(text)
        starts = {m.start for m in stems}
        return sorted(stems + [m for m in self.whole_words.find(text) if m.start not in starts], key=lambda m: m.start)

    @staticmethod
    def _reach(text: str, at: int, words: int) -> int:
        """Where the `words` words of `text` after offset `at` end."""
        after = list(re.finditer(r"\S+", text[at:]))[:words]
        return at + (after[-1].end() if after else 0)

    def tells_happening(self, text: str) -> bool:
        """Whether a clause tells a happening rather than a purpose, a fear, a negation, a
        state: no word of `not_happening` stands before its first predicate."""
        guard = self.not_happening.find(text)
        if not guard:
            return True
        found = self._predicates(text)
        return bool(found) and found[0].start < guard[0].start

    def classify(self, text: str, figures: Sequence[Figure], offset: int = 0) -> str:
        """The event type of a clause (see the order in data/event_types.yaml); `offset`:
        where the clause starts in the text its figures' offsets are of. A count in a
        relative clause describes a noun (`مخيم الهول الذي يؤوي 70 ألف نازح`): it types the
        clause only when nothing else does."""
        described = self._stretches(text, self.relatives)
        told = [f for f in figures if not any(a <= f.start - offset < b for a, b in described)]
        for f in told:
            if f.category in self.from_figures:
                return self.from_figures[f.category]
        if self.periods.find(text):
            for f in told:
                if f.category in self.period_figures:
                    return self.period_figures[f.category]
        kind = self.predicate(text)
        if kind == TOLL and not self.durations.find(text):
            return self._cause(text) or kind
        if kind:
            return self.by_means(kind, self.means(text, (self.family(kind),)))
        for f in figures:
            if f.category in self.fallback_figures:
                return self.fallback_figures[f.category]
        return "other"

    def predicate(self, text: str) -> str | None:
        """The type a clause's keywords give it, None when it has none: its own predicates
        decide, else those of a reference, else those of a description (`_ranked`)."""
        own, referenced, described = self._ranked(text)
        every = own + referenced + described
        return self._choose(own, every) or self._choose(referenced, every) or self._choose(described, every)

    def _cause(self, text: str) -> str | None:
        """The type of the violent happening a clause names as the cause of its count
        (`ارتفعت الحصيلة إلى 18 نتيجة استمرار الغارات`), None when it names none."""
        every = self._predicates(text)
        for cause in self.causes.find(text):
            reach = self._reach(text, cause.end, self.cause_reach)
            found = [m for m in every if cause.start <= m.start < reach and self.family(m.id) in self.cause_families]
            if found:
                return self._choose(found, every)
        return None

    def _ranked(self, text: str) -> tuple[list, list, list]:
        """A clause's predicates in three ranks: its own; those in a stretch that names an
        earlier happening as a reference (`دخلت القوات المدينة بعد انسحاب التنظيم`); those in
        a relative clause that describes a noun (`بلدة هجين التي تشهد معارك متواصلة`), which
        runs from its pronoun to the next comma or to what the clause reports (`فإن`)."""
        found = self._predicates(text)
        described_in = self._stretches(text, self.relatives)
        referenced_in = [
            (m.start, self._reach(text, m.end, self.reference_reach))
            for m in self.references.find(text)
            if m.id == "reference" and self._heads_clause(text[: m.start])
        ]
        inside = lambda m, spans: any(a <= m.start < b for a, b in spans)  # noqa: E731
        described = [m for m in found if inside(m, described_in)]
        referenced = [m for m in found if inside(m, referenced_in) and m not in described]
        own = [m for m in found if m not in described and m not in referenced]
        return own, referenced, described

    def _heads_clause(self, before: str) -> bool:
        """Whether a reference with `before` in front of it follows some of its clause: one that
        opens the clause (`وذلك عقب سيطرتها على البلدة`) tells the clause's own happening."""
        return any(fold(w) not in self.reference_heads for w in _ARABIC_WORD.findall(before))

    def describes_only(self, text: str) -> bool:
        """Whether every predicate of a clause stands in a relative clause (`عوائل المقاتلين
        الذين قضوا في المعارك`): the clause describes someone or something, it tells no
        happening of its own."""
        own, referenced, described = self._ranked(text)
        return bool(described) and not own and not referenced

    def _stretches(self, text: str, openers: TermIndex) -> list[tuple[int, int]]:
        """(start, end) of each stretch of `text` opened by one of `openers`."""
        out = []
        for m in openers.find(text):
            if m.id == "conjunction" or m.start == 0:  # a clause cut out of another (`_told_apart`) tells its own
                continue
            ends = [m.end + w.start for w in self.relative_ends.find(text[m.end :])[:1]]
            out.append((m.start, min([self._stretch_end(text, m.end), *ends])))
        return out

    def _stretch_end(self, text: str, start: int) -> int:
        """Where a stretch opened before `start` ends: at the first of `stretch_ends` after it."""
        return min((at for at in (text.find(c, start) for c in self.stretch_ends) if at >= 0), default=len(text))

    def dated_descriptions(self, text: str, dating: Callable[[int, int], bool]) -> list[tuple[int, int]]:
        """(start, end) of each relative clause that tells a happening with a date of its own
        (`بلدة الطيانة التي دخلتها القوات يوم الإثنين`), not a habit (`التي يشن منها
        هجماته هذا العام`). `dating(start, end)`: whether a date of a point in time lies in
        that span of `text`."""
        dated = [(a, b) for a, b in self._stretches(text, self.relatives) if dating(a, b)]
        if not dated:
            return []
        starts = [m.start for m in self._predicates(text)]
        out = []
        for a, b in dated:
            verb = text[a:b].split()[1:2]  # the word after the pronoun
            if any(a <= s < b for s in starts) and not (verb and verb[0].startswith(self.habitual)):
                out.append((a, b))
        return out

    def _choose(self, found: list, every: list) -> str | None:
        """The type among some of a clause's predicates: a type that decides wherever it
        stands, else the first (see data/event_types.yaml), made finer by `refine` when
        `every` predicate of the clause holds one of the finer type."""
        if not found:
            return None
        strong = [m for m in found if not _one_of(self.weak, m)] or found
        pool = [m for m in strong if _one_of(self.first, m)] or strong
        kind = min(pool, key=lambda m: (m.start, self.order.index(m.id))).id
        finer = self.refine.get(kind)
        return finer if finer and any(m.id == finer for m in every) else kind

    def predicates(self, text: str) -> list[tuple[int, str, bool]]:
        """A clause's predicates in order: where each starts, its family, and whether it is
        joined to what comes before by a coordinator (`ويعدم`, `وخرج`; not `وفد`, whose
        letter is the stem's own)."""
        out = []
        for m in self._predicates(text):
            joined = next((c for c in self.coordinators if m.text.startswith(c)), None)
            joined_ok = joined is not None and any(n.start == 0 and n.id == m.id for n in self._keywords(m.text[len(joined) :]))
            out.append((m.start, self.family(m.id), joined_ok))
        return out

    def casualties_at(self, text: str) -> list[int]:
        """Where a clause names the dead or wounded (`قتلى`, `مقتل`), not as part of a predicate."""
        found = self.casualties.find(text)
        if not found:  # most clauses: their keywords are not read again
            return []
        taken = [(m.start, m.end) for m in self._keywords(text)]
        return [m.start for m in found if not any(a <= m.start < b for a, b in taken)]

    def goes_on(self, family: str, before: set[str]) -> bool:
        """Whether a predicate of `family` joined to a clause whose predicates are of the
        families `before` tells another happening: a family none of them has. Clashes and
        shelling named together (`اشتباكات وقصف`) are one fighting."""
        return family not in before and not (family in self.fighting and before & self.fighting)

    def means(self, text: str, families: Collection[str]) -> frozenset[str]:
        """The means a text names for a happening of `families`, as the types they make
        (`طائرات`: airstrike; `صواريخ`: shelling), none when no family of them is told apart
        by its means or the text names none (`قصف` alone)."""
        if self.means_families.isdisjoint(families):
            return frozenset()
        return frozenset(m.id for m in self.means_words.find(text))

    def strike_words(self, text: str, families: Collection[str]) -> list[tuple[int, int]]:
        """Where a clause names a strike of `families`: its predicates of them (`قصفت`,
        `الغارات`) and the means it names (`طائرات`, `المدفعية`)."""
        told = [(m.start, m.end) for m in self._predicates(text) if self.family(m.id) in families]
        return told + [(m.start, m.end) for m in self.means_words.find(text)]

    @staticmethod
    def by_means(kind: str, means: frozenset[str]) -> str:
        """The type of a happening of type `kind` whose means (`means`) are of one type only:
        that type (`قصفت المروحيات` is an air strike); else `kind`."""
        return next(iter(means)) if len(means) == 1 else kind

    @staticmethod
    def other_means(a: frozenset[str], b: frozenset[str]) -> bool:
        """Whether two tellings' means set them apart: each names some, none in common (an
        air strike and a rocket barrage). Means unstated go with either."""
        return bool(a) and bool(b) and a.isdisjoint(b)

    @staticmethod
    def common_means(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
        """The means of a telling of means `a` that a clause of means `b` goes on with: those
        both name (a heading that names planes and rockets, told by its planes, is the air
        strike), or those one names when the other names none."""
        return a & b if a and b else a | b

    def definite_predicate(self, text: str, verbs: frozenset[str]) -> str | None:
        """The noun a clause's first own predicate is, folded and bare, when it is written
        with the article right after one of `verbs` (folded, a clitic allowed): `أدى الانفجار
        إلى مقتل 8` names the explosion told before (`انفجار`), not a new one. None otherwise."""
        folded = fold(text)
        if not any(verb in folded for verb in verbs):  # most clauses: their predicates are not ranked again
            return None
        own = self._ranked(text)[0]
        if not own:
            return None
        before = [_bare(fold(w)) for w in _ARABIC_WORD.findall(text[: own[0].start])[-1:]]
        word = fold(own[0].text.split()[0])
        if not before or before[0] not in verbs:
            return None
        for clitic in ("", *CLITICS):
            if word.startswith(clitic + "ال") and len(word) > len(clitic) + 4:
                return word[len(clitic) + 2 :]
        return None

    def earlier_told(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each stretch of a clause that names, after a reference word, an
        earlier happening of a family of `apart_told` (`احتفل الأهالي بعد السيطرة على
        البلدة`) when every own predicate of the clause is of a family of `apart_within`:
        from the reference word to the end of its stretch. None in a capture told after a
        battle (`سيطرت القوات على البلدة بعد معارك`)."""
        if not self.references.find(text):  # most clauses: their predicates are not ranked
            return []
        own, referenced, _ = self._ranked(text)
        if not own or not referenced or any(self.family(m.id) not in self.apart_within for m in own):
            return []
        out = []
        for ref in self.references.find(text):
            reach = self._reach(text, ref.end, self.reference_reach)
            if ref.id == "reference" and any(ref.start <= m.start < reach and self.family(m.id) in self.apart_told for m in referenced):
                out.append((ref.start, self._stretch_end(text, ref.end)))
        return out

    def beside_at(self, text: str, named: Callable[[str], list[tuple[int, str]]]) -> int | None:
        """Where the own predicate of a clause opened by one of `beside` starts, when it tells
        another happening than the verbal noun told beside it (`بالتزامن مع فرض سيطرتها على
        مدينة أ تسيطر على بلدة ب`): both of one family of `apart_told`, not joined by a
        coordinator (split_coordinated cuts those), the predicate at a place the noun is not
        at. `named`: the places a text names with their offsets. None otherwise."""
        found = self.predicates(text)
        if len(found) < 2 or found[0][1] not in self.apart_told:
            return None
        if not any(m.start == 0 for m in self.beside.find(text)):
            return None
        places = named(text)
        for (at, family, joined), end in zip(found[1:], [*(f[0] for f in found[2:]), len(text)]):
            if family != found[0][1] or joined:
                continue
            before = {ident for where, ident in places if where < at}
            after = {ident for where, ident in places if at <= where < end}
            if before and after and not before & after:
                return at
        return None

    def predicate_at(self, text: str) -> int | None:
        """Where a clause's first predicate starts, None when it has none."""
        found = self._predicates(text)
        return found[0].start if found else None

    def family(self, kind: str) -> str:
        return self.families.get(kind, kind)


def _one_of(entries: TermIndex, match: Match) -> bool:
    """Whether a keyword match is one of the stems of `entries` (the `weak` or `first` ones)."""
    return any(w.start == 0 and w.end == len(match.text) and w.id == match.id for w in entries.find(match.text))


def _type_map(path: Path, data: dict, key: str, types: Sequence[str]) -> dict[str, str]:
    table = data.get(key)
    if not isinstance(table, dict) or not all(v in types for v in table.values()):
        raise ContentError(path, None, f"{key}: must map figure categories to event types ({', '.join(types)})")
    return {str(k): v for k, v in table.items()}


@lru_cache(maxsize=4)
def load_type_rules(path: Path = DEFAULT_PATH) -> TypeRules:
    """Read and check data/event_types.yaml."""
    data = read_yaml(path)
    fields = {"types", "families", "from_figures", "keywords", "refine", "coordinators", "conjunctions", "range_ends", "fighting", "casualties", "casualty_family", "means_families", "means", "period_markers", "period_reach", "support", "not_happening", "fallback_figures", "references", "reference_adverbs", "reference_heads", "reference_reach", "relatives", "relative_conjunctions", "stretch_ends", "relative_ends", "habitual", "told_counts", "period_figures", "causes", "cause_reach", "cause_families", "durations", "told_apart"}
    if not isinstance(data, dict) or set(data) != fields:
        raise ContentError(path, None, f"must have exactly {', '.join(sorted(fields))}")
    types = tuple(text_list(path, "types", data["types"]))
    families: dict[str, str] = {}
    for name, members in (data["families"] or {}).items():
        for kind in text_list(path, f"families.{name}", members):
            if kind not in types:
                raise ContentError(path, None, f"families.{name}: {kind} is not among types")
            families[kind] = str(name)
    known = set(families.values()) | set(types)  # a type in no family is a family of its own
    named = [data["casualty_family"], *text_list(path, "means_families", data["means_families"])]
    if not all(isinstance(f, str) and f in known for f in named):
        raise ContentError(path, None, f"casualty_family and means_families: must name families or types ({', '.join(sorted(known))})")
    terms: list[tuple[str, str]] = []
    words: list[tuple[str, str]] = []
    weak: list[tuple[str, str]] = []
    order: list[str] = []
    first: list[tuple[str, str]] = []
    for i, entry in enumerate(data["keywords"] or []):
        if not isinstance(entry, dict) or entry.get("type") not in types:
            raise ContentError(path, None, f"keywords[{i}]: needs a type among {', '.join(types)}")
        order.append(entry["type"])
        stems = [(stem, entry["type"]) for stem in text_list(path, f"keywords[{i}].stems", entry.get("stems"))]
        terms += stems
        weak += stems if entry.get("weak") else []
        first += stems if entry.get("first") else []
        words += [(word, entry["type"]) for word in text_list(path, f"keywords[{i}].words", entry.get("words", []))]
    terms += [(phrase, SUPPORT) for phrase in text_list(path, "support", data["support"])]
    return TypeRules(
        types,
        families,
        _type_map(path, data, "from_figures", types),
        TermIndex(terms, prefix=True),
        TermIndex(words, prefix=False),
        TermIndex(weak, prefix=True),
        tuple(order),
        TermIndex(first, prefix=True),
        _type_map(path, data, "fallback_figures", types),
        _type_map(path, data, "period_figures", types),
        TermIndex([(w, "cause") for w in text_list(path, "causes", data["causes"])], prefix=False),
        int(data["cause_reach"]),
        frozenset(text_list(path, "cause_families", data["cause_families"])),
        TermIndex([(w, "duration") for w in text_list(path, "durations", data["durations"])], prefix=False),
        TermIndex([(w, "not") for w in text_list(path, "not_happening", data["not_happening"])], prefix=False),
        TermIndex([(w, "period") for w in text_list(path, "period_markers", data["period_markers"])], prefix=False),
        int(data["period_reach"]),
        _refinements(path, data["refine"], types),
        tuple(text_list(path, "coordinators", data["coordinators"])),
        frozenset(text_list(path, "fighting", data["fighting"])),
        TermIndex([(w, "casualty") for w in text_list(path, "casualties", data["casualties"])], prefix=False),
        data["casualty_family"],
        frozenset(text_list(path, "means_families", data["means_families"])),
        _means_words(path, data["means"], types),
        TermIndex(
            [(w, "reference") for w in text_list(path, "references", data["references"])]
            + [(w, "adverb") for w in text_list(path, "reference_adverbs", data["reference_adverbs"])],
            prefix=False,
        ),
        TermIndex(
            [(w, "relative") for w in text_list(path, "relatives", data["relatives"])]
            + [(w, "conjunction") for w in text_list(path, "relative_conjunctions", data["relative_conjunctions"])],
            prefix=False,
        ),
        int(data["reference_reach"]),
        "".join(text_list(path, "stretch_ends", data["stretch_ends"])),
        TermIndex([(w, "end") for w in text_list(path, "relative_ends", data["relative_ends"])], prefix=False),
        frozenset(fold(w) for w in text_list(path, "reference_heads", data["reference_heads"])),
        frozenset(text_list(path, "told_counts", data["told_counts"])),
        tuple(text_list(path, "habitual", data["habitual"])),
        _joins(text_list(path, "conjunctions", data["conjunctions"]), text_list(path, "coordinators", data["coordinators"])),
        frozenset(fold(w) for w in text_list(path, "range_ends", data["range_ends"])),
        *_told_apart_rules(path, data["told_apart"], set(families.values()) | set(types)),
    )


def _told_apart_rules(path: Path, table: Any, known: Collection[str]) -> tuple[frozenset[str], frozenset[str], TermIndex]:
    """data/event_types.yaml `told_apart`: the families `within` and `told`, the openers `beside`."""
    if not isinstance(table, dict) or set(table) != {"within", "told", "beside"}:
        raise ContentError(path, None, "told_apart: must have exactly the lists within, told and beside")
    within, told = (frozenset(text_list(path, f"told_apart.{k}", table[k])) for k in ("within", "told"))
    if not within | told <= set(known):
        raise ContentError(path, None, f"told_apart: within and told must name families or types ({', '.join(sorted(known))})")
    return within, told, TermIndex([(w, "beside") for w in text_list(path, "told_apart.beside", table["beside"])], prefix=False)


def _means_words(path: Path, table: Any, types: Sequence[str]) -> TermIndex:
    """The words of each means (data/event_types.yaml `means`), matched whole, by the type they make."""
    if not isinstance(table, dict) or not all(kind in types for kind in table):
        raise ContentError(path, None, f"means: must map event types ({', '.join(types)}) to lists of words")
    return TermIndex([(word, str(name)) for name, words in table.items() for word in text_list(path, f"means.{name}", words)], prefix=False)


def _joins(conjunctions: Sequence[str], coordinators: Sequence[str]) -> re.Pattern[str]:
    """The pattern of a word that joins what a clause tells next: a conjunction alone (`كما`,
    `في حين`), or a coordinator written onto a word (`وقتل`)."""
    alone = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(conjunctions, key=len, reverse=True))
    onto = "|".join(map(re.escape, coordinators))
    return re.compile(rf"(?<!\w)(?:(?:{alone})(?!\w)|(?:{onto})(?=\w))")


def _refinements(path: Path, pairs: Any, types: Sequence[str]) -> dict[str, str]:
    if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2 and set(p) <= set(types) for p in pairs):
        raise ContentError(path, None, "refine: must be a list of [type, finer type] pairs")
    return {a: b for a, b in pairs}


def _bare(word: str) -> str:
    """A folded word without a clitic conjunction (`وأدى` -> `أدى`)."""
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word


def place_noun(word: str, nouns: frozenset[str]) -> str | None:
    """The place noun `word` is, folded and without a clitic (`وبلدة` -> `بلده`), None if none."""
    folded = fold(word)
    bare = folded[1:] if folded[:1] in CLITICS and folded[1:] in nouns else folded
    return bare if bare in nouns else None


def referring_noun(word: str, nouns: frozenset[str]) -> str | None:
    """The place noun `word` is with the article, which refers back to the town the text
    spoke of (`المدينة`, `والمدينة`, `بالبلدة`, `للمدينة`), folded and bare; None if none."""
    folded = fold(word)
    for clitic in ("", *CLITICS):
        if folded.startswith(clitic):
            rest = folded[len(clitic) :]
            bare = rest[2:] if rest.startswith("ال") else rest[1:] if clitic == "ل" and rest.startswith("ل") else None
            if bare in nouns:
                return bare
    return None


ROLES_PATH = PACKAGE_DATA / "place_roles.yaml"


@dataclass(frozen=True)
class PlaceRoles:
    not_where: tuple[tuple[str, ...], ...]  # folded words
    place_nouns: frozenset[str]  # folded nouns that may stand between them and the place (`المتحدر من بلدة`)
    list_limit: int
    wide_kinds: frozenset[str]
    locator_kinds: frozenset[str]
    report_place: bool
    acted_on: tuple[tuple[str, ...], ...]  # folded words before a party acted on
    holding: tuple[tuple[str, ...], ...]  # folded words before a party named as who holds a place
    nationality: dict[str, int]  # folded word -> within how many words after it a party names a nationality
    nationality_reach: int  # the largest of those reaches
    initiating: tuple[tuple[str, ...], ...]  # folded words before the party that launched what the clause tells
    acting_counts: frozenset[str]  # figure categories whose party acted (`وصول 700 جندي من القوات الأمريكية`)
    campaign_ends: TermIndex  # a relative clause of how a campaign went (`التي انتهت`): a toll's places after one tell of the campaign

    def parties(self, text: str, gazetteer: Gazetteer, figures: Sequence[Figure]) -> tuple[str, ...]:
        """The parties of a clause, the acting ones first (actor1): the one that launched what
        it tells (`أحبط الجيش هجوماً شنه التنظيم`), then the others named as acting, then
        those acted on."""
        initiating, acting, acted_on = ([m.id for m in found] for found in self._roles(text, gazetteer))
        initiating += [f.party for f in figures if f.party and f.category in self.acting_counts]
        acted_on += [f.party for f in figures if f.party and f.category not in self.acting_counts]
        return tuple(dict.fromkeys(initiating + acting + acted_on))

    def acting(self, text: str, gazetteer: Gazetteer, figures: Sequence[Figure]) -> list[Match]:
        """Where a clause names the parties it names as launching or doing what it tells, in
        that order (who struck, in a strike: `قصفت الطائرات الروسية مواقع للتنظيم`), not those
        acted on, nor one named only as acting whose dead a count of `figures` tells (`قتل
        قيادي في التنظيم مع ثلاثة عناصر بقصف جوي`: the party struck)."""
        initiating, acting, _ = self._roles(text, gazetteer)
        counted = {f.party for f in figures if f.party and f.category not in self.acting_counts}
        return initiating + [m for m in acting if m.id not in counted]

    def _roles(self, text: str, gazetteer: Gazetteer) -> tuple[list[Match], list[Match], list[Match]]:
        """The parties a clause names, in text order: those that launched what it tells, those
        named as acting, those acted on (`initiating`, `acted_on`); not one named as who holds
        a place (`holding`), nor a nationality (`nationality`)."""
        initiating: list[Match] = []
        acting: list[Match] = []
        acted_on: list[Match] = []
        for match in gazetteer.actor_index.find(text):
            before = self._before(text, match.start)
            if self._ends_with(before, self.holding) or self._nationality(before):
                continue
            if self._ends_with(before, self.initiating):
                initiating.append(match)
            else:
                (acted_on if self._ends_with(before, self.acted_on) else acting).append(match)
        return initiating, acting, acted_on

    def _nationality(self, before: tuple[str, ...]) -> bool:
        """Whether a party named after the words `before` names a nationality (`nationality`)."""
        near = before[len(before) - self.nationality_reach :] if self.nationality_reach else ()
        if self.nationality.keys().isdisjoint(near):  # most parties: no such word before them
            return False
        return any(self.nationality.get(word, 0) >= len(near) - at for at, word in enumerate(near))

    @staticmethod
    def _before(text: str, start: int, nouns: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """The folded words right before offset `start` of `text`, without one of `nouns` that
        stands right before it."""
        before = tuple(_ARABIC_WORD.findall(fold(text[max(0, start - 50) : start])))
        return before[:-1] if before and before[-1] in nouns else before

    @staticmethod
    def _ends_with(before: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> bool:
        return any(before[-len(words) :] == words for words in phrases)

    def ends_at_place(self, text: str, gazetteer: Gazetteer) -> bool:
        """Whether `text` ends with a place: a place noun or a name among its last words
        (`قرب بلدة الطيانة في ريف دير الزور`), which a relative clause after it describes."""
        tail = text[-60:]
        return any(place_noun(w, self.place_nouns) for w in _ARABIC_WORD.findall(tail)[-6:]) or bool(gazetteer.place_index.find(tail))

    def places(self, text: str, gazetteer: Gazetteer) -> list[tuple[int, str]]:
        """The gazetteer's places a text names (`named`), wide ones aside, with their offsets."""
        wide = self.wide(gazetteer)
        return [(m.start, m.id) for m in self.named(text, gazetteer) if m.id not in wide]

    def names(self, text: str, gazetteer: Gazetteer) -> list[tuple[int, str]]:
        """`places`, and a name the gazetteer does not know after a place noun (`بلدة
        الصالحية`), folded, without the article, in text order."""
        starts = {m.start for m in gazetteer.place_index.find(text)}
        found = self.places(text, gazetteer)
        words = list(_ARABIC_WORD.finditer(text))
        for noun, name in zip(words, words[1:]):
            if place_noun(noun.group(), self.place_nouns) and name.start() not in starts and not place_noun(name.group(), self.place_nouns):
                found.append((name.start(), fold(name.group()).removeprefix("ال")))
        return sorted(found)

    def wide(self, gazetteer: Gazetteer) -> frozenset[str]:
        return gazetteer.ids_of_kinds(self.wide_kinds)

    def named(self, text: str, gazetteer: Gazetteer) -> list[Match]:
        """The place names of a clause but those of where people came from or went, what an
        area is next to, a person's name (`not_where`)."""
        return [m for m in gazetteer.place_index.find(text) if not self._ends_with(self._before(text, m.start, self.place_nouns), self.not_where)]

    def where(self, text: str, gazetteer: Gazetteer, toll: bool = False) -> tuple[str, ...]:
        """The places of a clause where its happening took place (data/place_roles.yaml); a
        `toll`'s but those a relative clause of the campaign it counts names (`campaign_ends`)."""
        end = next((m.start for m in self.campaign_ends.find(text)), len(text)) if toll else len(text)
        kept = list(dict.fromkeys(m.id for m in self.named(text, gazetteer) if m.start < end))
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
        locators = gazetteer.ids_of_kinds(self.locator_kinds)
        return tuple(p for p in places if p not in locators)


@lru_cache(maxsize=4)
def load_place_roles(path: Path = ROLES_PATH) -> PlaceRoles:
    """Read and check data/place_roles.yaml."""
    data = read_yaml(path)
    fields = {"not_where", "place_nouns", "list_limit", "wide_kinds", "locator_kinds", "report_place", "acted_on", "holding", "nationality", "initiating", "acting_counts", "campaign_ends"}
    nationality = data.get("nationality") if isinstance(data, dict) else None
    if not isinstance(data, dict) or set(data) != fields or not isinstance(data["list_limit"], int) or not isinstance(data["report_place"], bool) or not isinstance(nationality, dict) or not all(isinstance(n, int) for n in nationality.values()):
        raise ContentError(path, None, "must have exactly not_where, place_nouns, wide_kinds, locator_kinds, acted_on, holding, initiating, acting_counts, campaign_ends (lists), nationality (a word -> a number of words), list_limit (a number), report_place (true/false)")
    return PlaceRoles(
        tuple(tuple(_ARABIC_WORD.findall(fold(w))) for w in text_list(path, "not_where", data["not_where"])),
        frozenset(fold(w) for w in text_list(path, "place_nouns", data["place_nouns"])),
        data["list_limit"],
        frozenset(text_list(path, "wide_kinds", data["wide_kinds"])),
        frozenset(text_list(path, "locator_kinds", data["locator_kinds"])),
        data["report_place"],
        tuple(tuple(_ARABIC_WORD.findall(fold(w))) for w in text_list(path, "acted_on", data["acted_on"])),
        tuple(tuple(_ARABIC_WORD.findall(fold(w))) for w in text_list(path, "holding", data["holding"])),
        {fold(str(w)): reach for w, reach in nationality.items()},
        max(nationality.values(), default=0),
        tuple(tuple(_ARABIC_WORD.findall(fold(w))) for w in text_list(path, "initiating", data["initiating"])),
        frozenset(text_list(path, "acting_counts", data["acting_counts"])),
        TermIndex((w, "end") for w in text_list(path, "campaign_ends", data["campaign_ends"])),
    )


def own_date(clause: Clause, mentions: Mentions, last: bool = False) -> DateMention | None:
    """The finest date mention inside a clause that dates something (not a `since`).

    The first one by default; `last` for a dispatch (`ونشر المرصد أمس ... أن ... يوم الخميس`),
    whose first date is when it was published and whose last is when the thing happened.
    """
    inside = [m for m in mentions.within(clause.start, clause.end) if m.value and not m.since and m.precision in DATING_PRECISIONS]
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


def dateline(sentences: Sequence[Sentence], mentions: Sequence[DateMention]) -> Dated | None:
    """The month a report gives as its dateline: a line at its top (data/temporal/
    discourse.yaml `dateline_chars`) that is a month alone (`نوفمبر/تشرين الثاني 2019`, a
    monthly digest's), the date of what it tells when it has no publication date. None if none."""
    top = lexicon().dateline_chars
    words = lambda text: " ".join(fold(text).split())  # noqa: E731
    lines = {words(s.text) for s in sentences if s.start < top}
    month = next((m for m in mentions if m.start < top and m.precision == "month" and not m.since and words(m.text) in lines), None)
    return Dated(month.value, "month", "published") if month else None


def date_clauses(
    clauses: Sequence[Clause], mentions: Mentions, published: date | None, contradicted: frozenset[int] = frozenset()
) -> list[Dated]:
    """The date of each clause of one sentence (see the module docstring); UNKNOWN when unknown.

    `contradicted`: where the dispatches start whose own day the text contradicts
    (temporal's `bulletin-day-contradicted`); what they report is known as of the
    publication date at the latest, so that is their `reported` date.
    """
    own = [own_date(c, mentions, last=c.bulletin) for c in clauses]
    lent = [d if d and not c.aside else None for d, c in zip(own, clauses)]  # what a clause's date lends the others of its dispatch
    after: list[DateMention | None] = []  # the date of the nearest later clause of its dispatch that has one
    nearest = None
    for d, clause in zip(reversed(lent), reversed(clauses)):
        after.append(nearest)
        nearest = None if clause.bulletin else d or nearest
    after.reverse()
    out: list[Dated] = []
    reported, before = None, None  # the dispatch's own date; the date of the nearest earlier clause of it that has one
    for i, clause in enumerate(clauses):
        if i == 0 or clause.bulletin:  # a dispatch opens: the first date of its opening clause
            head = own_date(clause, mentions)
            reported = head.value if head else None
            if published and any(clause.start <= at < clause.end for at in contradicted):
                reported = published.isoformat()
            before = None
        inherited = None if clause.aside else before or after[i]  # an earlier happening told aside is not of its dispatch's day
        if own[i]:
            out.append(Dated(own[i].value, own[i].precision, "mention", reported))
        elif inherited:
            out.append(Dated(inherited.value, inherited.precision, "bulletin", reported))
        elif published:
            out.append(Dated(published.isoformat(), "day", "published"))
        else:
            out.append(UNKNOWN)
        before = lent[i] or before
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


def running(figure: Figure, until: str | None) -> bool:
    """Whether a count is a running total: counted since a start more than CUMULATIVE_DAYS
    before it was given (`منذ الـ 10 من أيلول`; `until`: the day it was given, when the
    figure does not say). A count since last night (`منذ ليل السبت وحتى فجر أمس`) is the
    toll of one happening."""
    if figure.since is None:
        return False
    end = figure.as_of or until
    return end is None or (first_day(end) - first_day(figure.since)).days > CUMULATIVE_DAYS


class Mentions:
    """A report's date mentions in text order, looked up by span: a report's clauses each
    take theirs without going through all of them."""

    def __init__(self, mentions: Sequence[DateMention]) -> None:
        self.ordered = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.ordered]

    def within(self, start: int, end: int) -> list[DateMention]:
        return self.ordered[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def dating(self, start: int, end: int) -> bool:
        """Whether a date that names a point in time, not a period's start, lies in the span."""
        return any(not m.since and m.kind not in UNDATING_KINDS for m in self.within(start, end))

    def days(self, start: int, end: int) -> list[tuple[int, str]]:
        """The mentions in the span that name one day, as (where each starts, the day): its
        ISO day, or, left unresolved (a report of unknown date), the weekday it names. Not a
        period's start, a range, a month, a vague time."""
        out = []
        for m in self.within(start, end):
            if m.since or m.kind in UNDATING_KINDS:
                continue
            if m.value and m.precision in ("minute", "day"):
                out.append((m.start, m.value[:10]))
            elif m.value is None and len(named := _weekdays().find(m.text)) == 1:
                out.append((m.start, named[0].id))
        return out


@lru_cache(maxsize=1)
def _weekdays() -> TermIndex:
    """The names of the weekdays (data/temporal/weekdays.yaml), after their clitics (`والأحد`)."""
    return TermIndex([(name, str(n)) for name, n in lexicon().weekdays.items()], prefix=False)


@dataclass(frozen=True)
class Marks:
    """What a report's text holds beside a clause's words, looked up by offset into its body:
    its date mentions, where its counts start, and where a text names a source speaking."""

    mentions: Mentions
    counts: Sequence[int]  # where the report's figures start, in text order
    spoke: Callable[[str], int | None]  # where a text names its source speaking, None if it does not

    def of(self, clause: Clause) -> tuple[list[tuple[int, str]], list[int]]:
        """The days a clause names and where its counts start, as offsets into its text."""
        days = [(at - clause.start, day) for at, day in self.mentions.days(clause.start, clause.end)]
        counts = self.counts[bisect_left(self.counts, clause.start) : bisect_left(self.counts, clause.end)]
        return days, [at - clause.start for at in counts]



def _told_apart(
    clause: Clause, rules: TypeRules, dating: Callable[[int, int], bool], at_place: Callable[[str], bool], named: Callable[[str], list[tuple[int, str]]],
) -> list[Clause]:
    """`clause` with each relative clause that tells a dated happening of its own cut out of it
    (`تستمر المعارك قرب بلدة أ التي سيطرت عليها القوات يوم الأربعاء، وأعلن ...`): the
    capture is a clause of its own, opened by its pronoun (an earlier step: happenings.yaml
    `earlier`), and what follows it another. Only one that describes a place (`at_place`):
    one that describes a happening (`القصف الذي طال البلدة صباح اليوم`) tells that happening.
    So is an earlier capture of a place it names that a celebration or a statement is told
    after (`احتفل الأهالي بعد السيطرة على بلدة أ`: TypeRules.earlier_told; not `يتجول في
    المدينة عقب السيطرة عليها`, the capture told before). A clause opened by what went on beside its
    predicate (`بالتزامن مع`) is cut at the predicate when they are two takings of two places
    (TypeRules.beside_at; `named`: the places a text names, with their offsets)."""
    beside = rules.beside_at(clause.text, named)
    if beside is not None:
        return _pieces(clause, [(0, beside, False), (beside, len(clause.text), False)])
    dated = rules.dated_descriptions(clause.text, lambda a, b: dating(clause.start + a, clause.start + b))
    earlier = [(a, b) for a, b in rules.earlier_told(clause.text) if named(clause.text[a:b])]
    cuts = sorted([(a, b) for a, b in dated if at_place(clause.text[:a])] + earlier)
    if not cuts:
        return [clause]
    spans, at = [], 0
    for a, b in cuts:
        if a >= at:
            spans += [(at, a, False), (a, b, True)]
            at = b
    spans.append((at, len(clause.text), False))
    return _pieces(clause, spans)


def _pieces(clause: Clause, spans: Sequence[tuple[int, int, bool]]) -> list[Clause]:
    """The clauses `clause` is cut into: each span (start, end, whether it is told aside) of
    its text, without the punctuation around it, empty ones dropped."""
    out: list[Clause] = []
    for a, b, aside in spans:
        chunk = clause.text[a:b]
        text = chunk.strip(" ،,؛:")
        if text:
            start = clause.start + a + chunk.index(text)
            out.append(Clause(clause.sentence, start, start + len(text), text, clause.bulletin and not out, aside))
    return out


def split_coordinated(
    clauses: Sequence[Clause],
    rules: TypeRules,
    places: Callable[[str], list[tuple[int, str]]],
    marks: Marks,
    at_place: Callable[[str], bool] = lambda text: False,
    named: Callable[[str], list[tuple[int, str]]] | None = None,
) -> list[Clause]:
    """Each clause cut where it goes on with another happening: a coordinated predicate of a
    new family (`يستهدف قسد بمفخخة ويعدم أشخاصاً` tells an attack and an execution), or of
    the same family in another place (`سيطرت على قرية أ وتحاصر التنظيم قرب ب`: two
    happenings of one day in two places) or by other means (`يقصف الجيش بالصواريخ
    والطائرات تستهدف`: a rocket barrage and an air strike), or what a conjunction joins that
    gives a day of its own other than the days told before it (`قتل الخميس 12 كما قتل
    الأربعاء 50`: `_dated_stretches`). `places` gives the places a clause names, wide ones
    aside, with their offsets; `named` those and the names after a place noun the gazetteer
    does not know (`places` when not given); `marks` the report's dates, counts and sources.
    A relative clause that describes a place and tells a happening with a date of its own
    (`at_place`: whether a text ends with a place), and the other happenings `_told_apart`
    finds, are cut out first."""
    out: list[Clause] = []
    for clause in (piece for whole in clauses for piece in _told_apart(whole, rules, marks.mentions.dating, at_place, named or places)):
        days, counts = marks.of(clause)
        bounds = [0, *_cuts(clause.text, rules, named or places, days, counts, marks.spoke, clause.bulletin)]
        for a, b in zip(bounds, bounds[1:]):
            head = clause.text[a:b].rstrip(" ،,")
            out.append(Clause(clause.sentence, clause.start + a, clause.start + a + len(head), head, clause.bulletin and a == 0, clause.aside))
        out.append(Clause(clause.sentence, clause.start + bounds[-1], clause.end, clause.text[bounds[-1] :], clause.bulletin and len(bounds) == 1, clause.aside))
    return out


def _cuts(
    text: str,
    rules: TypeRules,
    places: Callable[[str], list[tuple[int, str]]],
    days: Sequence[tuple[int, str]],
    counts: Sequence[int],
    spoke: Callable[[str], int | None],
    dispatch: bool,
) -> list[int]:
    """Where `split_coordinated` cuts a clause, in one pass: each piece's families, places
    and days are kept as it grows, and the places after a predicate counted down. A joined
    stretch (`_dated_stretches`) is looked at before a predicate at its start; one that
    relays a source gives its days anew, never a cut: they are read against the day the
    source spoke, not against those told before it."""
    predicates = rules.predicates(text)
    # two days at least, or no stretch can give a day other than those told before it
    stretches = _dated_stretches(text, rules, predicates, days, counts, spoke, dispatch) if len({day for _, day in days}) > 1 else []
    heads = [(at, 1, rules.casualty_family, None) for at in rules.casualties_at(text)]  # the dead a piece opens with: its violence
    steps = sorted([(at, 0, own, relayed) for at, own, relayed in stretches] + [(at, 1, family, joined) for at, family, joined in predicates] + heads, key=lambda s: s[:2])
    named = places(text) if any(joined for _, _, joined in predicates) else []  # places only tell a joined predicate apart
    after = Counter(ident for _, ident in named)
    before: set[str] = set()  # the current piece's places
    families: set[str] = set()  # the current piece's families
    told: set[str] = set()  # the current piece's days
    stretch: list[tuple[int, str]] = []  # the days of the stretch the walk is in
    joined_at = [at for at, _, joined in predicates if joined] + [len(text)]  # where a joined predicate's own words end: at the next one
    cuts, k = [], 0
    for at, step, item, flag in steps:  # a stretch: its days, whether it relays a source; a predicate: its family, whether it is joined
        while k < len(named) and named[k][0] < at:
            before.add(named[k][1])
            after[named[k][1]] -= 1
            k += 1
        if step == 0:
            stretch = item
            given = {day for _, day in item}
            if flag:
                told = given
            elif given and told and not given & told:
                cuts.append(at)
                families, before, told = set(), set(), given
            else:
                told |= given
            continue
        if flag is None:  # the dead or wounded: the piece's violence when it told nothing before them
            families = families or {item}
            continue
        remaining = {ident for ident, n in after.items() if n > 0}
        if flag and families and (
            rules.goes_on(item, families)
            or (before and remaining and not before & remaining)
            or _other_means(text, cuts[-1] if cuts else 0, at, next(j for j in joined_at if j > at), families, item, rules)
        ):
            cuts.append(at)
            families, before, told = set(), set(), {day for where, day in stretch if where >= at}
        families.add(item)
    return cuts


def _other_means(text: str, start: int, at: int, end: int, families: set[str], family: str, rules: TypeRules) -> bool:
    """Whether the predicate of `family` joined at `at` names other means than the piece
    of `families` it is joined to, which began at `start` (`يقصف الجيش بالصواريخ
    والطائرات تستهدف`); its own words run to `end`. Means named one after another are one
    strike by both (`القصف الجوي والصاروخي`)."""
    piece = text[start:at]
    listed = rules.means(" ".join(piece.split()[-1:]), families)  # the word right before names means too
    return not listed and rules.other_means(rules.means(piece, families), rules.means(text[at:end], (family,)))


def _dated_stretches(
    text: str, rules: TypeRules, predicates: Sequence[tuple[int, str, bool]], days: Sequence[tuple[int, str]], counts: Sequence[int],
    spoke: Callable[[str], int | None], dispatch: bool,
) -> list[tuple[int, list[tuple[int, str]], bool]]:
    """A clause in stretches, each from the word that joins what it tells (a predicate or a
    count) to what came before (data/event_types.yaml `conjunctions`: the last such word
    since the thing told before), the first from the clause's start; each with the days it
    gives of its own (`days`: where each starts, which day), and whether it relays a source
    (one speaks, or what it reports opens, before the first thing it tells: `وأفادت مصادر
    بأنه`). Not a day that closes a range (`حتى الجمعة`), one after a reference to an
    earlier happening (`بعد أن دخلت القوات المدينة يوم الخميس`), nor one a source spoke on:
    after the verb that names it speaking and before anything it tells (`وأفاد المرصد الأحد
    بمقتل`), or, in a clause that opens a `dispatch`, before the first thing it tells
    (`ونشر المرصد أمس أن`)."""
    told = sorted({at for at, _, _ in predicates}.union(counts))
    joins = [m.start() for m in rules.joins.finditer(text)]
    starts, j = [0], 0
    for before, at in zip(told, told[1:]):
        last = None
        while j < len(joins) and joins[j] <= at:
            last = joins[j] if joins[j] > before else last
            j += 1
        if last is not None:
            starts.append(last)
    out, d = [], 0
    for a, b in zip(starts, [*starts[1:], len(text)]):
        spoken = 0 if dispatch and a == 0 else spoke(text[a:b])
        i = bisect_left(told, a)
        first = told[i] if i < len(told) else b  # the first thing it tells
        relayed = a > 0 and ((spoken is not None and a + spoken < first) or bool(rules.relative_ends.find(text[a:first])))
        referred = next((a + m.start for m in rules.references.find(text[a:b]) if m.id == "reference"), b)
        own = []
        while d < len(days) and days[d][0] < b:
            at, day = days[d]
            d += 1
            closes = {fold(w) for w in text[max(0, at - 20) : at].split()[-1:] + text[at : at + 20].split()[:1]} & rules.range_ends
            said = spoken is not None and a + spoken < at and bisect_left(told, at) == bisect_left(told, a + spoken + 1)
            if at < referred and not closes and not said:
                own.append((at, day))
        out.append((a, own, relayed))
    return out


def clause_events(
    article: Article, extraction: Extraction, gazetteer: Gazetteer, rules: TypeRules | None = None,
    spoke: Callable[[str], int | None] = lambda text: None,
) -> list[Event]:
    """The candidate events of one report, one per clause that tells a happening, a figure or
    a date (happenings.py gathers those of one happening); ids are given there. `spoke`:
    where a text names its source speaking (happenings.py knows the verbs), so that the day
    a source spoke on does not cut a clause (`split_coordinated`)."""
    rules = rules or load_type_rules()
    roles = load_place_roles()
    events: list[Event] = []
    contradicted = frozenset(w.start for w in extraction.warnings if w.code == CONTRADICTED_BULLETIN and w.start is not None)
    starts = [f.start for f in extraction.figures]  # in text order: a clause's figures are a slice
    continuations = load_continuations()
    marks = Marks(Mentions(extraction.dates), starts, spoke)
    places = lambda text: roles.places(text, gazetteer)  # noqa: E731
    before: Dated | None = None  # the date the last sentence ended with, when its text gave one
    sentences = split_sentences(article.body)
    undated = None if extraction.published else dateline(sentences, extraction.dates)  # what dates a clause the text does not
    for sentence in sentences:
        clauses = split_coordinated(
            split_clauses(sentence), rules, places, marks, lambda text: roles.ends_at_place(text, gazetteer), lambda text: roles.names(text, gazetteer)
        )
        first_word = next(iter(_ARABIC_WORD.findall(sentence.text)), "")
        dates = carry_over(date_clauses(clauses, marks.mentions, extraction.published, contradicted), before, first_word, continuations)
        before = next((d for d in reversed(dates) if d.basis in ("mention", "bulletin")), None)
        dates = [undated if undated and d.basis == UNKNOWN.basis else d for d in dates]
        for clause, dated in zip(clauses, dates):
            figures = extraction.figures[bisect_left(starts, clause.start) : bisect_left(starts, clause.end)]
            kind = rules.classify(clause.text, figures, clause.start)
            told = any(f.category in rules.told_counts and f.value is not None for f in figures)  # a toll, an area held, as a number: facts, whatever the words around them
            if not told and not rules.tells_happening(clause.text):
                continue
            if kind == "other" and not figures and rules.predicate(clause.text) is None:  # no predicate, no count: a dateline, a byline, a description
                continue
            if not told and rules.describes_only(clause.text):
                continue
            day = first_day(dated.value) if dated.value else None
            source = Source(article.id, article.outlet, extraction.published, clause.start, clause.end, sentence.index, clause.text, clause.aside)
            events.append(
                Event(
                    id="",
                    date=dated.value,
                    day=day,
                    precision=dated.precision,
                    type=kind,
                    summary=clause.text,
                    sources=(source,),
                    places=roles.where(clause.text, gazetteer, kind == TOLL),
                    actors=roles.parties(clause.text, gazetteer, figures),
                    figures=tuple((article.id, f) for f in figures),
                    date_basis=dated.basis,
                    reported=dated.reported,
                )
            )
    return events
