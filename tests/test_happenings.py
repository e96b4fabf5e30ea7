"""One event per happening within a report: headline, lede and details gathered; what
the text sets apart (places, own dates, an earlier step, another matter) kept apart."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from event_fixture import GAZETTEER, article, at, extraction, figure, mention
from waqai.errors import ContentError
from waqai.extract.gazetteer import Gazetteer, load_gazetteer
from waqai.records import Actor, DateMention, Figure
from waqai.timeline.happenings import DEFAULT_PATH, article_events, load_happening_rules

PUBLISHED = date(2019, 2, 10)


def events_of(body: str, dates=(), figures=(), published: date | None = PUBLISHED):
    art = article("r", body, published)
    return article_events(art, extraction(art, dates, figures), GAZETTEER)


def test_headline_lede_and_details_are_one_event_with_the_ledes_date() -> None:
    body = (
        "قسد تسيطر على بلدة هجين بعد أسابيع من المعارك\n\n"
        "أعلنت قوات سوريا الديمقراطية أمس السبت أنها سيطرت بالكامل على بلدة هجين في ريف دير الزور.\n\n"
        "وأضافت القوات أنها تمكنت من السيطرة على آخر أحياء البلدة بعد طرد عناصر التنظيم منها."
    )
    [event] = events_of(body, [mention(body, "أمس السبت", "2019-02-09")])
    assert (event.type, event.date, event.date_basis) == ("advance", "2019-02-09", "mention")
    assert len(event.sources) == 3 and event.sources[0].text.startswith("قسد تسيطر")
    assert event.places == ("hajin",)


def test_two_clashes_in_different_places_stay_two() -> None:
    body = "اندلعت اشتباكات عنيفة بين قسد والتنظيم في محيط هجين.\n\nكما دارت اشتباكات أخرى بين الطرفين في أطراف الباغوز."
    assert [e.places for e in events_of(body)] == [("hajin",), ("baghuz",)]


def test_a_village_the_gazetteer_does_not_know_still_sets_a_happening_apart() -> None:
    body = "سيطرت قوات النظام على قرية الحسرات.\n\nوسيطرت القوات كذلك على بلدة الطيبة بعد انسحاب التنظيم منها."
    assert len(events_of(body)) == 2


def test_an_earlier_step_told_as_background_is_its_own_event() -> None:
    body = (
        "سيطرت قسد اليوم على مشفى هجين.\n\n"
        "وكانت القوات قد سيطرت الأسبوع الماضي على أجزاء من هجين بعد معارك عنيفة."
    )
    assert len(events_of(body)) == 2


def test_a_question_tells_nothing() -> None:
    body = "أين اختفى قادة التنظيم بعد معركة الباغوز؟\n\nقصفت طائرات التحالف أطراف هجين."
    [event] = events_of(body)
    assert (event.type, event.places) == ("airstrike", ("hajin",))
    assert events_of("هل تنجح قسد في السيطرة على هجين قبل نهاية الشهر?") == []


def test_another_matter_opens_its_own_event() -> None:
    body = "اعتقل التنظيم ثلاثة شبان في هجين.\n\nمن جهة أخرى، اعتقلت دورية لقسد مطلوبين في هجين."
    assert len(events_of(body)) == 2


def test_weekdays_the_text_cannot_resolve_still_tell_two_days_apart() -> None:
    body = "قصفت طائرات التحالف الخميس أطراف الباغوز.\n\nوكانت الطائرات الحربية قصفت يوم الثلاثاء المنطقة نفسها."
    dates = [DateMention(body.index("الخميس"), body.index("الخميس") + 6, "الخميس", None, "none", "relative"),
             DateMention(body.index("يوم الثلاثاء"), body.index("يوم الثلاثاء") + 12, "يوم الثلاثاء", None, "none", "relative")]  # fmt: skip
    events = events_of(body, dates, published=None)
    assert len(events) == 2 and all(e.date is None for e in events)


def test_a_casualty_count_after_a_strike_is_the_strikes_toll() -> None:
    body = "شنت طائرات التحالف غارات على أطراف الباغوز، ما أدى لمقتل 12 عنصراً من التنظيم."
    [event] = events_of(body, figures=[figure(body, "12 عنصراً", 12, "killed", party="isis")])
    assert event.type == "airstrike" and [f.value for _, f in event.figures] == [12]


def test_a_running_total_is_not_the_toll_of_the_days_fighting() -> None:
    body = (
        "قتل 9 عناصر من التنظيم في اشتباكات مع قسد قرب هجين، ليرتفع إلى 400 عدد قتلى التنظيم منذ الـ 10 من أيلول."
    )
    figures = [figure(body, "9 عناصر", 9, "killed", party="isis"), figure(body, "400", 400, "killed", party="isis", since="2018-09-10")]
    events = events_of(body, [mention(body, "منذ الـ 10 من أيلول", "2018-09-10", since=True)], figures)
    assert [(e.type, [f.value for _, f in e.figures]) for e in events] == [("clash", [9]), ("toll_report", [400])]


def test_ids_survive_a_sentence_added_at_the_start() -> None:
    body = "هاجم عناصر التنظيم نقطة لقسد قرب هجين.\n\nواعتقلت قسد خمسة مطلوبين في الباغوز."
    before = {e.id for e in events_of(body)}
    after = {e.id for e in events_of("هذا نص تمهيدي عن الوضع العام في المنطقة.\n\n" + body)}
    assert before and before <= after


def test_a_heading_that_names_the_happening_loosely_joins_its_lede() -> None:
    body = (
        "دير الزور.. قتلى للتنظيم بقصف للتحالف\n\n"
        "قتل خمسة عناصر من التنظيم، أمس السبت، بغارات شنتها طائرات التحالف الدولي على أطراف بلدة هجين شرق دير الزور."
    )
    [event] = events_of(body, [mention(body, "أمس السبت", "2019-02-09")])
    assert (event.type, event.date, len(event.sources)) == ("airstrike", "2019-02-09", 2)


def test_a_day_within_a_month_told_of_is_the_same_time() -> None:
    body = "قتل أكثر من 3000 شخص في سوريا خلال أيلول.\n\nوأفاد المرصد بمقتل أكثر من 3000 شخص في سوريا يوم 30 أيلول حتى نهاية الشهر."
    second = at(body, "أكثر من 3000 شخص", 1)
    figures = [figure(body, "أكثر من 3000 شخص", 3000, "killed", "more_than"), Figure(*second, "أكثر من 3000 شخص", 3000, "killed", "more_than")]
    dates = [mention(body, "خلال أيلول", "2017-09", "month"), mention(body, "يوم 30 أيلول", "2017-09-30")]
    [event] = events_of(body, dates, figures)
    assert len(event.sources) == 2 and event.date == "2017-09"


def test_clashes_told_as_the_circumstances_of_a_capture_are_part_of_it() -> None:
    body = "دخلت قوات النظام أمس بلدة الطيبة، وسط اشتباكات عنيفة مع عناصر التنظيم وقصف مدفعي مكثف."
    [event] = events_of(body, [mention(body, "أمس", "2019-02-09")])
    assert event.type == "advance" and len(event.sources) == 2


def test_a_statement_told_in_the_pluperfect_is_not_an_earlier_step() -> None:
    body = (
        "سيطرت قسد أمس على بلدة هجين بعد معارك عنيفة.\n\n"
        "وكان المتحدث باسم القوات قال إن مقاتليه سيطروا على البلدة بالكامل."
    )
    [event] = events_of(body, [mention(body, "أمس", "2019-02-09")])
    assert len(event.sources) == 2


def test_a_clause_goes_on_with_the_happening_it_shares_a_count_with() -> None:
    body = (
        "سيطرت قوات الجيش على 1200 كم مربع في البادية السورية.\n\n"
        "من جهة ثانية سيطرت وحدات أخرى على تلال في ريف الرقة.\n\n"
        "وكان قائد عسكري قال إن قوات الجيش سيطرت على 1200 كم مربع من البادية."
    )
    figures = [figure(body, "1200 كم مربع", 1200, "territory", unit="km2"),
               Figure(*at(body, "1200 كم مربع", 1), "1200 كم مربع", 1200, "territory", "exact", unit="km2")]  # fmt: skip
    events = events_of(body, (), figures)
    assert [len(e.sources) for e in events] == [2, 1]


def test_a_later_count_of_the_dead_is_the_toll_of_the_strike_told_before() -> None:
    body = (
        "شنت طائرات حربية غارات على أطراف الباغوز.\n\n"
        "ووثق المرصد مقتل 6 مدنيين بينهم طفلان."
    )
    [event] = events_of(body, (), [figure(body, "6 مدنيين", 6, "killed", party="civilians")])
    assert event.type == "airstrike" and [f.value for _, f in event.figures] == [6]


def test_fighting_told_beside_people_leaving_is_a_happening_of_its_own() -> None:
    body = "وصل مئات النازحين أمس إلى مناطق سيطرة قسد تزامناً مع اشتباكات عنيفة بين الطرفين في محيط الباغوز."
    events = events_of(body, [mention(body, "أمس", "2019-02-09")])
    assert [e.type for e in events] == ["exit", "clash"]


def test_fighting_that_goes_on_while_fighters_surrender_is_set_apart() -> None:
    body = "سلم نحو مئتي مسلح أنفسهم أمس إلى القوات في هجين، في وقت تواصلت المعارك بين الطرفين في أطرافها."
    events = events_of(body, [mention(body, "أمس", "2019-02-09")])
    assert [e.type for e in events] == ["exit", "clash"]


def test_a_battle_named_by_its_clashes_and_then_by_its_assault_is_one_event() -> None:
    body = (
        "تتواصل المعارك العنيفة بين قسد والتنظيم في بلدة هجين لليوم الثالث على التوالي بحسب مصادر محلية متطابقة.\n\n"
        "وقالت مصادر ميدانية إن مقاتلي قسد هاجموا مواقع التنظيم في البلدة من ثلاثة محاور بعد منتصف الليل."
    )
    [event] = events_of(body)
    assert event.type == "clash" and len(event.sources) == 2


def test_an_attack_and_an_execution_joined_by_and_are_two_events() -> None:
    body = "التنظيم يهاجم حاجزاً لقسد بمفخخة ويعدم ثلاثة أسرى شرق دير الزور"
    assert [e.type for e in events_of(body)] == ["attack", "execution"]


def test_attacks_and_the_toll_they_raise_joined_by_and_are_two_events() -> None:
    body = "هجمات متلاحقة للتنظيم على مواقع قسد في هجين وترفع لـ 40 تعداد القتلى خلال يومين"
    assert [e.type for e in events_of(body, figures=[figure(body, "40", 40, "killed")])] == ["attack", "toll_report"]


def test_clashes_and_shelling_named_together_are_one_fighting() -> None:
    body = "اندلعت اشتباكات وقصف متبادل بين الطرفين في محيط بلدة هجين."
    [event] = events_of(body)
    assert event.type == "clash" and len(event.sources) == 1


def test_air_strikes_and_rocket_fire_on_one_area_are_two_events() -> None:
    body = (
        "التحالف يقصف بـ 20 صاروخاً من قاعدته مواقع التنظيم والطائرات الحربية تستهدف القرى ذاتها\n\n"
        "ورصد المرصد غارات متقطعة نفذتها طائرات التحالف منذ الفجر وحتى الظهر على أطراف بلدة هجين، "
        "فيما رصد عند العصر قصفاً بـ 20 صاروخاً أطلقت من القاعدة على مواقع التنظيم في البلدة."
    )
    rockets, planes = events_of(body)
    assert (rockets.type, planes.type) == ("shelling", "airstrike")
    assert [s.text.split()[0] for s in rockets.sources] == ["التحالف", "فيما"]
    assert [s.text.split()[0] for s in planes.sources] == ["والطائرات", "ورصد"]


@pytest.mark.parametrize(
    "body, kind",
    [
        ("قصفت طائرات التحالف مواقع التنظيم في هجين صباح اليوم.\n\nواستمر القصف على البلدة حتى المساء.", "airstrike"),
        ("قصفت قوات النظام بالمدفعية الثقيلة أطراف بلدة هجين.\n\nواستهدفت القوات البلدة مجدداً بعد الظهر.", "shelling"),
    ],
)
def test_a_strike_that_names_no_means_goes_on_with_one_that_does(body: str, kind: str) -> None:
    [event] = events_of(body)
    assert event.type == kind and len(event.sources) == 2


def test_strikes_by_two_parties_told_without_a_place_are_two_events() -> None:
    body = (
        "خرق تنظيم داعش الهدنة مجدداً في الشمال.\n\n"
        "وتسبب قصف التحالف الدولي على الأحياء السكنية بدمار واسع."
    )
    assert [(e.type, e.actors) for e in strikes_of(body)] == [("shelling", ("isis",)), ("shelling", ("coalition",))]


def test_a_strike_told_as_one_allys_and_then_as_anothers_stays_one_event() -> None:
    allies = Gazetteer.of([], [Actor("coalition", "التحالف الدولي", "Coalition", aliases=("التحالف",), side="coalition"),
                               Actor("us_forces", "القوات الأمريكية", "US forces", side="coalition")])  # fmt: skip
    body = "قصف التحالف الدولي أطراف البلدة صباح اليوم.\n\nوقالت مصادر إن القوات الأمريكية قصفت البلدة بالمدفعية."
    art = article("r", body, PUBLISHED)
    [event] = article_events(art, extraction(art), allies)
    assert event.actors == ("coalition", "us_forces") and len(event.sources) == 2


def test_a_strike_told_again_with_its_target_named_stays_one_event() -> None:
    body = "قصف التحالف أطراف البلدة صباح اليوم.\n\nوطال قصف التحالف مواقع التنظيم قرب الجسر."
    [event] = events_of(body)
    assert event.type == "shelling" and len(event.sources) == 2


def test_a_heading_that_names_both_means_is_told_by_the_first_and_the_other_is_a_strike_apart() -> None:
    body = (
        "غارات جوية وقصف صاروخي على بلدة هجين\n\n"
        "وشنت الطائرات الحربية عشر غارات على البلدة صباحاً.\n\n"
        "وقصفت قوات النظام أطرافها بعشرين صاروخاً عصراً."
    )
    planes, rockets = events_of(body)
    assert [(planes.type, len(planes.sources)), (rockets.type, len(rockets.sources))] == [("airstrike", 2), ("shelling", 1)]


CONTENT = Path(__file__).resolve().parents[1] / "content"


def strikes_of(body: str, dates=(), figures=(), published: date | None = PUBLISHED):
    """The events of a report read with the project's own parties (content/actors.yaml and
    their aliases): who struck, and on which side."""
    art = article("r", body, published)
    return article_events(art, extraction(art, dates, figures), load_gazetteer(CONTENT))


def test_air_strikes_by_two_sides_in_one_digest_are_two_events_each_with_its_striker() -> None:
    body = (
        "حصاد الشهر: طائرات إسرائيلية تستهدف مستودعات للحرس الثوري الإيراني قرب العاصمة\n\n"
        "وكثفت الطائرات الحربية الروسية خلال الشهر غاراتها على مناطق سيطرة الفصائل في الشمال السوري، "
        "بعد أسابيع من الهدوء النسبي."
    )
    israeli, russian = strikes_of(body)
    assert (israeli.type, israeli.actors[0], len(israeli.sources)) == ("airstrike", "israel", 1)
    assert (russian.type, russian.actors[0], len(russian.sources)) == ("airstrike", "russia", 1)
    assert "إسرائيل" in israeli.summary and "الإيرانية" in israeli.summary  # the striker, then the party struck


def test_air_strikes_by_allies_on_one_town_stay_one_event() -> None:
    body = (
        "شنت الطائرات الروسية غارات مكثفة على أطراف بلدة هجين صباح اليوم.\n\n"
        "وشارك الطيران الحربي التابع لقوات النظام في الغارات على البلدة."
    )
    [event] = strikes_of(body)
    assert event.type == "airstrike" and len(event.sources) == 2
    assert event.actors[:2] == ("russia", "regime")


def test_a_strike_whose_dead_belong_to_the_party_named_first_goes_on_with_the_strike() -> None:
    body = (
        "شنت طائرات التحالف الدولي غارات على مواقع قرب بلدة هجين.\n\n"
        "وقال ناشطون إن قيادياً في تنظيم الدولة قتل مع أربعة عناصر بقصف جوي على مقر كانوا فيه قرب البلدة."
    )
    figures = [figure(body, "أربعة عناصر", 4, "killed", party="isis")]
    [event] = strikes_of(body, figures=figures)  # the party struck is not a striker of another side
    assert event.type == "airstrike" and event.actors[0] == "coalition" and len(event.sources) == 2


def test_a_party_named_far_from_the_strike_is_not_who_struck() -> None:
    body = (
        "شنت طائرات التحالف الدولي غارات على أطراف بلدة هجين فجر اليوم.\n\n"
        "وقال ناشطون إن عناصر التنظيم المنتشرين في البلدة منذ أشهر تعرضوا لقصف جوي عنيف طوال الليل."
    )
    [event] = strikes_of(body)  # the party the clause names is the one struck, far from the strike
    assert event.type == "airstrike" and event.actors == ("coalition", "isis") and len(event.sources) == 2


def test_a_strike_that_names_no_striker_goes_on_with_the_one_told_before() -> None:
    body = "قصفت الطائرات الإسرائيلية مواقع في ريف حمص فجر اليوم.\n\nواستهدف القصف مستودعاً للذخيرة قرب المطار العسكري."
    [event] = strikes_of(body)
    assert event.actors[0] == "israel" and len(event.sources) == 2


def test_a_month_standing_alone_at_the_top_dates_an_undated_digest() -> None:
    body = (
        "الطيران الإسرائيلي يستهدف مستودعات للحرس الثوري قرب العاصمة\n\n"
        "المرصد السوري لحقوق الإنسان\n"
        "تشرين الثاني 2019\n\n"
        "يستعرض التقرير أبرز ما شهدته البلاد خلال الشهر على الصعيدين السياسي والإنساني في مختلف المحافظات السورية."
    )
    month = DateMention(body.index("تشرين الثاني"), body.index("تشرين الثاني") + 17, "تشرين الثاني 2019", "2019-11", "month", "explicit")
    [event] = strikes_of(body, [month], published=None)
    assert (event.type, event.date, event.precision) == ("airstrike", "2019-11", "month")
    assert strikes_of(body, [month])[0].date == PUBLISHED.isoformat()  # a publication date dates it to its day


def test_planes_flying_over_a_shelling_do_not_set_its_later_rocket_fire_apart() -> None:
    body = (
        "قصف مكثف يطال بلدة هجين، بالتزامن مع تحليق لطائرات الاستطلاع في أجواء المنطقة.\n\n"
        "وقصفت القوات أطراف البلدة بالصواريخ بعد الظهر."
    )
    [event] = events_of(body)
    assert event.type == "shelling" and len(event.sources) == 3


def test_a_toll_of_air_strikes_goes_with_the_air_strikes_not_with_the_shelling_told_last() -> None:
    body = (
        "نفذت طائرات التحالف غارات على أطراف هجين صباحاً، فيما قصفت المدفعية البلدة بعشرات القذائف عصراً.\n\n"
        "وقتل 5 مدنيين جراء الغارات."
    )
    planes, guns = events_of(body, figures=[figure(body, "5 مدنيين", 5, "killed", party="civilians")])
    assert (planes.type, [f.value for _, f in planes.figures]) == ("airstrike", [5])
    assert (guns.type, guns.figures) == ("shelling", ())


def test_a_capture_and_the_expulsion_it_made_stay_one_event() -> None:
    body = "سيطرت القوات على بلدة هجين وطردت عناصر التنظيم منها بعد منتصف الليل."
    [event] = events_of(body)
    assert event.type == "advance" and event.sources[0].text.endswith("الليل")


def test_what_follows_an_earlier_step_goes_on_with_the_news_not_with_the_background() -> None:
    body = (
        "سيطرت قوات النظام أمس على قرية الحسرات.\n\n"
        "وكانت القوات قد سيطرت على بلدة الطيبة قبل أسبوعين.\n\n"
        "وقال مصدر عسكري إن وحدات الجيش سيطرت كذلك على تلال مجاورة."
    )
    news, background = events_of(body, [mention(body, "أمس", "2019-02-09")])
    assert [len(news.sources), len(background.sources)] == [2, 1]
    assert background.sources[0].text.startswith("وكانت")


def test_what_came_next_is_its_own_happening_and_background_like_the_step_before_it() -> None:
    body = (
        "سيطرت قسد أمس على بلدة هجين بالكامل.\n\n"
        "وكانت قوات النظام قد أعلنت السيطرة على بلدة هجين الشهر الماضي لكن سرعان ما استعاد التنظيم السيطرة عليها بهجوم مضاد.\n\n"
        "وقالت قسد إن مقاتليها سيطروا على آخر أحياء البلدة."
    )
    news, announced, retaken = events_of(body, [mention(body, "أمس", "2019-02-09")])
    assert retaken.sources[0].text.startswith("لكن سرعان ما") and len(retaken.sources) == 1
    assert len(announced.sources) == 1 and len(news.sources) == 2


def test_fighting_that_opens_a_sentence_as_the_circumstances_of_a_capture_told_before_is_part_of_it() -> None:
    body = (
        "القوات تسيطر على معظم بلدة الطيبة\n\n"
        "تتواصل العمليات العسكرية في الريف الشرقي، حيث تستمر الاشتباكات العنيفة بين القوات والتنظيم داخل بلدة الطيبة."
    )
    [event] = events_of(body)
    assert (event.type, len(event.sources)) == ("advance", 2)


def test_circumstances_that_open_a_sentence_a_source_tells_are_news_of_their_own() -> None:
    body = (
        "القوات تسيطر على معظم بلدة الطيبة\n\n"
        "وسط اشتباكات عنيفة داخل بلدة الطيبة، أفادت مصادر محلية أن القوات قصفت أطرافها بالمدفعية."
    )
    assert [len(e.sources) for e in events_of(body)] == [1, 1]


def test_fighting_that_opens_a_sentence_in_another_place_is_its_own_event() -> None:
    body = (
        "القوات تسيطر على معظم بلدة الطيبة\n\n"
        "تتواصل العمليات العسكرية في الريف الشرقي، حيث تستمر الاشتباكات العنيفة بين القوات والتنظيم في قرية الحسرات."
    )
    assert [e.type for e in events_of(body)] == ["advance", "clash"]


def test_fighting_that_goes_along_with_an_advance_elsewhere_is_its_own_event() -> None:
    body = "تقدمت قوات النظام في أحياء بلدة الطيبة، يترافق مع اشتباكات عنيفة في قرية الحسرات المجاورة."
    assert [e.type for e in events_of(body)] == ["advance", "clash"]


def test_a_happening_told_without_a_place_is_where_the_report_first_tells_of() -> None:
    body = "أعدم التنظيم خمسة أسرى بتهمة التعامل مع القوات.\n\nوسيطرت قسد على بلدة هجين بعد طرد التنظيم منها."
    assert [(e.type, e.places) for e in events_of(body)] == [("execution", ("hajin",)), ("advance", ("hajin",))]


def test_a_happening_told_without_a_place_goes_on_where_the_text_last_was() -> None:
    body = (
        "سيطرت قسد على بلدة هجين بعد طرد التنظيم منها.\n\n"
        "وفي سياق متصل، هاجم التنظيم مواقع قسد في الباغوز فجر اليوم.\n\n"
        "وأعدم التنظيم ثلاثة أسرى بتهمة التعامل مع قسد."
    )
    assert [(e.type, e.places) for e in events_of(body)] == [
        ("advance", ("hajin",)), ("attack", ("baghuz",)), ("execution", ("baghuz",))  # not the report's first place
    ]


def test_a_happening_told_without_a_place_takes_the_town_the_text_was_at_not_the_region_around_it() -> None:
    body = (
        "قصفت طائرات التحالف بلدة هجين عند الضفاف الشرقية لنهر الفرات.\n\n"
        "وأعدم التنظيم ثلاثة أسرى بتهمة التعامل مع قسد."
    )
    assert [(e.type, e.places) for e in events_of(body)] == [
        ("airstrike", ("hajin", "east_euphrates")), ("execution", ("hajin",))
    ]


def test_a_happening_in_a_village_the_gazetteer_does_not_know_does_not_take_the_reports_place() -> None:
    body = "سيطرت قسد على بلدة هجين بعد طرد التنظيم منها.\n\nوفي سياق متصل، أعدم التنظيم خمسة أسرى في قرية الطيبة."
    assert [(e.type, e.places) for e in events_of(body)] == [("advance", ("hajin",)), ("execution", ())]



@pytest.mark.parametrize(
    "where",
    ["قرب تل الخضر", "في ريف حماة الشمالي", "في منطقة “السعيدية” جنوب المدينة"],  # a name after منطقة only quoted
)
def test_a_happening_at_a_place_the_gazetteer_does_not_know_does_not_take_the_reports_place(where: str) -> None:
    body = f"سيطرت قسد على بلدة هجين بعد طرد التنظيم منها.\n\nوفي سياق متصل، أعدم التنظيم خمسة أسرى {where}."
    assert [(e.type, e.places) for e in events_of(body)] == [("advance", ("hajin",)), ("execution", ())]


def test_a_happening_told_after_one_at_a_village_the_gazetteer_does_not_know_does_not_take_an_earlier_place() -> None:
    body = (
        "سيطرت قسد على بلدة هجين بعد طرد التنظيم منها.\n\n"
        "وتتواصل المعارك في محيط قرية الطيبة منذ الصباح.\n\n"
        "وأعدم التنظيم ثلاثة أسرى بتهمة التعامل مع قسد."
    )
    assert [(e.type, e.places) for e in events_of(body)] == [("advance", ("hajin",)), ("clash", ()), ("execution", ())]


def test_a_happening_in_an_area_named_by_a_common_noun_takes_where_the_text_was() -> None:
    body = "سيطرت قسد على بلدة هجين بعد طرد التنظيم منها.\n\nووصلت تعزيزات للتحالف إلى منطقة الجبهة مساء اليوم."
    assert [e.places for e in events_of(body)] == [("hajin",), ("hajin",)]


def test_a_province_named_in_one_clause_only_locates_the_town_another_clause_names() -> None:
    body = "أعدم التنظيم خمسة أسرى شرق الرقة.\n\nوجرى الإعدام في ساحة بلدة هجين أمام الأهالي."
    [event] = events_of(body)
    assert (event.type, event.places) == ("execution", ("hajin",))


def test_a_province_only_locates_a_village_the_gazetteer_does_not_know() -> None:
    body = "تستمر المعارك بين قسد والتنظيم في محيط بلدة الكشمة بريف دير الزور الشرقي."
    [event] = events_of(body)
    assert (event.type, event.places) == ("clash", ())


def test_a_province_named_after_city_is_the_city_beside_a_village_the_gazetteer_does_not_know() -> None:
    body = "قصفت الطائرات مواقع للتنظيم في مدينة دير الزور وفي قرية الكشمة بريف دير الزور."
    [event] = events_of(body)
    assert event.places == ("deir_ez_zor",)


def test_fighting_in_a_town_and_then_in_the_countryside_of_its_province_is_one_happening() -> None:
    body = (
        "اندلعت اشتباكات عنيفة بين قسد والتنظيم في محيط بلدة هجين.\n\n"
        "واستمرت المعارك بين الطرفين في ريف دير الزور الشرقي حتى ساعات الفجر."
    )
    [event] = events_of(body)
    assert event.places == ("hajin",) and len(event.sources) == 2


def test_a_province_named_after_city_is_its_capital_a_place_apart_from_another_town() -> None:
    body = (
        "واصلت قوات النظام تقدمها في أحياء مدينة دير الزور.\n\n"
        "وأضاف المصدر أن القوات طوقت عناصر التنظيم في بلدة هجين."
    )
    assert len(events_of(body)) == 2


def test_two_captures_joined_by_and_in_two_places_are_two_happenings() -> None:
    body = "قوات النظام تسيطر على بلدة هجين وتحاصر التنظيم في أطراف الباغوز"
    events = events_of(body)
    assert [(e.type, e.places) for e in events] == [("advance", ("hajin",)), ("advance", ("baghuz",))]


def test_fighting_told_without_a_place_is_where_the_text_last_was_not_where_it_goes_next() -> None:
    body = (
        "قصفت طائرات التحالف الدولي فجر اليوم مواقع التنظيم في أطراف بلدة هجين بعدة غارات متتالية استمرت حتى ساعات الصباح.\n\n"
        "واندلعت اشتباكات عنيفة بين الطرفين بعد منتصف الليل على عدة محاور، ترافقت مع تحليق مكثف للطائرات المسيرة في سماء المنطقة.\n\n"
        "واندلعت اشتباكات أخرى بين قسد وعناصر التنظيم في أطراف الباغوز، وسط استنفار في صفوف الطرفين وتبادل للقصف."
    )
    clashes = [e for e in events_of(body) if e.type == "clash"]
    assert [e.places for e in clashes] == [("hajin",), ("baghuz",)]


def test_a_countryside_the_gazetteer_does_not_know_is_still_a_place_apart() -> None:
    body = (
        "اندلعت اشتباكات عنيفة بين قوات النظام وعناصر التنظيم في ريف حماة الشرقي منذ ساعات الصباح الأولى وحتى المساء.\n\n"
        "واندلعت اشتباكات أخرى بين قسد وعناصر التنظيم في بلدة هجين، وسط استنفار في صفوف الطرفين وتبادل للقصف."
    )
    assert len([e for e in events_of(body) if e.type == "clash"]) == 2


def test_a_heading_that_names_a_toll_is_told_by_the_fightings_casualty_count() -> None:
    body = (
        "حصيلة قتلى المعارك بين قسد والتنظيم في هجين\n\n"
        "قالت مصادر محلية إن المعارك التي تخوضها قوات سوريا الديمقراطية في بلدة هجين أسفرت عن مقتل نحو 300 من عناصر التنظيم منذ بدء الهجوم."
    )
    [event] = events_of(body, figures=[figure(body, "نحو 300", 300, "killed", "approx", party="isis")])
    assert event.type == "toll_report" and len(event.sources) == 2


def test_place_nouns_listed_together_name_no_place() -> None:
    body = (
        "دخلت قوات النظام أمس مدينة الزيتونة بعد معارك عنيفة مع عناصر التنظيم استمرت عدة أيام على أطرافها الغربية والشمالية.\n\n"
        "وتمكنت القوات قبل ذلك من السيطرة على أكثر من عشرين قرية وبلدة في محيطها لتطبق الحصار عليها تدريجياً من كل الجهات."
    )
    [event] = events_of(body)
    assert event.type == "advance" and len(event.sources) == 2


def test_the_day_a_source_spoke_is_not_a_day_the_happening_gives() -> None:
    body = (
        "أفاد المرصد السوري الأحد بمقتل سبعة عناصر من قوات النظام في هجوم شنه مسلحو التنظيم قبل أيام على نقطة عسكرية شرق الفرات.\n\n"
        "وأوضح المرصد أن مسلحين من التنظيم هاجموا الخميس نقطة لقوات النظام قرب بلدة هجين، ما أدى إلى مقتل العناصر السبعة.\n\n"
        "وأعلنت وزارة الدفاع الأحد عن مقتل عدد من جنودها خلال الهجوم الذي شنه التنظيم على مواقعهم قرب بلدة هجين."
    )
    weekdays = [DateMention(body.index(w), body.index(w) + len(w), w, None, "none", "relative") for w in ("الأحد", "الخميس")]
    weekdays.append(DateMention(body.rindex("الأحد"), body.rindex("الأحد") + 5, "الأحد", None, "none", "relative"))
    [event] = events_of(body, weekdays, published=None)
    assert event.type == "attack" and len(event.sources) == 3


def test_a_word_written_with_its_vowels_is_one_word_not_a_place_noun_inside_it() -> None:
    body = (
        "هاجم مسلحو التنظيم فجر اليوم مواقع لقوات سوريا الديمقراطية في أطراف بلدة هجين من ثلاثة محاور بعد منتصف الليل.\n\n"
        "وقُتل خلال الهجوم أكثر من عشرة عناصر من قسد بحسب مصادر محلية متطابقة في المنطقة الشرقية من البلدة."
    )
    [event] = events_of(body)
    assert event.type == "attack" and len(event.sources) == 2


def test_a_province_the_town_of_a_happening_is_not_in_sets_another_happening_apart() -> None:
    body = (
        "استعادت قوات النظام السيطرة على بلدة هجين بعد معارك عنيفة مع عناصر التنظيم استمرت عدة أيام متواصلة.\n\n"
        "وفي ريف حمص الشرقي، استعادت قوات النظام السيطرة على مساحات واسعة من البادية بعد انسحاب عناصر التنظيم منها."
    )
    assert len(events_of(body)) == 2


def test_the_town_named_again_by_its_noun_is_the_same_town() -> None:
    body = (
        "سيطرت قوات النظام على بلدة هجين بعد معارك عنيفة مع عناصر التنظيم استمرت عدة أيام على أطرافها.\n\n"
        "وأضاف المراسل أن الجنود أعادوا السيطرة على الفرن الواقع عند مدخل البلدة وطردوا عناصر التنظيم منه."
    )
    [event] = events_of(body)
    assert event.places == ("hajin",) and len(event.sources) == 2


def test_a_clause_dated_weeks_before_its_report_is_not_the_reports_own_happening() -> None:
    body = (
        "وصل رتل من عشرات الشاحنات المحملة بالأسلحة والذخائر إلى مواقع التنظيم في أطراف بلدة هجين بحسب مصادر محلية متطابقة.\n\n"
        "وكذلك وصل نحو 700 جندي من القوات الخاصة الأمريكية إلى المنطقة في الـ 23 من كانون الثاني بحسب مصادر المرصد السوري."
    )
    troops = figure(body, "نحو 700 جندي", 700, "troops", "approx", party="us_forces")
    events = events_of(body, [mention(body, "الـ 23 من كانون الثاني", "2019-01-23")], [troops])
    assert [e.date for e in events if e.type == "reinforcement"] == ["2019-02-10", "2019-01-23"]


def test_an_earlier_dispatch_relayed_goes_on_only_with_a_happening_it_shares_a_place_with() -> None:
    body = (
        "رصد المرصد السوري تصاعد العملية العسكرية التي تشنها قسد بدعم من التحالف ضد التنظيم في شرق الفرات منذ ساعات الصباح الأولى.\n\n"
        "ونشر المرصد السوري قبل ساعات أن اشتباكات عنيفة جرت خلال الليلة الفائتة بين قسد وعناصر من التنظيم حاولوا التسلل إلى بلدة هجين."
    )
    assert [e.type for e in events_of(body)] == ["offensive", "clash"]


def test_a_turn_to_another_matter_typed_with_a_detached_conjunction_still_opens_a_happening() -> None:
    body = (
        "نجح التنظيم في استدراج قوات النظام إلى كمين داخل بلدة هجين.\n\n"
        "و في سياق متصل نعت صفحات موالية للنظام مقتل 12 من عناصرها."
    )
    events = events_of(body, figures=[figure(body, "12 من عناصرها", 12, "killed")])
    assert [e.type for e in events] == ["attack", "toll_report"]


def test_a_dated_relative_clause_about_a_place_tells_an_earlier_happening_of_its_own() -> None:
    body = "تستمر المعارك بين قسد والتنظيم في محيط بلدة هجين التي سيطرت عليها قسد يوم الأربعاء الفائت."
    events = events_of(body, [mention(body, "يوم الأربعاء الفائت", "2019-02-06")])
    assert [(e.type, e.date) for e in events] == [("clash", "2019-02-10"), ("advance", "2019-02-06")]
    assert events[1].sources[0].text.startswith("التي سيطرت") and events[1].places == ("hajin",)


def test_a_relative_clause_of_a_habit_or_about_a_happening_stays_in_its_clause() -> None:
    habit = "طوقت القوات التنظيم في بلدة الميادين التي يتخذها التنظيم مقراً لقيادته هذا العام."
    strike = "ارتفع إلى 19 شخصاً عدد قتلى القصف الذي طال بلدة هجين صباح أمس."
    assert len(events_of(habit, [mention(habit, "هذا العام", "2019", "year")])) == 1
    [event] = events_of(strike, [mention(strike, "أمس", "2019-02-09")], [figure(strike, "19 شخصاً", 19, "killed")])
    assert len(event.sources) == 1


def test_a_quoted_word_after_an_area_noun_is_a_name_that_sets_a_happening_apart() -> None:
    body = "هاجم التنظيم نقطة لقسد في منطقة “ذيبان”.\n\nوفي اليوم ذاته هاجم التنظيم حاجزاً في منطقة “درنج”."
    assert len(events_of(body)) == 2


def test_a_toll_that_gives_no_count_is_the_toll_of_the_strike_told_before_it() -> None:
    body = "قصفت طائرات النظام بلدة هجين ما أدى لمقتل 5 مدنيين.\n\nوارتفعت حصيلة القتلى في البلدة مع وصول فرق الإنقاذ."
    [event] = events_of(body, figures=[figure(body, "5 مدنيين", 5, "killed")])
    assert event.type == "airstrike" and len(event.sources) == 2


def test_a_count_since_last_night_is_the_toll_of_the_attack_not_a_running_total() -> None:
    body = (
        "هاجم عناصر التنظيم نقاط قسد في محيط بلدة هجين منتصف ليل السبت.\n\n"
        "ووفق المرصد فإن الهجوم الذي استمر منذ ليل السبت وحتى فجر أمس تسبب بمقتل 11 من المهاجمين."
    )
    eleven = figure(body, "11 من المهاجمين", 11, "killed", since="2019-02-09", as_of="2019-02-10")
    [event] = events_of(body, [mention(body, "منتصف ليل السبت", "2019-02-09")], [eleven])
    assert event.type == "attack" and len(event.sources) == 2


def test_the_city_a_clause_refers_back_to_is_the_one_the_text_is_about() -> None:
    body = (
        "تقدمت قوات النظام في أحياء مدينة هجين بعد اشتباكات مع التنظيم.\n\n"
        "وحاصرت القوات عناصر التنظيم في قرية الكشمة.\n\n"
        "وبسطت القوات سيطرتها على أغلب أحياء المدينة حتى مساء اليوم."
    )
    events = events_of(body)
    assert [len(e.sources) for e in events] == [2, 1] and events[0].places == ("hajin",)


def test_the_other_sides_losses_opened_by_amma_are_the_same_toll() -> None:
    body = (
        "وقال المرصد إن قسد خسرت 25 مقاتلاً في المعارك قرب هجين منذ الأحد.\n\n"
        "أما التنظيم فقتل منه 40 مسلحاً معظمهم في الغارات الجوية للتحالف.\n\n"
        "أما طائرات التحالف فشنت غارات على الباغوز."
    )
    figures = [figure(body, "25 مقاتلاً", 25, "killed", party="sdf"), figure(body, "40 مسلحاً", 40, "killed", party="isis")]
    toll, strikes = events_of(body, (), figures, published=None)  # the strikes give no count: a happening of their own
    assert [(f.party, f.value) for _, f in toll.figures] == [("sdf", 25), ("isis", 40)]
    assert strikes.type == "airstrike" and strikes.places == ("baghuz",)


def test_a_count_over_one_day_and_a_toll_of_civilians_above_it_are_two_tolls() -> None:
    body = (
        "ارتفع إلى 30 عدد من قتلوا خلال الـ 24 ساعة الأخيرة شرق الفرات.\n\n"
        "وبعد انتشال جثث جديدة يرتفع إلى 190 بينهم 40 طفلاً عدد المدنيين الذين قتلوا."
    )
    figures = [figure(body, "30", 30, "killed"), figure(body, "190", 190, "killed", party="civilians"),
               figure(body, "40 طفلاً", 40, "killed", party="children")]  # fmt: skip
    events = events_of(body, (), figures, published=None)
    assert [[f.value for _, f in e.figures] for e in events] == [[30], [190, 40]]


def test_a_second_count_of_one_party_is_another_toll_unless_told_as_revised() -> None:
    first = "قتل 300 عنصر من التنظيم منذ بدء الهجوم على هجين.\n\n"
    apart = first + "وقتل 900 عنصر من التنظيم من بداية القتال في المنطقة."
    revised = first + "ليرتفع إلى 320 عدد قتلى التنظيم منذ بدء الهجوم."
    def counts(body: str, second: str) -> list[list[float]]:
        figures = [figure(body, "300 عنصر", 300, "killed", party="isis"), figure(body, second, float(second.split()[0]), "killed", party="isis")]
        return [[f.value for _, f in e.figures] for e in events_of(body, (), figures, published=None)]
    assert counts(apart, "900 عنصر") == [[300], [900]]
    assert counts(revised, "320") == [[300, 320]]


def test_a_running_toll_told_by_another_source_is_another_toll_report() -> None:
    body = (
        "قتل أكثر من 500 مدني منذ بدء الهجوم على الجيب في أيلول.\n\n"
        "وأوضح المرصد أن بين القتلى 120 طفلاً.\n\n"
        "وسيطرت قسد على بلدة هجين.\n\n"
        "وقالت قسد لوكالة رويترز إن نحو 3 آلاف من مقاتليها قتلوا منذ بداية القتال ضد التنظيم.\n\n"
        "وأشار المرصد إلى أن 40 امرأة بين القتلى المدنيين."
    )
    figures = [figure(body, "أكثر من 500 مدني", 500, "killed", "more_than", party="civilians"),
               figure(body, "120 طفلاً", 120, "killed", party="children"),
               figure(body, "نحو 3 آلاف", 3000, "killed", "approx"),
               figure(body, "40 امرأة", 40, "killed", party="women")]  # fmt: skip
    events = events_of(body, (), figures, published=None)
    assert [(e.type, [f.value for _, f in e.figures]) for e in events] == [
        ("toll_report", [500, 120, 40]), ("advance", []), ("toll_report", [3000])
    ]


def test_a_second_batch_of_people_leaving_with_another_count_is_another_exit() -> None:
    body = (
        "قالت إدارة مخيم الهول إنها أخرجت دفعة أولى من النازحين ضمت 80 عائلة إلى ريف دير الزور.\n\n"
        "وخرجت بعدها 30 عائلة أخرى إلى ريف دير الزور.\n\n"
        "وأكدت الإدارة خروج 80 عائلة في الدفعة الأولى."
    )
    figures = [figure(body, "80 عائلة", 80, "exits", unit="family"), figure(body, "30 عائلة", 30, "exits", unit="family"),
               Figure(*at(body, "80 عائلة", 1), "80 عائلة", 80, "exits", "exact", unit="family")]  # fmt: skip
    events = events_of(body, (), figures, published=None)
    assert [(e.type, [f.value for _, f in e.figures]) for e in events] == [("exit", [80, 80]), ("exit", [30])]


def test_a_tallied_table_that_is_not_a_table_is_an_error_naming_the_file(tmp_path: Path) -> None:
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    start = text.index("tallied:")
    bad = tmp_path / "happenings.yaml"
    bad.write_text(text[:start] + "tallied: [killed]\n" + text[text.index("revised:", start) :], encoding="utf-8")
    with pytest.raises(ContentError, match="tallied") as raised:
        load_happening_rules(bad)
    assert str(bad) in str(raised.value)


def test_a_toll_whose_source_is_not_named_again_goes_on_with_the_toll_before_it() -> None:
    body = "وقال المرصد إن 500 مدني قتلوا منذ بدء الهجوم على الجيب.\n\nوأشار إلى أن بين القتلى 45 طفلاً."
    figures = [figure(body, "500 مدني", 500, "killed", party="civilians"), figure(body, "45 طفلاً", 45, "killed", party="children")]
    [event] = events_of(body, (), figures, published=None)
    assert [f.value for _, f in event.figures] == [500, 45]


def test_a_running_toll_told_after_a_raid_counts_the_campaign_the_report_is_about() -> None:
    body = (
        "تصعيد عسكري جديد في الباغوز.\n\n"
        "هاجمت مجموعة من التنظيم مواقع قسد في محيط بلدة هجين ليل أمس.\n\n"
        "ويأتي هذا الهجوم ليرفع إلى 900 عدد قتلى التنظيم منذ الـ 10 من أيلول."
    )
    toll = figure(body, "900", 900, "killed", party="isis", since="2018-09-10", as_of="2019-02-10")
    events = events_of(body, figures=[toll])
    assert [(e.type, e.places) for e in events][-1] == ("toll_report", ("baghuz",))


def test_losses_told_without_a_count_and_then_counted_are_one_toll() -> None:
    body = (
        "ووقعت خسائر فادحة في المواجهات العنيفة التي دارت طيلة أيام الأسبوع الماضي بين قسد والتنظيم قرب بلدة هجين.\n\n"
        "وقال المرصد إن قسد تكبدت خسائر بشرية بلغت 18 قتيلاً منذ الجمعة، أما التنظيم فقتل منه 33 عنصراً."
    )
    figures = [figure(body, "18 قتيلاً", 18, "killed", party="sdf"), figure(body, "33 عنصراً", 33, "killed", party="isis")]
    [event] = events_of(body, (), figures, published=None)
    assert event.type == "clash" and [(f.party, f.value) for _, f in event.figures] == [("sdf", 18), ("isis", 33)]


def test_a_revised_tally_after_losses_told_without_a_count_is_a_toll_of_its_own() -> None:
    body = (
        "ووقعت خسائر فادحة في المواجهات العنيفة التي دارت طيلة أيام الأسبوع الماضي بين قسد والتنظيم قرب بلدة هجين.\n\n"
        "وبذلك يرتفع إلى 240 عدد قتلى التنظيم في المنطقة."
    )
    figures = [figure(body, "240", 240, "killed", party="isis")]
    assert [e.type for e in events_of(body, (), figures, published=None)] == ["clash", "toll_report"]


def test_a_toll_after_fighting_that_told_no_losses_stays_a_toll_of_its_own() -> None:
    body = (
        "ودارت مواجهات عنيفة طيلة أيام الأسبوع الماضي بين قسد وعناصر التنظيم في محيط وأطراف بلدة هجين.\n\n"
        "وقال المرصد إن قسد تكبدت خسائر بشرية بلغت 18 قتيلاً منذ الجمعة."
    )
    figures = [figure(body, "18 قتيلاً", 18, "killed", party="sdf")]
    assert [e.type for e in events_of(body, (), figures, published=None)] == ["clash", "toll_report"]


def test_another_sources_account_after_meanwhile_tells_the_same_advance_again() -> None:
    body = (
        "وقال مصدر عسكري إن الجيش واصل تقدمه على محاور عدة في مدينة هجين وريفها بعد معارك عنيفة مع عناصر التنظيم.\n\n"
        "وقصفت طائرات التحالف مواقع للتنظيم في الباغوز.\n\n"
        "في موازاة ذلك، قال مصدر ميداني لوكالة أخرى إن القوات تواصل تقدمها على محاور عدة في مدينة هجين وريفها."
    )
    assert [(e.type, len(e.sources)) for e in events_of(body)] == [("advance", 2), ("airstrike", 1)]


def test_meanwhile_still_opens_another_advance_told_in_other_words() -> None:
    body = (
        "وقال مصدر عسكري إن الجيش واصل تقدمه على محاور عدة في مدينة هجين وريفها بعد معارك عنيفة مع عناصر التنظيم.\n\n"
        "في موازاة ذلك، قال مصدر ميداني إن القوات دخلت أحياء جديدة من المدينة وطردت مسلحي التنظيم منها."
    )
    assert [(e.type, len(e.sources)) for e in events_of(body)] == [("advance", 1), ("advance", 1)]


def test_a_precise_count_told_as_another_matter_is_the_arrest_told_vaguely_before() -> None:
    body = (
        "غارات على هجين واعتقالات تطال مدنيين\n\n"
        "قتل عناصر من التنظيم بغارات لطائرات التحالف قرب هجين، في حين اعتقل التنظيم عدداً من المدنيين بتهمة التعامل مع التحالف.\n\n"
        "من جهة أخرى، قال ناشطون إن التنظيم اعتقل أمس أربعة مدنيين في بلدة الطيبة بتهمة التعامل مع التحالف الدولي."
    )
    figures = [figure(body, "أربعة مدنيين", 4, "arrested", party="civilians")]
    events = events_of(body, (), figures)
    assert [(e.type, len(e.sources)) for e in events] == [("airstrike", 2), ("arrest", 3)]
    assert [f.value for _, f in events[1].figures] == [4]


def test_a_retold_table_without_its_share_is_an_error_naming_the_file(tmp_path: Path) -> None:
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    bad = tmp_path / "happenings.yaml"
    bad.write_text(text.replace("  share: 0.6\n", ""), encoding="utf-8")
    with pytest.raises(ContentError, match="retold") as raised:
        load_happening_rules(bad)
    assert str(bad) in str(raised.value)


def _told(events) -> list[tuple[str | None, str, list[float]]]:
    """Each event's date, type and count values."""
    return [(e.date, e.type, [f.value for _, f in e.figures]) for e in events]


