"""Plotly figure specs (JSON) for the charts, and the static table each one falls back to.

Specs are plain dicts (the JSON plotly.js reads), drawn in the browser by
assets/charts.js, which also follows the light/dark palette. Every point
carries, in its hover and in the table, the report it comes from; a bound
(`أقل من 3`) is drawn with its own marker, never as a plain point.
"""
from __future__ import annotations

import html
import json
import math
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from .content import ContentError
from .datafiles import read_yaml
from .pages import report_page, sentence_anchor
from .records import Timeline

DEFAULT_PATH = Path(str(resources.files("waqai") / "data" / "charts.yaml"))
CHARTS = ("territory", "tolls", "exits")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most", "vague")
# Marker per qualifier: a bound points the way the truth lies.
SYMBOLS = {
    "exact": "circle",
    "approx": "circle-open",
    "more_than": "triangle-up",
    "at_least": "triangle-up-open",
    "less_than": "triangle-down",
    "at_most": "triangle-down-open",
    "vague": "triangle-up-open",
}

# A link to a report's sentence from the page the chart is on: (report id, sentence) -> URL.
Linker = Callable[[str, int], str]


@dataclass(frozen=True)
class ChartWords:
    charts: dict[str, dict[str, str]]
    words: dict[str, str]
    qualifiers: dict[str, str]


