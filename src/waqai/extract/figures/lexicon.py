"""The language data of the figures extractor, loaded, checked and compiled once.

Every word list lives in src/waqai/data/figures/*.yaml; this module turns the
lists into regular expressions over normalized text (`normalize.fold`), so the
extractor runs a handful of compiled regexes per report and no per-word loops.
A problem in a data file raises ContentError naming the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any

from ...content.datafiles import PACKAGE_DATA, check_fields, mapping, read_yaml, text_list
from ...errors import ContentError
from ..normalize import fold
from ..regex_cache import compiled
from ..temporal.lexicon import lexicon as temporal_lexicon
from .words import WordIndex

DATA_DIR = PACKAGE_DATA / "figures"

# Context cue lists (context.yaml key) and the kind they are found as.
CONTEXT_CUES = {
    "barrier": "barriers",
    "relative": "relatives",
    "breakdown": "breakdown",
    "area": "area_cues",
    "distance": "distance_cues",
    "toll": "toll_verbs",
    "count": "count_words",
    "object": "object_verbs",
    "joiner": "joiners",
}
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most", "vague")
SIDES = ("both", "left", "right")
CATEGORIES = {
    "killed", "wounded", "executed", "arrested", "kidnapped", "exits", "displaced",
    "territory", "troops", "fighters", "trucks", "villages", "towns", "strikes", "other",
}

# Clitics glued before a word: conjunction, then preposition, then the article.
CLITICS = r"(?:[وف])?(?:[بلك])?"
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
_NUMBER_CLITICS = r"(?:[وف])?ب?"  # before a number in words


# Words of a name may be split by quotes or brackets: تنظيم “الدولة الإسلامية”.
_BETWEEN_WORDS = r"[\s\"'“”«»()]+"
_KNOWN_MAX = 100_000  # matched texts remembered with their label, per list
_ARTICLE = "(?:ال|ل)?"  # a leading article of an entry (see `entry_words`)


def entry_words(entry: str) -> list[str]:
    """Regex for each word of one data entry: folded, a final `*` as any ending.

    A leading article (written ال in the entry) may also be `ل` after the
    preposition (`للتنظيم`) or be missing (`تنظيم`).
    """
    word = fold(entry).strip()
    open_end = word.endswith("*")
    words = word.rstrip("*").split()
    parts = [re.escape(w) for w in words]
    if entry.strip().startswith("ال") and len(words[0]) > 4:  # the article, not a root alef ("ألفان", "آليات")
        parts[0] = _ARTICLE + re.escape(words[0][2:])
    if open_end:
        parts[-1] += r"\w*"
    return parts


def entry_pattern(entry: str) -> str:
    """Regex for one data entry, its words split by blanks, quotes or brackets."""
    return _BETWEEN_WORDS.join(entry_words(entry))


@dataclass(frozen=True)
class TokenTest:
    """Whether a whole token matches `regex`, remembered per distinct token, so
    a text's tokens are tested with dictionary look-ups rather than a regex each."""

    regex: re.Pattern[str]
    _known: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def which(self, words: list[str]) -> list[int]:
        """Indices of the words that match."""
        known = self._known
        new = set(words).difference(known)
        if len(known) + len(new) > _KNOWN_MAX:
            known.clear()
            new = set(words)
        for word in new:
            known[word] = self.regex.fullmatch(word) is not None
        return list(compress(range(len(words)), map(known.__getitem__, words)))  # C loops


@dataclass(frozen=True)
class Labelled:
    """A regex of many entries and the label of each entry.

    `regex` is one plain alternation (fast: a named group per entry makes Python's
    re ten times slower); `labeller` is the same with a group per entry and is
    only run on the few texts `regex` matched, to tell which entry it was, and
    only once per distinct text: reports repeat their phrases.
    """

    regex: re.Pattern[str]
    labeller: re.Pattern[str]
    labels: tuple[Any, ...]
    _known: dict[str, tuple[Any, int, int]] = field(default_factory=dict, compare=False, repr=False)

    def core(self, match: re.Match[str]) -> tuple[Any, int, int]:
        """The label of a match of `regex`, and the span of the entry (clitics left out)."""
        text, offset = match.group(0), match.start()
        known = self._known.get(text)
        if known is None:
            known = self._known[text] = self._read(text)
        label, start, end = known
        return label, offset + start, offset + end

    def _read(self, text: str) -> tuple[Any, int, int]:
        if len(self._known) > _KNOWN_MAX:
            self._known.clear()
        found = self.labeller.fullmatch(text)
        assert found is not None and found.lastgroup is not None
        return self.labels[int(found.lastgroup[1:])], found.start(found.lastgroup), found.end(found.lastgroup)

    def label(self, match: re.Match[str]) -> Any:
        return self.core(match)[0]


