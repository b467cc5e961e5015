"""Tests for scripts/figures.py: every figure is valid, deterministic SVG in both schemes, its words
are Korean, every glyph comes from the committed fonts, and its smallest text is readable on a phone.

The glyphs are SVG paths, so the tests read the text back from the SVG itself (tests/figure_text.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from fontTools.ttLib import TTFont

from scripts import examples, figures
from scripts.figures import FIGURES, SCHEMES, Scheme
from snippets import step
from tests.figure_text import SVG_NS, latin_words, smallest_size, texts, words
from tests.helpers import ROOT

NAMES = [
    "network_nudge",
    "sigmoid_neuron",
    "perceptron",
    "sigmoid",
    "step",
    "sigmoid_scaled",
    "sigmoid_prime",
    "tangent",
]
CASES = [pytest.param(name, scheme, id=f"{name}-{scheme.name}") for name in NAMES for scheme in SCHEMES]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def draw(name: str, scheme: Scheme) -> str:
    """Return the figure's SVG (figures turn every warning, e.g. a missing glyph, into an error)."""
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
    width, height = (re.fullmatch(r"([\d.]+)pt", root.get(a, "")) for a in ("width", "height"))
    assert width and height, (root.get("width"), root.get("height"))
    x0, y0, vw, vh = (float(v) for v in root.get("viewBox", "").split())
    assert (x0, y0) == (0, 0) and vw == figures.WIDTH and vh > 100
    assert float(width.group(1)) == pytest.approx(vw) and float(height.group(1)) == pytest.approx(vh)
    assert texts(svg), "every figure has labels"
    assert root.find(f".//{SVG_NS}text") is None, "text must be paths: a reader's fonts must not matter"
    assert "font-family" not in svg
    assert len(svg.encode()) < 32_000


@pytest.mark.parametrize(("name", "scheme"), CASES)
def test_deterministic_and_without_dates(name: str, scheme: Scheme, svgs: dict[tuple[str, str], str]) -> None:
    svg = svgs[name, scheme.name]
    assert draw(name, scheme) == svg
    assert "<dc:date" not in svg and "<metadata" not in svg and "<!--" not in svg
    assert not re.search(r"\b(19|20)\d\d-\d\d-\d\d", svg), "date-like text in the figure"


