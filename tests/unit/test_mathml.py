"""scripts/mathml.py: LaTeX from arithmatex becomes MathML, or a clear error."""

from __future__ import annotations

import pytest

from scripts.mathml import MathError, convert_page, latex_to_mathml


def test_inline_and_display_math_become_mathml() -> None:
    html = (
        '<p>식 <span class="arithmatex">\\(z = w \\cdot x + b\\)</span>에서</p>'
        '<div class="arithmatex">\\[\\sigma(z) = \\frac{1}{1+e^{-z}}\\]</div>'
    )
    out = convert_page(html)
    assert out.count("<math") == 2
    assert 'display="block"' in out and 'display="inline"' in out
    assert "arithmatex" not in out and "\\(" not in out


def test_html_escapes_inside_formulas_are_undone() -> None:
    out = convert_page('<span class="arithmatex">\\(z &lt; 0\\)</span>')
    assert "&#x0003C;" in out or "&lt;" in out
    assert "&amp;lt;" not in out


def test_tag_gives_number_and_id() -> None:
    out = convert_page('<div class="arithmatex">\\[\\Delta w \\tag{5}\\]</div>')
    assert 'id="eqtn5"' in out and '<span class="math-number">(5)</span>' in out and "tag" not in out


@pytest.mark.parametrize("tex", ["\\frac{1}{", "x^{", "\\left( x", "\\nosuchcommand{z}"])
def test_bad_formulas_raise_naming_the_formula(tex: str) -> None:
    with pytest.raises(MathError, match="cannot convert formula") as info:
        latex_to_mathml(tex)
    assert tex in str(info.value)


# ── The MathML a browser and a screen reader need ─────────────────────────────────────────────


@pytest.mark.parametrize(
    ("tex", "word"),
    [
        ("\\Delta \\mathrm{output}", "output"),
        ("\\mathrm{threshold}_j", "threshold"),
        ("\\exp(-z)", "exp"),
        ("\\partial\\, \\mathrm{output} / \\partial b", "output"),
    ],
)
def test_a_word_is_one_token(tex: str, word: str) -> None:
    out = latex_to_mathml(tex)
    assert f"<mi>{word}</mi>" in out
    assert 'mathvariant="normal"' not in out


def test_single_upright_letters_from_different_words_stay_apart() -> None:
    out = latex_to_mathml("\\mathrm{ab}\\,\\mathrm{cd}")
    assert '<mi>ab</mi><mspace width="0.167em" /><mi>cd</mi>' in out


def test_prime_follows_its_base_instead_of_a_superscript() -> None:
    out = latex_to_mathml("\\sigma'(z)")
    assert "<msup>" not in out
    assert out.startswith('<math display="inline"><mi>σ</mi><mo lspace="0" rspace="0">′</mo>')
    # In a position that takes exactly one element the pair stays grouped.
    assert '<mfrac><mrow><mi>σ</mi><mo lspace="0" rspace="0">′</mo></mrow><mn>2</mn></mfrac>' in latex_to_mathml(
        "\\frac{\\sigma'}{2}"
    )


def test_no_redundant_rows_and_real_characters() -> None:
    out = latex_to_mathml("\\frac{1}{1+e^{-z}}")
    assert out == (
        '<math display="inline"><mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo>'
        "<msup><mi>e</mi><mrow><mo>−</mo><mi>z</mi></mrow></msup></mrow></mfrac></math>"
    )
    assert "xmlns" not in out and "&#x" not in out


def test_displaystyle_applies_to_the_rest_of_its_row() -> None:
    out = latex_to_mathml("a + \\displaystyle\\frac{1}{2}", display=True)
    assert '<mstyle displaystyle="true" scriptlevel="0"><mfrac>' in out


def test_display_formula_gets_pieces_that_start_at_plus_or_relation() -> None:
    out = latex_to_mathml("\\Delta y \\approx \\sum_j a_j + \\frac{b}{c}", display=True)
    assert out.startswith(
        '<math display="block" class="math-wrap"><mrow><mi>Δ</mi><mi>y</mi></mrow><mrow><mo form="infix">≈</mo>'
    )
    assert '</mrow><mrow><mo form="infix">+</mo><mfrac>' in out
    assert out.count("<mrow>") == 3
    # A sign after an operator is not a break point; inline math never gets pieces.
    assert "math-wrap" not in latex_to_mathml("z = -b") and 'form="infix"' not in latex_to_mathml("-b", display=True)