@lru_cache(maxsize=4)
def load_words(path: Path = DEFAULT_PATH) -> ChartWords:
    """Read and check data/charts.yaml."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != {"charts", "words", "qualifiers"}:
        raise ContentError(path, None, "must have exactly charts, words, qualifiers")
    charts = data["charts"]
    if not isinstance(charts, dict) or set(charts) != set(CHARTS):
        raise ContentError(path, None, f"charts: must describe exactly {', '.join(CHARTS)}")
    for name, chart in charts.items():
        if not isinstance(chart, dict) or not {"title", "y", "caption", "series"} <= set(chart):
            raise ContentError(path, None, f"charts.{name}: needs title, y, caption, series")
    if set(data["qualifiers"] or {}) != set(QUALIFIERS):
        raise ContentError(path, None, f"qualifiers: must name exactly {', '.join(QUALIFIERS)}")
    return ChartWords(charts, {str(k): str(v) for k, v in data["words"].items()}, {k: v or "" for k, v in data["qualifiers"].items()})


@dataclass(frozen=True)
class Chart:
    """One chart: its id (HTML), its Plotly spec, and the rows of its fallback table."""

    id: str
    title: str
    caption: str
    spec: dict[str, Any]
    table: list[dict[str, str]]  # column label -> cell HTML


def _clean(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def value_text(row: Mapping[str, Any], words: ChartWords) -> str:
    """`أقل من 3 كلم مربع`: the number as the report gave it, qualifier first."""
    number = f"{row['value']:,.0f}" if _clean(row["value"]) is not None else "؟"
    unit = f" {words.words['km2']}" if row["unit"] == "km2" else ""
    qualifier = words.qualifiers.get(row["qualifier"], "")
    return f"{qualifier} {number}{unit}".strip()


def source_text(row: Mapping[str, Any]) -> str:
    published = row["published"].isoformat() if _clean(row["published"]) is not None else "؟"
    return f"{row['outlet'] or row['article_id']}، {published}"


def _series_name(key: Any, since: Any, names: dict[str, str], words: ChartWords) -> str:
    name = names.get(key, key) if _clean(key) is not None else words.words["unknown"]
    return f"{name} ({words.words['since']} {since})" if _clean(since) is not None else name


def build_chart(
    name: str, frame: pd.DataFrame, series: list[str], names: dict[str, str], link: Linker, words: ChartWords | None = None
) -> Chart:
    """A chart of `frame` (a series.py frame) with one trace per value of the `series` columns."""
    words = words or load_words()
    meta = words.charts[name]
    traces, table = [], []
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    every = frame.to_dict("records")  # plain dicts, by position: a pandas row per point is slow
    groups = frame.groupby(series, dropna=False, sort=False) if len(frame) else []
    for key, rows in groups:
        key = key if isinstance(key, tuple) else (key,)
        label = _series_name(key[0], key[1] if len(key) > 1 else None, names, words)
        records = [every[i] for i in rows.index]
        custom = [[value_text(r, words), source_text(r), link(r["article_id"], int(r["sentence"]))] for r in records]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": label,
                "x": [d.date().isoformat() for d in rows["date"]],
                "y": [_clean(v) for v in rows["plotted"]],
                "marker": {"size": 11, "symbol": [SYMBOLS.get(q, "circle") for q in rows["qualifier"]]},
                "line": {"width": 1.5, "dash": "dot"},
                "customdata": custom,
                "hovertemplate": "%{x|%Y-%m-%d}<br><b>%{customdata[0]}</b><br>%{customdata[1]}<extra>" + html.escape(label) + "</extra>",
            }
        )
        for r, (shown, source, url) in zip(records, custom):
            table.append(
                {
                    words.words["date"]: r["date"].date().isoformat(),
                    meta["series"]: html.escape(label),
                    words.words["value"]: html.escape(shown),
                    words.words["source"]: f'<a href="{html.escape(url)}">{html.escape(source)}</a>',
                }
            )
    spec = {
        "data": traces,
        "layout": {
            "xaxis": {"type": "date", "title": {"text": words.words["date"]}},
            "yaxis": {"type": "log" if name == "territory" else "linear", "title": {"text": meta["y"]}, "rangemode": "tozero"},
            "legend": {"orientation": "h", "y": -0.25},
            "margin": {"l": 60, "r": 20, "t": 20, "b": 40},
            "hovermode": "closest",
            "showlegend": True,
        },
        "config": {"responsive": True, "displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]},
    }
    return Chart(f"chart-{name}", meta["title"], meta["caption"], spec, table)


def chart_html(chart: Chart, words: ChartWords | None = None) -> str:
    """The chart's HTML block: a left-to-right container, its spec, its caption and its table.

    One block without blank lines, so Markdown passes it through untouched. The spec
    is an attribute, not an inline <script>: Material's instant navigation re-creates
    a page's inline scripts without their attributes, and a JSON script would then
    run as JavaScript.
    """
    words = words or load_words()
    columns = list(chart.table[0]) if chart.table else []
    head = "".join(f"<th>{c}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{row[c]}</td>" for c in columns) + "</tr>" for row in chart.table)
    return "\n".join(
        [
            f'<figure class="waqai-chart-block" id="{chart.id}-block">',
            f"<figcaption><strong>{html.escape(chart.title)}</strong><br><small>{html.escape(chart.caption)}</small></figcaption>",
            f'<div class="waqai-chart" id="{chart.id}" dir="ltr" role="img" aria-label="{html.escape(chart.title)}"'
            f' data-spec="{html.escape(json.dumps(chart.spec, ensure_ascii=False, separators=(",", ":")))}"></div>',
            f'<details class="waqai-chart-fallback"><summary>{words.words["table"]}</summary>',
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>",
            "</details>",
            "</figure>",
        ]
    )


_ODD_PARTS = frozenset({"", ".", ".."})  # what only posixpath.relpath resolves right


def relative_path(target: str, start: str) -> str:
    """posixpath.relpath for the site's own paths (relative, already normal), without its
    two abspath calls: links are made tens of thousands of times per build."""
    target_parts = target.split("/") if target != "." else []
    start_parts = start.split("/") if start != "." else []
    if _ODD_PARTS.intersection(target_parts) or _ODD_PARTS.intersection(start_parts):
        return posixpath.relpath(target, start)
    common = 0
    for mine, theirs in zip(target_parts, start_parts):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:]) or "."


def _folder(md: str) -> str:
    """The folder a page is served from: `reports/x.md` -> `reports/x`, `index.md` -> `.`."""
    stem = md[: -len(".md")]
    return "." if stem == "index" else (stem[: -len("/index")] if stem.endswith("/index") else stem)


def page_url(here: str, target: str, anchor: str | None = None) -> str:
    """The URL from page `here` to page `target` (docs-relative .md paths) in the built site.

    Raw HTML is not rewritten by MkDocs, so chart links are written as the site
    serves pages: `reports/x.md` is `reports/x/` (directory URLs).
    """
    url = relative_path(_folder(target), _folder(here))
    url = "./" if url == "." else url + "/"
    return f"{url}#{anchor}" if anchor else url


def home_charts(timeline: Timeline, here: str) -> list[str]:
    """The HTML blocks of the home page's charts: territory held by IS, cumulative tolls."""
    if timeline.series is None:
        return []
    names = {p.id: p.ar for p in timeline.places} | {a.id: a.ar for a in timeline.actors}

    def link(article_id: str, sentence: int) -> str:
        return page_url(here, report_page(article_id), sentence_anchor(sentence))

    charts = [
        build_chart("territory", timeline.series.territory, ["pocket"], names, link),
        build_chart("tolls", timeline.series.tolls, ["party", "since"], names, link),
    ]
    return [chart_html(c) for c in charts]
