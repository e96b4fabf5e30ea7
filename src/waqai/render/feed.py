"""The Atom feed of events (`feed.xml`), for readers who follow the timeline.

One entry per event. Every value comes from the data, never from the clock,
so two builds of the same content give the same bytes: an entry's `updated`
is the latest publication date of the reports that tell the event (a report
published later is news about that event), `published` the earliest, and the
feed's `updated` the latest of its entries. Entry ids are name-based UUIDs of
the event ids, which are stable across builds. Links are relative to the feed,
which sits at the site root, so the feed needs no configured site address.
"""
from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date

from ..content.labels import Labels
from ..content.pages import event_anchor, event_page, split_months
from ..records import Event

FEED_PATH = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
FEED_LIMIT = 200  # newest entries kept; a reader's feed client needs no more
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/waqai/waqai/feed")
_TITLE_WIDTH = 90


def entry_id(event: Event) -> str:
    """The entry's permanent id: a name-based UUID of the event id."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'event:' + event.id)}"


def event_url(event: Event, split: frozenset[str]) -> str:
    """Site-root-relative URL of the event on its chronology page (`months/2019-02/#event-...`)."""
    return event_page(event, split).removesuffix(".md") + "/#" + event_anchor(event)


def reported(event: Event) -> tuple[date, date]:
    """(first, last) publication date of the reports behind `event`; its own day when none is known."""
    days = sorted(s.published for s in event.sources if s.published) or [event.day]
    return days[0], days[-1]


def atom_feed(
    events: Sequence[Event], labels: Labels, *, title: str, subtitle: str = "", split: frozenset[str] | None = None
) -> str:
    """The feed as XML text: the newest FEED_LIMIT events, most recently reported first;
    `split` names the months listed on week pages (by default, as pages.split_months says)."""
    ordered = sorted(events, key=lambda e: (reported(e)[1], e.day, e.id), reverse=True)[:FEED_LIMIT]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "ar"})
    _text(feed, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'feed')}")
    _text(feed, "title", title)
    if subtitle:
        _text(feed, "subtitle", subtitle)
    _text(feed, "updated", _timestamp(max((reported(e)[1] for e in ordered), default=date(1970, 1, 1))))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": "./"})
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", title)
    split = split_months(events) if split is None else split
    for event in ordered:
        feed.append(_entry(event, labels, split))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(event: Event, labels: Labels, split: frozenset[str]) -> ET.Element:
    first, last = reported(event)
    entry = ET.Element(f"{{{ATOM}}}entry")
    _text(entry, "id", entry_id(event))
    _text(entry, "title", f"{labels.value(event.date)}: {_shorten(event.summary)}")
    _text(entry, "published", _timestamp(first))
    _text(entry, "updated", _timestamp(last))
    ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": event_url(event, split)})
    ET.SubElement(entry, f"{{{ATOM}}}category", {"term": event.type, "label": labels.label("event_types", event.type)})
    sources = "؛ ".join(f"{s.outlet or s.article_id}، {labels.date(s.published) if s.published else 'تاريخ غير معروف'}" for s in event.sources)
    _text(entry, "content", f"{' '.join(event.summary.split())}\n\nالمصدر: {sources}", type="text")
    return entry


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TITLE_WIDTH else text[: _TITLE_WIDTH - 1] + "…"
