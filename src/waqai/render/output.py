"""The set of files a build writes, gathered in memory before anything touches disk.

Every page and asset is added here first; adding one path twice is an error
(two reports with similar Arabic titles must never overwrite each other), and
nothing is written until everything is gathered.
"""
from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from ..errors import ChangedDuringBuild, DuplicateOutputError


class Pickled:
    """A value kept pickled by itself inside a piece: the piece is read back with these
    bytes in its place, for the caller to unpickle if it needs the value. The value is
    pickled only when the piece is saved, so a build does not hold both meanwhile."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __reduce__(self) -> tuple[type, tuple[bytes]]:
        return bytes, (pickle.dumps(self.value, pickle.HIGHEST_PROTOCOL),)


class Pieces(Protocol):
    """Where pieces of output are kept between builds (waqai.incremental.reuse.Reuse)."""

    def known(self, key: str) -> Any | None: ...

    def keep(self, key: str, piece: str | tuple) -> None: ...


class Reuse(Pieces, Protocol):
    """What the render asks of the cache of pages and blocks (waqai.incremental.reuse.Reuse
    gives it; None renders everything): build.py passes one in, the render never makes it."""

    def hash_of(self, obj: Any) -> bytes: ...

    def adopt(self, obj: Any, digest: bytes) -> None: ...

    def fragment(self, name: str, shared: Any, render: Callable[[], str]) -> str: ...

    def page(self, path: str, parts: tuple[Any, ...], render: Callable[[], str]) -> str | Kept: ...


@dataclass(frozen=True)
class Kept:
    """A file of the previous build that this build would write again byte for byte
    (waqai.incremental.reuse): read only when asked; the writer links it instead (waqai.build)."""

    source: Path
    status: os.stat_result  # when it was found to be the right one

    def verified(self) -> os.stat_result:
        """Its status, if it is still the file it was (another build may have replaced it)."""
        now = os.stat(self.source)
        if (now.st_ino, now.st_dev, now.st_size, now.st_mtime_ns) != (self.status.st_ino, self.status.st_dev, self.status.st_size, self.status.st_mtime_ns):
            raise ChangedDuringBuild(f"{self.source}: replaced during this build (by another build?); build again")
        return now

    def read(self) -> bytes:
        self.verified()
        return self.source.read_bytes()


class OutputTree(Mapping[str, bytes]):
    """Relative POSIX path -> file content; refuses to hold one path twice."""

    def __init__(self) -> None:
        self._files: dict[str, bytes | Kept] = {}

    def add(self, path: str, content: str | bytes | Kept) -> None:
        key = str(PurePosixPath(path))
        if key.startswith("/") or ".." in PurePosixPath(key).parts:
            raise ValueError(f"output path must stay inside the output folder: {path!r}")
        if key in self._files:
            raise DuplicateOutputError(f"{key}: two outputs claim this path; refusing to overwrite it")
        self._files[key] = content.encode("utf-8") if isinstance(content, str) else content

    def update(self, files: Mapping[str, str | bytes], prefix: str = "") -> None:
        """Add each of `files`, under `prefix`; another tree's kept files stay unread."""
        items = files._files.items() if isinstance(files, OutputTree) else files.items()
        for path, content in items:
            self.add(prefix + path, content)

    def __getitem__(self, path: str) -> bytes:
        content = self._files[path]
        return content.read() if isinstance(content, Kept) else content

    def kept(self, path: str) -> Kept | None:
        """The previous build's file that `path` is a copy of, when it was kept rather than made."""
        content = self._files[path]
        return content if isinstance(content, Kept) else None

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._files))

    def __len__(self) -> int:
        return len(self._files)

    def write(self, dest: Path) -> None:
        """Write every file under `dest` (a fresh folder)."""
        for path in self:
            target = dest / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self[path])

    def sync(self, dest: Path) -> bool:
        """Make `dest` hold exactly these files, touching only what changed.

        Used by `waqai serve`: the live-reload watcher sees only real changes.
        Returns whether anything changed.
        """
        changed = False
        existing = {p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()} if dest.exists() else set()
        for stale in sorted(existing - set(self._files)):
            (dest / stale).unlink()
            changed = True
        for path in self:
            target = dest / path
            content = self[path]
            if path in existing and target.read_bytes() == content:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            changed = True
        return changed
