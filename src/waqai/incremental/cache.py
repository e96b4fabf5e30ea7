"""The build caches: an unchanged report is never extracted, nor cut into events, twice.

A rebuild after one report was added must not pay again for the thousands that
were not touched. The extractions are kept on disk in
<build>/cache/extract-<version>.pickle, keyed by a hash of everything the extractor
reads from a report (its id, publication date and body). The version is waqai's
own (waqai.incremental.version): editing a rule or a month name invalidates every
entry; files of other versions are deleted when the cache is opened, so the cache
never grows with old versions.

Each report as read from its file, its own events, cut from its extraction, what
the charts read from its text, and how each day's events were merged are kept the
same way (ReportCache), each kind in one file.

Entries are pickles written by this program into the build folder; a missing,
truncated or unreadable entry is a miss, never an error.
"""
from __future__ import annotations

import hashlib
import mmap
import os
import pickle
import shutil
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..collector import paused
from ..records import Article, Extraction
from ..site.swap import write_in_one_step
from ..timeline.memo import TimelineCaches
from .version import code_version

PREFIX = "extract-"


def article_key(article: Article) -> str:
    """A hash of what extraction reads from a report; the path and title do not matter."""
    published = article.published.isoformat() if article.published else ""
    return hashlib.sha256("\0".join((article.id, published, article.body)).encode("utf-8")).hexdigest()


_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError)


class RecordFile:
    """(key, value) records pickled one after another in one file, read at once: 10,000
    files, one a report, took twice as long to read as their values take to unpickle. New
    records are appended (one write), so a rebuild after one report changed writes only
    what that report gave; once the records of keys no longer used make up a quarter of
    the file, `keep_only` writes it again without them. A killed build may leave half a
    record at the end: it is cut off, with whatever follows an unreadable record, so what
    is appended next can be read."""

    def __init__(self, path: Path, valid: Callable[[Any], bool]):
        self.path = path
        self.known, self.count, readable = self._read(valid)
        if readable < self._size():
            os.truncate(self.path, readable)

    def _read(self, valid: Callable[[Any], bool]) -> tuple[dict[str, Any], int, int]:
        """The records, read through a memory map of the file: read into one buffer first,
        a file of a quarter of a gigabyte cost as many fresh pages again, and page faults
        on these machines cost from one build to the next up to three times as much."""
        try:
            with self.path.open("rb") as file:
                size = os.fstat(file.fileno()).st_size
                stream = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) if size else None
        except (OSError, ValueError):
            return {}, 0, 0
        found: dict[str, Any] = {}
        count = readable = 0
        if stream is None:
            return found, count, readable
        with paused(), stream:
            while readable < size:
                try:
                    key, value = pickle.load(stream)
                except _UNREADABLE:
                    break
                if not isinstance(key, str) or not valid(value):
                    break
                found[key] = value
                count, readable = count + 1, stream.tell()
        return found, count, readable

    def _size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def append(self, records: Mapping[str, Any]) -> None:
        if not records:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("ab") as f:  # buffered: one write per few records, not one copy of them all
            f.writelines(_record(key, value) for key, value in records.items())
        self.known.update(records)
        self.count += len(records)

    def keep_only(self, used: Collection[str]) -> None:
        """Drop the records of keys not in `used`, once they are a quarter of all."""
        if (self.count - len(used)) * 4 > self.count:
            kept = {key: self.known[key] for key in used}
            write_in_one_step(self.path, lambda f: f.writelines(_record(k, v) for k, v in kept.items()))
            self.known, self.count = kept, len(kept)


def _record(key: str, value: Any) -> bytes:
    return pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)


class ExtractionCache:
    """Extractions on disk for one extractor version, in one RecordFile. Each new
    extraction is appended at once, so a killed cold build keeps what it extracted."""

    def __init__(self, root: Path, version: str | None = None):
        self.root = root
        self.path = root / f"{PREFIX}{version or code_version()}.pickle"
        self._drop_other_versions()
        self.file = RecordFile(self.path, lambda value: isinstance(value, Extraction))
        self.used: set[str] = set()

    @property
    def records(self) -> int:
        return self.file.count

    def _drop_other_versions(self) -> None:
        if not self.root.is_dir():
            return
        for old in self.root.glob(f"{PREFIX}*"):
            if old == self.path:
                continue
            if old.is_dir():  # the layout of one file per report
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)

    def get(self, article: Article) -> Extraction | None:
        """The cached extraction of this very text, or None."""
        key = article_key(article)
        found = self.file.known.get(key)
        if found is not None:
            self.used.add(key)
        return found

    def put(self, article: Article, extraction: Extraction) -> None:
        key = article_key(article)
        self.file.append({key: extraction})
        self.used.add(key)

    def save(self) -> None:
        """Drop the records of reports this build did not read, once they are a quarter of all."""
        self.file.keep_only(self.used)


class ReportCache:
    """What a stage derives from each report alone (`kind`: its events, its readings for the
    charts), so a rebuild after one report changed does not derive it for the thousands of
    others again.

    All reports share one RecordFile, <root>/<kind>-<version>.pickle, to which what this
    build derived anew is appended by `save`. The version covers waqai's code and data
    (waqai.incremental.version) and the gazetteer's files (`sources`: the content's
    places and actors).
    """

    def __init__(self, root: Path, kind: str, sources: Sequence[Path]):
        digest = hashlib.sha256(code_version().encode())
        for path in sources:
            digest.update(path.read_bytes() if path.is_file() else b"missing")
        self.path = root / f"{kind}-{digest.hexdigest()[:20]}.pickle"
        for old in root.glob(f"{kind}-*"):
            if old != self.path:
                old.unlink(missing_ok=True)
        self.file = RecordFile(self.path, lambda value: True)
        self.used: set[str] = set()
        self.new: dict[str, Any] = {}

    @staticmethod
    def key(article: Article) -> str:
        """What the values read besides the extraction: the report's text, id and outlet."""
        return hashlib.sha256(f"{article_key(article)}\0{article.outlet or ''}".encode("utf-8")).hexdigest()

    def get(self, article: Article) -> Any | None:
        return self.lookup(self.key(article))

    def put(self, article: Article, value: Any) -> None:
        self.keep(self.key(article), value)

    def touch(self, article: Article) -> None:
        """Keep the value of `article`, though this build did not read it: what is derived
        from it was read back instead, and is still in use (save drops unused values)."""
        key = self.key(article)
        if key in self.file.known:
            self.used.add(key)

    def lookup(self, key: str) -> Any | None:
        """The value kept under `key` (made of report keys, see `key`), or None."""
        found = self.file.known.get(key)
        if found is not None:
            self.used.add(key)
        return found

    def keep(self, key: str, value: Any) -> None:
        self.used.add(key)
        self.new[key] = value

    def save(self) -> None:
        """Append what was derived anew; drop the values of reports gone, once they are a quarter."""
        self.file.append(self.new)
        self.new = {}
        self.file.keep_only(self.used)


def article_cache(root: Path) -> ReportCache:
    """Reports as read from their files (waqai.content.reports.load_article), in folder `root`."""
    return ReportCache(root, "articles", [])


def timeline_caches(root: Path, sources: Sequence[Path]) -> TimelineCaches:
    """The timeline stage's caches in folder `root`, for the gazetteer files `sources`."""
    return TimelineCaches(ReportCache(root, "events", sources), ReportCache(root, "merges", sources), ReportCache(root, "readings", sources))
