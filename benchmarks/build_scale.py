"""How `waqai build` scales: `build_scale.py [--sizes 100 1000 10000] [--work DIR] [--jobs J] [--realistic]`.

For each size N, a generated corpus (make_corpus.py, or with --realistic
make_realistic_corpus.py: seed-length reports telling the same happenings) is built four times:
cold (empty build folder), warm (nothing changed), after adding one report and
after editing one (a sentence added to the first).
Each build runs in its own process, the real `waqai.build.build`, and each
stage is timed from the progress lines the build prints as it enters it
(load, extract, timeline, render, write, mkdocs); the line `cpu s` under each build gives
the CPU seconds (user + system) of the build and all its worker processes, in all and in
each stage, which the other jobs of a shared machine do not inflate as they do the
seconds of the clock. `--builds cold` runs only the cold build. Peak memory is the
build process's maximum resident size and, separately, the largest child's
(resource.getrusage SELF and CHILDREN; the children are the extraction workers
and git, whose fork briefly counts the parent's pages). Also printed: how many
Markdown pages changed, how many HTML pages MkDocs rendered (the others were
kept from the previous site), the site's size and its search index's size (and
gzipped, as a browser downloads it), and the
extractor's own speed (reports a second on one core, no cache).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus
import make_realistic_corpus
from corpus_pieces import place_names

ROOT = Path(__file__).resolve().parent.parent
SEED = 7
# The first words of the progress line a build prints on entering each stage.
STAGES = {
    "reading content": "load",
    "extracting": "extract",
    "reports unchanged": "extract",
    "building the timeline": "timeline",
    "rendering pages": "render",
    "writing": "write",
    "building the site with MkDocs": "mkdocs",  # until the site is in place
    "site written": "done",
    "nothing changed": "done",  # MkDocs skipped (waqai.incremental.uptodate)
}
BUILDS = ("cold", "warm", "add-one", "edit-one")
COLUMNS = ("load", "extract", "timeline", "render", "write", "mkdocs")


def _stage_of(line: str) -> str | None:
    return next((stage for words, stage in STAGES.items() if words in line), None)


def _hashes(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest() for p in folder.rglob("*.md")}


def run_one(content: Path, out: Path, jobs: int) -> dict:
    """One build in this process (the child side): stage times, memory, what changed."""
    from waqai.build import build
    from waqai.settings import Settings

    settings = Settings.defaults(ROOT).with_options(content=content, out=out, jobs=jobs, quiet=True)
    before = _hashes(out / "docs")
    marks: list[tuple[str, float, float]] = []

    def progress(line: str) -> None:
        stage = _stage_of(line)
        if stage and (not marks or marks[-1][0] != stage):
            marks.append((stage, time.perf_counter(), _cpu()))

    start, wall_start, cpu_start = time.perf_counter(), time.time(), _cpu()
    build(settings, progress)
    end = time.perf_counter()
    cpu = _cpu() - cpu_start
    marks.append(("end", end, cpu + cpu_start))
    times: dict[str, float] = {}
    cpus: dict[str, float] = {}
    for (stage, t0, c0), (_, t1, c1) in zip(marks, marks[1:]):
        times[stage] = times.get(stage, 0.0) + t1 - t0
        cpus[stage] = cpus.get(stage, 0.0) + c1 - c0
    after = _hashes(out / "docs")
    search = out / "site" / "search" / "search_index.json"
    html = list((out / "site").rglob("*.html"))
    return {
        "total": end - start,
        "cpu": cpu,
        "stages": times,
        "stage_cpu": cpus,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "pages_changed": sum(1 for k in after if before.get(k) != after[k]) + len(set(before) - set(after)),
        "pages": len(after),
        "html_pages": len(html),
        "html_rendered": sum(1 for p in html if p.stat().st_mtime >= wall_start),
        "largest_kb": max((p.stat().st_size for p in html), default=0) / 1024,
        "site_mb": sum(p.stat().st_size for p in (out / "site").rglob("*") if p.is_file()) / 2**20,
        "search_mb": search.stat().st_size / 2**20 if search.is_file() else 0.0,
        "search_gz_mb": len(gzip.compress(search.read_bytes(), 6)) / 2**20 if search.is_file() else 0.0,
    }


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its children, ended or running (the
    extraction and MkDocs workers): unlike wall time, what other jobs on a shared machine
    do not inflate."""
    own, ended = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime + _running_children_cpu(os.getpid())


TICKS = os.sysconf("SC_CLK_TCK")


