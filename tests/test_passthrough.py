"""Generated HTML passes through MkDocs untouched (waqai.site.passthrough, waqai.site.mkdocs_plugin),
and an incremental build's search index is the cold build's."""
from __future__ import annotations

import markdown

from waqai.site import passthrough
from waqai.site.mkdocs_plugin import merge_search_entries

PAGE = (
    "# عنوان\n\nفقرة *بالماركداون*.\n"
    + passthrough.wrap('<div class="waqai-event" id="event-1"><p>قُتل *12* عنصراً</p></div>')
    + "\n## يوم {#day-1}\n"
    + passthrough.wrap('<ul><li id="e2"><a href="../../reports/r/#s0">المصدر</a></li></ul>')
)


def test_blocks_come_back_verbatim_where_they_were_while_markdown_around_them_is_converted():
    text, blocks = passthrough.cut(PAGE)
    assert "waqai-event" not in text and len(blocks) == 2
    html = markdown.Markdown(extensions=["attr_list", "md_in_html"]).convert(text)
    restored = passthrough.restore(html, blocks)
    assert "<em>بالماركداون</em>" in restored
    assert '<p>قُتل *12* عنصراً</p>' in restored  # not Markdown: the block is final HTML
    assert restored.index("event-1") < restored.index('id="day-1"') < restored.index('id="e2"')


def test_without_the_plugin_the_page_is_still_the_same_html():
    """The markers are comments: plain MkDocs gives the same page, only more slowly."""
    plain = markdown.Markdown(extensions=["attr_list", "md_in_html"]).convert(PAGE)
    assert '<div class="waqai-event" id="event-1"><p>قُتل *12* عنصراً</p></div>' in plain
    assert '<a href="../../reports/r/#s0">المصدر</a>' in plain


def test_the_ids_in_blocks_are_anchors_links_may_point_at():
    assert passthrough.anchor_ids(passthrough.cut(PAGE)[1]) == {"event-1", "e2"}


def test_a_block_ends_at_its_first_closing_line_and_markers_count_only_as_whole_lines():
    o, c = passthrough.OPEN, passthrough.CLOSE
    page = f"{o}\n{c}\n{o}\na {c}\n{o}\nb\n{c}\n{c}\n{o} x\n{c}\n{o}\nnot closed"
    text, blocks = passthrough.cut(page)
    assert blocks == ["", f"a {c}\n{o}\nb\n"]
    assert text == f"<!--waqai-html-0-->\n<!--waqai-html-1-->\n{c}\n{o} x\n{c}\n{o}\nnot closed"


def test_a_page_without_blocks_is_left_alone():
    assert passthrough.cut("# x\n\n<div id='a'>b</div>\n") == ("# x\n\n<div id='a'>b</div>\n", [])
    assert passthrough.restore("<p>x</p>", []) == "<p>x</p>"


def entry(location: str, text: str) -> dict[str, str]:
    return {"location": location, "title": location, "text": text}


def test_the_index_keeps_unchanged_pages_entries_and_takes_rebuilt_pages_anew_in_build_order():
    previous = [entry("", "home"), entry("#latest", "old latest"), entry("reports/a/", "a"), entry("reports/b/", "b old"),
                entry("reports/b/#text", "b old text"), entry("reports/gone/", "removed report")]
    current = [entry("", "home"), entry("#latest", "new latest"), entry("reports/b/", "b new")]
    order = ["", "reports/a/", "reports/b/", "reports/c/"]
    merged = merge_search_entries(current, previous, rebuilt={"", "reports/b/", "reports/c/"}, order=order)
    assert merged == [entry("", "home"), entry("#latest", "new latest"), entry("reports/a/", "a"), entry("reports/b/", "b new")]
