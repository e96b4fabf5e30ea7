"""The temporal language data (src/waqai/data/temporal/*.yaml), loaded once and checked.

Every name is stored folded (`waqai.extract.normalize.fold`) because the engine
matches folded text. Each name also gets its PDF form, where a lam-alef
ligature was extracted in reverse order (الثلاثاء -> الثالثاء, الأول -> األول):
a generic defect of PDF text, so it is derived here rather than listed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ...content.datafiles import PACKAGE_DATA, mapping, read_yaml, text_list
from ...errors import ContentError
from ..normalize import fold
from ..regex_cache import compiled

DATA_DIR = PACKAGE_DATA / "temporal"


@dataclass(frozen=True)
class GrammarWords:
    """The grammar's own words (data/temporal/grammar.yaml), folded, each a regex-ready
    alternation: the glue between the names of the other files."""

    article: str
    conjunction: str
    of: str
    day: str
    month: str
    year: str
    year_pair: str
    this: str
    same: str
    clock: str
    common_era: str
    hijri_era: str
    since: str


@dataclass(frozen=True)
class Lexicon:
    """Folded names mapped to what they mean."""

    months: dict[str, int]  # Gregorian month names (Arabic and English) -> 1..12
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]  # -> date.weekday()
    relative_days: dict[str, int]  # -> offset in days
    day_parts: dict[str, bool]  # -> True when a clock time in it is after noon
    modifiers: dict[str, str]  # -> current | previous | next | same
    periods: tuple[str, ...]
    pm_suffixes: tuple[str, ...]
    am_suffixes: tuple[str, ...]
    lead_words: tuple[str, ...]
    period_openers: tuple[str, ...]  # "منذ بدء ...": a date shortly after starts a period
    period_reach: int
    year_prepositions: frozenset[str]
    range_separators: tuple[str, ...]
    ordinal_nouns: frozenset[str]
    not_dates: tuple[str, ...]
    ordinals: dict[str, int]
    cardinals: dict[str, int]
    units: dict[str, tuple[str, str, int | None]]  # form -> (unit, precision, count)
    hedges: tuple[str, ...]
    back_words: tuple[str, ...]
    vague: tuple[str, ...]
    reporting_verbs: tuple[str, ...]
    complementizers: tuple[str, ...]
    max_gap_before: int
    max_gap_after: int
    publication_labels: tuple[str, ...]
    dateline_chars: int
    plausible_years: tuple[int, int]
    words: GrammarWords

    @cached_property
    def months_lower(self) -> dict[str, int]:
        """Month names in lower case: English names match in any case."""
        return {name.lower(): n for name, n in self.months.items()}

    @cached_property
    def since(self) -> re.Pattern[str]:
        """The grammar's "منذ", with or without its "و" (a lead word read whole)."""
        return compiled(f"(?:{self.words.conjunction})?(?:{self.words.since})")

    @cached_property
    def conjunction(self) -> re.Pattern[str]:
        return compiled(self.words.conjunction)

    @cached_property
    def not_date_set(self) -> frozenset[str]:
        return frozenset(self.not_dates)


def variants(name: str) -> list[str]:
    """The folded name and, if it has a lam-alef, its reversed PDF form."""
    folded = " ".join(fold(name).split())
    forms = [folded]
    if "لا" in folded:
        forms.append(folded.replace("لا", "ال"))
    return forms



