"""Printing a page from the browser: the chapter prints as a multi-page PDF carrying every h2
heading and exercise title, without the site's navigation, search or footer; and in print (so in
the PDF edition too, tests/browser/test_pdf.py) Hangul stays upright and breaks between words."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.helpers import CHAPTER, assert_clean, goto_settled, new_page

PDFTOTEXT = shutil.which("pdftotext")  # Debian's poppler-utils (.ci/run installs it)


def squash(text: str) -> str:
    """Return `text` without whitespace (PDF text breaks lines anywhere)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(browser, base_url: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str, int]:
    """Return the chapter's headings as seen on screen, its printed text, and the PDF's page count."""
    if PDFTOTEXT is None:  # a failure, never a skip: under CI=true the print tests must run
        pytest.fail("pdftotext not found: install Debian's poppler-utils")
    with new_page(browser, base_url) as page:
        goto_settled(page, base_url + CHAPTER)
        headings = page.evaluate("""() => ({
            h2: [...document.querySelectorAll('article h2')].map(h => h.textContent.replace('¶', '').trim()),
            exercises: [...document.querySelectorAll('article h2#exercises ~ h3')]
                .map(h => h.textContent.replace('¶', '').trim()),
        })""")
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary',
            '.md-footer', '.md-search']
            .filter(s => document.querySelector(s) && document.querySelector(s).checkVisibility())""")
        assert not hidden, f"visible in print: {hidden}"
        pdf = tmp_path_factory.mktemp("print") / "chapter.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=False)
        assert_clean(page, CHAPTER)
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
    text = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return headings, text, pages


def test_chapter_prints_on_several_pages(printed) -> None:
    """The chapter prints to more than one page."""
    assert printed[2] > 1


def test_pdf_has_every_h2_and_exercise(printed) -> None:
    """The PDF text holds every h2 heading and every exercise title of the chapter."""
    headings, text, _ = printed
    assert headings["h2"], "the chapter has no h2 headings"
    assert headings["exercises"], "the chapter has no exercise titles (h3 after #exercises)"
    flat = squash(text)
    missing = [h for h in headings["h2"] + headings["exercises"] if squash(h) not in flat]
    assert not missing, f"missing from the PDF: {missing}"


def test_pdf_leaves_out_site_chrome(printed) -> None:
    """Navigation, search and footer are not printed: the nav's page titles do not start the PDF."""
    _, text, _ = printed
    first = squash(text[:400])
    assert "검색" not in first, "the search box was printed"
    assert not first.startswith(squash("시그모이드 뉴런 — 신경망과 딥러닝 한국어판")), "the header was printed"


@pytest.mark.parametrize("path", [CHAPTER, "glossary/", "perceptron/"])
def test_print_sets_hangul_upright_and_breaks_between_words(page, base_url: str, path: str) -> None:
    """In print (and so in the PDF edition) no element holding Hangul is slanted, and every one
    breaks lines between words (word-break: keep-all), links included."""
    page.goto(base_url + path, wait_until="load")
    page.emulate_media(media="print")
    bad = page.evaluate("""() => {
        const hangul = /[\\uac00-\\ud7a3]/;
        const out = [];
        for (const el of document.querySelectorAll('article *')) {
            const own = [...el.childNodes].some(n => n.nodeType === 3 && hangul.test(n.textContent));
            if (!own || !el.checkVisibility()) continue;
            const style = getComputedStyle(el);
            if (style.fontStyle !== 'normal') out.push(`${el.tagName} slanted: ${el.textContent.slice(0, 30)}`);
            if (style.wordBreak !== 'keep-all') out.push(`${el.tagName} ${style.wordBreak}: ${el.textContent}`);
        }
        return out;
    }""")
    assert not bad, f"/{path} in print: {bad[:10]}"
