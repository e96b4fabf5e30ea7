"""Plotly figure specs (JSON) for the charts, and the static table each one falls back to.

Specs are plain dicts (the JSON plotly.js reads), drawn in the browser by
assets/charts.js, which also follows the light/dark palette. Every point
carries, in its hover and in the table, the report it comes from; a bound
(`أقل من 3`) is drawn with its own marker, never as a plain point. A chart of
many readings draws the latest of each day or week (thinned) and its table the
latest points, every reading staying in figures.csv. A chart's
traces (chart_traces) are the same on every page and only its links differ
(page_chart), so the home and print pages read the series once.
"""
from __future__ import annotations

import html
import json
import math
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from ..content.datafiles import read_yaml
from ..content.pages import report_page, sentence_anchor
from ..errors import ContentError
from ..records import Timeline
from .downloads import FOLDER

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

# Text inside a chart is laid out left to right (Plotly breaks in a right-to-left box): an
# Arabic date drawn there starts with a right-to-left mark, or its day is put after its month.
RLM = "\u200f"

# A link to a report's sentence from the page the chart is on: (report id, sentence) -> URL.
Linker = Callable[[str, int], str]


@dataclass(frozen=True)
class ChartWords:
    charts: dict[str, dict[str, str]]
    words: dict[str, str]
    qualifiers: dict[str, str]
    locale: dict[str, Any]  # plotly.js's locale module (Plotly.register): months, buttons

    def day_text(self, iso: str) -> str:
        """`2019-02-09` as the sources write a day: `9 شباط 2019` (`2019-02`: `شباط 2019`);
        anything else as it is."""
        parts = iso.split("-")
        if not (1 < len(parts) <= 3 and all(part.isdigit() for part in parts)):
            return iso
        month = f"{self.locale['format']['months'][int(parts[1]) - 1]} {parts[0]}"
        return f"{int(parts[2])} {month}" if len(parts) == 3 else month


@lru_cache(maxsize=4)
def load_words(path: Path = DEFAULT_PATH) -> ChartWords:
    """Read and check data/charts.yaml."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != {"charts", "words", "qualifiers", "locale"}:
        raise ContentError(path, None, "must have exactly charts, words, qualifiers, locale")
    charts = data["charts"]
    if not isinstance(charts, dict) or set(charts) != set(CHARTS):
        raise ContentError(path, None, f"charts: must describe exactly {', '.join(CHARTS)}")
    for name, chart in charts.items():
        if not isinstance(chart, dict) or not {"title", "y", "caption", "series"} <= set(chart):
            raise ContentError(path, None, f"charts.{name}: needs title, y, caption, series")
    if set(data["qualifiers"] or {}) != set(QUALIFIERS):
        raise ContentError(path, None, f"qualifiers: must name exactly {', '.join(QUALIFIERS)}")
    locale = data["locale"]
    if not isinstance(locale, dict) or not {"name", "format", "dictionary"} <= set(locale) or len(locale["format"].get("months") or []) != 12:
        raise ContentError(path, None, "locale: needs name, format (with 12 months) and dictionary")
    return ChartWords(
        charts,
        {str(k): str(v) for k, v in data["words"].items()},
        {k: v or "" for k, v in data["qualifiers"].items()},
        {"moduleType": "locale", **locale},
    )


@dataclass(frozen=True)
class Chart:
    """One chart: its id (HTML), its Plotly spec, and the rows of its fallback table."""

    id: str
    title: str
    caption: str
    spec: dict[str, Any]
    table: list[dict[str, str]]  # column label -> cell HTML
    note: str = ""  # how the points were thinned (thinned), when they were
    table_note: str = ""  # HTML: the table's rows are the latest of more, and where all of them are


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


def records(frame: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, Any]]:
    """The rows of `frame` as plain dicts of `columns`, the values DataFrame.to_dict gives, read
    column by column: pandas converts a whole column at once quickly, a record at a time slowly."""
    return [dict(zip(columns, values)) for values in zip(*(frame[c].tolist() for c in columns))]


def days(dates: pd.Series) -> list[date]:
    """The day of each date, all converted by numpy at once (a Timestamp each is slow)."""
    return dates.to_numpy().astype("datetime64[D]").tolist()


def _series_name(key: Any, since: Any, names: dict[str, str], words: ChartWords) -> str:
    name = names.get(key, key) if _clean(key) is not None else words.words["unknown"]
    return f"{name} ({words.words['since']} {words.day_text(str(since))})" if _clean(since) is not None else name


@dataclass(frozen=True)
class Trace:
    """One line of a chart as every page draws it: only the links to the reports depend on
    the page, so they are kept as the sentences they lead to."""

    label: str
    dates: list[str]  # YYYY-MM-DD of each point
    values: list[Any]  # the y of each point, None where it has none
    symbols: list[str]
    texts: list[str]  # value_text of each point
    sources: list[str]  # source_text of each point
    sentences: list[tuple[str, int]]  # (report id, sentence index) each point links to

    @cached_property  # escaped once for all the pages that show the table
    def table_texts(self) -> tuple[str, list[str], list[str]]:
        """The label, the texts and the sources, escaped for the fallback table."""
        return html.escape(self.label), [html.escape(t) for t in self.texts], [html.escape(s) for s in self.sources]


# A line of a chart draws at most CHART_POINTS points, a chart at most CHART_TOTAL (issue 20:
# a chart does not grow with the reports that revise one toll). Past them each line keeps one
# point a day, then a week, a month, a year: the reading of the window's latest report.
# Every reading is in figures.csv.
CHART_POINTS = 120
CHART_TOTAL = 600
WINDOWS = ("day", "week", "month", "year")  # thinned's windows, each a word of charts.yaml (thinned_<window>)
TABLE_ROWS = 30  # the table beside a chart lists its latest points, up to this many


def _windows(dates: pd.Series, window: str) -> Any:
    """The window of each date, as numpy numbers: weeks from a Saturday, the Syrian week's first day."""
    days = dates.to_numpy().astype("datetime64[D]")
    if window == "week":
        return (days.astype("int64") + 5) // 7  # day 0, 1970-01-01, was a Thursday
    return days.astype({"day": "datetime64[D]", "month": "datetime64[M]", "year": "datetime64[Y]"}[window]).astype("int64")


