"""The one version every cached piece is kept under: waqai's own code and data.

A cache entry is valid while its key (a hash of the content it was made from) and this
version are both unchanged. The version hashes every module and data file of the
installed package, so any change to waqai (a rule, a month name, a template helper)
invalidates every entry at once: simpler to trust than a version per stage, at the cost
of a cold build after an upgrade, never after an edit of content/.
"""
from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # src/waqai
SUFFIXES = (".py", ".yaml", ".json")


def version_of(package: Path) -> str:
    """A hash of the Python version and of every code and data file under `package`."""
    digest = hashlib.sha256(f"python {sys.version_info.major}.{sys.version_info.minor}\n".encode())
    files = sorted(p for p in package.rglob("*") if p.suffix in SUFFIXES and p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


@lru_cache(maxsize=1)
def code_version() -> str:
    """The version of the installed waqai (computed once per process)."""
    return version_of(PACKAGE)
