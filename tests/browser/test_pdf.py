"""The PDF edition (`make pdf`, scripts/tools/pdf.py), read back with poppler: every paragraph,
equation, caption and table of the chapter in its text; tagged, A4, fonts embedded as TrueType;
an outline of every heading; links inside the book that stay inside it; nothing outside the margins;
2 MB or less; the same bytes from two prints; and a clear failure without Chromium."""

from __future__ import annotations

import html
import itertools
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.tools.pdf import NAME, PARTS, destination_pages
from tests.browser.conftest import PDF_EPOCH, print_pdf
from tests.helpers import CHAPTER, ROOT, article

POPPLER = {t: shutil.which(t) for t in ("pdftotext", "pdfinfo", "pdffonts", "pdftohtml", "pdftoppm", "pdfimages")}
MM = 72 / 25.4  # PDF points per millimetre
A4 = (210 * MM, 297 * MM)
MARGIN = {"top": 16, "bottom": 18, "left": 18, "right": 18}  # mm, scripts/tools/pdf.py's A4_MARGIN


def poppler(tool: str, *args: str) -> str:
    """Return the output of a poppler tool; a missing one fails (never skips) the test."""
    if POPPLER[tool] is None:
        pytest.fail(f"{tool} not found: install Debian's poppler-utils (.ci/install does)")
    return subprocess.run([POPPLER[tool], *args], capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    """Return `text` compatibility-normalized (math italic 𝑥 → x, ligature ﬂ → fl) without
    whitespace (PDF text breaks lines anywhere), without •, the glyph of 드러냄표 marks and list
    bullets, which pdftotext reads as text of the lines around them, and without ↩, the footnote
    back-link's text that prints as an icon."""
    return re.sub(r"[\s•↩]+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def pdf(pdf_site: Path) -> Path:
    return pdf_site / NAME


@pytest.fixture(scope="module")
def text(pdf: Path) -> str:
    """Return the PDF's text above the bottom margin (without the page numbers)."""
    body = [str(round(A4[0])), str(round(A4[1] - MARGIN["bottom"] * MM) + 4)]
    return poppler("pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "0", "-W", *body[:1], "-H", *body[1:], str(pdf), "-")


@pytest.fixture(scope="module")
def flat(text: str) -> str:
    """Return the PDF's text squashed, without the lines of one or two characters on which
    pdftotext sets a formula's scripts and limits, in the middle of the line of text below."""
    return squash("\n".join(line for line in text.splitlines() if len(line.strip()) > 2))


@pytest.fixture(scope="module")
def chapter(built_pages: dict[str, str]):
    return article(built_pages[CHAPTER + "index.html"])


BOOK = {path.rstrip("/") for path, *_ in PARTS}


def leaves_the_book(href: str) -> bool:
    """Return whether a link of a built page points out of the book (its address is then printed)."""
    if href.startswith(("http:", "https:")):
        return True
    return not href.startswith("#") and href.split("/")[1] not in BOOK  # "../glossary/#…" → glossary


def runs(element) -> list[str]:
    """Return the runs of text in (a copy of) `element` that print unbroken: split at formulas,
    printed in layout order, and after links that leave the book, whose address follows them."""
    element = BeautifulSoup(str(element), "html.parser")
    for math in element.select("math"):
        math.replace_with("\0")
    for link in element.select("a[href]"):
        if leaves_the_book(link["href"]):
            link.insert_after("\0")
    return [squash(piece) for piece in element.get_text().split("\0") if squash(piece)]


def test_pdf_has_every_paragraph_caption_and_table_of_the_chapter(chapter, flat: str) -> None:
    """Every paragraph, list item, caption and table cell of the chapter is in the PDF's text."""
    for node in chapter.select(".pdf-edition, .headerlink, script"):
        node.decompose()
    blocks = chapter.select("p, li, figcaption, th, td")
    assert len(blocks) > 100 and chapter.select("figcaption") and chapter.select("table")
    missing = [run for block in blocks for run in runs(block) if run not in flat]
    assert not missing, f"{len(missing)} runs of the chapter are not in the PDF, first: {missing[:5]}"


@pytest.mark.parametrize("path", [CHAPTER, "perceptron/"])
def test_code_lines_print_whole(built_pages: dict[str, str], flat: str, path: str) -> None:
    """Every line of every code block is in the PDF's text whole: wrapped, never cut at the edge
    of its box (a cut line loses its end: Chromium clips what overflows)."""
    lines = [
        squash(line)
        for pre in article(built_pages[path + "index.html"]).select("pre")
        for line in pre.get_text().splitlines()
    ]
    assert len(lines) >= 10
    cut = [line for line in lines if line not in flat]
    assert not cut, f"code lines not printed whole: {cut[:5]}"


def test_lines_break_between_hangul_words_never_inside_one(text: str, built_pages: dict[str, str]) -> None:
    """keep-all in print as on screen: where a line ends and the next begins in Hangul, the two
    halves never make one word of the pages (they would if a word had been cut)."""
    words, headings = set(), set()
    for path, *_ in PARTS:
        page = article(built_pages[path + "index.html"])
        words |= set(page.get_text(" ").split())
        headings |= {h.get_text().replace("¶", "").strip() for h in page.select("h1, h2, h3, h4, h5, h6")}
    lines = [line.strip() for line in text.splitlines()]  # a blank line ends a paragraph or heading
    hangul = re.compile(r"[가-힣]")
    pairs = [
        (a.split()[-1], b.split()[0])
        for a, b in itertools.pairwise(lines)
        if a and b and a not in headings and hangul.match(a[-1]) and hangul.match(b[0])
    ]
    assert len(pairs) > 100, "too few line breaks between Hangul to judge"
    cut = [f"{a}/{b}" for a, b in pairs if a + b in words]
    assert not cut, f"words cut at a line end: {cut[:10]}"


@pytest.mark.parametrize("number", [3, 4, 5])
def test_pdf_has_equations_3_to_5_as_text(chapter, text: str, number: int) -> None:
    """Equations (3)–(5) print as text: every token of the formula precedes its number."""
    display = chapter.select_one(f"#eqtn{number}")
    assert display is not None, f"no equation ({number}) on the chapter"
    tokens = {squash(t.get_text()) for t in display.select("mi, mn, mo, mtext") if squash(t.get_text())}
    lines = text.splitlines()
    at = [i for i, line in enumerate(lines) if line.strip() == f"({number})"]
    assert at, f"equation number ({number}) is not in the PDF's text"
    before = squash("".join(lines[max(0, at[0] - 25) : at[0]]))
    missing = {t for t in tokens if t not in before and t not in {"\u2061", "\u2062"}}
    assert not missing, f"equation ({number}) lacks {missing} in the PDF"


def test_pdf_is_tagged_a4_with_every_font_embedded_as_truetype(pdf: Path) -> None:
    info = poppler("pdfinfo", str(pdf))
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    assert "(A4)" in info, info
    fonts = poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts, "the PDF has no fonts"
    not_embedded = [f for f in fonts if f.split()[-5] != "yes"]
    assert not not_embedded, f"fonts not embedded: {not_embedded}"
    # Type 3: glyphs drawn as pictures (what Chromium makes of CFF fonts such as Noto Sans CJK).
    assert not [f for f in fonts if "Type 3" in f], "Type 3 fonts: the Hangul font was not converted"
    assert any("NotoSansCJKkr" in f for f in fonts), fonts


def test_pdf_is_at_most_2_mb(pdf: Path) -> None:
    assert pdf.stat().st_size <= 2_000_000, f"{pdf.stat().st_size:,} bytes"


def test_outline_lists_every_heading_of_the_book(pdf: Path, built_pages: dict[str, str]) -> None:
    """The bookmarks hold every heading (h1–h6) of every page in the book, in order."""
    xml = poppler("pdftohtml", "-xml", "-i", "-q", "-stdout", str(pdf))
    outline = [squash(html.unescape(t)) for t in re.findall(r'<item page="\d+">(.*?)</item>', xml)]
    expected = []
    for path, *_ in PARTS:
        body = article(built_pages[path + "index.html"])
        expected += [squash(h.get_text().replace("¶", "")) for h in body.select("h1, h2, h3, h4, h5, h6")]
    assert len(outline) == len(expected) + 1, (outline, expected)  # + the contents
    assert all(e in o for e, o in zip(expected, outline[1:], strict=True)), (outline, expected)


def test_title_page_credits_the_original_and_names_the_site(pdf: Path, pdf_site: Path) -> None:
    first = squash(poppler("pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", str(pdf), "-"))
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (pdf_site / "index.html").read_text("utf-8"))
    for words in ("Michael Nielsen", "CC BY-NC 3.0", "번역·해설", canonical[1]):
        # pdftotext drops a hyphen that ends a line (BY-/NC): compare without hyphens.
        assert squash(words).replace("-", "") in first.replace("-", ""), f"the title page lacks {words!r}"


def test_links_inside_the_book_stay_inside(pdf: Path, pdf_site: Path) -> None:
    """Equation references, footnotes and glossary terms link to places in the PDF; links to
    pages of the book never leave it; links that do leave print their address."""
    raw = pdf.read_bytes()
    dests = destination_pages(raw)
    targets = [t.decode() for t in re.findall(rb"/Dest /([^\s>/]+)", raw)]  # links (the outline's are arrays)
    assert targets and all(t in dests for t in targets), sorted(set(targets) - set(dests))
    chapter = "sigmoid-neurons--"
    assert f"{chapter}eqtn5" in targets
    assert any(t.startswith(f"{chapter}fn:") for t in targets) and any(
        t.startswith(f"{chapter}fnref:") for t in targets
    )
    assert any(t.startswith("glossary--") for t in targets)
    site = re.search(rb'<link rel="canonical" href="([^"]+)"', (pdf_site / "index.html").read_bytes())[1]
    uris = [u.decode() for u in re.findall(rb"/URI \(([^)]*)\)", raw)]
    inside = [
        u for u in uris if re.match(re.escape(site.decode()) + r"(sigmoid-neurons|perceptron|glossary|about)/", u)
    ]
    assert not inside, f"links to pages of the book leave the PDF: {inside}"
    assert any("/playground/#" in u for u in uris), "the playground links are gone"


def test_links_that_leave_the_book_print_their_address(flat: str) -> None:
    for address in ("http://neuralnetworksanddeeplearning.com/chap1.html#sigmoid_neurons", "/playground/#x1="):
        assert squash(address) in flat, address


def test_nothing_is_printed_outside_the_margins(pdf: Path, tmp_path: Path) -> None:
    """Every page, rendered: the margins are blank but for the page number in the bottom one."""
    from PIL import Image

    dpi = 30
    poppler("pdftoppm", "-gray", "-r", str(dpi), str(pdf), str(tmp_path / "p"))
    pages = sorted(tmp_path.glob("p-*.pgm"))
    assert len(pages) > 10
    px = {side: int(mm * dpi / 25.4) - 1 for side, mm in MARGIN.items()}  # a pixel inside each edge
    for page in pages:
        image = Image.open(page)
        w, h = image.size
        strips = {
            "left": (0, 0, px["left"], h),
            "right": (w - px["right"], 0, w, h),
            "top": (0, 0, w, px["top"]),
            "bottom": (0, h - px["bottom"], w * 2 // 5, h),  # left of the page number
        }
        for side, box in strips.items():
            darkest = image.crop(box).getextrema()[0]
            assert darkest > 230, f"{page.name}: something printed in the {side} margin"


def test_two_prints_are_byte_identical(pdf: Path, site_dir: Path, tmp_path: Path) -> None:
    again = print_pdf(site_dir, tmp_path / "site") / NAME
    assert again.read_bytes() == pdf.read_bytes(), "two prints of the same site differ"
    dates = poppler("pdfinfo", "-isodates", str(pdf))
    assert "2023-11-14T22:13:20Z" in dates, f"dates are not SOURCE_DATE_EPOCH={PDF_EPOCH}: {dates}"


def test_home_and_chapter_link_to_the_pdf_with_its_size(pdf: Path, pdf_site: Path, site_dir: Path) -> None:
    """After make pdf the two pages link to the file with its real page count and size; a plain
    build (make build) has no PDF, so its placeholder stays hidden and links nowhere."""
    pages = int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)), re.M)[1])
    label = f"(A4 {pages}쪽, {pdf.stat().st_size / 1e6:.1f} MB)"
    for page, href in (("index.html", NAME), ("sigmoid-neurons/index.html", f"../{NAME}")):
        shown = BeautifulSoup((pdf_site / page).read_text("utf-8"), "html.parser").select(".pdf-edition")
        assert len(shown) == 1 and not shown[0].has_attr("hidden"), page
        link = shown[0].a
        assert link["href"] == href and link["type"] == "application/pdf", link
        assert link.get_text().endswith(label), (link.get_text(), label)
        plain = BeautifulSoup((site_dir / page).read_text("utf-8"), "html.parser").select_one(".pdf-edition")
        assert plain.has_attr("hidden") and not plain.a.has_attr("href"), plain
    assert not (site_dir / NAME).exists()


