"""Shared fixtures: one strict build of the real site, and throw-away copies for bad-input builds."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import mpmath
import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
# What a build needs from the repository; a copy of these builds exactly like the real tree.
SOURCES = ("docs", "snippets", "scripts", "mkdocs.yml", "overrides")
# Build caches a copy reuses (not .cache/audit: Lighthouse's node_modules, no part of a build).
CACHES = ("figures", "notebooks")


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
    for name in CACHES:
        if (ROOT / ".cache" / name).is_dir():
            shutil.copytree(ROOT / ".cache" / name, dest / ".cache" / name)
    return dest


def _free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The session's build names the address it is served on as site_url, as the deploy workflow does:
# Material's instant navigation only takes over links whose host and port match sitemap.xml.
SERVE_PORT = _free_port()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the folder of one strict build of the real site, shared by the whole session."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site, SITE_URL=f"http://127.0.0.1:{SERVE_PORT}/")
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

    try:
        server = serve(site_dir, port=SERVE_PORT)
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


def watch(pg, base_url: str):
    """Return `pg` after attaching lists of foreign requests, console errors, failed requests and
    responses with status ≥ 400 (`foreign_requests`, `console_errors`, `failed_requests`, `bad_responses`)."""
    pg.foreign_requests = []  # type: ignore[attr-defined]
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.failed_requests = []  # type: ignore[attr-defined]
    pg.bad_responses = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: r.url.startswith(base_url) or r.url.startswith("data:") or pg.foreign_requests.append(r.url))
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.on("requestfailed", lambda r: pg.failed_requests.append(f"{r.url} ({r.failure})"))
    pg.on("response", lambda r: r.status >= 400 and pg.bad_responses.append(f"{r.status} {r.url}"))
    return pg


@contextlib.contextmanager
def new_page(browser, base_url: str, scheme: str = "light", width: int = 1280) -> Iterator:
    """Yield a fresh watched page (see `watch`) in its own context: `width`×800, the system colour
    scheme `scheme` ("light" or "dark"), relative URLs resolved against `base_url`."""
    context = browser.new_context(viewport={"width": width, "height": 800}, base_url=base_url, color_scheme=scheme)
    try:
        yield watch(context.new_page(), base_url)
    finally:
        context.close()


@pytest.fixture
def page(browser, base_url):
    """Return a fresh page (1280×800, light scheme) whose requests to other hosts are recorded."""
    with new_page(browser, base_url) as pg:
        yield pg


def assert_clean(page, path: str | None = None, allowed_404: str | None = None) -> None:
    """Fail if the page asked another host, logged an error, lost a request or got an HTTP error
    (`allowed_404`: the one URL expected to answer 404, and the console error it causes)."""
    where = f"/{path}" if path is not None else page.url
    assert not page.foreign_requests, f"{where} requested other hosts: {page.foreign_requests}"
    assert not page.failed_requests, f"{where} failed requests: {page.failed_requests}"
    bad = [r for r in page.bad_responses if not (allowed_404 and r == f"404 {allowed_404}")]
    assert not bad, f"{where} HTTP errors: {bad}"
    errors = [e for e in page.console_errors if not (allowed_404 and "404" in e and "Failed to load resource" in e)]
    assert not errors, f"{where} console errors: {errors}"


def open_details(page) -> None:
    """Open every <details> of the page (solutions hold figures and math too)."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


def color_scheme(page) -> str | None:
    """Return Material's active palette scheme ('default' is light, 'slate' is dark)."""
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


# ── Pages of the site, from the nav in mkdocs.yml (read without building) ─────────────────────

PAGE_SUFFIXES = (".md", ".ipynb", ".py")  # .py: jupytext notebooks under docs/


def _nav_files(node: object) -> list[str]:
    """Return the source files named in a (nested) mkdocs nav, in order, skipping external links."""
    if isinstance(node, str):
        return [] if "://" in node or not node.endswith(PAGE_SUFFIXES) else [node]
    if isinstance(node, list):
        return [f for item in node for f in _nav_files(item)]
    if isinstance(node, dict):
        return [f for value in node.values() for f in _nav_files(value)]
    return []


def nav_files() -> list[str]:
    """Return the docs/-relative source files listed in mkdocs.yml's nav, in nav order."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)  # noqa: S506 (safe subclass)
    return _nav_files(config.get("nav") or [])


def url_path(source: str) -> str:
    """Return the site path ('' for the home page, 'name/' otherwise) a docs/ source is built to."""
    stem = source.rsplit(".", 1)[0]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


NAV_FILES: list[str] = nav_files()
NAV_PATHS: list[str] = [url_path(f) for f in NAV_FILES]
MISSING = "no-such-page/"  # any path without a page: the server answers with 404.html
CHAPTER = "sigmoid-neurons/"  # the translated chapter's site path


def page_ids() -> list[str]:
    """Return pytest ids for NAV_PATHS (the home page as 'home')."""
    return [p.rstrip("/") or "home" for p in NAV_PATHS]


# ── Checks shared by the tests of built pages ─────────────────────────────────────────────────

# Raw TeX in prose: any dollar sign (inline $…$ or display $$…$$) and any backslash (\(, \[,
# \frac, \sigma, …). Prose has neither; code, <math> and scripts are excluded before matching.
RAW_TEX = re.compile(r"\$+|\\(?:[A-Za-z]+|.?)", re.S)


def article_html(html: str) -> str:
    """Return the page's main article (without nav, header and footer) as the HTML it was built as."""
    start = html.find('<article class="md-content__inner')
    assert start >= 0, 'no <article class="md-content__inner"> on the page'
    return html[start : html.index("</article>", start) + len("</article>")]


def article(html: str, drop_code: bool = False):
    """Return the page's main article parsed (BeautifulSoup); with `drop_code`, without its code
    blocks and inline code."""
    from bs4 import BeautifulSoup

    found = BeautifulSoup(article_html(html), "html.parser").select_one("article.md-content__inner")
    assert found is not None
    if drop_code:
        for code in found.find_all(["pre", "code"]):
            code.decompose()
    return found


def article_text(html: str, drop_code: bool = False) -> str:
    """Return the article's text with whitespace collapsed (`drop_code`: without code)."""
    return re.sub(r"\s+", " ", article(html, drop_code).get_text(" "))


def exact_sigmoid(z: float) -> mpmath.mpf:
    """Return σ(z) at 50 significant digits: the independent reference for snippets and tables."""
    with mpmath.workdps(50):
        return 1 / (1 + mpmath.exp(-mpmath.mpf(z)))
