"""The editor's rules of the temporal engine: quoted bulletins, weekdays against years,
publication dates read from the text, the language data's validation, and parsing
any text without failing."""
from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waqai.errors import ContentError
from waqai.extract.temporal import analyze
from waqai.extract.temporal.lexicon import DATA_DIR, lexicon

WED = date(2018, 6, 13)  # a Wednesday


def values(text: str, published: date | None = WED) -> dict[str, str | None]:
    return {m.text: m.value for m in analyze(text, published).mentions}


# -- quoted bulletins: اليوم and bare weekdays belong to the bulletin's day ------------

@pytest.mark.parametrize(
    "text, expression, expected",
    [
        # the bulletin of Monday 11 June says "today"
        ("ونشر المرصد أمس الأول الإثنين الـ 11 من حزيران الجاري، أنه قتل اليوم ثلاثة مدنيين", "اليوم", "2018-06-11"),
        # ... and "Monday" is the Monday before that Friday, not before the report
        ("وذكرت الوكالة في الـ 8 من حزيران الجاري أن الهجوم بدأ الإثنين", "الإثنين", "2018-06-04"),
        # a bare weekday dates the bulletin too
        ("قال المرصد، الإثنين، إن القصف تجدد اليوم على البلدة", "اليوم", "2018-06-11"),
        # yesterday of the bulletin
        ("وأفاد المرصد في الـ 8 من حزيران الجاري بأن الاشتباكات بدأت أمس", "أمس", "2018-06-07"),
    ],
)
def test_quoted_bulletin_has_its_own_today(text: str, expression: str, expected: str) -> None:
    assert values(text)[expression] == expected


def test_bulletin_ends_with_its_paragraph() -> None:
    text = "ونشر المرصد أمس الإثنين الـ 11 من حزيران الجاري، أنه قتل اليوم ثلاثة\nوقتل اليوم اثنان آخران"
    found = [m.value for m in analyze(text, WED).mentions]
    assert found == ["2018-06-11", "2018-06-11", "2018-06-13"]


def test_next_bulletin_replaces_the_previous_one() -> None:
    text = (
        "ونشر المرصد في الـ 4 من حزيران الجاري، أن القصف طال البلدة اليوم، "
        "كما نشر في الـ 11 من حزيران الجاري، أن الطائرات عادت اليوم"
    )
    assert [m.value for m in analyze(text, WED).mentions] == ["2018-06-04", "2018-06-04", "2018-06-11", "2018-06-11"]


def test_a_bulletin_whose_own_dates_disagree_has_no_day() -> None:
    """"أمس" of a report of Wednesday 13 June is the 12th, but inside the bulletin "أمس
    الأول السبت الـ 9" puts it on the 11th: the source contradicts itself, so its day
    (and its "اليوم") stays unknown, its calendar dates keep the report's year, and
    the editors are told."""
    text = (
        "ونشر المرصد أمس أن القوات سيطرت أمس الأول السبت الـ 9 من حزيران الجاري على البلدة، "
        "وقتل اليوم ثلاثة مدنيين، بعد معارك بدأت يوم الإثنين الـ 4 من حزيران الجاري"
    )
    result = analyze(text, WED)
    assert [(m.text, m.value) for m in result.mentions] == [
        ("أمس", None),
        ("أمس الأول السبت الـ 9 من حزيران الجاري", "2018-06-09"),
        ("اليوم", None),
        ("يوم الإثنين الـ 4 من حزيران الجاري", "2018-06-04"),
    ]
    assert [w.code for w in result.warnings] == ["bulletin-day-contradicted"]


def test_a_bulletin_whose_dates_agree_keeps_its_day() -> None:
    text = "ونشر المرصد أمس أن القوات سيطرت أمس الأول الأحد الـ 10 من حزيران الجاري على البلدة، وقتل اليوم ثلاثة مدنيين"
    result = analyze(text, WED)
    assert [m.value for m in result.mentions] == ["2018-06-12", "2018-06-10", "2018-06-12"]
    assert not result.warnings


def test_a_date_without_reporting_verb_opens_no_bulletin() -> None:
    text = "وقتل في الـ 5 من حزيران الجاري ثلاثة مدنيين، وقتل اليوم اثنان"
    assert values(text)["اليوم"] == "2018-06-13"


