"""scripts/references.py: "식 (n)" and glossary terms become preview links, once, in prose only."""

from __future__ import annotations

import re

import pytest

from scripts.references import LinkError, TermLink, link_equations, link_terms, tex_to_text

EQUATIONS = {
    "1": "../perceptron/#eqtn1",
    "2": "../perceptron/#eqtn2",
    "3": "#eqtn3",
    "4": "#eqtn4",
    "5": "#eqtn5",
}
TERMS = [
    TermLink("편향", "bias", "bias: 더하는 상수"),
    TermLink("가중치", "weight", "weight: 입력의 영향"),
    TermLink("뉴런", "neuron", "neuron: 기본 단위"),
    TermLink("시그모이드 뉴런", "sigmoid-neuron", "sigmoid neuron: σ를 쓰는 뉴런"),
    TermLink("NAND 게이트", "nand-gate", 'NAND gate: "0"을 내는 게이트'),
]


def links(html: str) -> list[tuple[str, str]]:
    """Return (href, text) of every <a> in `html`."""
    return re.findall(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)


def link_terms_out(html: str) -> list[tuple[str, str]]:
    """Return (href, text) of the term links `link_terms` adds to `html`."""
    return links(link_terms(html, TERMS, "../glossary/"))


def test_equation_number_becomes_preview_link() -> None:
    out = link_equations("<p>식 (5)의 오른쪽은 식 (3)을 미분한 것입니다.</p>", EQUATIONS, {"5": "시그모이드 뉴런"})
    assert links(out) == [("#eqtn5", "식 (5)"), ("#eqtn3", "식 (3)")]
    assert out.count('class="equation-ref"') == 2 and "data-preview" not in out
    assert 'title="식 (5) · 시그모이드 뉴런"' in out and 'title="식 (3)"' in out  # the page, when known
    assert "</a>의 오른쪽" in out and "</a>을 미분" in out  # the particle stays outside the link


def test_lists_and_ranges_link_every_number() -> None:
    out = link_equations("<p>식 (1), (2)와 식 (3)–(5)</p>", EQUATIONS)
    assert [h for h, _ in links(out)] == ["../perceptron/#eqtn1", "../perceptron/#eqtn2", "#eqtn3", "#eqtn5"]


def test_existing_equation_links_get_preview_and_are_not_linked_twice() -> None:
    once = link_equations('<p><a href="#eqtn5">식 (5)</a>와 <a href="x/#other">식 (5) 설명</a></p>', EQUATIONS)
    assert once.count("<a ") == 2 and once.count("equation-ref") == 1
    assert link_equations(once, EQUATIONS) == once  # idempotent: nothing nests


def test_written_equation_link_keeps_its_href_and_class() -> None:
    """An author's link to an equation keeps where it points and its classes; its title names the
    equation; a link to a number no page defines is an error, as in running text."""
    out = link_equations('<p><a class="k" href="../x/#eqtn5" title="old">z</a></p>', EQUATIONS, {"5": "장"})
    assert links(out) == [("../x/#eqtn5", "z")]
    assert 'class="equation-ref k"' in out and 'title="식 (5) · 장"' in out and "old" not in out
    with pytest.raises(LinkError, match=r"식 \(9\)"):
        link_equations('<p><a href="#eqtn9">z</a></p>', EQUATIONS)


@pytest.mark.parametrize(
    "html",
    [
        "<h2>매끄러움과 식 (5)</h2>",
        "<p><code>식 (5)</code></p>",
        "<pre><code># 식 (5)\n</code></pre>",
        '<p><img alt="식 (5)의 그림" src="a.svg"></p>',
        "<script>const s = '식 (5)' < 3;</script>",
        "<!-- 식 (5) -->",
        '<div class="admonition"><p class="admonition-title">식 (5)</p></div>',
    ],
)
def test_equation_numbers_outside_prose_are_left_alone(html: str) -> None:
    assert link_equations(html, EQUATIONS) == html


def test_unknown_equation_number_names_it() -> None:
    with pytest.raises(LinkError, match=r"식 \(6\).*known: 1, 2, 3, 4, 5"):
        link_equations("<p>식 (6)</p>", EQUATIONS)


def test_terms_match_with_any_particle_and_in_compounds() -> None:
    found = link_terms_out("<p>가중치를 바꾸고 편향은 그대로 둡니다.</p>")
    assert found == [("../glossary/#weight", "가중치"), ("../glossary/#bias", "편향")]
    assert link_terms_out("<p>가중치와 편향</p>")[0] == ("../glossary/#weight", "가중치")


def test_term_inside_another_word_is_not_a_use() -> None:
    assert link_terms_out("<p>무편향 추정과 인공뉴런</p>") == []


def test_longest_term_wins_and_spaces_may_break_lines() -> None:
    found = link_terms_out("<p>시그모이드\n뉴런의 출력과 뉴런의 입력, NAND 게이트로</p>")
    assert [h for h, _ in found] == [
        "../glossary/#sigmoid-neuron",
        "../glossary/#neuron",
        "../glossary/#nand-gate",
    ]


def test_first_use_per_section_only() -> None:
    html = "<h1>제목</h1><p>편향을 편향은</p><h2>둘</h2><p>편향이</p><h3>작은 절</h3><p>편향도</p>"
    out = link_terms(html, TERMS, "g/")
    assert out.count('href="g/#bias"') == 2  # once before the first h2, once in the h2 section
    assert "<p>편향도</p>" in out  # an h3 does not start a new section


@pytest.mark.parametrize(
    "html",
    [
        "<h2>편향</h2>",
        "<p><a href='x'>편향</a></p>",
        "<p><code>bias = 편향</code></p>",
        '<p><math display="inline"><mi>편향</mi></math></p>',
        '<div class="admonition note"><p class="admonition-title">편향</p></div>',
        '<div class="footnote"><ol><li><p>편향</p></li></ol></div>',
        "<details><summary>편향</summary></details>",
        '<p><img alt="편향" src="x.svg"></p>',
    ],
)
def test_terms_outside_prose_are_left_alone(html: str) -> None:
    assert link_terms(html, TERMS, "g/") == html


def test_skipped_element_does_not_use_up_the_first_use() -> None:
    out = link_terms("<h2>편향</h2><p>편향은</p>", TERMS, "g/")
    assert '<p><a class="glossary-term" href="g/#bias" title="bias: 더하는 상수">편향</a>은</p>' in out


def test_title_is_escaped() -> None:
    out = link_terms("<p>NAND 게이트</p>", TERMS, "g/")
    assert 'title="NAND gate: &quot;0&quot;을 내는 게이트"' in out


def test_tex_to_text() -> None:
    assert tex_to_text(r"$\sigma(z) = 1/(1+e^{-z})$; 0과 1") == "σ(z) = 1/(1+e⁻ᶻ); 0과 1"
    assert tex_to_text(r"가중합 $w \cdot x + b$에") == "가중합 w · x + b에"
    assert tex_to_text(r"$e^{z}$처럼, $f/g$를") == "eᶻ처럼, f/g를"
    assert tex_to_text(r"$x^{ab}$") == "x^(ab)"
    assert tex_to_text("이 사이트의 `step`과 **굵게**, $z$") == "이 사이트의 step과 굵게, z"
    with pytest.raises(LinkError, match="frac"):
        tex_to_text(r"$\frac{1}{2}$")
