"""Fixtures of the browser tests: the built site served as GitHub Pages serves it, and Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.tools.server import serve
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, new_page


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
    with new_page(browser, base_url) as pg:
        yield pg