def test_a_reporting_verb_without_date_opens_no_bulletin() -> None:
    text = "وذكر المرصد أن القصف تجدد اليوم"
    assert values(text)["اليوم"] == "2018-06-13"


# -- a weekday that contradicts the written year ----------------------------------------

def test_weekday_beats_a_wrong_year_and_is_reported() -> None:
    # 9 June 2017 was a Friday; Saturday 9 June is 2018, the report's own year
    result = analyze("بدأ الهجوم السبت الـ 9 من حزيران / يونيو الجاري من العام 2017", WED)
    (mention,) = result.mentions
    assert mention.value == "2018-06-09"
    (warning,) = result.warnings
    assert warning.code == "weekday-year-mismatch"
    assert (warning.start, warning.end) == (mention.start, mention.end)


def test_a_weekday_that_fits_raises_no_warning() -> None:
    result = analyze("بدأ الهجوم الجمعة الـ 9 من حزيران 2017", WED)
    assert [m.value for m in result.mentions] == ["2017-06-09"] and result.warnings == ()


def test_a_weekday_that_contradicts_a_dated_day_is_reported() -> None:
    # 9 June 2018 was a Saturday; "الجاري" fixes the month and year, so the date stays
    result = analyze("بدأ الهجوم الجمعة الـ 9 من حزيران الجاري", WED)
    assert [m.value for m in result.mentions] == ["2018-06-09"]
    assert [w.code for w in result.warnings] == ["weekday-date-mismatch"]


def test_weekday_picks_the_year_of_a_yearless_date() -> None:
    # 13 June was a Wednesday in 2018 and a Tuesday in 2017: seen from January 2019
    assert values("الأربعاء 13 حزيران", date(2019, 1, 20))["الأربعاء 13 حزيران"] == "2018-06-13"


# -- publication date inferred from the text --------------------------------------------

@pytest.mark.parametrize(
    "text, published, evidence",
    [
        ("قتل اليوم الـ 10 من حزيران الجاري ثلاثة، بعد معارك عام 2018", date(2018, 6, 10), "اليوم الـ 10 من حزيران الجاري"),
        # 13 June was a Wednesday in 2012, 2018 and 2029: the year the text names decides
        ("وقتل أمس الأربعاء الـ 13 من حزيران الجاري، منذ مطلع العام 2017", date(2018, 6, 14), "أمس الأربعاء الـ 13 من حزيران الجاري"),
        ("الخميس 14 حزيران 2018\nقتل ثلاثة مدنيين", date(2018, 6, 14), "الخميس 14 حزيران 2018"),
        # "today, Thursday" and the only Thursday the text dates
        ("قتل اليوم الخميس ثلاثة، وفق بيان صدر في 14 حزيران 2018", date(2018, 6, 14), "اليوم الخميس"),
        ("قتل مدنيون في القصف. " * 40 + "تاريخ النشر: 2018/06/14", date(2018, 6, 14), "2018/06/14"),
        # the report's own "today" wins over the bulletin it quotes
        (
            "عام 2018. نشر المرصد أمس الأربعاء الـ 13 من حزيران، أنه وثق حتى اليوم الـ 13 من حزيران مقتل 40",
            date(2018, 6, 14),
            "أمس الأربعاء الـ 13 من حزيران",
        ),
    ],
)
def test_publication_inferred(text: str, published: date, evidence: str) -> None:
    result = analyze(text, None)
    assert (result.published, result.published_source, result.evidence) == (published, "inferred", evidence)


@pytest.mark.parametrize(
    "text",
    [
        "قصفت الطائرات البلدة خلال الساعات الفائتة",
        "قتل أمس ثلاثة مدنيين",
        # a Wednesday 13 June without any year in the text could be 2012, 2018 or 2029
        "وقتل أمس الأربعاء الـ 13 من حزيران الجاري ثلاثة",
        # a date introduced by a preposition is not a dateline
        "وقعت المجزرة في 5 أيار 2017",
    ],
)
def test_no_evidence_no_publication_date(text: str) -> None:
    result = analyze(text, None)
    assert (result.published, result.published_source, result.evidence) == (None, None, None)


