"""An event as data: one item of events.json, what `waqai extract --json` prints for a
report's events and what events.csv is made from (render/downloads.py). Plain values
only, so an editor's `waqai extract` needs none of the site's libraries."""
from __future__ import annotations

from typing import Any

from ..records import Event
from .acled import Gazette, acled_fields


def event_json(event: Event, gazette: Gazette | None = None) -> dict[str, Any]:
    """One item of events.json: the event with its sources and figures, and its ACLED
    columns when the gazetteer's places and parties are given."""
    return {
        "id": event.id,
        "date": event.date,
        "day": event.day.isoformat() if event.day else None,
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
        **(acled_fields(event, gazette) if gazette is not None else {}),
    }
