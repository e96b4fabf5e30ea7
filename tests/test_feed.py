"""The Atom feed: one entry per event, ids stable, dates from the reports and never the clock."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

import pytest
import site_fixture as fx

from waqai.content.labels import load_labels
from waqai.render.feed import ATOM, atom_feed, entry_id, event_url, reported

NS = {"a": ATOM}
LABELS = load_labels()


def parse(events) -> ET.Element:
    return ET.fromstring(atom_feed(events, LABELS, title="وقائع").encode("utf-8"))


def test_one_entry_per_event_with_unique_ids_and_month_page_links() -> None:
    events = fx.timeline().events
    entries = parse(events).findall("a:entry", NS)
    assert len(entries) == len(events)
    assert len({e.findtext("a:id", namespaces=NS) for e in entries}) == len(events)
    links = {e.find("a:link", NS).get("href") for e in entries}
    assert links == {event_url(e, frozenset()) for e in events}
    assert all(link.startswith("months/") and "/#event-" in link for link in links)


def test_entry_id_depends_on_the_event_id_only() -> None:
    event = fx.timeline().events[0]
    assert entry_id(event) == entry_id(replace(event, summary="نص آخر", type="clash"))
    assert entry_id(event) != entry_id(replace(event, id=event.id + "-x"))


@pytest.mark.parametrize(
    ("published", "first", "last"),
    [
        ((date(2019, 2, 10),), date(2019, 2, 10), date(2019, 2, 10)),
        ((date(2019, 2, 12), date(2019, 2, 10)), date(2019, 2, 10), date(2019, 2, 12)),
        ((None,), date(2019, 2, 3), date(2019, 2, 3)),  # no known date: the event's own day
    ],
)
def test_dates_come_from_the_reports(published, first, last) -> None:
    event = next(e for e in fx.timeline().events if e.date == "2019-02-03")
    event = replace(event, sources=tuple(replace(event.sources[0], published=p) for p in published))
    assert reported(event) == (first, last)
    entry = parse([event]).find("a:entry", NS)
    assert entry.findtext("a:published", namespaces=NS) == f"{first.isoformat()}T00:00:00Z"
    assert entry.findtext("a:updated", namespaces=NS) == f"{last.isoformat()}T00:00:00Z"


def test_feed_updated_is_the_latest_entry_and_output_is_stable() -> None:
    events = fx.timeline().events
    feed = parse(events)
    updated = [e.findtext("a:updated", namespaces=NS) for e in feed.findall("a:entry", NS)]
    assert feed.findtext("a:updated", namespaces=NS) == max(updated)
    assert updated == sorted(updated, reverse=True)
    assert atom_feed(events, LABELS, title="وقائع") == atom_feed(tuple(reversed(events)), LABELS, title="وقائع")
