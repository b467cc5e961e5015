"""Make scripts/fonts/NotoSansKR-Figures.otf, the font every figure's words are drawn in.

Run once by a maintainer when the figures need a character the committed subset lacks
(tests/test_figures.py fails naming it): `python -m scripts.tools.subset_font SOURCE`, where
SOURCE is Noto Sans CJK Regular (Debian: fonts-noto-cjk's NotoSansCJK-Regular.ttc, or the
single-face NotoSansCJKkr-Regular.otf). The build never runs this: it reads the committed file,
so every machine draws the same glyphs whatever fonts it has installed.

The subset holds Basic Latin, Greek, a few math signs, and the 2,350 Hangul syllables of
KS X 1001 (the set that covers everyday Korean), renamed "Noto Sans KR Figures" so that a
system's own Noto Sans CJK KR is never picked instead. Noto Sans CJK is under the SIL Open Font
Licence 1.1 with no reserved font name (scripts/fonts/OFL.txt).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

OUT = Path(__file__).resolve().parent.parent / "fonts" / "NotoSansKR-Figures.otf"
FAMILY, POSTSCRIPT = "Noto Sans KR Figures", "NotoSansKRFigures-Regular"
EXTRA = "·×′−∈≤≥…ΔΣσ"  # math signs a label may use outside mathtext


def characters() -> set[int]:
    """Return the code points to keep: printable ASCII, Greek, EXTRA and KS X 1001's Hangul."""
    keep = set(range(0x20, 0x7F)) | set(range(0x391, 0x3CA)) | {ord(c) for c in EXTRA}
    for lead in range(0xB0, 0xC9):  # KS X 1001 rows 16–40: the Hangul syllables
        for trail in range(0xA1, 0xFF):
            keep.add(ord(bytes([lead, trail]).decode("euc-kr")))
    return keep


def korean_face(source: Path) -> TTFont:
    """Return the Korean face of `source` (a .ttc collection or a single .otf)."""
    if source.suffix.lower() == ".ttc":
        for font in TTCollection(source).fonts:
            if font["name"].getDebugName(1) == "Noto Sans CJK KR":
                return font
        raise SystemExit(f"{source}: no 'Noto Sans CJK KR' face")
    return TTFont(source)


def main(source: str) -> None:
    font = korean_face(Path(source))
    options = subset.Options()
    options.layout_features = []  # matplotlib lays out glyph by glyph; no ligatures or kerning tables
    options.hinting = False  # glyphs become SVG paths: hints are never used
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence records
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=characters())
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 3:
            record.string = f"{POSTSCRIPT};subset"
        elif record.nameID == 4:
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = POSTSCRIPT
    font["CFF "].cff.fontNames = [POSTSCRIPT]
    font.recalcTimestamp = False  # the same source gives the same bytes
    font.save(OUT)
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(characters())} characters")


if __name__ == "__main__":
    main(*sys.argv[1:2] or ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"])
