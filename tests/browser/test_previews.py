"""Previews in place, in Chromium: an equation reference, a footnote and a glossary term each show
their content in a tooltip on hover, keyboard focus and (touch screen) tap, without leaving the
paragraph; in light and dark, at 360 px, after instant navigation, served under another port and
path than site_url, with no request to other hosts."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from scripts.tools.server import serve
from tests.helpers import CHAPTER, assert_clean, goto_settled, new_page, watch

ACTIVE = ".md-tooltip2--active"
# An equation link in running text (not the heading "매끄러움과 식 (5)"), by the equation it cites.
EQ_LINK = 'article :is(p, li, dd) a.equation-ref[href$="#eqtn{n}"]'
TERM = 'article p a.glossary-term[href$="#{id}"]'

# Pages that cite an equation, and the one each checks.
CITING = [
    (CHAPTER, 5),
    ("perceptron/", 2),
    ("notebooks/sigmoid-neuron-lab/", 5),
    ("playground/", 5),
    ("code/", 5),
]


def _away(page) -> None:
    """Move the pointer off any link and blur focus; wait for the tooltips to close."""
    page.mouse.move(1, 1)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_function(f"!document.querySelector('{ACTIVE}')", timeout=3000)


def _equation_tooltip(page, n: int) -> None:
    """Fail unless the open tooltip shows equation (n) as MathML and nothing else of its section,
    as a tooltip that describes the link, not as a heading."""
    tip = page.locator(ACTIVE)
    tip.wait_for(state="visible", timeout=5000)
    tip.locator("math").first.wait_for(timeout=5000)  # another page's equation arrives by fetch
    assert tip.evaluate("t => t.getAttribute('role')") == "tooltip"
    assert not tip.locator("h1, h2, h3, h4, h5, h6, [role=heading]").count(), "the preview reads as a heading"
    described = page.evaluate(f"document.querySelector('{ACTIVE}').id")
    assert page.locator(f'a.equation-ref[aria-describedby="{described}"]').count() == 1
    shown = tip.evaluate(
        """t => [...t.querySelectorAll('.md-tooltip2__inner > *')]
            .filter(c => getComputedStyle(c).display !== 'none').map(c => c.textContent)"""
    )
    assert len(shown) == 1 and f"({n})" in shown[0], f"preview shows {shown!r}, expected equation ({n}) alone"
    page.wait_for_function(f"getComputedStyle(document.querySelector('{ACTIVE}')).opacity === '1'")


def _open(page, target, action: str):
    """Return the tooltip that opens when `target` is scrolled into view and hovered, focused or tapped."""
    target.scroll_into_view_if_needed()
    getattr(target, action)()
    tip = page.locator(ACTIVE)
    tip.wait_for(state="visible", timeout=5000)
    return tip


def _in_place(page, link) -> None:
    """Fail if the reader was taken away: the link left the screen or the URL names an equation
    or a footnote."""
    top = link.evaluate("a => a.getBoundingClientRect().top")
    assert 0 <= top <= page.viewport_size["height"], "the link left the screen"
    assert "#eqtn" not in page.url and "#fn:" not in page.url, f"moved to {page.url}"


@pytest.mark.parametrize(("path", "n"), CITING, ids=[p.rstrip("/") for p, _ in CITING])
def test_equation_preview_on_hover_and_keyboard_focus(page, base_url: str, path: str, n: int) -> None:
    """Hovering, then Tab-focusing, a "식 (n)" link shows equation (n) in place; the page does not move."""
    goto_settled(page, base_url + path)
    link = page.locator(EQ_LINK.format(n=n)).first
    link.scroll_into_view_if_needed()
    link.hover()
    _equation_tooltip(page, n)
    _in_place(page, link)
    _away(page)
    link.evaluate("a => { const b = document.createElement('button'); b.textContent = 'x'; a.before(b); b.focus(); }")
    page.keyboard.press("Tab")
    assert link.evaluate("a => a === document.activeElement")
    _equation_tooltip(page, n)
    _in_place(page, link)
    assert_clean(page, path)


def test_footnote_shows_over_the_text(page, base_url: str) -> None:
    """Both footnotes show their note over the text on hover and on focus, without jumping to the bottom."""
    goto_settled(page, base_url + CHAPTER)
    refs = page.locator("article a.footnote-ref")
    assert refs.count() == 2
    for i, words in enumerate(["로지스틱", "계단 함수"]):
        ref = refs.nth(i)
        tip = _open(page, ref, "hover")
        assert words in tip.inner_text()
        _in_place(page, ref)
        _away(page)
        ref.focus()
        page.locator(ACTIVE).wait_for(state="visible", timeout=5000)
        _away(page)
    assert_clean(page, CHAPTER)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_term_shows_english_and_definition(browser, base_url: str, scheme: str) -> None:
    """편향 (linked at its first use, before a particle) shows "bias" and its definition on hover
    and on focus, readable in both schemes."""
    with new_page(browser, base_url, scheme=scheme) as page:
        goto_settled(page, base_url + CHAPTER)
        term = page.locator(TERM.format(id="bias")).first
        tip = _open(page, term, "hover")
        text = tip.inner_text()
        assert text.startswith("bias: ") and "상수" in text, text
        colors = tip.evaluate(
            """t => { const i = t.querySelector('.md-tooltip2__inner'); const s = getComputedStyle(i);
                       return [s.color, s.backgroundColor]; }"""
        )
        assert colors[0] != colors[1]
        _away(page)
        term.focus()
        page.locator(ACTIVE).wait_for(state="visible", timeout=5000)
        assert "bias" in page.locator(ACTIVE).inner_text()
        page.keyboard.press("Escape")  # dismissible without moving focus (WCAG 1.4.13)
        page.wait_for_function(f"!document.querySelector('{ACTIVE}')", timeout=3000)
        assert term.evaluate("a => a === document.activeElement")
        assert_clean(page, CHAPTER)


def _touch_page(browser, base_url: str, scheme: str = "light"):
    """Return a new context and watched page: a 360 px touch phone in `scheme` (close the context)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        base_url=base_url,
        color_scheme=scheme,
        has_touch=True,
        is_mobile=True,
        device_scale_factor=2,
    )
    return context, watch(context.new_page(), base_url)


