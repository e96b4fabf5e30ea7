"""The data files offered on the site: events.csv, events.json, figures.csv.

Their columns and the page that documents them come from one data file
(data/downloads.yaml), so the schema page cannot drift from the files.
"""
from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

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


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": event.date,
        "day": event.day.isoformat(),
        "precision": event.precision,
        "date_basis": event.date_basis,
        "reported": event.reported or "",
        "type": event.type,
        "summary": " ".join(event.summary.split()),
        "places": ";".join(event.places),
        "actors": ";".join(event.actors),
        "sources": ";".join(f"{s.article_id}#{sentence_anchor(s.sentence)}" for s in event.sources),
        "outlets": ";".join(s.outlet or "" for s in event.sources),
        "figures": len(event.figures),
    }


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula


def formula_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run ("=HYPERLINK(...)", "@SUM(...)") gets a leading
    apostrophe, the usual guard: spreadsheets show the text and hide the apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: formula_safe(value) for key, value in row.items()} for row in rows)
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def events_json(timeline: Timeline) -> list[dict[str, Any]]:
    """The events with their sources and figures, as plain JSON data."""
    out = []
    for event in timeline.events:
        row = _event_row(event) | {"places": list(event.places), "actors": list(event.actors), "reported": event.reported}
        row["sources"] = [
            {"article_id": s.article_id, "outlet": s.outlet, "published": s.published.isoformat() if s.published else None,
             "sentence": s.sentence, "start": s.start, "end": s.end, "text": s.text}
            for s in event.sources
        ]  # fmt: skip
        row["figures"] = [{"article_id": a, **f.to_json()} for a, f in event.figures]
        out.append(row)
    return out


def json_lines_array(items: list[dict[str, Any]]) -> str:
    """A JSON array with one item per line: what a researcher can read and diff, written by
    json's C encoder (an indented dump runs the pure-Python one, seconds at 10,000 reports)."""
    if not items:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n]\n"


def download_files(timeline: Timeline, events: list[dict[str, Any]] | None = None, schema: DownloadSchema | None = None) -> dict[str, str]:
    """{docs-relative path: text} of the three data files; `events` is events_json(timeline)
    when the caller already has it."""
    schema = schema or load_schema()
    events = events_json(timeline) if events is None else events
    files = {
        f"{FOLDER}/events.csv": _csv(list(schema.files["events.csv"][1]), [_event_row(e) for e in timeline.events]),
        f"{FOLDER}/events.json": json_lines_array(events),
    }
    columns = list(schema.files["figures.csv"][1])
    rows = _figure_rows(timeline.series.figures, columns) if timeline.series is not None else []
    files[f"{FOLDER}/figures.csv"] = _csv(columns, rows)
    return files


def _figure_rows(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    """The rows of figures.csv, a column missing from `frame` left empty. Read column by
    column: pandas converts a whole column at once quickly, a record at a time slowly."""
    cells = [[_cell(v) for v in frame[c].tolist()] if c in frame.columns else [_cell(None)] * len(frame) for c in columns]
    return [dict(zip(columns, row)) for row in zip(*cells)]


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
