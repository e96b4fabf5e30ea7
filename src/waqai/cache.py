"""The build caches: an unchanged report is never extracted, nor cut into events, twice.

A rebuild after one report was added must not pay again for the thousands that
were not touched. Each extraction is kept on disk under
<build>/cache/extract-<version>/, keyed by a hash of everything the extractor
reads from a report (its id, publication date and body). The version is a hash
of the extractor itself: the source of every module `waqai.extract` imports
(found by reading the imports, so a new helper module is covered without
listing it here) and every data file under waqai/data/. Editing a rule or a
month name therefore invalidates every entry; folders of other versions are
deleted when the cache is opened, so the cache never grows with old versions.

Each report's own events, cut from its extraction, are kept the same way
(EventsCache), all in one file.

Entries are pickles written by this program into the build folder; a missing,
truncated or unreadable entry is a miss, never an error.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .records import Article, Extraction

PACKAGE = Path(__file__).resolve().parent
ENTRY_MODULE = PACKAGE / "extract.py"
EVENTS_MODULE = PACKAGE / "events.py"
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


def read_pickle(path: Path) -> Any:
    """What `path` holds, or None when it is missing, truncated or unreadable: a miss, never an error."""
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except _UNREADABLE:
        return None


def write_pickle(path: Path, value: Any) -> None:
    """Write through a temporary file, so a killed build leaves no half entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class ExtractionCache:
    """Extractions on disk, one file per report, for one extractor version."""

    def __init__(self, root: Path, version: str | None = None):
        self.root = root
        self.folder = root / f"{PREFIX}{version or extractor_version()}"
        self._drop_other_versions()

    def _drop_other_versions(self) -> None:
        if not self.root.is_dir():
            return
        for old in self.root.glob(f"{PREFIX}*"):
            if old != self.folder and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, article: Article) -> Extraction | None:
        """The cached extraction of this very text, or None."""
        found = read_pickle(self._path(article_key(article)))
        return found if isinstance(found, Extraction) else None

    def put(self, article: Article, extraction: Extraction) -> None:
        write_pickle(self._path(article_key(article)), extraction)


class EventsCache:
    """Each report's own events (waqai.events.article_events, before merging), so a rebuild
    after one report changed does not cut the thousands of others into events again.

    All reports share one file, <root>/events-<version>.pickle, read at once and written
    again only when something changed, holding just the reports of the last build:
    thousands of small files cost more to write than the events cost to cut. The
    version covers the events code, the extractor (whose output they read) and the
    gazetteer's files (`sources`: the content's places and actors).
    """

    def __init__(self, root: Path, sources: Sequence[Path]):
        digest = hashlib.sha256(f"{extractor_version()} {version_of(EVENTS_MODULE, PACKAGE, DATA)}".encode())
        for path in sources:
            digest.update(path.read_bytes() if path.is_file() else b"missing")
        self.path = root / f"events-{digest.hexdigest()[:20]}.pickle"
        for old in root.glob("events-*"):
            if old != self.path:
                old.unlink(missing_ok=True)
        found = read_pickle(self.path)
        self.known: dict[str, list] = found if isinstance(found, dict) else {}
        self.used: dict[str, list] = {}
        self.changed = False

    @staticmethod
    def key(article: Article) -> str:
        """What the events read besides the extraction: the report's text, id and outlet."""
        return hashlib.sha256(f"{article_key(article)}\0{article.outlet or ''}".encode("utf-8")).hexdigest()

    def get(self, article: Article) -> list | None:
        key = self.key(article)
        found = self.known.get(key)
        if isinstance(found, list):
            self.used[key] = found
        return found if isinstance(found, list) else None

    def put(self, article: Article, events: list) -> None:
        self.used[self.key(article)] = events
        self.changed = True

    def save(self) -> None:
        """Keep the events of this build's reports (and only those), if anything changed."""
        if self.changed or len(self.used) != len(self.known):
            write_pickle(self.path, self.used)
