"""Every page in a real browser: nothing fetched from elsewhere, no errors, images decoded, MathML
laid out, no sideways scrolling on a phone, one h1 and an own description, dark mode figures, and
Material's instant navigation keeping math, figures and the playground alive."""

from __future__ import annotations

import pytest

from tests.helpers import (
    MISSING,
    RAW_TEX,
    ROOT,
    assert_clean,
    color_scheme,
    goto_settled,
    nav_files,
    nav_paths,
    open_details,
    page_ids,
)

# Scroll every visible image into view, wait for it, and return the sources that did not decode
# (call open_details first: solutions hold figures too).
JS_UNDECODED = """async () => {
  const bad = [];
  for (const img of document.querySelectorAll('img')) {
    if (!img.checkVisibility({visibilityProperty: true})) continue;
    img.scrollIntoView({block: 'center'});
    const start = performance.now();
    while (!(img.complete && img.naturalWidth) && performance.now() - start < 5000)
      await new Promise(r => setTimeout(r, 25));
    if (!img.complete || img.naturalWidth === 0) bad.push(img.getAttribute('src'));
  }
  window.scrollTo(0, 0);
  return bad;
}"""

# MathML elements without a box (call open_details first: solutions hold math too).
JS_FLAT_MATH = """() => {
  return [...document.querySelectorAll('math')]
    .filter(m => { const r = m.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); })
    .map(m => (m.getAttribute('alttext') || m.textContent).slice(0, 60));
}"""

# Visible prose text: every text node outside code, scripts, styles and MathML.
JS_PROSE = """() => {
  const skip = 'pre, code, script, style, noscript, math, textarea, .md-search';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (!n.parentElement.closest(skip)) out.push(n.data);
  return out.join(' ');
}"""

# Elements sticking out to the right of the viewport (for a readable failure message).
JS_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 && r.width > 0) {
      let p = el.parentElement, clipped = false;
      for (; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') { clipped = true; break; }
      }
      const cls = el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().replace(/\\s+/g, '.') : '';
      if (!clipped) out.push(el.tagName.toLowerCase() + cls + ` (right ${Math.round(r.right)}px)`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, client: width, culprits: out.slice(0, 8)};
}"""


def open_page(page, base_url: str, path: str, status: int = 200):
    """Go to `path`, wait until it has loaded and made its late requests, and return the page
    after checking its status."""
    response = goto_settled(page, base_url + path)
    assert response is not None and response.status == status, f"/{path}: HTTP {response and response.status}"
    return page


def assert_rendered(page, path: str) -> None:
    """Fail if a visible image did not decode, a formula has no box or raw TeX shows."""
    open_details(page)
    undecoded = page.evaluate(JS_UNDECODED)
    assert not undecoded, f"/{path}: images not decoded: {undecoded}"
    flat = page.evaluate(JS_FLAT_MATH)
    assert not flat, f"/{path}: <math> without a box: {flat}"
    raw = RAW_TEX.findall(page.evaluate(JS_PROSE))
    assert not raw, f"/{path}: raw TeX visible: {sorted(set(raw))}"


# ── Each page in Chromium ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("path", [*nav_paths(), MISSING], ids=[*page_ids(), "404"])
def test_page(page, base_url: str, path: str) -> None:
    """A page loads cleanly, renders images and math, has lang=ko, one h1, and fits 360 px; then
    (one load serves both) its palette toggle switches to dark and its figures to their dark variants."""
    missing = path == MISSING
    open_page(page, base_url, path, status=404 if missing else 200)
    assert page.evaluate("document.documentElement.lang") == "ko"
    assert page.locator("h1").count() == 1, f"/{path}: expected exactly one <h1>"
    description = page.locator('meta[name="description"]')
    assert description.count() == 1 and (description.get_attribute("content") or "").strip()
    assert_rendered(page, path)

    resize(page, 360)
    overflow = page.evaluate(JS_OVERFLOW)
    assert overflow["scroll"] <= overflow["client"], f"/{path} scrolls sideways at 360 px: {overflow}"
    assert_rendered(page, path)  # the narrow layout still shows every image and formula
    if not missing:
        resize(page, 1280)
        assert_dark_mode(page, path)
    assert_clean(page, path, allowed_404=base_url + path if missing else None)


def resize(page, width: int) -> None:
    """Set the window `width` px wide and wait until the page has laid itself out for it."""
    page.set_viewport_size({"width": width, "height": 740 if width < 600 else 800})
    page.wait_for_function("width => window.innerWidth === width", arg=width)
    page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    )  # resize handlers ran


def switch_to_dark(page) -> None:
    """Click Material's palette toggle until the slate (dark) scheme is on (it cycles auto→light→dark)."""
    checked = "() => document.querySelector('form[data-md-component=palette] input:checked')?.id"
    for _ in range(4):
        if color_scheme(page) == "slate":
            return
        before = page.evaluate(checked)
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function(f"before => ({checked})() !== before", arg=before)  # the next palette is on
    raise AssertionError("the palette toggle never switched to the dark (slate) scheme")


