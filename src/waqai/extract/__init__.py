"""Stage 2, extract: text in, mentions out, one report at a time (a pure function, run in
parallel): normalisation, sentences and clauses, dates (temporal/), figures (figures/),
places and actors (gazetteer).

Public: extract_article (an Article -> its Extraction), extract_text, extraction_json,
load_gazetteer.
"""
from .. import surface

__all__ = ["extract_article", "extract_text", "extraction_json", "load_gazetteer"]
__getattr__ = surface(
    __name__,
    {"extract_article": "article", "extract_text": "article", "extraction_json": "article", "load_gazetteer": "gazetteer"},
)