def test_tolls_of_two_days_joined_by_kama_without_a_comma_are_two_events() -> None:
    body = "إذ قتل، الخميس، 12 مدنياً كما أسفر القصف، الأربعاء، عن مقتل خمسين مدنياً وإصابة مئة آخرين."
    dates = [mention(body, "الخميس", "2019-02-07"), mention(body, "الأربعاء", "2019-02-06")]
    figures = [figure(body, "12 مدنياً", 12, "killed"), figure(body, "خمسين مدنياً", 50, "killed"), figure(body, "مئة آخرين", 100, "wounded")]
    assert _told(events_of(body, dates, figures)) == [("2019-02-07", "toll_report", [12]), ("2019-02-06", "shelling", [50, 100])]


def test_a_toll_joined_by_and_that_gives_another_day_is_another_event() -> None:
    body = "قتل 5 عناصر من الفصائل يوم السبت وقتل 3 آخرون يوم الأحد في قصف على أطراف هجين."
    dates = [mention(body, "يوم السبت", "2019-02-09"), mention(body, "يوم الأحد", "2019-02-10")]
    figures = [figure(body, "5 عناصر", 5, "killed"), figure(body, "3 آخرون", 3, "killed")]
    assert _told(events_of(body, dates, figures)) == [("2019-02-09", "toll_report", [5]), ("2019-02-10", "shelling", [3])]


