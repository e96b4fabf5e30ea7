"""Whose figure it is: the party each figure counts, holds or carried out.

The nearest party name is often the wrong one: "حصره من قبل قسد في أقل من 4 كلم"
is an area the Islamic State holds, "مقتل 10 مدنيين بقصف التحالف" dead who are
not the coalition's. Each party named in the text gets a role from the words
around its name (roles.yaml: agent, attacker, holder, victim, reporter,
opponent; "X وY" share theirs), and each category of figure a policy: the roles
it prefers, those it never takes, how far it looks on each side.
"""
from __future__ import annotations

from typing import NamedTuple

from .candidate import Candidate, descendant_tokens
from .context import Context
from .lexicon import PartyPolicy

CIVILIAN_PARTIES = {"civilians", "children", "women"}
_LINKS = {"من", "ل"}  # may stand between a role cue and the name: "بدعم من التحالف"


class Mention(NamedTuple):
    """A party named in the text: its tokens, its id and the role the words around give it
    (a tuple: cheaper to make than a frozen dataclass)."""

    first: int
    last: int
    party: str
    role: str | None


def _word_near(ctx: Context, token: int, step: int) -> int | None:
    """The first word token from `token` on, in direction `step`, punctuation skipped."""
    while 0 <= token < len(ctx.starts):
        if ctx.is_word[token]:
            return token
        token += step
    return None


def _role_before(ctx: Context, first: int) -> str | None:
    cue = _word_near(ctx, first - 1, -1)
    if cue is None:
        return None
    if ctx.words[cue] in _LINKS:
        earlier = _word_near(ctx, cue - 1, -1)
        if earlier is not None and earlier in ctx.role_before:
            return ctx.role_before[earlier]
    return ctx.role_before.get(cue)


def _role_after(ctx: Context, last: int) -> str | None:
    cue = _word_near(ctx, last + 1, 1)
    return ctx.role_after.get(cue) if cue is not None else None


def _joined(ctx: Context, last: int, first: int) -> bool:
    """Two names joined by "و" with nothing else between: "قسد والتحالف"."""
    words = ctx.word_prefix[first] - ctx.word_prefix[last + 1]
    if words == 1:
        return ctx.words[_word_near(ctx, last + 1, 1)] == "و"  # type: ignore[index]
    return words == 0 and ctx.text.startswith("و", ctx.starts[first])


def find_mentions(ctx: Context) -> dict[int, Mention]:
    """Every party named in the text, by its first token, with its role."""
    groups: list[list[int]] = []
    for first in sorted(ctx.parties):
        if groups and _joined(ctx, ctx.parties[groups[-1][-1]][0], first):
            groups[-1].append(first)
        else:
            groups.append([first])
    out = {}
    for group in groups:
        lead_role = _role_before(ctx, group[0])
        tail_role = _role_after(ctx, ctx.parties[group[-1]][0])
        for first in group:
            last, party = ctx.parties[first]
            role = _role_before(ctx, first) or lead_role or _role_after(ctx, last) or tail_role
            out[first] = Mention(first, last, party, role)
    return out


# --- choosing a figure's party ------------------------------------------------------


def _around(ctx: Context, cands: list[Candidate], i: int, mentions: dict[int, Mention], numbers: set[int], reach: tuple[int, int]):
    """(distance, side, mention) of the names within `reach` (left, right) words of figure i.
    Going right stops at another figure or a breakdown ("بينهم"); a total's parts are
    stepped over, and after them only a name after a count word is the total's own
    ("401 بينهم 144 طفلاً ... عدد المدنيين")."""
    cand = cands[i]
    skip = descendant_tokens(cands, i)
    found = []
    past_parts = False
    for t, d in ctx.walk(cand.first, cand.last, 1, reach[1] + len(skip), stop_at_barriers=False):
        if t in skip or (skip and t in ctx.breakdown):
            past_parts = True
            continue
        if t in numbers or t in ctx.breakdown:
            break
        if past_parts and t in ctx.counts:
            past_parts = False
        if t in mentions and not past_parts:
            distance = d - sum(1 for s in skip if cand.last < s < t and ctx.is_word[s])
            if distance <= reach[1]:
                found.append((distance, 1, mentions[t]))
    # a name that is another figure's counted noun is that figure's ("630 مدنياً و930 مقاتلاً")
    left = ctx.walk(cand.first, cand.last, -1, reach[0], stop_at_barriers=False)
    found += [(d, -1, mentions[t]) for t, d in left if t in mentions and t not in numbers]
    return found


