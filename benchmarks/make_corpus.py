"""Write N generated reports for scale runs: `make_corpus.py N OUT [--seed S]`.

OUT becomes a content folder (articles/*.md plus the gazetteer and actor files
of content/), ready for `waqai build --content OUT`. The reports are built from
our own sentence templates with varied dates, places, figures, qualifiers and
outlets, so the extractor and the timeline meet the shapes of real reports
rather than one text copied N times. Report i depends only on (seed, i): a
corpus of N+1 reports is the corpus of N plus one new file, which is how the
benchmark adds "one report".
"""
from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

from corpus_pieces import (
    ATTACKERS,
    ENEMY,
    OUTLETS,
    PEOPLE,
    ROOT,
    VICTIMS,
    WEAPONS,
    WOUNDED,
    Phrases,
    place_names,
    report_file,
    start_corpus,
)

FIRST_DAY, LAST_DAY = date(2017, 9, 1), date(2019, 3, 31)
CAMPAIGNS = (date(2017, 9, 9), date(2018, 9, 10), date(2019, 1, 1))  # cumulative tolls count from these


class Report(Phrases):
    """One generated report; every choice comes from its own seeded random source."""

    def __init__(self, seed: int, index: int, places: list[str]):
        rng = random.Random(f"{seed}:{index}")
        super().__init__(rng, FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days)))
        self.index = index
        self.places = places
        self.outlet = self.rng.choice(OUTLETS)

    # ---------------------------------------------------------------- pieces
    def place(self) -> str:
        return self.rng.choice(self.places)

    def when(self) -> str:
        """A date phrase relative to the publication date, as reports write them."""
        return self.day_phrase(self.published - timedelta(days=self.rng.choice([0, 0, 1, 1, 2, 3, 5])))

    def campaign(self) -> date:
        """The start of the campaign a cumulative count runs from: the latest before publication."""
        return max((d for d in CAMPAIGNS if d < self.published), default=FIRST_DAY)

    def since(self) -> str:
        return self.since_phrase(self.campaign())

    def running(self, per_day: float) -> int:
        """A cumulative count that grows with the campaign's days, as tolls do (with some noise)."""
        days = (self.published - self.campaign()).days
        return max(1, round(per_day * days * self.rng.uniform(0.9, 1.1)))

    # ------------------------------------------------------------- sentences
    def clash(self) -> str:
        side = self.rng.choice(ATTACKERS)
        return (f"دارت اشتباكات عنيفة {self.when()} بين {side} من جهة، و{ENEMY} من جهة أخرى، على محاور في محيط {self.place()}، "
                f"ما أدى لمقتل {self.count(self.rng.choice(VICTIMS))}، وسط استهدافات متبادلة بين الطرفين")

    def shelling(self) -> str:
        side = self.rng.choice(ATTACKERS)
        return (f"قصفت {side} {self.rng.choice(WEAPONS)} مناطق في {self.place()} بريف دير الزور الشرقي {self.when()}، "
                f"الأمر الذي تسبب بسقوط {self.count(WOUNDED, 3, 30)} وأضرار مادية في ممتلكات مواطنين")

    def toll(self) -> str:
        return (f"ليرتفع إلى {self.running(4)} عدد مقاتلي {ENEMY} الذين قتلوا في القصف والاشتباكات {self.since()}، "
                f"في حين وثق المرصد السوري مقتل {self.running(1.5)} من عناصر قوات سوريا الديمقراطية خلال الفترة ذاتها")

    def exits(self) -> str:
        return (f"خرج {self.count(PEOPLE, 50, 900)} من جيب التنظيم خلال الـ 24 ساعة الفائتة، بينهم عائلات من جنسيات مختلفة، "
                f"وجرى نقلهم إلى مخيم الهول في ريف الحسكة، ليرتفع إلى {self.running(60)} عدد الخارجين {self.since()}")

    def territory(self) -> str:
        area = self.rng.choice(["3", "4", "نحو 8", "أقل من 12", "قرابة 20"])
        return f"وتمكنت القوات المهاجمة {self.when()} من تقليص سيطرة التنظيم إلى {area} كلم مربع قرب {self.place()}"

    def arrests(self) -> str:
        return f"اعتقلت {self.rng.choice(ATTACKERS)} {self.count(PEOPLE, 3, 40)} في {self.place()} {self.when()} بتهمة التعامل مع التنظيم"

    def background(self) -> str:
        return self.rng.choice([
            f"وأكدت مصادر موثوقة أن التحضيرات العسكرية مستمرة في محيط {self.place()}، بالتزامن مع تحليق لطائرات الاستطلاع في أجواء المنطقة",
            f"فيما لا تزال المخاوف قائمة على حياة المدنيين العالقين في {self.place()} والمناطق القريبة منها",
            "ولم ترد معلومات عن الخسائر البشرية حتى اللحظة، بينما يسود هدوء حذر على محاور القتال",
        ])

    # ---------------------------------------------------------------- report
    def body(self) -> str:
        kinds = [self.clash, self.shelling, self.toll, self.exits, self.territory, self.arrests]
        paragraphs = []
        for _ in range(self.rng.randint(2, 4)):
            sentences = [self.rng.choice(kinds)() for _ in range(self.rng.randint(1, 3))]
            if self.rng.random() < 0.5:
                sentences.append(self.background())
            paragraphs.append("، ".join(sentences) + ".")
        opening = f"محافظة دير الزور – {self.outlet}:: "
        return opening + "\n\n".join(paragraphs) + "\n"

    def text(self) -> str:
        title = f"{self.rng.choice(['اشتباكات وقصف', 'تصعيد عسكري', 'خسائر بشرية', 'حركة نزوح'])} في {self.place()} بريف دير الزور"
        published = self.published if self.rng.random() > 0.03 else None  # a few undated reports
        return report_file(f"gen-{self.index:05d}", title, self.outlet, published, self.body())


def write_report(out: Path, seed: int, index: int, places: list[str]) -> Path:
    path = out / "articles" / f"{index:05d}.md"
    path.write_text(Report(seed, index, places).text(), encoding="utf-8")
    return path


def make_corpus(count: int, out: Path, seed: int = 7, content: Path = ROOT / "content") -> None:
    """Replace OUT's articles with `count` generated reports and copy the editorial files."""
    start_corpus(out, content)
    places = place_names(content)
    for index in range(count):
        write_report(out, seed, index, places)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many reports")
    parser.add_argument("out", type=Path, help="content folder to write (its articles/ is replaced)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    make_corpus(args.count, args.out, args.seed)


if __name__ == "__main__":
    main()