def test_same_bytes_in_a_fresh_process_without_matplotlib_cache(tmp_path: Path, svgs) -> None:
    """A new process with an empty matplotlib config and font cache draws the same bytes."""
    code = (
        "import hashlib; from scripts.figures import FIGURES, SCHEMES; "
        "print(*(hashlib.sha256(f(s).encode()).hexdigest() for f in FIGURES.values() for s in SCHEMES))"
    )
    env = os.environ | {"MPLCONFIGDIR": str(tmp_path), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    here = [hashlib.sha256(svgs[n, s.name].encode()).hexdigest() for n in NAMES for s in SCHEMES]
    assert out.stdout.split() == here


@pytest.mark.parametrize(("name", "scheme"), CASES)
def test_transparent_and_in_its_scheme(name: str, scheme: Scheme, svgs: dict[tuple[str, str], str]) -> None:
    svg = svgs[name, scheme.name]
    other = figures.DARK if scheme is figures.LIGHT else figures.LIGHT
    assert scheme.fg in svg and other.fg not in svg
    assert not re.search(r'fill[:=]\s*"?#(fff|ffffff|1e2129)\b', svg, re.IGNORECASE), "backgrounds must be transparent"


@pytest.mark.parametrize("name", NAMES)
def test_light_and_dark_differ(name: str, svgs: dict[tuple[str, str], str]) -> None:
    light, dark = svgs[name, "light"], svgs[name, "dark"]
    assert light != dark
    tags = [[el.tag for el in ET.fromstring(svg).iter()] for svg in (light, dark)]
    assert tags[0] == tags[1]  # the same drawing, only the colours change


# ── the words are Korean, the glyphs are there ────────────────────────────────────────────────


@pytest.mark.parametrize("name", NAMES)
def test_no_latin_words(name: str, svgs: dict[tuple[str, str], str]) -> None:
    # Figure 1's Δoutput is the symbol of equation (5), written as there, not a word to translate.
    assert latin_words(svgs[name, "light"]) == (["output"] if name == "network_nudge" else [])


def test_latin_word_check_can_fail() -> None:
    def draw_words(ax) -> None:
        ax.set_xlabel("output")
        ax.set_ylabel(r"$\mathrm{step}(z)$")
        ax.set_title(r"$c\,z$ 출력")

    svg = figures._render(figures.LIGHT, 200, draw_words)
    assert latin_words(svg) == [*"output", "step"]


def test_figure_words(svgs: dict[tuple[str, str], str]) -> None:
    def text(name: str) -> str:
        return words(svgs[name, "light"])

    sentence = "".join(figures.NETWORK_SENTENCE).replace(" ", "")
    assert sentence == "어느가중치(또는편향)든조금바꾸면출력도조금만바뀝니다"  # the book: "any weight (or bias)"
    assert sentence in text("network_nudge").replace("\n", "")
    assert "w+Δw" in text("network_nudge") and "출력+Δoutput" in text("network_nudge")
    assert all(f"x{i}" in text("sigmoid_neuron") for i in (1, 2, 3)) and "출력" in text("sigmoid_neuron")
    assert all(f"w{i}" in text("perceptron") for i in (1, 2, 3)) and "출력∈{0,1}" in text("perceptron")
    # Figures 3 and 4 are titled as the book titles them, "sigmoid function" and "step function".
    assert "시그모이드함수" in text("sigmoid").split("\n") and "계단함수" in text("step").split("\n")
    assert all("rotate(" not in svgs[name, "light"] for name in ("sigmoid", "step"))  # neither has a y-label
    assert all(f"c={c}" in text("sigmoid_scaled") for c in (1, 2, 5, 10, 100)) and "계단함수" in text("sigmoid_scaled")
    assert "σ′(0)=1/4" in text("sigmoid_prime")
    tangent = text("tangent").split("\n")
    assert {"접선", "선형추정", "실제변화", "출력", "Δw1", "w1"} <= set(tangent) and "Δw" not in tangent
    assert not HANGUL.search(text("sigmoid_prime"))  # math only: no words to translate


@pytest.mark.parametrize("name", NAMES)
def test_glyphs_come_from_the_committed_fonts(name: str, svgs: dict[tuple[str, str], str]) -> None:
    """Words and numbers in the committed font, math in matplotlib's DejaVu Sans; no .notdef box."""
    fonts = {g.font for text in texts(svgs[name, "light"]) for g in text}  # texts() rejects .notdef
    assert fonts <= {"NotoSansKRFigures-Regular", "DejaVuSans", "DejaVuSans-Oblique"}, fonts
    for text in texts(svgs[name, "light"]):
        for g in text:
            if HANGUL.match(g.char) or g.char.isdigit() and g.font.startswith("Noto"):
                assert g.font == "NotoSansKRFigures-Regular"


def test_a_character_missing_from_the_font_is_an_error() -> None:
    """똠 is not among KS X 1001's syllables, so the subset lacks it: drawing it must fail, not box."""
    with pytest.raises(UserWarning, match="missing from font"):
        figures._render(figures.LIGHT, 200, lambda ax: ax.set_xlabel("똠"))


def test_the_font_is_the_committed_subset() -> None:
    from matplotlib import font_manager

    figures._use_font()
    found = font_manager.findfont(font_manager.FontProperties(family=figures.FAMILY), fallback_to_default=False)
    assert Path(found).resolve() == figures.FONT
    assert (figures.FONT.parent / "OFL.txt").read_text("utf-8").count("SIL OPEN FONT LICENSE Version 1.1") == 1
    with TTFont(figures.FONT) as font:
        assert font["name"].getDebugName(1) == figures.FAMILY != "Noto Sans CJK KR"


# ── readable on a phone ───────────────────────────────────────────────────────────────────────


def smallest_px(svg: str) -> float:
    """Return the smallest glyph's size in CSS px when the figure is NARROWEST_PX px wide."""
    return smallest_size(svg) * figures.NARROWEST_PX


@pytest.mark.parametrize("name", NAMES)
def test_smallest_text_is_readable_at_360px(name: str, svgs: dict[tuple[str, str], str]) -> None:
    assert smallest_px(svgs[name, "light"]) >= figures.MIN_TEXT_PX


def test_size_check_counts_subscripts() -> None:
    svg = figures._render(figures.LIGHT, 200, lambda ax: ax.set_xlabel("$w_1$", fontsize=figures.TEXT))
    sizes = sorted({g.size for text in texts(svg) for g in text})
    assert sizes[-1] == figures.TEXT and sizes[0] == pytest.approx(0.7 * figures.TEXT, rel=0.01)
    assert smallest_px(svg) < figures.MIN_TEXT_PX  # a 13 pt subscript is too small on a phone


# ── what the figures show ─────────────────────────────────────────────────────────────────────


def test_network_has_the_book_layout(svgs: dict[tuple[str, str], str]) -> None:
    layers = figures.network_layout()
    assert [len(layer) for layer in layers] == [3, 4, 1]
    assert all(0 < x < figures.WIDTH for layer in layers for x, _ in layer)
    for scheme in SCHEMES:  # one weight, and only one, is drawn wide in the accent colour
        svg = svgs["network_nudge", scheme.name]
        wide = re.findall(rf"stroke: {scheme.accent}; stroke-width: ([\d.]+)", svg)
        assert wide and set(wide) == {"3"}, wide


def test_step_figure_is_the_books_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """Figure 4 is the book's step, 1 at z = 0 (filled dot at 1, open at 0), which the footnote then
    compares with the perceptron's 0; it is the site's `step` mirrored, and a broken one is refused."""
    z = np.array([-5.0, -1e-300, 0.0, -0.0, 1e-300, 5.0])
    assert list(figures.book_step(z)) == [0, 0, 1, 1, 1, 1]
    assert all(figures.book_step(z)[z != 0] == step(z)[z != 0]) and step(0.0) == 0  # they differ only at 0
    svg = figures.step_function(figures.LIGHT)
    filled = re.findall(r'<use xlink:href="#\w+" x="([\d.]+)" y="([\d.]+)" style="fill: #3949ab; stroke: #3949ab"', svg)
    opened = re.findall(r'<use xlink:href="#\w+" x="([\d.]+)" y="([\d.]+)" style="fill-opacity: 0', svg)
    assert len(filled) == len(opened) == 1 and filled[0][0] == opened[0][0]  # both at z = 0
    assert float(filled[0][1]) < float(opened[0][1])  # the filled dot is the upper one, at 1 (y points down)
    monkeypatch.setattr(figures, "step", lambda z: np.heaviside(z, 1.0))  # a step with step(0) = 1
    with pytest.raises(ValueError, match="book's step"):
        figures.step_function(figures.LIGHT)


def test_network_edges_are_arrows(svgs: dict[tuple[str, str], str]) -> None:
    """Figure 1's 16 edges are arrows into the neuron they feed, as in the book: each ends in a filled
    head (a closed path), and with the output arrow and the curved arrow that makes 18 heads."""
    svg = svgs["network_nudge", "light"]
    heads = re.findall(r'<path d="M [^"]*z ?" style="fill: #[0-9a-f]{6}; stroke', svg)
    assert len(heads) == 3 * 4 + 4 * 1 + 2, len(heads)


def test_tangent_figure_draws_the_shared_example() -> None:
    """Figure 5 draws examples.nudge(FIGURE_DW): its bars are the numbers the prose cites."""
    n = examples.nudge(examples.FIGURE_DW)
    curve = examples.curve()
    assert curve.w1[0] == examples.FIGURE_W1_RANGE[0] and curve.w1[-1] == examples.FIGURE_W1_RANGE[1]
    i = int(np.argmin(abs(curve.w1 - examples.W[0])))
    assert curve.tangent[i] == pytest.approx(curve.output[i])
    assert 0 < n.exact < n.linear and n.overshoot == pytest.approx(n.linear / n.exact - 1)


@pytest.mark.parametrize("name", NAMES)
def test_glyph_outlines_keep_their_exact_scale(name: str, svgs: dict[tuple[str, str], str]) -> None:
    """Every glyph outline keeps matplotlib's exact scale (1/64 of a font unit step): rounded to
    0.02, letters are drawn 28 % larger than their advances and the letters of a word touch."""
    svg = svgs[(name, "light")]
    glyphs = re.findall(r'<path id="[^"]+-[0-9a-f]+" d="[^"]*" transform="scale\(([^)]*)\)"', svg)
    if not glyphs:
        glyphs = re.findall(r'<path id="[^"]*-[0-9a-f]+"[^>]*?transform="scale\(([^)]*)\)"', svg)
    assert glyphs, f"{name}: no glyph outlines found"
    assert set(glyphs) == {"0.015625"}, f"{name}: glyph scales {sorted(set(glyphs))}"