def test_front_matter_date_is_kept() -> None:
    result = analyze("الخميس 14 حزيران 2018\nقتل اليوم ثلاثة", WED)
    assert (result.published, result.published_source, result.evidence) == (WED, "front_matter", None)


def test_inferred_date_resolves_the_relative_expressions() -> None:
    result = analyze("الخميس 14 حزيران 2018\nقتل أمس ثلاثة", None)
    assert [m.value for m in result.mentions] == ["2018-06-14", "2018-06-13"]


# -- language data ---------------------------------------------------------------------

def test_data_loads_and_covers_the_calendar() -> None:
    lex = lexicon()
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert lex.weekdays["الثالثاء"] == lex.weekdays["الثلاثاء"] == 1  # PDF form derived, not listed
    assert lex.ordinals["الحادي والثلاثين"] == 31


@pytest.mark.parametrize(
    "name, broken",
    [
        ("months.yaml", "gregorian:\n  - number: 13\n    names: [شهر]\n"),
        ("weekdays.yaml", "- number: 1\n  names: 5\n"),
        ("relative.yaml", "days: [اليوم]\n"),
        ("vague.yaml", "- [unclosed\n"),
    ],
)
def test_malformed_data_names_the_file(tmp_path, name: str, broken: str) -> None:
    folder = tmp_path / "temporal"
    shutil.copytree(DATA_DIR, folder)
    (folder / name).write_text(broken, encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(name)):
        lexicon(folder)


# -- any text: no exception, valid values, offsets into the original --------------------

ISO = re.compile(r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d)?)?)?")
VOCABULARY = [
    "اليوم", "أمس", "الأول", "غداً", "السبت", "الأحد", "الإثنين", "الخميس", "الـ", "من", "في", "منذ",
    "وحتى", "شباط", "/", "فبراير", "كانون", "الثاني", "أيلول", "(", ")", "سبتمبر", "الجاري", "الفائت",
    "المقبل", "العام", "عام", "الشهر", "ذاته", "مطلع", "منتصف", "ليل", "مساء", "فجر", "الساعة", "11.30",
    "08:22", "م", "قبل", "نحو", "أيام", "أشهر", "ربيع", "1440هـ", "2019", "2018", "1279", "9", "31",
    "٢٠١٩", "٠٥:٣٣", "2019/03/23", "29/2/2019", "30", "و", "،", "\n", "November", "19,", "أنه", "نشر",
    "المرصد", "-", "هـ", "الحادي", "والعشرين", "ماي", "يونيه",
]


def _valid(value: str) -> bool:
    parts = value.split("/")
    if len(parts) > 2 or not all(ISO.fullmatch(p) for p in parts):
        return False
    for p in parts:
        head, _, clock = p.partition("T")
        fields = [int(x) for x in head.split("-")]
        date(fields[0], fields[1] if len(fields) > 1 else 1, fields[2] if len(fields) > 2 else 1)
        if clock:
            hour, minute = map(int, clock.split(":"))
            assert hour < 24 and minute < 60
    return True


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(st.sampled_from(VOCABULARY), max_size=30).map(" ".join)),
    st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))),
)
def test_any_text_parses_to_valid_values(text: str, published: date | None) -> None:
    result = analyze(text, published)
    previous_end = 0
    for m in result.mentions:
        assert previous_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        previous_end = m.end
        if m.value is not None:
            assert _valid(m.value), m.value
    for w in result.warnings:
        assert w.code in ("weekday-year-mismatch", "weekday-date-mismatch")


@pytest.mark.parametrize(
    "text, since",
    [
        ("ارتفعت حصيلة القتلى منذ بدء الهجوم على البلدة في الـ 3 من حزيران الجاري إلى 40", True),
        ("قتل 12 عنصراً منذ انطلاق المعركة يوم الإثنين الـ 4 من حزيران", True),
        ("منذ بدء المعركة. وفي الـ 3 من حزيران قتل 5 مدنيين", False),  # another sentence
        ("قتل 5 مدنيين في الـ 3 من حزيران الجاري", False),
    ],
)
def test_a_date_after_since_the_start_of_starts_a_period(text: str, since: bool) -> None:
    [mention] = analyze(text, WED).mentions
    assert (mention.value[:7], mention.since) == ("2018-06", since)