def _choose(found: list, policy: PartyPolicy) -> str | None:
    allowed = [(d, side, m) for d, side, m in found if m.role not in policy.exclude]
    preferred = [h for h in allowed if h[2].role in policy.prefer and (h[1] > 0 or h[0] <= policy.prefer_left)]
    if preferred:
        return min(preferred, key=lambda h: (h[0], -h[1]))[2].party  # a tie goes right: "12 عنصراً من التنظيم"
    near = [h for h in allowed if h[0] <= (policy.left if h[1] < 0 else policy.right)]
    if policy.side == "left" and any(h[1] < 0 for h in near):
        near = [h for h in near if h[1] < 0]
    return min(near, key=lambda h: (h[0], -h[1]))[2].party if near else None


def assign_parties(ctx: Context, cands: list[Candidate]) -> None:
    """The noun's party ("طفلاً"), else a name inside the figure ("78 من الجنسية
    العراقية"), else the name its category's policy chooses around it, else the
    party of the figure it is joined to by "و", of its total, or (for some
    categories) of the figure of its kind before it in the sentence. A total whose
    parts all agree takes their party ("248 بينهم 87 طفلاً و60 مواطنة": civilians)."""
    mentions = find_mentions(ctx)
    numbers = {t for c in cands for t in range(c.first, c.last + 1)}
    for i, cand in enumerate(cands):
        if cand.noun is not None and cand.noun.party:
            cand.party = cand.noun.party
            continue
        if cand.unit == "km" and cand.category == "other":
            continue  # a distance belongs to no party
        num_last = ctx.token_at(cand.number.end - 1)
        inside = [t for t in range(num_last + 1, cand.last + 1) if t in mentions]
        if cand.noun is not None and cand.unit == "person" and cand.last + 1 in mentions:
            inside.append(cand.last + 1)  # a name right after the noun is its own: "تسعة مستشارين روس", "7 جنود النظام"
        if inside:
            cand.party = mentions[inside[0]].party
            continue
        policy = ctx.lex.policy(cand.category)
        reach = (max(policy.left, policy.prefer_left), policy.right)
        cand.party = _choose(_around(ctx, cands, i, mentions, numbers, reach), policy)
        if cand.party is None and cand.coordinated is not None:  # "شن 338 غارة ... و98 صاروخاً"
            joined = cands[cand.coordinated]
            # a party its noun gives is the noun's, not shared: "630 مدنياً و930 مقاتلاً"
            cand.party = None if joined.noun is not None and joined.noun.party else joined.party
        elif cand.party is None and cand.parent is not None:
            cand.party = cands[cand.parent].party
        elif cand.party is None and policy.inherit:
            cand.party = _previous_of_kind(ctx, cands, i)
        elif cand.party is None and policy.topic:
            cand.party = _sentence_topic(ctx, mentions, cand.first, policy)
    for cand in cands:
        if cand.parts and not (cand.noun and cand.noun.party):
            parties = {cands[p].party for p in cand.parts}
            if parties <= CIVILIAN_PARTIES and None not in parties:
                cand.party = "civilians"
            elif cand.party is None and len(parties) == 1 and len(cand.parts) > 1:
                cand.party = parties.pop()


def _previous_of_kind(ctx: Context, cands: list[Candidate], i: int) -> str | None:
    """The party of the last figure of the same category earlier in the sentence."""
    sentence = ctx.token_sentence(cands[i].first)
    for j in range(i - 1, -1, -1):
        if ctx.token_sentence(cands[j].first) != sentence:
            return None
        if cands[j].category == cands[i].category and cands[j].party:
            return cands[j].party
    return None


def _sentence_topic(ctx: Context, mentions: dict[int, Mention], token: int, policy: PartyPolicy) -> str | None:
    """The first party the sentence names before `token` in a role the policy allows: its
    subject, which a pronoun carries on ("التنظيم يواصل ... بعد حصره ... في أقل من 4 كلم")."""
    sentence = ctx.token_sentence(token)
    for first in sorted(mentions):
        if first >= token:
            return None
        if ctx.token_sentence(first) == sentence and mentions[first].role not in policy.exclude:
            return mentions[first].party
    return None
