"""Fixtures for every kind of test: one strict build of the real site, shared by the session.

Also Hypothesis's "ci" profile, loaded under CI=true: the same examples on every run, so CI
passes or fails on the code alone; locally each run still draws new examples.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from scripts.tools.server import free_port
from tests.helpers import ROOT, run_build, session_build_env

# Derandomized: examples come from a fixed seed per test, and no example database is read or
# written, so a failure in CI reproduces by running the same test with CI=true. (Hypothesis has a
# built-in "ci" profile like this one; ours is stated here so that no upgrade can change it.)
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def serve_port() -> int:
    """Return the port the browser tests serve the site on; the build names it as site_url, as the
    deploy workflow does, because Material's instant navigation only takes over links whose host
    and port match sitemap.xml."""
    return free_port()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory, serve_port: int) -> Path:
    """Return the folder of one strict build of the real site, shared by the whole session."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site, **session_build_env(serve_port))
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return site


@pytest.fixture(scope="session")
def built_pages(site_dir: Path) -> dict[str, str]:
    """Return every built HTML page, keyed by its path relative to the site."""
    return {p.relative_to(site_dir).as_posix(): p.read_text("utf-8") for p in site_dir.rglob("*.html")}
