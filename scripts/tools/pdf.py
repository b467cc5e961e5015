"""`make pdf`: the PDF edition, printed by Chromium from the built site into site/.

One source of text: the book is the built pages' articles, assembled into one document in the
browser (scripts/tools/pdf_book.js) and printed with Chromium's tagged PDF and outline. Then the
dates Chromium takes from the clock are set from SOURCE_DATE_EPOCH (or the last commit's time) and
the tags' IDs it takes from the DOM's node counter are renumbered, so two builds give the same
bytes; and the home page and the chapter get their link to the file, with its size: only known
once it is printed.

    python -m scripts.tools.pdf [SITE_DIR]    # default: site/

Footnotes stay at the end of the chapter, linked both ways, and the contents get their page numbers
from a first print (`destination_pages`), so no Paged Media polyfill is needed. Paged.js 0.4.3
(the newest) was tried on this book: its CSS parser stops at our `:is()` selectors, and once they
were rewritten it printed the site's search bar on every page, ignored the parts' page breaks,
split paragraphs into two tagged elements at each page end, and added 900 kB of script and 7 s.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from scripts.tools.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
NAME = "sigmoid-neurons.pdf"
# The book, in order: (site path, id prefix, label before its title, its sections in the contents).
# The chapter comes first, because the edition is the chapter; what it leans on follows as
# appendices: the perceptron recap (the section before it in the original, summarised by us) and
# the glossary that its term links point into; the credits close the book. The code page stays on
# the site: it would be 18 of 50 pages, with blocks longer than an A4 page that no rule can keep
# whole, and code is copied from the site, not from paper; its links print their address.
PARTS = (
    ("sigmoid-neurons/", "sigmoid-neurons", "", True),
    ("perceptron/", "perceptron", "부록 A.", False),
    ("glossary/", "glossary", "부록 B.", False),
    ("about/", "about", "", False),
)
# Pages that link to the edition: a placeholder in their Markdown, `<p class="pdf-edition" hidden>`
# around `<a data-href="…pdf">`, that a plain build leaves hidden and without a link (no PDF yet).
LINKED = ("index.html", "sigmoid-neurons/index.html")
LINK = re.compile(
    r'<p class="pdf-edition"(?: hidden)?><a (?:data-)?href="([^"]+)"(?: type="application/pdf")?>'
    r"([^<(]*?)(?: \([^)]*\))?</a></p>"
)
# Words of the title page and the contents that are not on any page.
WORDS = {
    "contents": "차례",
    "online": "온라인판:",
    "by": "마이클 닐슨(Michael Nielsen) 지음",
    "translated": "번역·해설:",
}
# Chromium's PDF backend (Skia) embeds CFF fonts such as Noto Sans CJK as Type 3 glyph drawings
# (122 of them for this book, 1.48 MB against 1.03 MB), unhinted on screen and poor to copy from
# and for screen readers. So the characters the book uses
# are cut out of Noto Sans CJK KR, the font Chromium picks for Korean text, converted to TrueType
# outlines and handed to the page: as the body's first font ("PDF Sans"), and for Hangul only in
# front of every other font, such as code and math ("PDF Hangul", by its unicode-range).
NOTO_SANS_CJK = {
    "400": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "700": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
# Characters the style sheet draws that are not in the text: 드러냄표 (text-emphasis: filled dot).
DRAWN = "\u2022"
HANGUL = "U+1100-11FF, U+3000-303F, U+3130-318F, U+A960-A97F, U+AC00-D7FF, U+FF00-FFEF"
USE_FONTS = """async ({ faces, hangul }) => {
  for (const [weight, data] of Object.entries(faces)) {
    const source = `url(data:font/ttf;base64,${data})`;
    document.fonts.add(await new FontFace("PDF Sans", source, { weight }).load());
    document.fonts.add(await new FontFace("PDF Hangul", source, { weight, unicodeRange: hangul }).load());
  }
  document.body.style.fontFamily = `"PDF Sans", ${getComputedStyle(document.body).fontFamily}`;
  for (const element of document.querySelectorAll("body *")) {
    const family = getComputedStyle(element).fontFamily;
    if (!/^"PDF (Sans|Hangul)"/.test(family)) element.style.fontFamily = `"PDF Hangul", ${family}`;
  }
  await document.fonts.ready;
}"""
A4_MARGIN = {"top": "16mm", "bottom": "18mm", "left": "18mm", "right": "18mm"}
FOOTER = (
    '<div style="width:100%;text-align:center;font-size:8pt;color:#555;font-family:DejaVu Sans,sans-serif">'
    '<span class="pageNumber"></span></div>'
)


def chromium_or_exit() -> Path:
    """Return the Chromium to print with, or exit with a message saying how to get one."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        raise SystemExit(
            f"make pdf: Chromium not found at {CHROMIUM}. The PDF is printed by Chromium: install Debian's "
            "chromium (bash .ci/install), or set CHROMIUM to another Chromium or Chrome. "
            "make build and make serve do not need it."
        )
    return CHROMIUM


