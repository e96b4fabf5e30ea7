"""Site search in Arabic: one folding of words for the index and for the reader's query.

Material's Arabic search runs no lunr pipeline at all, so `الشعفة` is not found by
`شعفة`, nor `بالباغوز` by `الباغوز`. The index gets a lunr "language" of its own
(assets/javascripts/lunr/min/lunr.waqai.min.js, made here from data/search.yaml and
camel-tools' character folding) that folds every indexed word and every query word the
same way; and each page's entry gets the other names of the places and parties it names
(`قسد` on a page that says `قوات سوريا الديمقراطية`), folded in Python with camel-tools.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar

from ..content.datafiles import read_yaml
from ..records import Actor, Place

DEFAULT_PATH = Path(str(resources.files("waqai") / "data" / "search.yaml"))
LANGUAGE = "waqai"  # the lunr language Material's search worker loads: lunr/min/lunr.waqai.min.js
PLUGIN = f"assets/javascripts/lunr/min/lunr.{LANGUAGE}.min.js"
ALIASES = "aliases"  # the field of an entry holding the other names of what it names
ARABIC_LETTERS = [chr(c) for c in (*range(0x0600, 0x0700), *range(0x0750, 0x0780), *range(0x08A0, 0x0900), *range(0xFB50, 0xFE00))]
_TAGS = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Folding:
    tatweel: str
    prefixes: tuple[str, ...]  # longest first
    min_stem: int
    separator: str

    @property
    def split(self) -> re.Pattern[str]:
        return re.compile(self.separator)


@lru_cache(maxsize=2)
def load_folding(path: Path = DEFAULT_PATH) -> Folding:
    data = read_yaml(path)
    return Folding(data["tatweel"], tuple(sorted(data["prefixes"], key=len, reverse=True)), int(data["min_stem"]), data["separator"])


def fold_letters(text: str, folding: Folding | None = None) -> str:
    """camel-tools' folding (diacritics, alef forms, alef maqsura, taa marbuta), without tatweel."""
    folding = folding or load_folding()
    text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))
    return text.replace(folding.tatweel, "")


def fold_word(word: str, folding: Folding | None = None) -> str:
    """A word as the search index keeps it: `بالباغوز` -> `باغوز`, `الشَّعْفَة` -> `شعفه`."""
    folding = folding or load_folding()
    word = fold_letters(word, folding)
    for prefix in folding.prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= folding.min_stem:
            return word[len(prefix):]
    return word


def fold_words(text: str, folding: Folding | None = None) -> list[str]:
    """The folded words of a text (HTML tags left out)."""
    folding = folding or load_folding()
    return [fold_word(word, folding) for word in folding.split.split(_TAGS.sub(" ", text)) if word]


def letter_map(folding: Folding | None = None) -> dict[str, str]:
    """What fold_letters does to each Arabic character it changes, for the site's JavaScript:
    camel-tools' folding works a character at a time, so a table of it folds the same way."""
    folding = folding or load_folding()
    return {c: fold_letters(c, folding) for c in ARABIC_LETTERS if fold_letters(c, folding) != c}


def name_groups(places: Iterable[Place], actors: Iterable[Actor]) -> list[tuple[str, ...]]:
    """Each place's and party's names (shown name, variants, aliases), folded, one group each;
    not a place whose name is also an ordinary word (`جديدة`)."""
    groups = [(p.ar, *p.variants) for p in places if not p.common_word] + [(a.ar, *a.aliases) for a in actors]
    return [tuple(dict.fromkeys(" ".join(fold_words(name)) for name in names if fold_words(name))) for names in groups]


def with_aliases(entries: Sequence[Mapping[str, Any]], groups: Sequence[tuple[str, ...]]) -> list[dict[str, Any]]:
    """The entries, each with the names of every group one of whose names it contains. The
    names are looked up by their first word, so an entry costs its words, not its words
    times every name of the gazetteer (the whole index is read again by every build)."""
    by_first: dict[str, list[tuple[list[str], int]]] = {}
    for number, group in enumerate(groups):
        for name in group:
            words = name.split(" ")
            by_first.setdefault(words[0], []).append((words, number))
    out = []
    for entry in entries:
        words = fold_words(f"{entry.get('title', '')} {entry.get('text', '')}")
        named = {number for at, word in enumerate(words) for name, number in by_first.get(word, ()) if words[at : at + len(name)] == name}
        found = [name for number in sorted(named) for name in groups[number]]
        out.append({**{k: v for k, v in entry.items() if k != ALIASES}, **({ALIASES: " ".join(dict.fromkeys(found))} if found else {})})
    return out


def search_config(config: Mapping[str, Any], folding: Folding | None = None) -> dict[str, Any]:
    """Material's search configuration with waqai's folding as its language, the aliases indexed."""
    folding = folding or load_folding()
    fields = {**config["fields"], ALIASES: {"boost": 1.0}}
    return {**config, "lang": [LANGUAGE], "separator": folding.separator, "pipeline": [], "fields": fields}


def plugin_js(template: str, folding: Folding | None = None) -> str:
    """The lunr language file (assets/search-fold.js with its rules filled in)."""
    folding = folding or load_folding()
    rules = {"letters": letter_map(folding), "prefixes": folding.prefixes, "min_stem": folding.min_stem}
    return template.replace("/*RULES*/{}", json.dumps(rules, ensure_ascii=False, sort_keys=True))
