"""The built chapter and its supporting pages: content of all 13 paragraphs, equations, figures, credits."""

from __future__ import annotations

import posixpath
import re

import pytest
from bs4 import BeautifulSoup

from tests.helpers import CHAPTER as CHAPTER_PATH
from tests.helpers import RAW_TEX, ROOT, article, article_text

CHAPTER = CHAPTER_PATH + "index.html"
ORIGINAL = "http://neuralnetworksanddeeplearning.com/chap1.html#sigmoid_neurons"
NEXT = "http://neuralnetworksanddeeplearning.com/chap1.html#the_architecture_of_neural_networks"


@pytest.fixture(scope="module")
def chapter(built_pages: dict[str, str]) -> str:
    """Return the built chapter's HTML."""
    return built_pages[CHAPTER]


# Key facts of the 13 paragraphs, footnotes and exercises, as they must read in the built text.
FACTS = {
    "1 learning, small change": ["학습 알고리즘", "픽셀", "작은 변화", "너무 단순"],
    "2 nine vs eight": ['"9"여야 할 이미지를 "8"로', "되풀이"],
    "3 perceptrons flip": ["0에서 1로 완전히 뒤집힐", "통제하기 어렵게"],
    "4 sigmoid neuron": ["시그모이드 뉴런(sigmoid neuron)", "결정적인 사실"],
    "5 inputs between 0 and 1": ["0.638", "0과 1 사이의 어떤 값", "시그모이드 함수(sigmoid function)"],
    "7 not so different": ["기술적인 세부 사항"],
    "8 limits": ["큰 양수이면", "절댓값이 아주 큰 음수", "절댓값이 그리 크지 않을 때뿐"],
    "9 shape": ["모양", "계단 함수(step function)"],
    "10 step": ["양수인지 음수인지", "에 따라 1 또는 0"],
    "11 linear": ["편미분(partial derivative)", "선형 함수", "당황하지 마세요"],
    "12 activation": ["활성화 함수(activation function)", "지수 함수", "가장 자주"],
    "13 interpret": ["0.173", "0.689", "픽셀 평균 밝기", '0.5 이상이면 "9"', "9가 아님", "규약"],
    "footnote logistic": ["로지스틱 함수(logistic function)", "로지스틱 뉴런"],
    "footnote step at zero": ["퍼셉트론은 0을 출력하지만 계단 함수는 1을"],
    "exercise I": ["양의 상수", "동작이 바뀌지 않음"],
    "exercise II": ["극한에서", "모든 퍼셉트론을 시그모이드 뉴런으로 바꾸고", "어떻게 어긋날 수"],
}


@pytest.mark.parametrize("key", sorted(FACTS))
def test_chapter_has_every_paragraphs_key_facts(chapter: str, key: str) -> None:
    """Every paragraph of the book's section left its key facts in the page."""
    body = article_text(chapter).replace("\u2061", "").replace("\u2062", "")
    plain = re.sub(r"\s+", "", body)
    for fact in FACTS[key]:
        assert fact in body or re.sub(r"\s+", "", fact) in plain, f"{key}: {fact!r} missing"


def test_equations_are_numbered_mathml(built_pages: dict[str, str]) -> None:
    """Equations (3)–(5) on the chapter and (1)–(2) on the recap page are MathML in ids eqtnN."""
    for page, numbers in ((CHAPTER, "345"), ("perceptron/index.html", "12")):
        soup = BeautifulSoup(built_pages[page], "html.parser")
        for n in numbers:
            block = soup.find(id=f"eqtn{n}")
            assert block is not None and block.find("math") is not None, (page, n)
            assert f"({n})" in block.get_text()
    soup = BeautifulSoup(built_pages[CHAPTER], "html.parser")
    hrefs = {a["href"] for a in soup.select("article a[href]")}
    assert {"#eqtn3", "#eqtn5"} <= hrefs
    assert any(h.startswith("../perceptron/") and h.endswith("#eqtn2") for h in hrefs)
    eq5 = soup.find(id="eqtn5").get_text()
    assert "\u2202" in eq5 and "\u0394" in eq5 and "\u2248" in eq5


