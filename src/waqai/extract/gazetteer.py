"""Finding names (places, parties, keywords) in Arabic text through clitics and spellings.

A name is written with the conjunctions و/ف, the prepositions ب/ل/ك and the
article ال glued to it (`بالباغوز`, `وللرقة`, `لقسد`), and with variable hamza,
taa marbuta and alif maqsura. Both the text and the names are folded
(`normalize.fold`) and the article is dropped from both, so one entry in a data
file matches every written form. `prefix=True` indexes stems (`اشتباك` matches
`الاشتباكات`), which is what event keywords need.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

from ..content.datafiles import PACKAGE_DATA, check_fields, mapping_of_mappings, read_yaml, text_list
from ..errors import ContentError
from ..records import Actor, Place
from .normalize import fold, normalize

_WORD = re.compile(r"\w+")
# Clitics that can precede a name, longest first: conjunction, then preposition.
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك", "")
_MIN_STEM = 2
_FOUND_MAX = 4096  # texts whose names an index remembers


@dataclass(frozen=True)
class Match:
    """One name found in a text: what it refers to and where (original offsets)."""

    id: str
    start: int
    end: int
    text: str


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def readings(word: str) -> set[str]:
    """Every way to read a folded word as clitics + a bare stem (`وبالباغوز` -> `باغوز`, ...)."""
    out: set[str] = set()
    for clitic in _PROCLITICS:
        if not word.startswith(clitic):
            continue
        rest = word[len(clitic) :]
        if clitic.endswith("ل") and rest.startswith("ل"):  # ل + ال is written لل
            out.add(_strip_article("ا" + rest))
        if len(rest) >= _MIN_STEM:
            out.add(_strip_article(rest))
    return out


@lru_cache(maxsize=1 << 16)
def _sorted_readings(word: str) -> tuple[str, ...]:
    """`readings`, longest first (fewest clitics assumed), for every index that reads the word."""
    return tuple(sorted(readings(word), key=lambda r: (-len(r), r)))


def term_key(term: str) -> tuple[str, ...]:
    """The folded, article-less words a name is looked up by."""
    return tuple(_strip_article(w) for w in _WORD.findall(fold(term)))


@lru_cache(maxsize=1 << 17)
def _piece_words(piece: str) -> tuple[str, ...]:
    """The folded words of a piece of text between spaces (cached: pieces recur across reports)."""
    return tuple(_WORD.findall(fold(piece)))


@lru_cache(maxsize=256)  # a clause is looked up in several indexes in a row (event keywords, actors, places)
def text_words(text: str) -> tuple[str, ...]:
    """The words of `normalize(text).text`, without its cost per character.

    Folding neither makes nor removes a space and no word spans one, so a text's
    words are those of its space-separated pieces in order; the same pieces (names,
    phrasing) recur across thousands of reports, and each is folded and cut once.
    """
    return tuple(chain.from_iterable(map(_piece_words, text.split())))


def _word_starts(folded: str, words: Sequence[str]) -> list[int]:
    """Where each of the first `words` of a folded text starts: the next occurrence of each word,
    since only characters that are not word characters lie between two words."""
    starts, at = [], 0
    for word in words:
        at = folded.index(word, at)
        starts.append(at)
        at += len(word)
    return starts


Entry = tuple[tuple[str, ...], str]  # the words after the first, the id


class TermIndex:
    """Names -> ids, found in text longest first, never overlapping."""

    def __init__(self, terms: Iterable[tuple[str, str]], prefix: bool = False):
        self.prefix = prefix
        self._by_first: dict[str, list[Entry]] = {}
        for term, ident in terms:
            key = term_key(term)
            if key:
                self._by_first.setdefault(key[0], []).append((key[1:], ident))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._head_lengths = sorted({len(first) for first in self._by_first if len(first) > _MIN_STEM}, reverse=True)
        # What a reading of a word must be (or, for stems, begin with) to start a name: most
        # words start none, and are told so by a set look-up or two.
        self._stub = self._head_lengths[-1] if prefix and self._head_lengths else 0  # the shortest first word's length
        self._stubs = frozenset(first[: self._stub] for first in self._by_first if len(first) > _MIN_STEM) if prefix else frozenset(self._by_first)
        # The same words recur across thousands of reports: each is read once, and a
        # text's words are checked against `_starts` as one set operation.
        self._entries_of: dict[str, tuple[Entry, ...]] = {}  # every word seen -> the names it can start
        self._starts: set[str] = set()  # the words seen that can start a name
        # The names found in the texts searched lately: the rules of the timeline search one
        # clause several times in a row (its predicate, its parties, where it happened).
        self._found: dict[str, tuple[Match, ...]] = {}

    def _learn(self, words: Iterable[str]) -> None:
        """Read new words: the names each can start, longest first, in the order they are tried.

        The stable sort keeps, among names of one length, the order of the readings
        (fewest clitics assumed first), so the first name that matches is the one to keep.
        """
        for word in words:
            if not self._may_start(_sorted_readings(word)):
                self._entries_of[word] = ()
                continue
            found = [entry for head in self._readings_heads(word) for entry in self._by_first.get(head, ())]
            self._entries_of[word] = tuple(sorted(found, key=lambda e: -len(e[0])))
            if found:
                self._starts.add(word)

    def _may_start(self, readings: tuple[str, ...]) -> bool:
        """Whether some reading is a first word (or, for stems, opens like one): false for most words."""
        if self.prefix:
            return any(reading[: self._stub] in self._stubs for reading in readings)
        return not self._stubs.isdisjoint(readings)

    def _readings_heads(self, word: str) -> Iterable[str]:
        for reading in _sorted_readings(word):
            if self.prefix:  # only the lengths of some first word can match
                yield from (reading[:n] for n in self._head_lengths if n <= len(reading))
            else:
                yield reading

    def _completes(self, rest: tuple[str, ...], words: Sequence[str], at: int) -> bool:
        """Whether `words` from index `at` on begin with `rest` (no slicing: a long text stays linear)."""
        if len(words) - at < len(rest):
            return False
        for want, got in zip(rest, words[at : at + len(rest)]):
            got = _strip_article(got)
            if not (got.startswith(want) if self.prefix else got == want):
                return False
        return True

    def _longest_at(self, words: Sequence[str], i: int) -> Entry | None:
        """The first name (longest first) that starts at `words[i]` and the words after it complete."""
        after = _strip_article(words[i + 1]) if i + 1 < len(words) else ""
        for rest, ident in self._entries_of[words[i]]:
            if not rest:  # the one-word names come last, and always match
                return rest, ident
            # most names fail on their second word: test it before the whole rest
            if (after.startswith(rest[0]) if self.prefix else after == rest[0]) and self._completes(rest, words, i + 1):
                return rest, ident
        return None

    def _spans(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        """(first word, word after the last, id) of each name in `words`, left to right."""
        self._learn(set(words).difference(self._entries_of))
        starts = self._starts.intersection(words)
        spans: list[tuple[int, int, str]] = []
        free = 0  # the first word not inside a name already found
        for i, word in enumerate(words if starts else ()):
            if i < free or word not in starts:
                continue
            entry = self._longest_at(words, i)
            if entry is not None:
                free = i + len(entry[0]) + 1
                spans.append((i, free, entry[1]))
        return spans

    def find(self, text: str) -> list[Match]:
        """All names in `text`, with offsets into `text` itself."""
        found = self._found.get(text)
        if found is None:
            if len(self._found) >= _FOUND_MAX:
                self._found.clear()
            found = self._found[text] = tuple(self._find(text))
        return list(found)

    def _find(self, text: str) -> list[Match]:
        words = text_words(text)
        spans = self._spans(words)
        if not spans:
            return []
        norm = normalize(text)
        starts = _word_starts(norm.text, words[: spans[-1][1]])
        found = []
        for first, end, ident in spans:
            start, stop = norm.span(starts[first], starts[end - 1] + len(words[end - 1]))
            found.append(Match(ident, start, stop, text[start:stop]))
        return found

    def ids(self, text: str) -> list[str]:
        """Distinct ids named in `text`, in order of first mention: what `find` finds, without offsets."""
        return list(dict.fromkeys(ident for _, _, ident in self._spans(text_words(text))))


# --- Editorial data: the places and parties the matching serves --------------------

PLACE_KINDS = {"city", "town", "village", "area", "camp", "oil_field", "airport", "region", "province"}
PARTIES_PATH = PACKAGE_DATA / "figures" / "parties.yaml"


@dataclass(frozen=True)
class Gazetteer:
    """Places and actors with the indexes that find them in text."""

    places: tuple[Place, ...]
    actors: tuple[Actor, ...]
    place_index: TermIndex
    actor_index: TermIndex

    @classmethod
    def of(cls, places: Iterable[Place], actors: Iterable[Actor]) -> Gazetteer:
        places, actors = tuple(places), tuple(actors)
        place_terms = [(name, p.id) for p in places if not p.common_word for name in (p.ar, *p.variants)]
        actor_terms = [(name, a.id) for a in actors for name in (a.ar, *a.aliases)]
        return cls(places, actors, TermIndex(place_terms), TermIndex(actor_terms))

    def place(self, ident: str) -> Place | None:
        return next((p for p in self.places if p.id == ident), None)

    @cached_property
    def _by_kind(self) -> dict[str, frozenset[str]]:
        """Place ids by kind, made once per gazetteer: the timeline asks for every clause."""
        found: dict[str, set[str]] = {}
        for p in self.places:
            found.setdefault(p.kind, set()).add(p.id)
        return {kind: frozenset(ids) for kind, ids in found.items()}

    def ids_of_kinds(self, kinds: Iterable[str]) -> frozenset[str]:
        """The ids of the places of `kinds`."""
        return frozenset().union(*(self._by_kind.get(kind, frozenset()) for kind in kinds))


def _number(path: Path, where: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ContentError(path, None, f"{where}: must be a number, not {value!r}")
    return float(value)


def load_places(path: Path) -> tuple[Place, ...]:
    """Read and check content/places.yaml."""
    places = []
    for ident, fields in mapping_of_mappings(path, read_yaml(path)).items():
        check_fields(path, ident, fields, {"ar", "latin", "kind", "district", "lat", "lon"}, {"variants", "common_word"})
        if fields["kind"] not in PLACE_KINDS:
            raise ContentError(path, None, f"{ident}: kind must be one of {', '.join(sorted(PLACE_KINDS))}")
        lat, lon = _number(path, f"{ident}.lat", fields["lat"]), _number(path, f"{ident}.lon", fields["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ContentError(path, None, f"{ident}: lat/lon out of range")
        places.append(
            Place(
                id=ident,
                ar=text_list(path, f"{ident}.ar", fields["ar"])[0],
                latin=text_list(path, f"{ident}.latin", fields["latin"])[0],
                kind=fields["kind"],
                district=text_list(path, f"{ident}.district", fields["district"])[0],
                lat=lat,
                lon=lon,
                variants=tuple(text_list(path, f"{ident}.variants", fields.get("variants", []))),
                common_word=bool(fields.get("common_word", False)),
            )
        )
    return tuple(places)


def load_party_aliases(path: Path = PARTIES_PATH) -> dict[str, tuple[str, ...]]:
    """Aliases per party id from the figures extractor's parties file (absent: none)."""
    if not path.exists():
        return {}
    data = read_yaml(path)
    if isinstance(data, dict) and isinstance(data.get("parties"), dict):
        data = data["parties"]
    if not isinstance(data, dict):
        raise ContentError(path, None, "must be a mapping of party id: aliases")
    out: dict[str, tuple[str, ...]] = {}
    for ident, value in data.items():
        aliases = value.get("aliases", []) if isinstance(value, dict) else value
        out[str(ident)] = tuple(text_list(path, f"{ident}.aliases", aliases))
    return out


