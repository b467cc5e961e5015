"""Fixtures of the browser tests: the built site served as GitHub Pages serves it, and Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.tools.server import serve
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, new_page

# The PDF's dates in the tests: fixed, so that two prints can be compared byte for byte.
PDF_EPOCH = "1700000000"


# Every test in this folder drives Chromium: `pytest -m "not browser"` leaves them all out.
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def base_url(site_dir: Path, serve_port: int):
    """Serve the built site on 127.0.0.1 (gzip for text, 404.html for missing paths)."""
    try:
        server = serve(site_dir, port=serve_port)
        url = server.__enter__()
    except OSError:  # the port was taken meanwhile: serve anyway (instant navigation then reloads)
        server = serve(site_dir)
        url = server.__enter__()
    try:
        yield url
    finally:
        server.__exit__(None, None, None)


def require_chromium() -> None:
    """Fail under CI=true, skip elsewhere, when there is no Chromium to drive."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (install Debian's chromium; .ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def print_pdf(site_dir: Path, dest: Path) -> Path:
    """Return a copy of the built site in `dest` into which `make pdf`'s step has printed the PDF
    edition (the session's own site stays as `make build` left it)."""
    require_chromium()
    shutil.copytree(site_dir, dest)
    env = os.environ | {"SOURCE_DATE_EPOCH": PDF_EPOCH, "CHROMIUM": str(CHROMIUM)}
    result = subprocess.run(
        [sys.executable, "-m", "scripts.tools.pdf", str(dest)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, f"make pdf failed:\n{result.stdout}\n{result.stderr}"
    return dest


@pytest.fixture(scope="session")
def pdf_site(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a copy of the session's site with its PDF edition printed in, shared by the session."""
    return print_pdf(site_dir, tmp_path_factory.mktemp("pdf") / "site")


@pytest.fixture(scope="session")
def browser():
    """Return headless Debian Chromium driven by Playwright; missing Chromium fails under CI=true."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    """Return a fresh page (1280×800, light scheme) whose requests to other hosts are recorded."""
    with new_page(browser, base_url) as pg:
        yield pg