def _running_children_cpu(pid: int) -> float:
    """CPU seconds of the running descendants of `pid` (their own and their ended children's), from /proc."""
    total = 0.0
    for child in _children(pid):
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile: counted by RUSAGE_CHILDREN once waited for
            continue
        total += sum(int(f) for f in fields[11:15]) / TICKS  # utime, stime, cutime, cstime
        total += _running_children_cpu(child)
    return total


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def rate_one(content: Path, count: int) -> dict:
    """Extraction alone, one process, no cache: reports per CPU second (one core)."""
    from waqai.content.reports import article_paths, load_articles
    from waqai.extract.article import extract_article

    articles = load_articles(article_paths(content)[:count])
    extract_article(articles[0])  # lexicons load once per process; not part of the rate
    start = time.process_time()  # CPU time: other work on a shared machine does not count
    for article in articles:
        extract_article(article)
    seconds = time.process_time() - start
    return {"reports": len(articles), "seconds": seconds, "per_second": len(articles) / seconds,
            "chars": sum(len(a.body) for a in articles) / len(articles)}


def child(*args: str) -> dict:
    """Run this script's child side in a fresh process, so every build starts cold in memory."""
    done = subprocess.run([sys.executable, __file__, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(n: int, kind: str, r: dict) -> str:
    stages = " ".join(f"{r['stages'].get(c, 0.0):8.1f}" for c in COLUMNS)
    return (f"{n:>6} {kind:<8} {r['total']:8.1f} {r['cpu']:8.1f} {stages} {r['peak_mb']:8.0f} {r['worker_mb']:8.0f} "
            f"{r['pages_changed']:>6}/{r['pages']:<6} {r['html_rendered']:>6}/{r['html_pages']:<6} {r['site_mb']:7.1f} "
            f"{r['search_mb']:7.2f} {r['search_gz_mb']:7.2f} {r['largest_kb']:8.0f}")


def _cpu_row(r: dict) -> str:
    return f"{'':>6} {'cpu s':<8} {r['cpu']:8.1f} {'':>8} " + " ".join(f"{r['stage_cpu'].get(c, 0.0):8.1f}" for c in COLUMNS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/waqai-scale"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--realistic", action="store_true", help="seed-length reports telling the same happenings (make_realistic_corpus.py)")
    parser.add_argument("--builds", nargs="+", choices=BUILDS, default=list(BUILDS), help="which of the four builds to run (in their order)")
    parser.add_argument("--rate-reports", type=int, default=500, help="reports timed for the extraction rate")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "CONTENT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, content, out = args.child
        result = run_one(Path(content), Path(out), args.jobs) if kind == "build" else rate_one(Path(content), int(out))
        print(json.dumps(result))
        return

    header = " ".join(f"{c:>8}" for c in COLUMNS)
    print(f"{'N':>6} {'build':<8} {'total s':>8} {'cpu s':>8} {header} {'peak MB':>8} {'child MB':>8} {'md changed':>13} {'html rendered':>13} {'site MB':>7} {'idx MB':>7} {'idx gz':>7} {'max KB':>8}")
    for n in args.sizes:
        content, out = args.work / str(n) / "content", args.work / str(n) / "build"
        if args.realistic:
            places = make_realistic_corpus.make_realistic_corpus(n, content, SEED)
            write_report = make_realistic_corpus.write_report
        else:
            make_corpus.make_corpus(n, content, SEED)
            places, write_report = place_names(content), make_corpus.write_report
        shutil.rmtree(out, ignore_errors=True)
        for kind in (k for k in BUILDS if k in args.builds):
            if kind == "add-one":
                write_report(content, SEED, n, places)
            if kind == "edit-one":  # one more sentence at the end of the first report
                first = min((content / "articles").glob("*.md"))
                first.write_text(first.read_text(encoding="utf-8").rstrip() + " وقتل 3 مدنيين في القصف.\n", encoding="utf-8")
            result = child("--jobs", str(args.jobs), "--child", "build", str(content), str(out))
            print(_row(n, kind, result), _cpu_row(result), sep="\n", flush=True)
        if args.rate_reports == 0:
            continue
        rate = child("--child", "rate", str(content), str(min(n, args.rate_reports)))
        print(f"{n:>6} extraction alone: {rate['per_second']:.0f} reports/s on one core "
              f"({rate['reports']} reports of {rate['chars']:.0f} characters on average)", flush=True)


if __name__ == "__main__":
    main()
