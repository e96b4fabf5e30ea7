"""Put a new folder where an old one is in one step, so a killed build never leaves none.

Replacing a folder with `rename` takes two steps (old away, new in); a build
killed between them leaves readers no site at all. Linux swaps two paths in one
system call, renameat2(RENAME_EXCHANGE), reached here through ctypes because
Python has no wrapper. Chosen over a `site` symlink swapped with os.replace,
which would also be atomic, because build/site/ stays a real folder: publishing
steps that copy or archive it need not follow links. Where the call is missing
(not Linux, glibc before 2.28, a file system that refuses it) the two renames
remain, and the gap between them is the only window left.
"""
from __future__ import annotations

import ctypes
import errno
import os
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

AT_FDCWD = -100
RENAME_EXCHANGE = 1 << 1
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


@lru_cache(maxsize=1)
def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths atomically; False (and nothing changed) where the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    if function(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def put_in_place(new: Path, target: Path, old: Path) -> None:
    """Move `new` to `target`; a previous `target` ends up at `old` (for its caller to delete).

    A file is replaced by os.replace, atomic everywhere. A folder is swapped by
    `exchange`, after which the previous one is at `new` and is renamed to `old`.
    """
    if new.is_dir() and target.is_dir() and exchange(new, target):
        new.rename(old)
    elif target.is_dir():
        target.rename(old)  # the fallback's window: no `target` until the next line
        new.rename(target)
    else:
        os.replace(new, target)


def write_in_one_step(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write a file through a temporary one beside it, moved over it once complete, so a
    killed build leaves the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
