"""The same happening from two reports becomes one entry with both sources."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from event_fixture import GAZETTEER, article, extraction, figure, mention

from waqai.timeline.assemble import build_timeline
from waqai.timeline.happenings import article_events
from waqai.timeline.merge import merge_events

SOHR = "وصل نحو 700 جندي من القوات الخاصة الأمريكية إلى شرق الفرات في الـ 23 والـ 24 من كانون الثاني."
WATAN = "كما أن الرفض يأتي بعد وصول 650 جندياً أمريكياً إلى شرق الفرات في الـ23 والـ 24 من كانون الثاني الماضي، للقبض على قادة التنظيم."
OTHER = "قصفت طائرات التحالف الباغوز في الـ 23 والـ 24 من كانون الثاني."


def reports():
    a = article("a_sohr", SOHR, date(2019, 1, 31))
    b = article("b_watan", WATAN, date(2019, 2, 4), outlet="الوطن")
    c = article("c_sohr", OTHER, date(2019, 1, 25))
    ex_a = extraction(a, [mention(SOHR, "الـ 23 والـ 24 من كانون الثاني", "2019-01-23/2019-01-24", "range")],
                      [figure(SOHR, "نحو 700 جندي", 700, "troops", "approx", party="us_forces")])  # fmt: skip
    ex_b = extraction(b, [mention(WATAN, "الـ23 والـ 24 من كانون الثاني الماضي", "2019-01-23/2019-01-24", "range")],
                      [figure(WATAN, "650 جندياً", 650, "troops", party="us_forces")])  # fmt: skip
    ex_c = extraction(c, [mention(OTHER, "الـ 23 والـ 24 من كانون الثاني", "2019-01-23/2019-01-24", "range")])
    return [a, b, c], [ex_a, ex_b, ex_c]


def test_two_reports_of_one_arrival_make_one_entry_with_both_sources_and_both_figures() -> None:
    articles, extractions = reports()
    timeline = build_timeline(articles, extractions, GAZETTEER)
    reinforcements = [e for e in timeline.events if e.type == "reinforcement"]
    assert len(reinforcements) == 1
    [event] = reinforcements
    assert [s.article_id for s in event.sources] == ["a_sohr", "b_watan"]  # oldest report first
    assert [(a, f.value) for a, f in event.figures] == [("a_sohr", 700), ("b_watan", 650)]  # side by side, not picked
    assert event.date == "2019-01-23/2019-01-24" and event.precision == "range"
    assert [e.type for e in timeline.events] == ["airstrike", "reinforcement"]  # same day: earliest report first


def test_events_of_one_report_or_of_different_kinds_stay_apart() -> None:
    articles, extractions = reports()
    [a] = article_events(articles[0], extractions[0], GAZETTEER)
    assert merge_events([a, replace(a, id="x", summary="again")]) != [a]  # same report: two entries
    assert len(merge_events([a, replace(a, id="x", sources=(replace(a.sources[0], article_id="z"),), type="clash")])) == 2
    far = replace(a, id="y", sources=(replace(a.sources[0], article_id="z"),), figures=(("z", replace(a.figures[0][1], value=2000)),))
    assert len(merge_events([a, far])) == 2  # 700 and 2000 troops are not one arrival


def test_a_day_s_merge_is_replayed_from_the_cache_until_that_day_s_events_change(tmp_path, monkeypatch) -> None:
    from waqai.incremental.cache import timeline_caches
    from waqai.timeline import assemble as stage

    articles, extractions = reports()
    merged_days: list[int] = []  # how many events each day merged anew had
    merge_with_plan = stage.merge_with_plan
    monkeypatch.setattr(stage, "merge_with_plan", lambda events: merged_days.append(len(events)) or merge_with_plan(events))

    def cached(count: int):
        return build_timeline(articles[:count], extractions[:count], GAZETTEER, timeline_caches(tmp_path / "cache", []))

    first = cached(2)
    assert merged_days and first.events == build_timeline(articles[:2], extractions[:2], GAZETTEER).events
    merged_days.clear()
    assert cached(2).events == first.events and merged_days == []  # every day replayed from its plan
    everything = cached(3)  # c_sohr tells of the same days: those are merged again
    assert merged_days and everything.events == build_timeline(articles, extractions, GAZETTEER).events
    assert len(everything.events) == len(first.events) + 1


def test_an_entry_s_origin_changes_with_the_events_it_combines_and_with_nothing_else(tmp_path) -> None:
    """Pages and data files keep what they made of an entry by its origin (Timeline.origins)."""
    from waqai.incremental.cache import timeline_caches

    (a, b, c), (ex_a, ex_b, ex_c) = reports()

    def origins(*pairs) -> dict[tuple[str, ...], str]:
        """Each entry's origin, by the reports it was told by."""
        timeline = build_timeline([p[0] for p in pairs], [p[1] for p in pairs], GAZETTEER, timeline_caches(tmp_path / "cache", []))
        assert len(timeline.origins) == len(timeline.events)
        return {tuple(s.article_id for s in e.sources): o for e, o in zip(timeline.events, timeline.origins, strict=True)}

    alone = origins((a, ex_a))
    assert origins((a, ex_a)) == alone  # the same again
    with_c = origins((a, ex_a), (c, ex_c))  # a bombing the same day: another entry, the arrival's own
    assert with_c[("a_sohr",)] == alone[("a_sohr",)] and len(set(with_c.values())) == 2
    everything = origins((a, ex_a), (b, ex_b), (c, ex_c))  # Al-Watan tells the arrival too: that entry changes
    assert ("a_sohr",) not in everything and everything[("c_sohr",)] == with_c[("c_sohr",)]
    edited = replace(c, outlet="منفذ آخر")  # what a report's events show changed: its entries' origins too
    assert origins((a, ex_a), (edited, ex_c))[("c_sohr",)] != with_c[("c_sohr",)]