def load_actors(path: Path, aliases: dict[str, tuple[str, ...]]) -> tuple[Actor, ...]:
    """Read and check content/actors.yaml; each actor takes the aliases of its party id."""
    actors = []
    for ident, fields in mapping_of_mappings(path, read_yaml(path)).items():
        check_fields(path, ident, fields, {"ar", "en"}, {"about", "side"})
        actors.append(
            Actor(
                id=ident,
                ar=text_list(path, f"{ident}.ar", fields["ar"])[0],
                en=text_list(path, f"{ident}.en", fields["en"])[0],
                about=str(fields.get("about", "")).strip(),
                aliases=aliases.get(ident, ()),
                side=str(fields.get("side", "")).strip(),
            )
        )
    return tuple(actors)


GAZETTEER_FILES = ("places.yaml", "actors.yaml")  # in a content folder
# What the site loses without each of them: a build goes on, but says so.
LOST_WITHOUT = {
    "places.yaml": "no place is found in the reports, so the site has no place pages and no map",
    "actors.yaml": "no party is found in the reports, so the site has no actor pages",
}


def missing_gazetteer(content_dir: Path) -> list[ContentError]:
    """A warning for each gazetteer file missing from a content folder, naming what the site loses
    (deleted by mistake, they would take dozens of pages away without a word)."""
    missing = [name for name in GAZETTEER_FILES if not (content_dir / name).exists()]
    return [ContentError(content_dir / name, None, f"warning: missing: {LOST_WITHOUT[name]}; restore it from git") for name in missing]


def load_gazetteer(content_dir: Path, parties_path: Path = PARTIES_PATH) -> Gazetteer:
    """The gazetteer of a content folder (places.yaml, actors.yaml); missing files give an empty one."""
    places_path, actors_path = (content_dir / name for name in GAZETTEER_FILES)
    places = load_places(places_path) if places_path.exists() else ()
    actors = load_actors(actors_path, load_party_aliases(parties_path)) if actors_path.exists() else ()
    return Gazetteer.of(places, actors)
