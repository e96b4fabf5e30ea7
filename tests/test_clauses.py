"""Run-on news sentences cut into clauses at connectors."""
from __future__ import annotations

import pytest

from waqai.extract.clauses import split_clauses
from waqai.extract.sentences import Sentence, split_sentences


def clauses(text: str) -> list[tuple[str, bool]]:
    return [(c.text, c.bulletin) for c in split_clauses(Sentence(0, 0, len(text), text))]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # strong connectors cut with or without a comma
        (
            "قصفت الطائرات أطراف البلدة فيما دارت اشتباكات في محيطها",
            [("قصفت الطائرات أطراف البلدة", False), ("فيما دارت اشتباكات في محيطها", False)],
        ),
        (
            "تقدمت القوات نحو الجسر، في حين انسحب المسلحون، بينما خرج مئات المدنيين",
            [("تقدمت القوات نحو الجسر", False), ("في حين انسحب المسلحون", False), ("بينما خرج مئات المدنيين", False)],
        ),
        # `وذلك عقب` / `وذلك بعد` tell an earlier happening after the news: its own clause
        (
            "دخلت القوات قرية الطيبة صباح اليوم، و ذلك عقب سيطرتها ليلة أمس على التلال المحيطة بها",
            [("دخلت القوات قرية الطيبة صباح اليوم", False), ("و ذلك عقب سيطرتها ليلة أمس على التلال المحيطة بها", False)],
        ),
        (
            "انسحب المسلحون من الحي وذلك بعد أن قصفت الطائرات مواقعهم ليلاً",
            [("انسحب المسلحون من الحي", False), ("وذلك بعد أن قصفت الطائرات مواقعهم ليلاً", False)],
        ),
        # what came next (`لكن سرعان ما`) is a clause of its own, comma or not
        (
            "دخلت القوات حي الجبيلة صباحاً لكن سرعان ما انسحبت منه تحت القصف",
            [("دخلت القوات حي الجبيلة صباحاً", False), ("لكن سرعان ما انسحبت منه تحت القصف", False)],
        ),
        # a comma written onto the connector (`،فيما`) still cuts there
        (
            "قصفت الطائرات أطراف البلدة،فيما دارت اشتباكات في محيطها",
            [("قصفت الطائرات أطراف البلدة", False), ("فيما دارت اشتباكات في محيطها", False)],
        ),
        # `كما` and `وسط` cut only after a comma
        (
            "وصلت تعزيزات إلى المدينة، وسط تحليق للطائرات في أجوائها، كما أن المعارك تواصلت",
            [("وصلت تعزيزات إلى المدينة", False), ("وسط تحليق للطائرات في أجوائها", False), ("كما أن المعارك تواصلت", False)],
        ),
        ("سقطت قذائف وسط المدينة كما هو متوقع", [("سقطت قذائف وسط المدينة كما هو متوقع", False)]),
        # a new dispatch is a bulletin; connectors in a row open one clause
        (
            "هدأت الجبهات صباحاً، ونشر المرصد أمس أن القصف تجدد، في حين ذكر المرصد أن المفاوضات مستمرة",
            [
                ("هدأت الجبهات صباحاً", False),
                ("ونشر المرصد أمس أن القصف تجدد", True),
                ("في حين ذكر المرصد أن المفاوضات مستمرة", True),
            ],
        ),
        # what goes on beside it (`، مع استمرار`) is a clause of its own, told with its own day
        (
            "سلم العشرات من المسلحين أنفسهم للقوات، مع استمرار نقل المدنيين إلى المخيم يوم السبت",
            [("سلم العشرات من المسلحين أنفسهم للقوات", False), ("مع استمرار نقل المدنيين إلى المخيم يوم السبت", False)],
        ),
        ("تعثرت المفاوضات مع استمرار القصف", [("تعثرت المفاوضات مع استمرار القصف", False)]),
        # what was announced (`مع الإعلان عن`), and what the source goes on to say (`، مشيراً إلى أن`)
        (
            "ساد الهدوء أطراف البلدة مع الإعلان عن هدنة مؤقتة، مشيراً إلى أن عشرات العائلات عادت إليها",
            [("ساد الهدوء أطراف البلدة", False), ("مع الإعلان عن هدنة مؤقتة", False), ("مشيراً إلى أن عشرات العائلات عادت إليها", False)],
        ),
        # commas without a connector do not cut
        ("قتل 5 عناصر، من بينهم قيادي، في الهجوم", [("قتل 5 عناصر، من بينهم قيادي، في الهجوم", False)]),
    ],
)
def test_clauses_of_a_sentence(sentence: str, expected: list[tuple[str, bool]]) -> None:
    assert clauses(sentence) == expected


def test_clause_offsets_are_body_offsets() -> None:
    body = "عنوان التقرير\nقصفت الطائرات البلدة، وسط اشتباكات عنيفة فيما خرج المدنيون."
    for sentence in split_sentences(body):
        for clause in split_clauses(sentence):
            assert body[clause.start : clause.end] == clause.text
            assert clause.sentence == sentence.index


def test_a_beside_row_with_nothing_to_cut_at_is_an_error_naming_the_file(tmp_path) -> None:
    """An empty `then` would cut every clause right after its opener."""
    from waqai.errors import ContentError
    from waqai.extract.clauses import DEFAULT_PATH, load_rules

    bad = tmp_path / "clauses.yaml"
    bad.write_text(DEFAULT_PATH.read_text(encoding="utf-8").replace("then: [في وقت]", "then: []"), encoding="utf-8")
    with pytest.raises(ContentError, match="beside") as raised:
        load_rules(bad)
    assert str(bad) in str(raised.value)
