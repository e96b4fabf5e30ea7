"""Headlines made from an event's data by the templates of data/headlines.yaml."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from event_fixture import GAZETTEER, article, extraction, figure
from waqai.timeline.happenings import article_events
from waqai.timeline.headlines import load_headline_rules, roles


def headline_of(body: str, figures=()) -> str:
    art = article("r", body, date(2019, 2, 10))
    [event] = article_events(art, extraction(art, (), figures), GAZETTEER)
    return event.summary


def test_a_long_clause_gets_a_short_headline_naming_type_parties_place_and_figure() -> None:
    body = (
        "شنت طائرات التحالف الدولي غارات مكثفة على مواقع التنظيم في بلدة الباغوز فوقاني على الضفاف الشرقية لنهر الفرات، "
        "استهدفت تجمعات وآليات ومقرات كان عناصر التنظيم يتحصنون فيها منذ أسابيع، وسط تحليق مكثف لطيران الاستطلاع فوق المنطقة "
        "وتصاعد أعمدة الدخان من أطراف البلدة بحسب ما أفاد به سكان من القرى المجاورة، ما أدى لمقتل 14 عنصراً من التنظيم."
    )
    text = headline_of(body, [figure(body, "14 عنصراً", 14, "killed", party="isis")])
    assert text == "غارات التحالف الدولي الجوية على الباغوز فوقاني، قتلى: 14"
    assert len(text) <= load_headline_rules().max_length < len(body)


def test_without_a_place_the_template_falls_back_to_the_parties() -> None:
    assert headline_of("دارت اشتباكات عنيفة بين قسد وعناصر داعش منذ ساعات الصباح.") == (
        "اشتباكات بين قوات سوريا الديمقراطية وتنظيم الدولة الإسلامية"
    )


@pytest.mark.parametrize(
    "actors, expected",
    [
        (("sdf", "isis"), ("sdf", "isis")),  # the first named acted
        (("civilians", "regime"), ("regime", "civilians")),  # civilians suffer, they do not act
        ((), (None, None)),
    ],
)
def test_roles_initiator_and_target(actors, expected) -> None:
    assert roles(actors, load_headline_rules()) == expected


def test_an_ally_named_beside_the_party_that_acted_is_not_its_target() -> None:
    sides = {"sdf": "coalition", "coalition": "coalition", "isis": "isis"}
    assert roles(("sdf", "coalition", "isis"), load_headline_rules(), sides) == ("sdf", "isis")
    assert roles(("sdf", "coalition"), load_headline_rules(), sides) == ("sdf", None)


def test_a_headline_names_the_opponent_not_the_ally_that_supports_the_attack() -> None:
    gazetteer = replace(GAZETTEER, actors=tuple(replace(a, side={"isis": "isis"}.get(a.id, "coalition")) for a in GAZETTEER.actors))
    body = "اندلعت اشتباكات عنيفة بين قسد مدعومة بطائرات التحالف وعناصر داعش في محيط بلدة هجين."
    art = article("r", body, date(2019, 2, 10))
    [event] = article_events(art, extraction(art, (), ()), gazetteer)
    assert event.summary == "اشتباكات بين قوات سوريا الديمقراطية وتنظيم الدولة الإسلامية في هجين"