def test_an_advance_then_another_on_the_next_day_are_two_events() -> None:
    body = "سيطرت قوات النظام على قرية الحسرات السبت ثم تقدمت الأحد في محيط بلدة الطيبة."
    dates = [mention(body, "السبت", "2019-02-09"), mention(body, "الأحد", "2019-02-10")]
    assert _told(events_of(body, dates)) == [("2019-02-09", "advance", []), ("2019-02-10", "advance", [])]


def test_weekdays_of_an_undated_report_still_cut_a_clause_into_two_days() -> None:
    body = "قتل الثلاثاء 4 مدنيين كما قتل الإثنين 7 آخرون في غارات على الباغوز."
    dates = [DateMention(*at(body, word), word, None, "none", "relative") for word in ("الثلاثاء", "الإثنين")]
    figures = [figure(body, "4 مدنيين", 4, "killed"), figure(body, "7 آخرون", 7, "killed")]
    events = events_of(body, dates, figures, published=None)
    assert [[f.value for _, f in e.figures] for e in events] == [[4], [7]]
    assert [s.text for e in events for s in e.sources] == ["قتل الثلاثاء 4 مدنيين", "كما قتل الإثنين 7 آخرون في غارات على الباغوز"]


@pytest.mark.parametrize("until", ["حتى الجمعة", "إلى الجمعة"])
def test_fighting_that_goes_on_until_another_day_is_one_event(until: str) -> None:
    body = f"اندلعت اشتباكات عنيفة في هجين من الأربعاء واستمرت المعارك {until} بين الطرفين."
    end = until if until.startswith("حتى") else "الجمعة"  # the extractor keeps `حتى` in the mention, not `إلى`
    [event] = events_of(body, [mention(body, "من الأربعاء", "2019-02-06"), mention(body, end, "2019-02-08")])
    assert event.type == "clash" and len(event.sources) == 1


