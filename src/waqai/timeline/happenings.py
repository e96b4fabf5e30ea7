"""Clause events of one report -> one event per happening.

A report tells a happening in its headline, its lede and its details, and again in
another source's words or with a revised count; each of those clauses is read as an
event (events.py), and here the clauses that tell one happening become one event with
several sources. A sentence that asks (`؟`) tells nothing. Two clauses tell one happening
when their types are of one family and nothing sets them apart: places both named and
disjoint (wide regions aside), dates that each clause gives of its own and that differ
(a weekday the text cannot resolve counts as its words; so does a span of past days,
`خلال الأيام الماضية`, against a day), means both named and different (aircraft,
rockets: an air strike and a rocket barrage), people of two kinds leaving (fighters who
surrender, civilians evacuated), strikes each clause says who carried out, and no side
in common (the regime's shelling, the coalition's), fighting that goes on beside an
attack named by its means (a car bomb), a clause that tells what had happened before
(`وكانت ... قد`) or what came next (`لكن سرعان ما`), or a turn to another matter (`من جهة أخرى`, `في موازاة ذلك`),
unless the clause after it repeats most of the words of an earlier clause of the same
family (another source's account, a precise count after a vague one): it tells that
happening again.
Fighting told as the circumstances of a happening (`وسط اشتباكات`) is part of the one
told just before it in its sentence, or, when it opens what its sentence tells, of one
told before at its place and time. A casualty count with no predicate of its own follows
the violent happening told just before it in its sentence (one that gives another day of its own is the toll of another
happening of that kind), and one that gives the other side of an account (`أما`) the
happening told before it; so does the count of the losses fighting was told with
(`ووقعت خسائر فادحة`). Only the places a happening was told to be at set such a count
apart, not the towns its other counts named (a wave of strikes counted town by town).
A clause whose predicate names with the article the happening told just before it
(`أدى الانفجار إلى ...` after `بانفجار لغم`) goes on with it, of its type. A running
toll is one source's for one period: another source, or a count that cannot be of it,
sets a second one apart (so do counts for people leaving).
A happening without a place of its own took place at the towns where the text last was
(not those of an earlier happening told aside inside another's clause), or where the
report is about; not one at a place the gazetteer does not know (`بلدة
الزيتونة`, then `في محيط البلدة`), nor one told after it.
The words are language data (data/happenings.yaml).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..content.datafiles import PACKAGE_DATA, read_yaml, text_list
from ..content.labels import load_labels
from ..errors import ContentError
from ..extract.gazetteer import Gazetteer
from ..extract.normalize import fold
from ..extract.sentences import Sentence, split_sentences
from ..extract.temporal.resolve import first_day, last_day
from ..records import Article, DateMention, Event, Extraction, Figure, Source
from .events import (
    CLITICS,
    TOLL,
    UNDATING_KINDS,
    Mentions,
    PlaceRoles,
    TypeRules,
    clause_events,
    load_place_roles,
    load_type_rules,
    place_noun,
    referring_noun,
    running,
)
from .acled import load_acled
from .headlines import headline, load_headline_rules
from .merge import NEAR

DEFAULT_PATH = PACKAGE_DATA / "happenings.yaml"
_LONGEST_NAME = 4  # words: the longest place name looked up after a place noun
_OPENING = 160  # characters: more than the first five words of a clause, all `_opens` reads
_QUOTES = frozenset('"“”«»\'')  # marks that set a name apart (`منطقة “المراشدة”`)
_NAME = re.compile(r"[\u0621-\u065f\u0670]+")  # an Arabic word with its vowel marks (`قُتل` is one word), without its punctuation
# How many happenings back a clause is compared with: a report tells far fewer, and a
# list of thousands (a fuzzed or pasted text) stays linear.
LOOKBACK = 60
CASUALTIES = frozenset({"killed", "wounded"})  # figure categories that are a happening's toll
# The date bases from the most to the least telling: a merged event keeps the best one's date.
BASES = ("mention", "bulletin", "published", "unknown")
LEAVING = ("kinds", "ways")  # the tables of data/happenings.yaml `leavers`: who leaves, and how


@dataclass(frozen=True)
class HappeningRules:
    violent: frozenset[str]
    surrounded: frozenset[str]  # families of happenings that have circumstances (a capture amid clashes)
    earlier: tuple[tuple[str, ...], ...]  # folded words that open a clause of an earlier happening
    elsewhere: tuple[tuple[str, ...], ...]  # folded words that open a clause of another matter
    afterwards: tuple[tuple[str, ...], ...]  # folded words that open a clause of what came next (`لكن سرعان ما`)
    place_nouns: frozenset[str]  # folded
    article_nouns: frozenset[str]  # folded: place nouns an unknown name follows only with the article
    settlement_nouns: frozenset[str]  # folded: place nouns of one town, village or camp
    heading_words: int
    questions: tuple[str, ...]  # marks that end a sentence that asks (`؟`)
    circumstances: tuple[tuple[str, ...], ...]  # folded words that open a clause of circumstances
    reporting: frozenset[str]  # folded verbs that name a source
    speaking: frozenset[str]  # folded: `reporting` and the verbs of an announcement
    relayed: tuple[tuple[str, ...], ...]  # folded words that open a clause relaying an earlier dispatch
    other_side: tuple[tuple[str, ...], ...]  # folded words that open the other side of an account (`أما`)
    losses: frozenset[str]  # folded words that name a happening's losses (`خسائر`)
    revised: frozenset[str]  # folded verbs that tell a count as a revised one (`يرتفع`)
    source_words: int  # how many words after a source's verb name the source
    source_ends: frozenset[str]  # folded words where what a source said begins (`أن`)
    tallied: dict[str, frozenset[str]]  # family -> the kinds of count whose values set two of its happenings apart
    retold_share: float  # the share of the words of the shorter of two clauses that one telling again repeats
    retold_least: int  # and how many of them at least
    retold_common: frozenset[str]  # folded words not counted among them (`على`, `التي`)
    consequences: frozenset[str]  # folded verbs whose subject, with the article, names the happening told before (`أدى الانفجار`)
    periods: frozenset[str]  # folded, spaces single: the vague words of a span of several past days (`الأيام الماضية`)
    ongoing: tuple[tuple[str, ...], ...]  # folded words that open a clause of fighting that goes on (`تستمر المعارك`)
    acts: frozenset[str]  # the forms (see _forms) of words that name an attack by its means (`مفخخة`)
    leaving_family: str  # the family of types of people leaving
    leavers: dict[str, tuple[str, str]]  # a word's form (see _forms, or without its clitic) -> (`kinds` or `ways`, the kind of people leaving or the way they left it names)
    leaver_reach: int  # how many words from a clause's predicate on may name who leaves
    parted: frozenset[str]  # families of types whose happenings the sides that carried them out set apart

    def tells_apart(self, text: str, predicate_at: int | None) -> bool:
        """Whether a clause tells what came next (`afterwards`) or an earlier step: in either
        case a happening of its own."""
        return _opens(text, self.afterwards) or self.tells_background(text, predicate_at)

    def tells_elsewhere(self, text: str) -> bool:
        """Whether a clause is opened by a turn to another matter (`من جهة أخرى`)."""
        return _opens(text, self.elsewhere)

    def tells_background(self, text: str, predicate_at: int | None) -> bool:
        """Whether a clause tells an earlier step (opened by `earlier`), not a statement whose
        source is named before its predicate. What follows it tells the news again: no later
        clause goes on with it."""
        if not _opens(text, self.earlier):
            return False
        named = _first_of(text, self.reporting)
        return named is None or (predicate_at is not None and named >= predicate_at)

    def told(self, text: str, predicate_at: int | None) -> _Told:
        """The words a clause tells from its predicate on (see data/happenings.yaml `retold`)."""
        return _told(text, predicate_at, self.retold_common)

    def retells(self, told: _Told, before: _Told) -> bool:
        """Whether a clause that tells `told` tells again what a clause that told `before` did."""
        shorter, longer = sorted((told, before), key=lambda t: len(t.words))
        shared = sum(1 for forms in shorter.words if forms & longer.every)
        return shared >= self.retold_least and shared >= self.retold_share * len(shorter.words)

    def leaving(self, text: str, predicate_at: int | None) -> frozenset[tuple[str, str]]:
        """Who a clause of people leaving tells leave and how (data/happenings.yaml `leavers`),
        as (`kinds` or `ways`, which) pairs: for each table, that of the first word from its
        predicate on that names one, within its reach and before a comma (`، بينهم عناصر`:
        some among them); none where no word names one."""
        words = _NAME.findall(re.split("[،,]", text[predicate_at or 0 :], maxsplit=1)[0])[: self.leaver_reach]
        found: dict[str, str] = {}
        for word in words:
            folded = fold(word)
            for form in sorted(_forms(folded) | ({folded[1:]} if folded[:1] in CLITICS else set())):
                if form in self.leavers:
                    found.setdefault(*self.leavers[form])
        return frozenset(found.items())

    def tells_ongoing(self, text: str) -> bool:
        """Whether a clause is opened by words of fighting that goes on (`تستمر المعارك`)."""
        return _opens(text, self.ongoing)

    def tells_act(self, text: str) -> bool:
        """Whether a clause names an attack by its means (`بسيارة مفخخة`, `كمين`)."""
        return any(_forms(word) & self.acts for _, word in _folded_words(text))

    def tells_circumstances(self, text: str) -> bool:
        return _opens(text, self.circumstances)

    def source(self, text: str) -> frozenset[str]:
        """The words that name who a clause says spoke (`وقالت قسد لوكالة الأنباء إن ...`),
        folded and without the article: at most `source_words` words after its first verb
        of speaking, up to the first of `source_ends`; none without such a verb."""
        at = _first_of(text, self.speaking)
        if at is None:
            return frozenset()
        words = []
        for word in [fold(w.group()) for w in _NAME.finditer(text, at)][1 : 1 + self.source_words]:
            if word in self.source_ends:
                break
            words.append(word.removeprefix("ال"))
        return frozenset(words)

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
    lists = {"violent_families", "circumstance_families", "earlier", "elsewhere", "afterwards", "place_nouns", "article_nouns", "settlement_nouns", "circumstances", "reporting", "announcing", "relayed", "other_side", "losses", "revised", "source_ends", "questions", "consequences", "periods", "ongoing", "acts", "parted_by_parties"}
    numbers = {"heading_words", "source_words"}
    if not isinstance(data, dict) or set(data) != lists | numbers | {"tallied", "retold", "leavers"} or not all(isinstance(data[n], int) for n in numbers):
        raise ContentError(path, None, f"must have exactly the lists {', '.join(sorted(lists))}, the numbers {', '.join(sorted(numbers))} and the tables tallied, retold and leavers")
    if not isinstance(data["tallied"], dict):
        raise ContentError(path, None, "tallied must map a family of types to a list of kinds of count")
    retold = data["retold"]
    if not isinstance(retold, dict) or set(retold) != {"share", "least", "common"} or not isinstance(retold["share"], (int, float)) or not isinstance(retold["least"], int):
        raise ContentError(path, None, "retold must have a share (a number), least (a whole number) and common (a list of words)")
    leavers = data["leavers"]
    if not isinstance(leavers, dict) or set(leavers) != {"family", "reach", "kinds", "ways"} or not isinstance(leavers["family"], str) or not isinstance(leavers["reach"], int) or not all(isinstance(leavers[t], dict) for t in LEAVING):
        raise ContentError(path, None, "leavers must have a family (a family of types), a reach (a whole number), kinds (a kind of people -> a list of words) and ways (a way of leaving -> a list of words)")
    words = lambda key: tuple(tuple(_NAME.findall(fold(w))) for w in text_list(path, key, data[key]))  # noqa: E731
    return HappeningRules(
        frozenset(text_list(path, "violent_families", data["violent_families"])),
        frozenset(text_list(path, "circumstance_families", data["circumstance_families"])),
        words("earlier"),
        words("elsewhere"),
        words("afterwards"),
        frozenset(fold(n) for n in text_list(path, "place_nouns", data["place_nouns"])),
        frozenset(fold(n) for n in text_list(path, "article_nouns", data["article_nouns"])),
        frozenset(fold(n) for n in text_list(path, "settlement_nouns", data["settlement_nouns"])),
        data["heading_words"],
        tuple(text_list(path, "questions", data["questions"])),
        words("circumstances"),
        frozenset(fold(w) for w in text_list(path, "reporting", data["reporting"])),
        frozenset(fold(w) for w in text_list(path, "reporting", data["reporting"]) + text_list(path, "announcing", data["announcing"])),
        words("relayed"),
        words("other_side"),
        frozenset(fold(w) for w in text_list(path, "losses", data["losses"])),
        frozenset(fold(w) for w in text_list(path, "revised", data["revised"])),
        data["source_words"],
        frozenset(fold(w) for w in text_list(path, "source_ends", data["source_ends"])),
        {family: frozenset(text_list(path, f"tallied.{family}", kinds)) for family, kinds in data["tallied"].items()},
        float(retold["share"]),
        retold["least"],
        frozenset().union(*(_forms(fold(w)) for w in text_list(path, "retold.common", retold["common"]))),
        frozenset(fold(w) for w in text_list(path, "consequences", data["consequences"])),
        frozenset(_words(w) for w in text_list(path, "periods", data["periods"])),
        words("ongoing"),
        frozenset().union(*(_forms(fold(w)) for w in text_list(path, "acts", data["acts"]))),
        leavers["family"],
        {form: (table, which) for table in LEAVING for which, words in leavers[table].items() for w in text_list(path, f"leavers.{table}.{which}", words) for form in {fold(w)} | _forms(fold(w))},
        leavers["reach"],
        frozenset(text_list(path, "parted_by_parties", data["parted_by_parties"])),
    )


@dataclass(frozen=True)
class _Told:
    """The words a clause tells from its predicate on: each word as the forms it may be
    written in (`_forms`), and all those forms together."""

    words: tuple[frozenset[str], ...]
    every: frozenset[str]

    @classmethod
    def of(cls, words: Sequence[frozenset[str]]) -> _Told:
        return cls(tuple(words), frozenset().union(*words))


@lru_cache(maxsize=256)
def _told(text: str, predicate_at: int | None, common: frozenset[str]) -> _Told:
    """HappeningRules.told; kept for the clauses of the happenings a later clause is compared with."""
    if predicate_at is None:
        return _Told.of(())
    forms = (_forms(w) for w in {fold(w) for w in _NAME.findall(text[predicate_at:])})
    return _Told.of([f for f in forms if f and not f & common])


@lru_cache(maxsize=8192)
def _forms(word: str) -> frozenset[str]:
    """A folded word as it may be written with or without a clitic and the article
    (`والمدنيين`, `للمدنيين`, `مدنيين` are one word), its forms of three letters or more.
    Kept: a report's words recur from clause to clause."""
    forms = {word, word[1:]} if word[:1] in CLITICS else {word}
    for form in list(forms):
        if form.startswith("ال"):
            forms.add(form[2:])
        elif form.startswith("لل"):  # the clitic `ل` on the article, which drops its alif
            forms.update(("ال" + form[2:], form[2:]))
    return frozenset(f for f in forms if len(f) >= 3)


