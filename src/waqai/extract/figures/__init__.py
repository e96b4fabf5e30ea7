"""Figures extractor: death tolls, territory, displacement, with qualifiers and parties.

`find_figures(text, dates, reported_on)` is the entry point (see finder.py for
the rules); the language data lives in src/waqai/data/figures/*.yaml.
"""
from .finder import bounds, find_figures

__all__ = ["bounds", "find_figures"]
