"""Tests for scripts/figures.py: every figure is valid, small, deterministic SVG in both schemes."""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from scripts import figures
from scripts.figures import FIGURES, SCHEMES, Scheme
from snippets import linear_output_change, output_gradient, sigmoid_neuron

SVG_NS = "{http://www.w3.org/2000/svg}"
NAMES = [
    "network_nudge", "sigmoid_neuron", "perceptron", "sigmoid",
    "step", "sigmoid_scaled", "sigmoid_prime", "tangent",
]
CASES = [pytest.param(name, scheme, id=f"{name}-{scheme.name}") for name in NAMES for scheme in SCHEMES]
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


def draw(name: str, scheme: Scheme) -> str:
    """Return the figure's SVG, failing on any warning (e.g. matplotlib's missing-glyph UserWarning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return FIGURES[name](scheme)


@pytest.fixture(scope="module")
def svgs() -> dict[tuple[str, str], str]:
    """Return every figure's SVG in both schemes, drawn once for the module."""
    return {(name, scheme.name): draw(name, scheme) for name in NAMES for scheme in SCHEMES}


def test_registry_names() -> None:
    assert list(FIGURES) == NAMES
    assert [s.name for s in SCHEMES] == ["light", "dark"]


@pytest.mark.parametrize(("name", "scheme"), CASES)
def test_svg_is_well_formed(name: str, scheme: Scheme, svgs: dict[tuple[str, str], str]) -> None:
    svg = svgs[name, scheme.name]
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    width, height = (re.fullmatch(r"([\d.]+)(pt|px)", root.get(a, "")) for a in ("width", "height"))
    assert width and height, (root.get("width"), root.get("height"))
    x0, y0, vw, vh = (float(v) for v in root.get("viewBox", "").split())
    assert (x0, y0) == (0, 0) and vw > 100 and vh > 100
    assert float(width.group(1)) == pytest.approx(vw) and float(height.group(1)) == pytest.approx(vh)
    texts = [el for el in root.iter() if el.tag in (f"{SVG_NS}text", f"{SVG_NS}tspan")]
    assert texts, "every figure has labels"
    assert root.get("font-family", "").startswith("DejaVu Sans,")
    assert "font-family:" not in svg  # no per-element font (mathtext's cmsy10 glyphs would break in browsers)
    assert len(svg.encode()) < 16_000


@pytest.mark.parametrize(("name", "scheme"), CASES)
def test_deterministic_and_without_dates(name: str, scheme: Scheme, svgs: dict[tuple[str, str], str]) -> None:
    svg = svgs[name, scheme.name]
    assert draw(name, scheme) == svg
    assert "<dc:date" not in svg and "<metadata" not in svg and "<!--" not in svg
    assert not re.search(r"\b(19|20)\d\d-\d\d-\d\d", svg), "date-like text in the figure"


@pytest.mark.parametrize(("name", "scheme"), CASES)
def test_no_korean_and_no_opaque_background(
    name: str, scheme: Scheme, svgs: dict[tuple[str, str], str]
) -> None:
    svg = svgs[name, scheme.name]
    text = "".join(ET.fromstring(svg).itertext())
    assert not HANGUL.search(svg), "Korean belongs in the page's alt text and caption"
    assert text.strip()
    other = figures.DARK if scheme is figures.LIGHT else figures.LIGHT
    assert scheme.fg in svg and other.fg not in svg
    assert not re.search(r'fill[:=]\s*"?#(fff|ffffff|1e2129)\b', svg, re.I), "backgrounds must be transparent"


@pytest.mark.parametrize("name", NAMES)
def test_light_and_dark_differ(name: str, svgs: dict[tuple[str, str], str]) -> None:
    light, dark = svgs[name, "light"], svgs[name, "dark"]
    assert light != dark
    tags = [[el.tag for el in ET.fromstring(svg).iter()] for svg in (light, dark)]
    assert tags[0] == tags[1]  # the same drawing, only the colours change


def test_figure_labels(svgs: dict[tuple[str, str], str]) -> None:
    def text(name: str) -> str:
        """Return the figure's text without whitespace (mathtext writes one tspan per glyph)."""
        return "".join("".join(ET.fromstring(svgs[name, "light"]).itertext()).split())

    assert "w+Δw" in text("network_nudge") and "output+Δoutput" in text("network_nudge")
    assert all(f"x{i}" in text("sigmoid_neuron") for i in (1, 2, 3)) and "output" in text("sigmoid_neuron")
    assert all(f"w{i}" in text("perceptron") for i in (1, 2, 3)) and "output∈{0,1}" in text("perceptron")
    assert all(f"c={c}" in text("sigmoid_scaled") for c in (1, 2, 5, 10, 100))
    assert "σ′(0)=1/4" in text("sigmoid_prime")
    assert "linearestimate" in text("tangent") and "Δoutput" in text("tangent")


def test_network_has_the_book_layout(svgs: dict[tuple[str, str], str]) -> None:
    root = ET.fromstring(svgs["network_nudge", "light"])
    circles = root.findall(f"{SVG_NS}circle")
    assert len(circles) == 3 + 4 + 3 + 1
    lines = root.findall(f"{SVG_NS}line")
    assert len(lines) == 3 * 4 + 4 * 3 + 3 * 1 + 1  # every connection, plus the output arrow
    assert sum(line.get("stroke") == figures.LIGHT.accent for line in lines) == 1  # one weight nudged


def test_tangent_numbers_come_from_snippets() -> None:
    d = figures.tangent_data()
    w, x, b = np.array(figures.TANGENT_W), np.array(figures.TANGENT_X), figures.TANGENT_B
    assert d.w0 == w[0] and d.dw == figures.TANGENT_DW
    assert d.w1[0] == figures.TANGENT_RANGE[0] and d.w1[-1] == figures.TANGENT_RANGE[1]
    expected = [sigmoid_neuron(np.array([v, w[1]]), x, b) for v in d.w1]
    np.testing.assert_allclose(d.output, expected, rtol=0, atol=1e-15)
    assert d.out0 == sigmoid_neuron(w, x, b)
    assert d.slope == pytest.approx(output_gradient(w, x, b)[0][0])
    np.testing.assert_allclose(d.tangent, d.out0 + d.slope * (d.w1 - d.w0), atol=1e-12)
    assert d.exact == pytest.approx(sigmoid_neuron(np.array([w[0] + d.dw, w[1]]), x, b) - d.out0)
    assert d.linear == pytest.approx(linear_output_change(w, x, b, np.array([d.dw, 0.0]), 0.0))
    # The figure's point: the tangent touches the curve at w₁⁰ and overestimates Δoutput beyond it
    # (σ is concave for z > 0), by a visible but modest amount.
    i = int(np.argmin(abs(d.w1 - d.w0)))
    assert d.tangent[i] == pytest.approx(d.output[i])
    assert 0 < d.exact < d.linear < 1.6 * d.exact


def test_tidy_rejects_other_fonts() -> None:
    with pytest.raises(ValueError, match="cmsy10"):
        figures._tidy('<svg width="1pt" height="1pt"><text style="font-family: \'cmsy10\'">0</text></svg>')
    tidy = figures._tidy('<svg width="10.123456pt" height="2pt"><text style="font-size: 10px; '
                         "font-family: 'DejaVu Sans'\" transform=\"rotate(-0 1.5 2.5)\">a</text></svg>")
    assert tidy == ('<svg font-family="DejaVu Sans, Arial, sans-serif" width="10.12pt" height="2pt">'
                    '<text style="font-size: 10px">a</text></svg>\n')
