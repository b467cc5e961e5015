"""Page weight on first load, as the browser receives it (gzip bytes), including the search index."""

from __future__ import annotations

import pytest

from tests.conftest import NAV_PATHS, watch

pytestmark = pytest.mark.browser

KIB = 1024
CHAPTER = "sigmoid-neurons/"
BUDGET = {CHAPTER: 150 * KIB}  # the chapter is read first and most: the tightest budget
DEFAULT_BUDGET = 200 * KIB
SEARCH_INDEX = "search/search_index.json"


def first_load_bytes(browser, base_url: str, path: str) -> dict[str, int]:
    """Return encoded body bytes per URL for a fresh load of `path`, scrolled to the bottom."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    try:
        page = watch(context.new_page(), base_url)
        finished = []
        page.on("requestfinished", lambda r: finished.append(r))
        page.goto(base_url + path, wait_until="networkidle")
        page.evaluate("""async () => {
            for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
                window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); }
        }""")
        page.wait_for_load_state("networkidle")
        if not any(r.url == base_url + SEARCH_INDEX for r in finished):  # the budget includes it
            page.evaluate("(u) => fetch(u).then(r => r.arrayBuffer())", base_url + SEARCH_INDEX)
            page.wait_for_load_state("networkidle")
        sizes = {}
        for request in finished:
            if request.url.startswith(base_url):
                sizes[request.url.removeprefix(base_url)] = request.sizes()["responseBodySize"]
        assert not page.foreign_requests, page.foreign_requests
        return sizes
    finally:
        context.close()


@pytest.mark.parametrize("path", NAV_PATHS, ids=[p.rstrip("/") or "home" for p in NAV_PATHS])
def test_page_weight_within_budget(browser, base_url: str, path: str) -> None:
    """All bytes of a page's first load (HTML, CSS, JS, figures, search index) fit its budget."""
    sizes = first_load_bytes(browser, base_url, path)
    assert SEARCH_INDEX in sizes and sizes[SEARCH_INDEX] > 0
    assert (path or "index.html") in sizes or path in sizes
    total = sum(sizes.values())
    budget = BUDGET.get(path, DEFAULT_BUDGET)
    heaviest = sorted(sizes.items(), key=lambda kv: -kv[1])[:6]
    print(f"\n/{path}: {total / KIB:.1f} KiB of {budget / KIB:.0f} KiB in {len(sizes)} responses; "
          + ", ".join(f"{u} {s / KIB:.1f}" for u, s in heaviest))
    assert total <= budget, f"/{path}: {total / KIB:.1f} KiB > {budget / KIB:.0f} KiB; heaviest: {heaviest}"
