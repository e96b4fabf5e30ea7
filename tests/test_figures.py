"""Figures extractor: what is not a figure, breakdowns, cumulative tolls, number
reading, data-file errors, and properties that hold on any text."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from waqai.errors import ContentError
from waqai.extract.figures import bounds, find_figures
from waqai.extract.figures.context import Context
from waqai.extract.figures.lexicon import DATA_DIR, load_lexicon
from waqai.extract.figures.numbers import _word_numbers, digit_value, find_numbers
from waqai.extract.figures.words import WordIndex, stems, tokenize
from waqai.extract.normalize import normalize
from waqai.records import DateMention


def valued(text: str, dates: tuple[DateMention, ...] = (), reported_on: date | None = None):
    return [f for f in find_figures(text, dates, reported_on) if f.value is not None]


# --- numbers that are not figures ------------------------------------------------

NOT_FIGURES = [
    ("share counter", "التنظيم يخسر آخر مواقعه في الريف الشرقي\n\n34\n\nمحافظة دير الزور – قتل مدنيون"),
    ("year", "قتل مدنيون في القصف خلال العام 2018 في المدينة"),
    ("bare year", "اندلعت الاشتباكات في 2017 وقتل فيها كثيرون"),
    ("day in a date", "قتل مدنيون يوم الـ 12 من آذار الفائت"),
    ("day and month", "قتل عناصر من التنظيم في 14 أكتوبر الماضي"),
    ("two days", "وصلت التعزيزات في الـ 23 والـ 24 من كانون الثاني"),
    ("slashed date", "قتل 2019/03/23 في الغارات"),
    ("clock time", "قتل مدنيون عند الساعة 11.30 من مساء السبت"),
    ("clock with colon", "قتل جنود عند 07:45 صباحاً"),
    ("duration in hours", "قتل العشرات خلال الـ 24 ساعة الأخيرة"),
    ("hours with article", "لم تكد الساعات الـ 48 تنقضي على مقتل القائد"),
    ("duration in months", "قتل كثيرون خلال 6 أشهر فقط"),
    ("duration in words", "استمرت المواجهات لنحو أربع ساعات وقتل فيها عناصر"),
    ("age", "قتل رجل يبلغ من العمر 45 عاماً"),
    ("unit number", "قتل عناصر من الفرقة 17 في الهجوم"),
    ("brigade number", "مقتل قائد اللواء 47 في الكمين"),
    ("page number", "تفاصيل مقتل القادة صفحة 06"),
    ("number with no noun or verb", "وصل الرتل رقم 3 إلى القاعدة وقال إن 12 ستصل لاحقاً"),
    ("ordinal", "قتل في اليوم العاشر من المعركة مدنيون"),
    ("ordinal with eleven", "في الحادي عشر من الشهر قتل مدنيون"),
    ("definite number word", "خلال الأيام الثلاثة الفائتة قتل عناصر"),
    ("percent with no area", "نسبة المشاركة 0% في الانتخابات"),
    ("fraction of people", "نصفهم تقريباً من النازحين"),
    ("a single noun", "قتل فيها مواطنة وطفل"),
    ("number word with no noun", "فيما تمكن اثنان آخران من الفرار"),
    ("a number word after a noun that counts something else", "التقت اللجنة المدنيين ثلاث مرات وقتل عناصر"),
    ("a place named like a dual", "وصلت التعزيزات إلى بلدة القريتين شرق حمص"),
    ("a definite number after a noun that is not counted", "بقيت الطرق الأربعة مغلقة بعد مقتل القائد"),
]


@pytest.mark.parametrize("kind, text", NOT_FIGURES, ids=[k for k, _ in NOT_FIGURES])
def test_not_a_figure(kind: str, text: str) -> None:
    assert valued(text) == []


def test_number_inside_a_date_mention_is_skipped() -> None:
    text = "قتل 5 عناصر"
    mention = DateMention(4, 5, "5", "2019-02-05", "day", "explicit")
    assert valued(text, (mention,)) == []


@pytest.mark.parametrize(
    "text, value, category, unit",
    [
        ("تدور اشتباكات على بعد 35 كلم من المدينة", 35, "other", "km"),
        ("تقع البلدة على مسافة 45 كم من مركز المحافظة", 45, "other", "km"),
        ("حصر التنظيم في آخر 4 كلم من الجيب", 4, "territory", "km2"),
        ("يسيطر على نحو 4000 كلم مربع في البادية", 4000, "territory", "km2"),
    ],
)
def test_distance_or_area(text: str, value: float, category: str, unit: str) -> None:
    [figure] = valued(text)
    assert (figure.value, figure.category, figure.unit) == (value, category, unit)


# --- breakdowns -----------------------------------------------------------------------


def test_breakdown_total_with_nested_parts() -> None:
    text = (
        "ارتفع إلى 401 بينهم 144 طفلاً و86 مواطنة، من ضمنهم 233 مواطناً سورياً بينهم "
        "99 طفلاً و57 مواطنة، عدد المدنيين الذين قضوا في القصف"
    )
    figures = valued(text)
    values = [f.value for f in figures]
    assert values == [401, 144, 86, 233, 99, 57]
    total, syrians = figures[0], figures[3]
    assert [values[i] for i in total.parts] == [144, 86, 233]
    assert [values[i] for i in syrians.parts] == [99, 57]
    assert {f.category for f in figures} == {"killed"}
    assert [f.party for f in figures] == ["civilians", "children", "women", "civilians", "children", "women"]


def test_parts_inherit_the_total_category() -> None:
    figures = valued("ارتفعت حصيلة المجزرة إلى 19 شخصاً على الأقل هم 5 مقاتلين و14 مدنياً")
    assert [(f.value, f.category) for f in figures] == [(19, "killed"), (5, "killed"), (14, "killed")]
    assert figures[0].parts == (1, 2)
    assert figures[0].qualifier == "at_least"


def test_a_part_keeps_its_own_verb() -> None:
    text = "خرج 5000 شخص من الجيب، من ضمنهم نحو 300 عنصر من التنظيم ممن جرى اعتقالهم"
    figures = valued(text)
    assert [(f.value, f.category) for f in figures] == [(5000, "exits"), (300, "arrested")]
    assert figures[0].parts == (1,)


def test_coordinated_figures_share_the_verb() -> None:
    figures = valued("كما قتل 450 مقاتلاً من قوات سوريا الديمقراطية و900 مقاتل من التنظيم")
    assert [(f.value, f.category, f.party) for f in figures] == [(450, "killed", "sdf"), (900, "killed", "isis")]
    assert figures[0].parts == ()


# --- cumulative tolls -------------------------------------------------------------------


def test_cumulative_toll_takes_since_and_as_of() -> None:
    text = "ليرتفع إلى 530 عدد عناصر التنظيم الذين قتلوا منذ الـ 10 من أيلول"
    start = text.index("منذ")
    since = DateMention(start, len(text), text[start:], "2018-09-10", "day", "since", since=True)
    [figure] = valued(text, (since,), date(2019, 2, 10))
    assert (figure.value, figure.category, figure.party) == (530, "killed", "isis")
    assert (figure.since, figure.as_of) == ("2018-09-10", "2019-02-10")


def test_no_period_without_a_since_mention() -> None:
    [figure] = valued("قتل 12 مدنياً في القصف", (), date(2019, 2, 10))
    assert (figure.since, figure.as_of) == (None, None)


# --- vague counts, qualifiers, bounds -------------------------------------------------------


@pytest.mark.parametrize(
    "text, low, category",
    [
        ("أوقعت المعارك عشرات القتلى", 10, "killed"),
        ("نزوح الآلاف من المدنيين", 1000, "displaced"),
        ("خروج مئات العوائل من الجيب", 100, "exits"),
        ("فر عشرات الآلاف نحو الحدود", 10000, "exits"),
    ],
)
def test_vague_counts_are_kept_without_a_value(text: str, low: float, category: str) -> None:
    [figure] = find_figures(text, (), None)
    assert (figure.value, figure.qualifier, figure.low, figure.category) == (None, "vague", low, category)


@pytest.mark.parametrize(
    "qualifier, low, high",
    [("exact", 7, 7), ("approx", None, None), ("more_than", 7, None), ("at_least", 7, None), ("less_than", None, 7), ("at_most", None, 7)],
)
def test_bounds(qualifier: str, low: float | None, high: float | None) -> None:
    assert bounds(7, qualifier, None) == (low, high)


def test_at_most_and_fraction_of_area() -> None:
    [figure] = valued("امتدت دولته على مساحة تصل إلى ثلث البلاد")
    assert (figure.value, figure.unit, figure.qualifier, figure.high) == (33.3, "percent", "at_most", 33.3)


# --- reading numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "digits, value", [("1,279", 1279), ("36545", 36545), ("11.5", 11.5), ("3,5", 3.5), ("1,2,3", None), ("12,345,678", 12345678)]
)
def test_digit_value(digits: str, value: float | None) -> None:
    assert digit_value(digits) == value


@pytest.mark.parametrize(
    "text, values",
    [
        ("١٬٢٧٩ و٤ آلاف", [1279, 4000]),
        ("36 ألف و400 ألف و120 ألفاً", [36000, 400000, 120000]),
        ("ثمانين ومائتين", [280]),  # one compound number
        ("ثلاثة ملايين وجنديين", [3_000_000, 2]),
        ("خمسمائة وخمسة وعشرون", [525]),
        ("نحو نصف", [0.5]),
    ],
)
def test_find_numbers(text: str, values: list[float]) -> None:
    normalized, lex = normalize(text).text, load_lexicon()
    tokens = tokenize(normalized)
    assert [n.value for n in find_numbers(normalized, lex, tokens, lex.words.scan(normalized, tokens))] == values


def test_offsets_point_into_the_original_text() -> None:
    text = "قُتِلَ ١٢ مدنيّاً في القصف"
    [figure] = valued(text)
    assert figure.text == text[figure.start : figure.end] == "١٢ مدنيّاً"
    assert figure.value == 12


# --- data files -----------------------------------------------------------------------------------


def test_a_broken_data_file_is_named(tmp_path: Path) -> None:
    for source in DATA_DIR.glob("*.yaml"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "qualifiers.yaml").write_text("before:\n  roughly: [نحو]\n", encoding="utf-8")
    with pytest.raises(ContentError, match="qualifiers.yaml.*roughly"):
        load_lexicon(tmp_path)


# --- any text ---------------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["قتل", "مقتل", "نحو", "أكثر من", "على الأقل", "بينهم", "و", "كلم مربع", "%", "عشرات", "آلاف", "ألف", "طفلاً",
     "منذ", "الـ", "من", "،", ".", "\n", " ", "١٢", "3", "1,279", "ثلاثة", "جنديين", "نصف", "مساحة", "ممن قتلوا", "ً",
     "(", ")", "كم2", "مدني واحد", "الجنود", "الأربعة", "منهم", "عدد", "ألفاً و", "بالإضافة إلى", "اثنين", "مدينة"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=30).map(" ".join))
def test_any_text(text: str) -> None:
    figures = find_figures(text, (), None)
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start : f.end]
        if f.value is None:
            assert f.qualifier == "vague" and f.low is not None
        elif f.qualifier == "exact":
            assert f.low == f.high == f.value
        if f.low is not None and f.high is not None:
            assert f.low <= f.high
        assert all(0 <= p < len(figures) for p in f.parts)
    assert all(a.end <= b.start for a, b in zip(figures, figures[1:]))  # one figure per stretch of text


def test_a_definite_number_without_noun_is_a_rank() -> None:
    assert valued("قتل في الذكرى الـ 7 للثورة مدنيون") == []


# --- word lists -------------------------------------------------------------------------------------


def test_word_index_reads_clitics_quotes_and_open_endings() -> None:
    index = WordIndex()
    index.add("party", [("تنظيم الدولة الإسلامية", "isis"), ("التحالف", "coalition")])
    index.add("trigger", [("قتيل*", "killed")])
    index.add("vague", [("عشرات", 10)], article=False)
    text = normalize("لتنظيم “الدولة الإسلامية” وللتحالف قتيلا العشرات").text
    hits = index.scan(text)
    assert [(h.label, text[h.start : h.end]) for h in hits["party"]] == [
        ("isis", "تنظيم “الدوله الاسلاميه"),
        ("coalition", "تحالف"),
    ]
    assert [h.label for h in hits["trigger"]] == ["killed"]
    assert hits["vague"] == []  # a number word takes no article: "العشرات" is listed as such when meant


@pytest.mark.parametrize(
    "token, stem, skipped",
    [("وللتنظيم", "تنظيم", 3), ("بالتنظيم", "تنظيم", 3), ("فقتل", "قتل", 1), ("التنظيم", "تنظيم", 2)],
)
def test_stems(token: str, stem: str, skipped: int) -> None:
    assert (stem, skipped) in [(s, n) for s, n, _ in stems(token)]


# --- the shortcuts agree with the plain reading ------------------------------------------------


def _plain_walk(ctx: Context, first: int, last: int, step: int, limit: int, stop_at_barriers: bool):
    """The walk token by token: the meaning `Context.walk` computes by bisection."""
    sentence = ctx.token_sentence(first if step < 0 else last)
    i, distance = (first - 1, 0) if step < 0 else (last + 1, 0)
    while 0 <= i < len(ctx.starts) and distance < limit:
        if ctx.token_sentence(i) != sentence or (stop_at_barriers and i in ctx.barriers):
            return
        distance += ctx.text[ctx.starts[i]].isalnum()
        yield i, distance
        i += step


_WALK_PIECES = st.sampled_from(["قتل", "في حين", "بينما", "،", ".", "؛", "\n", "5", "“", "!", "و", "عشرات"])


@settings(max_examples=100, deadline=None)
@given(st.lists(_WALK_PIECES, min_size=1, max_size=25).map(" ".join), st.integers(0, 30), st.integers(0, 2))
def test_walk_is_the_plain_walk(text: str, first: int, width: int) -> None:
    ctx = Context.of(normalize(text).text, load_lexicon())
    assume(ctx.starts)  # a walk starts at a figure's tokens
    first = min(first, len(ctx.starts) - 1)
    last = min(first + width, len(ctx.starts) - 1)
    for step in (-1, 1):
        for limit in (0, 1, 2, 6, 40):
            for barriers in (True, False):
                assert list(ctx.walk(first, last, step, limit, barriers)) == list(_plain_walk(ctx, first, last, step, limit, barriers))


_NUMBER_PIECES = st.sampled_from(["ثلاث", "مائة", "وخمسة", "عشر", "بأربع", "آلاف", "5", "_", "ال", "قتل", "،", " ", "\n", "اثنا"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_NUMBER_PIECES, max_size=12).map("".join))
def test_numbers_in_words_are_tried_wherever_the_regex_finds_them(text: str) -> None:
    lex = load_lexicon()
    normalized = normalize(text).text
    found = [(n.start, n.end) for n in _word_numbers(normalized, lex, tokenize(normalized))]
    assert found == [(m.start("words"), m.end()) for m in lex.word_number.finditer(normalized)]