def alternation(entries: list[tuple[str, Any]]) -> tuple[str, str, tuple[Any, ...]]:
    """Alternation of (entry, label) pairs, longer entries first: plain, with a group
    per entry, and the labels in group order."""
    ordered = sorted(entries, key=lambda e: -len(fold(e[0])))
    patterns = [entry_pattern(text) for text, _ in ordered]
    grouped = [f"(?P<e{i}>{p})" for i, p in enumerate(patterns)]
    return "|".join(patterns) or "(?!)", "|".join(grouped) or "(?!)", tuple(lab for _, lab in ordered)


def labelled(
    entries: list[tuple[str, Any]], prefix: str = CLITICS, lead: str = _NOT_AFTER_LETTER, suffix: str = "", ordered: bool = True
) -> Labelled:
    """One regex for (entry, label) pairs as whole words, clitics allowed before;
    `ordered=False` when only where a match starts counts (see `unordered`)."""
    fast, grouped, labels = alternation(entries)
    if not ordered:
        fast = unordered([entry_pattern(text) for text, _ in entries])
    return Labelled(
        compiled(rf"{lead}{prefix}(?:{fast})(?!\w){suffix}"),
        compiled(rf"{lead}{prefix}(?:{grouped})(?!\w){suffix}"),
        labels,
    )


def plain(entries: list[str]) -> str:
    """Alternation of entries without groups, for use inside a larger regex."""
    return "|".join(entry_pattern(e) for e in sorted(entries, key=lambda e: -len(fold(e))))


def unordered(patterns: list[str]) -> str:
    """The alternation of entry patterns with those that open with the optional article
    behind one article: the same texts match, several times faster, since the engine
    skips a branch on its first letter only when the branch opens with a letter. The
    order of the branches is lost, so only for regexes whose callers look at where a
    match starts, not which entry it is: searched to the end of a window (`$`), or tested."""
    with_article = [p[len(_ARTICLE) :] for p in patterns if p.startswith(_ARTICLE)]
    others = [p for p in patterns if not p.startswith(_ARTICLE)]
    if with_article:
        others.insert(0, f"{_ARTICLE}(?:{'|'.join(with_article)})")
    return "|".join(others) or "(?!)"


def words_regex(entries: list[str], prefix: str = CLITICS, suffix: str = "") -> re.Pattern[str]:
    """A regex that finds any of `entries` as whole words (with clitics before); which
    one it found is not told (see `unordered`)."""
    return compiled(rf"{_NOT_AFTER_LETTER}{prefix}(?:{unordered([entry_pattern(e) for e in entries])})(?!\w){suffix}")


# What may stand between a cue word and the number it describes: "الساعات الـ 48".
_RIGHT_BEFORE_NUMBER = r"\s*(?:ال|ل|ب)?\s*$"


# --- loading and checking -------------------------------------------------------


def _number_lists(path: Path, data: Any, where: str) -> list[tuple[str, float]]:
    out = []
    for value, forms in mapping(path, data, where).items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ContentError(path, None, f"{where}: key {value!r} must be a number")
        out += [(form, float(value)) for form in text_list(path, f"{where}.{value}", forms)]
    return out


def _qualifier_lists(path: Path, data: Any, where: str) -> list[tuple[str, str]]:
    out = []
    for qualifier, forms in mapping(path, data, where).items():
        if qualifier not in QUALIFIERS:
            raise ContentError(path, None, f"{where}: unknown qualifier {qualifier!r}")
        out += [(form, qualifier) for form in text_list(path, f"{where}.{qualifier}", forms)]
    return out


@dataclass(frozen=True)
class Noun:
    """A counted noun: what the number counts (see nouns.yaml)."""

    id: str
    unit: str
    category: str | None  # decided by the noun alone
    default: str | None  # when nothing around says otherwise
    party: str | None
    area: bool  # a bare length unit that may be an area
    partitive: bool = False  # "منهم": a part of a group named before, only after a number in words


