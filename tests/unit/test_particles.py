"""scripts/particles.py: the particle after a number fits the number as read aloud in Korean."""

from __future__ import annotations

import pytest

from scripts.particles import attach, choose, coda


@pytest.mark.parametrize(
    ("text", "particle", "expected"),
    [
        ("−3", "로", "−3으로"),  # 삼으로
        ("−0.3", "로", "−0.3으로"),  # 영 점 삼으로
        ("1/2", "를", "1/2을"),  # 이분의 일을
        ("1", "으로", "1로"),  # 일로: a final ㄹ takes 로
        ("7", "을", "7을"),  # 칠을: but 을, not 를
        ("2", "을", "2를"),
        ("0.5", "은", "0.5는"),
        ("0", "와", "0과"),  # 영과
        ("10", "로", "10으로"),  # 십으로
        ("100", "가", "100이"),  # 백이
        ("1000", "는", "1000은"),  # 천은
        ("120000", "와", "120000과"),  # 십이만과
        ("10000000000000", "이", "10000000000000가"),  # 십조가
        ("1.7×10⁻⁴", "로", "1.7×10⁻⁴으로"),  # …승으로
        ("0.638…", "가", "0.638…이"),  # 영 점 육삼팔이
        ("37%", "이", "37%가"),  # 퍼센트가
        ("σ(z)", "이", "σ(z)가"),
        ("|z|", "이", "|z|가"),
        ("x2", "을", "x2를"),
        ("Δoutput", "가", "Δoutput이"),
    ],
)
def test_attach_reads_the_number_aloud(text: str, particle: str, expected: str) -> None:
    assert attach(text, particle) == expected


def test_either_form_names_the_particle() -> None:
    assert choose("3", "으로") == choose("3", "로") == "으로"
    assert coda("1") == "ㄹ" and coda("2") == "" and coda("3") == "other"


@pytest.mark.parametrize(("text", "particle"), [("3", "에게"), ("", "로"), ("→", "로")])
def test_unknown_particles_and_unreadable_text_are_refused(text: str, particle: str) -> None:
    with pytest.raises(ValueError, match="particle|read"):
        attach(text, particle)
