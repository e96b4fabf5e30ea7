"""What `waqai build` adds to MkDocs: passthrough HTML, shards and incremental rebuilds.

The plugin is put into the loaded config by `waqai.site.mkdocs_run`, not named in
mkdocs.yml, so `mkdocs build -f build/mkdocs.yml` still works without it (more
slowly, in one process, and always from scratch).

Every run uses MkDocs' own `dirty` mode, in which a page is read and rendered
only when its Markdown is newer than its HTML. The plugin decides what that
means: pages of another shard never are, and with a previous site, whose pages
are hard-linked in first, only the pages whose Markdown changed are
(waqai.build gives unchanged Markdown an old time). Material's search index of
such a run holds only the pages rendered in it; `merge_search_entries` completes
it, in the order a cold build writes it, so the site equals a cold build's byte
for byte. A page is unlinked before MkDocs writes it, so a hard link into the
live site is never written through.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin

from . import passthrough

SEARCH_INDEX = "search/search_index.json"
# The time waqai.build gives generated pages that did not change: older than any page MkDocs
# wrote, so its dirty mode leaves their HTML alone.
UNCHANGED_MTIME = 946684800  # 2000-01-01


def page_of(location: str) -> str:
    """The page URL of a search entry's location (`reports/x/#s2` -> `reports/x/`)."""
    return location.split("#", 1)[0]


def merge_search_entries(
    current: Iterable[Mapping[str, Any]],
    previous: Iterable[Mapping[str, Any]],
    rebuilt: set[str],
    order: Sequence[str],
) -> list[Mapping[str, Any]]:
    """Entries of the pages built now, and the previous entries of the pages that were
    not, page by page in `order` (the order MkDocs builds pages, as a cold build writes them)."""
    by_page: dict[str, list[Mapping[str, Any]]] = {}
    for entry in previous:
        if page_of(entry["location"]) not in rebuilt:
            by_page.setdefault(page_of(entry["location"]), []).append(entry)
    for entry in current:
        by_page.setdefault(page_of(entry["location"]), []).append(entry)
    return [entry for url in order for entry in by_page.get(url, ())]


def write_search_index(path: Path, data: Mapping[str, Any]) -> None:
    """UTF-8, not `\\uXXXX` escapes: an Arabic index is a third of the size Material writes."""
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str), encoding="utf-8")


def link_previous_pages(previous_site: Path, pages: Iterable[tuple[str, str]]) -> list[bool]:
    """Hard-link each page's HTML from the previous site (dest_uri, new path): MkDocs' dirty
    mode then renders only the pages whose Markdown is newer than that HTML. Says, page
    by page, whether it was linked.

    Each page is a folder of its own (reports/x/index.html), so at 10,000 reports this
    is 10,000 folders: plain system calls, one mkdir and one link a page, not pathlib's
    checks first. A page missing from the previous site is new and MkDocs writes it
    into the folder made for it."""
    root = os.fspath(previous_site)
    linked = []
    for dest_uri, new in pages:
        _make_folder(os.path.dirname(new))
        try:
            os.link(os.path.join(root, dest_uri), new)
        except FileNotFoundError:
            linked.append(False)
        else:
            linked.append(True)
    return linked


def link_unchanged_files(previous_site: Path, files: Iterable[Any], docs: str) -> None:
    """Hard-link the previous site's copy of each static file (assets, the theme's files)
    that MkDocs' dirty mode will not copy again: plotly.js alone is megabytes. A file it
    would copy (its source newer, or made by a plugin) is unlinked again, and a file of
    `docs` (the generated docs folder, whose files nothing writes into once written) is
    linked from there instead: the data files, tens of megabytes, change with every
    report. MkDocs copies the rest, into files of its own, never through a link."""
    files = list(files)
    link_previous_pages(previous_site, [(file.dest_uri, file.abs_dest_path) for file in files])
    for file in files:
        if not file.is_modified():
            continue
        with suppress(FileNotFoundError):
            os.unlink(file.abs_dest_path)
        source = file.abs_src_path
        if file.generated_by is None and source and os.path.commonpath([source, docs]) == docs:
            with suppress(OSError):  # MkDocs copies it
                os.link(source, file.abs_dest_path)


