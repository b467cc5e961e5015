"""Page weight on first load, as the browser receives it (gzip bytes), including the search index."""

from __future__ import annotations

import pytest

from scripts.tools.weight import KIB, SEARCH_INDEX, budget_for
from tests.helpers import assert_clean, goto_settled, nav_paths, new_page, page_ids


def first_load_bytes(browser, base_url: str, path: str) -> dict[str, int]:
    """Return encoded body bytes per URL for a fresh load of `path`, scrolled to the bottom."""
    with new_page(browser, base_url) as page:
        finished = []
        page.on("requestfinished", lambda r: finished.append(r))
        goto_settled(page, base_url + path)
        page.evaluate("""async () => {
            for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
                window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); }
        }""")
        page.wait_for_load_state("networkidle")  # what the scroll brought in (lazy figures)
        if not any(r.url == base_url + SEARCH_INDEX for r in finished):  # the budget includes it
            page.evaluate("(u) => fetch(u).then(r => r.arrayBuffer())", base_url + SEARCH_INDEX)
            page.wait_for_load_state("networkidle")
        sizes = {}
        for request in finished:
            if request.url.startswith(base_url):
                sizes[request.url.removeprefix(base_url)] = request.sizes()["responseBodySize"]
        assert_clean(page, path)
        return sizes


@pytest.mark.parametrize("path", nav_paths(), ids=page_ids())
def test_page_weight_within_budget(browser, base_url: str, path: str) -> None:
    """All bytes of a page's first load (HTML, CSS, JS, figures, search index) fit its budget."""
    sizes = first_load_bytes(browser, base_url, path)
    assert SEARCH_INDEX in sizes and sizes[SEARCH_INDEX] > 0
    total = sum(sizes.values())
    budget = budget_for(path)
    heaviest = sorted(sizes.items(), key=lambda kv: -kv[1])[:6]
    print(
        f"\n/{path}: {total / KIB:.1f} KiB of {budget / KIB:.0f} KiB in {len(sizes)} responses; "
        + ", ".join(f"{u} {s / KIB:.1f}" for u, s in heaviest)
    )
    assert total <= budget, f"/{path}: {total / KIB:.1f} KiB > {budget / KIB:.0f} KiB; heaviest: {heaviest}"
