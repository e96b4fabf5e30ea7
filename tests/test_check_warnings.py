"""`waqai check` warns of what a build accepts but a reader would trip on; `--strict` refuses it.

On a copy of the default content: a sentence dated 31 شباط (a day February
does not have: the extractor finds the date but cannot place it in the
chronology), and a report whose title or outlet is gone, each get one line
`file:line: warning: ...`; `waqai check` still exits 0, `waqai check --strict` 1.
"""
from __future__ import annotations

import pytest

from project_copy import waqai
from waqai.check import impossible_dates

REPORT = "content/articles/001_ba2ff15a634afa3c.md"


def _edit(project, old: str, new: str) -> int:
    """Replace the first `old` of the report by `new`; the line where it was."""
    path = project / REPORT
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def _warning(project) -> str:
    check, strict = waqai(project, "check"), waqai(project, "check", "--strict")
    assert (check.status, strict.status) == (0, 1), check.stderr
    (warning,) = [line for line in check.stderr.splitlines() if ": warning: " in line]
    assert strict.one_line() == warning
    return warning


def test_a_date_its_month_does_not_have(project_copy):
    body = (project_copy / REPORT).read_text(encoding="utf-8").split("---\n", 2)[2]
    first_sentence_end = body.index(".") + 1
    line = _edit(project_copy, body[:first_sentence_end], body[:first_sentence_end] + " وتجددت الاشتباكات في 31 شباط 2019 قرب البلدة.")
    line += body[:first_sentence_end].count("\n")
    assert _warning(project_copy).startswith(f"{REPORT}:{line}: warning: «في 31 شباط 2019»")


@pytest.mark.parametrize("field", ["title", "outlet"])
def test_a_report_without_title_or_outlet(project_copy, field):
    text = (project_copy / REPORT).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(f"{field}:"))
    _edit(project_copy, line + "\n", "")
    assert _warning(project_copy) == f"{REPORT}:2: warning: no {field}: add a '{field}:' line to the front matter"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("قُتل 3 مدنيين في ٣١ شباط ٢٠١٩ قرب البلدة.", "في ٣١ شباط ٢٠١٩"),
        ("وفي الحادي والثلاثين من نيسان 2019 تجددت الاشتباكات.", "وفي الحادي والثلاثين من نيسان 2019"),
        ("وفي 29 شباط 2019 انسحبت القوات.", "وفي 29 شباط 2019"),
        ("وفي 29 شباط 2020 انسحبت القوات.", None),
        ("وفي 29 شباط انسحبت القوات.", None),
        ("وفي 31 آذار 2019 انسحبت القوات.", None),
    ],
)
def test_which_dates_do_not_exist(sentence, found):
    assert [text for _, text in impossible_dates(sentence)] == ([found] if found else [])
