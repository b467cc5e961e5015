"""Math and layout in Chromium: equation (5) on one line where it fits and wrapped at its pieces on a
phone, σ′ with its prime beside σ, the chapter's text reachable by copy, find and #links, and code
blocks mounted as they come into view, without the spans that draw nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.helpers import CHAPTER, SEARCH_WORKER_LAST_SCRIPT, assert_clean, goto_settled, new_page

# Equation (5): the rows its pieces sit on, whether the page scrolls sideways, whether the number is
# inside the viewport, and where the equation's box is after the browser went to #eqtn5.
JS_EQ5 = """() => {
  const box = document.getElementById('eqtn5');
  const math = box.querySelector('math');
  const pieces = [...math.children].map(p => p.getBoundingClientRect());
  // Pieces on one line overlap vertically (they share a baseline, not a centre).
  let rows = 0, bottom = -Infinity;
  for (const r of pieces) {
    if (r.top >= bottom - 1) { rows += 1; bottom = r.bottom; } else bottom = Math.max(bottom, r.bottom);
  }
  const num = box.querySelector('.math-number').getBoundingClientRect();
  const eq = box.getBoundingClientRect();
  const html = document.documentElement;
  return {pieces: pieces.length, rows, pageScroll: html.scrollWidth - html.clientWidth,
          ownScroll: box.scrollWidth - box.clientWidth, numberLeft: num.left, numberRight: num.right,
          numberWidth: num.width, width: html.clientWidth, top: eq.top, bottom: eq.bottom, height: innerHeight};
}"""


@pytest.mark.parametrize(("width", "rows"), [(1280, 1), (360, 2)])
def test_equation_5_one_line_on_a_laptop_wrapped_at_plus_on_a_phone(
    browser, base_url: str, width: int, rows: int
) -> None:
    """At 1280 px equation (5) is one line; at 360 px it wraps (before ≈ or +) into two, never
    scrolls the page or its own box, keeps its number in view, and #eqtn5 lands on it."""
    with new_page(browser, base_url, width=width) as page:
        goto_settled(page, base_url + CHAPTER + "#eqtn5")
        eq = page.evaluate(JS_EQ5)
        assert eq["pieces"] == 3, eq  # Δoutput | ≈ Σ … Δw_j | + … Δb
        assert eq["rows"] == rows, f"{width} px: equation (5) on {eq['rows']} rows, expected {rows}: {eq}"
        assert eq["pageScroll"] <= 0, f"{width} px: the page scrolls sideways: {eq}"
        assert eq["ownScroll"] <= 1, f"{width} px: equation (5) scrolls in its box instead of wrapping: {eq}"
        assert eq["numberWidth"] > 0 and 0 <= eq["numberLeft"] and eq["numberRight"] <= eq["width"], eq
        assert 0 <= eq["top"] < eq["height"] / 2 and eq["bottom"] <= eq["height"], f"#eqtn5 did not land: {eq}"
        assert page.evaluate("getComputedStyle(document.getElementById('eqtn5')).backgroundColor") != "rgba(0, 0, 0, 0)"
        assert_clean(page, CHAPTER)


# σ and its prime in every σ′ of the chapter: the prime's box against σ's (font size, gaps).
JS_PRIMES = """() => [...document.querySelectorAll('article mo')].filter(mo => mo.textContent === '′').map(mo => {
  const base = mo.previousElementSibling;
  const b = base.getBoundingClientRect(), p = mo.getBoundingClientRect();
  const size = parseFloat(getComputedStyle(base).fontSize);
  return {base: base.textContent, scale: parseFloat(getComputedStyle(mo).fontSize) / size,
          gapX: (p.left - b.right) / size, above: (b.top - p.bottom) / size};
})"""


