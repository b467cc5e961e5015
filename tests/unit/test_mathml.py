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