@dataclass(frozen=True)
class _Reading:
    """What gathering reads of one clause, once (`gather`), for each happening it is
    compared with (`_telling_of`)."""

    predicate: str | None  # the type its keywords give it
    predicate_at: int | None  # where its first predicate stands
    own: set[str]  # the dates it gives of its own (`_own_dates`)
    places: set[str]  # see `_places`, or the town it refers back to
    provinces: set[str]  # the provinces its places lie in
    speakers: frozenset[str]  # the words that name its source, for a toll (HappeningRules.source)
    revises: bool  # it tells its count as a revised one (`يرتفع`)
    told: _Told | None  # what it tells, when a turn to another matter opens it (`_retells`)
    means: frozenset[str]  # the means of a strike it names (TypeRules.means)
    leaving: frozenset[tuple[str, str]]  # who it tells leave and how (HappeningRules.leaving)
    ongoing: bool  # it opens with fighting that goes on (`تستمر المعارك`)
    act: bool  # it names an attack by its means (`بمفخخة`)
    opening: bool  # no clause of its sentence told a happening before it
    sides: frozenset[str]  # the sides of the parties it names but victims, when its family is parted by them (HappeningRules.parted)


@dataclass
class _Telling:
    """A happening as gathered so far: the clause that gives its type and date, what its
    clauses told, and what sets it apart from others. Kept in lists and sets, not in an
    Event remade with each clause: a report of a thousand counts stays linear."""

    head: Event
    own_dates: set[str]  # dates its clauses give of their own (a value, or the words of one the text leaves unresolved)
    sentences: set[int]
    places: set[str]  # see _places
    provinces: set[str]  # the provinces its places lie in (see _provinces)
    sources: list[Source] = field(default_factory=list)
    where: dict[str, None] = field(default_factory=dict)  # the event's places, in order
    parties: dict[str, None] = field(default_factory=dict)
    figures: dict[tuple[str, Figure], None] = field(default_factory=dict)
    counts: set[tuple[str, float | None]] = field(default_factory=set)  # (category, value) of its figures
    tallies: set[tuple[str, str | None, float]] = field(default_factory=set)  # (category, party, value) of its counts
    speakers: set[str] = field(default_factory=set)  # the words that name its clauses' sources (HappeningRules.source)
    means: frozenset[str] = frozenset()  # the means its clauses name, as the types they make (TypeRules.means)
    background: bool = False  # opened by a clause of an earlier step (`وكانت ... قد`): later clauses tell the news
    clauses: list[tuple[str, int | None]] = field(default_factory=list)  # its clauses' texts and where their predicates stand
    losses: bool = False  # one of its clauses names its losses (`ووقعت خسائر فادحة`)
    counted: set[str] = field(default_factory=set)  # places only its casualty counts named (`وسجلت البلدة أكبر حصيلة`), not where it was told to be
    leaving: set[tuple[str, str]] = field(default_factory=set)  # who its clauses tell leave and how (HappeningRules.leaving)
    ongoing: bool = False  # opened by a clause of fighting that goes on (`تستمر المعارك`)
    act: bool = False  # a clause of it names an attack by its means (`بمفخخة`)
    unlisted: bool = False  # a clause of it names a place the gazetteer does not know, or refers back to one
    sides: set[str] = field(default_factory=set)  # the sides of the parties its clauses name but victims (_Reading.sides)

    @classmethod
    def of(cls, event: Event, own: set[str], places: set[str], provinces: set[str]) -> _Telling:
        telling = cls(event, own, set(), places, provinces)
        telling.add(event)
        return telling

    def add(self, event: Event) -> None:
        self.sources += event.sources
        self.sentences.update(s.sentence for s in event.sources)
        self.where.update(dict.fromkeys(event.places))
        self.parties.update(dict.fromkeys(event.actors))
        self.figures.update(dict.fromkeys(event.figures))
        self.counts.update((f.category, f.value) for _, f in event.figures)
        self.tallies.update((f.category, f.party, f.value) for _, f in event.figures if f.value is not None)

    @property
    def type(self) -> str:
        return self.head.type

    @property
    def uncounted(self) -> bool:
        """Whether it told its losses and no casualty count yet: the next toll counts them."""
        return self.losses and not any(category in CASUALTIES for category, _ in self.counts)

    def event(self) -> Event:
        return replace(self.head, sources=tuple(self.sources), places=tuple(self.where), actors=tuple(self.parties), figures=tuple(self.figures))


