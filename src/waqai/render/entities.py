"""Pages per place and per actor: their events, and a sketch map of the places.

The map is an inline SVG of the gazetteer's approximate coordinates: no tiles
are fetched, at build time or by the reader, and it prints.
"""
from __future__ import annotations

import hashlib
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import groupby
from pathlib import Path
from typing import Any

from ..content.datafiles import read_yaml
from ..errors import ContentError
from ..extract.gazetteer import PLACE_KINDS
from ..records import Place, Timeline
from .basemap import base_layer
from .output import Pieces

PLACES = "places/index.md"
ACTORS = "actors/index.md"
MAP_WIDTH, MAP_HEIGHT, MAP_PAD = 640, 420, 24
# Regions and provinces are areas, not points: they are listed but not drawn.
NEAR_DEGREES = 1.0  # a place page maps the places within this distance (lat and lon)
POINT_KINDS = {"city", "town", "village", "area", "camp", "oil_field", "airport"}


KINDS_PATH = Path(str(resources.files("waqai") / "data" / "place_kinds.yaml"))


@lru_cache(maxsize=2)
def load_place_kinds(path: Path = KINDS_PATH) -> dict[str, str]:
    """Arabic names of the gazetteer's kinds of place."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != PLACE_KINDS or not all(isinstance(v, str) and v for v in data.values()):
        raise ContentError(path, None, f"must name each kind of place: {', '.join(sorted(PLACE_KINDS))}")
    return data


# A place or an actor named by more events than this has a page per month for them, and
# its own page lists those months. At 10,000 reports the Islamic State is named by some
# 8,000 events: 11 MB on one page, too much for a phone, and rebuilt with every report.
ENTITY_PAGE_LIMIT = 150


def place_page(place_id: str) -> str:
    return f"places/{place_id}.md"


def actor_page(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def entity_month_page(page: str, month: str, number: int = 1) -> str:
    """Page `number` of the events of `month` (YYYY-MM) naming the place or actor of `page`."""
    return f"{page.removesuffix('.md')}/{month}.md" if number == 1 else f"{page.removesuffix('.md')}/{month}-{number}.md"


@dataclass(frozen=True)
class EntityMonth:
    """The events of one month naming a place or an actor that has too many for one page."""

    name: str  # the place's or the actor's
    entity_page: str
    key: str  # YYYY-MM
    page: str
    count: int
    events: tuple[Any, ...] = ()  # none in the list of its entity's months, which shows the count
    part: str = ""  # " (2/3)" for a month of more than the limit, on several pages


@dataclass(frozen=True)
class EntityView:
    """A place or an actor with the events that name it (views as the month pages show them)."""

    id: str
    name: str
    subtitle: str  # transliteration and kind / English name
    about: str
    page: str
    events: tuple[Any, ...]  # none when they are on its pages per month
    map_svg: str = ""
    months: tuple[EntityMonth, ...] = ()  # its pages per month, when it has more events than the limit

    @property
    def count(self) -> int:
        return len(self.events) + sum(month.count for month in self.months)

    def listing(self) -> EntityView:
        """This view as its own page shows it: its months without their events, which their
        pages show, so that a change to one month's events renders that month's page alone."""
        return replace(self, months=tuple(replace(month, events=()) for month in self.months)) if self.months else self


def _by_month(name: str, page: str, events: tuple[Any, ...], limit: int) -> tuple[EntityMonth, ...]:
    """The pages per month of an entity named by more than `limit` events, else none; a month
    of more than `limit` on several pages of `limit`. Its events are in timeline order, so
    each month's are together."""
    if len(events) <= limit:
        return ()
    out = []
    for month, found in groupby(events, key=lambda view: view.month):
        found = tuple(found)
        chunks = [found[start : start + limit] for start in range(0, len(found), limit)]
        for number, chunk in enumerate(chunks, 1):
            part = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
            out.append(EntityMonth(name, page, month, entity_month_page(page, month, number), len(chunk), chunk, part))
    return tuple(out)


def _entity(ident: str, name: str, subtitle: str, about: str, page: str, events: tuple[Any, ...], limit: int, map_svg: str = "") -> EntityView:
    """The view of a place or an actor: its events on its page, or past `limit` on its pages per month."""
    months = _by_month(name, page, events, limit)
    return EntityView(ident, name, subtitle, about, page, () if months else events, map_svg, months)


