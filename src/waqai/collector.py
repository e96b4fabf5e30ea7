"""Keeping Python's cycle collector out of the way of a large build.

The collector wakes every few hundred new container objects and, each time it
reaches the oldest generation, scans every object alive. A build of 10,000
reports holds millions (reports, events, pages), almost none of them garbage,
and makes hundreds of thousands more that are freed by reference counting alone.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived() -> Iterator[None]:
    """Inside, the objects alive at each `gc.freeze()` (the reports, the timeline, the pages)
    are no longer scanned, which at 10,000 reports spent a third of the timeline stage
    scanning them again and again. They are handed back on exit, so a long `waqai serve`
    still collects its garbage."""
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def paused() -> Iterator[None]:
    """Inside, the collector does not run at all: for unpickling a cache (whose objects are
    none of them garbage; reading the events of 10,000 reports took three times as long
    with it) and for the timeline and the render, whose few cycles (about 200,000 objects at
    10,000 reports, a tenth of their memory) wait for the collector's next run after this
    instead of a fifth of their time going to looking for them. Not for MkDocs, whose
    pages make cycles as they go."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
