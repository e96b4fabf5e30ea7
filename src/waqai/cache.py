"""The build caches: an unchanged report is never extracted, nor cut into events, twice.

A rebuild after one report was added must not pay again for the thousands that
were not touched. The extractions are kept on disk in
<build>/cache/extract-<version>.pickle, keyed by a hash of everything the extractor
reads from a report (its id, publication date and body). The version is a hash
of the extractor itself: the source of every module `waqai.extract` imports
(found by reading the imports, so a new helper module is covered without
listing it here) and every data file under waqai/data/. Editing a rule or a
month name therefore invalidates every entry; files of other versions are
deleted when the cache is opened, so the cache never grows with old versions.

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
import re
import shutil
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .collector import paused
from .records import Article, Extraction
from .swap import write_in_one_step

PACKAGE = Path(__file__).resolve().parent
ENTRY_MODULE = PACKAGE / "extract.py"
CONTENT_MODULE = PACKAGE / "content.py"
EVENTS_MODULE = PACKAGE / "events.py"
SERIES_MODULE = PACKAGE / "series.py"
MERGE_MODULE = PACKAGE / "merge.py"
DATA = PACKAGE / "data"
PREFIX = "extract-"


def _module_file(base: Path, dotted: str) -> Path | None:
    """The file of module `dotted` under package folder `base`, if it is one of ours."""
    target = base.joinpath(*dotted.split(".")) if dotted else base
    for candidate in (target.with_suffix(".py"), target / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


# `from .x import a`, `from .. import (a,\n b)`, `from waqai.x import a`, `import waqai.x`:
# a regular expression reads them far faster than parsing every module.
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(?P<dots>\.*)(?P<module>[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|[^\n#]*)"
    r"|import[ \t]+waqai\.(?P<absolute>[\w.]+))",
    re.M,
)


def _imported(path: Path, package: Path) -> Iterator[Path]:
    """The package's own modules that the module at `path` imports (relative or `waqai.`)."""
    for m in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        if m["absolute"]:
            base, dotted = package, m["absolute"]
        elif m["dots"]:
            base = path.parent
            for _ in range(len(m["dots"]) - 1):
                base = base.parent
            dotted = m["module"]
        elif m["module"] == "waqai" or m["module"].startswith("waqai."):
            base, dotted = package, m["module"].removeprefix("waqai").lstrip(".")
        else:
            continue
        found = _module_file(base, dotted) if m["absolute"] or dotted else None
        if found:
            yield found
        for name in re.findall(r"\w+", m["names"] or ""):
            sub = _module_file(base, f"{dotted}.{name}".lstrip("."))  # `from . import lexicon` imports a module
            if sub:
                yield sub


def extractor_sources(entry: Path = ENTRY_MODULE, package: Path = PACKAGE) -> list[Path]:
    """Every module of `package` that `entry` runs, found through the imports, in a stable order."""
    seen: set[Path] = set()
    todo = [entry.resolve()]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(p.resolve() for p in _imported(path, package))
        init = path.parent / "__init__.py"  # importing a submodule runs its package first
        if path.parent != package and init.is_file():
            todo.append(init.resolve())
    return sorted(seen)


def version_of(entry: Path, package: Path, data: Path) -> str:
    """A hash of the modules `entry` runs, the data files under `data` and the Python version."""
    digest = hashlib.sha256(f"python {sys.version_info.major}.{sys.version_info.minor}\n".encode())
    files = extractor_sources(entry, package) + sorted(p for p in data.rglob("*.yaml") if p.is_file())
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """The version of the installed extractor (computed once per process)."""
    return version_of(ENTRY_MODULE, PACKAGE, DATA)


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
        self.path = root / f"{PREFIX}{version or extractor_version()}.pickle"
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
    build derived anew is appended by `save`. The version covers the stage's code
    (`module` and what it imports), the extractor (whose output it reads), this module
    and the gazetteer's files (`sources`: the content's places and actors).
    """

    def __init__(self, root: Path, kind: str, modules: Sequence[Path], sources: Sequence[Path]):
        versions = " ".join(version_of(module, PACKAGE, DATA) for module in modules)
        digest = hashlib.sha256(f"{extractor_version()} {versions}".encode())
        digest.update(Path(__file__).read_bytes())  # this module writes the file: its layout
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
    """Reports as read from their files (waqai.content.load_article), in folder `root`."""
    return ReportCache(root, "articles", [CONTENT_MODULE], [])


@dataclass(frozen=True)
class TimelineCaches:
    """The timeline stage's caches: each report's own events (waqai.events.article_events,
    before merging), how each day's events were merged (by the reports' events that day),
    and what the charts' series read from each report's text (waqai.series.ReportReadings),
    with each entry's rows of figures by its origin (Timeline.origins)."""

    events: ReportCache
    merges: ReportCache
    readings: ReportCache

    @classmethod
    def at(cls, root: Path, sources: Sequence[Path]) -> TimelineCaches:
        """The caches in folder `root`, for the gazetteer files `sources`."""
        return cls(
            ReportCache(root, "events", [EVENTS_MODULE], sources),
            ReportCache(root, "merges", [EVENTS_MODULE, MERGE_MODULE], sources),
            ReportCache(root, "readings", [SERIES_MODULE], sources),
        )
