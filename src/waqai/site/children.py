"""Worker processes that end with the build that started them.

When the build is killed (`kill -9`, a CI job cancelled, the OOM killer), a
worker notices only when it next reads its pipe, and only if it holds no copy
of the pipe's other end: concurrent.futures' workers hold one and waited
forever, so the build uses multiprocessing pools, whose workers do not, and
asks Linux besides to kill each worker the moment its parent dies
(prctl PR_SET_PDEATHSIG), so none goes on extracting a chunk of reports for
nobody. Python has no wrapper, so ctypes reaches it, as waqai.site.swap reaches
renameat2; elsewhere the call is missing and the pipe alone ends the workers.

A worker also leaves Ctrl-C and SIGTERM to the build: it ignores SIGINT (the
build stops it) and dies at once on SIGTERM (a pool's terminate) rather than
run the build's handler. All of this is done in the child the moment it is
forked (os.register_at_fork), not in the pool's initializer, so that a worker
the pool forks from one of its threads to replace another is bound before it
runs any of the pool's code.
"""
from __future__ import annotations

import ctypes
import logging  # noqa: F401  (its fork hooks are registered before ours: see below)
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

PR_SET_PDEATHSIG = 1
_parent: int | None = None  # while set (bound_children), a process forked from it is bound to it


@lru_cache(maxsize=1)
def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _bind_to_parent() -> None:
    """Run in every child forked while bound_children lasts: it ends when its parent ends."""
    if _parent is None:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    prctl = _prctl()
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != _parent:  # the build died before the call above: no signal will come
        os._exit(1)


_forks = 0  # forks under way in this process (their at-fork hooks run, which must not be interrupted)


def forking() -> bool:
    """Whether this process is forking now: an exception raised there (by a signal's
    handler) would be printed as ignored and lost, so a handler should wait."""
    return _forks > 0


def _fork_begins() -> None:
    global _forks
    _forks += 1


def _fork_ends() -> None:
    global _forks
    _forks -= 1


def _child_begins() -> None:
    global _forks
    _forks = 0
    _bind_to_parent()


# Hooks run in reverse order of registration before a fork and in order after it: registered
# after logging's (imported above for that), these run before its lock is taken and after
# it is released, so a fork is under way for a signal's handler while any hook runs.
os.register_at_fork(before=_fork_begins, after_in_parent=_fork_ends, after_in_child=_child_begins)


@contextmanager
def bound_children() -> Iterator[None]:
    """While it lasts, the processes forked from this one (a pool's workers, and those it
    forks to replace them) end when this process ends."""
    global _parent
    previous, _parent = _parent, os.getpid()
    try:
        yield
    finally:
        _parent = previous
