"""The Atom feed: one entry per event, ids stable, dates from the reports and never the clock."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import site_fixture as fx

from waqai.content.labels import load_labels
from waqai.render.feed import (
    ATOM, Publication, atom_feed, configured_site_url, entry_id, event_url, first_published_json, load_first_published, reported,
)  # fmt: skip

NS = {"a": ATOM}
ROOT = Path(__file__).resolve().parents[1]
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
def test_without_a_build_day_an_entry_is_dated_by_its_latest_report(published, first, last) -> None:
    event = next(e for e in fx.timeline().events if e.date == "2019-02-03")
    event = replace(event, sources=tuple(replace(event.sources[0], published=p) for p in published))
    assert reported(event) == (first, last)
    entry = parse([event]).find("a:entry", NS)
    assert entry.findtext("a:updated", namespaces=NS) == f"{last.isoformat()}T00:00:00Z"


SITE = Publication("https://example.org/waqai/", date(2026, 12, 7))


def test_an_entry_is_dated_by_when_the_site_first_showed_it() -> None:
    old, new = fx.timeline().events[:2]
    publication = replace(SITE, first_seen={old.id: "2026-11-01"})
    entries = ET.fromstring(atom_feed([old, new], LABELS, title="وقائع", publication=publication)).findall("a:entry", NS)
    assert [(e.findtext("a:id", namespaces=NS), e.findtext("a:updated", namespaces=NS)) for e in entries] == [
        (entry_id(new), "2026-12-07T00:00:00Z"),  # new in this build: newest first
        (entry_id(old), "2026-11-01T00:00:00Z"),  # the day the last published site first showed it
    ]
    assert all(e.findtext("a:published", namespaces=NS) == e.findtext("a:updated", namespaces=NS) for e in entries)


def test_the_next_build_reads_the_days_this_one_published(tmp_path) -> None:
    old, new = fx.timeline().events[:2]
    path = tmp_path / "first-published.json"
    path.write_text(first_published_json([old], SITE), encoding="utf-8")
    later = replace(SITE, day=date(2027, 1, 5), first_seen=load_first_published(path))
    assert (later.first_published(old), later.first_published(new)) == (date(2026, 12, 7), date(2027, 1, 5))


def test_links_are_absolute_and_the_feed_names_itself() -> None:
    feed = ET.fromstring(atom_feed(fx.timeline().events, LABELS, title="وقائع", publication=SITE))
    links = {link.get("rel"): link.get("href") for link in feed.findall("a:link", NS)}
    assert links == {"alternate": "https://example.org/waqai/", "self": "https://example.org/waqai/feed.xml"}
    assert all(e.find("a:link", NS).get("href").startswith("https://example.org/waqai/months/") for e in feed.findall("a:entry", NS))


def test_the_built_feed_reads_cleanly_in_a_feed_reader(built_site) -> None:
    import feedparser

    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    site = configured_site_url(ROOT / "mkdocs.yml")
    assert {link.rel: link.href for link in feed.feed.links}["self"] == site + "feed.xml"
    assert feed.entries and all(entry.link.startswith(site) and entry.updated_parsed for entry in feed.entries)
    assert feed.feed.language == "ar"


def test_feed_updated_is_the_latest_entry_and_output_is_stable() -> None:
    events = fx.timeline().events
    feed = parse(events)
    updated = [e.findtext("a:updated", namespaces=NS) for e in feed.findall("a:entry", NS)]
    assert feed.findtext("a:updated", namespaces=NS) == max(updated)
    assert updated == sorted(updated, reverse=True)
    assert atom_feed(events, LABELS, title="وقائع") == atom_feed(tuple(reversed(events)), LABELS, title="وقائع")
