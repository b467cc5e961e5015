"""scripts/typeset.py: a Korean word holding a formula, code, a link or a bracket is kept on one line,
and nothing else of the page changes."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scripts.typeset import keep_words_together

MATH = "<math><mi>σ</mi><mo>(</mo><mi>z</mi><mo>)</mo></math>"
TERM = '<a class="glossary-term" href="../glossary/#perceptron" title="perceptron: a > b (옛 뉴런)">퍼셉트론</a>'


def text(html: str) -> str:
    """Return the text of `html` as a browser shows it, without tags."""
    return BeautifulSoup(html, "html.parser").get_text()


@pytest.mark.parametrize(
    ("html", "wrapped"),
    [
        ("<p>입력(input)은 둘입니다.</p>", '<span class="nowrap">입력(input)은</span>'),
        (f"<p>출력은 {MATH}입니다.</p>", f'<span class="nowrap">{MATH}입니다.</span>'),
        (f"<li>{TERM}(perceptron)과 뉴런</li>", f'<span class="nowrap">{TERM}(perceptron)과</span>'),
        ("<td><code>np.exp</code>를 씁니다</td>", '<span class="nowrap"><code>np.exp</code>를</span>'),
        ('<p><a href="#eqtn5">식 (5)</a>의 값</p>', '<span class="nowrap"><a href="#eqtn5">식 (5)</a>의</span>'),
        ("<p><strong>뉴런(neuron)</strong>은 단위</p>", '<span class="nowrap"><strong>뉴런(neuron)</strong>은</span>'),
        ("<p>그림 1–4는 같다</p>", '<span class="nowrap">1–4는</span>'),
        ("<p><code>(dw, db)</code>로 돌려줍니다</p>", '<span class="nowrap"><code>(dw, db)</code>로</span>'),
    ],
    ids=["brackets", "math-particle", "link-english-particle", "code", "equation-link", "strong", "dash", "code-space"],
)
def test_wraps_the_word(html: str, wrapped: str) -> None:
    """The whole word, and only it, goes into one span; the text is unchanged."""
    out = keep_words_together(html)
    assert wrapped in out
    assert out.count('class="nowrap"') == 1
    assert text(out) == text(html)


@pytest.mark.parametrize(
    "html",
    [
        "<p>시그모이드 뉴런은 매끄럽습니다.</p>",  # plain Hangul words: keep-all is enough
        "<pre><code>입력(input)은 = σ(z)입니다</code></pre>",
        "<p><code>print('입력(input)은')</code> 씁니다</p>",  # inside inline code
        '<div class="math-display"><math display="block"><mi>x</mi></math>은</div>',
        '<p title="입력(input)은"><img alt="σ(z)입니다" src="a.svg"></p>',  # attribute values
        "<script>var s = '입력(input)은';</script><style>p::after { content: '값(x)은'; }</style>",
        '<h2 id="a">퍼셉트론<a class="headerlink" href="#a">¶</a></h2>',
        "<li>입력</li><li><code>x</code></li>",  # never across a block boundary
        "<p>출력 (output) 은</p>",  # nor across white space
        "<p><strong>시그모이드 뉴런</strong>(sigmoid neuron)</p>",  # tags opened before the word
        "<p>(sigmoid neuron)</p>",  # no Hangul
        "<p>매우매우매우매우매우매우매우매우긴단어(averyveryverylongword)입니다</p>",  # wider than a phone's line
    ],
    ids=[
        "plain",
        "pre",
        "code",
        "display-math",
        "attributes",
        "script-style",
        "permalink",
        "blocks",
        "spaces",
        "unbalanced",
        "latin",
        "too-wide",
    ],
)
def test_leaves_alone(html: str) -> None:
    """Code, display math, attributes, scripts, permalinks and words that need no help are untouched."""
    assert keep_words_together(html) == html


def test_a_long_link_keeps_its_own_words() -> None:
    """A link too wide to bind to its particle still keeps the words inside it whole."""
    html = '<p><a href="x">크리에이티브 커먼즈 저작자표시-비영리 3.0 Unported 라이선스(CC BY-NC 3.0)</a>로</p>'
    out = keep_words_together(html)
    assert '<span class="nowrap">저작자표시-비영리</span>' in out
    assert '<span class="nowrap">라이선스(CC</span>' in out
    assert "</a>로" in out


def test_reports_words_too_wide_to_wrap() -> None:
    """A word too wide to keep whole is named, so the build can report it."""
    skipped: list[str] = []
    keep_words_together("<p>매우매우매우매우매우매우매우매우긴단어(averyveryverylongword)입니다</p>", skipped)
    assert skipped == ["매우매우매우매우매우매우매우매우긴단어(averyveryverylongword)입니다"]


def test_a_page_keeps_its_text_and_tags() -> None:
    """A mixed page parses to the same text, and only spans are added."""
    html = (
        f'<h2 id="s">시그모이드 뉴런<a class="headerlink" href="#s">¶</a></h2>\n'
        f"<p>{TERM}(perceptron)과 달리, 출력은 {MATH}입니다. <em>사이</em>의 값(0과 1)을\n<code>x</code>로</p>"
        "<ul><li>가중치(weight)와 편향(bias)</li></ul><pre>입력(input)은</pre>"
    )
    out = keep_words_together(html)
    assert text(out) == text(html)
    assert out.replace('<span class="nowrap">', "").replace("</span>", "") == html
    assert out.count('class="nowrap"') == 7
