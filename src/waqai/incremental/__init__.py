"""The cache wing: what an earlier build made and this one may take back. No stage imports
it; build.py hands its objects to the stages (they see only the protocols
waqai.timeline.memo and waqai.render.output declare).

Every piece is kept under a content hash and the one code version (version.code_version):
reports read (cache.article_cache), extractions (cache.ExtractionCache), each report's
events and readings (cache.timeline_caches), pages and blocks (reuse.Reuse), and the
stamps that skip a build or MkDocs (uptodate).
"""
from .. import surface

__all__ = ["ExtractionCache", "Reuse", "article_cache", "code_version", "timeline_caches"]
__getattr__ = surface(
    __name__,
    {"ExtractionCache": "cache", "Reuse": "reuse", "article_cache": "cache", "code_version": "version", "timeline_caches": "cache"},
)