def test_no_placeholders_left_and_figures_described(built_pages: dict[str, str]) -> None:
    """No leftover comments or figure paths; no raw TeX in a figure's caption (alt text and captions
    on every page: test_build.py)."""
    for name in (CHAPTER, "perceptron/index.html", "glossary/index.html", "about/index.html"):
        body = article(built_pages[name])
        html = str(body)
        assert "<!--" not in html and "figures/" not in body.get_text(), name
        assert "svg)" not in html
        for caption in body.select("figure figcaption"):
            assert not RAW_TEX.search(caption.get_text()), f"{name}: raw LaTeX in a caption"
    figures = article(built_pages[CHAPTER]).find_all("figure")
    sources = " ".join(img["src"] for f in figures for img in f.find_all("img"))
    for name in ("network_nudge", "sigmoid_neuron", "sigmoid.", "step", "sigmoid_prime", "tangent", "sigmoid_scaled"):
        assert name in sources, name
    captions = [f.find("figcaption").get_text() for f in figures]
    assert [c.split(".")[0] for c in captions] == [f"그림 {i}" for i in range(1, len(captions) + 1)]


def test_no_seed_typos_and_no_gamma(built_pages: dict[str, str]) -> None:
    """The seed post's typos and its γ-for-σ never appear on any page."""
    for name, html in built_pages.items():
        for bad in ("출력제", "반복애", "다음을과", "γ"):
            assert bad not in html, f"{bad!r} in {name}"


def test_annotations_are_marked(chapter: str) -> None:
    """Our additions sit in admonitions titled 역주/해설; solutions are closed <details>."""
    body = article(chapter)
    titles = [t.get_text().strip() for t in body.select(".admonition > .admonition-title")]
    assert titles.count("해설") >= 5
    details = body.find_all("details")
    assert len(details) == 2
    for d in details:
        assert not d.has_attr("open") and d.find("summary").get_text().strip() == "풀이 (옮긴이)"
        assert d.find("table") is not None and d.find("math") is not None
    for ident in ("annotation-derivative", "annotation-numerics", "annotation-eq5"):
        assert body.find(id=ident) is not None
    derivative = body.find(id="annotation-derivative").find_next("div", class_="admonition")
    assert "σ" in derivative.get_text() and derivative.find("code") is not None


def test_links_footnotes_and_heading_ids(chapter: str) -> None:
    """Links to the original and the next section, both footnotes, ASCII ids on every h2/h3."""
    body = article(chapter)
    hrefs = [a["href"] for a in body.find_all("a", href=True)]
    assert ORIGINAL in hrefs and NEXT in hrefs
    notes = body.select(".footnote li")
    assert [li.get("id") for li in notes] == ["fn:logistic", "fn:step-at-zero"]
    for h in body.find_all(["h2", "h3"]):
        assert h.get("id") and re.fullmatch(r"[a-z0-9-]+", h["id"]), h
    ids = {h["id"] for h in body.find_all(["h2", "h3"])}
    assert {"why-small-changes", "smoothness", "exercises", "exercise-1", "exercise-2"} <= ids


def test_tables_rendered(chapter: str) -> None:
    """All eight tables render as HTML tables (none broken into paragraphs of pipes)."""
    body = article(chapter)
    assert len(body.find_all("table")) == 8
    assert not any(p.get_text().lstrip().startswith("|") for p in body.find_all("p"))
    assert not RAW_TEX.search(article_text(chapter)), "unconverted math"


