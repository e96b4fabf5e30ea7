"""Figures: the numbers a report gives, with what they count and how exactly.

A number becomes a figure when what it counts is known: from its noun ("250
شاحنة" are trucks, "3 كلم مربع" territory) or from the verb or toll word around
it ("مقتل 10 عناصر", "30 عنصراً قتلوا", "ارتفع إلى 194 عدد ... ممن قتلوا").
A number whose category stays unknown is dropped: a share counter, a year or a
page number taken for a toll would be worse than a missed figure.

How the category is chosen, first rule that answers:
1. the noun decides alone (trucks, strikes, villages, km2, "قتيلاً", ...);
2. the nearest trigger within 6 words before or 8 after, in the same clause;
3. a toll's relative clause after it ("... ممن قتلوا", "... الذين قضوا");
   right after a toll verb ("ليرفع إلى N") rule 3 comes before rule 2;
4. the total it is a part of ("401 بينهم 144 طفلاً"), or the count of people
   it is coordinated with ("730 مقاتلاً ... و1600 مقاتل");
5. the governing predicate: the nearest trigger in the sentence, across clauses,
   within 25 words before (no other count between) or 15 after ("قتل خلال
   المعارك التي دارت ... 25 عنصراً": fighters killed are killed);
6. the noun's default (a soldier with no verb counts troops);
7. people counted with none of these are "other" ("ثلاثة ملايين شخص").
A bare number with an "عدد ..." phrase before it takes that phrase's predicate or
noun before any other rule ("بلغ عدد الخارجين من الجيب 51750").
A number written in words with no noun needs a trigger before it (rule 2), so
"تمكن اثنان آخران من الفرار" stays out; a bare number or a vague count with no
category is dropped.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from ...records import DateMention, Figure
from ..normalize import Normalized, normalize
from ..spans import Reach
from .candidate import Candidate, descendant_tokens
from .context import Context, sentence_ends
from .lexicon import Lexicon, Noun, load_lexicon
from .numbers import Number, find_numbers
from .parties import assign_parties

NEAR_LEFT, NEAR_RIGHT, RELATIVE_REACH = 6, 8, 40  # in words
GOVERN_LEFT, GOVERN_RIGHT = 25, 15  # words to a predicate across clauses: a long sentence's verb comes first
COUNT_REACH = 15  # words from "عدد" to the bare number it names
COORDINATION_REACH = 7  # words between two figures joined by "و" or "بالإضافة إلى"
NOUN_BEFORE = 30  # characters looked back for the noun of a count that follows it
OBJECT_OF = 3  # words from a verb to the count it governs: verb, subject, qualifier
PARENT_REACH = 40  # tokens between a total and the marker of its parts
MAX_NESTING = 4  # parts of parts of ...: real breakdowns go 2 deep; a bound keeps hostile chains linear
CUE_REACH = 4  # words around a bare km, a percent or a fraction that tell an area
PEOPLE_CATEGORIES = {"killed", "wounded", "executed", "arrested", "kidnapped", "exits", "displaced"}
SINCE_REACH = 400  # characters between a cumulative toll and its "منذ ..."

_MORE_DAYS = re.compile(r"(?:\s*و\s*(?:ال)?\s*\d+){1,31}")  # bounded: "12 و12 و12 ..." must not rescan to the end
_BRACKETED = re.compile(r"\s*\)")
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
MEASURED_UNITS = {"km2", "km", "hectare", "percent"}  # units with fractions; others count whole things
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]*")  # diacritics left out of a span's end


def bounds(value: float | None, qualifier: str, vague_low: float | None) -> tuple[float | None, float | None]:
    """UCDP-style low/high: exact -> both the value; an estimate ("نحو") has none,
    since the report gives no margin and inventing one would mislead."""
    if qualifier == "exact":
        return value, value
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most"):
        return None, value
    if qualifier == "vague":
        return vague_low, None
    return None, None


def _lone_on_line(text: str, number: Number) -> bool:
    """A number alone on its line is a page's share counter ("34"), never a figure.

    Looks only at the blanks around the number: finding the line's ends would
    scan a whole one-line report for each of its numbers.
    """
    before, after = number.start, number.end
    while before and text[before - 1] != "\n" and text[before - 1].isspace():
        before -= 1
    while after < len(text) and text[after] != "\n" and text[after].isspace():
        after += 1
    return (before == 0 or text[before - 1] == "\n") and (after == len(text) or text[after] == "\n")


def _not_a_count(text: str, number: Number, qstart: int, lex: Lexicon) -> bool:
    """A date, a clock time, a duration, an age, a year, a page or unit number."""
    if _lone_on_line(text, number) or lex.time_units.regex.match(text, number.end):
        return True
    more = _MORE_DAYS.match(text, number.end)
    if lex.months.regex.match(text, more.end() if more else number.end):
        return True
    window = max(0, qstart - 30)
    if lex.time_before.search(text, window, qstart) or lex.unit_before.search(text, window, qstart):
        return True
    if text[max(0, number.start - 3) : number.start].rstrip().endswith("ال"):
        return True  # a definite number with no noun is a day or a rank: "الـ 30 من الشهر", "الذكرى الـ 7"
    value = number.value if number.value is not None else 0.0
    return number.kind == "digits" and float(value).is_integer() and 1900 <= value <= 2100


def _near_cue(ctx: Context, cues: set[int], first: int, last: int, left: int, right: int) -> bool:
    if not cues:  # most reports name no area or distance at all
        return False
    return (
        any(t in cues for t in range(first, last + 1))
        or ctx.first_in(cues, ctx.span(first, last, -1, left, stop_at_barriers=False)) is not None
        or ctx.first_in(cues, ctx.span(first, last, 1, right, stop_at_barriers=False)) is not None
    )


def _qualifier_and_noun(ctx: Context, number: Number, floor: int) -> tuple[str, int, int, Noun | None]:
    """Qualifier, figure start, figure end and counted noun around a number (`floor`: where
    the figure before it ends; a noun before the number is looked for after it)."""
    text, lex = ctx.text, ctx.lex
    if number.kind == "after_noun":
        return _noun_before(ctx, number, floor)
    qualifier, start, end = "exact", number.start, number.end
    bracketed = _BRACKETED.match(text, end) if number.kind == "digits" else None
    opening = text.rfind("(", max(0, start - 3), start)
    if bracketed and opening >= 0 and not text[opening + 1 : start].strip():
        start, end = opening, bracketed.end()  # "(1800) كم مربع": the noun after the bracket
    before = lex.before.regex.search(text, max(0, start - 40), start)
    if before:
        qualifier, start, _ = lex.before.core(before)  # the span leaves out "و" and "ل" before it
    noun = number.noun
    for _ in range(2):  # qualifier and noun in either order: "11 على الأقل من", "19 شخصاً على الأقل"
        after = lex.after.regex.match(text, end)
        if after and not after.group("of"):
            qualifier, end = lex.after.label(after), after.end()
        if noun is None:
            found = lex.nouns.regex.match(text, end)
            counted = lex.nouns.label(found) if found else None
            if counted is not None and (number.kind == "words" or not counted.partitive):
                noun, end = counted, found.end()  # type: ignore[union-attr]
    count_of = lex.count_of.match(text, end) if noun is None else None
    if count_of:  # "ليرتفع إلى 12 عدد الغارات": the noun, but not in the span
        found = lex.nouns.regex.match(text, count_of.end())
        noun = lex.nouns.label(found) if found and not found.group("of") else None
    if noun is None and start == number.start and number.start in ctx.after_noun:
        _, start, _, noun = _noun_before(ctx, number, floor)  # "مدنيين اثنين" (and "اثنين" alone stays a number)
    if number.kind == "vague":
        qualifier = "vague"
    elif qualifier == "exact" and lex.hedges.search(text, max(0, start - 25), start):
        qualifier = "approx"  # "تقدر مساحته بنصف كيلومتر مربع"
    return qualifier, start, end, noun


def _noun_before(ctx: Context, number: Number, floor: int) -> tuple[str, int, int, Noun | None]:
    """A count after its noun ("مدني واحد", "الجنود الأربعة"): the figure runs from the noun."""
    found = ctx.lex.nouns_before.regex.search(ctx.text, max(floor, number.start - NOUN_BEFORE), number.start)
    if found is None:
        return "exact", number.start, number.end, None
    noun, start, _ = ctx.lex.nouns_before.core(found)
    if ctx.text.startswith("ال", start - 2):
        start -= 2  # the article is part of the figure: "الجنود الأربعة"
    return "exact", start, number.end, noun


def read_candidate(ctx: Context, number: Number, floor: int = 0) -> Candidate | None:
    """The number with its qualifier, noun and unit; None when it is not a count
    (`floor`: where the figure before it ends)."""
    text, lex = ctx.text, ctx.lex
    qualifier, start, end, noun = _qualifier_and_noun(ctx, number, floor)
    if noun is None and number.kind in ("digits", "words") and _not_a_count(text, number, start, lex):
        return None
    if noun is None and number.kind == "after_noun":
        return None  # "الأيام الثلاثة", "في آن واحد"
    if number.kind == "dual" and lex.place_before.search(text, max(0, start - 30), start):
        return None  # "مدينة القريتين": a name
    first, last = ctx.token_at(start), ctx.token_at(end - 1)
    value, unit = number.value, noun.unit if noun else "person"
    if value and value % 1 and unit not in MEASURED_UNITS and _DOTTED_THOUSANDS.fullmatch(text, number.start, number.end):
        value = float(text[number.start : number.end].replace(".", ""))  # "12.500 شخص": no half persons
    # "95% من مساحة", "نصف مساحة", "نصف مدينة" (the town is then what it is a share of, not its noun)
    share_of = lex.area_after.regex.match(text, number.end if number.kind == "fraction" else end)
    is_share = bool(share_of) or _near_cue(ctx, ctx.area, first, last, CUE_REACH, 0)
    if number.kind == "fraction" and (noun is None or noun.unit not in ("km2", "km", "hectare")):
        if not share_of and (noun is not None or not is_share):
            return None  # "نصفهم", "نصف المدنيين": not an area; "نصف مدينة" is
        value, unit, noun = round((value or 0) * 100, 1), "percent", None
    if unit == "percent":
        if not is_share:
            return None  # a vote share, a price rise
        end = share_of.end() if share_of else end
    candidate = Candidate(number, start, end, first, ctx.token_at(end - 1), qualifier, noun, unit, value)
    if unit == "percent":
        candidate.category = "territory"
    elif noun is not None and noun.area:  # a bare "كلم": an area held or a distance
        if _near_cue(ctx, ctx.distance, first, last, 3, 0):
            candidate.category = "other"
        elif _near_cue(ctx, ctx.area, first, last, CUE_REACH, CUE_REACH):
            candidate.category, candidate.unit = "territory", "km2"
        else:
            candidate.category = "other"
    elif noun is not None and noun.category:
        candidate.category = noun.category
    return candidate


# --- breakdowns and coordination -----------------------------------------------


def _root(cands: list[Candidate], i: int) -> int:
    while cands[i].parent is not None:
        i = cands[i].parent  # type: ignore[assignment]
    return i


def _joined_to_previous(ctx: Context, between: str, cur: Candidate) -> bool:
    """"و" or a joining phrase ("بالإضافة إلى", "فضلاً عن") right before the figure."""
    if between.rstrip().endswith("و"):
        return True
    before = cur.first - 1
    while before >= 0 and not ctx.is_word[before]:
        before -= 1
    return before in ctx.joiners


def link(ctx: Context, cands: list[Candidate]) -> None:
    """Set parents ("401 بينهم 144 طفلاً و86 مواطنة") and coordination by "و" or a
    joining phrase ("مقتل 29 عنصراً ... بالإضافة إلى تسعة مستشارين")."""
    depth = [0] * len(cands)
    for i in range(1, len(cands)):
        prev, cur = cands[i - 1], cands[i]
        if ctx.token_sentence(prev.last) != ctx.token_sentence(cur.first):
            continue
        between = ctx.text[prev.end : cur.start]
        words = ctx.tokens_between(prev.last, cur.first)
        marker = next((t for t in range(cur.first - 1, max(prev.last, cur.first - 3), -1) if t in ctx.breakdown), None)
        if marker is not None and len(words) <= PARENT_REACH:
            gap = ctx.tokens_between(prev.last, marker)
            close = len([w for w in gap if w[0].isalnum()]) <= 2 and not any(w in "،," for w in gap)
            cur.parent = i - 1 if close and depth[i - 1] < MAX_NESTING else _root(cands, i - 1)
        elif _joined_to_previous(ctx, between, cur) and len([w for w in words if w[0].isalnum()]) <= COORDINATION_REACH:
            if not any(t in ctx.barriers for t in range(prev.last + 1, cur.first)):
                cur.coordinated = i - 1
                cur.parent = prev.parent
        if cur.parent is not None:
            depth[i] = depth[cur.parent] + 1
    for i, cand in enumerate(cands):
        if cand.parent is not None:
            cands[cand.parent].parts.append(i)


# --- categories -------------------------------------------------------------------


def _after_toll_verb(ctx: Context, cand: Candidate) -> bool:
    """"ارتفع إلى N", "ليرفع إلى N", "وترفع لـ N": the toll verb right before the number."""
    return ctx.first_in(ctx.toll_verbs, ctx.span(cand.first, cand.last, -1, 2)) is not None


def _near_trigger(ctx: Context, cand: Candidate, counts: set[int], parts: set[int], sides: tuple[int, ...] = (-1, 1)) -> str | None:
    """The nearest trigger within NEAR_LEFT words before or NEAR_RIGHT after; a tie goes
    left unless the right one only ever follows its number ("فر 15 ألفاً من منازلهم").
    A verb whose object the count is (context.yaml's object_verbs), right before it or
    with its subject between, wins over a clause after it: "احتجزت قسد 75 عنصراً سلموا
    أنفسهم" were arrested. A verb after the count with another count (`counts`: their
    tokens, its own `parts` aside) as its object is that count's: "وصل 500 جندي إلى
    القاعدة، وقتل 3 مدنيين"."""
    first, last = cand.first, cand.last
    left = right = None
    if -1 in sides:
        left = ctx.first_in(ctx.left_triggers, ctx.span(first, last, -1, NEAR_LEFT))
    if cand.noun is None and cand.number.kind == "words":
        return ctx.left_triggers[left] if left is not None else None
    if 1 in sides:
        right = ctx.first_in(ctx.right_triggers, ctx.span(first, last, 1, NEAR_RIGHT))
    if right is not None and _governs_another(ctx, right, counts, parts):
        right = None
    if right is None:
        return ctx.left_triggers[left] if left is not None else None
    if left is not None:
        to_left, to_right = ctx.words_to(first, last, left), ctx.words_to(first, last, right)
        governs = left in ctx.objects and to_left <= OBJECT_OF
        if to_left < to_right or (right not in ctx.right_only and (governs or to_left == to_right)):
            return ctx.left_triggers[left]
    return ctx.right_triggers[right]


