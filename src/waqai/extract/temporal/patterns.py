"""The regular expressions of the engine, built once from the language data, and
the words at which the main one is tried.

They run over folded text (`waqai.extract.normalize`): one alef, ه for ة, ي for ى,
ASCII digits, no tatweel, so "الـ 9" reads "ال 9". Every piece of a date is a
named group; `grammar.py` turns a match into a `Parse`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from ..normalize import Tokens
from ..regex_cache import compiled
from .lexicon import GrammarWords, Lexicon, lexicon

START = r"(?<!\w)"
END = r"(?!\w)"
# Words that may lead a date ("منذ قبيل", "وحتي في"); bounded, because an unbounded
# repeat makes a line of "من من من ..." cost quadratic time (each start rescans the run).
MAX_LEAD_WORDS = 4


def alt(names) -> str:
    """A regex alternation of folded names as a prefix tree, any run of spaces between words.

    A tree instead of a flat list because the engine tries every branch at
    every word: "ال" is shared by most Arabic names, so factoring it out makes
    the scan several times faster. The tree holds characters, escaped when it is
    written out (a node's branches sorted by their escaped text).
    """
    tree: dict = {}
    for name in set(names):
        node = tree
        for token in re.split(r"(\s+)", name.strip()):
            for ch in (_BLANKS,) if token.isspace() else token:
                node = node.setdefault(ch, {})
        node[""] = {}
    return _tree_regex(tree) or "(?!)"


_BLANKS = " "  # a run of blanks in a name, in the tree (names are cut at blanks: no other blank is in it)


def _tree_regex(node: dict) -> str:
    ends = "" in node
    escaped = sorted((r"\s+" if key == _BLANKS else re.escape(key), child) for key, child in node.items() if key)
    branches = [key + _tree_regex(child) for key, child in escaped]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a name ends here and longer ones go on: try the longer ones first
        return "(?:" + body + ")?"
    return body


_LEADING_WORD = re.compile(r"\w*")
_KNOWN_MAX = 100_000  # words remembered with whether they may open a date


def _arabic_letter(c: str) -> bool:
    return "\u0621" <= c <= "\u064a"


@dataclass(frozen=True)
class DateOpeners:
    """Which words may open a match of the `date` pattern, so that it is tried at those
    words only: it is long, and tried at every word it is the scan's largest cost.

    A match opens a word (`(?<!\\w)`), with "و" or not, then a lead word, "الساعه" or a
    part of the day, each a whole word (`exact`), or else what the pattern's lookahead
    allows: a word that opens with a name (`prefixes`), a digit, "ال" before a number,
    or an English month. Words are looked at once and remembered.
    """

    exact: frozenset[str]  # first words of the names that a blank follows
    prefixes: tuple[str, ...]  # first words of the names the lookahead tests, as prefixes
    conjunction: str  # the grammar's "و", which may lead any of them
    article: str  # the grammar's "ال", which may lead a number
    _known: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def starts(self, tokens: Tokens) -> list[int]:
        """The offsets of the tokens that may open a date, in order."""
        known, words = self._known, tokens.words
        new = set(words).difference(known)
        if len(known) + len(new) > _KNOWN_MAX:
            known.clear()
            new = set(words)
        for word in new:
            known[word] = self._opens(word)
        return list(compress(tokens.starts, map(known.__getitem__, words)))

    def _opens(self, token: str) -> bool:
        if not (token[0].isalnum() or token[0] == "_"):
            return False  # a mark: every name opens with a letter (checked when built)
        rest = token.removeprefix(self.conjunction) if token != self.conjunction else ""  # the pattern may read the word without it
        return self._opens_word(token) or (bool(rest) and self._opens_word(rest))

    def _opens_word(self, word: str) -> bool:
        if not _arabic_letter(word[0]):  # a digit or an English month, or anything not foreseen
            return True
        if word.startswith(self.article) and (len(word) == len(self.article) or not _arabic_letter(word[len(self.article)])):
            return True  # "ال 9", "ال9"
        return word in self.exact or word.startswith(self.prefixes)


def _date_openers(whole_words: list[str], lookahead_names: list[str], words: GrammarWords) -> DateOpeners | None:
    """None when a name opens with no letter: then the pattern is tried everywhere."""
    names = whole_words + lookahead_names
    if not all(name[:1].isalpha() for name in names):
        return None
    first = [_LEADING_WORD.match(name).group() for name in names]
    exact, prefixes = frozenset(first[: len(whole_words)]), tuple(sorted(set(first[len(whole_words) :])))
    return DateOpeners(exact, prefixes, _names(words.conjunction)[0], _names(words.article)[0])


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns. `numeric`, `duration` and `phrases` have no check for the start
    of a word, which would keep the engine from skipping ahead to their first
    characters; `grammar.word_matches` does that check instead."""

    date: re.Pattern
    date_openers: DateOpeners | None
    numeric: re.Pattern
    month_first: re.Pattern  # month first: "November 19, 2017", "نوفمبر 10 2024"
    hijri: re.Pattern
    hijri_gate: re.Pattern  # cheap tests that skip a whole pattern on most reports
    month_first_gate: re.Pattern  # a day right before a year: the month-first order may be there
    duration: re.Pattern
    phrases: tuple[re.Pattern, re.Pattern]  # vague expressions and not-date names (`Lexicon.not_dates` tells them apart): those opening with a number, the others
    reporting_verb: re.Pattern
    complementizer: re.Pattern
    publication_label: re.Pattern
    period_opener: re.Pattern  # "منذ بدء", "منذ انطلاق": the start of a period is named next


def _time_tail(lex: Lexicon) -> str:
    """A clock time after a full date: "2019/03/23 الساعة 07:06", "2018 08:22 م"."""
    ampm = alt(lex.pm_suffixes + lex.am_suffixes)
    return (
        rf"(?:[\s،,-]*(?:(?:{lex.words.clock})\s+(?P<hh>\d{{1,2}})[.:](?P<mi>\d\d)|(?P<hh2>\d{{1,2}}):(?P<mi2>\d\d))(?!\d)"
        rf"(?:\s*(?P<ampm>{ampm}){END})?)?"
    )


def _names(*alternations: str) -> list[str]:
    """The words of regex-ready alternations (GrammarWords' fields), unescaped."""
    return [re.sub(r"\\(.)", r"\1", name) for a in alternations for name in a.split("|")]


def _english(names: list[str]) -> str:
    """English names in any case, first ruled out at an Arabic letter: tried case-blind,
    each of their branches costs the engine a case fold, at every word of a report."""
    return r"(?![\u0600-\u06ff])(?i:" + alt(names) + ")"


def _build(lex: Lexicon) -> Patterns:
    arabic_months = [m for m in lex.months if not m.isascii()]
    english_months = [m for m in lex.months if m.isascii()]
    english_names = _english(english_months)
    months = alt(arabic_months) + "|" + english_names
    mods = alt(lex.modifiers)
    shifts = alt(m for m, kind in lex.modifiers.items() if kind in ("previous", "next"))
    current = alt(m for m, kind in lex.modifiers.items() if kind == "current")
    same = alt(m for m, kind in lex.modifiers.items() if kind == "same")
    w = lex.words
    art, of = f"(?:{w.article})", f"(?:{w.of})"
    year_word = rf"{art}?(?:{w.year})"
    year = r"(?<!\d)(?:1[89]|20)\d\d(?!\d)"
    weekday = alt(lex.weekdays)
    month_pair = (
        rf"(?P<month>{months}){END}"
        rf"(?:\s*[/(]\s*(?P<month2>{months}){END}(?:\s*\))?)?"
    )
    core_names = (
        list(lex.relative_days) + list(lex.weekdays) + list(lex.ordinals) + list(lex.periods)
        + arabic_months + [*_names(w.day, w.month, w.year, w.this, w.same), *(a + n for a in _names(w.article) for n in _names(w.month, w.year))]
    )
    core_start = alt(core_names)
    date = (
        START
        + f"(?:{w.conjunction})?"
        + rf"(?P<lead>(?:{alt(lex.lead_words)}\s+){{0,{MAX_LEAD_WORDS}}})"
        + rf"(?:(?:{w.clock})\s+(?P<clock>\d{{1,2}}(?:[.:]\d\d)?)\s+(?:{of}\s+)?)?"
        + rf"(?:(?P<part>{alt(lex.day_parts)})\s+(?:(?:{of}\s+)?(?:{w.day})\s+)?)?"
        + rf"(?=\d|{art}\s*\d|{english_names}|{core_start})"
        + rf"(?:(?P<period>{alt(lex.periods)})\s+)?"
        + "(?:"
        # "هذا العام", "العام الماضي", "عام 2017", "الشهر الفائت"
        + rf"(?P<this>{w.this})\s+(?P<this_unit>{art}?(?:{w.year})|{art}?(?P<this_month>{w.month}))"
        + rf"|(?P<yword>{year_word})\s+(?:(?:(?P<ycur>{current})\s+)?(?P<yonly>{year})(?:\s*(?:{w.common_era}){END})?|(?P<yrel>{mods}){END})"
        + rf"|{art}?(?:{w.year_pair})\s+(?P<ypair>{year})\s*(?:{w.conjunction})\s*(?P<ypair2>{year})"
        + rf"|{art}?(?:{w.month})\s+(?P<mrel>{current}|{shifts}){END}"
        + rf"|(?P<bare>{year})(?=\s*[،,.:;)\n]|\s*$|\s+(?:{w.conjunction}))"
        # weekday, relative day and day-month: "أمس الأول الاثنين الـ 20 من تشرين الثاني"
        + rf"|(?:(?P<rel>{alt(lex.relative_days)}){END}\s*)?"
        + rf"(?:(?:(?:{w.day})\s+)?(?P<wd>{weekday}){END}(?:(?:\s*[-/]\s*|\s+)(?:{w.conjunction})?(?P<wd2>{weekday}){END})?"
        + rf"(?:\s+(?P<wdmod>{shifts}){END})?\s*)?"
        + "(?:"
        + rf"(?:(?:{art}\s*)?(?<!\d)(?P<day>\d{{1,2}}|{alt(lex.ordinals)}{END})(?!\d)"
        + rf"(?:\s*{alt(lex.range_separators)}\s*(?:{art}\s*)?(?P<day2>\d{{1,2}})(?!\d))?\s*(?:{of}\s+)?)?"
        + rf"(?:(?P<mword>{art}?(?:{w.month}))\s+)?"
        + rf"(?:{month_pair}|{art}?(?:{w.month})\s+(?:(?P<same>{same})|(?P<dmrel>{current}|{shifts}){END})|(?:{w.same})\s+{art}(?:{w.month})(?P<same2>))"
        + rf"(?:\s+(?P<mmod>{current}|{shifts}){END})?"
        + rf"(?:\s*(?:{of}\s+)?(?:{year_word}\s+)?(?:(?P<ycur2>{current})\s+)?(?P<year>{year})(?:\s*(?:{w.common_era}){END})?"
        + rf"|\s+(?:{of}\s+)?{year_word}\s+(?P<yrel2>{mods}){END})?"
        + _time_tail(lex)
        + "|(?(rel)|(?(wd)|(?!))))"  # a day-month, or nothing more after a day word or weekday
        + ")"
    )
    # `\d\d{0,3}`, not `\d{1,4}`: a pattern that opens with a character class lets the
    # engine skip ahead to the digits instead of trying every position.
    numeric = r"(?P<a>\d\d{0,3})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{1,4})(?![\d/])" + _time_tail(lex)
    month_first = (
        rf"(?<![\w])(?P<month>{months})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>{year})"
    )
    hijri = (
        rf"(?<!\d)(?:(?P<day>\d{{1,2}})\s*(?P<month>{alt(lex.hijri_months)})\s*|(?P<month_only>{alt(lex.hijri_months)})\s+)?"
        rf"(?P<year>1[34]\d\d)\s*(?:{w.hijri_era})(?!\w)"
    )
    numbers = alt(lex.cardinals)
    duration = (
        rf"(?P<back>{alt(lex.back_words)})\s+(?:{alt(lex.hedges)}\s+)?"
        + rf"(?:(?:{art}\s*)?(?P<n>\d{{1,3}}|{numbers}){END}\s*)?(?P<unit>{alt(lex.units)}){END}"
    )
    return Patterns(
        date=compiled(date),
        date_openers=_date_openers([*lex.lead_words, *_names(w.clock), *lex.day_parts], core_names, w),
        numeric=compiled(numeric),
        month_first=compiled(month_first),
        hijri=compiled(hijri),
        hijri_gate=compiled(rf"1[34]\d\d\s*(?:{w.hijri_era})(?!\w)"),
        month_first_gate=compiled(r"(?<!\d)\d\d?,?\s+(?:1[89]|20)\d\d(?!\d)"),  # a class first: see `numeric`
        duration=compiled(duration),
        phrases=_phrases(lex),
        reporting_verb=compiled(START + f"(?:{w.conjunction})?" + alt(lex.reporting_verbs) + END),
        complementizer=compiled(START + alt(lex.complementizers) + END),
        publication_label=compiled(alt(lex.publication_labels) + r"\s*:?\s*$"),
        period_opener=compiled(START + f"(?:{w.conjunction})?" + alt(lex.period_openers) + END),
    )


def _phrases(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """The vague expressions and not-date names: those that open with a number ("48 ساعة
    الأخيرة") and the others, apart, so each pattern opens with a character class the
    engine can skip ahead to (`\\d\\d*`, not `\\d+`, for the same reason)."""
    number, article_number = "\x00", "\x01"  # {n} and "ال {n}" (also "ال24") while the tree is built
    article = _names(lex.words.article)[0]
    names = [p.replace(f"{article} {{n}}", article + article_number).replace("{n}", number) for p in lex.vague + lex.not_dates]

    def tree(chosen: list[str]) -> re.Pattern:
        pattern = alt(chosen).replace(re.escape(article_number), r"\s*\d\d*").replace(re.escape(number), r"\d\d*")
        return compiled(pattern + END)

    return tree([n for n in names if n.startswith(number)]), tree([n for n in names if not n.startswith(number)])


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The compiled patterns (built on first use)."""
    return _build(lexicon())
