"""Shared fixtures: one strict build of the real site, and throw-away copies for bad-input builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
# What a build needs from the repository; a copy of these builds exactly like the real tree.
SOURCES = ("docs", "snippets", "scripts", "mkdocs.yml", "overrides", "notebooks")


def run_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Build `project` strictly into `site` and return the finished process (never raises)."""
    environ = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"} | env
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=project,
        env=environ,
        capture_output=True,
        text=True,
        timeout=900,
    )


def copy_project(dest: Path) -> Path:
    """Copy the buildable sources into `dest` (never touching the real docs/) and return it."""
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the folder of one strict build of the real site, shared by the whole session."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return site


@pytest.fixture(scope="session")
def built_pages(site_dir: Path) -> dict[str, str]:
    """Return every built HTML page, keyed by its path relative to the site."""
    return {p.relative_to(site_dir).as_posix(): p.read_text("utf-8") for p in site_dir.rglob("*.html")}
