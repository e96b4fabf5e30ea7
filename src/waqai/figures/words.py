"""Finding the words of many lists in one pass over a text's tokens.

A regex alternation of a few hundred entries costs milliseconds per list on a
report; looking each token up in one dictionary, after taking off its clitics,
costs the same for every list together. Entries follow the data-file
conventions of lexicon.py: folded, several words allowed, a final `*` for any
ending, a leading article optional.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..normalize import fold

_WORD = re.compile(r"\w+")
_SEEN_MAX = 100_000  # tokens remembered with their candidate entries
_GAP = re.compile(r"[\s\"'“”«»()]*")  # may stand between the words of a name: تنظيم “الدولة الإسلامية”


@dataclass(frozen=True)
class Entry:
    kind: str  # which list it comes from ("trigger", "party", "vague", ...)
    label: Any
    rest: tuple[str, ...]  # the words after the first
    open_end: bool  # the last word may have any ending
    size: int  # letters, to prefer the longest entry
    article: bool  # may follow the article ال (not so for numbers: "الأيام الثلاثة")


@dataclass(frozen=True)
class Hit:
    """One entry found: its list, its label, and where (clitics left out of `start`)."""

    kind: str
    label: Any
    start: int  # offset in the text
    end: int


def stems(token: str) -> list[tuple[str, int, bool]]:
    """Each way to read `token` as clitics + word: the word, the number of clitic
    letters, and whether they include the article. `وللتنظيم` -> (وللتنظيم, 0, False),
    (للتنظيم, 1, False), (لتنظيم, 2, False), (تنظيم, 3, True)."""
    out = [(token, 0, False)]
    for c1 in ("", "و", "ف"):
        if not token.startswith(c1):
            continue
        t1 = token[len(c1) :]
        for c2 in ("", "ب", "ل", "ك"):
            if not t1.startswith(c2):
                continue
            t2 = t1[len(c2) :]
            skipped = len(c1) + len(c2)
            if skipped:
                out.append((t2, skipped, False))
            if t2.startswith("ال"):
                out.append((t2[2:], skipped + 2, True))
            elif c2 == "ل" and t2.startswith("ل"):
                out.append((t2[1:], skipped + 1, True))  # للتنظيم: the article after ل
    return [s for s in out if len(s[0]) >= 2]


class WordIndex:
    """Entries of several lists, looked up by their first word."""

    def __init__(self) -> None:
        self.exact: dict[str, list[Entry]] = defaultdict(list)
        self.prefixes: dict[str, list[Entry]] = defaultdict(list)
        self.prefix_lengths: set[int] = set()
        self._lengths: list[int] = []
        self._seen: dict[str, tuple[list[tuple[Entry, int]], dict[str, list[tuple[Entry, int]]]]] = {}

    def add(self, kind: str, entries: Iterable[tuple[str, Any]], article: bool = True) -> None:
        for text, label in entries:
            word = fold(text).strip()
            open_end = word.endswith("*")
            words = word.rstrip("*").split()
            first = words[0]
            if article and text.strip().startswith("ال") and len(first) > 4:
                first = first[2:]  # the article is read as a clitic
            entry = Entry(kind, label, tuple(words[1:]), open_end, len(word), article)
            if open_end and len(words) == 1:
                self.prefixes[first].append(entry)
                self.prefix_lengths.add(len(first))
                self._lengths = sorted(self.prefix_lengths)
            else:
                self.exact[first].append(entry)
        self._seen.clear()

    def candidates(self, token: str) -> tuple[list[tuple[Entry, int]], dict[str, list[tuple[Entry, int]]]]:
        """Entries whose first word `token` can be, with the clitic letters to skip:
        one-word entries, and longer ones by their second word. Remembered: a
        report repeats its words, and reports share them."""
        known = self._seen.get(token)
        if known is not None:
            return known
        single: list[tuple[Entry, int]] = []
        longer: dict[str, list[tuple[Entry, int]]] = defaultdict(list)
        for stem, skipped, article in stems(token):
            entries = list(self.exact.get(stem, ()))
            entries += [e for n in self._lengths if n <= len(stem) for e in self.prefixes.get(stem[:n], ())]
            for entry in entries:
                if article and not entry.article:
                    continue
                if entry.rest:  # keyed by the second word; "" if it has an open ending
                    key = "" if entry.open_end and len(entry.rest) == 1 else entry.rest[0]
                    longer[key].append((entry, skipped))
                else:
                    single.append((entry, skipped))
        if len(self._seen) > _SEEN_MAX:
            self._seen.clear()
        self._seen[token] = (single, dict(longer))
        return self._seen[token]

    def scan(self, text: str) -> dict[str, list[Hit]]:
        """Every entry found in `text`, by list; at one place the longest entry of each list wins."""
        tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        found: dict[str, list[Hit]] = defaultdict(list)
        for i, (token, start, end) in enumerate(tokens):
            single, longer = self.candidates(token)
            if not single and not longer:
                continue
            matches = [(entry, skipped, end) for entry, skipped in single]
            if longer and i + 1 < len(tokens):
                for entry, skipped in [*longer.get(tokens[i + 1][0], ()), *longer.get("", ())]:
                    hit_end = self._rest_end(text, tokens, i, entry)
                    if hit_end is not None:
                        matches.append((entry, skipped, hit_end))
            best: dict[str, tuple[int, Hit]] = {}
            for entry, skipped, hit_end in matches:
                rank = len(entry.rest) * 100 + entry.size
                if entry.kind not in best or rank > best[entry.kind][0]:
                    best[entry.kind] = (rank, Hit(entry.kind, entry.label, start + skipped, hit_end))
            for kind, (_, hit) in best.items():
                found[kind].append(hit)
        return found

    @staticmethod
    def _rest_end(text: str, tokens: list[tuple[str, int, int]], i: int, entry: Entry) -> int | None:
        """End offset if the words after token i are the entry's other words, else None."""
        end = tokens[i][2]
        for j, word in enumerate(entry.rest, start=1):
            if i + j >= len(tokens):
                return None
            token, start, token_end = tokens[i + j]
            last = j == len(entry.rest)
            if not (token == word or (last and entry.open_end and token.startswith(word))):
                return None
            if not _GAP.fullmatch(text, end, start):
                return None
            end = token_end
        return end
