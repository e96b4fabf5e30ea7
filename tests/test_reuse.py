"""A page whose inputs did not change since the last build is that build's page (waqai.incremental.reuse)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from waqai.incremental.reuse import Reuse
from waqai.render.output import Kept


@dataclass(frozen=True)
class View:
    title: str
    places: tuple[str, ...]


def render_of(text: str) -> tuple[list[str], object]:
    """A render function that says when it was called."""
    calls: list[str] = []

    def render() -> str:
        calls.append(text)
        return text

    return calls, render


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.md").write_text("# التقرير كما كُتب في البناء السابق\n", encoding="utf-8")
    return tmp_path


def _first_build(docs: Path, view: View, frame: str = "templates v1") -> dict[str, str]:
    first = Reuse(frame, {}, docs, shared=(View,))
    first.page("reports/a.md", ("report.md.j2", {"report": view}), render_of("rendered")[1])
    return first.inputs


def test_a_page_with_the_same_inputs_is_read_back_not_rendered(docs):
    previous = _first_build(docs, View("هجين", ("hajin",)))
    again = Reuse("templates v1", previous, docs, shared=(View,))
    calls, render = render_of("rendered")
    same_but_new_objects = View("هجين", tuple(["hajin"]))
    kept = again.page("reports/a.md", ("report.md.j2", {"report": same_but_new_objects}), render)
    assert isinstance(kept, Kept) and kept.read() == "# التقرير كما كُتب في البناء السابق\n".encode() and not calls
    assert again.reused == 1 and again.inputs == previous


@pytest.mark.parametrize(
    "change",
    [
        lambda: ("templates v1", "reports/a.md", View("هجين", ("hajin", "susa"))),  # an event named another place
        lambda: ("templates v2", "reports/a.md", View("هجين", ("hajin",))),  # a template or waqai itself changed
    ],
    ids=["inputs", "frame"],
)
def test_a_page_whose_inputs_or_renderer_changed_is_rendered(docs, change):
    previous = _first_build(docs, View("هجين", ("hajin",)))
    frame, path, view = change()
    again = Reuse(frame, previous, docs, shared=(View,))
    calls, render = render_of("rendered")
    assert again.page(path, ("report.md.j2", {"report": view}), render) == "rendered" and calls
    assert again.inputs[path] != previous[path]


def test_a_page_missing_from_the_previous_build_is_rendered(docs):
    previous = _first_build(docs, View("هجين", ("hajin",)))
    (docs / "reports" / "a.md").unlink()
    again = Reuse("templates v1", previous, docs, shared=(View,))
    calls, render = render_of("rendered")
    assert again.page("reports/a.md", ("report.md.j2", {"report": View("هجين", ("hajin",))}), render) == "rendered"
    assert again.reused == 0


def test_an_event_s_block_is_rendered_once_until_its_view_or_the_renderer_changes(tmp_path):
    def build(frame: str, view: View) -> tuple[str, list[str]]:
        reuse = Reuse(frame, {}, tmp_path / "docs", shared=(View,), cache=tmp_path / "cache")
        calls, render = render_of(f"<div>{view.title}</div>")
        html = reuse.fragment("event", view, render)
        reuse.save_pieces()
        return html, calls

    assert build("v1", View("هجين", ("hajin",))) == ("<div>هجين</div>", ["<div>هجين</div>"])
    assert build("v1", View("هجين", ("hajin",))) == ("<div>هجين</div>", [])  # read back
    assert build("v1", View("الباغوز", ("baghuz",)))[1] == ["<div>الباغوز</div>"]
    assert build("v2", View("الباغوز", ("baghuz",)))[1] == ["<div>الباغوز</div>"]  # another renderer
    assert len(list((tmp_path / "cache").iterdir())) == 1  # only the last renderer's blocks are kept


def test_the_block_of_an_event_on_a_kept_page_outlives_a_build_that_did_not_read_it(tmp_path):
    """Build 1 renders three events' blocks. Build 2 renders only the page of the second;
    the first's page was kept (its view is hashed, its block not read) and the third event
    left the site. When build 3 renders the first's page again, its block is read back,
    while the third's, gone from the site, was let go and is rendered anew."""
    hajin, baghuz, gone = View("هجين", ("hajin",)), View("الباغوز", ("baghuz",)), View("السوسة", ("susa",))

    def build(rendered: list[View], hashed: list[View]) -> list[str]:
        reuse = Reuse("v1", {}, tmp_path / "docs", shared=(View,), cache=tmp_path / "cache")
        calls: list[str] = []
        for view in rendered:
            reuse.fragment("event", view, lambda view=view: calls.append(view.title) or view.title)
        for view in hashed:
            reuse.hash_of(view)  # a kept page's digest hashes its events' views
        reuse.save_pieces()
        return calls

    assert build([hajin, baghuz, gone], []) == ["هجين", "الباغوز", "السوسة"]
    assert build([baghuz], [hajin]) == []  # three blocks, one of them no longer in use: a third of the file
    assert build([hajin, gone], []) == ["السوسة"]