def _no_sideways_scroll(page, where: str) -> None:
    """Fail if the page scrolls sideways or the open tooltip reaches past the screen's edges."""
    overflow = page.evaluate(
        """() => { const t = document.querySelector('.md-tooltip2--active .md-tooltip2__inner');
                   const r = t ? t.getBoundingClientRect() : {left: 0, right: 0};
                   const page = document.documentElement.scrollWidth - innerWidth;
                   return [page, r.left, r.right - innerWidth]; }"""
    )
    assert overflow[0] <= 0, f"{where}: the page scrolls sideways by {overflow[0]} px"
    assert overflow[1] >= 0 and overflow[2] <= 0, f"{where}: the tooltip leaves the screen {overflow[1:]}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_touch_tap_shows_then_follows(browser, base_url: str, scheme: str) -> None:
    """At 360 px on a touch screen, a first tap on 식 (5) shows the equation in place, a second tap
    reaches it; a tapped footnote and term show too; nothing scrolls sideways."""
    context, page = _touch_page(browser, base_url, scheme)
    try:
        goto_settled(page, base_url + CHAPTER)
        link = page.locator(EQ_LINK.format(n=5)).first
        link.scroll_into_view_if_needed()
        link.tap()
        _equation_tooltip(page, 5)
        _in_place(page, link)
        _no_sideways_scroll(page, "equation preview")
        link.tap()
        page.wait_for_url(base_url + CHAPTER + "#eqtn5")
        try:  # blocks rendered on the way (javascripts/render.js) move it, then it is brought back
            page.wait_for_function(
                "() => { const t = document.getElementById('eqtn5').getBoundingClientRect().top;"
                " return t >= 0 && t < 740; }",
                timeout=3000,
            )
        except PlaywrightTimeoutError:
            top = page.locator("#eqtn5").evaluate("e => e.getBoundingClientRect().top")
            pytest.fail(f"the second tap did not bring equation (5) into view (its top at {top:.0f} px)")

        goto_settled(page, base_url + CHAPTER)

        for selector, expected in [
            ("article a.footnote-ref", "로지스틱"),
            (TERM.format(id="weight"), "weight: "),
        ]:
            target = page.locator(selector).first
            tip = _open(page, target, "tap")
            assert expected in tip.inner_text()
            _in_place(page, target)
            _no_sideways_scroll(page, selector)
            page.locator("article h1").tap()  # tap elsewhere closes it
            page.wait_for_function(f"!document.querySelector('{ACTIVE}')", timeout=3000)
        assert_clean(page, CHAPTER)
    finally:
        context.close()


