"""`waqai build`: the whole pipeline, content -> extract -> timeline -> render -> mkdocs.

Gather everything in memory first, then write: the pages, the assets and a
build-time mkdocs.yml (which INHERITs the repository's and adds the generated
nav) go to a temporary folder inside the build folder; MkDocs builds the site
there in strict mode; only then are docs/, mkdocs.yml and site/ moved into
place, and the previous ones deleted by a process of their own (discard). A
failing build leaves the previous build/site/ as it was.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from importlib import resources
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

import yaml

from .collector import long_lived, paused
from .content.acknowledged import check_strict
from .content.labels import Labels, load_labels
from .content.reports import article_paths, load_content
from .extract.article import extract_article
from .extract.gazetteer import GAZETTEER_FILES, Gazetteer, load_gazetteer
from .incremental.cache import ExtractionCache, article_cache, timeline_caches
from .incremental.reuse import Reuse, frame_of
from .incremental.uptodate import (
    config_environment,
    environment,
    forget,
    frame_stamp,
    input_stamp,
    page_inputs,
    remember,
    same_frame,
    same_inputs,
    site_as_written,
    site_stamp,
    up_to_date,
)  # fmt: skip
from .records import Article, Event, Extraction, Timeline
from .render.output import OutputTree
from .render.site import SHARED_INPUTS, render_site, site_nav
from .settings import Settings
from .site.children import bound_children
from .site.mkdocs_plugin import UNCHANGED_MTIME
from .site.mkdocs_run import mkdocs_workers, run_mkdocs
from .render.feed import FIRST_PUBLISHED, Publication, configured_site_url, load_first_published
from .site.reproducible import ENV as SOURCE_DATE_EPOCH
from .site.reproducible import build_epoch, git_epoch, source_date_epoch
from .site.search import PLUGIN as SEARCH_PLUGIN
from .site.search import name_groups, plugin_js
from .site.swap import put_in_place
from .timeline.assemble import EventsOf, build_timeline, report_events
from .timeline.changes import load_events
from .render.vendor import vendored_files

Progress = Callable[[str], None]
PLACED = ("docs", "mkdocs.yml", "site")  # what a build puts in the build folder


@dataclass(frozen=True)
class Project:
    """Everything a site is made from, gathered before anything is written."""

    articles: tuple[Article, ...]
    extractions: tuple[Extraction, ...]
    timeline: Timeline
    files: OutputTree  # relative to the build folder: docs/..., mkdocs.yml
    page_inputs: dict[str, str]  # docs-relative page -> the hash of its inputs (waqai.incremental.reuse)
    epoch: int  # the build date (waqai.site.reproducible.build_epoch)


def silent(_: str) -> None:
    """A Progress that says nothing."""


# A process pool pays for itself only with a few reports per worker; the five
# reports of the default build are extracted faster in this process.
PER_WORKER = 4


def _extract_fresh(articles: Sequence[Article], jobs: int, progress: Progress) -> list[Extraction]:
    """Extract in this order, in `jobs` processes when there is enough work for them."""
    results: list[Extraction] = []
    step = max(1, len(articles) // 100)  # about a hundred progress lines, not one per report
    workers = min(jobs, len(articles) // PER_WORKER)
    if workers > 1:
        # A stopped build (an error, Ctrl-C, SIGTERM) leaves the pool by terminate(): its
        # workers end at once instead of finishing every report queued.
        with bound_children(), multiprocessing.get_context("fork").Pool(workers) as pool:
            chunk = max(1, min(64, len(articles) // (workers * 8)))
            for extraction in pool.imap(extract_article, articles, chunksize=chunk):
                results.append(extraction)
                if len(results) % step == 0:
                    progress(f"extracting {len(results)}/{len(articles)}")
    else:
        for article in articles:
            results.append(extract_article(article))
            if len(results) % step == 0:
                progress(f"extracting {len(results)}/{len(articles)}")
    return results


def extract_all(
    articles: Sequence[Article], jobs: int, progress: Progress = silent, cache: ExtractionCache | None = None
) -> tuple[Extraction, ...]:
    """Extract every article, in parallel when jobs > 1; results keep the articles' order.

    With a cache, a report whose text was extracted before by this very
    extractor is read back instead, and new extractions are kept for next time.
    """
    return extract_later(articles, jobs, progress, cache)()


# Up to this many reports to extract (a rebuild's), idle worker processes extract them while
# the build goes on; more are extracted at once, in processes of their own (_extract_fresh).
FEW_REPORTS = 50


def extract_later(
    articles: Sequence[Article], jobs: int, progress: Progress = silent, cache: ExtractionCache | None = None, workers: Pool | None = None
) -> Callable[[], tuple[Extraction, ...]]:
    """extract_all, begun: the function returned waits for it to end. With `workers` (the
    MkDocs processes, forked when the build started and idle until MkDocs runs), a few
    reports are extracted there while this process reads its caches: the extractor's
    patterns alone take a fifth of a second to compile in a process."""
    known = [cache.get(article) if cache else None for article in articles]
    missing = [article for article, found in zip(articles, known) if found is None]
    if cache and len(missing) < len(articles):
        progress(f"{len(articles) - len(missing)} of {len(articles)} reports unchanged since the last build")
    if workers is not None and 0 < len(missing) <= FEW_REPORTS:
        made: Callable[[], list[Extraction]] = workers.map_async(extract_article, missing, chunksize=1).get
    else:
        made = partial(list, _extract_fresh(missing, jobs, progress))

    def results() -> tuple[Extraction, ...]:
        fresh = iter(made())
        out = []
        for article, found in zip(articles, known):
            if found is None:
                found = next(fresh)
                if cache:
                    cache.put(article, found)
            out.append(found)
        if cache:
            cache.save()
        return tuple(out)

    return results


# Reports sent to a worker at a time to be cut into events (with the gazetteer, 56 KB pickled).
EVENTS_CHUNK = 32


def events_in(workers: Pool | None) -> EventsOf:
    """Each report's own events (timeline.assemble.report_events), cut by `workers` (the MkDocs
    processes, idle until MkDocs runs) when there are more than a few reports: at thousands
    of reports it was most of the timeline stage, one report after another."""

    def events_of(pairs: Sequence[tuple[Article, Extraction]], gazetteer: Gazetteer) -> Iterable[list[Event]]:
        if workers is None or len(pairs) <= FEW_REPORTS:
            return report_events(pairs, gazetteer)
        chunks = [(pairs[start : start + EVENTS_CHUNK], gazetteer) for start in range(0, len(pairs), EVENTS_CHUNK)]
        return (events for chunk in workers.imap(_report_events, chunks) for events in chunk)

    return events_of


def _report_events(task: tuple[Sequence[tuple[Article, Extraction]], Gazetteer]) -> list[list[Event]]:
    return report_events(*task)


def asset_files() -> dict[str, bytes]:
    """CSS/JS of the site, the search's folding of Arabic (its lunr language), and the
    vendored files (plotly.js's basic bundle, for chart pages)."""
    ours = resources.files("waqai") / "assets"
    files = {f"assets/{item.name}": item.read_bytes() for item in ours.iterdir() if item.is_file()}
    files[SEARCH_PLUGIN] = plugin_js((ours / "search" / "lunr.waqai.js").read_text(encoding="utf-8")).encode()
    return files | vendored_files()


def build_config(repo_config: Path, nav: list) -> str:
    """The build-time mkdocs.yml: the repository's config plus folders and the generated nav."""
    config = {"INHERIT": str(repo_config.resolve()), "docs_dir": "docs", "site_dir": "site", "nav": nav}
    header = "# Generated by `waqai build`; edit the repository's mkdocs.yml instead.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def site_files(
    timeline: Timeline,
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    templates: Path,
    repo_config: Path,
    labels: Labels | None = None,
    previous_events: Sequence[Mapping[str, Any]] | None = None,
    reuse: Reuse | None = None,
    editors: bool = False,
    publication: Publication = Publication(),
    **limits: int,
) -> OutputTree:
    """Everything MkDocs needs, relative to the build folder: docs/... and mkdocs.yml;
    with `reuse`, unchanged pages are read from the previous build's docs/; with `editors`,
    the editors' page too; the feed as `publication` says; `limits` are render_site's page size limits (month_limit,
    entity_limit, print_limit)."""
    labels = labels or load_labels()
    files = OutputTree()
    files.update(render_site(timeline, articles, extractions, templates, labels, previous_events, reuse=reuse, editors=editors, publication=publication, **limits), prefix="docs/")
    for path, data in asset_files().items():
        files.add(f"docs/{path}", data)
    files.add("mkdocs.yml", build_config(repo_config, site_nav(labels, editors)))
    return files


