"""The deploy workflow gives a moved tag or a leaked token nothing to work with.

Every action it runs is pinned to a commit (a tag can be moved to other code),
and the checkout does not leave the job's token in .git/config. zizmor, the
GitHub Actions linter, finds nothing of medium or high severity, where it is
installed (`pip install zizmor`).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "site.yml"


def _steps() -> list[dict]:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    return [step for job in jobs.values() for step in job["steps"]]


def test_every_action_is_pinned_to_a_commit():
    uses = [step["uses"] for step in _steps() if "uses" in step]
    assert len(uses) == 4
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action


def test_the_checkout_does_not_keep_the_token():
    (checkout,) = [step for step in _steps() if step.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["persist-credentials"] is False


def test_zizmor_finds_nothing_of_medium_or_high_severity():
    zizmor = shutil.which("zizmor")
    if zizmor is None:
        pytest.skip("zizmor is not installed (pip install zizmor)")
    run = subprocess.run([zizmor, "--offline", "--min-severity", "medium", str(WORKFLOW)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