@pytest.mark.parametrize(
    "body",
    ["قتل السبت 5 عناصر وأفاد المرصد الأحد بمقتل 3 آخرين في هجين.", "قتل السبت 5 عناصر كما أعلنت قسد الأحد عن مقتل 3 آخرين في هجين."],
)
def test_the_day_a_source_spoke_does_not_cut_a_clause(body: str) -> None:
    dates = [mention(body, "السبت", "2019-02-09"), mention(body, "الأحد", "2019-02-10")]
    [event] = events_of(body, dates, [figure(body, "5 عناصر", 5, "killed"), figure(body, "3 آخرين", 3, "killed")])
    assert [f.value for _, f in event.figures] == [5, 3] and len(event.sources) == 1


def test_a_source_relayed_in_the_same_clause_does_not_cut_it_by_its_days() -> None:
    body = "نفذت طائرات التحالف ضربات على الباغوز ليل الجمعة، وأفادت مصادر محلية أمس السبت بأن الطائرات قصفت البلدة الليلة الفائتة."
    # the source's `last night` is the night before it spoke (Friday), read here against the report's day
    dates = [mention(body, "ليل الجمعة", "2019-02-08"), mention(body, "أمس السبت", "2019-02-09"), mention(body, "الليلة الفائتة", "2019-02-09")]
    [event] = events_of(body, dates)
    assert (event.date, event.type, len(event.sources)) == ("2019-02-08", "airstrike", 1)


