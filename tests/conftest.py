"""Fixtures shared across test folders.

`built_site`: one real `waqai build` of the default content per test session,
run the way a user runs it (the CLI in a subprocess), into a temporary build
folder. The browser tests, the PDF test and the reproducibility test all read
it, so the suite builds the site once instead of once per test.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_build(out: Path, *args: str, env: dict[str, str | None] | None = None) -> Path:
    """`waqai build --quiet --out OUT ARGS...` from the project folder; returns OUT/site.

    `env` adds variables to the environment; a None value removes one.
    """
    merged = {**os.environ, **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "waqai.cli", "build", "--quiet", "--out", str(out), *args],
        cwd=ROOT,
        env={k: v for k, v in merged.items() if v is not None},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"waqai build failed:\n{result.stderr}"
    return out / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """build/site/ of a fresh build of the default content (a temporary build folder)."""
    return run_build(tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="session")
def waqai_build():
    """The `run_build` function, for tests that build again (reproducibility, --strict)."""
    return run_build


@pytest.fixture(scope="session")
def built_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project (project_copy.copy_project) built once per session; do not change it."""
    from project_copy import copy_project, waqai

    project = copy_project(tmp_path_factory.mktemp("built-copy") / "project")
    assert waqai(project, "build", "--quiet").status == 0
    return project


@pytest.fixture()
def project_copy(built_copy: Path, tmp_path: Path) -> Path:
    """A fresh copy of `built_copy` for one test: a build in it finds its site up to date."""
    copy = tmp_path / "project"
    shutil.copytree(built_copy, copy, symlinks=True)
    return copy
