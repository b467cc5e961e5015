"""Convert the LaTeX that pymdownx.arithmatex (generic mode) leaves in a page into MathML.

latex2mathml does the parsing; `_tidy` then rewrites its element tree into the MathML a browser
and a screen reader need (fewer elements, words as words, primes that sit next to their base),
and display formulas get break points so that a long one wraps on a narrow screen.
"""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Element, tostring

from latex2mathml.converter import Converter

# arithmatex (generic) wraps inline math in <span class="arithmatex">\(…\)</span> and display
# math in <div class="arithmatex">\[…\]</div>.
_INLINE = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.DOTALL)
_DISPLAY = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.DOTALL)
_TEX_TAG = re.compile(r"\\tag\{([^{}]*)\}")
# A command latex2mathml does not know survives as text such as <mi>\foo</mi>.
_LEFTOVER = re.compile(r">[^<]*\\[A-Za-z]+[^<]*<")

# Elements whose children are laid out as one row (an "inferred mrow" in MathML).
_ROWS = {"math", "mrow", "mstyle", "mtd", "msqrt", "mpadded", "mphantom", "menclose", "merror"}
# Elements whose first child decides whether they act as an operator (MathML "embellished operator").
_EMBELLISHERS = {"msub", "msup", "msubsup", "munder", "mover", "munderover", "mmultiscripts", "mfrac"}
_PRIMES = {"′", "″", "‴", "⁗"}
# Top-level operators before which a display formula may wrap: binary + and −, and relations.
_BREAKS = {"+", "−", "=", "≈", "≡", "<", ">", "≤", "≥", "≠"}


class MathError(ValueError):
    """A formula that cannot be converted."""


def _embellished(el: Element) -> bool:
    """Return whether `el` is, or may act as, an operator (moving it would change its spacing)."""
    if el.tag == "mo":
        return True
    if el.tag in _EMBELLISHERS:
        return len(el) > 0 and _embellished(el[0])
    if el.tag in _ROWS:
        return any(_embellished(child) for child in el)
    return False


def _merge_words(el: Element) -> None:
    """Turn a run of single upright letters (latex2mathml's \\mathrm{output}: <mi mathvariant="normal">o</mi>,
    <mi …>u</mi>, …) into one <mi>output</mi>; a multi-letter <mi> is upright by default."""
    children = list(el)
    i = 0
    while i < len(children):
        j = i
        while j < len(children) and _is_letter(children[j]):
            j += 1
        if j - i >= 2:
            word = Element("mi")
            word.text = "".join(c.text or "" for c in children[i:j])
            word.tail = children[j - 1].tail
            index = list(el).index(children[i])
            for child in children[i:j]:
                el.remove(child)
            el.insert(index, word)
        i = max(j, i + 1)


def _is_letter(el: Element) -> bool:
    return el.tag == "mi" and el.get("mathvariant") == "normal" and len(el.text or "") == 1 and not len(el)


def _apply_displaystyle(el: Element) -> None:
    """latex2mathml writes \\displaystyle as an empty <mstyle/>; move the rest of the row into it,
    which is what \\displaystyle means."""
    children = list(el)
    for k, child in enumerate(children):
        if child.tag == "mstyle" and not len(child) and k + 1 < len(children):
            for rest in children[k + 1 :]:
                el.remove(rest)
                child.append(rest)
            return


