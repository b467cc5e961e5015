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
SOURCES = ("docs", "snippets", "scripts", "mkdocs.yml", "overrides")


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
    # Reuse drawn figures and executed notebooks: the copy's sources hash to the same keys.
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", dest / ".cache")
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


# ── Serving the built site as GitHub Pages does, and a real browser ───────────────────────────

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def base_url(site_dir: Path):
    """Serve the built site on 127.0.0.1 (gzip for text, 404.html for missing paths)."""
    from tests.pages_server import serve

    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Return headless Debian Chromium driven by Playwright; missing Chromium fails under CI=true."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (install Debian's chromium; .ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    """Return a fresh page (1280×800, light scheme) whose requests to other hosts are recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=base_url)
    pg = context.new_page()
    pg.foreign_requests = []  # type: ignore[attr-defined]
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: r.url.startswith(base_url) or r.url.startswith("data:") or pg.foreign_requests.append(r.url))
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    yield pg
    context.close()
