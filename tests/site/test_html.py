"""Valid markup on every built page: unique ids, no Markdown attributes or blocks leaking into
paragraphs (fast, pure Python), and the W3C Nu HTML Checker over every page and SVG figure."""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.tools import vnu

# A block element opened right inside a paragraph: the HTML parser closes the <p> first, leaving
# an empty paragraph and a stray </p> (Markdown wrapped raw HTML it did not recognise).
BLOCK_IN_P = re.compile(r"<p>\s*<(figure|div|table|ul|ol|pre|blockquote|h[1-6]|details)\b")


class _Attributes(HTMLParser):
    """Collect every id, and every element that carries a `markdown` attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.markdown: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)
            if name == "markdown":
                self.markdown.append(f"<{tag} markdown={value!r}>")


def _attributes(html: str) -> _Attributes:
    parser = _Attributes()
    parser.feed(html)
    return parser


def test_ids_are_unique_on_every_page(built_pages: dict[str, str]):
    clashes = {
        page: [i for i, n in Counter(_attributes(html).ids).items() if n > 1] for page, html in built_pages.items()
    }
    assert not {page: ids for page, ids in clashes.items() if ids}


def test_no_markdown_attribute_or_block_inside_a_paragraph(built_pages: dict[str, str]):
    leaks = {page: _attributes(html).markdown + BLOCK_IN_P.findall(html) for page, html in built_pages.items()}
    assert not {page: found for page, found in leaks.items() if found}


def test_code_blocks_are_in_the_tab_order(built_pages: dict[str, str]):
    """Every highlighted code block's <code> has tabindex="0" in the HTML: Material mounts blocks only
    once they come into view (content.lazy), and a keyboard reader must reach one that scrolls
    sideways before that (scripts/codeblocks.py)."""
    blocks = {page: re.findall(r"<pre[^>]*><span></span>(<code[^>]*>)", html) for page, html in built_pages.items()}
    assert sum(map(len, blocks.values())) > 20, "no highlighted code blocks found"
    bad = {page: tags for page, tags in blocks.items() if any(t != '<code tabindex="0">' for t in tags)}
    assert not bad, bad


def test_code_blocks_have_no_spans_that_draw_nothing(built_pages: dict[str, str]):
    """No page keeps Pygments' name or whitespace spans (scripts/codeblocks.py), while the spans
    that colour code are still there."""
    left = {page: len(re.findall(r'<span class="[nw]">', html)) for page, html in built_pages.items()}
    assert not {page: n for page, n in left.items() if n}
    assert sum(html.count('<span class="nb">') for html in built_pages.values()) > 10, "no highlighting left"


def test_first_paint_waits_for_three_stylesheets_and_no_script(built_pages: dict[str, str]):
    """Every external script is deferred (Material's bundle by overrides/main.html, ours in
    mkdocs.yml), and <head> links three stylesheets: Material's two and the site's one."""
    for page, html in built_pages.items():
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        assert any("bundle." in s for s in scripts), f"{page}: Material's bundle is missing"
        blocking = [s for s in scripts if not re.search(r"\s(defer|async)\b", s)]
        assert not blocking, f"{page}: parser-blocking scripts {blocking}"
        head = html.split("</head>", 1)[0]
        sheets = re.findall(r'<link rel="stylesheet" href="[^"]*/([^"/]+)"', head)
        assert len(sheets) == 3 and sheets[2] == "extra.css", f"{page}: stylesheets in <head>: {sheets}"


def test_the_checks_see_the_errors_they_guard():
    page = '<p><figure markdown="span"><svg><g id="figure_1"></g></svg><svg><g id="figure_1"></g></svg></figure></p>'
    assert _attributes(page).ids == ["figure_1", "figure_1"] and _attributes(page).markdown
    assert BLOCK_IN_P.search(page)


def _checker() -> Path:
    """Return the Nu HTML Checker's jar; skip when java or npm is missing, but fail under CI=true."""
    missing = [tool for tool in ("java", "npm") if shutil.which(tool) is None]
    if missing:
        message = f"{' and '.join(missing)} not found: install Debian's default-jre-headless and npm"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return vnu.install()


def test_nu_html_checker_finds_no_errors_but_a_bad_page(site_dir: Path, tmp_path: Path):
    """One run of the checker (a Java start costs seconds) over the site plus a page with the
    errors it must report, so the check is seen to work."""
    checked = shutil.copytree(site_dir, tmp_path / "site")
    (checked / "bad-page.html").write_text(
        '<!doctype html><html lang="ko"><title>t</title>'
        '<p><figure markdown="span"></figure></p><b id="a"></b><i id="a"></i>',
        "utf-8",
    )
    found = vnu.errors(checked, _checker())
    bad = "\n".join(e for e in found if e.startswith("bad-page.html:"))
    assert "bad-page.html:1: Duplicate ID “a”." in bad and "Attribute “markdown” not allowed" in bad
    assert [e for e in found if not e.startswith("bad-page.html:")] == []
