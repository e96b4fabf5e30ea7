#!/usr/bin/env python3
"""Figures: how often party, qualifier, unit and `since` agree with the gold, on the hits.

The shared scorer counts a figure as found when it overlaps a gold figure with
the same value and category, and checks the qualifier; it never looks at the
party, the unit or a cumulative toll's period, which the site's charts filter
and group on. This script runs our extraction in-process on a gold file and
reports, over the same hits, the agreement of each attribute.

    .venv/bin/python benchmarks/figure_attributes.py ../shared/eval/gold/seeds.json [--show]

Gold figures have no `since` field: a cumulative toll's note says
"cumulative since 2018-09-10" (an ISO date: compared) or "since Wednesday"
(no date: we only check that a period was found).
"""
from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path

from waqai.extract.article import extract_text

ATTRIBUTES = ("party", "qualifier", "unit", "since")
_SINCE_NOTE = re.compile(r"\bsince\b(?:\s+(?P<iso>\d{4}-\d{2}-\d{2}))?")


def overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def load(gold_path: Path, texts: Path | None) -> list[tuple[dict, str]]:
    """Each gold article with its text (from the gold, else the seeds folder)."""
    seeds = texts or gold_path.resolve().parents[2] / "seeds"
    docs = json.loads(gold_path.read_text(encoding="utf-8"))
    return [(doc, doc.get("text") or (seeds / doc["file"]).read_text(encoding="utf-8")) for doc in docs]


def hits(doc: dict, body: str) -> list[tuple[dict, dict]]:
    """(gold, ours) for each gold figure we find as the scorer counts a hit; optional
    gold figures count too (the scorer neither requires nor penalizes them, but
    their attributes are annotated all the same)."""
    published = date.fromisoformat(doc["published"]) if doc.get("published") else None
    figures = [f.to_json() for f in extract_text(doc["id"], body, published).figures]
    out = []
    for g in doc["figures"]:
        same = [
            f
            for f in figures
            if f.get("value") is not None
            and overlap(f, g)
            and float(f["value"]) == float(g["value"])
            and f.get("category") == g["category"]
        ]
        if same:
            out.append((g, same[0]))
    return out


def expected(gold: dict, attribute: str) -> tuple[bool, object] | None:
    """(whether to compare, the gold value); None when the gold says nothing."""
    if attribute != "since":
        return True, gold.get(attribute)
    found = _SINCE_NOTE.search(gold.get("note") or "")
    if not found:
        return None
    return bool(found.group("iso")), found.group("iso")


def agrees(gold: dict, ours: dict, attribute: str) -> bool | None:
    wanted = expected(gold, attribute)
    if wanted is None:
        return None
    compare, value = wanted
    if attribute == "since":
        return ours.get("since") == value if compare else ours.get("since") is not None
    return ours.get(attribute) == value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--texts", type=Path, help="folder of seed texts (default: beside the gold's eval folder)")
    ap.add_argument("--show", action="store_true", help="list each disagreement")
    args = ap.parse_args()
    counts = {a: [0, 0] for a in ATTRIBUTES}
    misses = []
    total = required = 0
    for doc, body in load(args.gold, args.texts):
        for gold, ours in hits(doc, body):
            total += 1
            required += gold["required"]
            for attribute in ATTRIBUTES:
                ok = agrees(gold, ours, attribute)
                if ok is None:
                    continue
                counts[attribute][1] += 1
                counts[attribute][0] += ok
                if not ok:
                    want = expected(gold, attribute)
                    misses.append(
                        f"{doc['id']} {attribute:9} {gold['text']!r} ({gold['category']}): "
                        f"ours {ours.get(attribute)!r}, gold {want[1] if want and want[0] else 'a period'!r}"
                    )
    if args.show:
        print("\n".join(misses))
    print(f"{args.gold.name}: {total} figures match the gold ({required} required; same value and category, overlapping)")
    for attribute, (ok, n) in counts.items():
        share = f"{ok / n:.3f}" if n else "n/a"
        print(f"  {attribute:9} agree {ok}/{n}  {share}")


if __name__ == "__main__":
    main()
