"""Every label a reader sees is Arabic: each key the data can produce has an entry in display.yaml or actors.yaml.

These tests read the extractors' own data files, so adding a category, a party or
an event type there without its Arabic label fails here, not on the published site.
"""
from __future__ import annotations

from pathlib import Path

from waqai.content.datafiles import read_yaml
from waqai.content.labels import load_labels
from waqai.extract.figures.lexicon import CATEGORIES, DATA_DIR
from waqai.records import Figure
from waqai.render.highlight import figure_reading
from waqai.timeline.events import DATING_PRECISIONS, load_type_rules

ROOT = Path(__file__).resolve().parent.parent


def figure_categories() -> set[str]:
    """Categories the figures data can give: the lexicon's, the nouns' and the trigger words'."""
    nouns = read_yaml(DATA_DIR / "nouns.yaml")
    from_nouns = {fields[k] for fields in nouns.values() for k in ("category", "default") if k in fields}
    return set(CATEGORIES) | from_nouns | set(read_yaml(DATA_DIR / "triggers.yaml"))


def test_every_figure_category_has_an_arabic_label() -> None:
    labels = load_labels().figure_categories
    assert figure_categories() - set(labels) == set(), "add the missing categories to src/waqai/data/display.yaml"


def test_every_party_of_the_figures_has_an_actor_with_an_arabic_name() -> None:
    parties = set(read_yaml(DATA_DIR / "parties.yaml")["parties"])
    parties |= {fields["party"] for fields in read_yaml(DATA_DIR / "nouns.yaml").values() if "party" in fields}
    actors = read_yaml(ROOT / "content" / "actors.yaml")
    assert parties - set(actors) == set(), "add the missing parties to content/actors.yaml"


def test_every_event_type_and_precision_has_an_arabic_label() -> None:
    labels = load_labels()
    assert set(load_type_rules().types) - set(labels.event_types) == set()
    assert {*DATING_PRECISIONS, "unknown"} - set(labels.precisions) == set()


def test_a_highlighted_figure_reads_in_arabic() -> None:
    reading = figure_reading(load_labels(), Figure(0, 4, "1130 شاحنة", 1130, "trucks", "at_least", unit="truck"))
    assert reading == "شاحنات: 1130"