def gather(settings: Settings, progress: Progress = silent, labels: Labels | None = None, workers: Pool | None = None) -> Project:
    """Read, validate, extract and render everything; write nothing. `workers`: idle
    processes that may extract a few reports meanwhile (extract_later)."""
    labels = labels or load_labels()
    progress("reading content")
    known = article_cache(settings.out / "cache")
    articles = tuple(load_content(settings.content, settings.today, known))
    known.save()
    extracted = extract_later(articles, settings.jobs, progress, ExtractionCache(settings.out / "cache"), workers)
    with long_lived(), paused():
        gc.freeze()
        # The pieces kept for the render are read now: read once the timeline is made (at
        # 10,000 reports, a few hundred thousand objects made and freed), the same file took
        # more than twice as long.
        reuse = Reuse(frame_of(settings.templates), page_inputs(settings.out), settings.out / "docs", SHARED_INPUTS, settings.out / "cache")
        progress("building the timeline")
        caches = timeline_caches(settings.out / "cache", [settings.content / name for name in GAZETTEER_FILES])
        extractions = extracted()
        timeline = build_timeline(articles, extractions, load_gazetteer(settings.content), caches, events_in(workers))
        gc.freeze()
        if settings.strict:
            check_strict(settings.content, articles, extractions, timeline.flags)
        previous = load_events(settings.previous) if settings.previous else None
        epoch = build_epoch(settings.config.parent, site_sources(settings), articles)
        publication = Publication(
            configured_site_url(settings.config),
            datetime.fromtimestamp(int(os.environ.get(SOURCE_DATE_EPOCH) or epoch), timezone.utc).date(),
            load_first_published(settings.previous.parent / Path(FIRST_PUBLISHED).name) if settings.previous else {},
        )
        progress(f"rendering pages ({len(timeline.events)} events, {len(timeline.months())} months)")
        files = site_files(timeline, articles, extractions, settings.templates, settings.config, labels, previous, reuse, editors=settings.editors, publication=publication)
        reuse.save_pieces()
        # What the render made lives as long as the build (the pages, their views): frozen
        # too, it is not all scanned by the collector's first run once resumed (0.1 s at
        # 10,000 reports); its few cycles are collected with the oldest objects, later.
        gc.freeze()
        if reuse.reused:
            progress(f"{reuse.reused} pages unchanged since the last build")
    return Project(articles, extractions, timeline, files, reuse.inputs, epoch)