NOUN_FIELDS = {"forms", "unit", "category", "default", "party", "duals", "area", "partitive"}


def _nouns(path: Path) -> tuple[list[tuple[str, Noun]], list[tuple[str, Noun]]]:
    forms: list[tuple[str, Noun]] = []
    duals: list[tuple[str, Noun]] = []
    for ident, fields in mapping(path, read_yaml(path)).items():
        fields = mapping(path, fields, str(ident))
        unknown = set(fields) - NOUN_FIELDS
        if unknown or "forms" not in fields or "unit" not in fields:
            raise ContentError(path, None, f"{ident}: needs forms and unit; unknown field(s): {sorted(unknown)}")
        for key in ("category", "default"):
            if fields.get(key) is not None and fields[key] not in CATEGORIES:
                raise ContentError(path, None, f"{ident}.{key}: unknown category {fields[key]!r}")
        noun = Noun(
            str(ident),
            str(fields["unit"]),
            fields.get("category"),
            fields.get("default"),
            fields.get("party"),
            bool(fields.get("area", False)),
            bool(fields.get("partitive", False)),
        )
        forms += [(f, noun) for f in text_list(path, f"{ident}.forms", fields["forms"])]
        duals += [(f, noun) for f in text_list(path, f"{ident}.duals", fields.get("duals", []))]
    return forms, duals


def _triggers(path: Path) -> list[tuple[str, tuple[str, str]]]:
    out = []
    for category, sides in mapping(path, read_yaml(path)).items():
        if category not in CATEGORIES:
            raise ContentError(path, None, f"unknown category {category!r}")
        for side, words in mapping(path, sides, str(category)).items():
            if side not in SIDES:
                raise ContentError(path, None, f"{category}: side must be one of {', '.join(SIDES)}")
            out += [(w, (str(category), side)) for w in text_list(path, f"{category}.{side}", words)]
    return out


