"""Korean search in the real search box: each term finds the page that explains it among the
first three results, with or without a particle attached, ahead of code and notebook output."""

from __future__ import annotations

import pytest

from tests.helpers import CHAPTER, assert_clean, goto_settled, new_page

# query → pages (site paths) any of which explains it; one must be among the first three results.
EXPECTED: dict[str, tuple[str, ...]] = {
    "시그모이드": (CHAPTER,),
    "로지스틱": (CHAPTER,),
    "뉴런은": (CHAPTER,),  # particle 은 attached
    "가중치를": (CHAPTER,),  # particle 를 attached
    "편향": ("perceptron/", CHAPTER),
    "계단 함수": (CHAPTER, "perceptron/"),
    "연습문제": (CHAPTER, "notebooks/exercises/"),
    # A reader who learned another community's term finds ours in the glossary's notes.
    "변화도": ("glossary/",),
    "그래디언트": ("glossary/",),  # the common spelling finds 그레이디언트
    "학습 속도": ("glossary/",),
    "뉴럴 네트워크": ("glossary/",),
}
# Pages whose text is mostly code or program output: they may match, but not fill the first three.
CODE_PAGES = ("code/", "notebooks/")

JS_RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')]
  .filter(li => li.parentElement.classList.contains('md-search-result__list'))
  .map(li => li.querySelector('a').href)"""


@pytest.fixture(scope="module")
def search_page(browser, base_url: str):
    """Return one page with the search index loaded, reused for every query."""
    with new_page(browser, base_url) as pg:
        goto_settled(pg, base_url)
        yield pg


def search(page, base_url: str, query: str) -> list[str]:
    """Type `query` into Material's search box and return the result pages' paths, best first."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon, label[for=__search]").first.click()
    box.click()
    # Material runs a query on each keyup and redraws the list from scratch with its first results
    # at once. Clear the box and wait for the empty list, then run the whole query as one: the
    # first results that appear are the query's own.
    box.fill("")
    box.press("End")
    page.wait_for_function(f"() => ({JS_RESULTS})().length === 0")
    box.fill(query)  # Hangul arrives as text input, without key events,
    box.press("End")  # so a real key makes Material (which listens for keyup) run the query
    page.wait_for_function(f"() => ({JS_RESULTS})().length > 0", timeout=10_000)
    return [href.split("#")[0].split("?")[0].removeprefix(base_url) for href in page.evaluate(JS_RESULTS)]


@pytest.mark.parametrize("query", list(EXPECTED))
def test_search_finds_explaining_page(search_page, base_url: str, query: str) -> None:
    """The page that explains `query` is among the first three results."""
    results = search(search_page, base_url, query)
    assert results, f"no results for {query!r}"
    assert any(r in EXPECTED[query] for r in results[:3]), f"{query!r}: first results {results[:5]}"
    prose = [r for r in results[:3] if not r.startswith(CODE_PAGES)]
    assert prose, f"{query!r}: code and notebook pages crowd out prose: {results[:5]}"
    assert_clean(search_page, f"(search {query!r})")