def _within(frame: pd.DataFrame, series: list[str], limit: int, total: int) -> bool:
    sizes = frame.groupby(series, dropna=False, sort=False).size()
    return len(frame) <= total and sizes.max() <= limit


def thinned(frame: pd.DataFrame, series: list[str], limit: int = CHART_POINTS, total: int = CHART_TOTAL) -> tuple[pd.DataFrame, str | None]:
    """`frame` (a series.py frame, by date) with at most `limit` points a line (a value of the
    `series` columns) and `total` in all where it can: every reading while they fit, else the
    latest report's reading of each day, or week, or month, or year, the shortest window that
    fits. Returns the frame and the window (None: every reading)."""
    if not len(frame) or _within(frame, series, limit, total):
        return frame, None
    latest = frame.sort_values(["date", "published"], kind="stable", na_position="first")
    for window in WINDOWS:
        kept = latest.assign(_window=_windows(latest["date"], window)).drop_duplicates([*series, "_window"], keep="last")
        if _within(kept, series, limit, total):
            break
    return kept.drop(columns="_window").sort_values("date", kind="stable"), window


_POINT_COLUMNS = ("value", "unit", "qualifier", "published", "outlet", "article_id", "sentence", "plotted")


def chart_traces(frame: pd.DataFrame, series: list[str], names: dict[str, str], words: ChartWords) -> list[Trace]:
    """The traces of a chart of `frame` (a series.py frame), one per value of the `series` columns."""
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    points = records(frame, _POINT_COLUMNS)  # by position
    iso_days = [day.isoformat() for day in days(frame["date"])]
    groups = frame.groupby(series, dropna=False, sort=False) if len(frame) else []
    traces = []
    for key, rows in groups:
        key = key if isinstance(key, tuple) else (key,)
        mine = [points[i] for i in rows.index]  # the trace's points
        traces.append(
            Trace(
                _series_name(key[0], key[1] if len(key) > 1 else None, names, words),
                [iso_days[i] for i in rows.index],
                [_clean(p["plotted"]) for p in mine],
                [SYMBOLS.get(p["qualifier"], "circle") for p in mine],
                [value_text(p, words) for p in mine],
                [source_text(p) for p in mine],
                [(p["article_id"], int(p["sentence"])) for p in mine],
            )
        )
    return traces


# Points further apart than this are drawn with the time between left out of the axis
# (a marked break), not joined by a line over months without a figure.
GAP_DAYS = 90
GAP_MARGIN_DAYS = 15  # the axis keeps this much on either side of a break


