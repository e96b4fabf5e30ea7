"""What a process keeps for the next one (the lexicons' regular expressions, the parsed
language data) gives the next one exactly what it would have made itself; a damaged cache
costs time, never a wrong match."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from waqai.content.datafiles import read_yaml
from waqai.content.startup_cache import StartupCache
from waqai.extract.regex_cache import compile_kept

# A pattern made the way the figures lexicon makes one: clitics, an optional article, a group per entry.
PATTERN = r"(?<![^\W\d_])(?:[وف])?(?:[بلك])?(?:(?P<e0>(?:ال|ل)?مدنيين)|(?P<e1>عناصر)|(?P<e2>(?:ال|ل)?قتلى))(?!\w)"
TEXT = "قتل 12 من المدنيين وعناصر الدفاع وللقتلى بقية ومدنيينهم"
REPORT = """---
id: kept
outlet: "المرصد"
published: 2019-03-05
---
قتل 7 مدنيين في قصف على الباغوز أمس الاثنين، وأصيب 12 آخرون، بحسب المرصد.
"""


def _found(pattern: re.Pattern[str]) -> list[tuple[str, str | None, int]]:
    return [(m.group(0), m.lastgroup, m.start()) for m in pattern.finditer(TEXT)]


def _kept_by_an_earlier_process(path: Path) -> None:
    earlier = StartupCache(path, "test")
    compile_kept(PATTERN, 0, earlier)
    earlier.save()


def test_a_pattern_read_back_finds_what_re_finds(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.regexes"
    _kept_by_an_earlier_process(path)
    assert path.exists()
    later = compile_kept(PATTERN, 0, StartupCache(path, "test"))
    assert _found(later) == _found(re.compile(PATTERN)) == [
        ("المدنيين", "e0", 10), ("وعناصر", "e1", 19), ("وللقتلى", "e2", 33),
    ]
    assert later.groupindex == re.compile(PATTERN).groupindex


def test_a_damaged_cache_is_a_miss_and_is_written_again(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.regexes"
    _kept_by_an_earlier_process(path)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # a write cut short
    cache = StartupCache(path, "test")
    assert _found(compile_kept(PATTERN, 0, cache)) == _found(re.compile(PATTERN))
    cache.save()
    assert StartupCache(path, "test").get((PATTERN, 0)) is not None


def test_values_of_other_versions_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.regexes"
    _kept_by_an_earlier_process(path)
    assert StartupCache(path, "another version").get((PATTERN, 0)) is None


def test_a_cache_that_may_not_write_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.regexes"
    cache = StartupCache(path, "test", write=False)
    assert _found(compile_kept(PATTERN, 0, cache)) == _found(re.compile(PATTERN))
    cache.save()
    assert not path.exists()


def test_an_edited_data_file_is_read_anew_and_each_reader_gets_its_own_copy(tmp_path: Path) -> None:
    path = tmp_path / "words.yaml"
    path.write_text("killed: [قتل, مقتل]\n", encoding="utf-8")
    first = read_yaml(path)
    first["killed"].append("changed by a caller")
    assert read_yaml(path) == {"killed": ["قتل", "مقتل"]}
    path.write_text("killed: [قتل]\nwounded: [جرح]\n", encoding="utf-8")
    assert read_yaml(path) == {"killed": ["قتل"], "wounded": ["جرح"]}


def test_a_data_file_holding_a_date_is_read_each_time_alike(tmp_path: Path) -> None:
    path = tmp_path / "acknowledged.yaml"
    path.write_text("report-1: {since: 2019-03-05}\n", encoding="utf-8")
    assert read_yaml(path) == read_yaml(path) == {"report-1": {"since": date(2019, 3, 5)}}


def test_a_second_process_reading_what_the_first_kept_extracts_the_same(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text(REPORT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")

    def extract() -> str:
        done = subprocess.run([sys.executable, "-m", "waqai.cli", "extract", "--json", str(report)],
                              capture_output=True, text=True, env=env, check=True)
        return done.stdout

    first = extract()
    kept = sorted(p.suffix for p in (tmp_path / "pycache").rglob("*") if p.suffix in (".parsed", ".regexes"))
    assert kept == [".parsed", ".regexes"]
    assert extract() == first and '"value": 7' in first
