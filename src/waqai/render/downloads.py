"""The data files offered on the site: events.csv, events.json, figures.csv.

Their columns and the page that documents them come from one data file
(data/downloads.yaml), so the schema page cannot drift from the files.
events.csv is made from the items of events.json, and both files are read
column by column or written by C code: at 10,000 reports they are 80 MB. Each
event's lines are kept for the next build by the event's origin, so a rebuild
makes only the lines of the events that changed.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..content.datafiles import read_yaml
from ..content.pages import sentence_anchor
from ..errors import ContentError
from ..extract.digits import western_digits
from ..records import Timeline
from ..timeline.acled import Gazette
from ..timeline.export import event_json
from .output import Pieces

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


def _csv_header(columns: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(columns)
    return out.getvalue()


def _csv_lines(cells: list[list[Any]]) -> list[str]:
    """The CSV line of each row, given column by column: a quoted value may hold a line
    break, so the lines are taken from the writer one by one, not split from its text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    lines = []
    for row in zip(*(_csv_cells(values) for values in cells)):
        writer.writerow(row)
        lines.append(out.getvalue())
        out.seek(0)
        out.truncate()
    return lines


def events_json(timeline: Timeline) -> list[dict[str, Any]]:
    """The events (dated, then of unknown date) with their sources and figures, as plain JSON data."""
    gazette = Gazette.of(timeline.places, timeline.actors)
    return [event_json(event, gazette) for event in timeline.all_events()]


_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps makes one per call


def json_lines_array(lines: list[bytes]) -> bytes:
    """A JSON array with one item per line (each encoded by json's C encoder, `_JSON`): what
    a researcher can read and diff (an indented dump runs the pure-Python encoder, seconds
    at 10,000 reports)."""
    if not lines:
        return b"[]\n"
    parts = [b",\n"] * (2 * len(lines) + 1)  # one join, one copy: each `+` of 75 MB copies it again
    parts[0], parts[1::2], parts[-1] = b"[\n", lines, b"\n]\n"
    return b"".join(parts)


def _as_served(line: str) -> bytes:
    """A line of a data file as the site serves it: Western digits, UTF-8. Made once per
    line, which is kept (Pieces), so the files (tens of megabytes) are joined as they are."""
    return western_digits(line).encode("utf-8")


def _kept_or_made(keys: list[str] | None, count: int, pieces: Pieces | None, make: Callable[[list[int]], Iterable[Any]]) -> list[Any]:
    """The piece of each of `count` items: the one kept under its key (`keys`, when the items
    have origins) by an earlier build, or made by `make` (given the positions of the items
    without one, it makes theirs in that order) and kept for the next build."""
    found: list[Any] = [pieces.known(key) for key in keys] if keys and pieces is not None else [None] * count
    missing = [n for n, piece in enumerate(found) if piece is None]
    for n, piece in zip(missing, make(missing), strict=True):
        found[n] = piece
        if keys and pieces is not None:
            pieces.keep(keys[n], piece)
    return found


def _origin_keys(timeline: Timeline, kind: str, pieces: Pieces | None) -> list[str] | None:
    """`kind:origin` for each event, when there are pieces to keep and the events' origins are known."""
    if pieces is None or len(timeline.origins) != len(timeline.all_events()):
        return None
    return [f"{kind}:{origin}" for origin in timeline.origins]


def _event_lines(timeline: Timeline, columns: list[str], pieces: Pieces | None) -> tuple[list[bytes], list[bytes]]:
    """Each event's line of events.json and of events.csv. With `pieces`, an event whose
    origin (Timeline.origins) is that of an event of an earlier build takes that event's
    lines: a rebuild after one report changed makes the lines of its events only."""
    events = timeline.all_events()
    gazette = Gazette.of(timeline.places, timeline.actors)

    def make(missing: list[int]) -> Iterable[tuple[bytes, bytes]]:
        items = [event_json(events[n], gazette) for n in missing]
        return zip(map(_as_served, map(_JSON.encode, items)), map(_as_served, _csv_lines(_event_columns(items, columns))), strict=True)

    found = _kept_or_made(_origin_keys(timeline, "lines", pieces), len(events), pieces, make)
    return [lines[0] for lines in found], [lines[1] for lines in found]


def _figure_lines(timeline: Timeline, columns: list[str], pieces: Pieces | None) -> list[bytes]:
    """The lines of figures.csv, in the order of the figures frame (by date). Its rows are
    made event by event (series.figure_rows), so with `pieces` each event's lines are kept
    by its origin, as _event_lines keeps its own; the frame's index is the row's place in
    the order they were made."""
    frame = timeline.series.figures if timeline.series is not None else pd.DataFrame()
    counts = [len(event.figures) for event in timeline.events]
    if sum(counts) != len(frame):  # not made event by event: all lines from the frame
        return [_as_served(line) for line in _csv_lines(_figure_columns(frame, columns))]
    starts = list(itertools.accumulate(counts, initial=0))

    def make(missing: list[int]) -> Iterable[tuple[bytes, ...]]:
        rows = [row for n in missing for row in range(starts[n], starts[n + 1])]
        lines = map(_as_served, _csv_lines(_figure_columns(frame.loc[rows], columns)))
        return [tuple(itertools.islice(lines, counts[n])) for n in missing]

    keys = _origin_keys(timeline, "figure_lines", pieces)  # the figures frame holds the dated events' figures
    made = [line for lines in _kept_or_made(keys and keys[: len(counts)], len(counts), pieces, make) for line in lines]
    return [made[row] for row in frame.index]


def download_files(timeline: Timeline, schema: DownloadSchema | None = None, pieces: Pieces | None = None) -> dict[str, bytes]:
    """{docs-relative path: content} of the three data files, as served (_as_served);
    `pieces` (waqai.incremental.reuse.Reuse) keeps each event's lines for the next build."""
    schema = schema or load_schema()
    event_columns = list(schema.files["events.csv"][1])
    json_lines, csv_lines = _event_lines(timeline, event_columns, pieces)
    columns = list(schema.files["figures.csv"][1])
    return {
        f"{FOLDER}/events.csv": b"".join([_as_served(_csv_header(event_columns)), *csv_lines]),
        f"{FOLDER}/events.json": json_lines_array(json_lines),
        f"{FOLDER}/figures.csv": b"".join([_as_served(_csv_header(columns)), *_figure_lines(timeline, columns, pieces)]),
    }


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
