"""What changed since the last published site: events added, removed, figures revised.

The comparison is between two copies of the site's `events.json` (the data
download this build writes, and the one the last published site served), so
it sees exactly what a reader of the data sees. Where the previous copy comes
from is the caller's choice and never implicit: `waqai build --previous FILE`
(the CI workflow downloads the live site's `data/events.json` first). Without it
the page says there is nothing to compare with. Reading "the last local build"
by default would make two consecutive builds differ, and builds must be
reproducible.

Events are matched by id (stable across builds); a figure within an event by
its category, party, unit and `since` period.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.labels import Labels
from ..errors import ContentError

CHANGES_PAGE = "changes.md"

FigureKey = tuple[str, str, str, str]


@dataclass(frozen=True)
class Revision:
    """One figure of one event whose reported value is not what it was."""

    event: Mapping[str, Any]
    key: FigureKey
    before: str | None  # None: the figure is new in this event
    after: str | None  # None: the figure was dropped


@dataclass(frozen=True)
class Changes:
    compared: bool  # False when there was no previous data to compare with
    added: tuple[Mapping[str, Any], ...] = ()
    removed: tuple[Mapping[str, Any], ...] = ()
    revised: tuple[Revision, ...] = ()
    previous_count: int = 0
    current_count: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.revised)


def load_events(path: Path) -> list[dict[str, Any]]:
    """The event list of an `events.json` (a list of objects, or {"events": [...]}); errors name the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(path, None, f"cannot read previous events: {exc}".splitlines()[0]) from None
    events = data.get("events") if isinstance(data, dict) else data
    if not isinstance(events, list) or not all(isinstance(e, dict) and isinstance(e.get("id"), str) for e in events):
        raise ContentError(path, None, "previous events: expected a list of objects, each with a string `id`")
    return events


def compare(previous: Sequence[Mapping[str, Any]] | None, current: Sequence[Any]) -> Changes:
    """The difference between two event lists, each part in the current list's order (date
    order). Without `previous`, `current` is only counted (any sequence will do)."""
    if previous is None:
        return Changes(compared=False, current_count=len(current))
    previous_by_id = {e["id"]: e for e in previous}
    current_ids = {e["id"] for e in current}
    revised: list[Revision] = []
    for event in current:
        old = previous_by_id.get(event["id"])
        if old is None:
            continue
        old_figures, new_figures = _figures(old), _figures(event)
        for key in sorted(old_figures.keys() | new_figures.keys()):
            was, is_ = old_figures.get(key), new_figures.get(key)
            if (was and was[0]) != (is_ and is_[0]):
                revised.append(Revision(event, key, was and was[1], is_ and is_[1]))
    return Changes(
        compared=True,
        added=tuple(e for e in current if e["id"] not in previous_by_id),
        removed=tuple(e for e in previous if e["id"] not in current_ids),
        revised=tuple(revised),
        previous_count=len(previous),
        current_count=len(current),
    )


def _figures(event: Mapping[str, Any]) -> dict[FigureKey, tuple[str, str]]:
    """An event's figures keyed for matching: (what is compared, what is shown).

    Compared: qualifier and value ("more_than 713"), whatever the wording.
    Shown: the words of the report and the value read from them
    («أكثر من 713» (713)), or the compared form when a figure carries no text.
    """
    out: dict[FigureKey, tuple[str, str]] = {}
    for item in event.get("figures") or ():
        figure = item.get("figure", item)  # a figure object, or {"article": ..., "figure": {...}}
        key = tuple(str(figure.get(k) or "") for k in ("category", "party", "unit", "since"))
        value = figure.get("value")
        number = "?" if value is None else f"{value:g}" if isinstance(value, (int, float)) else str(value)
        compared = f"{figure.get('qualifier') or ''} {number}".strip()
        text = " ".join(str(figure.get("text") or "").split())
        shown = f"«{text}» ({number})" if text else compared
        if key in out:  # two figures of one kind in one event: compare and show both
            compared, shown = f"{out[key][0]}; {compared}", f"{out[key][1]}، {shown}"
        out[key] = (compared, shown)  # type: ignore[index]
    return out


@dataclass(frozen=True)
class ChangeRow:
    """One line of the "what changed" page, ready for the template."""

    when: str
    summary: str
    page: str | None = None  # the month page that lists the event (None for a removed event)
    anchor: str | None = None
    figure: str = ""
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class ChangesView:
    compared: bool
    previous_count: int
    current_count: int
    added: tuple[ChangeRow, ...]
    removed: tuple[ChangeRow, ...]
    revised: tuple[ChangeRow, ...]


def changes_view(
    changes: Changes,
    labels: Labels,
    locate: Callable[[Mapping[str, Any]], tuple[str, str]],
    party_names: Mapping[str, str],
) -> ChangesView:
    """What the template shows; `locate(event)` gives the (month page, anchor) of a current event."""

    def row(event: Mapping[str, Any], current: bool, **extra: str) -> ChangeRow:
        page, anchor = locate(event) if current else (None, None)
        when = labels.value(str(event["date"])) if event.get("date") else labels.label("precisions", "unknown")
        return ChangeRow(when, " ".join(str(event.get("summary") or "").split()), page, anchor, **extra)

    def figure_name(key: FigureKey) -> str:
        category, party, unit, since = key
        name = labels.label("figure_categories", category)
        return name + (f" ({party_names.get(party, party)})" if party else "") + (f"، منذ {since}" if since else "")

    return ChangesView(
        compared=changes.compared,
        previous_count=changes.previous_count,
        current_count=changes.current_count,
        added=tuple(row(e, True) for e in changes.added),
        removed=tuple(row(e, False) for e in changes.removed),
        revised=tuple(row(r.event, True, figure=figure_name(r.key), before=r.before or "—", after=r.after or "—") for r in changes.revised),
    )
