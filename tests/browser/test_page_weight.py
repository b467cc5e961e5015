"""Page weight on first load, as the browser receives it (gzip bytes), including the search index."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.tools.weight import KIB, SEARCH_INDEX, budget_for, page_resources, wire_bytes
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
                # The Content-Length our server sent: Chromium reports 0 body bytes for the script
                # a worker starts from (the search worker's 12 KiB), so its own count falls short.
                sent = request.response().header_value("content-length")
                sizes[request.url.removeprefix(base_url)] = int(sent) if sent else request.sizes()["responseBodySize"]
        assert_clean(page, path)
        return sizes


@pytest.mark.parametrize("path", nav_paths(), ids=page_ids())
def test_page_weight_within_budget(browser, base_url: str, site_dir: Path, path: str) -> None:
    """All bytes of a page's first load (HTML, CSS, JS, figures, search index) fit its budget, and
    `make bench`'s count without a browser (scripts/tools/weight.py) names the same files and bytes."""
    sizes = first_load_bytes(browser, base_url, path)
    static = {
        f.relative_to(site_dir).as_posix().removesuffix("index.html"): wire_bytes(f)
        for f in page_resources(site_dir, path + "index.html")
    }
    assert sizes == static, f"/{path}: the browser and scripts/tools/weight.py disagree"
    assert SEARCH_INDEX in sizes and sizes[SEARCH_INDEX] > 0
    total = sum(sizes.values())
    budget = budget_for(path)
    heaviest = sorted(sizes.items(), key=lambda kv: -kv[1])[:6]
    print(
        f"\n/{path}: {total / KIB:.1f} KiB of {budget / KIB:.0f} KiB in {len(sizes)} responses; "
        + ", ".join(f"{u} {s / KIB:.1f}" for u, s in heaviest)
    )
    assert total <= budget, f"/{path}: {total / KIB:.1f} KiB > {budget / KIB:.0f} KiB; heaviest: {heaviest}"
