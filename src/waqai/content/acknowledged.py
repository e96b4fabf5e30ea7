"""Warnings the editor has read and accepted, so `waqai build --strict` can fail on the rest.

An extraction warning (a weekday that does not fit the year, ...) or a series
flag (a toll that goes down, an area that grows) is something a person must
look at before publishing. `content/acknowledged.yaml` lists the ones looked
at, each with a note saying why it is fine:

    - article: 000_8344723051fd3769   # a report id, for an extraction warning
      code: weekday-year-mismatch
      note: the report's own slip; the date follows its publication date
    - key: "killed:isis:2018-09-10"    # a series chain, for a flag
      code: toll-down
      note: a later report corrects the earlier toll

A strict build fails on every warning not listed, and on listed ones that no
longer happen (a stale acknowledgement would hide the next real warning).
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import ContentError
from ..records import Article, Extraction, Flag
from .datafiles import read_yaml

ACKNOWLEDGED_FILE = "acknowledged.yaml"
_KEYS = {"article", "key", "code", "note"}

Subject = tuple[str, str]  # ("article:<id>" | "key:<chain>", code)


def load_acknowledged(path: Path) -> frozenset[Subject]:
    """The acknowledged (subject, code) pairs; an absent file acknowledges nothing. Errors name the file and entry."""
    if not path.is_file():
        return frozenset()
    data = read_yaml(path)
    if data is None:
        return frozenset()
    if not isinstance(data, list):
        raise ContentError(path, 1, "must be a list of entries (article or key, code, note)")
    out: set[Subject] = set()
    for number, entry in enumerate(data, start=1):
        where = f"entry {number}"
        if not isinstance(entry, dict):
            raise ContentError(path, None, f"{where}: must be a mapping with article or key, code and note")
        unknown = set(entry) - _KEYS
        if unknown:
            raise ContentError(path, None, f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        if ("article" in entry) == ("key" in entry):
            raise ContentError(path, None, f"{where}: give exactly one of `article` (a report id) or `key` (a series chain)")
        for field in ("code", "note"):
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                raise ContentError(path, None, f"{where}: `{field}` must be non-empty text")
        subject = f"article:{entry['article']}" if "article" in entry else f"key:{entry['key']}"
        out.add((subject, entry["code"]))
    return frozenset(out)


def strict_problems(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    flags: Sequence[Flag],
    acknowledged: frozenset[Subject],
    acknowledged_path: Path,
) -> list[str]:
    """One line per unacknowledged warning or flag, and per stale acknowledgement; empty when strict passes."""
    problems: list[str] = []
    seen: set[Subject] = set()
    for article, extraction in zip(articles, extractions, strict=True):
        for warning in extraction.warnings:
            subject = (f"article:{article.id}", warning.code)
            seen.add(subject)
            if subject not in acknowledged:
                problems.append(f"{article.path}: warning [{warning.code}] {warning.message}")
    for flag in flags:
        subject = (f"key:{flag.key}", flag.code)
        seen.add(subject)
        if subject not in acknowledged:
            problems.append(f"series {flag.key}: flag [{flag.code}] {flag.message}")
    for subject, code in sorted(acknowledged - seen):
        problems.append(f"{acknowledged_path}: {subject} [{code}] is acknowledged but no longer happens; remove the entry")
    if problems:
        problems.append(f"(review each one, then list it with a note in {acknowledged_path} to acknowledge it)")
    return problems


def check_strict(content: Path, articles: Sequence[Article], extractions: Sequence[Extraction], flags: Sequence[Flag]) -> None:
    """Raise ContentError listing every strict problem of a build (nothing when there is none)."""
    path = content / ACKNOWLEDGED_FILE
    problems = strict_problems(articles, extractions, flags, load_acknowledged(path), path)
    if problems:
        count = len(problems) - 1
        raise ContentError(path, None, f"--strict: {count} problem{'s' if count > 1 else ''}:\n  " + "\n  ".join(problems))
