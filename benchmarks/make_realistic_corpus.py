"""Write N seed-length reports that tell the same happenings: `make_realistic_corpus.py --reports N OUT [--seed S]`.

Real corpora are not N short stories: reports are 2-8 KB like the default ones,
several outlets tell one happening over several days, later reports quote the
earlier bulletins, and the running tolls "since the start of the campaign" are
revised upward every day. This generator writes such a corpus from our own
sentence shapes (headline and counter line, quoted bulletins, Levantine and
Gregorian month names, weekdays, أمس/اليوم, cumulative tolls منذ..., areas
"أقل من N كلم مربع", qualifiers نحو/أكثر من) over about 300 places: those of
content/places.yaml and generated village names, added to OUT/places.yaml.

Report i leads with happening i // REPORTS_PER_HAPPENING and quotes a few of
the happenings before it; every choice comes from random sources seeded by
(seed, i) and (seed, happening), so a corpus of N+1 reports is the corpus of
N plus one new file.
"""
from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml
from corpus_pieces import (
    ATTACKERS,
    ENEMY,
    OUTLETS,
    PEOPLE,
    ROOT,
    VICTIMS,
    WEAPONS,
    WOUNDED,
    Noun,
    Phrases,
    place_names,
    report_file,
    start_corpus,
)

FIRST_DAY = date(2017, 9, 1)
HAPPENINGS_PER_DAY = 2
REPORTS_PER_HAPPENING = 8  # reports leading with one happening; more quote it later
LATER = [0, 0, 1, 1, 2, 3]  # days between a happening and a report leading with it
QUOTED_BACK = 6  # a report quotes happenings among the 6 before its own
CAMPAIGN_DAYS = 150  # cumulative tolls count from the start of a campaign, a new one every 150 days
UNDATED = 0.04  # share of reports without a publication date
BODY_BYTES = (2000, 8000)  # a body's length in UTF-8 bytes, as the default reports
PLACES_WANTED = 300

# Generated village names (prefix + name), added to the corpus's gazetteer when content/ has too few places.
PLACE_PREFIXES = ["تل", "عين", "خربة", "مزرعة", "بئر", "حاوي", "ضهرة", "كرم"]
PLACE_ROOTS = ["الصفا", "الحمرا", "الغزلان", "الزيتون", "الرمان", "النخيل", "البيضاء", "القطا", "الورد", "الرحبة",
               "الشعلة", "الملح", "السدرة", "الجوز", "الشيح", "العرعر", "الطرفة", "الصبحة", "الريان", "العقاب",
               "الخزام", "السنديان", "النسور", "الحصى", "المزار", "الغدير", "الطاحونة", "الرصيف", "الكتاب", "الضاحي",
               "المنارة", "السلام"]
KINDS = ["clash", "shelling", "airstrike", "exits", "arrests", "territory"]
TITLES = {
    "clash": "اشتباكات عنيفة بين {side} والتنظيم في محيط {place}",
    "shelling": "قصف مكثف يطال {place} ويوقع جرحى في صفوف المدنيين",
    "airstrike": "ضربات جوية للتحالف على مواقع التنظيم في {place}",
    "exits": "خروج دفعة جديدة من العائلات من جيب التنظيم قرب {place}",
    "arrests": "حملة اعتقالات تنفذها {side} في {place}",
    "territory": "القوات المهاجمة تضيق الخناق على التنظيم في {place}",
}
BULLETINS = ["ونشر المرصد السوري لحقوق الإنسان {day} أنه", "وكان المرصد السوري قد نشر {day} أنه",
             "وأفادت مصادر محلية {day} بأنه", "ونشرت شبكات إخبارية محلية {day} أنه"]
OPENINGS = {"المرصد السوري لحقوق الإنسان": "محافظة دير الزور – المرصد السوري لحقوق الإنسان:: رصد المرصد السوري أنه ",
            "الوطن": "أفاد مصدر ميداني لـ«الوطن» أنه ",
            "عنب بلدي": "قالت مصادر محلية لعنب بلدي إنه ",
            "فرات بوست": "علمت فرات بوست من مصادرها أنه ",
            "الشرق الأوسط": "أفادت مصادر متطابقة لـ«الشرق الأوسط» بأنه "}
