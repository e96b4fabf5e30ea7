"""What `waqai build` adds to MkDocs: passthrough HTML and incremental rebuilds.

The plugin is put into the loaded config by `waqai.build.run_mkdocs`, not named
in mkdocs.yml, so `mkdocs build -f build/mkdocs.yml` still works without it
(more slowly, and always from scratch).

Incremental builds use MkDocs' own `dirty` mode: only pages whose Markdown is
newer than their HTML are read and rendered (waqai.build arranges the times).
Two things MkDocs does not do in that mode are done here:
- Material's search index would hold only the rebuilt pages; the other pages'
  entries are taken from the previous site's index, in the order a cold build
  writes them, so an incremental site equals a cold one byte for byte.
- The staging site holds hard links to the previous site's pages; a page is
  unlinked before MkDocs writes it, so the live site is never written through.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin

from . import passthrough

SEARCH_INDEX = "search/search_index.json"


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


def link_previous_pages(previous_site: Path, pages: Iterable[tuple[str, str]]) -> None:
    """Hard-link each page's HTML from the previous site (dest_uri, new path): MkDocs' dirty
    mode then renders only the pages whose Markdown is newer than that HTML."""
    for dest_uri, new in pages:
        old = previous_site / dest_uri
        if old.is_file():
            os.makedirs(os.path.dirname(new), exist_ok=True)
            os.link(old, new)


class WaqaiPlugin(BasePlugin):
    """Passthrough blocks on every build. With `previous_site` (a dirty build), the pages
    of that site are linked into the new one and its search index completes the new one."""

    def __init__(self, previous_site: Path | None = None) -> None:
        super().__init__()
        self.previous_site = previous_site
        self.blocks: dict[str, list[str]] = {}  # page source -> its passthrough blocks, until written
        self.rebuilt: set[str] = set()
        self.order: list[str] = []

    def on_files(self, files: Any, *, config: Any) -> Any:
        pages = files.documentation_pages()
        self.order = ["" if file.url in (".", "./") else file.url for file in pages]  # as Page.url says it
        if self.previous_site is not None:
            link_previous_pages(self.previous_site, [(file.dest_uri, file.abs_dest_path) for file in pages])
        return files

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        text, blocks = passthrough.cut(markdown)
        if blocks:
            self.blocks[page.file.src_uri] = blocks
        return text

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        blocks = self.blocks.get(page.file.src_uri)
        if blocks and page.present_anchor_ids is not None:
            page.present_anchor_ids |= passthrough.anchor_ids(blocks)
        return html

    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        self.rebuilt.add(page.url)
        return context

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        dest = page.file.abs_dest_path
        if os.path.lexists(dest):
            os.unlink(dest)  # a hard link into the previous site: write a new file, not through it
        return passthrough.restore(output, self.blocks.pop(page.file.src_uri, []))

    def on_post_build(self, *, config: Any) -> None:
        path = Path(config.site_dir) / SEARCH_INDEX
        if not path.is_file():
            return
        data = json.loads(path.read_text(encoding="utf-8"))
        if self.previous_site is not None:
            previous = json.loads((self.previous_site / SEARCH_INDEX).read_text(encoding="utf-8"))["docs"]
            data["docs"] = merge_search_entries(data["docs"], previous, self.rebuilt, self.order)
        write_search_index(path, data)
