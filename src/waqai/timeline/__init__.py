"""Stage 3, timeline: mentions in, happenings out: each report's clauses (events)
gathered into one event per happening with a headline (happenings, headlines), merged
across reports (merge), as data with ACLED's columns (export, acled), the charts'
series (series), what changed since the last published build (changes).

Public: build_timeline (articles and their extractions -> a Timeline).
"""
from .. import surface

__all__ = ["build_timeline"]
__getattr__ = surface(__name__, {"build_timeline": "assemble"})