def test_previews_after_instant_navigation(page, base_url: str) -> None:
    """Arriving at the chapter and at the code page by instant navigation, the previews still work:
    a cross-page equation link shows the chapter's equation, and a term its definition."""
    goto_settled(page, base_url)
    page.evaluate("window.__sameDocument = true")
    for path, n in [(CHAPTER, 5), ("code/", 4)]:
        page.evaluate("document.querySelector('article').dataset.left = ''")  # gone once the page is swapped
        page.locator(f'.md-sidebar--primary a.md-nav__link[href="{base_url + path}"]').first.click()
        page.wait_for_url(base_url + path)
        page.wait_for_function("() => document.querySelector('article:not([data-left]) h1')")
        assert page.evaluate("window.__sameDocument === true"), "a full reload, not instant navigation"
        link = page.locator(EQ_LINK.format(n=n)).first
        link.scroll_into_view_if_needed()
        link.hover()
        _equation_tooltip(page, n)
        _away(page)
        term = page.locator("article p a.glossary-term").first
        term.scroll_into_view_if_needed()
        term.hover()
        page.locator(ACTIVE).wait_for(state="visible", timeout=5000)
        assert ": " in page.locator(ACTIVE).inner_text()
        _away(page)
    assert_clean(page, "(instant navigation)")


@pytest.fixture(scope="module")
def mirror_url(site_dir, serve_port: int, tmp_path_factory: pytest.TempPathFactory):
    """Serve the same build under /mirror/sub/ on another port than its site_url names, as a mirror,
    a pull-request preview or a reader's local copy would (Material's instant navigation and
    instant previews act only on the URLs of sitemap.xml, which name site_url)."""
    root = tmp_path_factory.mktemp("mirror")
    shutil.copytree(site_dir, root / "mirror" / "sub")
    with serve(root) as url:
        assert not url.endswith(f":{serve_port}/")
        yield url + "mirror/sub/"


def test_previews_where_the_site_is_served_elsewhere(browser, mirror_url: str) -> None:
    """Under another port and path: 식 (5) on its own page shows the equation from the page itself,
    with no request; a glossary term shows its definition on hover and focus; 식 (4) on the code
    page shows the chapter's equation; and where the page holding an equation cannot be read,
    its reference shows its title and stays a plain link."""
    with new_page(browser, mirror_url) as page:
        goto_settled(page, mirror_url + CHAPTER)
        assert "mirror/sub/" in page.url
        requests: list[str] = []
        page.on("request", lambda r: r.resource_type in ("document", "fetch", "xhr") and requests.append(r.url))
        link = page.locator(EQ_LINK.format(n=5)).first
        link.scroll_into_view_if_needed()
        link.hover()
        _equation_tooltip(page, 5)
        assert not requests, f"the same-page preview fetched {requests}"
        _away(page)

        term = page.locator(TERM.format(id="bias")).first
        tip = _open(page, term, "hover")
        assert tip.inner_text().startswith("bias: ")
        assert term.get_attribute("title") is None, "the browser's own tooltip would cover ours"
        _away(page)
        assert term.get_attribute("title").startswith("bias: "), "the title did not come back"
        term.focus()
        page.locator(ACTIVE).wait_for(state="visible", timeout=5000)
        page.keyboard.press("Escape")
        page.wait_for_function(f"!document.querySelector('{ACTIVE}')", timeout=3000)
        assert_clean(page, "mirror " + CHAPTER)

    with new_page(browser, mirror_url) as page:
        goto_settled(page, mirror_url + "code/")
        link = page.locator(EQ_LINK.format(n=4)).first
        link.scroll_into_view_if_needed()
        link.hover()
        _equation_tooltip(page, 4)
        assert_clean(page, "mirror code/")

    missing = mirror_url + "perceptron/"
    with new_page(browser, mirror_url) as page:
        page.route(missing, lambda route: route.fulfill(status=404, body="gone"))
        goto_settled(page, mirror_url + CHAPTER)
        link = page.locator('article p a.equation-ref[href$="/perceptron/#eqtn1"]').first
        title = link.get_attribute("title")
        assert title == "식 (1) · 퍼셉트론 복습"
        tip = _open(page, link, "hover")
        page.wait_for_function(f"!document.querySelector('{ACTIVE}[aria-busy]')", timeout=5000)  # fetch settled
        assert tip.inner_text() == title and not tip.locator("math").count()
        assert link.evaluate("a => a.href") == missing + "#eqtn1"
        assert_clean(page, "mirror " + CHAPTER, allowed_404=missing)
