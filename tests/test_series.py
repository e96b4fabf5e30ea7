"""Chart series from a small fixture: qualifiers kept as bounds, pockets, toll chains, flags."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
from event_fixture import series_timeline as timeline

from waqai.records import Figure
from waqai.timeline.series import bounds


def rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in row) for row in frame[columns].itertuples(index=False)]


def test_territory_by_pocket_with_bounds() -> None:
    territory = timeline().series.territory
    assert rows(territory, ["date", "pocket", "low", "best", "high", "plotted", "qualifier", "article_id"]) == [
        (pd.Timestamp("2019-01-31"), "east_euphrates", None, None, 4, 4, "less_than", "a"),
        (pd.Timestamp("2019-02-04"), "east_euphrates", None, 4, None, 4, "approx", "b"),
        (pd.Timestamp("2019-02-04"), "badia", None, 4000, None, 4000, "approx", "b"),
        (pd.Timestamp("2019-02-10"), "east_euphrates", None, None, 3, 3, "less_than", "c"),
        (pd.Timestamp("2019-02-12"), "east_euphrates", None, 5, None, 5, "approx", "d"),
    ]


def test_cumulative_tolls_keep_their_period_and_leave_out_breakdowns() -> None:
    tolls = timeline().series.tolls
    assert rows(tolls, ["date", "party", "since", "plotted", "article_id"]) == [
        (pd.Timestamp("2019-02-09"), "isis", "2018-09-10", 1279, "c"),  # as_of, not the publication date
        (pd.Timestamp("2019-02-09"), "civilians", "2018-09-10", 401, "c"),
        (pd.Timestamp("2019-02-12"), "isis", "2018-09-10", 1200, "d"),
    ]


def test_a_toll_going_down_and_an_area_growing_are_flagged() -> None:
    flags = timeline().flags
    assert sorted((f.code, f.key) for f in flags) == [
        ("area-up", "territory:east_euphrates"),  # 3 -> 5 km2 with no advance of the IS reported
        ("toll-down", "killed:isis:2018-09-10"),  # 1279 -> 1200
    ]


def test_a_toll_below_an_earlier_total_stays_out_of_the_line_but_before_the_editor() -> None:
    series = timeline().series
    assert rows(series.toll_lines, ["party", "plotted", "article_id"]) == [("isis", 1279, "c"), ("civilians", 401, "c")]
    assert 1200 in series.tolls["plotted"].tolist()  # the editors' page still lists it, flagged above


def test_a_cumulative_line_is_one_party_s_count() -> None:
    from waqai.timeline.series import line_tolls

    tolls = timeline().series.tolls.assign(party=lambda f: f["party"].where(f["party"] != "civilians"))
    assert "civilians" not in line_tolls(tolls)["party"].tolist()
    assert line_tolls(tolls)["party"].notna().all()  # a count of no known party joins no line


def test_bounds_follow_the_qualifier_unless_the_extractor_gave_them() -> None:
    f = Figure(0, 1, "x", 713, "executed", "more_than")
    assert bounds(f) == (713, None, None)
    assert bounds(replace(f, qualifier="less_than")) == (None, None, 713)
    assert bounds(replace(f, qualifier="at_least")) == (713, 713, None)
    assert bounds(replace(f, qualifier="exact")) == (713, 713, 713)
    assert bounds(replace(f, qualifier="approx", low=650, high=750)) == (650, 713, 750)


def test_a_short_since_is_one_clash_not_a_cumulative_toll() -> None:
    from event_fixture import GAZETTEER, article, extraction, figure

    from waqai.timeline.assemble import build_timeline

    body = "قتل 11 عنصراً في الهجوم منذ ليل السبت. وثق المرصد مقتل 500 عنصر منذ أيلول."
    art = article("e", body, date(2019, 2, 4))
    figures = [
        figure(body, "11 عنصراً", 11, "killed", party="isis", since="2019-02-02"),
        figure(body, "500 عنصر", 500, "killed", party="isis", since="2018-09-10"),
    ]
    tolls = build_timeline([art], [extraction(art, figures=figures)], GAZETTEER).series.tolls
    assert list(tolls["value"]) == [500]



def test_a_territory_figure_takes_the_pocket_of_its_own_sentence_not_its_happening_s_first() -> None:
    """A happening gathers several sentences of a report: the figure's pocket is read in the
    sentence that holds the figure, not in the one that opens the happening."""
    from event_fixture import GAZETTEER

    from waqai.extract.sentences import split_sentences
    from waqai.timeline.series import pocket_of, region_matches, sentence_around

    body = (
        "تقدمت قسد في محيط الباغوز شرق الفرات، وسط قصف مكثف.\n"
        "ولم يبق للتنظيم سوى جيب بمساحة نحو 4000 كلم مربع في البادية السورية، بعد خسارته الجيب الأخير."
    )
    sentences = [(s.start, s.end) for s in split_sentences(body)]
    at = body.index("نحو 4000")
    assert pocket_of(region_matches(GAZETTEER, body), sentence_around(sentences, at), at) == "badia"
    assert pocket_of(region_matches(GAZETTEER, body), sentences[0], at) == "east_euphrates"  # the first sentence's


def test_people_leaving_over_a_year_are_no_point_of_the_chart_but_stay_in_the_figures() -> None:
    """`خلال العام 2018` names no day: the exits are not drawn on 1 January 2018, and the
    figures file keeps them; a count of a day of the same report is drawn."""
    from event_fixture import GAZETTEER, article, extraction, figure, mention

    from waqai.timeline.assemble import build_timeline

    body = "خرج نحو 9000 مدني من بلدة هجين خلال العام 2018.\n\nوخرج أمس 300 مدني من الباغوز عبر الممر."
    art = article("y", body, date(2019, 2, 4))
    dates = [mention(body, "خلال العام 2018", "2018", "year"), mention(body, "أمس", "2019-02-03")]
    figures = [figure(body, "نحو 9000 مدني", 9000, "exits", "approx"), figure(body, "300 مدني", 300, "exits")]
    series = build_timeline([art], [extraction(art, dates, figures)], GAZETTEER).series
    assert rows(series.exits, ["date", "value"]) == [(pd.Timestamp("2019-02-03"), 300)]
    assert sorted(series.figures["value"]) == [300, 9000]