def _told(article_id: str, body: str, day: str, published: date):
    art = article(article_id, body, published)
    return article_events(art, extraction(art, [mention(body, "أمس", day)]), GAZETTEER)


def test_clashes_and_an_assault_told_by_two_reports_on_one_day_in_one_town_are_one_entry() -> None:
    [a] = _told("a", "اندلعت أمس اشتباكات عنيفة بين قسد والتنظيم في بلدة هجين.", "2019-02-09", date(2019, 2, 10))
    [b] = _told("b", "هاجم مقاتلو قسد أمس مواقع التنظيم في بلدة هجين.", "2019-02-09", date(2019, 2, 10))
    [entry] = merge_events([a, b])
    assert (entry.type, [s.article_id for s in entry.sources]) == ("clash", ["a", "b"])


def test_two_happenings_of_one_day_in_different_places_stay_two() -> None:
    [a] = _told("a", "اندلعت أمس اشتباكات عنيفة بين قسد والتنظيم في بلدة هجين.", "2019-02-09", date(2019, 2, 10))
    [b] = _told("b", "اندلعت أمس اشتباكات عنيفة بين قسد والتنظيم في بلدة الباغوز.", "2019-02-09", date(2019, 2, 10))
    assert [e.places for e in merge_events([a, b])] == [("hajin",), ("baghuz",)]


def _dated(article_id: str, body: str, when: str, value: str, precision: str, published: date):
    art = article(article_id, body, published)
    return article_events(art, extraction(art, [mention(body, when, value, precision)]), GAZETTEER)


def test_a_happening_dated_only_by_its_month_or_year_is_not_one_of_the_first_day_of_it() -> None:
    [day] = _dated("a", "اندلعت اشتباكات عنيفة بين قسد والتنظيم في بلدة هجين يوم 1 شباط.", "يوم 1 شباط", "2019-02-01", "day", date(2019, 2, 2))
    [month] = _dated("b", "اندلعت اشتباكات عنيفة بين قسد والتنظيم في بلدة هجين في شباط.", "في شباط", "2019-02", "month", date(2019, 3, 5))
    [again] = _dated("c", "دارت اشتباكات عنيفة بين قسد والتنظيم في بلدة هجين خلال شباط.", "خلال شباط", "2019-02", "month", date(2019, 3, 6))
    [year] = _dated("d", "اندلعت اشتباكات عنيفة بين قسد والتنظيم في بلدة هجين عام 2019.", "عام 2019", "2019", "year", date(2020, 1, 5))
    assert len(merge_events([day, month])) == 2
    assert len(merge_events([year, day])) == 2
    assert len(merge_events([month, again])) == 1  # one month's fighting told by two reports


