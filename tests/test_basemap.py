"""The places' maps are drawn on Natural Earth's borders (world-atlas, vendored), at build time."""
from __future__ import annotations

from waqai.render.basemap import shape_rings, topology_in_script
from waqai.render.entities import sketch_map
from waqai.records import Place

ABU_KAMAL = Place("abu_kamal", "البوكمال", "Abu Kamal", "city", "Abu Kamal", 34.45, 40.92)
QAIM = Place("qaim", "القائم", "al-Qaim", "town", "Anbar", 34.37, 41.09)


def test_a_topojson_ring_is_its_arcs_joined_one_reversed() -> None:
    topology = {
        "transform": {"scale": [0.5, 0.25], "translate": [30, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 4]], [[0, 0], [0, 4], [2, 0]]],  # quantized, each point a step from the last
        "objects": {"countries": {"geometries": [{"type": "Polygon", "id": "1", "arcs": [[0, ~1]]}]}},
    }
    assert shape_rings(topology, "countries") == {"1": ([(30.0, 20.0), (31.0, 20.0), (31.0, 21.0), (30.0, 21.0), (30.0, 20.0)],)}


def test_a_place_on_the_border_is_drawn_with_the_border_and_its_source() -> None:
    svg = sketch_map([ABU_KAMAL, QAIM], lambda place: None, "abu_kamal")
    assert svg.count('class="waqai-map-theatre"') == 2  # Syria and Iraq, both in view
    assert "<title>سوريا</title>" in svg and "<title>العراق</title>" in svg
    assert "Natural Earth" in svg  # the borders' source, under the map
    assert "http" not in svg  # drawn into the page: nothing to fetch


def test_the_euphrates_runs_by_deir_ez_zor_and_abu_kamal_on_the_map() -> None:
    from waqai.render.basemap import base_map

    def near(lon: float, lat: float) -> bool:
        return any(abs(x - lon) < 0.15 and abs(y - lat) < 0.15 for line in base_map().rivers for x, y in line)

    assert near(40.14, 35.33) and near(40.92, 34.45)  # Deir ez-Zor, Abu Kamal: on a river of Natural Earth's
    svg = sketch_map([ABU_KAMAL, QAIM], lambda place: None)
    assert 'class="waqai-map-river"' in svg


def test_the_governorates_are_drawn_inside_the_countries_with_their_arabic_names() -> None:
    svg = sketch_map([ABU_KAMAL, QAIM], lambda place: None, "abu_kamal")
    assert 'class="waqai-map-governorate"' in svg
    assert "<title>دير الزور</title>" in svg and "<title>الأنبار</title>" in svg  # either side of the border
    assert "<title>اللاذقية</title>" not in svg  # far out of this map's frame: not drawn


def test_a_topojson_assigned_in_a_script_is_read_as_json() -> None:
    script = b'Datamap.prototype.abcTopo = {"type": "Topology", "objects": {"abc": {"geometries": []}}, "arcs": []};\nmore();'
    assert topology_in_script(script, "abc")["objects"] == {"abc": {"geometries": []}}