def _opens(text: str, openers: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `text` begins with one of `openers` (folded words)."""
    words = _first_words(text)
    return any(words[: len(opener)] == opener for opener in openers)


@lru_cache(maxsize=64)
def _first_words(text: str) -> tuple[str, ...]:
    """A clause's first words, folded; a conjunction typed apart from its word (`و في سياق
    متصل`) is read with it. Kept for the clause's several openers read one after another."""
    words = tuple(_NAME.findall(fold(text[:_OPENING]))[:5])
    if words[:1] == ("و",):
        return ("و" + words[1], *words[2:]) if len(words) > 1 else ()
    return words


class _Named(NamedTuple):
    """A name after a place noun (`_after_nouns`)."""

    noun: str  # folded, bare
    name: str  # the name's first word
    ids: list[str]  # the gazetteer ids of the longest name it opens, none when it does not know it
    sure: bool  # surely a name: after an article noun a word with the article may be a common noun (`منطقة الجبهة`), unless quoted


def _after_nouns(text: str, nouns: frozenset[str], gazetteer: Gazetteer, article_nouns: frozenset[str] = frozenset()) -> list[_Named]:
    """Each name that follows one of `nouns` (folded place nouns, a clitic allowed: `وبلدة`,
    `بريف`) in `text`, with the ids of the longest name it opens (`ريف دير الزور` is Deir
    ez-Zor, not a place `دير`). After one of `article_nouns` an unknown word without the
    article is an adjective, unless quotation marks make it a name (`منطقة “المراشدة”`)."""
    found_words = list(_NAME.finditer(text))
    words = [w.group() for w in found_words]
    out = []
    for at, noun in enumerate(words[:-1], start=1):
        bare = place_noun(noun, nouns)
        if len(words[at]) <= 2 or bare is None or place_noun(words[at], nouns) or referring_noun(words[at], nouns):
            continue  # not a place noun; or one of a list of them (`قرية وبلدة`), or one that refers back (`مشارف المدينة`)
        # the longest name from the noun (`حقل العمر` is a name) or from the word after it
        found = gazetteer.place_index.find(" ".join(words[at - 1 : at + _LONGEST_NAME]))
        ids = [m.id for m in found[:1] if m.start in (0, len(noun) + 1)]
        quoted = text[: found_words[at].start()].rstrip()[-1:] in _QUOTES
        if ids or bare not in article_nouns or fold(words[at]).startswith("ال") or quoted:
            out.append(_Named(bare, words[at], ids, bare not in article_nouns or quoted))
    return out


def _referred(text: str, nouns: frozenset[str]) -> str | None:
    """The settlement noun a clause refers back to with the article (`تقدمت القوات في
    المدينة`, `بالبلدة`), folded and bare; None if none."""
    return next((noun for word in _NAME.findall(text) if (noun := referring_noun(word, nouns))), None)


def _places(event: Event, after: list[_Named], rules: HappeningRules, wide: frozenset[str]) -> set[str]:
    """The places a clause names, but wide ones: gazetteer ids, the names the gazetteer does
    not know that follow a place noun (`قرية الصالحية`; `after`: the clause's names after
    place nouns, `_after_nouns`), and a wide place's name after a settlement noun (`مدينة دير
    الزور`, the city, not the province)."""
    found = set(event.places) - wide
    for noun, name, ids, _ in after:
        if not ids:
            found.add(fold(name).removeprefix("ال"))
        else:
            found.update(ids if noun in rules.settlement_nouns else set(ids) - wide)
    return found


def _bare_count(event: Event, predicate: str | None) -> bool:
    """Whether `event` is a casualty count without a predicate of its own, or a toll that gives
    no count (`وسجلت البلدة أكبر حصيلة`): a count of some happening, by town. A wave of
    strikes on several towns is counted town by town (`قتل فيها ثمانية`, then `في بلدة أخرى
    قتل طفلان`): the towns one count names do not set another count apart."""
    return event.type == TOLL and (predicate is None or not event.figures)


def _a_count(telling: _Telling, event: Event, types: TypeRules, rules: HappeningRules, predicate: str | None) -> bool:
    """Whether `event` is a casualty count without a predicate of its own (`ما أدى لمقتل 7`,
    `ووثق المرصد مقتل 9 مدنيين`), or a toll that gives no count (`وسجلت البلدة أكبر
    حصيلة`), that can be the toll of a violent `telling`; or the casualty count of a violent
    `telling` that told its losses without counting them (`ووقعت خسائر فادحة في المعارك`),
    but not one told as a revised tally (`وترفع لـ 68 تعداد القتلى`: more than those losses)."""
    if event.type != TOLL or _running(event) or types.family(telling.type) not in rules.violent:
        return False
    if predicate is None or not event.figures:
        return True
    return telling.uncounted and _casualties(event) and _first_of(event.sources[0].text, rules.revised) is None


def _follows(telling: _Telling, event: Event, clause: _Reading, types: TypeRules, rules: HappeningRules) -> bool:
    """Whether `event` is part of `telling`, told just before it in its sentence: its
    circumstances (`وسط اشتباكات` after a capture; not after an exit, which the fighting
    drives but is not), or a casualty count without a predicate (its toll). Circumstances
    that open what their sentence tells (`clause.opening`: `تتواصل العمليات، حيث تستمر
    الاشتباكات في المدينة` after a heading's capture of it) are those of a happening told
    before at one of their places and times, unless a source speaks in them (`وسط تحليق
    الطائرات، وأفادت مصادر أنه ...`: news of its own)."""
    text = event.sources[0].text
    circumstances = rules.tells_circumstances(text)
    own = clause.own
    if event.sources[0].sentence not in telling.sentences and not (
        circumstances and clause.opening and clause.places & telling.places and _first_of(text, rules.speaking) is None
        and not (own and telling.own_dates and not _same_time(own, telling.own_dates))
    ):
        return False
    if circumstances:
        return types.family(event.type) in rules.violent and types.family(telling.type) in rules.surrounded
    return _a_count(telling, event, types, rules, clause.predicate)


def _toll_of_another_day(event: Event, last: _Telling | None, types: TypeRules, rules: HappeningRules, predicate: str | None, own: set[str]) -> Event:
    """A casualty count that would be the toll of the violent happening told just before it
    in its sentence (`last`, see `_follows`) but gives a day of its own other than that
    happening's (`تجددت الغارات الخميس بعد يومين داميين، إذ قتل الأربعاء 38 مدنياً`) is
    the toll of another happening of that kind, on its own day: it takes that happening's type."""
    if last is None or not own or not last.own_dates or _same_time(own, last.own_dates):
        return event
    if event.sources[0].sentence not in last.sentences or not _a_count(last, event, types, rules, predicate):
        return event
    return replace(event, type=last.type)


def _kin(telling: _Telling, event: Event, types: TypeRules, rules: HappeningRules, heading: frozenset[int]) -> bool:
    """Whether two tellings can be of one happening by their types: types of one family.
    A report names one happening by several predicates (`معارك` in its heading, `هجوم`
    in its lede, `المعركة الأخيرة` with its toll; `غارات` then `قصف`). A heading that
    names a toll (`حصيلة قتلى معارك هجين`) is told by the fighting's casualty count."""
    if types.family(telling.type) == types.family(event.type):
        return True
    return _toll_heading(telling, heading, types) and types.family(event.type) in rules.violent and _casualties(event)


def _toll_heading(telling: _Telling, heading: frozenset[int], types: TypeRules) -> bool:
    """Whether a happening is so far told only by a heading that names a toll."""
    return telling.sentences <= heading and types.family(telling.type) == types.family(TOLL)


def _casualties(event: Event) -> bool:
    return any(f.category in CASUALTIES for _, f in event.figures)


def _same_time(a: set[str], b: set[str]) -> bool:
    """Whether two clauses' own dates can be one time: a date in common, or one date
    within another (a day of a month, a day of a range). Unresolved words match as words."""
    if a & b:
        return True
    spans = lambda dates: [(first_day(d), last_day(d)) for d in dates if d[:4].isdigit()]  # noqa: E731
    return any(x0 <= y0 and y1 <= x1 or y0 <= x0 and x1 <= y1 for x0, x1 in spans(a) for y0, y1 in spans(b))


def _far(own: set[str], head: Event) -> bool:
    """Whether the dates a clause gives are days away from a happening dated only by its
    report or bulletin (`وصل 700 جندي في الـ 23 من الشهر` in a report of the 10th): each is
    more than NEAR from the report's day, which may itself be a day or two off."""
    if head.date is None or head.date_basis not in ("published", "bulletin"):
        return False
    days = [(first_day(d), last_day(d)) for d in own if d[:4].isdigit()]
    start, end = first_day(head.date) - NEAR, last_day(head.date) + NEAR
    return bool(days) and all(b < start or a > end for a, b in days)


def _running(event: Event) -> bool:
    """Whether an event counts since a start (a running total), which a count of one
    happening never is: the two are different tolls even when told side by side."""
    return any(running(f, event.date) for _, f in event.figures)


def _other_leaving(clause: frozenset[tuple[str, str]], told: set[tuple[str, str]]) -> bool:
    """Whether a clause tells people leaving other than those a happening told leave: of a
    kind or a way it names where the happening named others of that table."""
    return any((table, which) not in told and any(t == table for t, _ in told) for table, which in clause)


def _another_tally(telling: _Telling, event: Event, speakers: frozenset[str], revises: bool, types: TypeRules, rules: HappeningRules) -> bool:
    """Whether a clause is another toll report than the running toll `telling`, or another
    leaving than the people leaving it tells (see data/happenings.yaml `revised`, `tallied`):
    a toll told by another source (`speakers`, the words that name the clause's; both named,
    none in common), or a count that cannot be one of its counts (`revises`: the clause
    tells its count as a revised one)."""
    family = types.family(event.type)
    if types.family(telling.type) != family or family not in rules.tallied:
        return False
    if family == types.family(TOLL) and speakers and telling.speakers and not speakers & telling.speakers:
        return True
    kinds = rules.tallied[family]
    return any(_not_of(telling.tallies, f, revises) for _, f in event.figures if f.category in kinds and f.value is not None)


def _not_of(tallies: set[tuple[str, str | None, float]], figure: Figure, revises: bool) -> bool:
    """Whether a casualty count cannot be of one toll with `tallies` (category, party, value):
    another value for the same kind and party (unless revised), or a party's count above the
    count of everyone (party None), or a count of everyone below a party's."""
    same = {v for c, p, v in tallies if c == figure.category and p == figure.party}
    if same and figure.value not in same and not revises:
        return True
    wholes = [v for c, p, v in tallies if c == figure.category and p is None]
    parts = [v for c, p, v in tallies if c == figure.category and p is not None]
    if figure.party is None:
        return bool(parts) and figure.value < max(parts)
    return bool(wholes) and figure.value > max(wholes)


def _own_dates(event: Event, mentions: Mentions, rules: HappeningRules, predicate_at: int | None) -> set[str]:
    """The dates a clause gives of its own: their values, or their folded words when unresolved;
    and a span of several past days it names (data/happenings.yaml `periods`), as its words:
    what went on over days is not what happened on one of them. A date between a source's
    verb and the clause's predicate (`أفاد المرصد الأحد بمقتل ...`) is the day the source
    spoke, not the happening's."""
    source = event.sources[0]
    inside = [m for m in mentions.within(source.start, source.end) if not m.since and (m.kind not in UNDATING_KINDS or _words(m.text) in rules.periods)]
    spoke = _first_of(source.text, rules.speaking) if inside else None
    return {
        m.value or _words(m.text)
        for m in inside
        if not (spoke is not None and spoke < m.start - source.start and (predicate_at is None or m.start - source.start <= predicate_at))
    }


def _words(text: str) -> str:
    """A text's words, folded, spaces single: how an unresolved date is compared, and what
    a stable id is made of."""
    return " ".join(fold(text).split())


@lru_cache(maxsize=64)
def _first_of(text: str, verbs: frozenset[str]) -> int | None:
    """Where the first of `verbs` (folded; a clitic allowed: `وأعلنت`) stands in a clause,
    None if none: where its source is named as speaking."""
    for start, folded in _folded_words(text):
        if folded in verbs or (folded[:1] in CLITICS and folded[1:] in verbs):
            return start
    return None


@lru_cache(maxsize=256)
def _folded_words(text: str) -> tuple[tuple[int, str], ...]:
    """A clause's words, folded, each with where it starts: read once for the several lists
    of words a clause is looked up in (sources, losses, revised counts, means of attack)."""
    return tuple((m.start(), fold(m.group())) for m in _NAME.finditer(text))


def _join(telling: _Telling, event: Event, own: set[str], places: set[str], provinces: set[str], heading: frozenset[int], types: TypeRules) -> None:
    """Add a clause to the happening: its source, places, actors, figures; the better date;
    the type the text gives, of the same family, when the happening was named only by the
    heading so far (a heading's `معارك` told as an assault; but not the fighting told as the
    circumstances of a heading's capture, and a toll the heading names stays one, told by
    the count of the fighting)."""
    head = telling.head
    if telling.sentences <= heading and event.sources[0].sentence not in heading and types.family(event.type) == types.family(head.type):
        head = replace(head, type=event.type)
    if BASES.index(event.date_basis) < BASES.index(head.date_basis):
        head = replace(head, date=event.date, day=event.day, precision=event.precision, date_basis=event.date_basis, reported=event.reported)
    telling.head = head
    telling.add(event)
    telling.own_dates |= own
    telling.places |= places
    telling.provinces |= provinces


def _named_in(noun: str | None, telling: _Telling) -> bool:
    """Whether one of a happening's clauses names `noun` (folded, bare), a clitic or the
    article allowed (`بانفجار` names `انفجار`)."""
    return noun is not None and any(noun in _forms(word) for text, _ in telling.clauses for _, word in _folded_words(text))


def _akin(telling: _Telling, event: Event) -> bool:
    """Whether a telling shares with a clause a place (wide ones too) or a count of one kind
    and value: what makes it, among several it could be, the one the clause goes on with."""
    return any(p in telling.where for p in event.places) or _shares_count(telling, event)


def _shares_count(telling: _Telling, event: Event) -> bool:
    """Whether a clause gives a count of one kind and value a happening's clauses gave."""
    return any((f.category, f.value) in telling.counts for _, f in event.figures)


def _retells(telling: _Telling, event: Event, told: _Told, types: TypeRules, rules: HappeningRules) -> bool:
    """Whether a clause that tells `told` tells again what one of a happening's clauses told
    (data/happenings.yaml `retold`): of one family of types, it repeats most of its words."""
    return types.family(telling.type) == types.family(event.type) and any(rules.retells(told, rules.told(*clause)) for clause in telling.clauses)


def _telling_of(
    event: Event, clause: _Reading, tellings: Sequence[_Telling], types: TypeRules, rules: HappeningRules, heading: frozenset[int],
) -> _Telling | None:
    """The happening told so far that a clause goes on with, None when it tells a new one:
    the last one it can be, or an earlier one it can be that shares a place or a count (the
    only one a clause relaying an earlier dispatch can go on with). A casualty count that
    gives the other side of an account (`أما التنظيم فقتل منه ...`) goes on with the last.
    A clause opened by a turn to another matter goes on only with one it tells again
    (`_retells`). A strike by other means (aircraft, where it told rockets) is another
    happening; so is people of another kind leaving (civilians, where it told fighters) or
    leaving another way (fleeing, where it told an evacuation: `_other_leaving`), a strike
    by another side (the coalition's, where it told the regime's), and fighting that goes on
    (`تستمر المعارك`) beside an attack named by its means (a car bomb),
    either way."""
    predicate, own, places, provinces = clause.predicate, clause.own, clause.places, clause.provinces
    if _opens(event.sources[0].text, rules.other_side) and _casualties(event):
        return tellings[-1] if tellings else None
    candidates = []
    for telling in reversed(tellings[-LOOKBACK:]):
        if clause.told is not None and not _retells(telling, event, clause.told, types, rules):
            continue
        if _follows(telling, event, clause, types, rules):
            return telling
        if telling.background:
            continue
        if not (_kin(telling, event, types, rules, heading) or _a_count(telling, event, types, rules, predicate)):
            continue
        if (
            (places and (told_at := telling.places - telling.counted if _bare_count(event, predicate) else telling.places) and not places & told_at)
            or (provinces and telling.provinces and not provinces & telling.provinces)
            or (own and telling.own_dates and not _same_time(own, telling.own_dates))
            or (own and not telling.own_dates and _far(own, telling.head))
            or _running(telling.head) != _running(event)
            or _another_tally(telling, event, clause.speakers, clause.revises, types, rules)
            or types.other_means(clause.means, telling.means)
            or _other_leaving(clause.leaving, telling.leaving)
            or (clause.sides and telling.sides and not clause.sides & telling.sides)
            or (clause.ongoing and telling.act)
            or (clause.act and telling.ongoing)
        ):
            continue
        candidates.append(telling)
    if _opens(event.sources[0].text, rules.relayed):  # a place of its own in common, or a count
        return next((t for t in candidates if places & t.places or _shares_count(t, event)), None)
    return next((t for t in candidates if _akin(t, event)), candidates[0] if candidates else None)


def gather(
    events: Sequence[Event], mentions: Sequence[DateMention], types: TypeRules, gazetteer: Gazetteer,
    heading: frozenset[int] = frozenset(), rules: HappeningRules | None = None,
) -> list[tuple[Event, bool]]:
    """One event per happening of one report's clause events (in text order), each with
    whether it took place at a place the gazetteer does not know (`دخلت القوات بلدة
    الزيتونة`, then `في محيط البلدة`; `تل الخضر`, `ريف حماة`): not where the report is
    about (`_placed`).
    `mentions` are the report's date mentions, `heading` the indices of its heading sentences."""
    rules = rules or load_happening_rules()
    roles = load_place_roles()
    victims = load_headline_rules().victims
    side = {a.id: a.side or a.id for a in gazetteer.actors}  # a party with no side is one of its own
    wide = roles.wide(gazetteer)
    admin1 = load_acled().admin1
    province_of = {p.id: admin1[p.district] for p in gazetteer.places if p.district in admin1 and p.kind not in roles.wide_kinds - roles.locator_kinds}
    by_span = Mentions(mentions)
    toll = types.family(TOLL)
    tellings: list[_Telling] = []
    last: tuple[set[str], set[str]] = (set(), set())  # the places the text named last, and their provinces
    named: dict[str, Counter[tuple[str, ...]]] = {}  # noun -> how often the text named each town, village, city, camp after it
    where_named: dict[tuple[str, ...], tuple[set[str], set[str]]] = {}  # such a name -> its places and provinces
    unknown: set[tuple[str, ...]] = set()  # such names the gazetteer does not know
    before: _Telling | None = None  # the happening the clause before told
    for event in events:
        text = event.sources[0].text
        predicate = types.predicate(text)
        predicate_at = types.predicate_at(text)
        own = _own_dates(event, by_span, rules, predicate_at)
        after = _after_nouns(text, rules.place_nouns, gazetteer, rules.article_nouns)
        places = _places(event, after, rules, wide)
        provinces = {province_of[p] for p in event.places if p in province_of}
        for noun, name, ids, _ in after:
            if noun in rules.settlement_nouns:
                key = tuple(ids) or (fold(name).removeprefix("ال"),)
                named.setdefault(noun, Counter())[key] += 1
                where_named[key] = (set(key), {province_of[p] for p in ids if p in province_of})
                unknown.update([key] if not ids else [])
        unlisted = any(not n.ids and n.sure for n in after)  # a place the gazetteer does not know (`تل الخضر`, `ريف حماة`)
        referred = _referred(text, rules.settlement_nouns) if not places and named else None
        if referred in named:  # `في المدينة`: the city the text is about, named most so far
            key = max(named[referred].items(), key=lambda kv: kv[1])[0]
            places, provinces = where_named[key]
            unlisted = unlisted or key in unknown
        event = _toll_of_another_day(event, before, types, rules, predicate, own)
        speakers = rules.source(text) if types.family(event.type) == toll else frozenset()  # only tolls are told apart by their sources
        means = types.means(text, (types.family(event.type),))
        leaving = rules.leaving(text, predicate_at) if types.family(event.type) == rules.leaving_family else frozenset()
        ongoing, act = rules.tells_ongoing(text), rules.tells_act(text)
        found = None
        apart = rules.tells_apart(text, predicate_at)
        clause = _Reading(
            predicate, predicate_at, own, places, provinces, speakers,
            revises=types.family(event.type) in rules.tallied and _first_of(text, rules.revised) is not None,
            told=rules.told(text, predicate_at) if rules.tells_elsewhere(text) else None,
            means=means, leaving=leaving, ongoing=ongoing, act=act,
            opening=before is None or event.sources[0].sentence not in before.sentences,
            sides=frozenset(side.get(a, a) for a in event.actors if a not in victims) if types.family(event.type) in rules.parted else frozenset(),
        )
        if (
            before is not None
            and not apart
            and not (own and before.own_dates and not _same_time(own, before.own_dates))
            and _named_in(types.definite_predicate(text, rules.consequences), before)
        ):
            found = before  # `أدى الانفجار إلى ...` after `قتل ثلاثة بانفجار لغم`: the explosion told before
        elif not apart:
            found = _telling_of(event, clause, tellings, types, rules, heading)
        if found is None:
            # a happening the text tells without a place took place where the text last was
            where = (places, provinces) if places or provinces or event.sources[0].sentence in heading else last
            tellings.append(_Telling.of(event, own, *where))
            after_background = before is not None and before.background and _opens(text, rules.afterwards)
            tellings[-1].background = after_background or rules.tells_background(text, predicate_at)
            tellings[-1].ongoing = ongoing
        else:
            if _bare_count(event, predicate):
                found.counted |= places - found.places
            _join(found, event, own, places, provinces, heading, types)
        telling = found or tellings[-1]
        telling.losses = telling.losses or _first_of(text, rules.losses) is not None
        telling.clauses.append((text, predicate_at))
        telling.leaving |= leaving
        telling.sides |= clause.sides
        telling.unlisted = telling.unlisted or unlisted
        telling.act = telling.act or act
        if found is None or not rules.tells_circumstances(text):  # planes flying over a shelling do not make it an air strike
            telling.means = types.common_means(telling.means, means)
        if types.family(telling.type) == toll:
            telling.speakers.update(speakers or rules.source(text))
        last = (places, provinces) if (places or provinces) and not event.sources[0].aside else last  # after an aside the text is back where it was
        before = telling
    return [(t.event(), t.unlisted) for t in tellings]


def stable_ids(article_id: str, events: Sequence[Event]) -> list[Event]:
    """Each event with an id made of what it is: its report and the words of its first
    clause (folded, so a spelling fix of hamza or taa marbuta keeps it), and a count when
    the report says the same words twice. Adding or removing a sentence elsewhere in the
    report leaves it as it was (an id from offsets or positions would shift)."""
    seen: Counter[str] = Counter()
    out = []
    for event in events:
        words = _words(event.sources[0].text)
        digest = hashlib.blake2b(f"{article_id}\0{words}".encode(), digest_size=6).hexdigest()
        seen[digest] += 1
        suffix = f"-{seen[digest]}" if seen[digest] > 1 else ""
        out.append(replace(event, id=f"{article_id}-{digest}{suffix}"))
    return out


def _unlisted_located(places: Sequence[str], event: Event, gazetteer: Gazetteer, rules: HappeningRules, roles: PlaceRoles) -> tuple[str, ...]:
    """`places` without a province that its clauses name only beside a town the gazetteer
    does not know (`بلدة الطيانة بريف دير الزور`): it locates that town, as it would a
    known one (place_roles.yaml `locator_kinds`); `مدينة دير الزور` is the city, kept."""
    locators = gazetteer.ids_of_kinds(roles.locator_kinds)
    if not any(p in locators for p in places):
        return tuple(places)
    kept: set[str] = set()
    for source in event.sources:
        named = _after_nouns(source.text, rules.settlement_nouns, gazetteer)
        if any(not n.ids for n in named):
            kept.update(p for n in named for p in n.ids)
        else:
            kept.update(roles.where(source.text, gazetteer))
    return tuple(p for p in places if p not in locators or p in kept)


def _finest(places: Sequence[str], wide: frozenset[str]) -> tuple[str, ...]:
    """`places` without the wide ones when it has a finer one: where the text last was is
    the town it told of, not the region around it."""
    fine = tuple(p for p in places if p not in wide)
    return fine or tuple(places)


def _placed(events: Sequence[Event], unlisted: Sequence[bool], wide: frozenset[str] = frozenset()) -> list[Event]:
    """Each event whose clauses name no place where the text last was: the places of the
    event told before it, or before any, where the report is about (the first place it
    tells of), not those of a happening told aside inside another's clause (`Source.aside`);
    not one that took place at a place the gazetteer does not know
    (`unlisted`, one flag per event: see `gather`), nor one told after it: the text is
    then at that place, which it cannot name. A
    toll report counts the campaign the report is about, not the happening told before it
    (`ويأتي هذا الهجوم ليرفع إلى 1279 عدد قتلى التنظيم منذ أيلول` after a raid on a field):
    it takes where the report is about."""
    about = next((e.places for e in events if e.places), ())
    where = about
    out = []
    for event, elsewhere in zip(events, unlisted):
        if not event.places and where and not elsewhere:
            event = replace(event, places=about if event.type == TOLL else _finest(where, wide))
        out.append(event)
        if not all(s.aside for s in event.sources):  # after a happening told aside, the text is back where it was
            where = () if elsewhere and not event.places else event.places or where
    return out


def article_events(article: Article, extraction: Extraction, gazetteer: Gazetteer, types: TypeRules | None = None) -> list[Event]:
    """The events of one report: one per happening it tells, each with all its clauses as
    sources, and a headline made of its data (headlines.py)."""
    types = types or load_type_rules()
    rules, roles = load_happening_rules(), load_place_roles()
    sentences = split_sentences(article.body)
    heading = rules.heading(sentences)
    asking = {s.index for s in sentences if s.text.rstrip().endswith(rules.questions)}  # a question tells nothing
    spoke = lambda text: _first_of(text, rules.speaking)  # noqa: E731
    told = [e for e in clause_events(article, extraction, gazetteer, types, spoke) if e.sources[0].sentence not in asking]
    gathered = gather(told, extraction.dates, types, gazetteer, heading)
    # a province named in one clause only locates the town another clause of it names
    events = [replace(e, places=_unlisted_located(roles.located(e.places, gazetteer), e, gazetteer, rules, roles)) for e in stable_ids(article.id, [e for e, _ in gathered])]
    if roles.report_place:
        events = _placed(events, [unlisted for _, unlisted in gathered], roles.wide(gazetteer))
    names = {**{p.id: p.ar for p in gazetteer.places}, **{a.id: a.ar for a in gazetteer.actors}}
    categories = load_labels().figure_categories
    sides = {a.id: a.side for a in gazetteer.actors}
    return [replace(e, summary=headline(e, names, categories, sides=sides)) for e in events]
