"""Places and parties found through Arabic clitics and spelling variants."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from event_fixture import GAZETTEER
from hypothesis import given
from hypothesis import strategies as st

from waqai.errors import ContentError
from waqai.extract.gazetteer import (
    TermIndex,
    load_gazetteer,
    load_places,
    readings,
    text_words,
)
from waqai.extract.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "text, places",
    [
        ("قصف على الباغوز", ["baghuz"]),
        ("قصف على بالباغوز", ["baghuz"]),  # ب + ال
        ("وصلوا إلى والباغوز", ["baghuz"]),  # و + ال
        ("خرجوا من الباغوز فوقاني", ["baghuz_fawqani"]),  # the longest name wins
        ("ضربات طالت بلدة هجين وبهجين ولهجين", ["hajin"]),  # و, ب, ل without the article
        ("توزيعها على للرقة", ["raqqa"]),  # ل + ال is written لل
        ("في الرقه والرقة", ["raqqa"]),  # taa marbuta folded
        ("قواعد في عين العرب وكوباني", ["kobani"]),  # a variant
        ("قاعدة عين عيسى", []),  # `عين` alone is not `عين العرب`
        ("عند الضفاف الشرقية لنهر الفرات", ["east_euphrates"]),
        ("هجين والبادية", ["hajin", "badia"]),  # order of first mention
        ("الباغوزي", []),  # a longer word is another word
    ],
)
def test_places_through_clitics(text: str, places: list[str]) -> None:
    assert GAZETTEER.place_index.ids(text) == places


@pytest.mark.parametrize(
    "text, actors",
    [
        ("هاجمت قسد مواقع داعش", ["sdf", "isis"]),
        ("بين قوات سوريا الديمقراطية وتنظيم الدولة الإسلامية", ["sdf", "isis"]),
        ("سلموا أنفسهم لقسد وللتحالف", ["sdf", "coalition"]),
        ("على التنظيم", ["isis"]),
        ("قوات سوريا الديمقراطيه", ["sdf"]),  # taa marbuta
    ],
)
def test_actors_through_aliases(text: str, actors: list[str]) -> None:
    assert GAZETTEER.actor_index.ids(text) == actors


def test_match_offsets_point_into_the_original_text() -> None:
    text = "قصفٌ على بالباغوز"  # a diacritic before the name shifts the normalized offsets
    [match] = GAZETTEER.place_index.find(text)
    assert text[match.start : match.end] == "بالباغوز" == match.text


def test_stems_match_the_start_of_words() -> None:
    index = TermIndex([("اشتباك", "battle"), ("سيطر على", "advance")], prefix=True)
    assert index.ids("والاشتباكات العنيفة") == ["battle"]
    assert index.ids("فرض سيطرتها على البلدة") == ["advance"]
    assert index.ids("مناطق سيطرة التنظيم") == []  # the stem pair needs both words


def test_readings_of_a_word() -> None:
    assert {"باغوز"} <= readings("وبالباغوز")
    assert "رقه" in readings("للرقه")


@given(st.text(alphabet="الباغوزهجينرقةو بلف،ًٌ0123 ", max_size=60))
def test_find_never_fails_and_spans_are_in_the_text(text: str) -> None:
    for m in GAZETTEER.place_index.find(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


def test_the_default_gazetteer_knows_the_places_of_the_reports() -> None:
    gazetteer = load_gazetteer(ROOT / "content")
    names = "الباغوز فوقاني، هجين، الشعفة، السوسة، البوكمال، الميادين، حقل العمر، البئر الأزرق، الهول، عين العرب، تل تمر، القامشلي، السكرية، حمص"
    assert len(gazetteer.place_index.ids(names)) == 14
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in gazetteer.places)


@pytest.mark.parametrize(
    "yaml_text, problem",
    [
        ("a: [1", "not valid YAML"),
        ("x:\n  ar: س\n  latin: S\n  kind: planet\n  district: D\n  lat: 1\n  lon: 2\n", "kind must be one of"),
        ("x:\n  ar: س\n  latin: S\n  kind: town\n  district: D\n  lat: north\n  lon: 2\n", "x.lat: must be a number"),
        ("x:\n  ar: س\n  kind: town\n  district: D\n  lat: 1\n  lon: 2\n", "missing field(s) latin"),
        ("x:\n  ar: س\n  latin: S\n  kind: town\n  district: D\n  lat: 1\n  lon: 2\n  height: 3\n", "unknown field(s) height"),
    ],
)
def test_a_bad_places_file_names_itself(tmp_path: Path, yaml_text: str, problem: str) -> None:
    path = tmp_path / "places.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_places(path)
    assert "places.yaml" in str(error.value) and problem in str(error.value)


@given(st.text(alphabet="الباغوزهجينرقةو بلف،ًٌـ\u200f\u00a0\u2009\t\n_-أإىئؤ0123٣ ", max_size=60))
def test_text_words_are_the_words_of_the_normalized_text(text: str) -> None:
    assert list(text_words(text)) == re.findall(r"\w+", normalize(text).text)
