"""ACLED-compatible columns of an event, so a researcher can put the chronology beside
ACLED's data: event and sub-event type, the parties, where (governorate, place,
coordinates), time precision, fatalities, sources and a note. The mapping of types,
governorates and precisions is data (data/acled.yaml), shown on the methodology page.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..content.datafiles import PACKAGE_DATA, read_yaml, text_list
from ..errors import ContentError
from ..records import Actor, Event, Place
from .events import DATING_PRECISIONS, running
from .headlines import load_headline_rules, roles

DEFAULT_PATH = PACKAGE_DATA / "acled.yaml"
COLUMNS = ("event_type", "sub_event_type", "actor1", "actor2", "admin1", "location", "latitude", "longitude",
           "time_precision", "fatalities", "source", "notes")  # fmt: skip


@dataclass(frozen=True)
class AcledRules:
    types: dict[str, tuple[str, str]]
    government: frozenset[str]
    government_advance: str
    time_precision: dict[str, int]
    admin1: dict[str, str]


@lru_cache(maxsize=4)
def load_acled(path: Path = DEFAULT_PATH) -> AcledRules:
    """Read and check data/acled.yaml."""
    data = read_yaml(path)
    fields = {"types", "government", "government_advance", "time_precision", "admin1"}
    if not isinstance(data, dict) or set(data) != fields:
        raise ContentError(path, None, f"must have exactly {', '.join(sorted(fields))}")
    types = {}
    for kind, pair in (data["types"] or {}).items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            raise ContentError(path, None, f"types.{kind}: must be [event_type, sub_event_type]")
        types[str(kind)] = (pair[0], pair[1])
    return AcledRules(
        types,
        frozenset(text_list(path, "government", data["government"])),
        str(data["government_advance"]),
        _time_precision(path, data["time_precision"]),
        {str(k): str(v) for k, v in (data["admin1"] or {}).items()},
    )


def _time_precision(path: Path, table: Any) -> dict[str, int]:
    """ACLED's time_precision (1, 2 or 3) of each precision an event can be dated to."""
    if not isinstance(table, dict) or set(table) != set(DATING_PRECISIONS) or not all(v in (1, 2, 3) and isinstance(v, int) for v in table.values()):
        raise ContentError(path, None, f"time_precision: must give 1, 2 or 3 for each of {', '.join(DATING_PRECISIONS)}")
    return dict(table)


@dataclass(frozen=True)
class Gazette:
    """The places and parties an event's ids name."""

    places: Mapping[str, Place]
    actors: Mapping[str, Actor]
    sides: Mapping[str, str]  # party -> the side it fights on (content/actors.yaml `side`)

    @classmethod
    def of(cls, places: Iterable[Place], actors: Iterable[Actor]) -> Gazette:
        by_id = {a.id: a for a in actors}
        return cls({p.id: p for p in places}, by_id, {i: a.side for i, a in by_id.items()})


def fatalities(event: Event) -> int | None:
    """The dead of this happening: the largest count of killed that a report gives for it
    (several reports of one count do not add up); none for a running total."""
    counts = [f.value for _, f in event.figures if f.category == "killed" and f.value is not None and not running(f, event.date)]
    return int(max(counts)) if counts and event.type != "toll_report" else None


def acled_fields(event: Event, gazette: Gazette, rules: AcledRules | None = None) -> dict[str, Any]:
    """The ACLED columns of one event (COLUMNS), empty where the event does not say."""
    rules = rules or load_acled()
    event_type, sub_type = rules.types.get(event.type, rules.types["other"])
    actor1, actor2 = roles(event.actors, load_headline_rules(), gazette.sides)
    if event.type == "advance" and actor1 in rules.government:
        sub_type = rules.government_advance
    place = gazette.places.get(event.places[0]) if event.places else None
    name = lambda ident: gazette.actors[ident].en if ident in gazette.actors else ident or ""  # noqa: E731
    return {
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": name(actor1),
        "actor2": name(actor2),
        "admin1": rules.admin1.get(place.district, "") if place else "",
        "location": place.latin if place else "",
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "time_precision": rules.time_precision.get(event.precision),
        "fatalities": fatalities(event),
        "source": ";".join(dict.fromkeys(s.outlet or s.article_id for s in event.sources)),
        "notes": " ".join(event.sources[0].text.split()),  # the words of the report, as ACLED's notes describe
    }


@dataclass(frozen=True)
class TypeRow:
    """One type as the methodology page lists it: ours, its Arabic label, ACLED's pair."""

    id: str
    label: str
    event_type: str
    sub_event_type: str


def type_rows(labels: Any, rules: AcledRules | None = None) -> list[TypeRow]:
    """The mapping of our types onto ACLED's, in the order of data/acled.yaml."""
    rules = rules or load_acled()
    return [TypeRow(kind, labels.label("event_types", kind), *pair) for kind, pair in rules.types.items()]
