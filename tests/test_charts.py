"""Plotly specs and fallback tables of the charts, from the small series fixture."""
from __future__ import annotations

import copy
import html
import json
import posixpath
import re

import pandas as pd
import plotly.graph_objects as go
from event_fixture import series_timeline
from hypothesis import given
from hypothesis import strategies as st

from waqai.render.charts import CHART_POINTS, CHART_TOTAL, TABLE_ROWS, build_chart, chart_html, home_charts, relative_path

NAMES = {"east_euphrates": "شرق الفرات", "badia": "البادية السورية", "isis": "التنظيم", "civilians": "المدنيون"}


def link(article_id: str, sentence: int) -> str:
    return f"reports/{article_id}/#s{sentence}"


def territory():
    return build_chart("territory", series_timeline().series.territory, ["pocket"], NAMES, link)


def test_territory_chart_has_one_trace_per_pocket_with_bounds_drawn_as_such() -> None:
    chart = territory()
    traces = {t["name"]: t for t in chart.spec["data"]}
    assert list(traces) == ["شرق الفرات", "البادية السورية"]
    east = traces["شرق الفرات"]
    assert east["x"] == ["2019-01-31", "2019-02-04", "2019-02-10", "2019-02-12"]
    assert east["y"] == [4, 4, 3, 5]
    assert east["marker"]["symbol"] == ["triangle-down", "circle-open", "triangle-down", "circle-open"]  # < 3 is not 3
    assert [c[0] for c in east["customdata"]] == ["أقل من 4 كلم مربع", "نحو 4 كلم مربع", "أقل من 3 كلم مربع", "نحو 5 كلم مربع"]
    assert [c[2] for c in east["customdata"]] == ["reports/a/#s0", "reports/b/#s0", "reports/c/#s0", "reports/d/#s0"]
    assert chart.spec["layout"]["yaxis"]["type"] == "log"  # 3 and 4,000 km2 on one chart


def test_the_spec_is_valid_plotly() -> None:
    spec = copy.deepcopy(territory().spec)  # plotly consumes the dicts it validates
    figure = go.Figure(data=spec["data"], layout=spec["layout"])
    assert len(figure.data) == 2


def test_hover_names_the_report_behind_each_point() -> None:
    [east, _] = territory().spec["data"]
    assert "%{customdata[1]}" in east["hovertemplate"]
    assert east["customdata"][0][1] == "المرصد، 2019-01-31"


def test_tolls_chart_has_a_line_per_party_and_period() -> None:
    chart = build_chart("tolls", series_timeline().series.toll_lines, ["party", "since"], NAMES, link)
    assert [(t["name"], t["y"]) for t in chart.spec["data"]] == [
        ("التنظيم (منذ 10 أيلول 2018)", [1279]),  # 1200 on a later day is below it: flagged, not drawn
        ("المدنيون (منذ 10 أيلول 2018)", [401]),
    ]


def test_the_chart_speaks_arabic_months_as_the_sources_write_them() -> None:
    chart = territory()
    locale = chart.spec["locale"]
    assert chart.spec["config"]["locale"] == locale["name"] == "ar"
    assert locale["format"]["months"][:3] == ["كانون الثاني", "شباط", "آذار"]
    assert locale["dictionary"]["Zoom in"] == "تكبير"  # the chart's buttons too
    [east, _] = chart.spec["data"]
    assert east["customdata"][0][3] == "\u200f31 كانون الثاني 2019"  # the hover's day
    assert "%{customdata[3]}" in east["hovertemplate"] and "%{x" not in east["hovertemplate"]
    assert chart.table[0]["التاريخ"] == "31 كانون الثاني 2019"


def test_months_without_a_figure_are_a_marked_break_not_a_flat_line() -> None:
    frame = series_timeline().series.territory
    early = frame.iloc[:1].assign(date=pd.Timestamp("2017-11-26"))
    chart = build_chart("territory", pd.concat([early, frame]), ["pocket"], NAMES, link)
    axis = chart.spec["layout"]["xaxis"]
    [(start, end)] = [tuple(b["bounds"]) for b in axis["rangebreaks"]]
    assert "2017-11-26" < start < end < "2019-01-31"  # the empty months are left out of the axis
    east = chart.spec["data"][0]
    cut = east["x"].index(start)
    assert east["y"][cut] is None and east["x"][cut - 1] == "2017-11-26"  # the line stops at the break
    assert axis["ticktext"][:2] == ["\u200f26 تشرين الثاني 2017", "\u200f31 كانون الثاني 2019"]  # each side is dated
    assert chart.spec["layout"]["annotations"][0]["text"] == "فترة بلا أرقام"


