"""Convert the LaTeX that pymdownx.arithmatex (generic mode) leaves in a page into MathML."""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert

# arithmatex (generic) wraps inline math in <span class="arithmatex">\(…\)</span> and display
# math in <div class="arithmatex">\[…\]</div>.
_INLINE = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.S)
_DISPLAY = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.S)
_TAG = re.compile(r"\\tag\{([^{}]*)\}")
# A command latex2mathml does not know survives as text such as <mi>\foo</mi>.
_LEFTOVER = re.compile(r">[^<]*\\[A-Za-z]+[^<]*<")


class MathError(ValueError):
    """A formula that cannot be converted."""


def latex_to_mathml(tex: str, display: bool = False) -> str:
    """Return the MathML for one formula; raise MathError naming the formula if it fails."""
    try:
        out = convert(tex, display="block" if display else "inline")
    except Exception as exc:  # latex2mathml raises many unrelated exception types
        raise MathError(f"cannot convert formula ${tex}$: {type(exc).__name__} {exc}".strip()) from exc
    if leftover := _LEFTOVER.search(out):
        bad = leftover.group(0)[1:-1]
        raise MathError(f"cannot convert formula ${tex}$: unknown command in {bad!r}")
    return out


def _display(match: re.Match[str]) -> str:
    tex = html.unescape(match.group(1)).strip()
    tag = _TAG.search(tex)
    if tag is None:
        return f'<div class="math-display">{latex_to_mathml(tex, display=True)}</div>'
    number = tag.group(1).strip()
    body = latex_to_mathml(_TAG.sub("", tex).strip(), display=True)
    return (
        f'<div class="math-display math-numbered" id="eqtn{number}">{body}'
        f'<span class="math-number">({number})</span></div>'
    )


def convert_page(page_html: str) -> str:
    """Return the page with every arithmatex formula replaced by MathML."""
    page_html = _DISPLAY.sub(_display, page_html)
    return _INLINE.sub(lambda m: latex_to_mathml(html.unescape(m.group(1)).strip()), page_html)