def test_the_day_of_an_earlier_step_named_as_a_reference_does_not_cut_a_clause() -> None:
    body = "أوقعت المعارك في هجين الأحد 20 قتيلاً و30 جريحاً بعد أن دخلت القوات البلدة يوم الخميس."
    dates = [mention(body, "الأحد", "2019-02-10"), mention(body, "يوم الخميس", "2019-02-07")]
    [event] = events_of(body, dates, [figure(body, "20 قتيلاً", 20, "killed"), figure(body, "30 جريحاً", 30, "wounded")])
    assert (event.date, event.type, [f.value for _, f in event.figures]) == ("2019-02-10", "clash", [20, 30])


def test_a_count_of_another_day_after_a_strike_is_the_toll_of_another_strike() -> None:
    body = "تجددت الغارات الجوية على الباغوز الخميس بعد يومين داميين، إذ قتل الأربعاء 9 مدنيين."
    dates = [mention(body, "الخميس", "2019-02-07"), mention(body, "الأربعاء", "2019-02-06")]
    events = events_of(body, dates, [figure(body, "9 مدنيين", 9, "killed")])
    assert _told(events) == [("2019-02-07", "airstrike", []), ("2019-02-06", "airstrike", [9])]


def test_the_explosion_named_again_with_the_article_is_the_mine_blast_told_before() -> None:
    body = (
        "قتل ثلاثة رعاة اليوم بانفجار لغم أرضي قرب هجين.\n\n"
        "وأدى الانفجار أيضاً إلى إصابة طفلين كانا برفقتهم."
    )
    [event] = events_of(body)
    assert event.type == "other" and len(event.sources) == 2


