"""Generated HTML that MkDocs passes through untouched.

The chronology, place and report pages are mostly HTML that waqai writes itself
(event blocks, the marked report text). Python-Markdown converts about 1-2 MB
a second whatever the input, so at thousands of reports converting HTML that is
already HTML was most of the build. A page marks such a block with

    <!-- waqai:html -->
    ...HTML...
    <!-- /waqai:html -->

(each marker on a line of its own, outside any other block). The MkDocs plugin
(waqai.site.mkdocs_plugin) cuts the blocks out before Markdown runs, leaves a
comment in their place and puts them back into the finished page. Without the
plugin the page is still valid Markdown: the markers are HTML comments and the
block is raw HTML, only slower to convert. Blocks are also kept out of the
search index (Material indexes the converted Markdown, before they return).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

OPEN = "<!-- waqai:html -->"
CLOSE = "<!-- /waqai:html -->"
# A block is whole lines up to the first closing line. Matched line by line, not character by
# character (`(.*?)^CLOSE$` with re.S), which took seconds for the long month pages.
_BLOCK = re.compile(rf"^{re.escape(OPEN)}\n((?:[^\n]*\n)*?){re.escape(CLOSE)}$", re.M)
_PLACEHOLDER = re.compile(r"<!--waqai-html-(\d+)-->")
_ID = re.compile(r"""id=["']([^"']+)["']""")  # after a space (anchor_ids)


def wrap(html: str) -> str:
    """`html` as a passthrough block (blank lines around it keep Markdown out of it)."""
    return f"\n{OPEN}\n{html.rstrip()}\n{CLOSE}\n"


def cut(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each block replaced by a numbered comment, and the blocks."""
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        blocks.append(match[1])
        return f"<!--waqai-html-{len(blocks) - 1}-->"

    return _BLOCK.sub(keep, markdown), blocks


def restore(html: str, blocks: list[str]) -> str:
    """The finished page with every numbered comment replaced by its block."""
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks[int(m[1])] if int(m[1]) < len(blocks) else m[0], html)


def anchor_ids(blocks: list[str]) -> set[str]:
    """The ids the blocks define, which links to the page may point at (MkDocs checks them)."""
    return {found for block in blocks for found in _ids(block)}


def _ids(block: str) -> Iterator[str]:
    """What `\\sid="(...)"` finds, found by searching for the plain `id=` (which the regular
    expression engine jumps to) and checking the space before it: a third of the time
    on the long month pages."""
    start = 1  # the space before `id=` is not that of the last match
    while match := _ID.search(block, start):
        if block[match.start() - 1].isspace():
            yield match[1]
            start = match.end() + 1
        else:
            start = match.start() + 1
