"""The extractor never crashes and never hangs, whatever a report holds.

Hypothesis feeds it sentences made of the words its patterns look for, in any
order and with markup and stray punctuation; the records it returns must point
at their own text. The cost test compares one run with an input four times
longer: linear work takes about four times as long, the quadratic scans this
found (overlap checks, a number's line, chains of "بينهم") took sixteen.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waqai.content.reports import parse_article
from waqai.errors import ContentError
from waqai.extract.article import extract_article, extract_text
from waqai.records import Article
from waqai.timeline.assemble import build_timeline

WORDS = (
    "الـ", "ال", "1", "9", "12", "30", "2019", "1440", "٣", "١٢", "من", "في", "منذ", "حتى", "و", "بين", "نحو", "أكثر", "أقل",
    "شباط", "فبراير", "كانون الثاني", "رمضان", "أمس", "اليوم", "غداً", "السبت", "الأحد", "الماضي", "الجاري", "العام", "الشهر",
    "الساعة", "11:30", "مساء", "ليل", "قتل", "قُتل", "مقتل", "عنصراً", "مدنياً", "طفلاً", "بينهم", "من بينهم", "ألف", "آلاف",
    "مئات", "عشرات", "كلم", "مربع", "%", "التنظيم", "قسد", "التحالف", "أفاد", "أن", "ه", "م", "November", "19,",
    "،", ".", ":", "/", "-", "(", ")", "«", "»", "\n", "\n\n", "<b>", "[x](javascript:y)", "{{", "}}", "!!!", "\u200f", "ـ",
)  # fmt: skip
SENTENCES = st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=60).map(" ".join)
PUBLISHED = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
REPORT = Path("content/articles/x.md")
BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@BOUNDED
@given(body=SENTENCES, published=PUBLISHED)
def test_extraction_never_fails_and_points_at_its_own_text(body, published):
    extraction = extract_text("fuzz", body, published)
    for record in (*extraction.dates, *extraction.figures):
        assert 0 <= record.start < record.end <= len(body)
        assert body[record.start : record.end] == record.text


@BOUNDED
@given(raw=st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("utf-8", "replace")))
def test_any_file_is_a_report_or_one_content_error(raw):
    try:
        parse_article(REPORT, "---\nid: x\n---\n" + raw)
    except ContentError as error:
        assert "\n" not in str(error)


@BOUNDED
@given(raw=st.text(max_size=300))
def test_any_front_matter_is_accepted_or_refused_in_one_line(raw):
    try:
        parse_article(REPORT, f"---\n{raw}\n---\nنص.\n")
    except ContentError as error:
        assert "\n" not in str(error)


def _best_of(measure: Callable[[], float], runs: int = 3) -> float:
    """The least of `runs` timings: a busy machine only adds to a run's time, never takes from it."""
    return min(measure() for _ in range(runs))


def _cost(unit: str, chars: int) -> float:
    body = unit * (chars // len(unit))

    def once() -> float:
        start = time.process_time()
        extract_text("long", body, date(2019, 2, 10))
        return time.process_time() - start

    return _best_of(once)


@pytest.mark.parametrize(
    ("unit", "chars"),
    [
        ("الـ 1 من ", 40_000),  # the case: one line of "الـ 1 من" repeated
        ("من ", 20_000),  # lead words without a date after them
        ("الـ 1 من شباط ", 20_000),  # thousands of overlapping readings
        ("12 و", 8_000),  # a list of days that never ends
        ("من بينهم 3 أطفال و", 8_000),  # parts of parts of parts
        ("1 ", 4_000),  # a number per word, on one line
        ("أمس أن ", 20_000),  # bulletin openers on one line
    ],
)
def test_cost_grows_linearly_with_the_input(unit, chars):
    extract_text("warm", "الـ 1 من شباط 2019 قتل 12 عنصراً", date(2019, 2, 10))  # lexicons and patterns loaded
    small, large = _cost(unit, chars), _cost(unit, 4 * chars)
    assert large < 9 * max(small, 0.01), f"{unit!r}: {small:.2f} s for {chars} characters, {large:.2f} s for four times as many"


def _timeline_cost(unit: str, chars: int) -> float:
    body = unit * (chars // len(unit))
    article = Article(id="long", path=Path("long.md"), body=body, body_line=1, published=date(2019, 2, 10))
    extraction = extract_article(article)

    def once() -> float:
        start = time.process_time()
        build_timeline([article], [extraction])
        return time.process_time() - start

    return _best_of(once)


@pytest.mark.parametrize(
    ("unit", "chars"),
    [
        ("قتل 3 مدنيين. ", 10_000),  # thousands of same-day events of one report (merge)
        ("في الـ 1 من شباط 2019 قتل 3 مدنيين وفي الـ 2 من شباط 2019 قتل 4 مدنيين، ", 10_000),  # one clause, many figures
        ("تقلص جيب التنظيم شرق الفرات إلى 4 كلم مربع. ", 10_000),  # a pocket looked up per territory figure
        ("وقتل 3 مدنيين يوم السبت كما قتل 4 مدنيين يوم الأحد ", 10_000),  # one sentence cut by its days into thousands of clauses
    ],
)
def test_timeline_cost_grows_linearly_with_the_input(unit, chars):
    _timeline_cost("قتل 3 مدنيين. ", 200)  # data files loaded
    small, large = _timeline_cost(unit, chars), _timeline_cost(unit, 4 * chars)
    assert large < 9 * max(small, 0.01), f"{unit!r}: {small:.2f} s for {chars} characters, {large:.2f} s for four times as many"