def _tidy(el: Element) -> None:
    """Rewrite the subtree of `el` in place: words, primes, \\displaystyle, and no redundant <mrow>."""
    for child in el:
        _tidy(child)
        if isinstance(child.text, str):
            child.text = html.unescape(child.text)
    if el.tag == "math" and len(el) == 1 and el[0].tag == "mrow":
        el[:] = list(el[0])  # <math> is a row itself: latex2mathml's outer <mrow> adds nothing
    if el.tag in _ROWS:
        _merge_words(el)
        _apply_displaystyle(el)
    for k, child in enumerate(list(el)):
        # σ′: a prime as a superscript is drawn twice raised (the glyph is already a raised mark),
        # far above σ; as a zero-spaced operator after the base it sits where the book sets it.
        if child.tag == "msup" and len(child) == 2 and child[1].tag in ("mi", "mo") and child[1].text in _PRIMES:
            prime = Element("mo", lspace="0", rspace="0")
            prime.text = child[1].text
            row = Element("mrow")
            row.extend([child[0], prime])
            el[k] = row
    if el.tag in _ROWS:
        for child in list(el):
            if child.tag == "mrow" and len(child) == 2 and child[1].text in _PRIMES:  # σ′ in a row needs no group
                index = list(el).index(child)
                el[index : index + 1] = list(child)
    if el.tag in _ROWS:
        # A nested <mrow> without operators adds nothing to a row: put its children in its place.
        for child in list(el):
            if child.tag == "mrow" and not any(_embellished(c) for c in child):
                index = list(el).index(child)
                el.remove(child)
                for offset, grandchild in enumerate(child):
                    el.insert(index + offset, grandchild)
    for k, child in enumerate(list(el)):
        # An <mrow> around a single non-operator (e.g. a numerator) is the child itself.
        if child.tag == "mrow" and len(child) == 1 and not _embellished(child[0]):
            child[0].tail = child.tail
            el[k] = child[0]


def _add_breaks(math: Element) -> None:
    """Group a display formula's top-level row into pieces that each start at a binary + or − or a
    relation. Without CSS the pieces are one row, as before; extra.css lays each piece out as an
    inline formula, so one wider than the screen wraps there (MathML itself never breaks a line)."""
    children = list(math)
    starts = [0] + [
        k
        for k in range(1, len(children))
        if children[k].tag == "mo" and children[k].text in _BREAKS and children[k - 1].tag != "mo"
    ]
    if len(starts) < 2:
        return
    for child in children:
        math.remove(child)
    for a, b in zip(starts, [*starts[1:], len(children)], strict=True):
        if children[a].tag == "mo" and a > 0:
            children[a].set("form", "infix")  # first in its own row, it would be read as a prefix sign
        piece = Element("mrow")
        piece.extend(children[a:b])
        math.append(piece)
    math.set("class", "math-wrap")


def latex_to_mathml(tex: str, display: bool = False) -> str:
    """Return the MathML for one formula; raise MathError naming the formula if it fails."""
    try:
        math = Converter(xmlns="", display="block" if display else "inline").convert_to_element(tex)
    except Exception as exc:  # latex2mathml raises many unrelated exception types
        raise MathError(f"cannot convert formula ${tex}$: {type(exc).__name__} {exc}".strip()) from exc
    del math.attrib["xmlns"]  # HTML puts <math> in the MathML namespace by itself
    _tidy(math)
    if display:
        _add_breaks(math)
    out = tostring(math, encoding="unicode")
    if leftover := _LEFTOVER.search(out):
        bad = leftover.group(0)[1:-1]
        raise MathError(f"cannot convert formula ${tex}$: unknown command in {bad!r}")
    return out


def _display(match: re.Match[str]) -> str:
    tex = html.unescape(match.group(1)).strip()
    tag = _TEX_TAG.search(tex)
    if tag is None:
        return f'<div class="math-display">{latex_to_mathml(tex, display=True)}</div>'
    number = tag.group(1).strip()
    body = latex_to_mathml(_TEX_TAG.sub("", tex).strip(), display=True)
    return (
        f'<div class="math-display math-numbered" id="eqtn{number}">{body}'
        f'<span class="math-number">({number})</span></div>'
    )


def convert_page(page_html: str) -> str:
    """Return the page with every arithmatex formula replaced by MathML."""
    page_html = _DISPLAY.sub(_display, page_html)
    return _INLINE.sub(lambda m: latex_to_mathml(html.unescape(m.group(1)).strip()), page_html)
