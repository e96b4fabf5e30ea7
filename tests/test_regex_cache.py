"""A lexicon's regular expression read back from the cache of an earlier process finds
exactly what the one `re` compiles finds; a damaged cache costs time, never a wrong match."""
from __future__ import annotations

import re
from pathlib import Path

from waqai.extract.regex_cache import RegexCache

# A pattern made the way the figures lexicon makes one: clitics, an optional article, a group per entry.
PATTERN = r"(?<![^\W\d_])(?:[وف])?(?:[بلك])?(?:(?P<e0>(?:ال|ل)?مدنيين)|(?P<e1>عناصر)|(?P<e2>(?:ال|ل)?قتلى))(?!\w)"
TEXT = "قتل 12 من المدنيين وعناصر الدفاع وللقتلى بقية ومدنيينهم"


def _found(pattern: re.Pattern[str]) -> list[tuple[str, str | None, int]]:
    return [(m.group(0), m.lastgroup, m.start()) for m in pattern.finditer(TEXT)]


def _kept_by_an_earlier_process(path: Path) -> None:
    earlier = RegexCache(path)
    earlier.compile(PATTERN)
    earlier.save()


def test_a_pattern_read_back_finds_what_re_finds(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.regexes"
    _kept_by_an_earlier_process(path)
    assert path.exists()
    later = RegexCache(path).compile(PATTERN)
    assert _found(later) == _found(re.compile(PATTERN)) == [
        ("المدنيين", "e0", 10), ("وعناصر", "e1", 19), ("وللقتلى", "e2", 33),
    ]
    assert later.groupindex == re.compile(PATTERN).groupindex


def test_a_damaged_cache_is_a_miss_and_is_written_again(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.regexes"
    _kept_by_an_earlier_process(path)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # a write cut short
    cache = RegexCache(path)
    assert _found(cache.compile(PATTERN)) == _found(re.compile(PATTERN))
    cache.save()
    assert _found(RegexCache(path).compile(PATTERN)) == _found(re.compile(PATTERN))


def test_a_cache_that_may_not_write_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.regexes"
    cache = RegexCache(path, write=False)
    assert _found(cache.compile(PATTERN)) == _found(re.compile(PATTERN))
    cache.save()
    assert not path.exists()
