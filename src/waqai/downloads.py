"""The data files offered on the site: events.csv, events.json, figures.csv.

Their columns and the page that documents them come from one data file
(data/downloads.yaml), so the schema page cannot drift from the files.
events.csv is made from the items of events.json, and both files are read
column by column or written by C code: at 10,000 reports they are 80 MB.
"""
from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .content import ContentError
from .datafiles import read_yaml
from .pages import sentence_anchor
from .records import Event, Timeline

DEFAULT_PATH = Path(str(resources.files("waqai") / "data" / "downloads.yaml"))
FOLDER = "data"  # docs-relative folder of the files
DOWNLOADS = "downloads.md"  # the page that documents them
FILES = ("events.csv", "events.json", "figures.csv")


@dataclass(frozen=True)
class DownloadSchema:
    """Per file: what it holds, and its columns in order with their descriptions."""

    files: dict[str, tuple[str, dict[str, str]]]


@lru_cache(maxsize=4)
def load_schema(path: Path = DEFAULT_PATH) -> DownloadSchema:
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != set(FILES):
        raise ContentError(path, None, f"must describe exactly {', '.join(FILES)}")
    files = {}
    for name, spec in data.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("about"), str) or not isinstance(spec.get("columns"), dict):
            raise ContentError(path, None, f"{name}: needs `about` (text) and `columns` (column: description)")
        files[name] = (spec["about"], {str(k): str(v) for k, v in spec["columns"].items()})
    return DownloadSchema(files)


def _event_json(event: Event) -> dict[str, Any]:
    """One item of events.json: the event with its sources and figures."""
    return {
        "id": event.id,
        "date": event.date,
        "day": event.day.isoformat(),
        "precision": event.precision,
        "date_basis": event.date_basis,
        "reported": event.reported,
        "type": event.type,
        "summary": " ".join(event.summary.split()),
        "places": list(event.places),
        "actors": list(event.actors),
        "sources": [
            {"article_id": s.article_id, "outlet": s.outlet, "published": s.published.isoformat() if s.published else None,
             "sentence": s.sentence, "start": s.start, "end": s.end, "text": s.text}
            for s in event.sources
        ],  # fmt: skip
        "outlets": ";".join([s.outlet or "" for s in event.sources]),
        "figures": [{"article_id": a, **f.to_json()} for a, f in event.figures],
    }


# events.csv's cells of an events.json item where they are not its value as it is: lists
# joined with ";", figures counted. Made from the item, not the Event: it is built once for both files.
_EVENT_CSV_CELLS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "reported": lambda event: event["reported"] or "",
    "places": lambda event: ";".join(event["places"]),
    "actors": lambda event: ";".join(event["actors"]),
    "sources": lambda event: ";".join([f"{s['article_id']}#{sentence_anchor(s['sentence'])}" for s in event["sources"]]),
    "figures": lambda event: len(event["figures"]),
}


def _event_columns(events: list[dict[str, Any]], columns: list[str]) -> list[list[Any]]:
    """The values of events.csv column by column, a column the items lack left empty."""
    return [
        [_EVENT_CSV_CELLS[c](event) for event in events] if c in _EVENT_CSV_CELLS else [event.get(c, "") for event in events]
        for c in columns
    ]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula


def formula_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run ("=HYPERLINK(...)", "@SUM(...)") gets a leading
    apostrophe, the usual guard: spreadsheets show the text and hide the apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, float):  # first: most cells that are not text are numbers
        return "" if math.isnan(value) else int(value) if value.is_integer() else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return value


def _csv_cells(values: list[Any]) -> list[Any]:
    """A column's values as written: `_cell`, then `formula_safe`, inlined for text, most
    cells: at a million cells two calls per cell cost a second."""
    return [
        ("'" + value if value.startswith(FORMULA_STARTS) else value) if value.__class__ is str else formula_safe(_cell(value))
        for value in values
    ]


def _csv(columns: list[str], cells: list[list[Any]]) -> str:
    """A CSV file of `columns`, given column by column (`cells`, one list of values each)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(zip(*(_csv_cells(values) for values in cells)))
    return out.getvalue()


def events_json(timeline: Timeline) -> list[dict[str, Any]]:
    """The events with their sources and figures, as plain JSON data."""
    return [_event_json(event) for event in timeline.events]


_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps makes one per call


def json_lines_array(items: list[dict[str, Any]]) -> str:
    """A JSON array with one item per line: what a researcher can read and diff, written by
    json's C encoder (an indented dump runs the pure-Python one, seconds at 10,000 reports)."""
    if not items:
        return "[]\n"
    return "[\n" + ",\n".join(map(_JSON.encode, items)) + "\n]\n"


def download_files(timeline: Timeline, events: list[dict[str, Any]] | None = None, schema: DownloadSchema | None = None) -> dict[str, str]:
    """{docs-relative path: text} of the three data files; `events` is events_json(timeline)
    when the caller already has it."""
    schema = schema or load_schema()
    events = events_json(timeline) if events is None else events
    event_columns = list(schema.files["events.csv"][1])
    files = {
        f"{FOLDER}/events.csv": _csv(event_columns, _event_columns(events, event_columns)),
        f"{FOLDER}/events.json": json_lines_array(events),
    }
    columns = list(schema.files["figures.csv"][1])
    figures = timeline.series.figures if timeline.series is not None else pd.DataFrame()
    files[f"{FOLDER}/figures.csv"] = _csv(columns, _figure_columns(figures, columns))
    return files


def _figure_columns(frame: pd.DataFrame, columns: list[str]) -> list[list[Any]]:
    """The values of figures.csv column by column, a column missing from `frame` left empty.
    pandas converts a whole column at once quickly, a record at a time slowly."""
    return [_column_values(frame[c]) if c in frame.columns else [None] * len(frame) for c in columns]


def _column_values(column: pd.Series) -> list[Any]:
    """A column's values; dates already as their ISO day, as `_cell` writes them: numpy
    formats them all at once, a Timestamp per value is slow."""
    if column.dtype.kind == "M":
        return np.datetime_as_string(column.to_numpy(), unit="D").tolist()
    return column.tolist()


@dataclass(frozen=True)
class DownloadView:
    """One file as the schema page lists it."""

    name: str
    path: str  # docs-relative
    about: str
    columns: dict[str, str]


def download_views(schema: DownloadSchema | None = None) -> list[DownloadView]:
    schema = schema or load_schema()
    return [DownloadView(name, f"{FOLDER}/{name}", about, columns) for name, (about, columns) in schema.files.items()]