def test_the_data_files_make_the_lines_of_an_event_once_per_origin(tmp_path, monkeypatch):
    from dataclasses import replace

    from event_fixture import series_timeline

    from waqai.render import downloads

    made: list[str] = []
    event_json = downloads.event_json
    monkeypatch.setattr(downloads, "event_json", lambda event, *rest: made.append(event.id) or event_json(event, *rest))
    figure_rows: list[int] = []  # the figures.csv rows made, per call
    figure_columns = downloads._figure_columns
    monkeypatch.setattr(downloads, "_figure_columns", lambda frame, columns: figure_rows.append(len(frame)) or figure_columns(frame, columns))
    plain = series_timeline()
    assert plain.series is not None and len(plain.series.figures) > 1
    cold = downloads.download_files(plain)
    origins = tuple(f"day{n}:0" for n in range(len(plain.events)))

    def build(origins: tuple[str, ...]) -> dict[str, str]:
        made.clear()
        figure_rows.clear()
        reuse = Reuse("templates v1", {}, tmp_path / "docs", cache=tmp_path / "cache")
        files = downloads.download_files(replace(plain, origins=origins), pieces=reuse)
        reuse.save_pieces()
        return files

    assert build(origins) == cold and len(made) == len(plain.events) and sum(figure_rows) == len(plain.series.figures)
    assert build(origins) == cold and made == [] and sum(figure_rows) == 0  # every line read back
    assert build(("another day:0", *origins[1:])) == cold and made == [plain.events[0].id]
    assert sum(figure_rows) == len(plain.events[0].figures)  # in figures.csv too, the lines of that event only


def test_a_place_s_map_is_drawn_once_until_its_places_or_links_change(tmp_path, monkeypatch):
    import site_fixture as fx

    from waqai.render import entities

    drawn: list[str] = []
    sketch_map = entities.sketch_map
    monkeypatch.setattr(entities, "sketch_map", lambda places, url, current=None: drawn.append(current) or sketch_map(places, url, current))
    timeline = fx.timeline()
    views = {event.id: object() for event in timeline.events}

    def build(url) -> list[str]:
        drawn.clear()
        reuse = Reuse("templates v1", {}, tmp_path / "docs", cache=tmp_path / "cache")
        maps = [place.map_svg for place in entities.place_views(timeline, views, url, pieces=reuse)]
        reuse.save_pieces()
        return maps

    drawn_here = [place.map_svg for place in entities.place_views(timeline, views, lambda here, target: target)]
    first = build(lambda here, target: target)
    assert first == drawn_here and len(drawn) == len(first) > 0
    assert build(lambda here, target: target) == first and drawn == []  # every map read back
    assert build(lambda here, target: "../" + target) != first and len(drawn) == len(first)  # links changed: drawn again
