"""Helpers shared by the unit, site and browser tests: building copies of the site, reading its
pages and nav, driving a watched Chromium page, and the exact σ. Importing this module has no
side effects; the fixtures live in the conftest.py files."""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import mpmath

from scripts.tools.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 (re-exported for the tests)
from scripts.tools.project import copy_project, run_build  # noqa: F401 (re-exported for the tests)

ROOT = Path(__file__).resolve().parent.parent


def session_build_env(serve_port: int) -> dict[str, str]:
    """Return the environment of the session's build: a second build with it must give the same bytes."""
    return {"SITE_URL": f"http://127.0.0.1:{serve_port}/", "SOURCE_DATE_EPOCH": "1700000000"}


def watch(pg, base_url: str):
    """Return `pg` after attaching lists of foreign requests, console errors, failed requests and
    responses with status ≥ 400 (`foreign_requests`, `console_errors`, `failed_requests`, `bad_responses`)."""
    pg.foreign_requests = []  # type: ignore[attr-defined]
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.failed_requests = []  # type: ignore[attr-defined]
    pg.bad_responses = []  # type: ignore[attr-defined]
    pg.on(
        "request",
        lambda r: r.url.startswith(base_url) or r.url.startswith("data:") or pg.foreign_requests.append(r.url),
    )
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.on("requestfailed", lambda r: pg.failed_requests.append(f"{r.url} ({r.failure})"))
    pg.on("response", lambda r: r.status >= 400 and pg.bad_responses.append(f"{r.status} {r.url}"))
    return pg


# The last script Material's search worker loads on every page (mkdocs.yml: search lang [ko, en]).
SEARCH_WORKER_LAST_SCRIPT = "/assets/javascripts/lunr/min/lunr.multi.min.js"


def late_requests() -> tuple[str, ...]:
    """Return the ends of the URLs every page of the theme requests after its `load` event: the
    sitemap (instant navigation takes over links once it has it), the icon (mkdocs.yml:
    theme.favicon) and the search worker's last script. Waiting for these is what "network idle"
    stood for in these tests, without its 500 ms of silence after them."""
    return ("/sitemap.xml", "/" + mkdocs_config()["theme"]["favicon"], SEARCH_WORKER_LAST_SCRIPT)


def goto_settled(page, url: str):
    """Go to `url` in a fresh page and return its response once the page has loaded and its late
    requests (`late_requests`) have finished."""
    with contextlib.ExitStack() as stack:
        for tail in late_requests():
            stack.enter_context(page.expect_request_finished(lambda r, tail=tail: r.url.endswith(tail)))
        response = page.goto(url)
    return response


@contextlib.contextmanager
def new_page(browser, base_url: str, scheme: str = "light", width: int = 1280) -> Iterator:
    """Yield a fresh watched page (see `watch`) in its own context: `width`×800, the system colour
    scheme `scheme` ("light" or "dark"), relative URLs resolved against `base_url`."""
    context = browser.new_context(viewport={"width": width, "height": 800}, base_url=base_url, color_scheme=scheme)
    try:
        yield watch(context.new_page(), base_url)
    finally:
        context.close()


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


@functools.cache
def mkdocs_config() -> dict:
    """Return mkdocs.yml as plain data, its `!` and `!!python/` tags read as None."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)


@functools.cache
def nav_files() -> list[str]:
    """Return the docs/-relative source files listed in mkdocs.yml's nav, in nav order."""
    return _nav_files(mkdocs_config().get("nav") or [])


def url_path(source: str) -> str:
    """Return the site path ('' for the home page, 'name/' otherwise) a docs/ source is built to."""
    stem = source.rsplit(".", 1)[0]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


def nav_paths() -> list[str]:
    """Return the site paths of the nav's pages, in nav order."""
    return [url_path(f) for f in nav_files()]


MISSING = "no-such-page/"  # any path without a page: the server answers with 404.html
CHAPTER = "sigmoid-neurons/"  # the translated chapter's site path


def page_ids() -> list[str]:
    """Return pytest ids for nav_paths() (the home page as 'home')."""
    return [p.rstrip("/") or "home" for p in nav_paths()]


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