def _int(path: Path, where: str, value: Any, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ContentError(path, None, f"{where}: must be a whole number from {low} to {high}, not {value!r}")
    return value


def _numbered(path: Path, where: str, entries: Any, high: int) -> dict[str, int]:
    """`[{number: n, names: [...]}, ...]` -> {folded name: n}."""
    if not isinstance(entries, list) or not entries:
        raise ContentError(path, None, f"{where}: must be a non-empty list of {{number, names}}")
    out: dict[str, int] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ContentError(path, None, f"{where}[{i}]: must be a mapping with number and names")
        number = _int(path, f"{where}[{i}].number", entry.get("number"), 0, high)
        for name in text_list(path, f"{where}[{i}].names", entry.get("names")):
            for form in variants(name):
                out[form] = number
    return out


def _named_numbers(path: Path, where: str, value: Any, high: int) -> dict[str, int]:
    """`{n: [names]}` -> {folded name: n}."""
    out: dict[str, int] = {}
    for key, names in mapping(path, value, where).items():
        number = _int(path, f"{where}.{key}", key, 1, high)
        for name in text_list(path, f"{where}.{key}", names):
            for form in variants(name):
                out[form] = number
    return out


def _folded_list(path: Path, where: str, value: Any) -> tuple[str, ...]:
    return tuple(form for name in text_list(path, where, value) for form in variants(name))


def _load(folder: Path, name: str) -> tuple[Path, Any]:
    path = folder / name
    data = read_yaml(path)
    if data is None:
        raise ContentError(path, None, "is empty")
    return path, data


@lru_cache(maxsize=4)
def lexicon(folder: Path = DATA_DIR) -> Lexicon:
    """The language data of `folder`, read and validated on first use."""
    path, months = _load(folder, "months.yaml")
    mapping(path, months, "top level")
    gregorian = _numbered(path, "gregorian", months.get("gregorian"), 12)
    ambiguous = frozenset(
        form.lower()
        for entry in months["gregorian"]
        for name in text_list(path, "gregorian.ambiguous", entry.get("ambiguous") or [])
        for form in variants(name)
    )
    if not ambiguous <= {name.lower() for name in gregorian}:
        raise ContentError(path, None, "gregorian: every ambiguous name must also be one of the month's names")
    hijri = _numbered(path, "hijri", months.get("hijri"), 12)
    if set(gregorian.values()) != set(range(1, 13)) or set(hijri.values()) != set(range(1, 13)):
        raise ContentError(path, None, "gregorian and hijri must each name the months 1 to 12")

    path, weekdays_data = _load(folder, "weekdays.yaml")
    weekdays = _numbered(path, "weekdays", weekdays_data, 6)
    if set(weekdays.values()) != set(range(7)):
        raise ContentError(path, None, "must name the weekdays 0 (Monday) to 6 (Sunday)")

    path, numbers = _load(folder, "numbers.yaml")
    mapping(path, numbers, "top level")
    ordinals = _named_numbers(path, "ordinals", numbers.get("ordinals"), 31)
    cardinals = _named_numbers(path, "cardinals", numbers.get("cardinals"), 1000)

    path, rel = _load(folder, "relative.yaml")
    mapping(path, rel, "top level")
    relative_days: dict[str, int] = {}
    for key, offset in mapping(path, rel.get("days"), "days").items():
        off = _int(path, f"days.{key}", offset, -7, 7)
        for form in variants(str(key)):
            relative_days[form] = off
    day_parts: dict[str, bool] = {}
    for i, entry in enumerate(rel.get("day_parts") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("pm"), bool):
            raise ContentError(path, None, f"day_parts[{i}]: must be a mapping with names and pm: true|false")
        for form in _folded_list(path, f"day_parts[{i}].names", entry.get("names")):
            day_parts[form] = entry["pm"]
    if not day_parts:
        raise ContentError(path, None, "day_parts: must list the parts of the day")
    modifiers: dict[str, str] = {}
    for kind in ("current", "previous", "next", "same"):
        for form in _folded_list(path, f"modifiers.{kind}", mapping(path, rel.get("modifiers"), "modifiers").get(kind)):
            modifiers[form] = kind

    path, dur = _load(folder, "durations.yaml")
    mapping(path, dur, "top level")
    units: dict[str, tuple[str, str, int | None]] = {}
    for i, entry in enumerate(dur.get("units") or []):
        if (
            not isinstance(entry, dict)
            or entry.get("unit") not in ("day", "week", "month", "year", "hour")
            or entry.get("precision") not in ("day", "month", "year", "none")
        ):
            raise ContentError(
                path, None, f"units[{i}]: needs unit (day|week|month|year|hour), precision (day|month|year|none) and forms"
            )
        for form, count in mapping(path, entry.get("forms"), f"units[{i}].forms").items():
            if count is not None:
                _int(path, f"units[{i}].forms.{form}", count, 1, 12)
            for f in variants(str(form)):
                units[f] = (str(entry.get("unit")), entry["precision"], count)

    path, vague = _load(folder, "vague.yaml")
    vague_list = _folded_list(path, "vague", vague)

    path, disc = _load(folder, "discourse.yaml")
    mapping(path, disc, "top level")
    years = disc.get("plausible_years")
    if not (isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years)):
        raise ContentError(path, None, "plausible_years: must be [first, last]")

    path, glue = _load(folder, "grammar.yaml")
    mapping(path, glue, "top level")
    keys = {"conjunction": "and"}  # `and` is a Python keyword
    words = GrammarWords(
        **{field: "|".join(re.escape(f) for f in _folded_list(path, keys.get(field, field), glue.get(keys.get(field, field))))
           for field in GrammarWords.__dataclass_fields__}
    )  # fmt: skip

    rel_path = folder / "relative.yaml"
    return Lexicon(
        months=gregorian,
        ambiguous_months=ambiguous,
        hijri_months=hijri,
        weekdays=weekdays,
        relative_days=relative_days,
        day_parts=day_parts,
        modifiers=modifiers,
        periods=_folded_list(rel_path, "periods", rel.get("periods")),
        pm_suffixes=_folded_list(rel_path, "pm_suffixes", rel.get("pm_suffixes")),
        am_suffixes=_folded_list(rel_path, "am_suffixes", rel.get("am_suffixes")),
        lead_words=_folded_list(rel_path, "lead_words", rel.get("lead_words")),
        period_openers=_folded_list(rel_path, "period_openers", rel.get("period_openers")),
        period_reach=_int(rel_path, "period_reach", rel.get("period_reach"), 0, 300),
        year_prepositions=frozenset(_folded_list(rel_path, "year_prepositions", rel.get("year_prepositions"))),
        range_separators=_folded_list(rel_path, "range_separators", rel.get("range_separators")),
        ordinal_nouns=frozenset(_folded_list(rel_path, "ordinal_nouns", rel.get("ordinal_nouns"))),
        not_dates=_folded_list(rel_path, "not_dates", rel.get("not_dates")),
        ordinals=ordinals,
        cardinals=cardinals,
        units=units,
        hedges=_folded_list(folder / "durations.yaml", "hedges", dur.get("hedges")),
        back_words=_folded_list(folder / "durations.yaml", "back", dur.get("back")),
        vague=vague_list,
        reporting_verbs=_folded_list(path, "reporting_verbs", disc.get("reporting_verbs")),
        complementizers=_folded_list(path, "complementizers", disc.get("complementizers")),
        max_gap_before=_int(path, "max_gap_before", disc.get("max_gap_before"), 0, 200),
        max_gap_after=_int(path, "max_gap_after", disc.get("max_gap_after"), 0, 100),
        publication_labels=_folded_list(path, "publication_labels", disc.get("publication_labels")),
        dateline_chars=_int(path, "dateline_chars", disc.get("dateline_chars"), 0, 5000),
        plausible_years=(years[0], years[1]),
        words=words,
    )