def test_html_block_holds_a_left_to_right_container_its_spec_and_a_table() -> None:
    block = chart_html(territory())
    assert "\n\n" not in block  # one HTML block for Markdown
    spec = re.search(r'<div class="waqai-chart" id="chart-territory" dir="ltr"[^>]*data-spec="([^"]*)"', block).group(1)
    assert json.loads(html.unescape(spec))["data"][0]["name"] == "شرق الفرات"
    assert "<script" not in block  # Material's instant navigation would run an inline script as JavaScript
    assert '<details class="waqai-chart-fallback">' in block
    assert block.count("<tr>") == 1 + 5  # header and one row per point
    assert '<a href="reports/c/#s0">المرصد، 2019-02-10</a>' in block


def test_an_empty_series_gives_an_empty_chart_not_an_error() -> None:
    frame = series_timeline().series.exits
    chart = build_chart("exits", frame, ["party"], NAMES, link)
    assert chart.spec["data"] == [] and chart.table == []
    assert "<tbody></tbody>" in chart_html(chart)


def test_the_home_and_print_pages_get_the_same_charts_linked_from_their_own_folder() -> None:
    timeline = series_timeline()
    pages = home_charts(timeline, ["index.md", "print.md"])
    assert '<a href="reports/c/#s0">' in pages["index.md"][0]
    assert '<a href="../reports/c/#s0">' in pages["print.md"][0]
    assert [c.replace("../reports/", "reports/") for c in pages["print.md"]] == pages["index.md"]


_PART = st.sampled_from(["reports", "months", "2019-02", "1", "x", "index", "a-b", "", "."])


@given(st.lists(_PART, min_size=1, max_size=4).map("/".join), st.lists(_PART, min_size=1, max_size=4).map("/".join))
def test_relative_paths_are_those_posixpath_gives(target, start):
    """The fast path covers the site's own paths; anything odd ('', '.', '..') falls back."""
    assert relative_path(target or ".", start or ".") == posixpath.relpath(target or ".", start or ".")


def revised_toll(days: int, per_day: int) -> pd.DataFrame:
    """One running toll revised `per_day` times a day for `days` days, each reading by its own report."""
    first = series_timeline().series.toll_lines.iloc[:1]
    start = pd.Timestamp("2019-01-01")
    readings = [
        first.assign(date=start + pd.Timedelta(days=n // per_day), value=1000 + n, plotted=1000 + n, article_id=f"r{n:04d}")
        for n in range(days * per_day)
    ]
    return pd.concat(readings, ignore_index=True)


def test_a_toll_revised_three_times_a_day_draws_one_point_a_day_the_days_last() -> None:
    """300 readings over 100 days: past CHART_POINTS a line, each day's last report is drawn,
    the caption says so, and the table lists the latest points, linking every reading."""
    chart = build_chart("tolls", revised_toll(100, 3), ["party", "since"], NAMES, link)
    [line] = chart.spec["data"]
    assert len(line["x"]) == 100 and len(set(line["x"])) == 100
    assert line["y"][:2] == [1002, 1005]  # the third reading of each day
    assert "آخر رقم نُشر في كل يوم: 100 نقطة من 300 رقماً" in chart.note
    assert len(chart.table) == TABLE_ROWS
    assert chart.table[0]["التاريخ"] == "10 نيسان 2019"  # the latest first
    block = chart_html(chart)
    assert chart.note in block
    assert 'أحدث 30 نقطة من 100، الأحدث أولاً؛ الأرقام كلها في الملف <a href="data/figures.csv" download>figures.csv</a>' in block


def test_a_toll_reported_every_day_for_months_draws_a_point_a_week() -> None:
    chart = build_chart("tolls", revised_toll(200, 1), ["party", "since"], NAMES, link)
    [line] = chart.spec["data"]
    assert 28 <= len(line["x"]) <= 30 <= CHART_POINTS  # 200 days, about 29 weeks
    assert line["y"][-1] == 1199  # the last reading is drawn
    assert "في كل أسبوع" in chart.note


def test_a_chart_of_few_readings_draws_them_all_and_says_nothing_of_thinning() -> None:
    chart = build_chart("tolls", revised_toll(40, 3), ["party", "since"], NAMES, link)
    assert len(chart.spec["data"][0]["x"]) == 120 and not chart.note


def test_a_chart_of_many_lines_is_thinned_to_its_total_bound() -> None:
    """Eight tolls of 80 readings each: no line passes CHART_POINTS, but the chart would pass
    CHART_TOTAL, so each line draws a point a day (two readings a day)."""
    lines = [revised_toll(40, 2).assign(since=f"2018-09-{day:02d}") for day in range(1, 9)]
    chart = build_chart("tolls", pd.concat(lines, ignore_index=True), ["party", "since"], NAMES, link)
    assert [len(line["x"]) for line in chart.spec["data"]] == [40] * 8
    assert sum(len(line["x"]) for line in chart.spec["data"]) <= CHART_TOTAL
    assert "في كل يوم: 320 نقطة من 640 رقماً" in chart.note
