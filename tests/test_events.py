"""Clause events (candidates, before the clauses of one happening are gathered): type,
date and its basis, places, actors, figures."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from event_fixture import GAZETTEER, article, extraction, figure, mention, place
from waqai.extract.gazetteer import Gazetteer, load_gazetteer

from waqai.errors import ContentError
from waqai.records import Warning
from waqai.timeline.events import DEFAULT_PATH, clause_events, load_place_roles, load_type_rules

BODY = (
    "هاجمت قسد مواقع داعش في هجين يوم الجمعة 8 شباط، فيما قصفت طائرات التحالف أطراف الباغوز.\n"
    "ونشر المرصد قبل ساعات أن اشتباكات جرت في محيط هجين، حيث قتل 7 عناصر من التنظيم.\n"
    "وصل نحو 700 جندي من القوات الخاصة الأمريكية في الـ 23 والـ 24 من كانون الثاني.\n"
    "وأكد المرصد أن الأوضاع هادئة.\n"
    "ليرتفع إلى 1200 عدد قتلى التنظيم منذ الـ 10 من أيلول."
)
ART = article("r1", BODY, date(2019, 2, 10))
EX = extraction(
    ART,
    dates=[
        mention(BODY, "يوم الجمعة 8 شباط", "2019-02-08"),
        mention(BODY, "الـ 23 والـ 24 من كانون الثاني", "2019-01-23/2019-01-24", "range"),
        mention(BODY, "منذ الـ 10 من أيلول", "2018-09-10", since=True),
    ],
    figures=[
        figure(BODY, "7 عناصر", 7, "killed", party="isis"),
        figure(BODY, "نحو 700 جندي", 700, "troops", "approx", party="us_forces"),
        figure(BODY, "1200", 1200, "killed", party="isis", since="2018-09-10"),
    ],
)

# clause start -> (date, precision, basis, type, places, actors, figure values)
EXPECTED = [
    ("هاجمت قسد", "2019-02-08", "day", "mention", "attack", ("hajin",), ("sdf", "isis"), ()),
    ("فيما قصفت", "2019-02-08", "day", "bulletin", "airstrike", ("baghuz",), ("coalition",), ()),
    ("ونشر المرصد", "2019-02-10", "day", "published", "clash", ("hajin",), (), ()),
    ("حيث قتل", "2019-02-10", "day", "published", "toll_report", (), ("isis",), (7,)),
    ("وصل نحو 700", "2019-01-23/2019-01-24", "range", "mention", "reinforcement", (), ("us_forces",), (700,)),
    ("ليرتفع", "2019-02-10", "day", "published", "toll_report", (), ("isis",), (1200,)),
]


def test_events_of_a_report() -> None:
    events = clause_events(ART, EX, GAZETTEER)
    got = [
        (e.summary, e.date, e.precision, e.date_basis, e.type, e.places, e.actors, tuple(f.value for _, f in e.figures))
        for e in events
    ]
    assert [g[1:] for g in got] == [x[1:] for x in EXPECTED]
    assert [g[0].startswith(x[0]) for g, x in zip(got, EXPECTED)] == [True] * len(EXPECTED)


def test_every_event_links_to_its_sentence_and_clause() -> None:
    for event in clause_events(ART, EX, GAZETTEER):
        [source] = event.sources
        assert BODY[source.start : source.end] == source.text == event.summary
        assert BODY.split("\n")[source.sentence].find(source.text) >= 0


def test_an_undated_report_still_gives_its_events_of_unknown_date() -> None:
    undated = article("r2", BODY, None)
    events = clause_events(undated, extraction(undated, EX.dates, EX.figures), GAZETTEER)
    assert len(events) == len(clause_events(ART, EX, GAZETTEER))  # nothing it tells is dropped
    assert [e.date for e in events if e.date_basis != "unknown"] == ["2019-02-08", "2019-02-08", "2019-01-23/2019-01-24"]
    unknown = [e for e in events if e.date_basis == "unknown"]
    assert unknown and all((e.date, e.day, e.precision) == (None, None, "unknown") for e in unknown)


@pytest.mark.parametrize(
    "clause, categories, kind",
    [
        ("وصول نحو 700 جندي للقبض على قادة التنظيم", ["troops"], "reinforcement"),  # the figure decides
        ("للقبض على قادة التنظيم", [], "arrest"),
        ("إعدام التنظيم لأكثر من 700 معتقل", [], "execution"),
        ("ما أدى لمقتل 10 عناصر", ["killed"], "toll_report"),  # no keyword: the figure's fallback
        ("قصف أدى لمقتل 10 عناصر", ["killed"], "shelling"),
        ("دارت مواجهات عنيفة", [], "clash"),
        ("شنت طائرات حربية غارات على أطراف البلدة", [], "airstrike"),
        ("تواصل القصف المتقطع من قبل طائرات التحالف على أطراف البلدة", [], "airstrike"),  # shelling by planes
        ("سيطرت القوات على القرية بعد معارك عنيفة مع التنظيم", [], "advance"),  # the predicate that comes first
        ("اندلعت اشتباكات عنيفة أسفرت عن إعدام 5 أسرى", [], "execution"),  # an execution decides wherever it stands
        ("أعلنت القوات بدء هجومها على آخر معاقل التنظيم", [], "offensive"),
        ("هاجم مسلحون رتلاً عسكرياً على الطريق", [], "attack"),
        ("قتل 40 مدنياً منذ بدء الهجوم على المدينة", ["killed"], "toll_report"),  # the start of a period is not the predicate
        ("دمر الطيران الحربي رتلاً من 12 سيارة للتنظيم", ["trucks"], "airstrike"),  # vehicles type a clause only without a predicate
        ("أفادت مصادر بأن 40 شاحنة للتحالف محملة بالأسلحة دخلت الأراضي السورية", ["trucks"], "reinforcement"),  # a convoy entering is no capture
        ("رصد المرصد وصول المئات من عناصر التنظيم بالعتاد الثقيل إلى ريف حماة", [], "reinforcement"),
        ("قتل 9 مدنيين في غارات على البلدة بحسب حصيلة للمرصد", ["killed"], "airstrike"),  # attribution to a toll is not a toll
        ("تمكنت القوات من فرض سيطرتها على البلدة", [], "advance"),
        ("تستمر المفاوضات بين الطرفين", [], "negotiation"),
        ("خرقت قوات النظام الهدنة مجدداً في ريف المحافظة الجنوبي", [], "shelling"),  # a breach is fire, not a negotiation
        ("خروقات جديدة للهدنة بغارات جوية على البلدة", [], "airstrike"),
        ("قالت القوات إنها سيطروا بالكامل على المدينة", [], "advance"),
        ("وقالت وزارة الدفاع في بيان إن مسلحين هاجموا موقعاً للجيش قرب المدينة", [], "attack"),  # the statement is the source
        ("أصدرت القيادة بياناً دعت فيه الأهالي إلى الصبر", [], "statement"),
        ("ناشد الأهالي التحالف التوصل لهدنة يتم بموجبها فتح ممر آمن للمدنيين", [], "statement"),  # an appeal is not what it asks for
        ("ألقى التحالف مناشير تدعو فيها المدنيين للنزوح من البلدة", [], "statement"),
        ("الطقس بارد", [], "other"),
        ("علقت القوات هجومها على معاقل التنظيم بسبب القصف التركي", [], "other"),  # a suspension is not what it suspends
        ("أجبرت العاصفة الرملية التحالف على تعليق غاراته فوق البلدة", [], "other"),
        ("قتل ثلاثة رعاة بانفجار لغم أرضي في البادية", ["killed"], "other"),  # a landmine is no one's attack
        ("تشهد المنطقة الحدودية استنفاراً عسكرياً للقوات العراقية", [], "reinforcement"),
        ("تشهد المحافظة منذ أسابيع تصعيداً عسكرياً لقوات النظام", [], "offensive"),
        ("دخل الجيش البلدة صباح اليوم بعد انسحاب المسلحين", [], "advance"),
        ("جرى نقل المدنيين عبر ممر قرب البلدة إلى مناطق سيطرة القوات", [], "exit"),
        ("لتصبح المنطقة آمنة بالكامل بمساحة 900 كم2", ["territory"], "advance"),  # an area, no predicate
        ("نجح التنظيم في استدراج عناصر النظام إلى داخل الحي بعد دخولهم إليه", [], "attack"),  # luring is an ambush
        ("سيطر الجيش على البلدة عقب انسحاب المسلحين منها", [], "advance"),  # the verb, its subject before `على`
        ("طوّقوا عناصر التنظيم في أحياء المدينة الشرقية", [], "advance"),  # the masculine verbs of a capture
        ("اقتحم الجيش الحي الشرقي فجر اليوم", [], "advance"),
        ("اشتبك مقاتلو العشائر مع عناصر التنظيم قرب الجسر", [], "clash"),
        ("قوات النظام تقصف أطراف البلدة والتنظيم ينسحب من أحيائها", [], "shelling"),  # a heading's present tense
        ("قوات النظام تتقدم في ريف المدينة الشرقي", [], "advance"),
        ("التنظيم يعتقل عشرات الشبان في القرية", [], "arrest"),
        ("استهدف التنظيم حاجزاً للقوات بسيارة مفخخة", [], "attack"),  # targeting names the act, the means the type
        ("تستهدف الطائرات الحربية مستودعات للذخيرة قرب المطار", [], "airstrike"),
        ("استهدفت القوات مواقع التنظيم بالمدفعية الثقيلة", [], "shelling"),
        ("إسرائيل تستهدف مقرات للميليشيات في ريف العاصمة", [], "shelling"),  # alone, a target is shelled
        ("المسيرات التركية تستهدف مواقع للمقاتلين قرب البلدة", [], "airstrike"),  # the means name the strike
        ("قصفت المروحيات أطراف البلدة بعد الظهر", [], "airstrike"),
        ("قصف صاروخي عنيف يطال أحياء المدينة", [], "shelling"),
        ("اشتباكات عنيفة يتخللها قصف بالمدفعية الثقيلة", [], "clash"),  # fighting named first, whatever its means
        ("وصل مئات المدنيين إلى مناطق سيطرة القوات عبر ممر", [], "exit"),  # the noun of a state is no capture
        ("ظهر قائد الميليشيا وهو يتجول في المدينة عقب السيطرة عليها", [], "other"),  # a tour, not the capture
        ("أعلنت القوات فتح ممر آمن لخروج المدنيين من البلدة", [], "other"),  # a corridor opened, not the people leaving
        ("ويمتد الممر الآمن من أطراف البلدة إلى المخيم", [], "other"),
        ("خرج عشرات المدنيين من البلدة بعد فتح ممر آمن لهم", [], "exit"),  # people leaving, first in their clause
        ("شنت القوات هجوماً واسعاً على البلدة بعد رفض التنظيم الخروج بممر آمن", [], "offensive"),  # a corridor does not win wherever it stands
    ],
)
def test_event_types(clause: str, categories: list[str], kind: str) -> None:
    figures = [figure(clause, clause.split()[-1], 1, c) for c in categories]
    assert load_type_rules().classify(clause, figures) == kind


def test_a_dispatch_keeps_its_own_date_for_what_it_reports() -> None:
    body = "ونشر المرصد أمس السبت أن القوات سيطرت على هجين يوم الخميس، حيث ارتفع إلى 50 عدد القتلى."
    art = article("r3", body, date(2019, 2, 10))
    ex = extraction(art, [mention(body, "أمس السبت", "2019-02-09"), mention(body, "يوم الخميس", "2019-02-07")])
    [dispatch, toll] = clause_events(art, ex, GAZETTEER)
    assert (dispatch.date, dispatch.reported) == ("2019-02-07", "2019-02-09")  # happened Thursday, told Saturday
    assert (toll.date, toll.date_basis, toll.reported) == ("2019-02-07", "bulletin", "2019-02-09")


def test_the_day_a_dispatch_was_published_does_not_cut_what_it_reports() -> None:
    body = "ونشر المرصد أمس أن القوات سيطرت على هجين وقتلت يوم الخميس 5 عناصر من التنظيم."
    art = article("r3", body, date(2019, 2, 10))
    ex = extraction(art, [mention(body, "أمس", "2019-02-09"), mention(body, "يوم الخميس", "2019-02-07")], [figure(body, "5 عناصر", 5, "killed")])
    [dispatch] = clause_events(art, ex, GAZETTEER)
    assert (dispatch.date, dispatch.reported, len(dispatch.figures)) == ("2019-02-07", "2019-02-09", 1)


def test_a_dispatch_whose_day_the_text_contradicts_reports_as_of_publication() -> None:
    body = "ونشر المرصد أمس أن القوات سيطرت على هجين أمس الأول الاثنين الـ 4 من شباط، حيث ارتفع إلى 50 عدد القتلى."
    art = article("r4", body, date(2019, 2, 10))
    ex = extraction(art, [mention(body, "أمس", None), mention(body, "أمس الأول الاثنين الـ 4 من شباط", "2019-02-04")])
    ex = replace(ex, warnings=(Warning("bulletin-day-contradicted", "...", body.index("أمس"), body.index("أمس") + 3),))
    [dispatch, toll] = clause_events(art, ex, GAZETTEER)
    assert (dispatch.date, dispatch.reported) == ("2019-02-04", "2019-02-10")  # the capture on Monday, known by the 10th
    assert (toll.date, toll.reported) == ("2019-02-04", "2019-02-10")


def test_what_kama_joins_on_another_day_is_a_clause_of_its_own_dated_by_its_day() -> None:
    body = "قصفت الطائرات أطراف هجين الجمعة وقتل 6 مدنيين كما قتل السبت 4 عناصر من قسد بقذائف التنظيم."
    art = article("r6", body, date(2019, 2, 10))
    dates = [mention(body, "الجمعة", "2019-02-08"), mention(body, "السبت", "2019-02-09")]
    ex = extraction(art, dates, [figure(body, "6 مدنيين", 6, "killed"), figure(body, "4 عناصر", 4, "killed", party="sdf")])
    got = [(e.summary, e.date, e.date_basis, e.type, tuple(f.value for _, f in e.figures)) for e in clause_events(art, ex, GAZETTEER)]
    assert got == [
        ("قصفت الطائرات أطراف هجين الجمعة وقتل 6 مدنيين", "2019-02-08", "mention", "airstrike", (6,)),
        ("كما قتل السبت 4 عناصر من قسد بقذائف التنظيم", "2019-02-09", "mention", "shelling", (4,)),
    ]


@pytest.mark.parametrize(
    "line, kept",
    [
        ("الإثنين 11 أيلول 2017", False),  # a dateline
        ("تم النشر: 2019/03/23 الساعة 07:06", False),  # a byline
        ("اجتمع وفدا الطرفين في المدينة يوم الأحد 12 أيار 2019", True),
    ],
)
def test_a_dateline_is_not_an_event(line: str, kept: bool) -> None:
    art = article("r4", line, date(2019, 5, 13))
    date_text = next(t for t in ("الإثنين 11 أيلول 2017", "2019/03/23 الساعة 07:06", "يوم الأحد 12 أيار 2019") if t in line)
    ex = extraction(art, [mention(line, date_text, "2019-05-12")])
    assert bool(clause_events(art, ex, GAZETTEER)) is kept


def test_a_clause_that_only_describes_is_no_event() -> None:
    body = "وشارك في التشييع آلاف من عوائل المقاتلين الذين قضوا في المعارك ضد التنظيم."
    art = article("r5", body, date(2019, 2, 10))
    assert clause_events(art, extraction(art), GAZETTEER) == []  # who they are, not what happened
    rules = load_type_rules()
    assert rules.describes_only("عوائل المقاتلين الذين قضوا في المعارك")
    # a relative clause ends where what the clause reports begins (`فإن`)
    assert not rules.describes_only("وفي التفاصيل التي رصدها المرصد فإن الاشتباكات تتواصل في محيط البلدة")


def test_a_word_that_begins_like_a_meeting_is_no_negotiation() -> None:
    rules = load_type_rules()
    assert rules.predicate("ملحق الشؤون الاجتماعية والثقافية") is None  # `social`, not a meeting
    assert rules.predicate("وعقد الطرفان اجتماعاً في المدينة") == "negotiation"
    assert rules.predicate("واجتمعت الوفود في القاعدة") == "negotiation"


def test_a_pictures_caption_is_no_event() -> None:
    body = "صورة أرشيفية لانتشار عناصر من قسد في شوارع البلدة"
    art = article("r6", body, date(2019, 3, 1))
    assert clause_events(art, extraction(art), GAZETTEER) == []


@pytest.mark.parametrize(
    "clause, kind",
    [
        ("وقالت المصادر إن عناصر التنظيم حاولوا التقدم من مواقعهم نحو الحي الشرقي", "attack"),  # repelled or not
        ("وأحبطت القوات محاولة تقدم للتنظيم على أطراف القرية", "attack"),
        ("تقدمت القوات في الحي الشرقي بعد معارك", "advance"),
    ],
)
def test_an_attempt_to_advance_is_an_assault_not_a_capture(clause: str, kind: str) -> None:
    assert load_type_rules().classify(clause, []) == kind


def test_a_comment_is_not_a_suspension() -> None:
    assert load_type_rules().predicate("اترك تعليقاً على الخبر") is None  # a page's footer tells nothing
    assert load_type_rules().predicate("أعلن التحالف تعليق عملياته الجوية فوق البلدة") == "other"


@pytest.mark.parametrize(
    "clause, categories, kind",
    [
        # a predicate right after `بعد` / `إثر` names an earlier happening: the clause's own predicate decides
        ("تمكنت القوات إثر انسحاب عناصر التنظيم من بسط سيطرتها على القرية", [], "advance"),
        ("قامت القوات بعد هذه السيطرة بتعزيز حواجزها في الأحياء الشرقية", [], "reinforcement"),
        ("قتل 4 مقاتلين إثر غارة جوية على سيارتهم", ["killed"], "airstrike"),  # no predicate of its own: the cause
        ("وذلك عقب سيطرتها مساء أمس على قرية الصالحية وسط اشتباكات", [], "advance"),  # the reference opens its clause
        ("وقال المصدر إنه بعد ذلك سيطرت القوات على القرية وسط اشتباكات", [], "advance"),  # `بعد ذلك` is `then`
        # a predicate in a relative clause describes a noun, it does not tell the clause's happening
        ("وصل مئات النازحين عبر ممر آمن قرب البلدة التي تشهد عملية عسكرية", [], "exit"),
        ("القرية، التي شهدت معارك عنيفة أمس، قصفتها الطائرات اليوم", [], "airstrike"),  # the clause runs to a comma
        ("ارتفع عدد الضحايا في السوق التي قصفتها الطائرات إلى 19", ["killed"], "airstrike"),  # no other predicate
        # nor does a count in a relative clause: `الذي يؤوي 70 ألف نازح` describes the camp
        ("قصفت المدفعية أطراف المخيم، الذي يؤوي نحو 70 ألف نازح", ["displaced"], "shelling"),
        # `في الوقت الذي` (while) is a conjunction: what follows describes no noun
        ("في الوقت الذي تجري فيه تحضيرات لخروج دفعات جديدة، ضمن العملية المستمرة للسيطرة على الجيب", [], "exit"),
    ],
)
def test_a_reference_or_a_description_does_not_type_a_clause(clause: str, categories: list[str], kind: str) -> None:
    figures = [figure(clause, clause.split()[-1], 1, c) for c in categories]
    assert load_type_rules().classify(clause, figures) == kind


@pytest.mark.parametrize(
    "clause, kind",
    [
        ("ارتفعت الحصيلة إلى 18 قتيلاً نتيجة استمرار الغارات على البلدة", "airstrike"),  # the strikes' revised toll
        ("ارتفع إلى 25 عدد القتلى جراء القصف المدفعي على الحي", "shelling"),
        ("ليرتفع إلى 300 عدد القتلى خلال أيلول جراء المعارك والغارات", "toll_report"),  # a stretch of time: a running toll
        ("ارتفعت حصيلة القتلى إلى 40 بسبب وجود جرحى بحالات خطرة", "toll_report"),  # the cause is no happening
    ],
)
def test_a_toll_that_names_the_happening_it_counts_is_that_happening(clause: str, kind: str) -> None:
    assert load_type_rules().classify(clause, [figure(clause, clause.split()[3], 1, "killed")]) == kind


@pytest.mark.parametrize(
    "clause, categories, kind",
    [
        ("قتل 450 مدنياً منذ بدء الحملة العسكرية التي انتهت بالسيطرة على المدينة", ["killed"], "toll_report"),
        ("قتل 1200 عنصر من التنظيم في الغارات والمعارك منذ بدء الهجوم", ["killed"], "toll_report"),
        ("لقي نحو 900 مقاتل مصرعهم من بداية القتال في العملية الهجومية", ["killed"], "toll_report"),
        ("قتل 12 عنصراً في الغارات على البلدة", ["killed"], "airstrike"),  # no period: the strikes' toll
        ("نزح 5 آلاف شخص منذ بدء الهجوم على البلدة", ["displaced"], "exit"),
    ],
)
def test_a_casualty_count_over_a_period_is_a_running_toll(clause: str, categories: list[str], kind: str) -> None:
    figures = [figure(clause, clause.split()[1], 1, c) for c in categories]
    assert load_type_rules().classify(clause, figures) == kind


@pytest.mark.parametrize(
    "clause, kind",
    [
        ("تقدمت قوات النظام مدعومة بضربات جوية روسية نحو أطراف المدينة", "advance"),  # the support is not the happening
        ("أغارت طائرات حربية على مواقع التنظيم تحت غطاء جوي كثيف", "airstrike"),
    ],
)
def test_support_of_a_happening_does_not_type_it(clause: str, kind: str) -> None:
    assert load_type_rules().classify(clause, []) == kind


@pytest.mark.parametrize(
    "clause, told",
    [
        ("يسعى التنظيم من خلال هجماته إلى توسيع نطاق سيطرته", False),  # a purpose
        ("وتوقعت مصادر محلية اندلاع معارك عنيفة في الأيام المقبلة", False),  # an expectation
        ("ولم تنجح الوساطات في التوصل إلى هدنة بين الطرفين", False),  # a negation
        ("ما زالت عناصر التنظيم تسيطر على جيب صغير قرب النهر", False),  # an ongoing state
        ("حيث جاؤوا للقبض على قادة التنظيم المتبقين", False),  # a purpose
        ("وقال المتحدث إننا نتوقع معركة عنيفة في الأيام المقبلة", False),  # an expectation in the first person
        ("ما زلنا نسمع عن وجود مئات العناصر داخل البلدة", False),
        ("وقالت المصادر إن هناك نحو ألفي عنصر من التنظيم يتواجدون في البلدة ومحيطها", False),  # presence is a state
        ("وتكون القوات بذلك قد سيطرت على كامل الريف الشرقي", False),  # a consequence
        ("ويخوض الجيش منذ مطلع الصيف معارك ضد التنظيم في البادية", False),  # a war waged: an ongoing state
        ("وصلت القوات الخاصة للقبض على قادة التنظيم المتبقين", True),  # the arrival, for a purpose
        ("وأعلنت الحكومة نيتها استعادة المحافظة بأكملها", False),  # an intention
        ("وتوشك القوات على السيطرة على آخر أحياء المدينة", False),  # about to: an expectation
        ("قصفت المدفعية أطراف القرية ولم ترد أنباء عن إصابات", True),  # the negation follows the happening
        ("اندلعت اشتباكات عنيفة رغم إعلان وقف إطلاق النار", True),
    ],
)
def test_purposes_fears_negations_and_states_are_not_happenings(clause: str, told: bool) -> None:
    assert load_type_rules().tells_happening(clause) is told


def test_the_place_of_a_happening_is_not_every_place_its_clause_names() -> None:
    roles = load_place_roles()
    where = lambda text: roles.where(text, GAZETTEER)  # noqa: E731
    assert where("قصفت طائرات التحالف بلدة هجين في ريف الرقة") == ("hajin",)  # the province only locates it
    assert where("وصل مئات النازحين من أبناء الباغوز إلى مخيمات عين العرب") == ("kobani",)  # where they come from is not where
    assert where("اشتباكات عنيفة في محيط الرقة") == ("raqqa",)
    # a place noun between the words and the name changes nothing
    assert where("اشتباكات في هجين بين القوات ومسلحين ينحدرون من بلدة الباغوز") == ("hajin",)
    assert where("استهدفت الطائرات رتلاً قرب هجين أثناء تحركه باتجاه مدينة عين العرب") == ("hajin",)


def test_a_toll_is_not_where_the_campaign_it_counts_ended() -> None:
    roles = load_place_roles()
    text = "ارتفع إلى 400 عدد القتلى المدنيين منذ بدء الحملة التي انتهت بطرد التنظيم من بلدة الباغوز"
    assert roles.where(text, GAZETTEER, toll=True) == ()
    assert roles.where(text, GAZETTEER) == ("baghuz",)  # a happening told so is where it names
    # a place named before the relative clause is still where the dead fell
    assert roles.where("قتل 12 مدنياً في بلدة هجين التي تشهد معارك منذ أسابيع", GAZETTEER, toll=True) == ("hajin",)
    # what struck the dead, or the dead themselves, tell where they fell
    assert roles.where("ارتفع إلى 40 عدد القتلى في الغارات التي استهدفت بلدة هجين", GAZETTEER, toll=True) == ("hajin",)
    assert roles.where("ارتفع إلى 40 عدد المدنيين الذين قتلوا في بلدة هجين", GAZETTEER, toll=True) == ("hajin",)


def test_a_list_of_villages_is_an_area_not_where_one_thing_happened() -> None:
    villages = [place(f"v{n}", name, "village") for n, name in enumerate(["الحسرات", "الطيبة", "المجاودة", "الكشمة", "البوبدران"])]
    gazetteer = Gazetteer.of([*GAZETTEER.places, *villages], GAZETTEER.actors)
    text = "أعدم التنظيم 40 معتقلاً في مناطق سيطرته التي انحسرت إلى الحسرات والطيبة والمجاودة والكشمة والبوبدران شرق الفرات"
    assert load_place_roles().where(text, gazetteer) == ("east_euphrates",)


@pytest.mark.parametrize(
    "clause, parties",
    [
        ("استهدفت طائرات التحالف مواقع التنظيم قرب هجين", ("coalition", "isis")),
        ("قتل 7 عناصر من التنظيم في هجوم شنته قسد على أطراف الباغوز", ("sdf", "isis")),  # the dead are acted on
        ("شن التنظيم هجوماً على قسد في محيط هجين", ("isis", "sdf")),
    ],
)
def test_the_acting_party_comes_first(clause: str, parties: tuple[str, ...]) -> None:
    figures = [figure(clause, "7 عناصر", 7, "killed", party="isis")] if "7 عناصر" in clause else []
    assert load_place_roles().parties(clause, GAZETTEER, figures) == parties


@pytest.mark.parametrize(
    "clause, parties",
    [
        ("فر آلاف المدنيين من ريف القنيطرة قرب هضبة الجولان التي تحتلها إسرائيل", ("civilians",)),  # who holds a place
        ("خرج المئات من عناصر التنظيم من جنسيات مختلفة تونسية وشيشانية وروسية من الجيب", ("isis",)),  # a nationality
        ("قتل ضابط إيراني الجنسية في الحرس الثوري بغارة إسرائيلية قرب العاصمة", ("iran", "israel")),  # the party he served
        ("شنت الطائرات الروسية غارات على مواقع هيئة تحرير الشام", ("russia", "hts")),  # the adjective names the striker
    ],
)
def test_a_party_named_only_to_describe_a_place_or_a_nationality_is_no_party(clause: str, parties: tuple[str, ...]) -> None:
    gazetteer = load_gazetteer(Path(__file__).resolve().parents[1] / "content")  # the project's parties and their aliases
    assert load_place_roles().parties(clause, gazetteer, []) == parties


def test_a_sentence_that_goes_on_with_the_one_before_keeps_its_date() -> None:
    body = (
        "وذكرت وكالة الأنباء مساء أمس السبت أن القوات سيطرت على هجين.\n"
        "وأضافت الوكالة أن عشرات العناصر فروا من البلدة باتجاه الباغوز.\n"
        "وقصفت المدفعية أطراف الباغوز."
    )
    art = article("r5", body, date(2019, 2, 10))
    ex = extraction(art, [mention(body, "مساء أمس السبت", "2019-02-09")])
    events = clause_events(art, ex, GAZETTEER)
    assert [(e.type, e.date, e.date_basis) for e in events] == [
        ("advance", "2019-02-09", "mention"),
        ("exit", "2019-02-09", "bulletin"),  # وأضافت: the agency goes on
        ("shelling", "2019-02-10", "published"),  # a new sentence of the report's own
    ]


def test_a_happening_the_text_dates_to_a_year_keeps_the_year_not_the_reports_day() -> None:
    body = (
        "وقالت المصادر إن الألغام زرعها التنظيم أثناء انسحابه من البادية في نهاية العام 2017.\n"
        "وفر مئات السكان من البلدة مطلع عام 2019 على وقع المعارك."
    )
    art = article("r6", body, date(2020, 7, 30))
    ex = extraction(art, [mention(body, "في نهاية العام 2017", "2017", "year"), mention(body, "مطلع عام 2019", "2019", "year")])
    assert [(e.type, e.date, e.precision, e.date_basis) for e in clause_events(art, ex, GAZETTEER)] == [
        ("exit", "2017", "year", "mention"),
        ("exit", "2019", "year", "mention"),  # `فر`, the verb, is people leaving
    ]


def test_a_celebration_of_a_capture_is_an_event_of_its_own_kind_not_the_capture() -> None:
    body = "أقام الأهالي احتفالية كبيرة في الباغوز ابتهاجاً بسيطرة قسد على البلدة."
    art = article("r", body, date(2019, 3, 24))
    [event] = clause_events(art, extraction(art, [], []), GAZETTEER)
    assert (event.type, event.places) == ("other", ("baghuz",))


def test_a_persons_name_that_is_also_a_village_is_not_a_place() -> None:
    gazetteer = Gazetteer.of([*GAZETTEER.places, place("abu_al_hasan", "أبو الحسن", "village")], GAZETTEER.actors)
    text = "قتل في الغارة قيادي في التنظيم يدعى أبو الحسن العراقي في بلدة هجين"
    assert load_place_roles().where(text, gazetteer) == ("hajin",)


def test_the_sdf_commanders_name_is_not_the_city_it_comes_from() -> None:
    text = "وقال القائد العام لقسد مظلوم كوباني إن المعارك في بلدة الباغوز انتهت"
    assert load_place_roles().where(text, GAZETTEER) == ("baghuz",)


def test_the_party_that_launched_an_attack_acted_whoever_repelled_it() -> None:
    text = "صدت قسد هجوماً شنه تنظيم داعش على نقاطها قرب بلدة هجين"
    art = article("r", text, date(2019, 2, 3))
    [event] = clause_events(art, extraction(art, [], []), GAZETTEER)
    assert event.actors == ("isis", "sdf")


def test_a_count_in_a_condition_is_no_happening_but_a_toll_or_an_area_held_is_told_as_a_fact() -> None:
    condition = "في حال استمرار الحصار قد يتم إجلاء 12 قيادياً من التنظيم"
    purpose = "حيث يسعى الجيش لاعتقال من بقي منهم بعد استسلام المئات من عناصر التنظيم"
    toll = "فيما لا يزال عدد القتلى مرشحاً للارتفاع فإنه يرتفع إلى 248 قتيلاً"
    area = "ولا يزال التنظيم يسيطر على نحو 4 كلم مربع في الجيب"
    kept = []
    cases = ((condition, "12 قيادياً", 12, "other"), (purpose, "المئات", None, "exits"), (toll, "248 قتيلاً", 248, "killed"), (area, "نحو 4 كلم مربع", 4, "territory"))
    for text, count, value, category in cases:
        art = article("r", text, date(2019, 2, 10))
        kept.append(len(clause_events(art, extraction(art, [], [figure(text, count, value, category)]), GAZETTEER)))
    assert kept == [0, 0, 1, 1]


def test_a_count_of_something_else_does_not_make_a_description_a_happening() -> None:
    text = "حضر المراسم 300 شخص من عوائل المقاتلين الذين قضوا في المعارك ضد التنظيم"
    art = article("r", text, date(2019, 3, 24))
    assert clause_events(art, extraction(art, [], [figure(text, "300 شخص", 300, "other")]), GAZETTEER) == []


def test_the_party_of_arriving_troops_acted_though_named_after_من() -> None:
    text = "وصل نحو 500 جندي من القوات الخاصة الأمريكية إلى شرق الفرات للقبض على قادة في تنظيم داعش"
    art = article("r", text, date(2019, 1, 25))
    troops = figure(text, "نحو 500 جندي", 500, "troops", "approx", party="us_forces")
    [event] = clause_events(art, extraction(art, [], [troops]), GAZETTEER)
    assert event.actors[0] == "us_forces"


def _clauses(text: str) -> list[tuple[str, str]]:
    """The type and first word of each candidate event of one sentence of a report."""
    art = article("r", text, date(2019, 2, 10))
    return [(e.type, e.sources[0].text.split()[0]) for e in clause_events(art, extraction(art, [], []), GAZETTEER)]


def test_a_coordinated_strike_by_other_means_is_cut_from_its_clause() -> None:
    text = "الجيش يقصف بعشرات الصواريخ مواقع التنظيم في هجين والطائرات المسيرة تستهدف أطراف البلدة"
    assert _clauses(text) == [("shelling", "الجيش"), ("airstrike", "والطائرات")]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("قوات النظام تقصف بلدة هجين والطائرات تستهدف أطرافها", "airstrike"),  # the shelling names no means: one strike
        ("تواصل القوات القصف الجوي والمدفعي على بلدة هجين لليوم الثالث", "airstrike"),  # means named one after another
        ("دارت اشتباكات وقصف مدفعي متبادل بين الطرفين في محيط هجين", "clash"),  # fighting, named together
    ],
)
def test_a_strike_whose_means_go_together_stays_one_clause(text: str, kind: str) -> None:
    assert [k for k, _ in _clauses(text)] == [kind]


def test_means_keyed_by_something_other_than_a_type_is_an_error_naming_the_file(tmp_path: Path) -> None:
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    bad = tmp_path / "event_types.yaml"
    bad.write_text(text.replace("\n  airstrike: [طائرة", "\n  planes: [طائرة", 1), encoding="utf-8")
    with pytest.raises(ContentError, match="means") as raised:
        load_type_rules(bad)
    assert str(bad) in str(raised.value)


@pytest.mark.parametrize(("old", "new"), [("casualty_family: battle", "casualty_family: fighting"), ("means_families: [remote]", "means_families: [planes]")])
def test_a_family_that_is_none_is_an_error_naming_the_file(tmp_path: Path, old: str, new: str) -> None:
    """A misspelt family would leave its rule silently unused."""
    bad = tmp_path / "event_types.yaml"
    bad.write_text(DEFAULT_PATH.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match="casualty_family and means_families") as raised:
        load_type_rules(bad)
    assert str(bad) in str(raised.value)


def test_a_heading_of_the_dead_and_of_arrests_tells_two_happenings() -> None:
    art = article("r", "قتلى في صفوف الميليشيات بالبادية واعتقال خمسة شبان في الميادين", date(2019, 2, 10))
    [event] = clause_events(art, extraction(art, [], []), GAZETTEER)
    assert event.type == "arrest" and event.sources[0].text.startswith("واعتقال")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("قتلى وجرحى بقصف مدفعي واشتباكات على أطراف هجين", "shelling"),  # the dead of the fighting named with them
        ("مقتل ثلاثة عناصر من التنظيم بغارة للتحالف واعتقال اثنين آخرين", "airstrike"),  # a predicate came first: the head is the strike
    ],
)
def test_the_dead_named_with_the_violence_that_killed_them_stay_one_clause(text: str, kind: str) -> None:
    assert [k for k, _ in _clauses(text)][:1] == [kind]


def test_what_went_on_while_another_happening_did_is_a_clause_of_its_own() -> None:
    text = "ففي الوقت الذي تواصل فيه الطائرات الروسية غاراتها على ريف إدلب، دارت اشتباكات عنيفة بين الفصائل والتنظيم في أطراف هجين"
    assert _clauses(text) == [("airstrike", "ففي"), ("clash", "دارت")]


def test_news_told_as_coming_at_the_time_of_another_happening_leaves_it_a_clause_of_its_own() -> None:
    text = "وتأتي موجة الاعتقالات هذه في وقت تواصل فيه الطائرات الحربية غاراتها على قرى الريف الغربي"
    assert _clauses(text) == [("arrest", "وتأتي"), ("airstrike", "في")]


def test_a_family_told_apart_that_is_none_is_an_error_naming_the_file(tmp_path: Path) -> None:
    """A misspelt family in `told_apart` would leave a capture glued to the celebration told after it."""
    bad = tmp_path / "event_types.yaml"
    bad.write_text(DEFAULT_PATH.read_text(encoding="utf-8").replace("  told: [territory]", "  told: [captures]", 1), encoding="utf-8")
    with pytest.raises(ContentError, match="told_apart") as raised:
        load_type_rules(bad)
    assert str(bad) in str(raised.value)