def _relative_trigger(ctx: Context, cand: Candidate, own_tokens: set[int], others: set[int]) -> str | None:
    """The verb of a toll's relative clause: "ارتفع إلى 1279 عدد مقاتلي ... ممن قتلوا"."""
    recent = -10
    for t in ctx.span(cand.first, cand.last, 1, RELATIVE_REACH):
        if t in others and t not in own_tokens:
            return None
        if t in ctx.relatives:
            recent = t
        elif t in ctx.right_triggers and t - recent <= 3:
            return ctx.right_triggers[t]
    return None


def _governs_another(ctx: Context, trigger: int, counts: set[int], parts: set[int]) -> bool:
    """Whether the trigger is a verb with a count (not one of `parts`) right after it as its
    object ("وقتل 3 مدنيين"; context.yaml's object_verbs: "سلموا أنفسهم" takes none)."""
    return trigger in ctx.objects and any(t in counts and t not in parts for t in ctx.span(trigger, trigger, 1, OBJECT_OF))


def _governing_trigger(ctx: Context, cand: Candidate, counts: set[int], parts: set[int]) -> str | None:
    """The nearest predicate in the sentence, across clauses: "قتل خلال المعارك التي دارت
    ... 25 عنصراً". A verb before governs the first count after it, not one past it
    ("قتل 3 مدنيين في قصف على بلدة يتحصن فيها 200 عنصر"); a verb after may tell of
    several counts before it ("23 شخصاً ضمن 6 عائلات، جميعها ... خرجت"), unless a count
    follows it as its object ("وصل 500 جندي إلى القاعدة، وقتل 3 مدنيين")."""
    hits = []
    for step, reach, triggers in ((-1, GOVERN_LEFT, ctx.left_triggers), (1, GOVERN_RIGHT, ctx.right_triggers)):
        for t, d in ctx.walk(cand.first, cand.last, step, reach, False):
            if step < 0 and t in counts and t not in parts:
                break
            if t in triggers:
                if step > 0 and _governs_another(ctx, t, counts, parts):
                    break
                hits.append((d, -step, triggers[t]))  # a tie goes left
                break
    return min(hits)[2] if hits else None


