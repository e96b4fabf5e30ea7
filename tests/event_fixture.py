"""Hand-made records for the timeline tests: articles of our own sentences, their
date mentions and figures located by their text, and a small gazetteer.

The unit tests never depend on what the extractors currently return.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from waqai.extract.gazetteer import Gazetteer
from waqai.records import Actor, Article, DateMention, Extraction, Figure, Place
from waqai.timeline.assemble import build_timeline


def article(ident: str, body: str, published: date | None, outlet: str = "المرصد") -> Article:
    return Article(id=ident, path=Path(f"content/articles/{ident}.md"), body=body, body_line=9, outlet=outlet, published=published)


def at(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of `text` in `body`."""
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def mention(body: str, text: str, value: str | None, precision: str = "day", since: bool = False) -> DateMention:
    start, end = at(body, text)
    return DateMention(start, end, text, value, precision, "explicit", since=since)


def figure(body: str, text: str, value: float, category: str, qualifier: str = "exact", **kw) -> Figure:
    start, end = at(body, text)
    return Figure(start, end, text, value, category, qualifier, **kw)


def extraction(art: Article, dates=(), figures=()) -> Extraction:
    return Extraction(art.id, art.published, "front_matter" if art.published else None, None, tuple(dates), tuple(figures))


def place(ident: str, ar: str, kind: str = "town", variants: tuple[str, ...] = (), district: str = "Abu Kamal") -> Place:
    return Place(ident, ar, ident, kind, district, 34.5, 40.9, variants)


GAZETTEER = Gazetteer.of(
    [
        place("baghuz", "الباغوز"),
        place("baghuz_fawqani", "الباغوز فوقاني", "village"),
        place("hajin", "هجين"),
        place("raqqa", "الرقة", "province"),
        place("deir_ez_zor", "دير الزور", "province"),
        place("homs", "حمص", "province", district="Homs"),
        place("kobani", "عين العرب", "city", ("كوباني",)),
        place("east_euphrates", "شرق الفرات", "region", ("الضفاف الشرقية لنهر الفرات",)),
        place("badia", "البادية السورية", "region", ("البادية",)),
    ],
    [
        Actor("isis", "تنظيم الدولة الإسلامية", "IS", aliases=("داعش", "التنظيم")),
        Actor("sdf", "قوات سوريا الديمقراطية", "SDF", aliases=("قسد",)),
        Actor("us_forces", "القوات الأمريكية", "US forces", aliases=("القوات الخاصة الأمريكية",)),
        Actor("coalition", "التحالف الدولي", "Coalition", aliases=("التحالف",)),
    ],
)


A = "حصرت قسد التنظيم في أقل من 4 كلم مربع عند الضفاف الشرقية لنهر الفرات."
B = "بات التنظيم في نحو 4 كم مربع شرق الفرات، ولم يبق له سوى جيب بمساحة نحو 4000 كلم مربع في البادية السورية."
C = (
    "تقلصت مساحة التنظيم إلى أقل من 3 كلم مربع شرق الفرات.\n"
    "ليرتفع إلى 1279 عدد قتلى التنظيم منذ الـ 10 من أيلول، بينما ارتفع إلى 401 بينهم 144 طفلاً عدد المدنيين."
)
D = "ليرتفع إلى 1200 عدد قتلى التنظيم منذ الـ 10 من أيلول، ويسيطر التنظيم على نحو 5 كلم مربع شرق الفرات."


def series_timeline():
    """Four reports on the last IS pocket: territory by pocket, tolls with a breakdown, a toll going down."""
    isis = {"unit": "km2", "party": "isis"}
    cumulative = {"since": "2018-09-10"}
    reports = [
        (article("a", A, date(2019, 1, 31)), [figure(A, "أقل من 4 كلم مربع", 4, "territory", "less_than", **isis)]),
        (
            article("b", B, date(2019, 2, 4)),
            [figure(B, "نحو 4 كم مربع", 4, "territory", "approx", **isis), figure(B, "نحو 4000 كلم مربع", 4000, "territory", "approx", **isis)],
        ),
        (
            article("c", C, date(2019, 2, 10)),
            [
                figure(C, "أقل من 3 كلم مربع", 3, "territory", "less_than", **isis),
                figure(C, "1279", 1279, "killed", party="isis", as_of="2019-02-09", **cumulative),
                figure(C, "401", 401, "killed", party="civilians", as_of="2019-02-09", parts=(3,), **cumulative),
                figure(C, "144 طفلاً", 144, "killed", party="children"),
            ],
        ),
        (
            article("d", D, date(2019, 2, 12)),
            [figure(D, "1200", 1200, "killed", party="isis", **cumulative), figure(D, "نحو 5 كلم مربع", 5, "territory", "approx", **isis)],
        ),
    ]
    return build_timeline([r[0] for r in reports], [extraction(r[0], figures=r[1]) for r in reports], GAZETTEER)
