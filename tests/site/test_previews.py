"""Previews in place on the built pages: every "식 (n)" links to its equation with a preview, and
the first use of each glossary term per section links to its entry with English and definition."""

from __future__ import annotations

import posixpath
import re

import pytest

from scripts.glossary import load
from scripts.references import SKIP
from tests.helpers import CHAPTER, article, nav_paths, page_ids

EQUATION_TEXT = re.compile(r"식\s*\((\d+)\)")
PARTICLE_AFTER = re.compile(r"^[가-힣]")


def _prose_strings(node):
    """Yield the text nodes of `node` that are running text: not in links, headings, code, math,
    admonition titles, footnotes or disclosure titles (where references.py links nothing)."""
    for s in node.find_all(string=True):
        parents = list(s.parents)
        if any(p.name in SKIP or p.name in ("script", "style") for p in parents):
            continue
        if any("admonition-title" in (p.get("class") or []) or "footnote" in (p.get("class") or []) for p in parents):
            continue
        yield s


def _sections(body) -> list[tuple[list, list[str]]]:
    """Return, per h2 section (the part before the first h2 included, h2s nested in notebook cells
    too), its term links and its running text."""
    prose = {id(s) for s in _prose_strings(body)}
    sections: list[tuple[list, list[str]]] = [([], [])]
    for node in body.descendants:
        if getattr(node, "name", None) == "h2":
            sections.append(([], []))
        elif getattr(node, "name", None) == "a" and "glossary-term" in (node.get("class") or []):
            sections[-1][0].append(node)
        elif id(node) in prose:
            sections[-1][1].append(str(node))
    return sections


@pytest.mark.parametrize("path", nav_paths(), ids=page_ids())
def test_every_equation_number_is_a_preview_link(built_pages: dict[str, str], path: str) -> None:
    """No "식 (n)" is left as plain running text; every equation link previews and its target exists."""
    body = article(built_pages[path + "index.html"])
    plain = [s.strip() for s in _prose_strings(body) if EQUATION_TEXT.search(s)]
    assert not plain, f"/{path}: 식 (n) not linked in {plain}"
    for a in body.select('a[href*="#eqtn"]'):
        assert "equation-ref" in a.get("class", []), f"/{path}: {a} is not an equation reference"
        assert not a.has_attr("data-preview"), f"/{path}: {a} asks Material for an instant preview"
        href = a["href"]
        target_path, _, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(path, target_path)) + "/" if target_path else path
        target = "" if target == "./" else target
        html = built_pages[target + "index.html"]
        assert f'id="{anchor}"' in html, f"/{path}: {href} points to no equation"
        number = anchor.removeprefix("eqtn")
        assert re.search(rf"\({number}\)", a.get_text()), f"/{path}: link text {a.get_text()!r} is not ({number})"
        # The title is what a reader gets where the preview cannot show: the number and its page.
        assert re.fullmatch(rf"식 \({number}\) · \S.*", a["title"]), f"/{path}: {a} has no title naming its page"


def test_chapter_and_recap_equation_counts(built_pages: dict[str, str]) -> None:
    """The pages that cite equations all link them: the chapter, recap, notebooks, playground, code."""
    for path, least in [
        (CHAPTER, 10),
        ("perceptron/", 2),
        ("notebooks/sigmoid-neuron-lab/", 5),
        ("playground/", 3),
        ("code/", 4),
    ]:
        count = len(article(built_pages[path + "index.html"]).select("a.equation-ref"))
        assert count >= least, f"/{path}: {count} equation links, expected ≥ {least}"


@pytest.mark.parametrize(
    "path", [p for p in nav_paths() if p != "glossary/"], ids=[i for i in page_ids() if i != "glossary"]
)
def test_glossary_terms_linked_once_per_section(built_pages: dict[str, str], path: str) -> None:
    """In each h2 section, each term used in running text links to its entry exactly once, at its
    first use, with the English term and the definition as its tooltip."""
    terms = {t.id: t for t in load()}
    body = article(built_pages[path + "index.html"])
    for links, strings in _sections(body):
        linked = [a["href"].rsplit("#", 1)[1] for a in links]
        assert len(linked) == len(set(linked)), f"/{path}: a term linked twice in one section: {linked}"
        for a in links:
            term = terms[a["href"].rsplit("#", 1)[1]]
            assert a["href"].split("#")[0].endswith("glossary/"), a
            assert a["title"].startswith(term.en + ": "), a
            assert re.sub(r"\s+", " ", a.get_text()) == term.ko
        # A use in running text of a term not linked in this section would be a miss.
        text = re.sub(r"\s+", " ", " ".join(strings))
        for term in terms.values():
            pattern = r"(?<![가-힣A-Za-z0-9])" + re.escape(term.ko)
            longer = [t.ko for t in terms.values() if t.ko != term.ko and term.ko in t.ko]
            uses = [
                m
                for m in re.finditer(pattern, text)
                if not any(text.startswith(lo, m.start() - lo.index(term.ko)) for lo in longer)
            ]
            if uses:
                where = text[uses[0].start() : uses[0].start() + 12]
                assert term.id in linked, f"/{path}: '{term.ko}' used ({where!r}), not linked in section"


def test_chapter_links_terms_followed_by_particles(built_pages: dict[str, str]) -> None:
    """On the real chapter most term links are followed by a particle or compound (편향을, 가중치와),
    which a whole-word match would miss; the glossary page itself has no term links."""
    body = article(built_pages[CHAPTER + "index.html"])
    followed = [
        a for a in body.select("a.glossary-term") if a.next_sibling and PARTICLE_AFTER.match(str(a.next_sibling))
    ]
    assert len(followed) >= 20, [a.get_text() + str(a.next_sibling)[:3] for a in followed]
    weights = [a for a in body.select('a.glossary-term[href$="#weight"]')]
    assert any(str(a.next_sibling).startswith(("를", "와", "의")) for a in weights)
    assert not article(built_pages["glossary/index.html"]).select("a.glossary-term")


def test_footnotes_are_previewed_in_place(built_pages: dict[str, str]) -> None:
    """The chapter's two footnotes have references Material shows as tooltips (content.footnote.tooltips);
    titles and equations are previewed by previews.js, not by Material's content.tooltips, which
    mounts a tooltip on every element with a title at load."""
    html = built_pages[CHAPTER + "index.html"]
    assert len(article(html).select("a.footnote-ref")) == 2
    assert '"content.footnote.tooltips"' in html and '"content.tooltips"' not in html
    assert "javascripts/previews.js" in html