def sketch_map(places: Sequence[Place], url: Callable[[str], str | None], current: str | None = None) -> str:
    """An inline SVG of the places as points (equirectangular) on the borders of the countries
    around them (waqai.basemap), `current` highlighted; a point links to `url(id)` if any.
    Left out of the search index: its names are those of the places around, not the page's."""
    points = [p for p in places if p.kind in POINT_KINDS]
    if not points:
        return ""
    lats, lons = [p.lat for p in points], [p.lon for p in points]
    span_lon, span_lat = max(max(lons) - min(lons), 0.5), max(max(lats) - min(lats), 0.5)
    scale = min((MAP_WIDTH - 2 * MAP_PAD) / span_lon, (MAP_HEIGHT - 2 * MAP_PAD) / span_lat)
    west, south = min(lons), min(lats)  # once: the base layer projects thousands of points

    def project(lon: float, lat: float) -> tuple[float, float]:
        return MAP_PAD + (lon - west) * scale, MAP_HEIGHT - MAP_PAD - (lat - south) * scale

    def xy(p: Place) -> tuple[float, float]:
        return project(p.lon, p.lat)

    marks = [base_layer(project, MAP_WIDTH, MAP_HEIGHT)]
    for p in sorted(points, key=lambda p: p.id == current):
        x, y = xy(p)
        mine = p.id == current
        label = html.escape(f"{p.ar} ({p.latin})")
        dot = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{7 if mine else 4}" class="waqai-map-{"here" if mine else "place"}"><title>{label}</title></circle>'
        text = f'<text x="{x + 9:.1f}" y="{y + 4:.1f}" class="waqai-map-label">{html.escape(p.ar)}</text>' if mine else ""
        href = url(p.id)
        marks.append((f'<a href="{html.escape(href)}">{dot}</a>' if href else dot) + text)
    return (
        f'<svg class="waqai-map" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" role="img" dir="ltr" data-search-exclude '
        f'aria-label="خريطة تقريبية للأماكن">{"".join(marks)}</svg>'
    )


def _around(places: Sequence[Place], center: Place) -> list[Place]:
    """The places near `center`, so a village's map is not a dot in all of Syria."""
    return [p for p in places if abs(p.lat - center.lat) <= NEAR_DEGREES and abs(p.lon - center.lon) <= NEAR_DEGREES]


def _events_naming(timeline: Timeline, attribute: str, views: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """The views of the events naming each place or actor (`attribute`), in timeline order: one pass over the events."""
    named: dict[str, list[Any]] = {}
    for event in timeline.events:
        for ident in dict.fromkeys(getattr(event, attribute)):
            named.setdefault(ident, []).append(views[event.id])
    return {ident: tuple(found) for ident, found in named.items()}


def kept_map(places: Sequence[Place], url: Callable[[str], str | None], current: str, pieces: Pieces | None) -> str:
    """sketch_map, or with `pieces` the map an earlier build drew of the same places, links and
    place highlighted: a build draws every place's map, 300 of them, though one report changed."""
    if pieces is None:
        return sketch_map(places, url, current)
    made_of = repr((tuple(places), tuple(url(p.id) for p in places), current)).encode("utf-8")
    key = f"map:{hashlib.blake2b(made_of, digest_size=16).hexdigest()}"
    found = pieces.known(key)
    if found is None:
        found = sketch_map(places, url, current)
        pieces.keep(key, found)
    return found


def place_views(
    timeline: Timeline, views: dict[str, Any], url: Callable[[str, str], str], limit: int = ENTITY_PAGE_LIMIT,
    pieces: Pieces | None = None,
) -> list[EntityView]:
    """Views of the places some event names, in gazetteer order; `url(here, target)` links
    two pages; a place named by more than `limit` events lists them by month (_by_month);
    `pieces` keeps the places' maps for the next build (kept_map)."""
    kinds = load_place_kinds()
    named = _events_naming(timeline, "places", views)
    out = []
    for place in timeline.places:
        if place.id not in named:
            continue
        page = place_page(place.id)
        out.append(
            _entity(
                place.id, place.ar, f"{place.latin} · {kinds.get(place.kind, place.kind)} · {place.district}",
                f"{place.lat:.2f}, {place.lon:.2f}", page, named[place.id], limit,
                kept_map(_around(timeline.places, place), lambda other, here=page: url(here, place_page(other)) if other in named else None, place.id, pieces),
            )
        )  # fmt: skip
    return out


def places_map(timeline: Timeline, views: dict[str, Any], url: Callable[[str, str], str]) -> str:
    """The map of the places index: every place with events links to its page."""
    named = _events_naming(timeline, "places", views)
    return sketch_map(timeline.places, lambda other: url(PLACES, place_page(other)) if other in named else None)


def actor_views(timeline: Timeline, views: dict[str, Any], limit: int = ENTITY_PAGE_LIMIT) -> list[EntityView]:
    """Views of the actors some event names, in the order of content/actors.yaml; one named
    by more than `limit` events lists them by month (_by_month)."""
    named = _events_naming(timeline, "actors", views)
    out = []
    for actor in timeline.actors:
        events = named.get(actor.id)
        if events:
            out.append(_entity(actor.id, actor.ar, actor.en, actor.about, actor_page(actor.id), events, limit))
    return out

