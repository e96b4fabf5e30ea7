"""Sentences end at full stops and line breaks, not at the Arabic comma SOHR chains clauses with."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# A justified newspaper page (a PDF's text): the headline and the byline carry no kashida,
# the body is stretched with tatweel, and the three come out on one line without a full stop.
PAGE = (
    "القوات تتقدم في الريف الشرقي ..وقصف البلدة يهجّر سكانها سامر خليل "
    "قتــل 12 مدنيــاً بقصــف مدفعــي علــى أطــراف البلــدة ،فيمــا تواصلــت المعــارك فــي محيطهــا."
)


def test_the_stretched_body_of_a_justified_page_opens_a_sentence_after_its_headline_and_byline() -> None:
    sentences = split_sentences(PAGE)
    assert [s.text for s in sentences] == [
        "القوات تتقدم في الريف الشرقي ..",
        "وقصف البلدة يهجّر سكانها سامر خليل",
        "قتــل 12 مدنيــاً بقصــف مدفعــي علــى أطــراف البلــدة ،فيمــا تواصلــت المعــارك فــي محيطهــا.",
    ]
    for s in sentences:  # sources quote the report: offsets into the text as it is
        assert PAGE[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "text",
    [
        "رغم حصــار المدينة وقصفهــا الأهالي يعودون إلى الأسواق",  # a stretched word here and there in a headline
        "عاجل قتــل مدنيــون بقصــف علــى البلــدة",  # one plain word is no headline and byline
        "قتل 24 مدنياً خلال الـ 24 ساعة الماضية بقصف لـ قوات النظام على البلدة",  # a tatweel after a clitic stretches nothing
        "وصلت تعزيزات عسكرية إلى البلدة قادمــة مــن الريف الغربي",  # two stretched words are no body
    ],
)
def test_a_few_stretched_words_or_a_tatweel_after_a_clitic_cut_nothing(text: str) -> None:
    assert [s.text for s in split_sentences(text)] == [text]


WORDS = ["قصف", "البلدة", "دار", "12", "الـ", "قصــف", "البلــدة", "علــى", "،فيمــا", "..", ".", "\n", "؟"]


@given(st.lists(st.sampled_from(WORDS), max_size=40))
@settings(max_examples=200, deadline=None)
def test_sentences_are_the_text_in_order_whatever_its_words(words: list[str]) -> None:
    text = " ".join(words)
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))
    assert "".join(s.text for s in sentences).replace(" ", "") == "".join(text.split())
