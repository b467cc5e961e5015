"""Page weight on first load, as the browser receives it (gzip bytes), including the search index."""

from __future__ import annotations

from fnmatch import fnmatchcase

import pytest

from tests.conftest import CHAPTER, NAV_PATHS, assert_clean, new_page, page_ids

pytestmark = pytest.mark.browser

# Budgets in gzip bytes on first load (HTML, CSS, JS, figures, search index), by site path;
# scripts/bench.py reports against the same numbers (`budget_for` accepts .../index.html too).
KIB = 1024
CHAPTER_BUDGET = 150 * KIB  # the chapter is read first and most
NOTEBOOK_BUDGET = 120 * KIB  # notebook pages: prose, outputs inlined as SVG, nothing else
DEFAULT_BUDGET = 200 * KIB  # every other page
BUDGET = {CHAPTER: CHAPTER_BUDGET, "notebooks/*": NOTEBOOK_BUDGET}  # site path or glob → bytes
SEARCH_INDEX = "search/search_index.json"


def budget_for(path: str) -> int:
    """Return the budget of the page at site path `path` ('' or 'index.html' for the home page)."""
    path = path.removesuffix("index.html")
    return next((b for pattern, b in BUDGET.items() if fnmatchcase(path, pattern)), DEFAULT_BUDGET)


def first_load_bytes(browser, base_url: str, path: str) -> dict[str, int]:
    """Return encoded body bytes per URL for a fresh load of `path`, scrolled to the bottom."""
    with new_page(browser, base_url) as page:
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
        assert_clean(page, path)
        return sizes


@pytest.mark.parametrize("path", NAV_PATHS, ids=page_ids())
def test_page_weight_within_budget(browser, base_url: str, path: str) -> None:
    """All bytes of a page's first load (HTML, CSS, JS, figures, search index) fit its budget."""
    sizes = first_load_bytes(browser, base_url, path)
    assert SEARCH_INDEX in sizes and sizes[SEARCH_INDEX] > 0
    total = sum(sizes.values())
    budget = budget_for(path)
    heaviest = sorted(sizes.items(), key=lambda kv: -kv[1])[:6]
    print(f"\n/{path}: {total / KIB:.1f} KiB of {budget / KIB:.0f} KiB in {len(sizes)} responses; "
          + ", ".join(f"{u} {s / KIB:.1f}" for u, s in heaviest))
    assert total <= budget, f"/{path}: {total / KIB:.1f} KiB > {budget / KIB:.0f} KiB; heaviest: {heaviest}"