def _count_phrase(ctx: Context, cand: Candidate, others: set[int]) -> tuple[str | None, Noun | None] | None:
    """What a bare number counts when an "عدد ..." phrase before it names it: the
    predicate between "عدد" and the number, and the noun after "عدد" ("ارتفع عدد القتلى
    إلى 820", "بلغ عدد الخارجين من الجيب 51750", "بلغ عدد المعتقلين 300")."""
    if not ctx.counts:
        return None
    for t, _ in ctx.walk(cand.first, cand.last, -1, COUNT_REACH, False):
        if t in others:
            return None
        if t in ctx.counts:
            between = range(t + 1, cand.first)
            trigger = next((u for u in between if u in ctx.left_triggers or u in ctx.right_triggers), None)
            category = None if trigger is None else ctx.left_triggers.get(trigger) or ctx.right_triggers[trigger]
            found = ctx.lex.nouns.regex.match(ctx.text, ctx.starts[t] + len(ctx.words[t]))
            noun = ctx.lex.nouns.label(found) if found and not found.group("of") else None
            return category, noun
    return None


def categorize(ctx: Context, cands: list[Candidate]) -> None:
    """Give each candidate its category by the rules in this module's docstring."""
    number_tokens = {t for c in cands for t in range(c.first, c.last + 1)}
    own: list[str | None] = []
    for i, cand in enumerate(cands):
        if cand.category:
            own.append(cand.category)
            continue
        counted = _count_phrase(ctx, cand, number_tokens) if cand.noun is None else None
        if counted is not None:  # a bare number: the "عدد" phrase names it
            category, cand.noun = counted
            if category is None and cand.noun is not None:
                category = cand.noun.category or cand.noun.default
            if category:
                own.append(category)
                continue
        parts = descendant_tokens(cands, i)
        relative = _relative_trigger(ctx, cand, parts, number_tokens)
        if _after_toll_verb(ctx, cand):
            own.append(relative or _near_trigger(ctx, cand, number_tokens, parts, (1,)) or _near_trigger(ctx, cand, number_tokens, parts))
        else:
            own.append(_near_trigger(ctx, cand, number_tokens, parts) or relative)
    # what blocks a predicate: the counts, not a bare number nothing names ("طالت ثلاثة أحياء")
    count_tokens = {t for c, o in zip(cands, own) if c.noun is not None or o for t in range(c.first, c.last + 1)}
    final: dict[int, str | None] = {}

    def decide(i: int) -> str | None:
        if i in final:
            return final[i]
        final[i] = None  # guards against a cycle
        cand = cands[i]
        category = own[i]
        if category is None and cand.parent is not None:
            category = decide(cand.parent)
        if category is None and cand.coordinated is not None and _counts_people(cand) and _counts_people(cands[cand.coordinated]):
            category = decide(cand.coordinated)
        if category is None and cand.noun is not None:
            category = _governing_trigger(ctx, cand, count_tokens, descendant_tokens(cands, i)) or cand.noun.default
            if category is None and _counts_people(cand) and cand.number.kind != "vague":
                category = "other"
        final[i] = category
        return category

    for i, cand in enumerate(cands):
        cand.category = decide(i)