def test_an_explosion_not_told_before_is_an_attack_of_its_own() -> None:
    body = "قتل ثلاثة رعاة اليوم بانفجار لغم أرضي قرب هجين.\n\nوفي الباغوز أدى الهجوم على حاجز للقوات إلى إصابة عنصرين."
    assert [e.type for e in events_of(body)] == ["other", "attack"]


def test_the_dead_of_a_wave_of_strikes_counted_town_by_town_are_its_toll() -> None:
    body = (
        "قتل 25 مدنياً اليوم في غارات جوية على قرى عدة في ريف المحافظة الجنوبي.\n\n"
        "وسجلت بلدة الزهرة أكبر حصيلة، إذ قتل فيها 11 مدنياً.\n\n"
        "وشوهدت منازل مدمرة في قرية الريحان التي قتل فيها 3 مدنيين."
    )
    [event] = events_of(body, figures=[figure(body, "25 مدنياً", 25, "killed"), figure(body, "11 مدنياً", 11, "killed"), figure(body, "3 مدنيين", 3, "killed")])
    assert event.type == "airstrike" and len(event.sources) == 4


def test_a_strike_told_in_its_own_town_keeps_a_count_of_another_town_apart() -> None:
    body = "قصفت طائرات التحالف بلدة الزهرة اليوم.\n\nوفي قرية الريحان قتل 4 مدنيين."
    assert len(events_of(body, figures=[figure(body, "4 مدنيين", 4, "killed")])) == 2


