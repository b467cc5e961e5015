"""matplotlib's SVG made smaller: for the site's figures (scripts/figures.py) and the figures the
notebooks draw (scripts/notebooks.py) alike."""

from __future__ import annotations

import re


def compact(svg: str) -> str:
    """Return `svg` without prolog, doctype, comments or metadata, without no-op rotations, with
    coordinates rounded to 0.01 pt and one line per element; what it draws is unchanged."""
    svg = re.sub(r"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->|<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    svg = re.sub(r' transform="rotate\(-0 [\d.]+ [\d.]+\)"', "", svg)
    # Coordinates to 0.01 pt; scale factors stay exact: a glyph's scale(0.015625) rounded to 0.02
    # would draw every letter 28 % larger than its advance, so the letters of a word would touch.
    svg = re.sub(
        r"scale\([^)]*\)|-?\d+\.\d{3,}",
        lambda m: m.group() if m.group().startswith("scale") else f"{float(m.group()):.2f}".rstrip("0").rstrip("."),
        svg,
    )
    svg = re.sub(r" ?\n\s*(?=[MLCQZz\"])", " ", svg)  # path data on one line
    return re.sub(r"\n\s*", "\n", svg).strip() + "\n"
