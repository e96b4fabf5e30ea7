"""`waqai extract`: the JSON contract of shared/eval/score.py and the readable listing."""
import json
from pathlib import Path

from click.testing import CliRunner

from waqai.cli import main

REPORT = """---
id: sample
outlet: "المرصد السوري لحقوق الإنسان"
published: 2019-03-05
---
عنوان التقرير
وثق المرصد السوري مقتل ما لا يقل عن 12 عنصراً من قوات النظام أمس الاثنين الـ 4 من آذار الجاري.
"""


def _write(tmp_path: Path, text: str = REPORT) -> Path:
    path = tmp_path / "sample.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_gives_offsets_into_the_body(tmp_path: Path) -> None:
    path = _write(tmp_path)
    result = CliRunner().invoke(main, ["extract", "--json", str(path)])
    assert result.exit_code == 0, result.output
    [doc] = json.loads(result.output)
    body = REPORT.split("---\n", 2)[2]
    assert doc["source"] == str(path) and doc["published"] == "2019-03-05"
    [figure] = doc["figures"]
    assert (figure["value"], figure["category"], figure["qualifier"], figure["party"]) == (12, "killed", "at_least", "regime")
    assert body[figure["start"] : figure["end"]] == figure["text"]
    date = next(d for d in doc["dates"] if d["value"] == "2019-03-04")
    assert body[date["start"] : date["end"]] == date["text"]


def test_readable_listing_shows_each_expression_in_its_sentence(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(_write(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "in: وثق المرصد السوري مقتل [ما لا يقل عن 12 عنصراً] من قوات النظام" in result.output
    assert "2019-03-04" in result.output and "[أمس الاثنين الـ 4 من آذار الجاري]" in result.output


def test_bad_front_matter_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, REPORT.replace("published: 2019-03-05", "published: 5 آذار"))
    result = CliRunner().invoke(main, ["extract", "--json", str(path)])
    assert result.exit_code == 1
    assert f"{path}:4:" in result.output and "published" in result.output


def test_extract_shows_the_events_the_chronology_will_hold(tmp_path: Path) -> None:
    path = _write(tmp_path)
    [doc] = json.loads(CliRunner().invoke(main, ["extract", "--json", str(path)]).output)
    [event] = doc["events"]
    assert event["type"] == "toll_report" and event["date"] == "2019-03-04"
    assert [f["value"] for f in event["figures"]] == [12]
    listing = CliRunner().invoke(main, ["extract", str(path)]).output
    assert "events: 1" in listing and event["summary"] in listing


def test_a_report_without_publication_date_still_shows_its_events(tmp_path: Path) -> None:
    path = _write(tmp_path, REPORT.replace("published: 2019-03-05\n", "").replace(" أمس الاثنين الـ 4 من آذار الجاري", ""))
    [doc] = json.loads(CliRunner().invoke(main, ["extract", "--json", str(path)]).output)
    assert [(e["date"], e["precision"]) for e in doc["events"]] == [(None, "unknown")]
