"""Stage 1, content: read and validate what editors write (reports, acknowledged
warnings, display strings), each error naming its file and line (waqai.errors).

Public: load_content (every report of a folder), load_article (one file), article_paths.
"""
from .. import surface

__all__ = ["article_paths", "load_article", "load_content"]
__getattr__ = surface(__name__, {"article_paths": "reports", "load_article": "reports", "load_content": "reports"})
