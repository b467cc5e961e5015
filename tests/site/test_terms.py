"""One term per concept on every page, as docs/glossary.yml sets it (issue 8, section 4).

- Every glossary term a page uses shows its English in parentheses at its first use on that page.
- No page uses a spelling the glossary avoids, or a spelling the site retired (넘침, 보는 값, 연습 문제,
  규칙 (2), this section called a 장).
- 가중합 is Σ w_j x_j (no bias); the weighted input z = w·x + b is 가중 입력.
- The glossary records the variants Korean communities use for the disputed terms, and our choice.
"""

from __future__ import annotations

import re

import pytest

from scripts.glossary import Term, load
from tests.helpers import article, nav_paths, page_ids

GLOSSARY_PAGE = "glossary/"
PAGES = [p for p in nav_paths() if p != GLOSSARY_PAGE]
IDS = [i for p, i in zip(nav_paths(), page_ids(), strict=True) if p != GLOSSARY_PAGE]

# Spellings the site retired, on every page (the glossary's `avoid` lists are checked too).
RETIRED = {
    "넘침": "오버플로(overflow)",
    "보는 값": "가중 입력",
    "연습 문제": "연습문제",
    "규칙 (1)": "식 (1)",
    "규칙 (2)": "식 (2)",
    "뉴런 장": "절 (this is a section of chapter 1)",
    "이 장의": "이 절의",
    "장 끝": "절 끝",
    "퍼셉트론 신경망": "퍼셉트론 네트워크 (the chapter's network)",
    "시그모이드 신경망": "시그모이드 뉴런 네트워크",
    "작은 신경망": "작은 네트워크",
}
# 가중합 next to the bias or z: the weighted input is 가중 입력, 가중합 has no b.
SUM_WITH_BIAS = re.compile(r"가중합\s*\(?\s*(?:z\b|w\s*[·⋅]\s*x\s*\+\s*b)")

# The terms Korean ML communities translate differently: our choice and the variants we record.
DISPUTED = {
    "gradient": ("그레이디언트", ["그래디언트", "그라디언트", "변화도"]),
    "activation function": ("활성화 함수", ["활성 함수"]),
    "learning rate": ("학습률", ["학습 속도"]),
    "neural network": ("신경망", ["뉴럴 네트워크"]),
}


def running_text(html: str) -> str:
    """Return the article's prose in reading order (no code, headings, outputs or page names)."""
    body = article(html, drop_code=True)
    # Not prose: headings, notebook outputs, drawings, the playground's controls, and links to other
    # pages (their text names a page, such as 퍼셉트론 복습); links into the glossary stay.
    not_prose = "h1, h2, h3, h4, h5, h6, script, style, svg, fieldset, dl, .headerlink, .jp-OutputArea"
    for skip in body.select(not_prose):
        skip.decompose()
    for link in body.find_all("a", href=True):
        if "glossary/" not in link["href"] and not link["href"].startswith("#"):
            link.decompose()
    return re.sub(r"\s+", " ", body.get_text(" ")).replace("\u2061", "").replace("\u2062", "")


def first_use_without_english(text: str, terms: list[Term]) -> list[str]:
    """Return the terms whose first use in `text` is not followed by (English), e.g. 규약(convention).

    The English of a longer term counts: 가중 입력(weighted input) introduces 입력 (input) too.
    """
    text = re.sub(r"「[^」]*」|『[^』]*』", "「」", text)  # a quoted title is a name, not a use
    missing = []
    for t in terms:
        # A page or section name is not a use of the term: 「시그모이드 뉴런」, 시그모이드 뉴런 절, 퍼셉트론 복습.
        uses = [
            m.start()
            for m in re.finditer(re.escape(t.ko), text)
            if not re.match(r"\s*(절|장|복습|」|』)", text[m.end() :]) and text[max(m.start() - 1, 0)] not in "「『"
        ]
        if not uses:
            continue
        at = uses[0]
        after = text[at + len(t.ko) : at + len(t.ko) + 80]
        m = re.match(r"\*{0,2}\s*\(([^)]*)\)", after)
        if m is None or t.en.lower() not in m.group(1).lower():
            missing.append(f"{t.ko}({t.en}): first used in …{text[max(at - 30, 0) : at + len(t.ko) + 20]}…")
    return missing


@pytest.fixture(scope="module")
def texts(built_pages: dict[str, str]) -> dict[str, str]:
    """Return each page's running text, by site path."""
    return {p: running_text(built_pages[p + "index.html"]) for p in nav_paths()}


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_every_term_shows_its_english_at_first_use(texts: dict[str, str], path: str) -> None:
    missing = first_use_without_english(texts[path], load())
    assert not missing, f"/{path}: " + "; ".join(missing)


def test_first_use_check_can_fail() -> None:
    """A page that says 규약 before 규약(convention), or never gives the English, fails."""
    terms = [t for t in load() if t.en in ("convention", "input", "weighted input")]
    assert len(first_use_without_english("규약을 정합니다. 규약(convention)은…", terms)) == 1
    assert first_use_without_english("규약(convention)을 정합니다.", terms) == []
    assert first_use_without_english("가중 입력(weighted input) z와 입력 x", terms) == []
    assert len(first_use_without_english("입력 x와 가중 입력(weighted input) z", terms)) == 1


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_no_avoided_or_retired_spelling(texts: dict[str, str], path: str) -> None:
    text = texts[path]
    found = [f"{v} (use {t.ko})" for t in load() for v in t.avoid if v in text]
    found += [f"{old} (use {new})" for old, new in RETIRED.items() if old in text]
    found += [f"{m.group(0)!r} (the weighted input z = w·x + b is 가중 입력)" for m in SUM_WITH_BIAS.finditer(text)]
    assert not found, f"/{path}: {found}"


def test_retired_spellings_are_caught() -> None:
    """The checks above fail on the sentences the editor flagged."""
    assert SUM_WITH_BIAS.search("뉴런이 가중합 w · x + b 에 적용해")
    assert not SUM_WITH_BIAS.search("가중합 ∑ j w j x j 에 편향 b 를 더한")
    assert any(old in "이 퍼셉트론이 보는 값은" for old in RETIRED)


def test_weighted_input_is_named_in_the_chapter(texts: dict[str, str]) -> None:
    """The chapter names z = w·x + b 가중 입력(weighted input), and says it is Nielsen's later name."""
    chapter = texts["sigmoid-neurons/"]
    assert "가중 입력(weighted input)" in chapter.replace(" (", "(")
    assert "2장부터" in chapter


def test_glossary_definitions_keep_the_terms_apart() -> None:
    """No definition calls w·x + b a 가중합, and 가중합 is defined without the bias."""
    terms = {t.id: t for t in load()}
    for t in terms.values():
        assert "가중합 $w \\cdot x + b$" not in t.definition, t.id
    assert (
        "w \\cdot x$" in terms["weighted-sum"].definition
        and "편향은 더하지 않습니다" in terms["weighted-sum"].definition
    )
    assert "w \\cdot x + b" in terms["weighted-input"].definition


@pytest.mark.parametrize("en", sorted(DISPUTED))
def test_glossary_records_the_variants_of_disputed_terms(en: str, built_pages: dict[str, str]) -> None:
    """A reader who learned another term finds ours: the glossary names each variant and our choice."""
    ours, variants = DISPUTED[en]
    term = next(t for t in load() if t.en == en)
    assert term.ko == ours
    assert term.note and all(v in term.avoid and v in term.note for v in variants), term
    page = running_text(built_pages[GLOSSARY_PAGE + "index.html"])
    assert all(v in page for v in variants) and ours in page
