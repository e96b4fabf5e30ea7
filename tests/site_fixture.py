"""A small hand-made site: two reports in our own Arabic sentences, a timeline built by hand.

Golden files are rendered from this, not from the seeds, so they change only
when the templates or the renderer change, never when extraction improves.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from waqai.extract.sentences import split_sentences
from waqai.records import (
    Actor,
    Article,
    Event,
    Extraction,
    Figure,
    Place,
    Source,
    Timeline,
    Warning,
)

OUTLET = "مرصد تجريبي"

# Sentence 2 holds Markdown and HTML specials and Arabic-Indic digits on purpose.
BODY_A = (
    "قصفت الطائرات مواقع في بلدة الباغوز يوم السبت الـ 9 من شباط / فبراير 2019. "
    "وقُتل 12 عنصراً على الأقل في الاشتباكات.\n"
    "\n"
    "وفي الـ ٣ من شباط، خرج نحو 500 مدني من الجيب <عبر> الممر *الآمن* [بحسب] مصادر_محلية & شهود.\n"
    "وذكرت المصادر أن المساحة المتبقية أقل من 4 كلم مربع خلال الشهر.\n"
)
BODY_B = "هاجم مسلحون نقطة عسكرية قرب الميادين.\n"


def articles() -> tuple[Article, ...]:
    return (
        Article("fx-001", Path("content/articles/fx-001.md"), BODY_A, 10, "تقرير تجريبي أول عن الباغوز", OUTLET, None, date(2019, 2, 10), "test"),
        Article("fx-002", Path("content/articles/fx-002.md"), BODY_B, 9, "تقرير تجريبي بلا تاريخ", OUTLET),
    )


def extractions() -> tuple[Extraction, ...]:
    warning = Warning("weekday-year-mismatch", "السبت لا يوافق التاريخ المذكور", 0, 10)
    return (
        Extraction("fx-001", date(2019, 2, 10), "front_matter", None, warnings=(warning,)),
        Extraction("fx-002", None, None, None),
    )


def _source(article: Article, index: int, published: date | None) -> Source:
    s = split_sentences(article.body)[index]
    return Source(article.id, article.outlet, published, s.start, s.end, s.index, s.text)


def timeline() -> Timeline:
    a, b = articles()
    published = date(2019, 2, 10)
    killed = Figure(0, 5, "12 عنصراً على الأقل", 12, "killed", "at_least", party="is", low=12)
    killed_b = Figure(0, 5, "10 عناصر", 10, "killed", "exact", party="is", low=10, high=10)
    exits = Figure(0, 5, "نحو 500 مدني", 500, "exits", "approx")
    events = (
        Event("2019-02-03-fx-001-150", "2019-02-03", date(2019, 2, 3), "day", "exit", "خرج نحو 500 مدني من الجيب <عبر> الممر *الآمن*", (_source(a, 2, published),), figures=(("fx-001", exits),)),
        Event("2019-02-09-fx-001-0", "2019-02-09", date(2019, 2, 9), "day", "shelling", "قصفت الطائرات مواقع في بلدة الباغوز", (_source(a, 0, published),), places=("baghuz",), actors=("coalition", "unknown-actor")),
        Event("2019-02-09-fx-001-80", "2019-02-09/2019-02-10", date(2019, 2, 9), "range", "clash", "قُتل 12 عنصراً على الأقل في الاشتباكات", (_source(a, 1, published), _source(b, 0, None)), figures=(("fx-001", killed), ("fx-002", killed_b))),
        Event("2019-02-fx-001-300", "2019-02", date(2019, 2, 1), "month", "other", "المساحة المتبقية أقل من 4 كلم مربع", (_source(a, 3, published),), date_basis="published"),
        Event("2019-03-01-fx-001-0", "2019-03-01T23:30", date(2019, 3, 1), "minute", "toll_report", "حدث في آذار", (_source(a, 0, published),)),
    )
    places = (Place("baghuz", "الباغوز", "al-Baghuz", "town", "al-Bukamal", 34.45, 40.95),)
    actors = (Actor("coalition", "التحالف الدولي", "International coalition"), Actor("is", "تنظيم الدولة الإسلامية", "Islamic State"))
    return Timeline(tuple(sorted(events, key=lambda e: (e.day, e.id))), ("fx-002",), places, actors)
