"""The normalizer folds spelling variants but every span maps back to the original text."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from waqai.extract.normalize import fold, normalize


@pytest.mark.parametrize(
    "original, folded",
    [
        ("٢٠١٩", "2019"),  # Arabic-Indic digits
        ("۱۲", "12"),  # extended digits
        ("١٬٢٧٩", "1,279"),  # Arabic thousands separator
        ("أيلول", "ايلول"),
        ("إبريل", "ابريل"),
        ("الآن", "الان"),
        ("مدينة", "مدينه"),
        ("الأولى", "الاولي"),
        ("قتيلاً", "قتيلا"),  # tanween dropped
        ("ســيطرة", "سيطره"),  # tatweel dropped
        ("منتصف – الليل", "منتصف - الليل"),
    ],
)
def test_fold(original: str, folded: str) -> None:
    assert fold(original) == folded
    assert normalize(original).text == folded


def test_span_maps_back_over_deleted_diacritics() -> None:
    text = "قُتِلَ 10 عناصرٍ في الـ 9 من شباط"
    norm = normalize(text)
    i = norm.text.index("10 عناصر")
    start, end = norm.span(i, i + len("10 عناصر"))
    assert text[start:end] == "10 عناصر"
    j = norm.text.index("شباط")
    assert text[slice(*norm.span(j, j + 4))] == "شباط"


arabic = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويأإآىةؤئ٠١٢٣٤٥٦٧٨٩0123456789 ،.ـًٌٍَُِّْ")), max_size=60)


@given(arabic)
def test_a_word_folds_as_it_does_inside_a_long_text(text: str) -> None:
    """Short strings are folded character by character, long ones by replacements: alike."""
    padding = " " * 100
    assert fold(text) == fold(text + padding)[: len(fold(text))] == normalize(text).text


@given(arabic)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(arabic, st.data())
def test_every_normalized_span_maps_to_original_text_that_folds_to_it(text: str, data) -> None:
    norm = normalize(text)
    if not norm.text:
        return
    a = data.draw(st.integers(0, len(norm.text) - 1))
    b = data.draw(st.integers(a + 1, len(norm.text)))
    start, end = norm.span(a, b)
    assert 0 <= start < end <= len(text)
    assert fold(text[start:end]) == norm.text[a:b]
