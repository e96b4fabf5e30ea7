"""Finding the words of many lists in one pass over a text's tokens.

A regex alternation of a few hundred entries costs milliseconds per list on a
report; looking each token up in one dictionary, after taking off its clitics,
costs the same for every list together. Entries follow the data-file
conventions of lexicon.py: folded, several words allowed, a final `*` for any
ending, a leading article optional.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from typing import Any, NamedTuple

from ..normalize import Tokens, fold, tokenize

_new = tuple.__new__  # makes a Hit without the Python frame of its __new__: a report has hundreds
_SEEN_MAX = 100_000  # tokens remembered with their candidate entries
# Marks that may stand between the words of a name, besides blanks: تنظيم “الدولة الإسلامية”.
_GAP_MARKS = frozenset("\"'“”«»()")


@dataclass(frozen=True)
class Entry:
    kind: str  # which list it comes from ("trigger", "party", "vague", ...)
    label: Any
    rest: tuple[str, ...]  # the words after the first
    open_end: bool  # the last word may have any ending
    rank: int  # words, then letters: to prefer the longest entry
    article: bool  # may follow the article ال (not so for numbers: "الأيام الثلاثة")


class Hit(NamedTuple):
    """One entry found: its list, its label, and where (clitics left out of `start`).
    A tuple: a report has hundreds, and a frozen dataclass costs five times as much to make."""

    kind: str
    label: Any
    start: int  # offset in the text
    end: int
    first: int  # index of its first and last token (see `tokenize`)
    last: int


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


# One reading of the entry a token starts: (kind, rank, label, clitic letters,
# tokens after the first). The rank puts more words first, then more letters:
# at one place the longest entry of each list wins.
Pick = tuple[str, int, Any, int, int]
# What a token can start, worked out once per distinct token: the best one-word
# entry of each list, and the longer entries by their second word ("" for those
# with an open ending).
Starts = tuple[tuple[Pick, ...], dict[str, list[tuple[Entry, int]]]]


class WordIndex:
    """Entries of several lists, looked up by their first word."""

    def __init__(self) -> None:
        self.exact: dict[str, list[Entry]] = defaultdict(list)
        self.prefixes: dict[str, list[Entry]] = defaultdict(list)
        self.prefix_lengths: set[int] = set()
        self._lengths: list[int] = []
        self._seen: dict[str, Starts | None] = {}  # remembered: a report repeats its words, and reports share them

    def add(self, kind: str, entries: Iterable[tuple[str, Any]], article: bool = True) -> None:
        for text, label in entries:
            word = fold(text).strip()
            open_end = word.endswith("*")
            words = word.rstrip("*").split()
            first = words[0]
            if article and text.strip().startswith("ال") and len(first) > 4:
                first = first[2:]  # the article is read as a clitic
            entry = Entry(kind, label, tuple(words[1:]), open_end, (len(words) - 1) * 100 + len(word), article)
            if open_end and len(words) == 1:
                self.prefixes[first].append(entry)
                self.prefix_lengths.add(len(first))
                self._lengths = sorted(self.prefix_lengths)
            else:
                self.exact[first].append(entry)
        self._seen.clear()

    def lookup(self, token: str) -> Starts | None:
        """What `token` can start, None if nothing."""
        singles: dict[str, Pick] = {}
        longer: dict[str, list[tuple[Entry, int]]] = defaultdict(list)
        for stem, skipped, article in stems(token):
            entries = list(self.exact.get(stem, ()))
            entries += [e for n in self._lengths if n <= len(stem) for e in self.prefixes.get(stem[:n], ())]
            for entry in entries:
                if article and not entry.article:
                    continue
                if entry.rest:
                    key = "" if entry.open_end and len(entry.rest) == 1 else entry.rest[0]
                    longer[key].append((entry, skipped))
                elif entry.kind not in singles or entry.rank > singles[entry.kind][1]:
                    singles[entry.kind] = (entry.kind, entry.rank, entry.label, skipped, 0)
        return (tuple(singles.values()), dict(longer)) if singles or longer else None

    def _learn(self, words: list[str]) -> dict[str, Starts | None]:
        """The remembered starts, with every one of `words` in them."""
        new = set(words).difference(self._seen)
        if len(self._seen) + len(new) > _SEEN_MAX:
            self._seen.clear()
            new = set(words)
        for token in new:
            self._seen[token] = self.lookup(token)
        return self._seen

    def scan(self, text: str, tokens: Tokens | None = None) -> dict[str, list[Hit]]:
        """Every entry found in `text`, by list; at one place the longest entry of each list wins.
        `tokens` are the text's own (`tokenize(text)`), when the caller has them already."""
        tokens = tokens if tokens is not None else tokenize(text)
        words, starts, ends = tokens.words, tokens.starts, tokens.ends
        seen = self._learn(words)
        found: dict[str, list[Hit]] = defaultdict(list)
        for i in compress(range(len(words)), map(seen.__getitem__, words)):  # the tokens that start some entry
            singles, longer = seen[words[i]]  # type: ignore[misc]
            following = _word_after(words, i + 1) if longer else None
            if following is not None and (words[following] in longer or "" in longer):
                picks = _best(singles, self._longer(words, i, following, longer))
            else:
                picks = singles
            for kind, _, label, skipped, extra in picks:
                found[kind].append(_new(Hit, (kind, label, starts[i] + skipped, ends[i + extra], i, i + extra)))
        return found

    def _longer(self, words: list[str], i: int, following: int, longer: dict[str, list[tuple[Entry, int]]]) -> dict[str, Pick]:
        """The best entry of more than one word of each list starting at token i (`following`: the next word)."""
        best: dict[str, Pick] = {}
        for entry, skipped in (*longer.get(words[following], ()), *longer.get("", ())):
            if entry.kind in best and entry.rank <= best[entry.kind][1]:
                continue
            last = self._rest_end(words, i, entry)
            if last is not None:
                best[entry.kind] = (entry.kind, entry.rank, entry.label, skipped, last - i)
        return best

    @staticmethod
    def _rest_end(words: list[str], i: int, entry: Entry) -> int | None:
        """The last token if the words after token i are the entry's other words
        (only blanks, quotes or brackets between them), else None. Blanks are what
        lies between tokens, so only the marks skipped need a look."""
        previous = i
        for n, word in enumerate(entry.rest, start=1):
            j = _word_after(words, previous + 1)
            if j is None:
                return None
            last = n == len(entry.rest)
            if not (words[j] == word or (last and entry.open_end and words[j].startswith(word))):
                return None
            if j > previous + 1 and not _GAP_MARKS.issuperset(words[previous + 1 : j]):
                return None
            previous = j
        return previous


def _word_after(words: list[str], i: int) -> int | None:
    """The first `\\w+` token from index `i` on, marks skipped (what `\\w` matches is
    alphanumeric or "_"; marks are single characters)."""
    while i < len(words):
        first = words[i][0]
        if first.isalnum() or first == "_":
            return i
        i += 1
    return None


def _best(singles: tuple[Pick, ...], longer: dict[str, Pick]) -> Iterable[Pick]:
    """Of each list, the longer entry if it ranks above the one-word one (a tie goes to the one-word one)."""
    if not longer:
        return singles
    best = {pick[0]: pick for pick in singles}
    for kind, pick in longer.items():
        if kind not in best or pick[1] > best[kind][1]:
            best[kind] = pick
    return best.values()
