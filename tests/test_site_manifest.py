"""The site built from the default content is exactly the one described in tests/site-manifest.txt.

A change of code that is meant to leave the site alone (a move, a refactoring, a speed-up)
must leave every byte of it alone: this test names each file that differs, appeared or
vanished. When the output changes on purpose, refresh the manifest and commit it with the
change, so the review shows which files moved:

    WAQAI_REFRESH_GOLDEN=1 .venv/bin/pytest tests/test_site_manifest.py

The versions of what shapes the HTML (MkDocs, Material, Markdown, Pygments, plotly) are
pinned in constraints.txt for the same reason.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

MANIFEST = Path(__file__).with_name("site-manifest.txt")


def manifest_of(site: Path) -> dict[str, str]:
    """Each file of the site (relative POSIX path) and the SHA-256 of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def read_manifest(path: Path = MANIFEST) -> dict[str, str]:
    lines = (line.split("  ", 1) for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    return {name: digest for digest, name in lines}


def test_the_default_site_is_byte_identical_to_its_manifest(built_site: Path) -> None:
    now = manifest_of(built_site)
    if os.environ.get("WAQAI_REFRESH_GOLDEN"):
        header = "# sha256  path, of every file `waqai build` makes from the default content (tests/test_site_manifest.py)\n"
        MANIFEST.write_text(header + "".join(f"{digest}  {name}\n" for name, digest in now.items()), encoding="utf-8")
    expected = read_manifest()
    assert sorted(now.keys() - expected.keys()) == [], "files the manifest does not list"
    assert sorted(expected.keys() - now.keys()) == [], "files of the manifest the site no longer has"
    changed = sorted(name for name in now if now[name] != expected[name])
    assert changed == [], f"files whose bytes changed: {changed}"
