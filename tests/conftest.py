"""Fixtures for every kind of test: one strict build of the real site, shared by the session."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.tools.server import free_port
from tests.helpers import ROOT, run_build


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
    result = run_build(ROOT, site, SITE_URL=f"http://127.0.0.1:{serve_port}/")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return site


@pytest.fixture(scope="session")
def built_pages(site_dir: Path) -> dict[str, str]:
    """Return every built HTML page, keyed by its path relative to the site."""
    return {p.relative_to(site_dir).as_posix(): p.read_text("utf-8") for p in site_dir.rglob("*.html")}
