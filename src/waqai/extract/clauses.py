"""Sentence -> clauses: the unit an event is read from.

A SOHR sentence runs on for a paragraph, chaining several happenings with `،`
and connectors (`فيما`, `في حين`, `بينما`, `كما`, `وسط`); one event per
sentence would glue a toll of September to a clash of last night. The
connectors are language data (data/clauses.yaml).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..content.datafiles import PACKAGE_DATA, read_yaml, text_list
from ..errors import ContentError
from .normalize import fold, normalize
from .regex_cache import compiled
from .sentences import Sentence

DEFAULT_PATH = PACKAGE_DATA / "clauses.yaml"
_TRIM = " \t\n،,:;.-–"


@dataclass(frozen=True)
class Clause:
    """A clause of one sentence, with offsets into the article body."""

    sentence: int  # index of its sentence (anchor `s{n}`)
    start: int
    end: int
    text: str
    bulletin: bool = False  # opens a new dispatch: does not inherit the previous clause's date
    aside: bool = False  # tells an earlier happening inside another clause (timeline.events._told_apart): its date is its own alone


@dataclass(frozen=True)
class ClauseRules:
    """One pattern: an opener of a new clause, in group `strong`, `bulletin` or `after_comma`."""

    boundary: re.Pattern[str]


def _alternation(phrases: list[str]) -> str:
    """Longest first; phrases of one length in a fixed order, so that every process makes the
    same pattern (and finds its compiled program kept: regex_cache)."""
    folded = sorted({fold(p) for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in folded)


@lru_cache(maxsize=4)
def load_rules(path: Path = DEFAULT_PATH) -> ClauseRules:
    """Read data/clauses.yaml into the pattern the splitter uses."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != {"strong", "after_comma", "bulletins"}:
        raise ContentError(path, None, "must have exactly the lists strong, after_comma, bulletins")
    lists = {k: _alternation(text_list(path, k, data[k])) for k in ("strong", "after_comma", "bulletins")}
    return ClauseRules(
        compiled(
            rf"(?:(?<=[\s،,])|^)(?P<bulletin>و?(?:{lists['bulletins']}))(?!\w)"  # a comma may be written onto the word
            rf"|(?:(?<=[\s،,])|^)(?P<strong>و?(?:{lists['strong']}))(?!\w)"
            rf"|[،,]\s*(?P<after_comma>و?(?:{lists['after_comma']}))(?!\w)"
        )
    )


def split_clauses(sentence: Sentence, rules: ClauseRules | None = None) -> list[Clause]:
    """The clauses of one sentence, in order, covering it (connectors open their clause).

    Openers in a row (`في حين وثق المرصد`) open one clause, a bulletin if any of them is.
    """
    rules = rules or load_rules()
    norm = normalize(sentence.text)
    cuts: list[list] = [[0, 0, False]]  # [clause start, end of its openers, is a bulletin] (normalized)
    for m in rules.boundary.finditer(norm.text):
        group = m.lastgroup
        start, end = m.start(group), m.end(group)
        if not norm.text[cuts[-1][1] : start].strip():  # nothing but openers since the last cut
            cuts[-1][1] = end
            cuts[-1][2] = cuts[-1][2] or group == "bulletin"
        else:
            cuts.append([start, end, group == "bulletin"])
    bounds = [(norm.span(c, c)[0], bulletin) for c, _, bulletin in cuts] + [(len(sentence.text), False)]
    clauses = []
    for (a, bulletin), (b, _) in zip(bounds, bounds[1:]):
        chunk = sentence.text[a:b]
        text = chunk.strip(_TRIM)
        if not text:
            continue
        start = sentence.start + a + chunk.index(text)
        clauses.append(Clause(sentence.index, start, start + len(text), text, bulletin))
    return clauses