def test_make_pdf_without_chromium_fails_with_a_clear_message(tmp_path: Path) -> None:
    """`make pdf` names the missing Chromium and how to get it (build left out: -o build)."""
    env = os.environ | {"CHROMIUM": str(tmp_path / "no-chromium")}
    result = subprocess.run(["make", "-o", "build", "pdf"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert f"Chromium not found at {tmp_path / 'no-chromium'}" in result.stderr, result.stderr
    assert "make build and make serve do not need it" in result.stderr


def test_make_build_and_serve_do_not_need_chromium() -> None:
    """Only the pdf target runs the printer; no build code drives a browser."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipes = dict(re.findall(r"^(\w+):[^\n]*\n((?:\t[^\n]*\n)*)", makefile, re.M))
    assert "scripts.tools.pdf" in recipes["pdf"]
    for target in ("build", "serve"):
        assert "pdf" not in recipes[target] and "chromium" not in recipes[target].lower(), recipes[target]
    build_code = list((ROOT / "scripts").glob("*.py"))
    assert build_code
    for path in build_code:
        assert not re.search(r"^\s*(?:from|import)\s+playwright|executable_path", path.read_text("utf-8"), re.M), path


def test_every_page_is_numbered_at_its_foot(pdf: Path) -> None:
    """The running page number: the bottom margin of page n holds n and nothing else."""
    top = round(A4[1] - MARGIN["bottom"] * MM) + 4
    band = ["-x", "0", "-y", str(top), "-W", str(round(A4[0])), "-H", str(round(A4[1]) - top)]
    feet = [page.strip() for page in poppler("pdftotext", *band, str(pdf), "-").split("\f")[:-1]]
    assert feet == [str(n) for n in range(1, len(feet) + 1)] and len(feet) > 10, feet


def test_figures_are_vectors(pdf: Path) -> None:
    """The SVG figures print as drawings: the PDF holds no raster image at all."""
    images = poppler("pdfimages", "-list", str(pdf)).splitlines()[2:]
    assert not images, images
