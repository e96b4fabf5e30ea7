"""The Atom feed of events (`feed.xml`), for readers who follow the timeline.

One entry per event, dated by when the site first published it (a feed reader
shows what is new on the site, not when the happening was): the build date (fixed by
the content, waqai.reproducible) for an event new in this build, the date kept in the
last published site's `data/first-published.json` for one it had already. Never the
clock, so two builds of the same content give the same bytes. The feed's `updated` is
the latest of its entries. Entry ids are name-based UUIDs of the event ids, which are
stable across builds. Links are absolute, from the site address of mkdocs.yml
(`site_url`), and the feed names its own address (`rel="self"`), as feed readers need.
"""
from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from ..content.labels import Labels
from ..content.pages import event_anchor, event_page, split_months
from ..errors import ContentError
from ..records import Event

FEED_PATH = "feed.xml"
FIRST_PUBLISHED = "data/first-published.json"  # event id -> the day the site first published it
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


@dataclass(frozen=True)
class Publication:
    """Where and when the site is published: its address, this build's day, and the day the
    last published site first showed each event it had (its data/first-published.json)."""

    site_url: str = ""  # "" writes links relative to the feed (a fragment of a site, in tests)
    day: date | None = None  # None: an event's latest report date stands for it
    first_seen: Mapping[str, str] = field(default_factory=dict)

    def first_published(self, event: Event) -> date:
        """The day the site first showed `event`."""
        seen = self.first_seen.get(event.id)
        return date.fromisoformat(seen) if seen else (self.day or reported(event)[1])

    def link(self, path: str) -> str:
        return self.site_url.rstrip("/") + "/" + path if self.site_url else path


def configured_site_url(config: Path) -> str:
    """The `site_url` of an mkdocs.yml (its !ENV tags read as MkDocs reads them), ending in /."""
    with config.open(encoding="utf-8") as source:
        url = str(yaml_load(source).get("site_url") or "")
    return url if not url or url.endswith("/") else url + "/"


def load_first_published(path: Path) -> dict[str, str]:
    """A site's data/first-published.json ({event id: YYYY-MM-DD}); nothing when it has none."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): date.fromisoformat(v).isoformat() for k, v in data.items()}
    except (ValueError, AttributeError, TypeError) as exc:
        raise ContentError(path, None, f"not a map of event ids to dates: {exc}".splitlines()[0]) from None


def first_published_json(events: Sequence[Event], publication: Publication) -> str:
    """data/first-published.json of this build, for the next one: every event's first day on the site."""
    days = {event.id: publication.first_published(event).isoformat() for event in events}
    return json.dumps(dict(sorted(days.items())), indent=0, separators=(",", ":")) + "\n"


def reported(event: Event) -> tuple[date, date]:
    """(first, last) publication date of the reports behind `event`; its own day when none is known."""
    days = sorted(s.published for s in event.sources if s.published) or [event.day]
    return days[0], days[-1]


def atom_feed(
    events: Sequence[Event], labels: Labels, *, title: str, subtitle: str = "", split: frozenset[str] | None = None,
    publication: Publication = Publication(),
) -> str:
    """The feed as XML text: the FEED_LIMIT events the site published last, newest first;
    `split` names the months listed on week pages (by default, as pages.split_months says)."""
    ordered = sorted(events, key=lambda e: (publication.first_published(e), reported(e)[1], e.day, e.id), reverse=True)[:FEED_LIMIT]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "ar"})
    _text(feed, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'feed')}")
    _text(feed, "title", title)
    if subtitle:
        _text(feed, "subtitle", subtitle)
    _text(feed, "updated", _timestamp(max((publication.first_published(e) for e in ordered), default=date(1970, 1, 1))))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": publication.link("") or "./"})
    if publication.site_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": publication.link(FEED_PATH)})
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", title)
    split = split_months(events) if split is None else split
    for event in ordered:
        feed.append(_entry(event, labels, split, publication))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(event: Event, labels: Labels, split: frozenset[str], publication: Publication) -> ET.Element:
    shown = _timestamp(publication.first_published(event))
    entry = ET.Element(f"{{{ATOM}}}entry")
    _text(entry, "id", entry_id(event))
    _text(entry, "title", f"{labels.value(event.date)}: {_shorten(event.summary)}")
    _text(entry, "published", shown)
    _text(entry, "updated", shown)
    ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": publication.link(event_url(event, split))})
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
