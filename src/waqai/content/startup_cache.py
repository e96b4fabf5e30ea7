"""What every process would otherwise work out again when it starts, kept between processes
as Python keeps compiled modules.

`waqai extract` on a few reports spends most of its time before the first report: parsing
the language data (`data/**/*.yaml`) and compiling the regular expressions made of it.
Both depend only on their input and the software reading it, so each is kept in a file
beside the bytecode of the module that makes it (`__pycache__/<module>.<python>.<kind>`, or
under PYTHONPYCACHEPREFIX) with the same rules as bytecode: read whenever it is there,
written unless PYTHONDONTWRITEBYTECODE is set. A missing, foreign or damaged file is a
miss, never an error, and a file is replaced whole (atomically), so processes that start
meanwhile read the old one or the new.
"""
from __future__ import annotations

import atexit
import marshal
import os
import sys
from importlib.util import cache_from_source
from pathlib import Path
from typing import Any

_MAX_KEPT = 512  # entries in a file; past it, only those the last writing process used


class StartupCache:
    """Values (anything marshal writes) by key, read from `path` when first asked for and
    written back at the process's exit when one was added, unless `write` is False.
    `tag` says what the values are valid for (the versions of what made them)."""

    def __init__(self, path: Path | None, tag: Any, write: bool = True) -> None:
        self.path = path
        self.tag = (sys.version, tag)
        self.write = write and path is not None
        self._values: dict[Any, Any] | None = None
        self._used: set[Any] = set()
        self._added = False
        self._registered = False

    def _read(self) -> dict[Any, Any]:
        if self.path is None:
            return {}
        try:
            tag, values = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        return values if tag == self.tag and isinstance(values, dict) else {}

    def get(self, key: Any) -> Any | None:
        """The value kept for `key`, or None."""
        if self._values is None:
            self._values = self._read()
        self._used.add(key)
        return self._values.get(key)

    def put(self, key: Any, value: Any) -> None:
        """Keep `value` for `key` (written at exit)."""
        if self._values is None:
            self._values = self._read()
        self._used.add(key)
        self._values[key] = value
        self._added = True
        if self.write and not self._registered:
            atexit.register(self.save)
            self._registered = True

    def save(self) -> None:
        """Write the values when one was added; a failure (a read-only install) is no error."""
        if not (self._added and self.write) or self.path is None or self._values is None:
            return
        values = self._values
        if len(values) > _MAX_KEPT:
            values = {key: value for key, value in values.items() if key in self._used}
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(marshal.dumps((self.tag, values)))
            os.replace(partial, self.path)
        except (OSError, ValueError):  # ValueError: a value marshal cannot write
            partial.unlink(missing_ok=True)
        self._added = False


def beside_bytecode(module_file: str, kind: str, tag: Any) -> StartupCache:
    """The cache of a module (its `__file__`) for one kind of value, where its bytecode is
    kept; a cache that keeps nothing for a Python without bytecode."""
    try:
        path: Path | None = Path(cache_from_source(module_file)).with_suffix(f".{kind}")
    except NotImplementedError:
        path = None
    return StartupCache(path, tag, write=not sys.dont_write_bytecode)
