"""Arabic text normalization that keeps a map back to the original offsets.

Every extractor matches against normalized text (Western digits, one alef, no
diacritics or tatweel, taa marbuta and alif maqsura folded: camel-tools' normalizers,
and the characters of data/normalize.yaml) but must report
offsets into the original body, because each figure on the site links back to
the sentence it came from. One-to-one folds are plain `str.replace`
calls (C loops); deleted characters (diacritics, tatweel) are rare in news text, so the
offset map is built only when there are some. The normalized text is split into
tokens here too, once, since both extractors walk them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate
from pathlib import Path

from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar

from ..content.datafiles import PACKAGE_DATA, read_yaml

DATA_PATH = PACKAGE_DATA / "normalize.yaml"

def _load_fold_data(path: Path = DATA_PATH) -> tuple[tuple[tuple[str, str], ...], re.Pattern[str]]:
    """The one-to-one folds and the pattern of dropped characters, from data/normalize.yaml."""
    data = read_yaml(path)
    pairs = tuple((str(old), str(new)) for old, new in data["fold"].items())
    if any(len(old) != 1 or len(new) != 1 for old, new in pairs):
        raise ValueError(f"{path}: every fold maps one character to one character")
    ranges = "".join(f"{re.escape(first)}-{re.escape(last)}" for first, last in data["delete"])
    return pairs, re.compile(f"[{ranges}]")


# One str.replace per folded character: ~50 times faster on Arabic text than
# str.translate, which looks every character up in a dict. camel-tools' normalizers
# (one regex or replace each) fold the letters; camel_tools.utils.dediac is not used,
# as importing it scans all of Unicode (over a second of start-up per process).
_FOLD_PAIRS, _DELETE_RE = _load_fold_data()
_CAMEL_FOLDS: tuple[Callable[[str], str], ...] = (normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar)

# Words and single punctuation marks. The group makes `split` return the tokens
# with the blanks between them, so offsets are sums of lengths (C loops) rather
# than one match object per token.
_TOKEN = re.compile(r"(\w+|[^\w\s])")


@dataclass(frozen=True)
class Tokens:
    """A text's tokens (`\\w+` words and single marks) with their offsets."""

    words: list[str]
    starts: list[int]
    ends: list[int]


def tokenize(text: str) -> Tokens:
    """The tokens of `text`, in order."""
    parts = _TOKEN.split(text)  # blank, token, blank, ..., token, blank
    offsets = list(accumulate(map(len, parts)))
    return Tokens(parts[1::2], offsets[0:-1:2], offsets[1::2])


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus the way back to the original offsets."""

    text: str
    original: str
    _deleted: tuple[int, ...] = field(default=(), repr=False)  # original positions removed
    _shift: tuple[int, ...] = field(default=(), repr=False)  # normalized index of each deletion

    def to_original(self, index: int) -> int:
        """Original offset of the character at normalized `index` (or of the end)."""
        if not self._deleted:
            return index
        return index + bisect_right(self._shift, index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a normalized half-open span."""
        if not self._deleted:
            return start, end
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1

    @cached_property
    def tokens(self) -> Tokens:
        """The tokens of the normalized text, made once for the dates and the figures extractors."""
        return tokenize(self.text)


def _fold_chars(text: str) -> str:
    for camel in _CAMEL_FOLDS:
        text = camel(text)
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


class _CharFolds(dict[int, str]):
    """What `fold` makes of each character met so far (itself, another, or nothing), for
    `str.translate`: every fold is one character to at most one, so folding a string is
    folding its characters one by one."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_chars(_DELETE_RE.sub("", chr(code)))
        return folded


_CHAR_FOLDS = _CharFolds()
# Below this length one `str.translate` (a C loop with a lookup per character) is several
# times faster than the replacements; above it, they are (words of the language data and of
# names are folded thousands of times, whole sentences rarely).
_SHORT = 48


def fold(text: str) -> str:
    """Normalize text for matching, without offsets (for data files and keys)."""
    if len(text) < _SHORT:
        return text.translate(_CHAR_FOLDS)
    return _fold_chars(_DELETE_RE.sub("", text))


@lru_cache(maxsize=2)
def normalize(text: str) -> Normalized:
    """Normalize `text` for matching and keep how to map offsets back.

    Remembers the last texts: the dates and the figures extractors each normalize
    the same report (a Normalized is immutable, so sharing it is safe)."""
    deleted = tuple(m.start() for m in _DELETE_RE.finditer(text))
    folded = _fold_chars(text)
    if not deleted:
        return Normalized(folded, text)
    # The normalized index at which each deletion happened: original position
    # minus the number of deletions before it. Several deletions in a row share it.
    shift = tuple(pos - i for i, pos in enumerate(deleted))
    return Normalized(_DELETE_RE.sub("", folded), text, deleted, shift)


@lru_cache(maxsize=4096)
def fold_cached(text: str) -> str:
    """`fold` for the short strings of language data, looked up many times."""
    return fold(text)