def gaps(traces: Sequence[Trace]) -> list[tuple[str, str]]:
    """The (first, last) ISO days of each stretch of more than GAP_DAYS without a point in any trace."""
    points = sorted({date.fromisoformat(day) for trace in traces for day in trace.dates})
    margin = timedelta(days=GAP_MARGIN_DAYS)
    return [
        ((before + margin).isoformat(), (after - margin).isoformat())
        for before, after in zip(points, points[1:])
        if (after - before).days > GAP_DAYS
    ]


def _broken(dates: list[str], columns: Sequence[list[Any]], breaks: Sequence[tuple[str, str]]) -> tuple[list[str], list[list[Any]]]:
    """The trace's dates and `columns` (one value per date) with an empty point inside each
    break the trace spans, so that its line stops there."""
    xs: list[str] = []
    out: list[list[Any]] = [[] for _ in columns]
    pending = list(breaks)
    for n, day in enumerate(dates):
        while pending and pending[0][1] < day:
            start, _ = pending.pop(0)
            if xs:
                xs.append(start)
                for column in out:
                    column.append(None)
        xs.append(day)
        for column, values in zip(out, columns):
            column.append(values[n])
    return xs, out


def _break_axis(breaks: Sequence[tuple[str, str]], traces: Sequence[Trace], words: ChartWords) -> dict[str, Any]:
    """The time axis's breaks, and with them its ticks: the first and last day of each
    stretch between breaks (a stretch of a few days has no month tick of its own)."""
    if not breaks:
        return {}
    days = sorted({day for trace in traces for day in trace.dates})
    ticks: list[str] = []
    for start, end in zip(["0000"] + [b[1] for b in breaks], [b[0] for b in breaks] + ["9999"]):
        stretch = [day for day in days if start <= day <= end]
        ticks += sorted({stretch[0], stretch[-1]}) if stretch else []
    return {
        "rangebreaks": [{"bounds": list(b)} for b in breaks],
        "tickmode": "array",
        "tickvals": ticks,
        "ticktext": [RLM + words.day_text(day) for day in ticks],
    }


def _break_marks(breaks: Sequence[tuple[str, str]], words: ChartWords) -> dict[str, Any]:
    """A dashed line and a note at each break of the time axis (layout shapes and annotations)."""
    if not breaks:
        return {}
    return {
        "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": start, "x1": start, "y0": 0, "y1": 1, "line": {"dash": "dash", "width": 1}} for start, _ in breaks],
        "annotations": [{"xref": "x", "yref": "paper", "x": start, "y": 1, "yanchor": "bottom", "showarrow": False, "text": words.words["gap"]} for start, _ in breaks],
        "margin": {"l": 60, "r": 20, "t": 30, "b": 40},
    }


def page_chart(
    name: str, traces: list[Trace], link: Linker, words: ChartWords, window: str | None = None, readings: int = 0, data_url: str = ""
) -> Chart:
    """The chart `name` of `traces` (chart_traces) on one page, its points linked with `link`;
    `window` and `readings` say how they were thinned (thinned) from how many readings, and
    `data_url` is figures.csv's URL from the page, linked when the table lists only the latest
    TABLE_ROWS points."""
    meta = words.charts[name]
    breaks = gaps(traces)
    data, table = [], []
    for trace in traces:
        urls = [link(article_id, sentence) for article_id, sentence in trace.sentences]
        shown_days = [words.day_text(day) for day in trace.dates]
        points = [list(point) for point in zip(trace.texts, trace.sources, urls, [RLM + day for day in shown_days])]
        x, (y, symbols, customdata) = _broken(trace.dates, (trace.values, trace.symbols, points), breaks)
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": trace.label,
                "x": x,
                "y": y,
                "marker": {"size": 11, "symbol": symbols},
                "line": {"width": 1.5, "dash": "dot"},
                "customdata": customdata,
                "hovertemplate": "%{customdata[3]}<br><b>%{customdata[0]}</b><br>%{customdata[1]}<extra>" + html.escape(trace.label) + "</extra>",
            }
        )
        label, texts, sources = trace.table_texts
        for iso, day, shown, source, url in zip(trace.dates, shown_days, texts, sources, urls):
            row = {
                words.words["date"]: day,
                meta["series"]: label,
                words.words["value"]: shown,
                words.words["source"]: f'<a href="{html.escape(url)}">{source}</a>',
            }
            table.append((iso, row))
    spec = {
        "data": data,
        "layout": {
            "xaxis": {"type": "date", "title": {"text": words.words["date"]}, **_break_axis(breaks, traces, words)},
            "yaxis": {"type": "log" if name == "territory" else "linear", "title": {"text": meta["y"]}, "rangemode": "tozero"},
            "legend": {"orientation": "h", "y": -0.25},
            "margin": {"l": 60, "r": 20, "t": 20, "b": 40},
            "hovermode": "closest",
            "showlegend": True,
            **_break_marks(breaks, words),
        },
        "config": {"responsive": True, "displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d", "sendChartToCloud"], "locale": words.locale["name"]},
        "locale": words.locale,
    }
    points = len(table)
    note = words.words[f"thinned_{window}"].format(shown=points, count=readings) if window else ""
    if points <= TABLE_ROWS:
        return Chart(f"chart-{name}", meta["title"], meta["caption"], spec, [row for _, row in table], note)
    latest = [row for _, row in sorted(table, key=lambda item: item[0], reverse=True)[:TABLE_ROWS]]
    table_note = html.escape(words.words["table_latest"]).format(
        shown=TABLE_ROWS, count=points, file=f'<a href="{html.escape(data_url)}" download>figures.csv</a>'
    )
    return Chart(f"chart-{name}", meta["title"], meta["caption"], spec, latest, note, table_note)


