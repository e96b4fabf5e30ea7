"""`waqai check`: what `waqai build` would refuse in content/, found without building.

A pre-commit hook wants every problem at once and in a second, so this reads
the reports and the editorial data with the build's own loaders (the same
messages), lists every broken file instead of stopping at the first, and never
extracts, renders or writes.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .content.acknowledged import ACKNOWLEDGED_FILE, load_acknowledged
from .content.reports import list_articles, read_articles
from .errors import ContentError
from .extract.gazetteer import load_gazetteer
from .records import Article


def check_content(content: Path, today: date | None) -> tuple[list[Article], list[ContentError]]:
    """The valid reports of `content` and one error per problem, in file order."""
    try:
        paths, refused = list_articles(content)
    except ContentError as exc:
        return [], [exc]
    articles, problems = read_articles(paths, today)
    problems = sorted([*refused, *problems], key=lambda problem: os.path.normcase(problem.path.name))
    editorial: tuple[Callable[[], object], ...] = (
        lambda: load_gazetteer(content),
        lambda: load_acknowledged(content / ACKNOWLEDGED_FILE),
    )
    for load in editorial:
        try:
            load()
        except ContentError as exc:
            problems.append(exc)
    return articles, problems