def _parties(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(alias, party id) pairs, and the names that hold an alias but name no party."""
    data = mapping(path, read_yaml(path))
    parties = mapping(path, data.get("parties"), "parties")
    out = []
    for ident, fields in parties.items():
        fields = mapping(path, fields, str(ident))
        out += [(a, str(ident)) for a in text_list(path, f"{ident}.aliases", fields.get("aliases"))]
    return out, text_list(path, "not_parties", data.get("not_parties", []))


@dataclass(frozen=True)
class PartyPolicy:
    """Which party a figure of some category takes (see roles.yaml)."""

    prefer: frozenset[str]
    exclude: frozenset[str]
    left: int
    right: int
    prefer_left: int
    side: str  # "left" (a name before the figure first) or "nearest"
    inherit: bool
    topic: bool  # with no name near, the sentence's first allowed name (its subject)


ROLE_SIDES = ("before", "after")
POLICY_FIELDS = {"prefer", "exclude", "left", "right", "prefer_left", "side", "inherit", "topic"}
OPTIONAL_POLICY_FIELDS = {"inherit", "topic"}


def _roles(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]], dict[str, PartyPolicy]]:
    """Role cue words (before a party's name, after it) and the policy of each category."""
    data = mapping(path, read_yaml(path))
    before: list[tuple[str, str]] = []
    after: list[tuple[str, str]] = []
    roles = mapping(path, data.get("roles"), "roles")
    for role, sides in roles.items():
        sides = mapping(path, sides, f"roles.{role}")
        if set(sides) - set(ROLE_SIDES):
            raise ContentError(path, None, f"roles.{role}: sides must be {' or '.join(ROLE_SIDES)}")
        before += [(w, str(role)) for w in text_list(path, f"roles.{role}.before", sides.get("before", []))]
        after += [(w, str(role)) for w in text_list(path, f"roles.{role}.after", sides.get("after", []))]
    policies = {}
    for category, fields in mapping(path, data.get("policies"), "policies").items():
        where = f"policies.{category}"
        fields = mapping(path, fields, where)
        if category != "default" and category not in CATEGORIES:
            raise ContentError(path, None, f"{where}: unknown category")
        check_fields(path, where, fields, POLICY_FIELDS - OPTIONAL_POLICY_FIELDS, OPTIONAL_POLICY_FIELDS)
        prefer, exclude = (set(text_list(path, f"{where}.{key}", fields[key])) for key in ("prefer", "exclude"))
        unknown = (prefer | exclude) - set(map(str, roles))
        reaches = [fields[key] for key in ("left", "right", "prefer_left")]
        if unknown or not all(isinstance(n, int) and n >= 0 for n in reaches) or fields["side"] not in ("left", "nearest"):
            raise ContentError(path, None, f"{where}: unknown role(s) {sorted(unknown)}, or a reach or side out of range")
        policies[str(category)] = PartyPolicy(
            frozenset(prefer), frozenset(exclude), *reaches, fields["side"], bool(fields.get("inherit", False)), bool(fields.get("topic", False))
        )
    if "default" not in policies:
        raise ContentError(path, None, "policies: needs a default")
    return before, after, policies


@dataclass(frozen=True)
class Lexicon:
    """Compiled language data; see the YAML files for what each list means."""

    number_words: Labelled  # a single number word -> value
    word_number: re.Pattern[str]  # a whole number in words, compounds and scale included
    number_tail: re.Pattern[str]  # anchored use: "و" and words after a number's hundreds or scale
    number_start: TokenTest  # a token that may be the first of a number in words (clitics included)
    scale: Labelled  # "آلاف" -> 1000 (anchored use: .match after a number)
    nouns: Labelled  # noun after a number (anchored use)
    nouns_before: Labelled  # noun right before a count that follows it (searched at the end of a slice)
    before: Labelled  # qualifier right before a number (searched at the end of a slice)
    after: Labelled  # qualifier right after (anchored use)
    hedges: re.Pattern[str]
    time_units: Labelled  # anchored use after a number
    time_before: re.Pattern[str]  # searched at the end of the text before a number
    unit_before: re.Pattern[str]  # idem
    place_before: re.Pattern[str]  # idem, before a dual
    months: Labelled  # anchored use after a number
    area_after: Labelled  # anchored use after a percent or a fraction
    count_of: re.Pattern[str]  # anchored use: "عدد" between a toll and its noun
    # One pass over the tokens finds these lists (words.py): kinds "vague" (-> lower
    # bound), "fraction" (-> value), "after_noun" (-> value), "dual" (-> Noun), "trigger" (-> (category, side)),
    # "party" (-> id), and the context cues "barrier", "relative", "breakdown",
    # "area", "distance", "toll", "count", "object", "joiner"; "not_party" (a name holding an alias: "الدفاع
    # المدني"), "role_before" and "role_after" (-> role, see roles.yaml).
    words: WordIndex
    policies: dict[str, PartyPolicy]  # category (or "default") -> how its party is chosen

    def policy(self, category: str | None) -> PartyPolicy:
        return self.policies.get(category or "", self.policies["default"])


def _anchored(entries: list[tuple[str, Any]], prefix: str = CLITICS + "(?:ال)?") -> Labelled:
    """For `.match(text, pos)` right after a number: optional spaces (and `من`) first."""
    return labelled(entries, prefix, lead=r"\s*(?P<of>من\s+)?")


def _month_names() -> list[str]:
    """Every month name the temporal engine knows (one list: data/temporal/months.yaml):
    a number before one is a day of a date, not a figure."""
    dates = temporal_lexicon()
    return [*dates.months, *dates.hijri_months]


def _word_number_regexes(
    words: list[tuple[str, float]], ones: list[tuple[str, float]], scales: list[tuple[str, float]]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A number in words: words joined by "و" (they add up), then a scale (it multiplies);
    and the same after "و", the tail of a number ending in hundreds or a scale. "واحد"
    opens a number only before "و" and a ten ("واحد وعشرون"); it may open a tail
    ("مائة وواحد")."""
    word, one, scale = (f"(?:{plain([w for w, _ in entries])})" for entries in (words, ones, scales))
    tens = f"(?:{plain([w for w, v in words if 20 <= v < 100 and v % 10 == 0])})"
    first = rf"(?:{one}(?=\s+و\s*{tens}(?!\w))|{word})"
    joined = rf"(?:\s+و\s*(?:{word}|{one}))"
    number = rf"(?P<words>{{}}{joined}*)(?:\s+(?P<scale>{scale}))?(?!\w)"
    return (
        compiled(rf"{_NOT_AFTER_LETTER}{_NUMBER_CLITICS}" + number.format(first)),
        compiled(r"\s*و\s*" + number.format(f"(?:{word}|{one})")),
    )


@lru_cache(maxsize=1)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read, check and compile the figures data files (once per process)."""
    numbers_path, qual_path = data_dir / "numbers.yaml", data_dir / "qualifiers.yaml"
    numbers = mapping(numbers_path, read_yaml(numbers_path))
    words = _number_lists(numbers_path, numbers.get("words"), "words")
    ones = [(w, 1.0) for w in text_list(numbers_path, "one", numbers.get("one"))]
    scales = _number_lists(numbers_path, numbers.get("scales"), "scales")
    word_number, number_tail = _word_number_regexes(words, ones, scales)
    # A match of `word_number` starts with a whole token (a blank, a mark or `(?!\w)` follows each word).
    first_words = "|".join(sorted({entry_words(w)[0] for w, _ in words + ones}))
    number_start = TokenTest(compiled(rf"{_NUMBER_CLITICS}(?:{first_words})"))
    quals = mapping(qual_path, read_yaml(qual_path))
    context_path = data_dir / "context.yaml"
    ctx = mapping(context_path, read_yaml(context_path))

    def ctx_list(key: str) -> list[str]:
        return text_list(context_path, key, ctx.get(key))

    noun_forms, dual_forms = _nouns(data_dir / "nouns.yaml")
    parties, not_parties = _parties(data_dir / "parties.yaml")
    role_before, role_after, policies = _roles(data_dir / "roles.yaml")
    unknown = {n.party for _, n in noun_forms if n.party} - {ident for _, ident in parties}
    if unknown:
        raise ContentError(data_dir / "nouns.yaml", None, f"party not in parties.yaml: {', '.join(sorted(unknown))}")
    before = labelled(
        _qualifier_lists(qual_path, quals.get("before"), "before"),
        prefix="(?:[وف])?(?:[بل])?",
        suffix=_RIGHT_BEFORE_NUMBER,
        ordered=False,  # searched to the number: the match runs from its start to there, whichever entry it is
    )
    words_index = WordIndex()
    words_index.add("vague", _number_lists(numbers_path, numbers.get("vague"), "vague"), article=False)
    words_index.add("fraction", _number_lists(numbers_path, numbers.get("fractions"), "fractions"), article=False)
    words_index.add("after_noun", _number_lists(numbers_path, numbers.get("after_noun"), "after_noun"), article=False)
    words_index.add("dual", dual_forms)
    words_index.add("trigger", _triggers(data_dir / "triggers.yaml"))
    words_index.add("party", parties)
    words_index.add("not_party", [(name, None) for name in not_parties])
    words_index.add("role_before", role_before)
    words_index.add("role_after", role_after)
    for kind, key in CONTEXT_CUES.items():
        words_index.add(kind, [(w, None) for w in ctx_list(key)])
    return Lexicon(
        number_words=labelled(words + ones, prefix="(?:و)?"),
        word_number=word_number,
        number_tail=number_tail,
        number_start=number_start,
        scale=_anchored(scales, prefix=""),
        nouns=_anchored(noun_forms),
        nouns_before=labelled(noun_forms, CLITICS + "(?:ال)?", suffix=r"\s+$"),
        before=before,
        after=_anchored(_qualifier_lists(qual_path, quals.get("after"), "after"), prefix=""),
        hedges=words_regex([w for w, _ in _qualifier_lists(qual_path, quals.get("hedges"), "hedges")]),
        time_units=_anchored([(w, None) for w in ctx_list("time_units")]),
        time_before=words_regex(ctx_list("time_before"), suffix=_RIGHT_BEFORE_NUMBER),
        unit_before=words_regex(ctx_list("unit_before"), suffix=_RIGHT_BEFORE_NUMBER),
        place_before=words_regex(ctx_list("place_words"), suffix=_RIGHT_BEFORE_NUMBER),
        months=_anchored([(w, None) for w in _month_names()], prefix=r"(?:شهر\s+)?"),
        area_after=_anchored([(w, None) for w in ctx_list("area_after")]),
        count_of=compiled(rf"\s*(?:{plain(ctx_list('count_words'))})(?!\w)"),
        words=words_index,
        policies=policies,
    )
