"""The set of files a build writes, gathered in memory before anything touches disk.

Every page and asset is added here first; adding one path twice is an error
(two reports with similar Arabic titles must never overwrite each other), and
nothing is written until everything is gathered.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath


class DuplicateOutputError(Exception):
    """Two pages or assets claimed the same output path."""


class OutputTree(Mapping[str, bytes]):
    """Relative POSIX path -> file content; refuses to hold one path twice."""

    def __init__(self) -> None:
        self._files: dict[str, bytes] = {}

    def add(self, path: str, content: str | bytes) -> None:
        key = str(PurePosixPath(path))
        if key.startswith("/") or ".." in PurePosixPath(key).parts:
            raise ValueError(f"output path must stay inside the output folder: {path!r}")
        if key in self._files:
            raise DuplicateOutputError(f"{key}: two outputs claim this path; refusing to overwrite it")
        self._files[key] = content.encode("utf-8") if isinstance(content, str) else content

    def update(self, files: Mapping[str, str | bytes]) -> None:
        for path, content in files.items():
            self.add(path, content)

    def __getitem__(self, path: str) -> bytes:
        return self._files[path]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._files))

    def __len__(self) -> int:
        return len(self._files)

    def write(self, dest: Path) -> None:
        """Write every file under `dest` (a fresh folder)."""
        for path in self:
            target = dest / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self._files[path])

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
            content = self._files[path]
            if path in existing and target.read_bytes() == content:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            changed = True
        return changed
