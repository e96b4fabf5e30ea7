#!/usr/bin/env python3
"""Dates: waqai's temporal engine against dateparser (and HeidelTime if present), same reports, one run.

Prints each system's dates F1 on the seed + dev gold, computed by the shared
scorer's own `score_dates`, and its throughput on one core, so the ratio is
measured rather than quoted. Throughput is CPU time of one process (one core),
so other jobs on a shared machine do not distort the ratio.

    .venv/bin/python benchmarks/bench_dates.py [--eval ../shared/eval] [--repeat 20]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import time
from datetime import date, datetime
from pathlib import Path

from waqai.extract.temporal import analyze

ROOT = Path(__file__).resolve().parents[1]


def load_scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_docs(eval_dir: Path) -> list[dict]:
    docs = []
    for name in ("seeds.json", "dev.json"):
        for doc in json.loads((eval_dir / "gold" / name).read_text(encoding="utf-8")):
            text = doc.get("text") or (eval_dir.parent / "seeds" / doc["file"]).read_text(encoding="utf-8")
            published = date.fromisoformat(doc["published"]) if doc["published"] else None
            docs.append({**doc, "body": text, "ref": published})
    return docs


def ours(doc: dict) -> list[dict]:
    return [m.to_json() for m in analyze(doc["body"], doc["ref"]).mentions]


def dateparser_system():
    from dateparser.search import search_dates

    def run(doc: dict) -> list[dict]:
        settings = {"PREFER_DATES_FROM": "past"}
        if doc["ref"]:
            settings["RELATIVE_BASE"] = datetime.combine(doc["ref"], datetime.min.time())
        found = search_dates(doc["body"], languages=["ar"], settings=settings) or []
        out, pos = [], 0
        for text, when in found:
            start = doc["body"].find(text, pos)
            if start < 0:
                start = doc["body"].find(text)
            if start < 0:
                continue
            pos = start + len(text)
            out.append({"start": start, "end": start + len(text), "value": when.date().isoformat()})
        return out

    return run


def heideltime_system():
    """HeidelTime 2.2.1 (Arabic, news mode), one JVM per report (heideltime_peer.py), or
    None with the reason printed when java or the jar is missing."""
    import heideltime_peer

    reason = heideltime_peer.unavailable_reason()
    if reason:
        print(f"heideltime   skipped ({reason})")
        return None
    return lambda doc: heideltime_peer.run_one(doc["body"], doc["ref"])


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (HeidelTime runs in a JVM):
    the machine may be shared, so wall time would measure the neighbours."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def evaluate(name: str, run, docs: list[dict], scorer, repeat: int) -> tuple[float, float]:
    """Print F1 and throughput; return (F1, reports per second)."""
    totals = [0, 0, 0, 0]
    t0 = cpu_seconds()
    results = [run(doc) for doc in docs]  # the scored pass (timed when repeat is 0; else a warm-up)
    first = cpu_seconds() - t0
    for doc, dates in zip(docs, results):
        for i, v in enumerate(scorer.score_dates(doc, {"dates": dates}, [])):
            totals[i] += v
    t0 = cpu_seconds()
    for _ in range(repeat):
        for doc in docs:
            run(doc)
    seconds = cpu_seconds() - t0 if repeat else first
    rate = max(repeat, 1) * len(docs) / seconds
    recall = scorer.ratio(totals[0], totals[1])
    precision = scorer.ratio(totals[2], totals[2] + totals[3])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{name:12s} F1 {f1:.3f}  recall {recall:.3f} ({totals[0]}/{totals[1]})  "
        f"precision {precision:.3f} ({totals[2]}/{totals[2] + totals[3]})  "
        f"{rate:8.1f} reports/s  {1000 / rate:7.2f} ms/report"
    )
    return f1, rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="folder with score.py and gold/")
    ap.add_argument("--repeat", type=int, default=20, help="timed passes over the reports for waqai")
    args = ap.parse_args()
    scorer = load_scorer(args.eval)
    docs = load_docs(args.eval)
    size = sum(len(d["body"].encode()) for d in docs) / len(docs)
    print(f"{len(docs)} reports, {size / 1024:.1f} KB on average; one core\n")
    _, our_rate = evaluate("waqai", ours, docs, scorer, args.repeat)
    _, dp_rate = evaluate("dateparser", dateparser_system(), docs, scorer, 0)
    heideltime = heideltime_system()
    ht_rate = evaluate("heideltime", heideltime, docs, scorer, 0)[1] if heideltime else None
    seeds = [d for d in docs if "file" in d]
    t0 = time.process_time()
    for _ in range(args.repeat):
        for doc in seeds:
            ours(doc)
    rate = args.repeat * len(seeds) / (time.process_time() - t0)
    seed_kb = sum(len(d["body"].encode()) for d in seeds) / len(seeds) / 1024
    print(f"waqai on the {len(seeds)} seed reports alone ({seed_kb:.1f} KB each): {rate:.0f} reports/s")
    print(f"\nthroughput ratio waqai / dateparser: {our_rate / dp_rate:.1f}x")
    if ht_rate:
        print(f"throughput ratio waqai / heideltime: {our_rate / ht_rate:.0f}x")


if __name__ == "__main__":
    main()
