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
    beside: tuple[re.Pattern[str], ...]  # a clause's opener, then where what is told beside it opens (`ويأتي ذلك في وقت`)


def _alternation(phrases: list[str]) -> str:
    """Longest first; phrases of one length in a fixed order, so that every process makes the
    same pattern (and finds its compiled program kept: regex_cache)."""
    folded = sorted({fold(p) for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in folded)


@lru_cache(maxsize=4)
def load_rules(path: Path = DEFAULT_PATH) -> ClauseRules:
    """Read data/clauses.yaml into the pattern the splitter uses."""
    data = read_yaml(path)
    names = ("strong", "after_comma", "bulletins")
    if not isinstance(data, dict) or set(data) != {*names, "beside"}:
        raise ContentError(path, None, f"must have exactly the lists {', '.join(names)} and the table beside")
    lists = {k: _alternation(text_list(path, k, data[k])) for k in names}
    return ClauseRules(
        compiled(
            rf"(?:(?<=[\s،,])|^)(?P<bulletin>و?(?:{lists['bulletins']}))(?!\w)"  # a comma may be written onto the word
            rf"|(?:(?<=[\s،,])|^)(?P<strong>[وف]?(?:{lists['strong']}))(?!\w)"
            rf"|[،,]\s*(?P<after_comma>و?(?:{lists['after_comma']}))(?!\w)"
        ),
        _beside(path, data["beside"]),
    )


def _beside(path: Path, table: object) -> tuple[re.Pattern[str], ...]:
    """The patterns of data/clauses.yaml `beside`: a clause's opener, then (group `at`) the
    first word or mark after it where what is told beside it opens."""
    if not isinstance(table, list) or not all(isinstance(row, dict) and set(row) == {"opens", "then"} and row["opens"] and row["then"] for row in table):
        raise ContentError(path, None, "beside: must be a list of tables with the lists opens and then, neither empty")
    out = []
    for i, row in enumerate(table):
        then = text_list(path, f"beside[{i}].then", row["then"])
        words = _alternation([w for w in then if w[:1].isalpha()])
        marks = "".join(re.escape(m) for m in then if not m[:1].isalpha())
        at = "|".join(([rf"(?<=\s)(?:{words})(?!\w)"] if words else []) + ([f"[{marks}]"] if marks else []))
        out.append(compiled(rf"\s*[وف]?(?:{_alternation(text_list(path, f'beside[{i}].opens', row['opens']))})(?!\w).*?(?P<at>{at})"))
    return tuple(out)


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
    for i in range(len(cuts) - 1, -1, -1):  # `ويأتي ذلك في وقت ...`: the other happening's own clause
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(norm.text)
        at = next((m for pattern in rules.beside if (m := pattern.match(norm.text, cuts[i][0], end))), None)
        if at:
            cuts.insert(i + 1, [at.start("at"), at.start("at"), False])
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