def test_prime_sits_beside_sigma(page, base_url: str) -> None:
    """Every σ′ on the chapter draws its prime at σ's size, touching σ and reaching into σ's height
    (as a superscript it came out shrunk and floating 0.4 em above σ)."""
    goto_settled(page, base_url + CHAPTER)
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    primes = page.evaluate(JS_PRIMES)
    assert len(primes) >= 5, primes
    bad = [p for p in primes if not (p["scale"] == 1 and abs(p["gapX"]) < 0.05 and p["above"] < 0.05)]
    assert not bad, f"primes apart from their base (em): {bad}"


def test_text_of_the_chapter_is_reachable(page, base_url: str) -> None:
    """A selection copies the whole article with each formula as one run of text, find-in-page
    finds the last paragraph, every formula has a box, and a #link to any h2 or numbered equation
    brings it to the top of the window."""
    goto_settled(page, base_url + CHAPTER)
    last = page.evaluate("""() => { const ps = document.querySelectorAll('.md-content__inner > p');
        return ps[ps.length - 1].textContent.trim().slice(0, 20); }""")
    assert last
    # Select the article as Ctrl+A would, and read what a copy would carry.
    page.evaluate("window.getSelection().selectAllChildren(document.querySelector('article'))")
    page.wait_for_function("() => !window.getSelection().isCollapsed")
    copied = page.evaluate("window.getSelection().toString()")
    assert last.split("\n")[0] in copied, "a selection of the article does not carry its last paragraph"
    # What a copy puts on the clipboard (javascripts/math-copy.js): each formula as one run of text.
    clipboard = page.evaluate("""() => {
      const data = new DataTransfer();
      document.dispatchEvent(new ClipboardEvent('copy', {clipboardData: data, bubbles: true, cancelable: true}));
      return [data.getData('text/plain'), data.getData('text/html')];
    }""")
    assert last.split("\n")[0] in clipboard[0]
    assert "Δoutput≈∑j" in clipboard[0] and "σ′(z)" in clipboard[0], "formulas do not copy as one run of text"
    assert "<math" in clipboard[1], "the copied HTML lost its MathML"
    page.evaluate("window.getSelection().removeAllRanges()")
    assert page.evaluate("t => window.find(t)", last.split("\n")[0]), "find-in-page does not reach the last paragraph"
    flat = page.evaluate("""() => [...document.querySelectorAll('article math')]
        .filter(m => { const r = m.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); }).length""")
    assert flat == 0
    # Every h2 and numbered equation lands at the top of the window.
    ids = page.evaluate("[...document.querySelectorAll('article h2[id], article .math-numbered[id]')].map(e => e.id)")
    missed = {}
    top = "id => document.getElementById(id).getBoundingClientRect().top"
    for target in ids:
        page.goto("about:blank")
        # Leaving before Material's search worker has its last script would abort that request.
        with page.expect_request_finished(lambda r: r.url.endswith(SEARCH_WORKER_LAST_SCRIPT)):
            page.goto(base_url + CHAPTER + "#" + target, wait_until="load")  # its own wait below
        try:  # the browser scrolls to the fragment after load; wait until the target is at the top
            page.wait_for_function(
                f"id => {{ const t = ({top})(id); return t >= 0 && t < 150; }}", arg=target, timeout=3000
            )
        except PlaywrightTimeoutError:
            missed[target] = round(page.evaluate(top, target))
    assert not missed, f"#links that did not land at the top of the window (px from the top): {missed}"
    assert_clean(page, CHAPTER)


# The chapter's code blocks outside <details> (closed ones never come into view), and for each: its
# Tab index, whether Material has mounted it (its copy button), whether it scrolls sideways, and how
# far below the top of the window it starts.
CODE_BLOCKS = "[...document.querySelectorAll('article .highlight pre > code')].filter(c => !c.closest('details'))"
JS_CODE_BLOCKS = f"""() => {CODE_BLOCKS}.map(c => ({{
  tab: c.tabIndex, mounted: !!c.parentElement.querySelector('.md-code__button'),
  scrolls: c.scrollWidth > c.clientWidth, top: c.getBoundingClientRect().top}}))"""


