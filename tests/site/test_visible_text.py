"""What readers see is text, not Markdown source, on every built page (issue 17, section 3).

A backtick or `**` left in running text, in an image's alt text or in a `title` tooltip (the
glossary-term links) means Markdown was shown instead of rendered. Code is exempt: <pre>, <code>,
<kbd>, <samp> and scripts may hold any character.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

MARKS = re.compile(r"`|\*\*")
NOT_TEXT = "pre, code, kbd, samp, script, style, template"


def markdown_shown(html: str) -> list[str]:
    """Return every visible text, alt or title on the page that shows a backtick or `**`."""
    soup = BeautifulSoup(html, "html.parser")
    body = soup.body or soup
    for code in body.select(NOT_TEXT):
        code.decompose()
    found = [f"text: {s.strip()[:80]!r}" for s in body.find_all(string=MARKS)]
    for attr in ("alt", "title", "aria-label"):
        found += [f"{attr}: {tag[attr][:80]!r}" for tag in body.find_all(attrs={attr: MARKS})]
    return found


def test_no_markdown_marks_in_what_readers_see(built_pages: dict[str, str]) -> None:
    shown = {page: found for page, html in built_pages.items() if (found := markdown_shown(html))}
    assert not shown, shown


def test_the_check_sees_raw_markdown() -> None:
    """It fails on a caption, an alt or a tooltip with raw marks, and passes code."""
    assert len(markdown_shown("<figcaption>이 사이트의 `step` 함수</figcaption>")) == 1
    assert len(markdown_shown('<img alt="**굵게**" src="a.svg"><a title="x `y`">z</a>')) == 2
    assert markdown_shown("<p>보통 글 <code>`x`</code></p><pre>a ** 2</pre>") == []


def test_navigation_label_is_spelled_the_standard_way(built_pages: dict[str, str]) -> None:
    """Material's Korean "네비게이션" is overridden (overrides/partials/languages/custom.html) with the
    standard 내비게이션, and the pages stay <html lang="ko">."""
    for page, html in built_pages.items():
        assert "네비게이션" not in html, page
        assert re.search(r'<html lang="ko"', html), page
    assert any('aria-label="내비게이션"' in html for html in built_pages.values())


def test_hangul_is_never_slanted(built_pages: dict[str, str]) -> None:
    """No <i> holds Hangul (English titles may be italic, as *Neural Networks and Deep Learning* is).
    Korean <em> is fine: extra.css gives it 드러냄표, upright, and tests/browser/test_typography.py
    checks the computed style of every element that holds Hangul."""
    slanted = {}
    for page, html in built_pages.items():
        body = BeautifulSoup(html, "html.parser").body
        found = [t.get_text() for t in body.find_all("i") if re.search("[가-힣]", t.get_text())]
        if found:
            slanted[page] = found
    assert not slanted, slanted


def test_titles_are_korean(built_pages: dict[str, str]) -> None:
    """A title shows as a tooltip; Python-Markdown's English footnote back-link title is replaced."""
    english = {}
    for page, html in built_pages.items():
        body = BeautifulSoup(html, "html.parser").body
        found = [t["title"] for t in body.find_all(title=True) if t["title"].startswith("Jump back")]
        if found:
            english[page] = found
    assert not english, english
    assert any('title="본문의 각주 1 자리로 돌아가기"' in html for html in built_pages.values())
