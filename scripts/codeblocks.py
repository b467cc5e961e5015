"""Markup of highlighted code blocks, the chapter's (pymdownx.highlight) and the notebook cells' alike.

A pure function over a page's HTML, published by scripts/hooks/codeblocks.py.
"""

from __future__ import annotations

import re

# Pygments wraps every name in <span class="n"> and whitespace in <span class="w">. Material colours
# .n with --md-code-hl-name-color, which is the code colour itself in both schemes
# (var(--md-code-fg-color)), and does not style .w, so these spans draw nothing. Each is still an
# element the browser restyles at every full style recalculation, and Material forces five at load
# (class no-js → js, palette, color-scheme): 268 of the 1,500 elements of a notebook page. Pygments
# has no option to leave a token type unwrapped, hence this one regex over its HTML; its tokens
# never nest, so a span's text is plain escaped text.
PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def prepare(html: str) -> str:
    """Return `html` with its code blocks out of search, in the Tab order and without spans that draw nothing.

    Material mounts a block only as it comes into view (content.lazy) and then keeps tabindex="0"
    only where the code scrolls sideways; until then the attribute keeps the block reachable.
    """
    html = html.replace("<pre>", "<pre data-search-exclude>")  # search the prose, not the code
    html = html.replace("<span></span><code>", '<span></span><code tabindex="0">')
    return PLAIN_TOKEN.sub(r"\1", html)
