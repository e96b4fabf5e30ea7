"""Running MkDocs on the generated pages, in strict mode, in one or several processes.

MkDocs renders pages one after another, and at thousands of reports it is most
of a build. Each page's HTML depends only on its Markdown, the configuration
and the nav, so the pages are dealt to `processes` MkDocs runs in worker
processes forked at the start of the build, each in its own site folder
(waqai.site.mkdocs_plugin); the pages the others rendered are
then moved into the first folder, and the search index is put together from all
of them (and, for an incremental build, the previous site's).
"""
from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

from ..errors import BuildError
from .children import bound_children
from .mkdocs_plugin import (
    SEARCH_INDEX,
    WaqaiPlugin,
    merge_search_entries,
    write_search_index,
)
from .search import search_config, with_aliases


@dataclass
class Shard:
    """What one MkDocs process did: its site folder, the pages it rendered, its search entries."""

    site: Path
    written: list[str] = field(default_factory=list)
    rebuilt: set[str] = field(default_factory=set)
    order: list[str] = field(default_factory=list)
    index: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so a failed build can say what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(" ".join(record.getMessage().split()))


def _not_the_dirty_notice(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave navigation stale; here every page whose
    Markdown changed is rendered, and any change to the nav rebuilds all (waqai.incremental.uptodate)."""
    return not str(record.msg).startswith("A 'dirty' build")


def build_shard(config_file: Path, site: Path, shard: int, shards: int, previous_site: Path | None, epoch: str | None) -> Shard:
    """One MkDocs run rendering shard `shard` of `shards` into `site`; a refusal is kept in
    `problem` (one line), not raised, so it crosses back from a worker process. `epoch` is
    the caller's SOURCE_DATE_EPOCH (the build date), which a worker forked earlier lacks."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    build_logger = logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(_not_the_dirty_notice)
    previous_propagate, logger.propagate = logger.propagate, False  # MkDocs' log is summarised in our error
    result = Shard(site)
    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        config = load_config(str(config_file), strict=True, site_dir=str(site))
        plugin = WaqaiPlugin(previous_site, shard, shards)
        config.plugins["waqai"] = plugin
        mkdocs_build(config, dirty=True)
        result.written, result.rebuilt, result.order = plugin.written, plugin.rebuilt, plugin.order
        index = site / SEARCH_INDEX
        result.index = json.loads(index.read_text(encoding="utf-8")) if index.is_file() else {}
    except MkDocsException as exc:
        first = f"{collect.messages[0]}" if collect.messages else ""
        more = f" (and {len(collect.messages) - 1} more warnings)" if len(collect.messages) > 1 else ""
        result.problem = f"{first}{more}" if first else " ".join(str(exc).split())
    finally:
        logger.removeHandler(collect)
        build_logger.removeFilter(_not_the_dirty_notice)
        logger.propagate = previous_propagate
    return result


def _build_shard(args: tuple[Path, Path, int, int, Path | None, str | None]) -> Shard:
    return build_shard(*args)


@contextmanager
def mkdocs_workers(processes: int) -> Iterator[Pool | None]:
    """Processes for run_mkdocs, to be forked early, while the build is still small: forked
    once the reports and pages are in memory, each would inherit them and, as Python
    touches its objects, copy them (2.2 GB in all at 10,000 reports)."""
    if processes < 2:
        yield None
        return
    with bound_children(), multiprocessing.get_context("fork").Pool(processes) as pool:
        yield pool


def run_mkdocs(
    config_file: Path, blame: Path | None = None, previous_site: Path | None = None, processes: int = 1, workers: Pool | None = None,
    names: Sequence[tuple[str, ...]] = (), leave_shards: bool = False,
) -> None:
    """Build the site of a generated mkdocs.yml (into `site/` beside it), or raise BuildError.

    The pages are shared among `processes` of `workers` (mkdocs_workers), or built
    here without workers. With `previous_site`, only the pages whose Markdown is
    newer than that site's HTML are rendered. `names`: the folded names of each place and
    party (waqai.search.name_groups), each page's search entry gets the others of those it
    names. With `leave_shards`, the other processes' site folders (empty folders once their
    pages are moved, one a page) are left beside the config for the caller, who deletes
    that whole folder: a folder takes milliseconds to remove on some file systems, seconds
    for a site's thousands. The error names `blame` (the
    repository's mkdocs.yml) rather than the generated config, which is gone by the
    time the editor reads it.
    """
    processes = processes if workers is not None else 1  # no workers: here, in one run
    site = config_file.parent.resolve() / "site"  # MkDocs reads a relative site_dir from the config's folder
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    jobs = [(config_file, site if k == 0 else site.with_name(f"site-{k}"), k, processes, previous_site, epoch) for k in range(processes)]
    try:
        if processes == 1:
            shards = [_build_shard(jobs[0])]
        else:
            shards = workers.map(_build_shard, jobs, chunksize=1)
        problem = next((s.problem for s in shards if s.problem), None)
        if problem:
            raise BuildError(f"{blame or config_file}: MkDocs: {problem}")
        for shard in shards[1:]:
            for dest in shard.written:
                (site / dest).parent.mkdir(parents=True, exist_ok=True)
                os.replace(shard.site / dest, site / dest)
        _write_search_index(site, shards, previous_site, names)
    finally:
        for _, folder, *_ in jobs[1:] if not leave_shards else ():
            shutil.rmtree(folder, ignore_errors=True)


def _write_search_index(site: Path, shards: list[Shard], previous_site: Path | None, names: Sequence[tuple[str, ...]]) -> None:
    """Material's index of every shard, with the previous site's entries of pages not rendered
    now, searched with waqai's folding of Arabic and each entry's aliases (waqai.search)."""
    head = shards[0].index
    if not head:
        return  # the search plugin is off
    previous = json.loads((previous_site / SEARCH_INDEX).read_text(encoding="utf-8"))["docs"] if previous_site else []
    entries = [entry for shard in shards for entry in shard.index["docs"]]
    rebuilt = set().union(*(shard.rebuilt for shard in shards))
    docs = with_aliases(merge_search_entries(entries, previous, rebuilt, shards[0].order), names)
    write_search_index(site / SEARCH_INDEX, {**head, "config": search_config(head["config"]), "docs": docs})