def test_a_strike_named_with_the_article_as_what_a_source_saw_is_no_consequence_of_the_one_before() -> None:
    body = (
        "دارت اشتباكات عنيفة في محيط هجين وسط قصف صاروخي على أطرافها.\n\n"
        "ونشر المرصد أنه رصد تجدد القصف الجوي على قرية الشعفة."
    )
    assert [e.type for e in events_of(body)] == ["clash", "airstrike"]


def _vague(body: str, text: str) -> DateMention:
    """A span of time the text names without a date (`الأيام الماضية`)."""
    return DateMention(*at(body, text), text, None, "none", "vague")


def test_fighters_surrendering_over_days_and_civilians_evacuated_on_a_day_are_two_exits() -> None:
    body = (
        "سلّم نحو 300 مقاتل من التنظيم أنفسهم لقسد في الباغوز خلال الأيام الثلاثة الماضية، وقال متحدث باسم القوات "
        "إن المئات ما زالوا داخل البلدة، مع استمرار إجلاء المدنيين منها يوم الخميس."
    )
    dates = [_vague(body, "الأيام الثلاثة الماضية"), mention(body, "يوم الخميس", "2019-02-07")]
    events = events_of(body, dates, [figure(body, "نحو 300 مقاتل", 300, "exits", party="isis")])
    assert [(e.type, [f.value for _, f in e.figures]) for e in events] == [("exit", [300]), ("exit", [])]
    assert events[1].date == "2019-02-07" and events[1].sources[0].text.startswith("مع استمرار إجلاء المدنيين")


def test_a_town_entered_on_a_day_and_villages_taken_over_past_days_are_two_advances() -> None:
    body = (
        "دخلت قوات النظام أمس بلدة هجين بعد معارك عنيفة مع التنظيم.\n\n"
        "وتمكنت القوات خلال الأيام الماضية من السيطرة على 15 قرية في محيط البلدة."
    )
    dates = [mention(body, "أمس", "2019-02-09"), _vague(body, "الأيام الماضية")]
    events = events_of(body, dates, [figure(body, "15 قرية", 15, "villages")])
    assert [(e.type, [f.value for _, f in e.figures]) for e in events] == [("advance", []), ("advance", [15])]
    assert events[0].date == "2019-02-09" and events[1].sources[0].text.startswith("وتمكنت القوات خلال الأيام الماضية")


