"""The chapter's blocks below the first screen start skipped (content-visibility: auto) and are all
rendered once the page is idle (docs/javascripts/render.js); a #target renders them at once; a
malformed hash is ignored."""

from __future__ import annotations

from tests.helpers import CHAPTER, assert_clean

# render.js's SKIPPED, as the CSS rule in extra.css's "Rendering cost" section names the blocks.
BLOCKS = (
    ".md-content__inner > :nth-child(n + 7):is(p, ul, ol, dl, blockquote, figure, details, .admonition,"
    " .highlight, .math-display, .md-typeset__scrollwrap, .footnote)"
)
SKIPPED = f"""() => [...document.querySelectorAll('{BLOCKS}')]
    .filter(b => getComputedStyle(b).contentVisibility === 'auto').length"""


def test_blocks_start_skipped_and_all_render_when_idle(page, base_url: str) -> None:
    """Right after parsing most blocks are skipped; once the page is idle none is, and the first
    screen never moved."""
    page.add_init_script(
        f"""document.addEventListener('DOMContentLoaded', () => {{
              window.__skipped = ({SKIPPED})();
              window.__h1 = document.querySelector('article h1').getBoundingClientRect().top;
            }});"""
    )
    page.goto(base_url + CHAPTER, wait_until="load")
    assert page.evaluate("window.__skipped") >= 20, "the blocks below the first screen were not skipped"
    page.wait_for_function(f"({SKIPPED})() === 0", timeout=20000)
    assert page.evaluate("document.querySelector('article h1').getBoundingClientRect().top === window.__h1")
    assert_clean(page, CHAPTER)


def test_hash_renders_every_block_and_a_malformed_one_is_ignored(page, base_url: str) -> None:
    """Arriving at #exercises renders every block before the idle pass would; a malformed hash
    (a lone %) leaves them to it and logs no error."""
    page.goto(base_url + CHAPTER + "#exercises", wait_until="load")
    assert page.evaluate(f"({SKIPPED})()") == 0
    top = page.evaluate("document.getElementById('exercises').getBoundingClientRect().top")
    assert 0 <= top < 150, top
    page.goto(base_url + CHAPTER + "#%E0%A4%A", wait_until="load")
    page.wait_for_function(f"({SKIPPED})() === 0", timeout=20000)
    assert_clean(page, CHAPTER)