def _make_folder(folder: str) -> None:
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:  # its parent is missing too
        os.makedirs(folder, exist_ok=True)


KEPT_BLOCKS = 100_000_000  # characters of passthrough blocks kept from reading to writing (WaqaiPlugin)


def _unmodified() -> bool:
    return False


class WaqaiPlugin(BasePlugin):
    """Passthrough blocks, and the part of the site one MkDocs process renders.

    The pages are dealt round-robin to `shards` processes; this one renders shard
    `shard` and, in shard 0, copies the static files. With `previous_site`, the
    pages of that site are linked into this one first, and only the pages whose
    Markdown is newer than their HTML are rendered (MkDocs' dirty mode); so are
    its static files, which are copied only when their source is newer.
    """

    def __init__(self, previous_site: Path | None = None, shard: int = 0, shards: int = 1) -> None:
        super().__init__()
        self.previous_site = previous_site
        self.shard, self.shards = shard, shards
        self.anchors: dict[str, set[str]] = {}  # page source -> the ids its passthrough blocks define
        self.rebuilt: set[str] = set()  # page URLs rendered here
        self.written: list[str] = []  # their HTML files, relative to the site folder
        self.order: list[str] = []  # every page's URL, in the order MkDocs builds them
        self.blocks: dict[str, list[str]] = {}  # page source -> its passthrough blocks, up to KEPT_BLOCKS in all
        self.kept_size = 0

    def on_files(self, files: Any, *, config: Any) -> Any:
        pages = files.documentation_pages()
        self.order = ["" if file.url in (".", "./") else file.url for file in pages]  # as Page.url says it
        to_link, mine = [], set()
        for number, file in enumerate(pages):
            if number % self.shards == self.shard:
                mine.add(file.src_uri)
            else:
                file.is_modified = _unmodified  # another process renders it
            if file.src_uri in mine or self.shard == 0:  # shard 0's folder becomes the site
                to_link.append(file)
        static = [f for f in files if not f.is_documentation_page()]
        if self.shard:
            for file in static:
                file.is_modified = _unmodified  # shard 0 copies them
        if self.previous_site is not None:
            linked = link_previous_pages(self.previous_site, [(file.dest_uri, file.abs_dest_path) for file in to_link])
            for file, done in zip(to_link, linked):
                # Its HTML is now the previous site's, and its Markdown was marked unchanged:
                # MkDocs' dirty mode would find it so too, with six system calls, not one.
                if done and file.src_uri in mine and os.stat(file.abs_src_path).st_mtime == UNCHANGED_MTIME:
                    file.is_modified = _unmodified
            if self.shard == 0:
                link_unchanged_files(self.previous_site, static, os.path.abspath(config.docs_dir))
        return files

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        # MkDocs reads every page it renders before writing any, and holding every page's
        # HTML until then was most of a cold build's memory: the blocks are kept only when
        # a previous site's pages are reused (few pages change), up to KEPT_BLOCKS
        # characters; otherwise on_post_page cuts them again from the page's file. The
        # print page alone is 60 MB to decode and cut again at 10,000 reports.
        text, blocks = passthrough.cut(markdown)
        if blocks:
            self.anchors[page.file.src_uri] = passthrough.anchor_ids(blocks)
            size = sum(map(len, blocks))
            if self.previous_site is not None and self.kept_size + size <= KEPT_BLOCKS:
                self.blocks[page.file.src_uri] = blocks
                self.kept_size += size
        return text

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        anchors = self.anchors.pop(page.file.src_uri, None)
        if anchors and page.present_anchor_ids is not None:
            page.present_anchor_ids |= anchors
        return html

    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        self.rebuilt.add(page.url)
        return context

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        dest = page.file.abs_dest_path
        if os.path.lexists(dest):
            os.unlink(dest)  # a hard link into the previous site: write a new file, not through it
        self.written.append(page.file.dest_uri)
        blocks = self.blocks.pop(page.file.src_uri, None)
        return passthrough.restore(output, passthrough.cut(page.file.content_string)[1] if blocks is None else blocks)
