"""PLACEHOLDER until the temporal engine lands: no mentions, front-matter date only."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..records import DateMention, Warning


@dataclass(frozen=True)
class TemporalResult:
    mentions: tuple[DateMention, ...]
    published: date | None
    published_source: str | None
    evidence: str | None
    warnings: tuple[Warning, ...]


def analyze(text: str, published: date | None) -> TemporalResult:
    return TemporalResult((), published, "front_matter" if published else None, None, ())