def test_code_blocks_mount_in_view_and_are_reachable_before(page, base_url: str) -> None:
    """Material mounts a code block (copy button, sideways-scroll check) once it comes into view
    (content.lazy), not all at load; before that each block is already in the Tab order, and once
    mounted it stays there only if it scrolls sideways (a laptop's pointer hovers)."""
    goto_settled(page, base_url + CHAPTER)
    height = page.evaluate("innerHeight")
    below = [b for b in page.evaluate(JS_CODE_BLOCKS) if b["top"] > 2 * height]
    assert below, "no code block below the fold to check"
    assert all(b["tab"] == 0 for b in below), f"code blocks the keyboard cannot reach before they mount: {below}"
    assert not any(b["mounted"] for b in below), "code blocks off screen were mounted at load (content.lazy is off)"
    page.evaluate(f"() => {CODE_BLOCKS}.pop().scrollIntoView({{block: 'center'}})")
    page.wait_for_function(f"() => {CODE_BLOCKS}.pop().parentElement.querySelector('.md-code__button')")
    last = page.evaluate(JS_CODE_BLOCKS)[-1]
    assert last["tab"] == (0 if last["scrolls"] else -1), f"Tab index after mounting: {last}"
    assert_clean(page, CHAPTER)


# How a token of each class would look inside a highlighted block ('' is plain code, no span class).
JS_TOKEN_LOOKS = """(classes) => {
  const code = document.querySelector('article .highlight pre > code');
  const looks = el => { const s = getComputedStyle(el);
    return [s.color, s.backgroundColor, s.fontWeight, s.fontStyle, s.textDecorationLine].join(' '); };
  const out = {left: document.querySelectorAll('article .highlight span.n, article .highlight span.w').length};
  for (const c of classes) {
    const span = Object.assign(document.createElement('span'), {className: c, textContent: 'x'});
    code.append(span); out[c] = looks(span); span.remove();
  }
  return out;
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_code_tokens_left_unwrapped_look_like_plain_code(page, base_url: str, scheme: str) -> None:
    """scripts/codeblocks.py drops Pygments' name and whitespace spans (.n, .w) because they draw
    nothing: in both schemes such a token looks exactly like the code around it. A highlighted
    class that does draw (.nb, builtins) differs, so the check can tell."""
    page.goto(base_url + CHAPTER)
    # data-md-color-switching: as Material's palette toggle does, with colour transitions off
    page.evaluate(
        f"document.body.setAttribute('data-md-color-switching', ''); document.body.dataset.mdColorScheme = '{scheme}'"
    )
    looks = page.evaluate(JS_TOKEN_LOOKS, ["", "n", "w", "nb"])
    assert looks["left"] == 0, f"{looks['left']} name or whitespace spans left in the chapter's code"
    assert looks["n"] == looks[""] and looks["w"] == looks[""], looks
    assert looks["nb"] != looks[""], looks


# Inline formulas whose tokens do not share one line: a token box that starts back at the left and
# below the token before it (a formula laid out as blocks, one token per line, reads as a column).
JS_STACKED_INLINE = """() => [...document.querySelectorAll('article math[display="inline"]')]
  .filter(m => m.getClientRects().length)
  .filter(m => {
    const boxes = [...m.children].map(c => c.getBoundingClientRect()).filter(r => r.height > 0);
    return boxes.some((r, i) => i > 0 && r.left < boxes[i - 1].right - 1 && r.top >= boxes[i - 1].bottom - 1);
  })
  .map(m => m.textContent.replace(/\\s+/g, ''))"""


@pytest.mark.parametrize("width", [360, 1280])
def test_inline_formulas_keep_their_tokens_on_one_line(browser, base_url: str, width: int) -> None:
    """On a phone and a laptop every inline formula of the chapter lays its tokens out side by side
    (∂output/∂w_j, not ∂, output, /, … stacked one per line)."""
    with new_page(browser, base_url, width=width) as page:
        goto_settled(page, base_url + CHAPTER)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        stacked = page.evaluate(JS_STACKED_INLINE)
        assert not stacked, f"{width} px: inline formulas stacked one token per line: {stacked[:8]}"
        assert_clean(page, CHAPTER)
