"""The pages a publication adds beside the chronology (issue 6): print, feed, changes.

- `print.md`: the whole chronology on one page (title page, contents, every
  month, the charts), for printing all of it and for `waqai pdf`; past
  PRINT_PAGE_LIMIT events its contents link the months' pages instead;
- `changes.md`: what changed since the last published data (waqai.timeline.changes);
- `feed.xml`: the Atom feed of events (waqai.render.feed), and `data/first-published.json`,
  the day the site first showed each event, which the next build's feed reads.

The renderer hands in its own page renderer so these pages use the same
templates, links and digit rules as every other page.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..content.datafiles import read_yaml
from ..content.labels import Labels
from ..content.pages import event_anchor, event_page
from ..errors import ContentError
from ..records import Timeline
from ..timeline.changes import CHANGES_PAGE, changes_view, compare
from .downloads import events_json
from .feed import FEED_PATH, FIRST_PUBLISHED, Publication, atom_feed, first_published_json

PRINT_PAGE = "print.md"
# Past this many events the print page lists the chronology's pages instead of holding them
# all: at 10,000 reports it held 48,000 events, 63 MB that no browser prints and that every
# new report made again. `waqai pdf` gathers those pages into one document.
PRINT_PAGE_LIMIT = 400  # about 0.7 MB of event blocks (pages.SOURCE_LIMIT, FIGURE_LIMIT bound each)
# The "what changed" page lists the first this many of the events added, the figures revised
# and the events removed: against an old release, or none, every event is new.
CHANGES_LIMIT = 200
DEFAULT_PATH = Path(str(resources.files("waqai") / "data" / "publishing.yaml"))
_WORDS = ("feed_title", "feed_subtitle", "pdf_footer", "cite")

# (template, page path, context) -> Markdown: the renderer's own page function.
RenderPage = Callable[..., str]


@lru_cache(maxsize=4)
def load_words(path: Path = DEFAULT_PATH) -> dict[str, str]:
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != set(_WORDS) or not all(isinstance(v, str) and v.strip() for v in data.values()):
        raise ContentError(path, None, f"must give exactly {', '.join(_WORDS)} as non-empty text")
    return data


def cite_line(words: Mapping[str, str], labels: Labels, publication: Publication) -> str:
    """How to cite the chronology: waqai's version, the build's day and the site's address."""
    day = labels.date(publication.day) if publication.day else "؟"
    return words["cite"].format(version=version("waqai"), date=day, url=publication.site_url or "؟")


def publishing_pages(
    render_page: RenderPage,
    timeline: Timeline,
    labels: Labels,
    charts: Sequence[str],
    previous_events: Sequence[Mapping[str, Any]] | None,
    split: frozenset[str],
    limit: int | None = None,
    publication: Publication = Publication(),
) -> dict[str, str]:
    """{docs-relative path: text} of the print page, the changes page and the feed (published
    as `publication` says);
    `split` names the months listed on week pages (pages.split_months); past `limit` events
    (PRINT_PAGE_LIMIT when None) the print page links the months' pages instead of holding them."""
    limit = PRINT_PAGE_LIMIT if limit is None else limit
    by_id = {e.id: e for e in timeline.all_events()}  # an event of unknown date is compared too

    def locate(event: Mapping[str, Any]) -> tuple[str, str]:
        found = by_id[event["id"]]
        return event_page(found, split), event_anchor(found)

    party_names = {actor.id: actor.ar for actor in timeline.actors}
    # with nothing to compare with, the events are only counted: their JSON is not made for that
    current = events_json(timeline) if previous_events is not None else timeline.events
    changes = changes_view(compare(previous_events, current), labels, locate, party_names)
    words = load_words()
    return {
        PRINT_PAGE: render_page("print.md.j2", PRINT_PAGE, charts=charts, whole=len(timeline.events) <= limit, cite=cite_line(words, labels, publication)),
        CHANGES_PAGE: render_page("changes.md.j2", CHANGES_PAGE, changes=changes, limit=CHANGES_LIMIT),
        FEED_PATH: atom_feed(timeline.events, labels, title=words["feed_title"], subtitle=words["feed_subtitle"], split=split, publication=publication),
        FIRST_PUBLISHED: first_published_json(timeline.events, publication),
    }