def assert_dark_mode(page, path: str) -> None:
    """Fail unless the palette toggle switches to slate and every figure then shows its decoded dark variant."""
    assert color_scheme(page) == "default"
    switch_to_dark(page)
    pairs = page.evaluate("""() => [...document.querySelectorAll('img[src*="#only-"]')].map(i => ({
        src: i.getAttribute('src'), shown: i.getClientRects().length > 0}))""")
    for img in pairs:
        dark = img["src"].endswith("#only-dark")
        assert img["shown"] == dark, f"/{path}: {img['src']} {'hidden' if dark else 'shown'} in dark mode"
    open_details(page)
    undecoded = page.evaluate(JS_UNDECODED)
    assert not undecoded, f"/{path}: dark figures not decoded: {undecoded}"
    if "figures/" in (ROOT / "docs" / nav_files()[nav_paths().index(path)]).read_text("utf-8"):
        assert any(i["src"].endswith("#only-dark") for i in pairs), f"/{path}: figures lack dark variants"


# ── Instant navigation ────────────────────────────────────────────────────────────────────────


def playground_outputs(page) -> list[str]:
    """Return the texts of the playground's output elements."""
    return page.locator("[data-playground] output").all_inner_texts()


def test_instant_navigation_keeps_pages_working(page, base_url: str) -> None:
    """Clicking through the nav in one session (no reloads) keeps math, figures and the playground live."""
    open_page(page, base_url, "")
    page.evaluate("window.__sameDocument = true")
    order = [p for p in nav_paths() if p] + [""]
    for path in order:
        target = base_url + path
        hrefs = page.evaluate(
            """(target) => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link[href]')]
                .map((a, i) => [i, a.href]).filter(([i, h]) => h.split('#')[0] === target).map(([i]) => i)""",
            target,
        )
        assert hrefs, f"no nav link to /{path} on {page.url}"
        link = page.locator(".md-sidebar--primary a.md-nav__link[href]").nth(hrefs[0])
        if not link.is_visible():  # inside a collapsed nav section: open it as a reader would
            toggle = link.evaluate(
                "a => a.closest('.md-nav__item--nested').querySelector(':scope > input.md-nav__toggle').id"
            )
            page.locator(f'.md-sidebar--primary label[for="{toggle}"]').first.click()
        page.evaluate("document.querySelector('article').dataset.left = ''")  # gone once the page is swapped
        link.click()
        page.wait_for_url(target)
        page.wait_for_function(
            "(t) => document.querySelector('article:not([data-left]) h1') && location.href === t"
            " && document.readyState === 'complete'",
            arg=target,
        )
        assert page.evaluate("window.__sameDocument === true"), f"/{path} was a full reload, not instant navigation"
        assert_rendered(page, path)
        if page.locator("[data-playground]").count():
            before = playground_outputs(page)
            assert any(t.strip() for t in before), f"/{path}: playground outputs empty after instant navigation"
            slider = page.locator("[data-playground] input[type=range]").first
            slider.focus()
            for _ in range(20):
                page.keyboard.press("ArrowRight")
            page.wait_for_function(  # the playground redrew its outputs
                "before => [...document.querySelectorAll('[data-playground] output')]"
                ".some((o, i) => o.innerText !== before[i])",
                arg=before,
            )
            after = playground_outputs(page)
            assert after != before, f"/{path}: playground outputs did not change after moving a slider"
    assert_clean(page, "(instant navigation)")