STAGING = ".staging-"  # + the building process's id: a folder whose process is gone was abandoned
TRASH = ".trash-"  # a folder being deleted in the background (discard)


def remove_abandoned_staging(out: Path) -> None:
    """Delete the staging folders of builds that were killed (their process no longer runs),
    and the trash a killed deleter left; a build still running keeps its own."""
    for folder in out.glob(f"{STAGING}*"):
        pid = folder.name.removeprefix(STAGING).split("-")[0]
        if not pid.isdigit() or not _running(int(pid)):
            with suppress(OSError):  # another build moved it first
                _to_trash(folder)
    _delete_in_background(sorted(out.glob(f"{TRASH}*")))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def discard(folder: Path) -> None:
    """Delete `folder` without making the build wait: after an incremental build it holds
    the previous docs and site, some 40,000 files and folders at 10,000 reports, whose
    deletion took seconds. It is renamed at once, so no staging folder is left, and
    deleted by a detached process; trash that process leaves (killed) is deleted by the
    next build (remove_abandoned_staging)."""
    try:
        trash = _to_trash(folder)
    except OSError:  # cannot be renamed: delete it here
        shutil.rmtree(folder, ignore_errors=True)
        return
    _delete_in_background([trash])


def _to_trash(folder: Path) -> Path:
    trash = folder.with_name(f"{TRASH}{folder.name.lstrip('.')}")
    folder.rename(trash)
    return trash


