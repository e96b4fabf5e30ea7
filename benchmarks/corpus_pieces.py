"""What both corpus generators share: our own Arabic words, date phrases, counts, the content folder.

`make_corpus.py` writes short reports each telling its own story;
`make_realistic_corpus.py` writes seed-length reports that tell the same
happenings many times. Both draw every choice from one seeded random source
per report, so report i depends only on (seed, i).
"""
from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EDITORIAL = ("places.yaml", "actors.yaml", "acknowledged.yaml")  # copied beside the articles

LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
GREGORIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]  # date.weekday() order
OUTLETS = ["المرصد السوري لحقوق الإنسان", "الوطن", "عنب بلدي", "فرات بوست", "الشرق الأوسط"]
ATTACKERS = ["قوات سوريا الديمقراطية", "قوات النظام", "التحالف الدولي", "الميليشيات الموالية لإيران"]
ENEMY = "تنظيم “الدولة الإسلامية”"
SMALL_WORDS = {2: "اثنان", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
QUALIFIERS = ["", "نحو ", "أكثر من ", "ما لا يقل عن ", "قرابة "]
# (plural after 3-10, singular accusative after 11 and more, what follows the noun)
Noun = tuple[str, str, str]
VICTIMS: list[Noun] = [("عناصر", "عنصراً", " من التنظيم"), ("مقاتلين", "مقاتلاً", " من قسد"), ("مدنيين", "مدنياً", " بينهم أطفال"), ("عناصر", "عنصراً", " من قوات النظام")]
WOUNDED: Noun = ("جرحى", "جريحاً", "")
PEOPLE: Noun = ("أشخاص", "شخصاً", "")
WEAPONS = ["بالقذائف المدفعية", "بالقذائف الصاروخية", "بالطائرات المسيرة", "بالرشاشات الثقيلة"]


class Phrases:
    """A report's seeded random source and the phrases it writes relative to its publication day."""

    def __init__(self, rng: random.Random, published: date):
        self.rng = rng
        self.published = published

    def count_of(self, n: int, noun: Noun, qualifier: str | None = None) -> str:
        """`n` and its counted noun in the form that number takes (a small number sometimes in words)."""
        plural, singular, rest = noun
        if n in SMALL_WORDS and self.rng.random() < 0.3:
            return f"{SMALL_WORDS[n]} {plural}{rest}"
        qualifier = self.rng.choice(QUALIFIERS) if qualifier is None else qualifier
        return f"{qualifier}{n} {plural if n <= 10 else singular}{rest}"

    def count(self, noun: Noun, low: int = 3, high: int = 60) -> str:
        return self.count_of(self.rng.randint(low, high), noun)

    def month_name(self, month: int) -> str:
        if self.rng.random() < 0.5:
            return f"{LEVANT[month - 1]} / {GREGORIAN[month - 1]}"
        return self.rng.choice((LEVANT, GREGORIAN))[month - 1]

    def day_phrase(self, day: date) -> str:
        """`day` as a report published on `self.published` writes it (today, yesterday, a weekday, a full date)."""
        days_back = (self.published - day).days
        weekday = WEEKDAYS[day.weekday()]
        if days_back == 0:
            return self.rng.choice([f"اليوم {weekday}", "صباح اليوم", f"اليوم الـ {day.day} من {self.month_name(day.month)} الجاري"])
        if days_back == 1:
            return self.rng.choice([f"أمس {weekday}", "خلال الليلة الفائتة", f"يوم أمس الـ {day.day} من الشهر الجاري"])
        if day.month == self.published.month and day.year == self.published.year:
            return f"يوم {weekday} الـ {day.day} من {self.month_name(day.month)} الجاري"
        return f"في الـ {day.day} من {self.month_name(day.month)} من العام {day.year}"

    def since_phrase(self, start: date) -> str:
        """The start of a cumulative count: `منذ الـ 10 من أيلول / سبتمبر من العام 2018`."""
        return f"منذ الـ {start.day} من {self.month_name(start.month)} من العام {start.year}"


def place_names(content: Path) -> list[str]:
    """Arabic names of the matchable places of a gazetteer (common words left out)."""
    places = yaml.safe_load((content / "places.yaml").read_text(encoding="utf-8"))
    return [p["ar"] for p in places.values() if not p.get("common_word")]


def start_corpus(out: Path, content: Path = ROOT / "content") -> None:
    """Empty OUT/articles and copy the editorial files of `content` beside it."""
    shutil.rmtree(out / "articles", ignore_errors=True)
    (out / "articles").mkdir(parents=True)
    for name in EDITORIAL:
        if (content / name).is_file():
            shutil.copyfile(content / name, out / name)


def report_file(ident: str, title: str, outlet: str, published: date | None, body: str) -> str:
    """A report's Markdown file: front matter (published null when undated), then its body."""
    front = {"id": ident, "title": title, "outlet": outlet, "url": None, "language": "ar"}
    meta = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return f"---\n{meta}published: {published.isoformat() if published else 'null'}\n---\n{body}"
