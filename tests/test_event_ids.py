"""Event ids come from what an event is, not where it stands: the "what changed" page and
the feed follow events across builds by them (issue 17, rule 8)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from waqai.content.reports import load_content
from waqai.extract.article import extract_article
from waqai.extract.gazetteer import load_gazetteer
from waqai.timeline.assemble import build_timeline

CONTENT = Path(__file__).resolve().parents[1] / "content"
OPENING = "هذا تقرير جديد يضاف في أول النص قبل كل ما سبق.\n\n"


def event_ids(articles) -> set[str]:
    timeline = build_timeline(articles, [extract_article(a) for a in articles], load_gazetteer(CONTENT))
    return {e.id for e in timeline.all_events()}


def test_ids_of_the_default_content_survive_a_sentence_added_at_the_start_of_a_report() -> None:
    articles = load_content(CONTENT)
    before = event_ids(articles)
    for n, article in enumerate(articles):
        changed = [replace(a, body=OPENING + a.body) if i == n else a for i, a in enumerate(articles)]
        kept = len(before & event_ids(changed)) / len(before)
        assert kept >= 0.95, f"{article.id}: {kept:.0%} of the event ids remain"
