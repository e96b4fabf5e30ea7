"""CPU time of the timeline stage alone: `bench_timeline.py CONTENT` (a content folder, e.g.
one written by make_realistic_corpus.py). Extraction runs first and is not timed; then
`build_timeline` (each report cut into its events, the merges, the chart series) in this
process, without a cache. Run it with `PYTHONPATH=OTHER/src` to time another tree."""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from waqai.content.reports import parse_article
from waqai.extract.article import extract_article
from waqai.extract.gazetteer import load_gazetteer
from waqai.timeline.assemble import build_timeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("content", type=Path)
    content = parser.parse_args().content
    articles = [parse_article(p, p.read_text(encoding="utf-8")) for p in sorted((content / "articles").glob("*.md"))]
    extractions = [extract_article(a) for a in articles]
    gazetteer = load_gazetteer(content)
    start = time.process_time()
    timeline = build_timeline(articles, extractions, gazetteer)
    print(f"{len(articles)} reports, {len(timeline.events)} events, timeline {time.process_time() - start:.1f} s CPU")


if __name__ == "__main__":
    main()
