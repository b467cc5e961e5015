"""Korean typesetting on screen, measured in Chromium: lines break between words (어절), never
inside a Hangul word, on every page at phone, tablet and laptop widths; no Hangul is slanted; and
the page never scrolls sideways on a phone.

Breaks are found where they land, not by reading CSS: every character of the prose is measured
with Range.getClientRects, and a word (the characters between two spaces) whose consecutive
Hangul syllables sit on two different lines is broken. The one allowed exception is a word wider,
on its own, than the line it is set in (overflow-wrap must break it somewhere); such words stay
rare, or the exception would hide breaks.

A word is not broken either where Hangul meets a formula, a link or a parenthesis inside it, as
in 퍼셉트론(perceptron)/과 or σ(z)/입니다 ("attached" breaks). Chromium allows a break there under
`word-break: keep-all` (it keeps only letters and digits together), so CSS alone cannot prevent
it: the build binds such words with `<span class="nowrap">` (scripts/typeset.py), except a word
too wide for a phone's line, which this test then counts as wide.
"""

from __future__ import annotations

import pytest

from tests.helpers import CHAPTER, nav_paths, new_page, open_details, page_ids

WIDTHS = (360, 390, 768, 1280)

# Hangul: Jamo, compatibility Jamo, extended Jamo A/B and the syllables.
HANGUL = r"[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]"

# Breaks inside Hangul words in the prose under every element matching `roots`. The prose is read
# block by block (an element whose display is not inline); within a block, words are the runs of
# characters between white space. Formulas, inline code and images are atoms of the word they sit
# in; an inline-block is an atom of the outer word and a block of its own. Two measured pieces are
# on one line when their boxes overlap vertically by more than half the smaller one. Returns the
# breaks between two Hangul syllables (`hangul`), breaks anywhere else inside a word that holds
# Hangul, as in 출력(output)/이 (`attached`), the words looked at, those wider than their line
# (`wide`, left out), and a few broken words.
JS_BREAKS = """(roots) => {
  const HANGUL = /@HANGUL@/;
  const SPACE = /[\\s\\u00a0\\u200b]/;
  const SKIP = 'script, style, template, pre, .headerlink, .md-clipboard, .md-code__nav';
  const ATOM = 'math, code, kbd, img, svg, input, button, select, textarea, iframe, canvas';
  const range = document.createRange();
  const found = {hangul: 0, attached: 0, words: 0, wide: 0, samples: []};
  const box = r => ({top: r.top, bottom: r.bottom, left: r.left, right: r.right});
  const sameLine = (a, b) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
    > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);

  function analyse(block, units) {
    const style = getComputedStyle(block);
    const line = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    let word = [];
    const flush = () => {
      if (word.some(u => u.hangul)) {
        found.words++;
        const width = word.reduce((w, u) => w + u.width, 0);
        if (width > line + 0.5) found.wide++;
        else {
          let text = word[0].text, broken = false;
          for (let i = 1; i < word.length; i++) {
            const a = word[i - 1], b = word[i];
            if (!sameLine(a.end, b.start)) {
              broken = true;
              if (a.hangul && b.hangul) found.hangul++; else found.attached++;
              text += '/';
            }
            text += b.text;
          }
          if (broken && found.samples.length < 12) found.samples.push(text);
        }
      }
      word = [];
    };
    for (const u of units) if (u === null) flush(); else word.push(u);
    flush();
  }

  function collect(block) {
    const units = [];
    const walk = node => {
      for (let n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === Node.TEXT_NODE) {
          const s = n.data;
          for (let i = 0; i < s.length; i++) {
            const ch = s[i];
            if (SPACE.test(ch)) { units.push(null); continue; }
            const size = (s.charCodeAt(i) & 0xfc00) === 0xd800 ? 2 : 1;
            range.setStart(n, i);
            range.setEnd(n, i + size);
            i += size - 1;
            const r = [...range.getClientRects()].find(r => r.width > 0);
            if (!r) continue;
            units.push({text: s.slice(i + 1 - size, i + 1), hangul: HANGUL.test(ch),
                        width: r.width, start: box(r), end: box(r)});
          }
        } else if (n.nodeType === Node.ELEMENT_NODE) {
          if (n.matches(SKIP)) continue;
          if (n.localName === 'br') { units.push(null); continue; }
          const display = getComputedStyle(n).display, atom = n.matches(ATOM);
          if (display === 'none') continue;
          if (!(display.startsWith('inline') || display === 'math' || display === 'contents')) {
            units.push(null);
            if (!atom) collect(n);
            units.push(null);
          } else if (atom || (display !== 'inline' && display !== 'contents')) {
            const rects = [...n.getClientRects()].filter(r => r.width > 0);
            if (rects.length) units.push({text: '\u25a1', hangul: false,
              width: rects.reduce((w, r) => w + r.width, 0),
              start: box(rects[0]), end: box(rects[rects.length - 1])});
            if (!atom) collect(n);
          } else {
            walk(n);
          }
        }
      }
    };
    walk(block);
    analyse(block, units);
  }

  for (const root of document.querySelectorAll(roots)) collect(root);
  return found;
}""".replace("@HANGUL@", HANGUL)

