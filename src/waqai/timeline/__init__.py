"""Stage 3, timeline: mentions in, happenings out: each report's events (events), merged
across reports (merge), the charts' series (series), what changed since the last
published build (changes).

Public: build_timeline (articles and their extractions -> a Timeline).
"""
from .. import surface

__all__ = ["build_timeline"]
__getattr__ = surface(__name__, {"build_timeline": "assemble"})
