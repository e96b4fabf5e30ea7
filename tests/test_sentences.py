"""Sentences end at full stops and line breaks, not at the Arabic comma SOHR chains clauses with."""
import pytest

from waqai.extract.sentences import sentence_at, split_sentences


def test_split_keeps_offsets_and_ignores_commas() -> None:
    text = "دارت اشتباكات عنيفة، وقصفت الطائرات المنطقة. ثم ساد الهدوء\n\nوعاد القتال؟ نعم"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "دارت اشتباكات عنيفة، وقصفت الطائرات المنطقة.",
        "ثم ساد الهدوء",
        "وعاد القتال؟",
        "نعم",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert sentence_at(sentences, text.index("الهدوء")).index == 1
    assert sentence_at(sentences, text.index("نعم")).index == 3


def test_decimal_point_does_not_end_a_sentence() -> None:
    sentences = split_sentences("وقع الهجوم نحو الساعة 11.30 من مساء السبت. وانتهى")
    assert len(sentences) == 2


@pytest.mark.parametrize(
    "text, sentences",
    [
        (  # one full stop typed against the next word, with or without a space before it
            "وصلت القوات إلى أطراف المدينة .وفي سياق متصل قصفت الطائرات البلدة.وأفاد ناشطون بمقتل مدنيين",
            ["وصلت القوات إلى أطراف المدينة .", "وفي سياق متصل قصفت الطائرات البلدة.", "وأفاد ناشطون بمقتل مدنيين"],
        ),
        (  # the dots that part a headline
            "النظام يخرق الهدنة في الشمال ..ومعارك البلدة تحصد المدنيين...من يصل أولاً إلى الحدود",
            ["النظام يخرق الهدنة في الشمال ..", "ومعارك البلدة تحصد المدنيين...", "من يصل أولاً إلى الحدود"],
        ),
    ],
)
def test_a_full_stop_or_dots_typed_against_the_next_word_end_a_sentence(text: str, sentences: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == sentences


def test_an_abbreviated_title_does_not_end_a_sentence() -> None:
    assert len(split_sentences("وقال د.رامي عبد الرحمن إن المعارك مستمرة")) == 1