def test_footer_credit_on_every_page(built_pages: dict[str, str]) -> None:
    """Every page's footer credits Nielsen, the book, CC BY-NC 3.0, the changes, and links the about page."""
    for name, html in built_pages.items():
        assert html.lstrip().startswith("<!doctype html>"), f"{name} is not a whole page"
        footer = BeautifulSoup(html, "html.parser").select_one(".md-copyright")
        assert footer is not None, name
        words = re.sub(r"\s+", " ", footer.get_text())
        assert "Michael Nielsen" in words and "변경 있음" in words, name
        hrefs = [a["href"] for a in footer.find_all("a")]
        assert "http://neuralnetworksanddeeplearning.com/" in hrefs
        assert "https://creativecommons.org/licenses/by-nc/3.0/" in hrefs
        here = posixpath.dirname(name)
        about = [h for h in hrefs if posixpath.normpath(posixpath.join(here, h)) in ("about", "about/index.html")]
        assert about or (name == "404.html" and any(h.endswith("/about/") for h in hrefs)), (name, hrefs)


def test_about_and_license_files(built_pages: dict[str, str]) -> None:
    """The about page and LICENSE files name the original, its licence, and ours."""
    about = article(built_pages["about/index.html"])
    hrefs = [a["href"] for a in about.find_all("a", href=True)]
    assert "http://neuralnetworksanddeeplearning.com/" in hrefs
    assert "https://creativecommons.org/licenses/by-nc/3.0/" in hrefs
    assert "https://creativecommons.org/licenses/by-nc/4.0/" in hrefs
    words = re.sub(r"\s+", " ", about.get_text())
    assert "번역하고 해설을 덧붙였으며, 원문에서 변경된 부분이 있습니다" in words and "비영리" in words
    assert "MIT" in words
    mit = (ROOT / "LICENSE").read_text("utf-8")
    assert mit.startswith("MIT License") and all(d in mit for d in ("snippets/", "scripts/", "tests/"))
    text_licence = (ROOT / "LICENSE-TEXT.md").read_text("utf-8")
    assert "CC BY-NC 4.0" in text_licence and "CC BY-NC 3.0" in text_licence and "Michael Nielsen" in text_licence


def test_perceptron_recap(built_pages: dict[str, str]) -> None:
    """The recap page has both rules, the bias as minus the threshold, and the NAND truth table."""
    body = article(built_pages["perceptron/index.html"])
    words = re.sub(r"\s+", " ", body.get_text())
    assert "편향(bias)" in words and "임곗값" in words
    rows = [[c.get_text().strip() for c in tr.find_all("td")] for tr in body.select("table tbody tr")]
    assert [r[-1] for r in rows] == ["1", "1", "1", "0"]
    assert body.find("code") is not None and "perceptron" in body.find("code").get_text()


def test_facts_the_editor_flagged(built_pages: dict[str, str]) -> None:
    """Issue 8, errors of fact: each sentence the editor flagged now says what is true."""
    from scripts.tables import VALUES

    text = re.sub(r"\s+", "", article_text(built_pages[CHAPTER]))  # links and math split words: compare without spaces
    # Underflow: the smallest subnormal is a result (z = −745), and only below half of it is 0.
    assert "아래로는0이됩니다" not in text
    assert f"절반({VALUES['subnormal_half']()})이하일때" in text and VALUES["underflow_z"]() in text
    # The table after equation (4) applies rule (2) to fractional inputs: say so, not "never sees them".
    assert "볼일이없습니다" not in text and "식(2)를그대로적용해" in text
    # A neuron has no sign; its weighted input does.
    assert "뉴런의부호" not in text and "가중입력의부호를바꿀" in text
    # Step function at 0: Figure 4 is the book's (1 there), the footnote's perceptron needs 0, and a 역주
    # after the footnote's paragraph says the site's `step` follows the perceptron.
    body = article(built_pages[CHAPTER])
    step_caption = next(c.get_text() for c in body.select("figure figcaption") if c.get_text().startswith("그림 4"))
    assert "원문의 그래프처럼 z = 0에서 값이 1" in step_caption
    notes = [n for n in body.select(".admonition.note") if n.select_one(".admonition-title").get_text() == "역주"]
    step_note = next(n for n in notes if n.find("code", string="step"))
    assert "0을 돌려줍니다" in step_note.get_text() and "각주" in step_note.get_text()
    footnote_paragraph = body.find("sup", id="fnref:step-at-zero").find_parent("p")
    assert step_note in footnote_paragraph.find_all_next("div")  # after the paragraph, not inside it
    assert "`" not in " ".join(c.get_text() for c in body.select("figure figcaption"))  # Markdown rendered
    # The page note names every kind of addition of ours.
    note = body.select_one(".admonition.note").get_text()
    for ours in ("소제목", "그림", "역주", "해설", "풀이 (옮긴이)"):
        assert ours in note, ours