def test_clashes_of_one_town_on_different_days_stay_two() -> None:
    [a] = _told("a", "اندلعت أمس اشتباكات عنيفة بين قسد والتنظيم في بلدة هجين.", "2019-02-09", date(2019, 2, 10))
    [b] = _told("b", "اندلعت أمس اشتباكات عنيفة بين قسد والتنظيم في بلدة هجين.", "2019-02-12", date(2019, 2, 13))
    assert len(merge_events([a, b])) == 2


def _capture(article_id: str, body: str, published: date, day: str | None):
    """A report of Hajin's capture; `day` the date its text gives, None when it gives none."""
    art = article(article_id, body, published)
    dates = [mention(body, "أمس", day)] if day else []
    return art, extraction(art, dates)


def test_a_report_that_gives_no_date_joins_the_telling_of_a_day_or_two_before() -> None:
    dated = _capture("a", "سيطرت قسد أمس على بلدة هجين بعد معارك عنيفة.", date(2019, 2, 11), "2019-02-10")
    undated = _capture("b", "قسد تسيطر على بلدة هجين بعد معارك عنيفة.", date(2019, 2, 12), None)
    timeline = build_timeline([dated[0], undated[0]], [dated[1], undated[1]], GAZETTEER)
    [event] = timeline.events
    assert event.date == "2019-02-10" and [s.article_id for s in event.sources] == ["a", "b"]


def test_two_captures_each_dated_by_its_text_a_day_apart_stay_two() -> None:
    first = _capture("a", "سيطرت قسد أمس على بلدة هجين بعد معارك عنيفة.", date(2019, 2, 11), "2019-02-10")
    second = _capture("b", "سيطرت قسد أمس على بلدة هجين بعد معارك عنيفة.", date(2019, 2, 12), "2019-02-11")
    assert len(build_timeline([first[0], second[0]], [first[1], second[1]], GAZETTEER).events) == 2


def test_a_report_without_a_date_of_its_own_a_week_later_is_another_happening() -> None:
    dated = _capture("a", "سيطرت قسد أمس على بلدة هجين بعد معارك عنيفة.", date(2019, 2, 11), "2019-02-10")
    later = _capture("b", "قسد تسيطر على بلدة هجين بعد معارك عنيفة.", date(2019, 2, 17), None)
    assert len(build_timeline([dated[0], later[0]], [dated[1], later[1]], GAZETTEER).events) == 2


def test_a_report_without_a_date_of_its_own_is_not_the_happening_of_a_year_or_month_it_began_near() -> None:
    """A capture the text dates only to the end of a year (or to a month) is filed under that
    period's first day; a report of 2 January that gives no date of its own is no telling of it."""
    for said, value, precision in (("في نهاية العام 2019", "2019", "year"), ("في كانون الثاني", "2019-01", "month")):
        body = f"سيطرت قسد على بلدة هجين {said} بعد معارك عنيفة."
        coarse = article("a", body, date(2020, 3, 5))
        undated = _capture("b", "قسد تسيطر على بلدة هجين بعد معارك عنيفة.", date(2019, 1, 2), None)
        timeline = build_timeline([coarse, undated[0]], [extraction(coarse, [mention(body, said, value, precision)]), undated[1]], GAZETTEER)
        assert sorted(e.precision for e in timeline.events) == sorted(["day", precision]), said


def test_a_running_toll_given_without_a_date_is_its_reports_and_not_merged_with_an_earlier_one() -> None:
    body = "ليرتفع إلى {} عدد قتلى التنظيم في شرق الفرات منذ الـ 10 من أيلول بحسب مصادر المرصد."
    articles, extractions = [], []
    for article_id, day, count in (("a", date(2019, 2, 10), 1279), ("b", date(2019, 2, 11), 1290)):
        text = body.format(count)
        art = article(article_id, text, day)
        since = figure(text, str(count), count, "killed", party="isis", since="2018-09-10")
        articles.append(art)
        extractions.append(extraction(art, [mention(text, "منذ الـ 10 من أيلول", "2018-09-10", since=True)], [since]))
    tolls = [e for e in build_timeline(articles, extractions, GAZETTEER).events if e.type == "toll_report"]
    assert [e.date for e in tolls] == ["2019-02-10", "2019-02-11"]
