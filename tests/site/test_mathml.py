"""The MathML of every built page: words are single tokens, no superscript primes, no leftovers."""

from __future__ import annotations

import re

import pytest

# latex2mathml's spelling of \mathrm{word}: one <mi mathvariant="normal"> per letter.
SPELLED = re.compile(r'(?:<mi mathvariant="normal">[^<]</mi>\s*){2,}')
# A prime drawn as a superscript floats above its base (see scripts/mathml.py).
SUPER_PRIME = re.compile(r"<msup>(?:(?!</msup>).)*<m[io][^>]*>[′″‴⁗]</m[io]></msup>", re.S)


def pages_with_math(built_pages: dict[str, str]) -> dict[str, str]:
    return {path: html for path, html in built_pages.items() if "<math" in html}


def test_some_pages_have_math(built_pages: dict[str, str]) -> None:
    assert len(pages_with_math(built_pages)) >= 3


def test_no_word_spelled_letter_by_letter(built_pages: dict[str, str]) -> None:
    """Every multi-letter word in a formula (output, exp, threshold…) is one token."""
    bad = {p: SPELLED.findall(h)[:3] for p, h in pages_with_math(built_pages).items() if SPELLED.search(h)}
    assert not bad, f"words spelled letter by letter: {bad}"


def test_no_prime_as_superscript(built_pages: dict[str, str]) -> None:
    bad = [p for p, h in pages_with_math(built_pages).items() if SUPER_PRIME.search(h)]
    assert not bad, f"superscript primes on {bad}"


@pytest.mark.parametrize("word", ["output"])
def test_chapter_words_are_tokens(built_pages: dict[str, str], word: str) -> None:
    chapter = built_pages["sigmoid-neurons/index.html"]
    assert chapter.count(f"<mi>{word}</mi>") >= 10


def test_equation_5_is_one_row_in_pieces(built_pages: dict[str, str]) -> None:
    """Equation (5) is written as the book sets it (no array, no forced second row) and breaks only
    between its pieces."""
    chapter = built_pages["sigmoid-neurons/index.html"]
    eq = re.search(r'<div class="math-display math-numbered" id="eqtn5">(.*?)</div>', chapter, re.S)
    assert eq, "equation (5) has no numbered box with id eqtn5"
    assert "<mtable" not in eq.group(1) and 'class="math-wrap"' in eq.group(1)
    assert '<mrow><mo form="infix">+</mo>' in eq.group(1)
