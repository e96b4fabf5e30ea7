"""PLACEHOLDER until the figures extractor lands."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..records import DateMention, Figure


def find_figures(text: str, dates: Sequence[DateMention], reported_on: date | None) -> tuple[Figure, ...]:
    return ()
