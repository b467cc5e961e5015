"""Hypothesis is derandomized under CI=true (tests/conftest.py), so CI cannot fail at random."""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import settings

from tests.helpers import ROOT

SHOW_DEFAULT = (
    "import tests.conftest; from hypothesis import settings; "
    "print(settings.default.derandomize, settings.default.database)"
)
# Variables by which Hypothesis itself detects a CI service (and then derandomizes on its own).
NOT_CI = {"CI", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "BUILDKITE", "CIRCLECI", "CIRRUS_CI"}


def test_ci_profile_is_derandomized_without_a_database() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize is True and ci.database is None
    if os.environ.get("CI") == "true":
        assert settings.default.derandomize is True


def test_conftest_loads_the_ci_profile_only_under_ci_true() -> None:
    def default_under(ci: str) -> str:
        env = {k: v for k, v in os.environ.items() if k not in NOT_CI} | ({"CI": ci} if ci else {})
        result = subprocess.run(
            [sys.executable, "-c", SHOW_DEFAULT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert default_under("true") == "True None"
    assert default_under("").startswith("False ")  # no CI variable at all: random, as locally