def _counts_people(cand: Candidate) -> bool:
    return cand.unit in ("person", "family")


# --- periods ------------------------------------------------------------


def _since(span: tuple[int, int], ends: list[int], periods: dict[int, list[DateMention]]) -> str | None:
    """ISO start of the nearest "منذ ..." mention in the figure's sentence (`periods`: those
    mentions by sentence, so a long report costs one look per figure, not one per mention)."""
    best: tuple[int, str] | None = None
    for m in periods.get(bisect_left(ends, span[0]), ()):
        distance = m.start - span[1] if m.start >= span[1] else span[0] - m.end
        if 0 <= distance <= SINCE_REACH and (best is None or distance < best[0]):
            best = (distance, m.value.split("/")[0])
    return best[1] if best else None


# --- the whole pass ---------------------------------------------------------------------


def find_figures(text: str, dates: Sequence[DateMention], reported_on: date | None) -> tuple[Figure, ...]:
    """Every figure of `text`, in order; offsets into the original text.

    `dates` are the temporal mentions of the same text: numbers inside them are
    not figures, and a "منذ ..." mention near a toll gives its `since`.
    `reported_on` is the date the text reports for (a cumulative toll's `as_of`).
    """
    lex = load_lexicon()
    norm = normalize(text)
    ctx = Context.of(norm.text, lex, norm.tokens)
    date_spans = Reach((d.start, d.end) for d in dates)
    cands: list[Candidate] = []
    for number in find_numbers(norm.text, lex, ctx.tokens, ctx.hits):
        start, end = norm.span(number.start, number.end)
        if date_spans.contains(start, end):
            continue
        cand = read_candidate(ctx, number, cands[-1].end if cands else 0)
        if cand is not None:
            cands.append(cand)
    link(ctx, cands)
    categorize(ctx, cands)
    assign_parties(ctx, cands)
    return _figures(text, norm, cands, dates, reported_on)


