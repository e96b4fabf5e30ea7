"""`--strict`: warnings and flags the editor has not acknowledged, read from content/acknowledged.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest
import site_fixture as fx

from waqai.content.acknowledged import load_acknowledged, strict_problems
from waqai.errors import ContentError
from waqai.records import Flag

FLAG = Flag("toll-down", "الحصيلة انخفضت", "killed:is:2018-09-10")
ACK_WARNING = "- {article: fx-001, code: weekday-year-mismatch, note: خطأ في التقرير نفسه}\n"
ACK_FLAG = "- {key: 'killed:is:2018-09-10', code: toll-down, note: تصحيح لاحق}\n"
ACK_STALE = "- {article: fx-002, code: weekday-year-mismatch, note: قديم}\n"


def problems(tmp_path: Path, yaml_text: str | None, flags=(FLAG,)) -> list[str]:
    path = tmp_path / "acknowledged.yaml"
    if yaml_text is not None:
        path.write_text(yaml_text, encoding="utf-8")
    return strict_problems(fx.articles(), fx.extractions(), flags, load_acknowledged(path), path)


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        (None, ["warning [weekday-year-mismatch]", "flag [toll-down]"]),
        (ACK_WARNING, ["flag [toll-down]"]),
        (ACK_WARNING + ACK_FLAG, []),
        (ACK_WARNING + ACK_FLAG + ACK_STALE, ["no longer happens"]),
    ],
)
def test_strict_problems(tmp_path, yaml_text, expected) -> None:
    found = problems(tmp_path, yaml_text)
    reported = found[:-1]  # the last line says how to acknowledge
    assert len(reported) == len(expected)
    for line, part in zip(reported, expected):
        assert part in line


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        ("- [not, a, mapping]\n", "entry 1: must be a mapping"),
        ("- {article: fx-001, key: k, code: c, note: n}\n", "exactly one of"),
        ("- {article: fx-001, code: c}\n", "`note` must be non-empty"),
        ("- {article: fx-001, code: c, note: n, reason: r}\n", "unknown key(s) reason"),
        ("article: fx-001\n", "must be a list"),
        ("- {article: [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_acknowledgements_name_the_file(tmp_path, yaml_text, problem) -> None:
    path = tmp_path / "acknowledged.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_acknowledged(path)
    assert "acknowledged.yaml" in str(error.value) and problem in str(error.value)


def test_check_strict_raises_one_error_listing_all(tmp_path) -> None:
    from waqai.content.acknowledged import check_strict

    with pytest.raises(ContentError) as error:
        check_strict(tmp_path, fx.articles(), fx.extractions(), (FLAG,))
    message = str(error.value)
    assert message.startswith(str(tmp_path / "acknowledged.yaml"))
    assert "2 problems" in message and "weekday-year-mismatch" in message and "toll-down" in message
    (tmp_path / "acknowledged.yaml").write_text(ACK_WARNING + ACK_FLAG, encoding="utf-8")
    check_strict(tmp_path, fx.articles(), fx.extractions(), (FLAG,))
