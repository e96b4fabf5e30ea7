"""Worker processes that end with the build that started them.

When the build is killed (`kill -9`, a CI job cancelled, the OOM killer), a
worker notices only when it next reads its pipe, and only if it holds no copy
of the pipe's other end: concurrent.futures' workers hold one and waited
forever, so the build uses multiprocessing pools, whose workers do not, and
asks Linux besides to kill each worker the moment its parent dies
(prctl PR_SET_PDEATHSIG), so none goes on extracting a chunk of reports for
nobody. Python has no wrapper, so ctypes reaches it, as waqai.swap reaches
renameat2; elsewhere the call is missing and the pipe alone ends the workers.

A worker also leaves Ctrl-C and SIGTERM to the build: it ignores SIGINT (the
build stops it) and dies at once on SIGTERM (a pool's terminate), instead of
each printing a traceback.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable
from functools import lru_cache

PR_SET_PDEATHSIG = 1


@lru_cache(maxsize=1)
def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def bound_to_parent(parent: int) -> None:
    """A pool's initializer: this worker ends when process `parent` (the build) ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    prctl = _prctl()
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the build died before the call above: no signal will come
        os._exit(1)


def worker_options() -> dict:
    """The keyword arguments that make a multiprocessing pool's workers end with this process."""
    return {"initializer": bound_to_parent, "initargs": (os.getpid(),)}