def test_two_clauses_of_one_span_of_past_days_stay_one_happening() -> None:
    body = (
        "تقدمت قسد خلال الأيام الماضية في أطراف هجين.\n\n"
        "وقال قيادي في القوات إن مقاتليه سيطروا خلال الأيام الماضية على عدة أحياء في البلدة."
    )
    dates = [_vague(body, "الأيام الماضية"), DateMention(*at(body, "الأيام الماضية", 1), "الأيام الماضية", None, "none", "vague")]
    [event] = events_of(body, dates)
    assert (event.type, len(event.sources)) == ("advance", 2)


def test_fighters_who_surrender_and_families_who_leave_are_two_exits() -> None:
    body = "استسلم عشرات المقاتلين من التنظيم لقسد في الباغوز.\n\nوخرجت مئات العائلات من البلدة عبر ممر آمن."
    events = events_of(body)
    assert [(e.type, e.sources[0].text[:10]) for e in events] == [("exit", "استسلم عشر"), ("exit", "وخرجت مئات")]


def test_people_leaving_told_without_who_they_are_go_on_with_the_families_told_before() -> None:
    body = (
        "خرجت مئات العائلات من مسلحي التنظيم من الباغوز عبر ممر آمن.\n\n"
        "وقال مسؤول في قسد إن المئات خرجوا اليوم من البلدة، بينهم عناصر من التنظيم."
    )
    [event] = events_of(body)
    assert (event.type, len(event.sources)) == ("exit", 2)


def test_civilians_evacuated_and_civilians_fleeing_are_two_exits() -> None:
    body = (
        "تواصلت عمليات إجلاء المدنيين من بلدة الباغوز يوم الخميس عبر ممر آمن.\n\n"
        "وقال متحدث باسم قسد إن المعركة ستبدأ بعد انتهاء الإجلاء.\n\n"
        "وفر الآلاف من السكان خلال الأسابيع الماضية."
    )
    evacuated, fled = [e for e in events_of(body) if e.type == "exit"]
    assert ("إجلاء" in evacuated.sources[0].text, "وفر" in fled.sources[0].text) == (True, True)


def test_people_leaving_told_without_how_go_on_with_the_evacuation_told_before() -> None:
    body = (
        "تواصلت عمليات إجلاء المدنيين من بلدة الباغوز يوم الخميس عبر ممر آمن.\n\n"
        "وقالت قسد إن المئات من السكان خرجوا من البلدة في شاحنات."
    )
    [event] = [e for e in events_of(body) if e.type == "exit"]
    assert len(event.sources) == 2


def test_a_leavers_table_without_its_reach_is_an_error_naming_the_file(tmp_path: Path) -> None:
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    bad = tmp_path / "happenings.yaml"
    bad.write_text(text.replace("  reach: 6\n", ""), encoding="utf-8")
    with pytest.raises(ContentError, match="leavers") as raised:
        load_happening_rules(bad)
    assert str(bad) in str(raised.value)


def test_fighting_that_goes_on_and_a_car_bomb_attack_beside_it_are_two_happenings() -> None:
    body = (
        "التنظيم يهاجم قسد بسيارة مفخخة\n\n"
        "تستمر المعارك في محيط بلدة “الزهيرية” شرق هجين بين قسد والتنظيم.\n\n"
        "وأعلن التنظيم مقتل 12 عنصراً من قسد إثر هجوم بسيارة مفخخة على تجمع لهم في محيط البلدة."
    )
    events = events_of(body, (), [figure(body, "12 عنصراً", 12, "killed", party="sdf")])
    assert [(e.type, [s.text.split()[0] for s in e.sources]) for e in events] == [("attack", ["التنظيم", "وأعلن"]), ("clash", ["تستمر"])]
    # the attack was at the town the text named, which the gazetteer does not know: not at Hajin
    assert [e.places for e in events] == [(), ("hajin",)]


def test_fighting_that_goes_on_goes_on_with_fighting_of_its_own_type() -> None:
    body = "اندلعت اشتباكات عنيفة بين قسد والتنظيم في هجين.\n\nوتستمر الاشتباكات في البلدة حتى ساعة إعداد هذا التقرير."
    [event] = events_of(body)
    assert (event.type, len(event.sources)) == ("clash", 2)


def test_a_corridor_opened_and_the_people_leaving_through_it_are_two_happenings() -> None:
    body = (
        "خرج المئات من عائلات مسلحي التنظيم من الباغوز بعد فتح ممر آمن لهم.\n\n"
        "وقال مراسل في البلدة إن الهدوء يسود منذ الفجر مع الإعلان عن فتح ممر آمن، مشيراً إلى أن المئات خرجوا اليوم من البلدة.\n\n"
        "وأضاف أن الممر الآمن يمتد من أطراف البلدة إلى المخيم."
    )
    events = events_of(body)
    assert [(e.type, [s.text.split()[0] for s in e.sources]) for e in events] == [
        ("exit", ["خرج", "مشيراً"]),
        ("other", ["مع", "وأضاف"]),
    ]


def test_clashes_a_source_goes_on_to_tell_after_a_capture_are_its_circumstances() -> None:
    body = "قال المرصد إن قوات النظام اقتحمت بلدة هجين من جهتها الغربية، مشيراً إلى أن اشتباكات عنيفة تدور في أحيائها."
    [event] = events_of(body)
    assert (event.type, len(event.sources)) == ("advance", 2)


def test_a_capture_a_celebration_is_told_after_is_an_earlier_happening_of_its_own() -> None:
    body = "احتفل مئات الأهالي في مدينة عين العرب اليوم بالنصر على التنظيم، بعد السيطرة على بلدة الباغوز آخر معاقله."
    events = events_of(body, [mention(body, "اليوم", "2019-02-10")], published=date(2019, 2, 11))
    assert [(e.type, e.places) for e in events] == [("other", ("kobani",)), ("advance", ("baghuz",))]
    assert (events[0].date, events[0].date_basis) == ("2019-02-10", "mention")
    assert events[1].date_basis == "published"  # not the celebration's day: it came before
    assert events_of(body, published=None)[1].date is None


def test_a_capture_after_a_battle_or_a_celebration_of_a_capture_told_before_stays_one_happening() -> None:
    capture = "سيطرت القوات على بلدة هجين بعد معارك عنيفة مع التنظيم."
    celebration = "احتفل الأهالي في مدينة عين العرب بعد السيطرة عليها."
    assert [e.type for e in events_of(capture)] == ["advance"]
    assert [(e.type, len(e.sources)) for e in events_of(celebration)] == [("other", 1)]


def test_after_a_capture_told_aside_the_text_is_back_where_it_was() -> None:
    body = "احتفل الأهالي في مدينة عين العرب بعد السيطرة على الباغوز.\n\nوقتل ثلاثة مدنيين بانفجار عبوة ناسفة في أحد الشوارع."
    events = events_of(body, figures=[figure(body, "ثلاثة مدنيين", 3, "killed")])
    assert [(e.type, e.places) for e in events] == [("other", ("kobani",)), ("advance", ("baghuz",)), ("attack", ("kobani",))]


def test_a_capture_told_beside_the_capture_of_another_place_is_a_happening_of_its_own() -> None:
    body = "وتمكنت قسد، تزامناً مع تقدمها في أحياء بلدة هجين، من السيطرة على بلدة الشعفة."
    events = events_of(body)
    assert [(e.type, e.places) for e in events] == [("advance", ("hajin",)), ("advance", ())]
    assert events[1].sources[0].text == "السيطرة على بلدة الشعفة"


def test_a_capture_told_beside_an_advance_in_the_same_place_stays_one_happening() -> None:
    body = "بالتزامن مع تقدمها في بلدة هجين سيطرت القوات على المشفى الوطني في البلدة."
    [event] = events_of(body)
    assert (event.type, event.places) == ("advance", ("hajin",))


def test_people_leaving_after_the_capture_of_another_place_are_two_happenings() -> None:
    body = "نزح مئات المدنيين من بلدة هجين بعد سيطرة قسد على بلدة الباغوز."
    assert [(e.type, e.places) for e in events_of(body)] == [("exit", ("hajin",)), ("advance", ("baghuz",))]
