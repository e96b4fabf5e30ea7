""""What changed": two event lists in, events added / removed and figures revised out."""
from __future__ import annotations

import json

import pytest

from waqai.errors import ContentError
from waqai.timeline.changes import compare, load_events


def event(id_: str, *figures: tuple[str, str | None, float | None, str]) -> dict:
    return {
        "id": id_,
        "date": id_[:10],
        "summary": f"حدث {id_}",
        "figures": [{"category": c, "party": p, "value": v, "qualifier": q, "unit": "person"} for c, p, v, q in figures],
    }


KILLED_IS_713 = ("killed", "is", 713, "more_than")
KILLED_IS_720 = ("killed", "is", 720, "more_than")
EXITS_500 = ("exits", None, 500, "approx")


@pytest.mark.parametrize(
    ("previous", "current", "added", "removed", "revised"),
    [
        ([event("2019-02-09-a")], [event("2019-02-09-a")], [], [], []),
        ([event("2019-02-09-a")], [event("2019-02-09-a"), event("2019-02-10-b")], ["2019-02-10-b"], [], []),
        ([event("2019-02-09-a"), event("2019-02-10-b")], [event("2019-02-10-b")], [], ["2019-02-09-a"], []),
        ([event("2019-02-09-a", KILLED_IS_713)], [event("2019-02-09-a", KILLED_IS_720)], [], [], [("more_than 713", "more_than 720")]),
        ([event("2019-02-09-a", KILLED_IS_713)], [event("2019-02-09-a", KILLED_IS_713, EXITS_500)], [], [], [(None, "approx 500")]),
        ([event("2019-02-09-a", EXITS_500)], [event("2019-02-09-a")], [], [], [("approx 500", None)]),
    ],
)
def test_compare(previous, current, added, removed, revised) -> None:
    changes = compare(previous, current)
    assert changes.compared
    assert [e["id"] for e in changes.added] == added
    assert [e["id"] for e in changes.removed] == removed
    assert [(r.before, r.after) for r in changes.revised] == revised
    assert changes.empty == (not (added or removed or revised))


def test_no_previous_data_is_said_not_guessed() -> None:
    changes = compare(None, [event("2019-02-09-a")])
    assert not changes.compared and not changes.added and changes.current_count == 1


@pytest.mark.parametrize(
    ("text", "count"),
    [(json.dumps([event("a")]), 1), (json.dumps({"events": [event("a"), event("b")]}), 2)],
)
def test_load_events(tmp_path, text, count) -> None:
    path = tmp_path / "events.json"
    path.write_text(text, encoding="utf-8")
    assert len(load_events(path)) == count


@pytest.mark.parametrize("text", ["{not json", json.dumps([{"summary": "بلا معرف"}]), json.dumps({"rows": []})])
def test_load_events_errors_name_the_file(tmp_path, text) -> None:
    path = tmp_path / "events.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="events.json"):
        load_events(path)
