"""Skip the build, MkDocs, or most of it, when little has changed since the last build.

A build whose inputs (content, templates, configuration, waqai itself, the
settings) are those of the site in place stops at once (the input stamp). A
build whose generated files, configuration and build date are those of the
site already in place leaves that site alone (the site stamp). A build whose
frame is unchanged (configuration, nav, tool versions: the frame stamp) renders
only the pages whose Markdown changed (waqai.site.mkdocs_plugin). The input hash
of each generated page lets the next build reuse it (waqai.incremental.reuse). A listing
of the site's files (site_listing) lets it notice a page edited by hand in build/site/,
which voids the others: the site is built whole again. All of them are
written beside the site after a build is in place, and removed just before a
new one is moved in, so a build killed half way never leaves a stamp that
claims a site, or pages, it did not finish.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..site.swap import write_in_one_step
from .version import code_version

STAMP = ".site-stamp"
PAGE_INPUTS = ".page-inputs"  # each page's input hash (waqai.incremental.reuse)
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


def config_environment(config: Path) -> list[str]:
    """The environment variables a mkdocs.yml reads (`!ENV NAME`, `!ENV [NAME, default]`)."""
    return sorted(set(_ENV_TAG.findall(config.read_text(encoding="utf-8", errors="replace"))))


def environment(names: Sequence[str]) -> list[str]:
    """`NAME='value'` (or `NAME=None`) for each variable: what a stamp records of the environment."""
    return [f"{name}={os.environ.get(name)!r}" for name in names]


def frame_stamp(config: Path, generated_config: bytes) -> str:
    """A hash of what every page's HTML depends on besides its own Markdown: the
    repository's mkdocs.yml and the environment variables it names (!ENV), the
    generated mkdocs.yml (the nav), the versions of MkDocs and its theme, and
    waqai's MkDocs plugin. While it holds, a rebuild may render only the pages
    whose Markdown changed."""
    digest = hashlib.sha256()
    config_text = config.read_bytes()
    head = [_tool_versions(), *environment(config_environment(config))]
    digest.update("\n".join(head).encode() + b"\0" + config_text + b"\0" + generated_config + b"\0")
    digest.update(code_version().encode())  # waqai's MkDocs plugin shapes every page's HTML too
    return digest.hexdigest()


def site_stamp(files: Mapping[str, bytes], frame: str, epoch: int, pages: Mapping[str, str] | None = None) -> str:
    """A hash of everything the MkDocs build reads: the frame (frame_stamp), the
    generated files and the build date (SOURCE_DATE_EPOCH; a caller's wins). A page
    with an input hash (`pages`, docs-relative: waqai.incremental.reuse) counts by that hash, which
    fixes its bytes, so a page kept from the last build is not read for it."""
    pages = pages or {}
    digest = hashlib.sha256(f"{frame}\nepoch {epoch} {environment(['SOURCE_DATE_EPOCH'])[0]}\n".encode())
    for path in sorted(files):
        made_of = pages.get(path.removeprefix("docs/")) if path.startswith("docs/") else None
        if made_of is not None:
            digest.update(f"{path}\0inputs\0{made_of}\0".encode())
        else:
            content = files[path]
            digest.update(f"{path}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()


def input_stamp(paths: Sequence[Path | None], words: Sequence[str]) -> str:
    """A hash of every file under `paths` (a folder is walked in sorted order; a missing
    path counts as missing) and of `words` (settings, tool versions, the build date).
    Equal inputs give an equal site, so a build whose inputs are those of the site in
    place can stop before extracting or rendering anything."""
    digest = hashlib.sha256("\n".join([*words, _tool_versions()]).encode() + b"\0")
    for root in paths:
        if root is None:
            continue
        files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if root.is_dir() else [root]
        digest.update(f"{root}\0".encode())
        for path in files:
            try:
                content = path.read_bytes()
            except OSError:
                content = b"\0missing"
            digest.update(f"{path.relative_to(root) if path != root else ''}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()


def same_inputs(out: Path, inputs: str) -> bool:
    """Whether out/site/ was built from exactly these inputs (input_stamp)."""
    return (out / "site").is_dir() and _stamps(out)[2:3] == [inputs]


def _stamps(out: Path) -> list[str]:
    try:
        return (out / STAMP).read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        return []


def up_to_date(out: Path, site: str) -> bool:
    """Whether out/site/ was built from exactly what the site stamp describes."""
    return (out / "site").is_dir() and _stamps(out)[:1] == [site]


def same_frame(out: Path, frame: str) -> bool:
    """Whether out/site/ was built with this frame: then only changed pages need rendering."""
    return (out / "site").is_dir() and _stamps(out)[1:2] == [frame]


def page_inputs(out: Path) -> dict[str, str]:
    """The input hash of each page of out/docs/ (waqai.incremental.reuse), or none if unknown."""
    try:
        found = json.loads((out / PAGE_INPUTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def site_listing(out: Path) -> str:
    """A hash of the path, size and modification time of every file of out/site/: what
    the last build left there, to notice a page edited, added or deleted by hand since."""
    digest = hashlib.sha256()
    root = os.path.join(out, "site")
    folders = [root] if os.path.isdir(root) else []
    while folders:
        with os.scandir(folders.pop()) as listing:
            for entry in sorted(listing, key=lambda entry: entry.name):
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                else:
                    status = entry.stat(follow_symlinks=False)
                    digest.update(f"{entry.path[len(root):]}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def site_as_written(out: Path) -> bool:
    """Whether out/site/ is as the last build left it (site_listing); True when no build
    recorded it. When False, the stamps claim a site that is no longer there."""
    recorded = _stamps(out)[3:4]
    return not recorded or not (out / "site").is_dir() or recorded == [site_listing(out)]


def forget(out: Path) -> None:
    """Call before replacing the site: until the new stamps are written, nothing is up to date."""
    (out / STAMP).unlink(missing_ok=True)
    (out / PAGE_INPUTS).unlink(missing_ok=True)


def remember(out: Path, site: str, frame: str, inputs: str, pages: Mapping[str, str] | None = None) -> None:
    """Call once the new site is in place; `pages` are the input hashes of its docs/ pages."""
    hashes = json.dumps(dict(pages or {}), separators=(",", ":")).encode()
    listing = site_listing(out)
    write_in_one_step(out / PAGE_INPUTS, lambda f: f.write(hashes))
    write_in_one_step(out / STAMP, lambda f: f.write(f"{site}\n{frame}\n{inputs}\n{listing}\n".encode()))
