"""Worker processes that end with the build that started them.

A forked worker holds its own copy of the pipe it waits on, so when the build
is killed (`kill -9`, a CI job cancelled, the machine's OOM killer) it never
sees the end of its input and waits forever, holding hundreds of megabytes.
On Linux the kernel can send it a signal when its parent dies
(prctl PR_SET_PDEATHSIG); Python has no wrapper, so ctypes reaches it, as
waqai.swap reaches renameat2. Elsewhere the call is missing and nothing changes.

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