def _figures(
    text: str, norm: Normalized, cands: list[Candidate], dates: Sequence[DateMention], reported_on: date | None
) -> tuple[Figure, ...]:
    """The Figure records, with original offsets, parts as indices and periods."""
    keep = [i for i, c in enumerate(cands) if c.category]
    index = {i: n for n, i in enumerate(keep)}
    ends = sentence_ends(text)
    periods: dict[int, list[DateMention]] = {}
    for m in dates:
        if m.since and m.value:
            periods.setdefault(bisect_left(ends, m.start), []).append(m)
    since: dict[int, str | None] = {}
    out = []
    for i in keep:
        c = cands[i]
        start, end = norm.span(c.start, c.end)
        end = _MARKS.match(text, end).end()
        period = None
        if c.category in PEOPLE_CATEGORIES:
            period = _since((start, end), ends, periods)
            if period is None and c.parent is not None:
                period = since.get(c.parent)
        since[i] = period
        low, high = bounds(c.value, c.qualifier, c.number.low)
        out.append(
            Figure(
                start=start,
                end=end,
                text=text[start:end],
                value=c.value,
                category=c.category or "other",
                qualifier=c.qualifier,
                unit=c.unit,
                party=c.party,
                low=low,
                high=high,
                since=period,
                as_of=reported_on.isoformat() if period and reported_on else None,
                parts=tuple(index[p] for p in c.parts if p in index),
            )
        )
    return tuple(out)
