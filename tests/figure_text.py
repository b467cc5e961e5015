"""Read the text back from a figure's SVG, whose glyphs are paths (scripts/figures.py).

matplotlib names each glyph `<font's PostScript name>-<glyph index in hex>` and draws a text as a
group scaled to its font size (1/100 of it), each glyph a `<use>` of that glyph, shrunk further
for subscripts. Used by the figure unit tests and the phone-width browser test.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import matplotlib
from fontTools.ttLib import TTFont

from tests.helpers import ROOT

FONT = ROOT / "scripts" / "fonts" / "NotoSansKR-Figures.otf"
SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
SCALE = re.compile(r"translate\([-\d.]+ [-\d.]+\)(?: rotate\(-?[\d.]+\))? scale\(([\d.]+) -([\d.]+)\)")
USE_SCALE = re.compile(r"scale\(([\d.]+)\)")


@cache
def glyph_chars(postscript_name: str) -> dict[int, str]:
    """Return {glyph index: character} of the committed font or one of matplotlib's bundled fonts."""
    paths = [FONT, *Path(matplotlib.get_data_path(), "fonts", "ttf").glob("*.ttf")]
    for path in paths:
        with TTFont(path, lazy=True) as font:
            if font["name"].getDebugName(6) == postscript_name:
                index = {g: i for i, g in enumerate(font.getGlyphOrder())}
                return {index[g]: chr(c) for c, g in sorted(font.getBestCmap().items(), reverse=True)}
    raise AssertionError(f"glyph from a font that is neither committed nor matplotlib's: {postscript_name}")


@dataclass(frozen=True)
class Glyph:
    char: str
    font: str  # PostScript name
    size: float  # font size in SVG units (pt), subscripts included


def texts(svg: str) -> list[list[Glyph]]:
    """Return every text drawn in `svg`, each as its glyphs in drawing order."""
    result = []
    for group in ET.fromstring(svg).iter(f"{SVG_NS}g"):
        uses = group.findall(f"{SVG_NS}use")
        if not any("-" in use.get(XLINK, "") for use in uses):  # markers are `#m<hash>`, glyphs `#Font-<hex>`
            continue
        m = SCALE.fullmatch(group.get("transform", ""))
        assert m, f"a text group this test cannot read: {group.get('transform')}"
        assert m.group(1) == m.group(2), group.get("transform")
        glyphs = []
        for use in uses:
            font, index = use.get(XLINK, "").lstrip("#").rsplit("-", 1)
            inner = USE_SCALE.search(use.get("transform", ""))
            size = 100 * float(m.group(1)) * (float(inner.group(1)) if inner else 1)
            assert int(index, 16) != 0, f"missing-glyph box (.notdef) from {font}"
            char = glyph_chars(font).get(int(index, 16))
            assert char is not None, f"glyph {index} of {font} has no character"
            glyphs.append(Glyph(char, font, size))
        result.append(glyphs)
    return result


def words(svg: str) -> str:
    """Return all text of `svg`, one line per text, spaces removed (mathtext draws none)."""
    return "\n".join("".join(g.char for g in text if g.char != " ") for text in texts(svg))


def latin_words(svg: str) -> list[str]:
    """Return Latin words in `svg`: any Latin letter in the text font, or 2+ upright Latin letters in math.

    Math symbols are single italic letters (w, x, z, b, c); a product such as c z is two italic
    letters; an upright run of letters (\\mathrm{output}) or a letter in the text font is a word.
    """
    found, run = [], ""
    for text in texts(svg):
        for g in [*text, Glyph(" ", "", 0)]:
            latin = g.char.isascii() and g.char.isalpha()
            if latin and g.font.startswith("NotoSansKRFigures"):
                found.append(g.char)
            if latin and g.font.startswith("DejaVuSans") and "Oblique" not in g.font:
                run += g.char
                continue
            if len(run) >= 2:
                found.append(run)
            run = ""
    return found




def smallest_size(svg: str) -> float:
    """Return the smallest glyph's font size in `svg` as a fraction of the figure's width."""
    width = float(ET.fromstring(svg).get("viewBox").split()[2])
    return min(g.size for text in texts(svg) for g in text) / width
