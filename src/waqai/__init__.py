"""waqai (وقائع): Arabic war reports in, a dated chronology site out.

The package is the pipeline: content -> extract -> timeline -> render -> site, one
folder a stage, with the cache (incremental) wrapping them from outside; build.py runs
them in order and ARCHITECTURE.md (beside the README) maps them.
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def surface(package: str, names: dict[str, str]) -> Callable[[str], Any]:
    """A stage's public names, as a module `__getattr__` (PEP 562): each is imported from
    its module when first used, so importing one light module of a stage (`waqai extract`
    reads waqai.timeline.events) does not load the heavy ones (pandas for the charts)."""

    def __getattr__(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{names[name]}"), name)

    return __getattr__