# Elements holding Hangul text (a direct text node) drawn slanted: a computed font-style other
# than normal (Korean fonts have no italic, so Chromium slants the syllables), or a one-letter
# MathML <mi>, which MathML sets in italic.
JS_SLANTED = """() => {
  const HANGUL = /@HANGUL@/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set(), slanted = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!HANGUL.test(n.data) || seen.has(el) || el.closest('script, style, template')) continue;
    seen.add(el);
    const style = getComputedStyle(el).fontStyle;
    const mi = el.localName === 'mi' && [...el.textContent.trim()].length === 1
      && el.getAttribute('mathvariant') !== 'normal';
    if (style !== 'normal' || mi)
      slanted.push(`<${el.localName} class="${el.className}"> ${style}: ${n.data.trim().slice(0, 30)}`);
  }
  return {checked: seen.size, slanted};
}""".replace("@HANGUL@", HANGUL)

# The prose of a page: the article, and the tooltip or preview open over it.
PROSE = "article.md-content__inner, .md-tooltip2--active .md-tooltip2__inner"


def settle(page) -> None:
    """Wait until web fonts (none are downloaded, but the set must be ready) and layout settle."""
    page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r())))")


@pytest.fixture(scope="module")
def measured(browser, base_url: str) -> dict[str, dict]:
    """Return, for every page (loaded once, every solution open): the breaks inside Hangul words
    of its prose at each width, its slanted Hangul, and its scroll and window widths at 360 px."""
    found: dict[str, dict] = {}
    with new_page(browser, base_url) as page:
        for path in nav_paths():
            page.set_viewport_size({"width": 1280, "height": 800})
            page.goto(base_url + path, wait_until="load")
            open_details(page)
            found[path] = {"breaks": {}, "slanted": page.evaluate(JS_SLANTED)}
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                settle(page)
                found[path]["breaks"][width] = page.evaluate(JS_BREAKS, PROSE)
                if width == 360:
                    found[path]["scroll"] = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
    return found


@pytest.mark.parametrize("path", nav_paths(), ids=page_ids())
def test_no_line_break_inside_a_hangul_word(measured, path: str) -> None:
    """At 360, 390, 768 and 1280 px, no line of the page's prose ends inside a Hangul word: between
    two syllables, or where Hangul meets a formula, a link or a bracket."""
    results = measured[path]["breaks"]
    assert all(r["words"] > 0 for r in results.values()), f"/{path}: no Hangul words measured"
    wide = {w: r["wide"] for w, r in results.items() if r["wide"] > r["words"] // 20}
    assert not wide, f"/{path}: over 5% of the words counted as wider than their line: {wide}"
    broken = {w: (r["hangul"], r["attached"], r["samples"]) for w, r in results.items() if r["hangul"] or r["attached"]}
    assert not broken, (
        f"/{path}: breaks in words (between syllables, next to a formula or bracket, examples) per width: {broken}"
    )


@pytest.mark.parametrize("path", nav_paths(), ids=page_ids())
def test_no_slanted_hangul(measured, path: str) -> None:
    """No element holding Hangul text is drawn slanted (captions, emphasis, terms inside them)."""
    found = measured[path]["slanted"]
    assert found["checked"] > 0, f"/{path}: no Hangul text found"
    assert not found["slanted"], f"/{path}: Hangul drawn slanted: {found['slanted']}"


@pytest.mark.parametrize("path", nav_paths(), ids=page_ids())
def test_no_sideways_scroll_on_a_phone(measured, path: str) -> None:
    """At 360 px, with every solution open, the page is no wider than the screen."""
    scroll, inner = measured[path]["scroll"]
    assert scroll <= inner, f"/{path} at 360 px: {scroll} px wide in a {inner} px window"


@pytest.mark.parametrize("width", [360, 1280])
def test_no_break_inside_a_word_in_previews(browser, base_url: str, width: int) -> None:
    """A glossary term's tooltip and a footnote's preview on the chapter break between words too."""
    with new_page(browser, base_url, width=width) as page:
        page.goto(base_url + CHAPTER, wait_until="load")
        for link in ("article p a.glossary-term", "article p a.footnote-ref"):
            target = page.locator(link).first
            target.scroll_into_view_if_needed()
            target.focus()
            page.locator(".md-tooltip2--active .md-tooltip2__inner").wait_for(state="visible", timeout=5000)
            settle(page)
            found = page.evaluate(JS_BREAKS, ".md-tooltip2--active .md-tooltip2__inner")
            assert found["words"] > 0, f"{link}: no Hangul words in its tooltip"
            assert not found["hangul"], f"{link} at {width} px: {found}"
            page.evaluate("document.activeElement.blur()")
            page.wait_for_function("!document.querySelector('.md-tooltip2--active')", timeout=3000)