# The deleter imports nothing of waqai, so it starts in milliseconds.
_DELETER = "import shutil, sys\nfor folder in sys.argv[1:]:\n    shutil.rmtree(folder, ignore_errors=True)"


def _delete_in_background(folders: Sequence[Path]) -> None:
    """Delete `folders` in a process of its own session, which outlives the build (and
    a Ctrl-C of it), or here when no process can be started."""
    if not folders:
        return
    quiet = subprocess.DEVNULL
    try:
        subprocess.Popen([sys.executable, "-c", _DELETER, *map(str, folders)], stdin=quiet, stdout=quiet, stderr=quiet, start_new_session=True)
    except OSError:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def place(staging: Path, out: Path) -> None:
    """Move a finished build from `staging` into `out`, replacing the previous one.

    Each of docs/, mkdocs.yml and site/ is swapped in one step (waqai.site.swap), so
    a build killed here leaves every one of them either the old or the new.
    """
    for name in PLACED:
        put_in_place(staging / name, out / name, staging / f"previous-{name}")


# MkDocs in several processes pays for itself only with many pages (each process
# loads the theme and walks every file).
PAGES_PER_PROCESS = 500


def mkdocs_processes(jobs: int, pages: int) -> int:
    """How many MkDocs processes to render about `pages` pages with."""
    return max(1, min(jobs, pages // PAGES_PER_PROCESS))


def write_marking_unchanged(files: OutputTree, staging: Path, previous: Path, render_all: bool = False) -> int:
    """Write `files` under `staging`; each one identical to its copy under `previous`
    (the build folder in place) gets UNCHANGED_MTIME, and so does every file when MkDocs
    renders all pages anyway (`render_all`: no previous site), so the next build finds
    them marked. Returns how many changed.

    An identical copy that already has that time is hard-linked rather than written:
    after a one-report change that is nearly every page, and a page kept from the
    previous build (output.Kept) is not even read. Nothing writes into the staging
    folder's Markdown, so the link never changes the previous build's."""
    changed = 0
    folders: set[str] = set()
    for path in files:
        target = os.path.join(staging, path)
        folder = os.path.dirname(target)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        old = os.path.join(previous, path)
        kept = files.kept(path)
        content: bytes | None = None
        if kept is not None and os.fspath(kept.source) == old:
            copy: os.stat_result | None = kept.verified()
        else:
            content = files[path]
            copy = _identical_copy(old, content)
        if copy is None:
            changed += 1
        elif copy.st_mtime == UNCHANGED_MTIME and _linked(old, target):
            continue
        _write_bytes(target, files[path] if content is None else content)
        if copy is not None or render_all:
            os.utime(target, (UNCHANGED_MTIME, UNCHANGED_MTIME))
    return changed


def _identical_copy(path: str, content: bytes) -> os.stat_result | None:
    """The status of the file at `path` if it holds exactly `content` (its size first:
    a changed page is seldom read)."""
    try:
        status = os.stat(path)
        if status.st_size != len(content):
            return None
        with open(path, "rb") as file:
            return status if file.read() == content else None
    except OSError:
        return None


def _linked(source: str, target: str) -> bool:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        return False
    return True


def _write_bytes(path: str, content: bytes) -> None:
    with open(path, "wb") as file:
        file.write(content)


def site_sources(settings: Settings) -> list[Path]:
    """What the site is made from (its build date is the last commit touching them)."""
    return [settings.content, settings.templates, settings.config]


def build_inputs(settings: Settings, sources: Sequence[Path]) -> str:
    """The input stamp of a build: its source folders, waqai itself, the settings that shape
    the site, the environment its mkdocs.yml reads and the last commit of its sources."""
    words = [f"strict={settings.strict}", f"editors={settings.editors}", f"today={settings.today}", f"commit={git_epoch(settings.config.parent, sources)}"]
    words += environment([*config_environment(settings.config), "SOURCE_DATE_EPOCH"])
    return input_stamp([*sources, settings.previous, Path(__file__).parent], words)


def build(settings: Settings, progress: Progress = silent) -> Project | None:
    """Build the site into settings.out/site; on any failure the previous site stays.

    Returns None when the inputs are those of the site in place (nothing to do).
    When only pages changed (same configuration and nav as the site in place),
    MkDocs renders just those pages into a copy of the previous site.
    """
    reports = article_paths(settings.content)  # first: a report that cannot be read is refused, never "up to date"
    if not site_as_written(settings.out):
        progress(f"{settings.out / 'site'} was changed since the last build (by hand?): building it whole")
        forget(settings.out)
    sources = site_sources(settings)
    inputs = build_inputs(settings, sources)
    if same_inputs(settings.out, inputs):
        progress(f"nothing changed since the last build: {settings.out / 'site'} is up to date")
        return None
    # About one page per report: enough to decide, before reading them, how many MkDocs processes to fork.
    processes = mkdocs_processes(settings.jobs, len(reports))
    with mkdocs_workers(processes) as workers:
        return _build(settings, progress, sources, inputs, processes, workers)


def _build(
    settings: Settings, progress: Progress, sources: list[Path], inputs: str, processes: int, workers: Pool | None
) -> Project:
    project = gather(settings, progress, workers=workers)
    settings.out.mkdir(parents=True, exist_ok=True)
    epoch = project.epoch
    frame = frame_stamp(settings.config, project.files["mkdocs.yml"])
    stamp = site_stamp(project.files, frame, epoch, project.page_inputs)
    if up_to_date(settings.out, stamp):
        progress(f"nothing changed since the last build: {settings.out / 'site'} is up to date")
        remember(settings.out, stamp, frame, inputs, project.page_inputs)
        return project
    previous_site = settings.out / "site" if same_frame(settings.out, frame) else None
    remove_abandoned_staging(settings.out)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=settings.out))
    try:
        progress(f"writing {len(project.files)} files")
        changed = write_marking_unchanged(project.files, staging, settings.out, render_all=previous_site is None)
        only = f": only the {changed} changed files" if previous_site else ""
        progress(f"building the site with MkDocs{only}")
        # The workers were forked for every page; a few changed pages are rendered here, in one run.
        rendered = changed if previous_site else len(project.files)
        sharing = min(processes, mkdocs_processes(settings.jobs, rendered))
        with source_date_epoch(epoch), long_lived():
            gc.freeze()
            names = name_groups(project.timeline.places, project.timeline.actors)
            run_mkdocs(staging / "mkdocs.yml", settings.config, previous_site, sharing, workers, names, leave_shards=True)  # discarded with staging
        forget(settings.out)
        place(staging, settings.out)
        remember(settings.out, stamp, frame, inputs, project.page_inputs)
    finally:
        discard(staging)
    progress(f"site written to {settings.out / 'site'}")
    return project
