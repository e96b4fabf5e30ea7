"""An event's headline: a short Arabic line made from its data by templates.

A reader scans a chronology by its headlines; a raw clause of 800 characters is not
one. The headline names the type, the parties (who acted, on whom), the place and the
main figure, from the templates of data/headlines.yaml; the event keeps its sources'
own words for the quote beside it.
"""
from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..content.datafiles import PACKAGE_DATA, read_yaml, text_list
from ..errors import ContentError
from ..records import Event, Figure

DEFAULT_PATH = PACKAGE_DATA / "headlines.yaml"
FIELDS = frozenset({"actor1", "actor2", "place"})


@dataclass(frozen=True)
class HeadlineRules:
    templates: dict[str, tuple[str, ...]]
    victims: frozenset[str]
    figure: str
    figure_categories: tuple[str, ...]
    max_length: int


def _fields_of(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@lru_cache(maxsize=4)
def load_headline_rules(path: Path = DEFAULT_PATH) -> HeadlineRules:
    """Read and check data/headlines.yaml."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != {"victims", "figure", "figure_categories", "max_length", "templates"}:
        raise ContentError(path, None, "must have exactly victims, figure, figure_categories, max_length, templates")
    templates = {}
    for kind, items in (data["templates"] or {}).items():
        templates[str(kind)] = tuple(text_list(path, f"templates.{kind}", items))
        for template in templates[str(kind)]:
            if not _fields_of(template) <= FIELDS:
                raise ContentError(path, None, f"templates.{kind}: {template!r} uses a field other than {', '.join(sorted(FIELDS))}")
    if "other" not in templates or any(_fields_of(items[-1]) for items in templates.values()):
        raise ContentError(path, None, "templates: needs `other`, and each type's last template must use no field")
    if not isinstance(data["max_length"], int) or _fields_of(str(data["figure"])) != {"category", "count"}:
        raise ContentError(path, None, "max_length must be a number and figure must use {category} and {count}")
    return HeadlineRules(
        templates,
        frozenset(text_list(path, "victims", data["victims"])),
        str(data["figure"]),
        tuple(text_list(path, "figure_categories", data["figure_categories"])),
        data["max_length"],
    )


def roles(actors: Sequence[str], rules: HeadlineRules, sides: Mapping[str, str] | None = None) -> tuple[str | None, str | None]:
    """(the party that acted, the party acted on): the first party named that is not a
    victim, then the next party named that is not on its side (`sides`: content/actors.yaml
    `side`). Arabic news names the actor right after its verb; its allies named beside it
    (`قسد بدعم من التحالف`, `النظام وحزب الله`) fight with it, not against it."""
    sides = sides or {}
    actor1 = next((a for a in actors if a not in rules.victims), None)
    ally = lambda a: bool(sides.get(a)) and sides.get(a) == sides.get(actor1)  # noqa: E731
    actor2 = next((a for a in actors if a != actor1 and not ally(a)), None)
    return actor1, actor2


def main_figure(figures: Sequence[tuple[str, Figure]], rules: HeadlineRules) -> Figure | None:
    """The figure a headline gives: the largest known count of the most telling category."""
    known = [f for _, f in figures if f.value is not None and f.category in rules.figure_categories]
    if not known:
        return None
    category = min((f.category for f in known), key=rules.figure_categories.index)
    return max((f for f in known if f.category == category), key=lambda f: f.value or 0)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def headline(
    event: Event, names: Mapping[str, str], categories: Mapping[str, str], rules: HeadlineRules | None = None, sides: Mapping[str, str] | None = None
) -> str:
    """The headline of `event`; `names` gives the Arabic name of place and actor ids,
    `categories` that of figure categories, `sides` the side each party fights on."""
    rules = rules or load_headline_rules()
    actor1, actor2 = roles(event.actors, rules, sides)
    fields = {"actor1": actor1, "actor2": None if actor2 in rules.victims else actor2, "place": event.places[0] if event.places else None}
    values = {k: names.get(v, v) for k, v in fields.items() if v}
    templates = rules.templates.get(event.type) or rules.templates["other"]
    text = next(t.format(**values) for t in templates if _fields_of(t) <= set(values))
    figure = main_figure(event.figures, rules)
    if figure is not None:
        count = _number(figure.value) if figure.qualifier == "exact" and figure.value is not None else figure.text
        text += rules.figure.format(category=categories.get(figure.category, figure.category), count=count)
    return text if len(text) <= rules.max_length else text[: rules.max_length - 1].rstrip() + "…"
