"""The extract stage: one article's body in, its dates, figures and warnings out.

Pure functions: no file access and no clock, so articles can be extracted in
parallel and the same input always gives the same output. Dates come first
because figures need them (a cumulative toll's `since` and `as_of`).
"""
from __future__ import annotations

from datetime import date

from ..records import Article, Extraction
from .figures import find_figures
from .temporal import analyze


def extract_text(article_id: str, body: str, published: date | None) -> Extraction:
    """Extract everything from a body; `published` is the front matter's date, if any."""
    temporal = analyze(body, published)
    figures = find_figures(body, temporal.mentions, temporal.published)
    return Extraction(
        article_id=article_id,
        published=temporal.published,
        published_source=temporal.published_source,
        published_evidence=temporal.evidence,
        dates=temporal.mentions,
        figures=figures,
        warnings=temporal.warnings,
    )


def extract_article(article: Article) -> Extraction:
    return extract_text(article.id, article.body, article.published)


def extraction_json(source: str, extraction: Extraction) -> dict:
    """The JSON object `waqai extract --json` prints for one file (see shared/eval/score.py)."""
    return {
        "source": source,
        "id": extraction.article_id,
        "published": extraction.published.isoformat() if extraction.published else None,
        "published_source": extraction.published_source,
        "published_evidence": extraction.published_evidence,
        "dates": [d.to_json() for d in extraction.dates],
        "figures": [f.to_json() for f in extraction.figures],
        "warnings": [w.to_json() for w in extraction.warnings],
    }