def source_date() -> int:
    """Return the PDF's timestamp: SOURCE_DATE_EPOCH, else the last commit's time."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode or not out.stdout.strip():
        raise SystemExit("make pdf: no SOURCE_DATE_EPOCH and no git commit to date the PDF by")
    return int(out.stdout)


def truetype_subset(source: Path, text: str) -> bytes:
    """Return the Korean face of `source` cut down to the characters of `text`, in TrueType outlines."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    from scripts.tools.subset_font import korean_face

    font = korean_face(source)
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence records (OFL)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in text})
    subsetter.subset(font)
    # CFF cubic outlines → TrueType quadratic ones (fontTools' otf2ttf recipe), within 1 unit of 1000.
    order, glyphs = font.getGlyphOrder(), font.getGlyphSet()
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        quadratic[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, quadratic
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    for name, glyph in quadratic.items():
        font["hmtx"][name] = (font["hmtx"][name][0], getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs"):
        setattr(maxp, field, 0)
    maxp.maxZones, maxp.maxStackElements, maxp.maxSizeOfInstructions, maxp.maxComponentElements = 1, 0, 0, 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\0\1\0\0"
    font.recalcTimestamp = False
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_face(source: Path, text: str) -> str:
    """Return truetype_subset(source, text) in base64, from .cache/pdf-fonts/ if made before (the
    conversion takes seconds; its key covers the font, this file, fontTools and the text)."""
    from scripts import cache

    if not source.is_file():
        raise SystemExit(f"make pdf: {source} not found: install Debian's fonts-noto-cjk (bash .ci/install)")
    name = cache.key([source, Path(__file__)], ["fonttools"]) + hashlib.sha256(text.encode()).hexdigest()[:20]
    path = ROOT / ".cache" / "pdf-fonts" / f"{name}.b64"
    if path.is_file():
        return path.read_text("ascii")
    face = base64.b64encode(truetype_subset(source, text)).decode()
    cache.write(path, face)
    return face


def pdf_date(epoch: int) -> bytes:
    """Return `epoch` as a PDF date, D:YYYYMMDDHHmmSS+00'00', the form Chromium writes."""
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'").encode()


def reproducible(pdf: bytes, epoch: int) -> bytes:
    """Return `pdf` with what Chromium takes from the clock and the session replaced.

    The creation and modification dates (in the Info dictionary only: Chromium writes no XMP and
    no trailer ID) become `epoch`. The tags' IDs, which Chromium names after the DOM's node
    counter (`node00000759`) and which table cells cite as headers, are numbered in order of
    first appearance. Each string keeps its length, so every offset in the cross-reference table
    stays right.
    """
    date = pdf_date(epoch)
    out, count = re.subn(rb"/(CreationDate|ModDate) \(D:\d{14}\+00'00'\)", lambda m: m[0][:-24] + date + b")", pdf)
    if count != 2:
        raise SystemExit(f"make pdf: expected Chromium's CreationDate and ModDate, found {count} dates")
    ids: dict[bytes, bytes] = {}
    return re.sub(rb"\(node\d{8}\)", lambda m: ids.setdefault(m[0], b"(node%08d)" % len(ids)), out)


def site_url(site: Path) -> str:
    """Return the address the site was built for (the home page's canonical link)."""
    found = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text("utf-8"))
    if not found:
        raise SystemExit(f"make pdf: {site / 'index.html'} has no canonical link; is {site} a built site?")
    return found.group(1)


def _object(pdf: bytes, number: int) -> bytes:
    """Return the body of object `number` of an uncompressed-xref PDF, as Chromium writes them."""
    start = pdf.index(b"\n%d 0 obj\n" % number)
    return pdf[start : pdf.index(b"\nendobj", start)]


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Return the page (from 1) of every named destination (an element id) of Chromium's `pdf`.

    Chromium lists them in one /Dests dictionary of the catalog, each as [page-object /XYZ x y z];
    the page's number is its place among the leaves of the /Pages tree.
    """
    catalog = re.search(rb"/Type /Catalog\n/Pages (\d+) 0 R\n/Dests (\d+) 0 R", pdf)
    if not catalog:
        raise SystemExit("make pdf: Chromium's PDF has no page tree and named destinations where expected")
    order: list[int] = []

    def walk(number: int) -> None:
        body = _object(pdf, number)
        kids = re.search(rb"/Kids \[([^\]]*)\]", body)
        if kids is None:
            order.append(number)
        for kid in re.findall(rb"(\d+) 0 R", kids[1] if kids else b""):
            walk(int(kid))

    walk(int(catalog[1]))
    page_of = {number: index + 1 for index, number in enumerate(order)}
    dests = _object(pdf, int(catalog[2]))
    return {name.decode(): page_of[int(page)] for name, page in re.findall(rb"/([^\s/\[]+) \[(\d+) 0 R /XYZ", dests)}


def print_book(site: Path, chromium: Path) -> bytes:
    """Return the PDF Chromium prints from the book assembled out of the built `site`.

    It prints twice: the first print tells on which page each heading of the contents falls, and
    the second carries those numbers (the contents keep their length, so no page moves).
    """
    from playwright.sync_api import sync_playwright

    from scripts.tools.server import serve

    parts = [{"path": p, "slug": s, "label": label, "sections": toc} for p, s, label, toc in PARTS]
    script = (Path(__file__).with_name("pdf_book.js")).read_text("utf-8")
    options = {
        "format": "A4",
        "margin": A4_MARGIN,
        "display_header_footer": True,
        "header_template": "<span></span>",
        "footer_template": FOOTER,
        "print_background": True,
        "tagged": True,
        "outline": True,
    }
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(color_scheme="light", viewport={"width": 794, "height": 1123})
            page.emulate_media(media="print")
            page.goto(base + PARTS[0][0], wait_until="load")
            book = page.evaluate(script, {"parts": parts, "siteUrl": site_url(site), "words": WORDS})
            if book["missing"]:
                raise SystemExit(f"make pdf: figures that did not load: {book['missing']}")
            faces = {weight: font_face(font, book["text"] + DRAWN) for weight, font in NOTO_SANS_CJK.items()}
            page.evaluate(USE_FONTS, {"faces": faces, "hangul": HANGUL})
            pages = destination_pages(page.pdf(**options))
            page.evaluate(PAGE_NUMBERS, pages)
            pdf = page.pdf(**options)
        finally:
            browser.close()
    if destination_pages(pdf) != pages:
        raise SystemExit("make pdf: the page numbers moved the pages they number")
    return pdf


# Write each contents entry's page number, from the first print's named destinations.
PAGE_NUMBERS = """(pages) => {
  for (const link of document.querySelectorAll(".pdf-contents a")) {
    const page = pages[decodeURIComponent(link.hash.slice(1))];
    if (page === undefined) throw new Error(`no page for ${link.hash}`);
    link.querySelector(".pdf-page").textContent = page;
  }
}"""


def fill_links(site: Path, pdf: bytes) -> str:
    """Show the link to the edition on the pages in LINKED, with its pages and size, and return
    the label. The placeholder is ours (docs/index.md, docs/sigmoid-neurons.md), so a pattern over
    the built HTML is safe here; a page without exactly one fails loudly."""
    pages = len(re.findall(rb"/Type /Page\b", pdf))
    label = f"A4 {pages}쪽, {len(pdf) / 1e6:.1f} MB"
    for name in LINKED:
        path = site / name
        html, count = LINK.subn(
            lambda m: f'<p class="pdf-edition"><a href="{m[1]}" type="application/pdf">{m[2]} ({label})</a></p>',
            path.read_text("utf-8"),
        )
        if count != 1:
            raise SystemExit(f"make pdf: {path} should hold one PDF link placeholder, found {count}")
        path.write_text(html, "utf-8")
    return label


def main(argv: list[str]) -> None:
    """Print the PDF edition of the site built in argv[0] (default site/) into it, and link it."""
    chromium = chromium_or_exit()
    site = Path(argv[0]) if argv else ROOT / "site"
    if not (site / "index.html").is_file():
        raise SystemExit(f"make pdf: {site} holds no built site; run make build first")
    start = time.perf_counter()
    pdf = reproducible(print_book(site, chromium), source_date())
    (site / NAME).write_bytes(pdf)
    label = fill_links(site, pdf)
    print(f"{site / NAME}: {label}, {len(pdf):,} bytes, printed in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