def build_chart(
    name: str, frame: pd.DataFrame, series: list[str], names: dict[str, str], link: Linker, words: ChartWords | None = None
) -> Chart:
    """A chart of `frame` (a series.py frame) with one trace per value of the `series` columns."""
    words = words or load_words()
    points, window = thinned(frame, series)
    return page_chart(name, chart_traces(points, series, names, words), link, words, window, len(frame), FIGURES_FILE)


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
    body = "".join(["<tr><td>" + "</td><td>".join([row[c] for c in columns]) + "</td></tr>" for row in chart.table])
    return "\n".join(
        [
            f'<figure class="waqai-chart-block" id="{chart.id}-block">',
            f"<figcaption><strong>{html.escape(chart.title)}</strong><br><small>{html.escape(' '.join(filter(None, [chart.caption, chart.note])))}</small></figcaption>",
            f'<div class="waqai-chart" id="{chart.id}" dir="ltr" role="img" aria-label="{html.escape(chart.title)}"'
            f' data-spec="{html.escape(json.dumps(chart.spec, ensure_ascii=False, separators=(",", ":")))}"></div>',
            f'<details class="waqai-chart-fallback"><summary>{words.words["table"]}</summary>',
            *([f"<p>{chart.table_note}</p>"] if chart.table_note else []),
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
    url = _directory_url(here, target)
    return f"{url}#{anchor}" if anchor else url


@lru_cache(maxsize=1 << 14)  # a page links to the same pages again and again (a report's sentences)
def _directory_url(here: str, target: str) -> str:
    url = relative_path(_folder(target), _folder(here))
    return "./" if url == "." else url + "/"


FIGURES_FILE = f"{FOLDER}/figures.csv"  # every reading of every chart, docs-relative
# chart: (the ChartSeries frame it draws, the columns that split it into traces)
HOME_CHARTS = {"territory": ("territory", ["pocket"]), "tolls": ("toll_lines", ["party", "since"])}


def home_charts(timeline: Timeline, pages: Sequence[str]) -> dict[str, list[str]]:
    """The HTML blocks of the home page's charts (territory held by IS, cumulative tolls) for
    each of `pages` (the home page, the print page). The series are read once: only the
    links, relative to the page, differ."""
    if timeline.series is None:
        return {here: [] for here in pages}
    words = load_words()
    names = {p.id: p.ar for p in timeline.places} | {a.id: a.ar for a in timeline.actors}
    drawn = {}  # name -> (traces, window, readings)
    for name, (frame, series) in HOME_CHARTS.items():
        readings = getattr(timeline.series, frame)
        points, window = thinned(readings, series)
        drawn[name] = (chart_traces(points, series, names, words), window, len(readings))
    return {
        here: [
            chart_html(page_chart(name, traces, _report_linker(here), words, window, readings, relative_path(FIGURES_FILE, _folder(here))), words)
            for name, (traces, window, readings) in drawn.items()
        ]
        for here in pages
    }


def _report_linker(here: str) -> Linker:
    """Links from page `here` to report sentences."""
    return lambda article_id, sentence: page_url(here, report_page(article_id), sentence_anchor(sentence))
