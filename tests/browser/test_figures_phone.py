"""Figures on a 360 px phone: every glyph of every visible figure is at least MIN_TEXT_PX CSS px."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.figures import MIN_TEXT_PX, NARROWEST_PX
from tests.figure_text import smallest_size
from tests.helpers import ROOT, nav_files, nav_paths, new_page, open_details

# Load every visible figure (they are lazy: unloaded, a figure is laid out at another width),
# then return [src, width in CSS px] of each.
JS_SHOWN_WIDTHS = """async () => {
  const shown = [...document.querySelectorAll('img[src*="figures/"]')].filter(i => i.checkVisibility());
  for (const img of shown) {
    img.scrollIntoView({block: 'center'});
    const start = performance.now();
    while (!(img.complete && img.naturalWidth) && performance.now() - start < 5000)
      await new Promise(r => setTimeout(r, 25));
  }
  return shown.map(i => [i.getAttribute('src'), i.getBoundingClientRect().width]);
}"""
WITH_FIGURES = [p for f, p in zip(nav_files(), nav_paths()) if "figures/" in (ROOT / "docs" / f).read_text("utf-8")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", WITH_FIGURES)
def test_figure_text_is_readable_at_360px(browser, base_url: str, site_dir: Path, path: str, scheme: str) -> None:
    with new_page(browser, base_url, scheme, width=360) as page:
        page.goto(path)
        open_details(page)
        shown = page.evaluate(JS_SHOWN_WIDTHS)
    assert shown, f"/{path}: no figure shown at 360 px"
    for src, width in shown:
        svg = (site_dir / "figures" / src.split("/")[-1].split("#")[0]).read_text("utf-8")
        px = smallest_size(svg) * width
        assert px >= MIN_TEXT_PX, f"/{path}: {src} shown {width} px wide, smallest text {px:.1f} px"
        assert width >= NARROWEST_PX - 0.5, f"/{path}: {src} is narrower ({width} px) than figures.NARROWEST_PX"
