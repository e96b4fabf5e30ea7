"""The set of files a build writes, gathered in memory before anything touches disk.

Every page and asset is added here first; adding one path twice is an error
(two reports with similar Arabic titles must never overwrite each other), and
nothing is written until everything is gathered. Large contents wait in an unnamed
temporary file meanwhile (Spool), not in memory.
"""
from __future__ import annotations

import os
import pickle
import tempfile
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


class Spool:
    """An unnamed temporary file that contents are appended to and read back from: the pages of
    a build are gathered before anything is written, and at 10,000 reports held in memory they
    were most of its memory (see OutputTree). The file goes when the last of its contents does."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile(prefix="waqai-pages-")
        self.end = 0

    def put(self, data: bytes) -> Spooled:
        view, at = memoryview(data), self.end
        while view:
            view = view[os.pwrite(self.file.fileno(), view, self.end) :]
            self.end = at + len(data) - len(view)
        return Spooled(self, at, len(data))

    def read(self, offset: int, size: int) -> bytes:
        parts, done = [], 0
        while done < size:
            part = os.pread(self.file.fileno(), size - done, offset + done)
            if not part:
                raise OSError(f"{self.file.name}: spooled output cut short")
            parts.append(part)
            done += len(part)
        return b"".join(parts)


@dataclass(frozen=True)
class Spooled:
    """A file's content in a Spool: its place there."""

    spool: Spool
    offset: int
    size: int

    def read(self) -> bytes:
        return self.spool.read(self.offset, self.size)


class OutputTree(Mapping[str, bytes]):
    """Relative POSIX path -> file content; refuses to hold one path twice. A content of
    SPOOL_FROM bytes or more is kept in the tree's Spool, on disk, not in memory."""

    SPOOL_FROM = 4096

    def __init__(self) -> None:
        self._files: dict[str, bytes | Kept | Spooled] = {}
        self._spool: Spool | None = None

    def add(self, path: str, content: str | bytes | Kept | Spooled) -> None:
        key = str(PurePosixPath(path))
        if key.startswith("/") or ".." in PurePosixPath(key).parts:
            raise ValueError(f"output path must stay inside the output folder: {path!r}")
        if key in self._files:
            raise DuplicateOutputError(f"{key}: two outputs claim this path; refusing to overwrite it")
        data = content.encode("utf-8") if isinstance(content, str) else content
        if isinstance(data, bytes) and len(data) >= self.SPOOL_FROM:
            if self._spool is None:
                self._spool = Spool()
            data = self._spool.put(data)
        self._files[key] = data

    def update(self, files: Mapping[str, str | bytes], prefix: str = "") -> None:
        """Add each of `files`, under `prefix`; another tree's kept and spooled files stay unread."""
        items = files._files.items() if isinstance(files, OutputTree) else files.items()
        for path, content in items:
            self.add(prefix + path, content)

    def __getitem__(self, path: str) -> bytes:
        content = self._files[path]
        return content.read() if isinstance(content, (Kept, Spooled)) else content

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