def test_block_threshold_agrees_with_the_code(built_pages: dict[str, str]) -> None:
    """The code page's per-element threshold is the one snippets.sigmoid computes (floor of ln max)."""
    import math

    import numpy as np

    from scripts.tables import VALUES
    from tests.helpers import ROOT

    switch = VALUES["sigmoid_switch"]()
    assert float(switch) == math.floor(math.log(np.finfo(np.float64).max))
    assert "big = np.log(np.finfo(work).max) // 1" in (ROOT / "snippets" / "sigmoid.py").read_text("utf-8")
    code = re.sub(r"\s+", "", article_text(built_pages["code/index.html"]))
    assert f"z가−{switch}보다작은원소만" in code
    assert "709.78 미만" not in article_text(built_pages[CHAPTER])


def test_figure5_alt_text_states_the_computed_overshoot(built_pages: dict[str, str]) -> None:
    """Figure 5's alt text gives how much longer the tangent's bar is, as computed from the figure's data."""
    from scripts import examples

    nudge = examples.nudge(examples.FIGURE_DW)  # the nudge Figure 5 draws
    pct = round(100 * (nudge.linear / nudge.exact - 1))
    alts = [img["alt"] for img in article(built_pages[CHAPTER]).find_all("img") if "tangent" in img["src"]]
    assert alts and all(f"{pct}% 더 길다" in a for a in alts), alts
    assert all("조금 더 길다" not in a for a in alts)


def test_additions_sit_between_the_books_paragraphs(chapter: str) -> None:
    """Issue 17, section 3: the book's paragraph "If σ had in fact been a step function … change the
    output" stays one paragraph (no heading or box inside it), and the σ-values 해설 follows Figure 3,
    which it reads its values from."""
    body = article(chapter)
    start = next(p for p in body.find_all("p") if "계단 함수였다면" in p.get_text())
    parts = [start]  # the paragraph, its display equation (5) and the text after it, up to "훨씬 쉽습니다"
    while "훨씬 쉽습니다" not in parts[-1].get_text():
        parts.append(parts[-1].find_next_sibling())
    between = [
        t.name + str(t.get("class", "")) for t in parts if t.name != "p" and "math-display" not in t.get("class", [])
    ]
    assert len(parts) == 3 and not between, between
    figure3 = next(f for f in body.find_all("figure") if f.find("figcaption").get_text().startswith("그림 3"))
    box = figure3.find_next_sibling()
    assert "admonition" in box.get("class", []) and "그림 3의 곡선" in box.get_text()
    assert box.find_next_sibling("p").get_text().startswith("이 모양은")


def test_terms_are_introduced_once_where_first_used(chapter: str) -> None:
    """Issue 17, section 3: 가중 입력 gets its English once, before any box uses it; σ″ is explained in
    the paragraph that shows it; the symbol for the output's change in the text is Δoutput."""
    text = re.sub(r"\s+", " ", article_text(chapter, drop_code=True))
    assert text.count("(weighted input)") == 1
    assert text.index("(weighted input)") < text.index("가중 입력 z = w x + b")
    body = article(chapter)
    second = [p for p in body.find_all("p") if "″" in p.get_text()]
    assert second and all("두 번 미분" in p.get_text() for p in second)
    prose = " ".join(p.get_text() for p in body.find_all("p") if not p.find_parent("figure"))
    assert "Δ출력" not in prose and "Δoutput" in prose