BACKGROUND = [
    "وأكدت مصادر موثوقة أن التحضيرات العسكرية مستمرة في محيط {place}، بالتزامن مع تحليق لطائرات الاستطلاع في أجواء المنطقة",
    "فيما لا تزال المخاوف قائمة على حياة المدنيين العالقين في {place} والمناطق القريبة منها",
    "ولم ترد معلومات عن الخسائر البشرية حتى اللحظة، بينما يسود هدوء حذر على محاور القتال",
    "ويتخذ التنظيم من المدنيين دروعاً بشرية، مع تصاعد المخاوف من استهدافات جديدة للمنطقة",
    "وتشهد الطرق المؤدية إلى {place} حركة نزوح للأهالي نحو المناطق الأكثر أمناً",
]


def generated_places(existing: set[str]) -> list[str]:
    """Village names made of a prefix and a name, in a fixed order, none already in the gazetteer."""
    return [f"{p} {r}" for r in PLACE_ROOTS for p in PLACE_PREFIXES if f"{p} {r}" not in existing]


def write_places(content: Path, out: Path) -> list[str]:
    """Add generated villages to OUT/places.yaml until it has PLACES_WANTED matchable names; return them all."""
    names = place_names(content)
    extra = generated_places(set(names))[: max(0, PLACES_WANTED - len(names))]
    entries = {f"generated_{k:03d}": {"ar": name, "latin": f"Generated village {k}", "kind": "village",
                                      "district": "Deir ez-Zor", "lat": round(34.5 + k % 20 * 0.05, 2),
                                      "lon": round(40.2 + k // 20 * 0.05, 2)}
               for k, name in enumerate(extra)}
    text = (content / "places.yaml").read_text(encoding="utf-8")
    addition = "\n# --- Generated villages (make_realistic_corpus.py)\n" + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)
    (out / "places.yaml").write_text(text + addition if entries else text, encoding="utf-8")
    return names + extra


@dataclass(frozen=True)
class Happening:
    """One thing that happened, the same whichever report tells it."""

    day: date
    kind: str
    place: str
    side: str
    victims: Noun
    first_toll: int  # the toll first reported
    growth: int  # how much each day after adds to it, as later reports revise it

    @classmethod
    def number(cls, seed: int, index: int, places: list[str]) -> Happening:
        rng = random.Random(f"{seed}:happening:{index}")
        return cls(FIRST_DAY + timedelta(days=index // HAPPENINGS_PER_DAY), rng.choice(KINDS), rng.choice(places),
                   rng.choice(ATTACKERS), rng.choice(VICTIMS), rng.randint(2, 40), rng.randint(0, 4))

    def toll(self, told: date) -> int:
        return self.first_toll + self.growth * max(0, (told - self.day).days)


class Report(Phrases):
    """One generated report: a lead happening told in detail, earlier ones quoted, running tolls."""

    def __init__(self, seed: int, index: int, places: list[str]):
        rng = random.Random(f"{seed}:{index}")
        self.seed, self.index, self.places = seed, index, places
        self.lead_number = index // REPORTS_PER_HAPPENING
        self.lead = Happening.number(seed, self.lead_number, places)
        super().__init__(rng, self.lead.day + timedelta(days=rng.choice(LATER)))
        self.outlet = rng.choice(OUTLETS)

    # ---------------------------------------------------------------- pieces
    def place(self) -> str:
        return self.rng.choice(self.places)

    def campaign(self) -> date:
        """The start of the campaign this report's cumulative tolls count from."""
        return FIRST_DAY + timedelta(days=(self.published - FIRST_DAY).days // CAMPAIGN_DAYS * CAMPAIGN_DAYS)

    def running(self, per_day: float) -> int:
        """A cumulative toll: it grows with the campaign's days (outlets differ by a little)."""
        days = (self.published - self.campaign()).days + 1
        return max(1, round(per_day * days * self.rng.uniform(0.97, 1.03)))

    # ------------------------------------------------------------- sentences
    def tell(self, h: Happening, phrases: Phrases) -> str:
        """The happening as told on `phrases.published`, its toll as known that day."""
        when, toll = phrases.day_phrase(h.day), h.toll(phrases.published)
        side = h.side
        if h.kind == "clash":
            return (f"دارت اشتباكات عنيفة {when} بين {side} من جهة، و{ENEMY} من جهة أخرى، على محاور في محيط {h.place}، "
                    f"ما أدى لمقتل {phrases.count_of(toll, h.victims)}، وسط استهدافات متبادلة بين الطرفين")
        if h.kind == "shelling":
            return (f"قصفت {side} {WEAPONS[toll % len(WEAPONS)]} مناطق في {h.place} بريف دير الزور الشرقي {when}، "
                    f"الأمر الذي تسبب بسقوط {phrases.count_of(toll, WOUNDED)} وأضرار مادية في ممتلكات مواطنين")
        if h.kind == "airstrike":
            return (f"نفذت طائرات التحالف الدولي {when} ضربات جوية على مواقع للتنظيم في {h.place}، "
                    f"ما أسفر عن مقتل {phrases.count_of(toll, VICTIMS[0])}، ولا يزال عدد القتلى مرشحاً للارتفاع")
        if h.kind == "exits":
            return (f"خرج {phrases.count_of(toll * 20, PEOPLE)} من جيب التنظيم قرب {h.place} {when}، بينهم عائلات من جنسيات مختلفة، "
                    f"وجرى نقلهم إلى مخيم الهول في ريف الحسكة")
        if h.kind == "arrests":
            return f"اعتقلت {side} {phrases.count_of(toll, PEOPLE)} في {h.place} {when} بتهمة التعامل مع التنظيم"
        area = max(1, 40 - (h.day - FIRST_DAY).days % CAMPAIGN_DAYS // 4)
        return (f"تمكنت القوات المهاجمة {when} من تقليص سيطرة التنظيم في محيط {h.place} إلى "
                f"{self.rng.choice(['', 'نحو ', 'أقل من ', 'أكثر من '])}{area} كلم مربع")

    def quoted(self) -> str:
        """An earlier happening as an earlier bulletin told it, on its day or the day after."""
        number = self.lead_number - self.rng.randint(1, QUOTED_BACK)
        h = Happening.number(self.seed, max(0, number), self.places)
        bulletin_day = min(self.published, h.day + timedelta(days=self.rng.choice([0, 1])))
        lead_in = self.rng.choice(BULLETINS).format(day=self.day_phrase(bulletin_day))
        return f"{lead_in} {self.tell(h, Phrases(self.rng, bulletin_day))}"

    def tolls(self) -> str:
        since = self.since_phrase(self.campaign())
        return self.rng.choice([
            (f"ليرتفع إلى {self.running(4)} عدد مقاتلي {ENEMY} الذين قتلوا في القصف والاشتباكات {since}، "
             f"في حين وثق المرصد السوري مقتل {self.running(1.5)} من عناصر قوات سوريا الديمقراطية خلال الفترة ذاتها"),
            f"ليرتفع إلى {self.running(60)} عدد الأشخاص الذين خرجوا من جيب التنظيم {since}",
            f"وبذلك يرتفع إلى {self.rng.choice(['', 'نحو ', 'أكثر من '])}{self.running(0.8)} عدد المدنيين الذين قتلوا في ضربات التحالف {since}",
        ])

    def background(self) -> str:
        return self.rng.choice(BACKGROUND).format(place=self.place())

    def paragraph(self) -> str:
        pieces = [self.quoted, self.quoted, self.tolls, self.background]
        sentences = [self.rng.choice(pieces)() for _ in range(self.rng.randint(1, 3))]
        return "، ".join(sentences) + "."

    # ---------------------------------------------------------------- report
    def body(self, title: str) -> str:
        target = self.rng.randint(*BODY_BYTES)
        first = f"{OPENINGS[self.outlet]}{self.tell(self.lead, self)}، {self.background()}، {self.tolls()}."
        parts = [title, str(self.rng.randint(10, 60)), first] if self.rng.random() < 0.5 else [title, first]
        while len("\n\n".join(parts).encode("utf-8")) < target:
            parts.append(self.paragraph())
        return "\n\n".join(parts) + "\n"

    def text(self) -> str:
        title = TITLES[self.lead.kind].format(side=self.lead.side, place=self.lead.place)
        published = self.published if self.rng.random() > UNDATED else None
        return report_file(f"real-{self.index:05d}", title, self.outlet, published, self.body(title))


def write_report(out: Path, seed: int, index: int, places: list[str]) -> Path:
    path = out / "articles" / f"{index:05d}.md"
    path.write_text(Report(seed, index, places).text(), encoding="utf-8")
    return path


def make_realistic_corpus(count: int, out: Path, seed: int = 7, content: Path = ROOT / "content") -> list[str]:
    """Replace OUT's articles with `count` reports, write its gazetteer; return the places the reports use."""
    start_corpus(out, content)
    places = write_places(content, out)
    for index in range(count):
        write_report(out, seed, index, places)
    return places


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, required=True, help="how many reports")
    parser.add_argument("out", type=Path, help="content folder to write (its articles/ and places.yaml are replaced)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    make_realistic_corpus(args.reports, args.out, args.seed)


if __name__ == "__main__":
    main()
