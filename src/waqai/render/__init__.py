"""Stage 4, render: a Timeline in, the site's Markdown, charts, data files, feed and
print page out (Jinja2 templates in templates/), gathered in an OutputTree before
anything is written; `waqai pdf` prints the built site (pdf, browser).

Public: render_site, site_nav, OutputTree.
"""
from .. import surface

__all__ = ["OutputTree", "render_site", "site_nav"]
__getattr__ = surface(__name__, {"OutputTree": "output", "render_site": "site", "site_nav": "site"})
