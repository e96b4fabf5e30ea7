"""The base of the places' maps: country borders from Natural Earth, drawn into each map's
SVG at build time (world-atlas's TopoJSON, vendored), so a map page fetches nothing.

The countries, their Arabic names and where they are written come from data/basemap.yaml.
A border is cut to the map's frame by the SVG itself; points closer than a pixel to the
last one drawn are left out, so a place page's map stays a few kilobytes.
"""
from __future__ import annotations

import html
import json
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


@lru_cache(maxsize=1)
def countries(path: Path = DEFAULT_PATH) -> tuple[tuple[Country, ...], str]:
    """The countries of data/basemap.yaml with their borders, and the maps' credit line."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("countries"), dict) or not data.get("credit"):
        raise ContentError(path, None, "needs countries (id: {ar, label, theatre}) and credit")
    shapes = country_rings(json.loads(vendored_file("world-atlas", "countries-50m.json")))
    out = []
    for ident, about in data["countries"].items():
        if str(ident) not in shapes:
            raise ContentError(path, None, f"countries.{ident}: no such country in world-atlas")
        out.append(Country(str(ident), about["ar"], tuple(about["label"]), bool(about.get("theatre")), shapes[str(ident)]))
    return tuple(out), str(data["credit"])


def country_rings(topology: dict[str, Any]) -> dict[str, tuple[Ring, ...]]:
    """Each country's rings (lon, lat) of a world-atlas TopoJSON: its arcs are quantized and
    delta-encoded, and a ring is a list of arcs (~i: arc i reversed)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> Ring:
        points: Ring = []
        for i in indices:
            part = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(part if not points else part[1:])
        return points

    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(geometry["type"]) or []
        shapes[str(geometry.get("id"))] = tuple(ring(r) for polygon in polygons for r in polygon)
    return shapes


def _path(ring: Ring, project: Project) -> str:
    """An SVG path of a ring, without the points within a pixel of the last one kept."""
    kept: list[tuple[float, float]] = []
    for lon, lat in ring:
        x, y = project(lon, lat)
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= 1:
            kept.append((x, y))
    return "M" + "L".join(f"{x:.0f} {y:.0f}" for x, y in kept) + "Z" if len(kept) > 2 else ""


def base_layer(project: Project, width: float, height: float) -> str:
    """The SVG of the countries' borders and names under a map of `width` x `height`."""
    found, credit = countries()
    shapes, names = [], []
    for country in found:
        paths = "".join(_path(ring, project) for ring in country.rings)
        if paths:
            kind = "waqai-map-theatre" if country.theatre else "waqai-map-country"
            shapes.append(f'<path class="{kind}" d="{paths}"><title>{html.escape(country.ar)}</title></path>')
        x, y = project(*country.label)
        if 0 <= x <= width and 0 <= y <= height:
            names.append(f'<text x="{x:.0f}" y="{y:.0f}" class="waqai-map-country-name" text-anchor="middle">{html.escape(country.ar)}</text>')
    note = f'<text x="{width - 6:.0f}" y="{height - 6:.0f}" class="waqai-map-credit" direction="rtl" text-anchor="start">{html.escape(credit)}</text>'
    return f'<g class="waqai-map-base">{"".join(shapes)}{"".join(names)}{note}</g>'
