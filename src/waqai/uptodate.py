"""Skip MkDocs when nothing it reads has changed since the last build.

MkDocs is by far the slowest stage of a large build and always rebuilds every
page, so a build whose generated files, configuration and build date are those
of the site already in place leaves that site alone. The stamp (a hash of all
of it) is written beside the site after a build is in place, and removed just
before a new one is moved in, so a build killed half way never leaves a stamp
that claims a site it did not finish.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

STAMP = ".site-stamp"
TOOLS = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown")  # their versions shape the HTML
_ENV_TAG = re.compile(r"!ENV\s*\[?\s*(?P<name>[A-Za-z_]\w*)")


def _tool_versions() -> str:
    found = []
    for tool in TOOLS:
        try:
            found.append(f"{tool}=={version(tool)}")
        except PackageNotFoundError:
            found.append(f"{tool} missing")
    return " ".join(found)


def site_stamp(files: Mapping[str, bytes], config: Path, epoch: int) -> str:
    """A hash of everything the MkDocs build reads: the generated files, the
    repository's mkdocs.yml and the environment variables it names (!ENV), the
    build date (SOURCE_DATE_EPOCH) and the versions of MkDocs and its theme."""
    digest = hashlib.sha256()
    config_text = config.read_bytes()
    names = sorted(set(_ENV_TAG.findall(config_text.decode("utf-8", "replace"))))
    names.append("SOURCE_DATE_EPOCH")  # a caller's epoch wins over `epoch` (waqai.reproducible)
    head = [f"epoch {epoch}", _tool_versions(), *(f"{n}={os.environ.get(n)!r}" for n in names)]
    digest.update("\n".join(head).encode() + b"\0" + config_text + b"\0")
    for path in sorted(files):
        content = files[path]
        digest.update(f"{path}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()


def up_to_date(out: Path, stamp: str) -> bool:
    """Whether out/site/ was built from exactly what `stamp` describes."""
    try:
        return (out / "site").is_dir() and (out / STAMP).read_text(encoding="ascii") == stamp
    except (OSError, UnicodeDecodeError):
        return False


def forget(out: Path) -> None:
    """Call before replacing the site: until the new stamp is written, nothing is up to date."""
    (out / STAMP).unlink(missing_ok=True)


def remember(out: Path, stamp: str) -> None:
    """Call once the new site is in place."""
    temporary = out / f"{STAMP}.tmp"
    temporary.write_text(stamp, encoding="ascii")
    os.replace(temporary, out / STAMP)
