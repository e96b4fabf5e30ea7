"""Stage 5, site: MkDocs turns the rendered Markdown into HTML (mkdocs_run, with waqai's
plugin), the finished site is swapped into place in one step (swap), dated reproducibly
(reproducible).

Public: run_mkdocs, mkdocs_workers, put_in_place.
"""
from .. import surface

__all__ = ["mkdocs_workers", "put_in_place", "run_mkdocs"]
__getattr__ = surface(__name__, {"mkdocs_workers": "mkdocs_run", "put_in_place": "swap", "run_mkdocs": "mkdocs_run"})
