"""Tests that need a program the machine may lack (Chromium, Playwright, pdftotext).

On a developer's machine without it they are skipped, with the fix in the
reason. In CI (`CI=true`: GitHub Actions sets it, `.ci/run` exports it) they
fail instead: CI installs these programs, so a missing one is a broken setup,
and a CI run that skipped the browser tests must not pass.
"""
from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def missing(reason: str) -> NoReturn:
    """Skip the test for `reason`, or fail it when running in CI."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: required in CI, not skipped)", pytrace=False)
    pytest.skip(reason)
