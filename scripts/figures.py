"""Figure generators: pure functions from a colour scheme to SVG text, drawn with `snippets`.

Each figure is published twice by the hook, as `figures/NAME.light.svg` and
`figures/NAME.dark.svg`, and shown with Material's `#only-light` / `#only-dark`.
The hook reads each figure's size from its `<svg width height>`.

Words in a figure are Korean, like the page around it; symbols and numbers are math. Every
letter is drawn as an SVG path (`svg.fonttype: path`), so a reader's browser needs no font and
shows the same glyphs on every system, in both schemes, with no missing-glyph boxes. The glyphs
come from fonts whose bytes are the same on every build machine: the committed subset
scripts/fonts/NotoSansKR-Figures.otf (Noto Sans CJK KR, SIL OFL 1.1) for words and numbers,
and matplotlib's own DejaVu Sans (fixed by the matplotlib pin) for math. System fonts are never
used: a missing glyph is an error, not a fallback.

Text sizes follow the narrowest place a figure is shown: NARROWEST_PX CSS pixels wide at a
360 px viewport. Every glyph, subscripts included, is at least MIN_TEXT_PX there.
Plots and diagrams alike are drawn with matplotlib, in one SVG pipeline.
"""

from __future__ import annotations

import io
import itertools
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import font_manager
from matplotlib.patches import Circle

from scripts import examples
from scripts.svg import compact as svg_compact
from snippets import sigmoid, sigmoid_prime, step


@dataclass(frozen=True)
class Scheme:
    """Colours for one of Material's schemes (figures have transparent backgrounds)."""

    name: str
    fg: str
    muted: str
    grid: str
    accent: str
    accent2: str
    palette: tuple[str, ...] = ()  # distinct line colours, readable on this scheme's background


LIGHT = Scheme(
    "light",
    fg="#1f2328",
    muted="#57606a",
    grid="#d0d7de",
    accent="#3949ab",
    accent2="#c2185b",
    palette=("#c2185b", "#e65100", "#2e7d32", "#00838f", "#3949ab"),
)
DARK = Scheme(
    "dark",
    fg="#e6edf3",
    muted="#9da7b3",
    grid="#3d444d",
    accent="#8c9eff",
    accent2="#ff80ab",
    palette=("#ff80ab", "#ffb74d", "#81c784", "#4dd0e1", "#8c9eff"),
)
SCHEMES = (LIGHT, DARK)

FONT = Path(__file__).resolve().parent / "fonts" / "NotoSansKR-Figures.otf"  # made by scripts/tools/subset_font.py
FAMILY = "Noto Sans KR Figures"

# Sizes. A figure is WIDTH pt wide (1 pt = one SVG user unit) and is shown at most NARROWEST_PX
# CSS px wide on a 360 px phone: the content column (328 px) less an admonition's padding and
# border, where Figures 5–7 sit. So a glyph of s pt is s × NARROWEST_PX / WIDTH px there.
MIN_TEXT_PX, NARROWEST_PX = 11, 302
WIDTH = 324  # 4.5 in
SMALL = 12.0  # tick labels and legends: 12 × 302 / 324 = 11.2 px
TEXT = 13.0  # words and labels
SUBSCRIPTED = 17.0  # math with a subscript (mathtext draws subscripts at 70 %): 17 × 0.7 × 302 / 324 = 11.1 px


# ── matplotlib plumbing ───────────────────────────────────────────────────────────────────────

_RC = {
    "svg.hashsalt": "sigmoid-neurons",  # stable element ids, so the bytes are the same every build
    "svg.fonttype": "path",  # glyphs become paths: no font needed by the reader, same look everywhere
    "font.family": FAMILY,
    "font.size": TEXT,
    "axes.labelsize": TEXT,
    "xtick.labelsize": SMALL,
    "ytick.labelsize": SMALL,
    "legend.fontsize": SMALL,
    "mathtext.fontset": "dejavusans",  # matplotlib's bundled DejaVu Sans: math glyphs fixed by its pin
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 72,  # 1 inch = 72 pt, so figsize * 72 is the SVG size in points
}


def _use_font() -> None:
    """Register the committed font with matplotlib and check that its family resolves to that file."""
    if not any(Path(f.fname) == FONT for f in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(str(FONT))
    found = font_manager.findfont(font_manager.FontProperties(family=FAMILY), fallback_to_default=False)
    if Path(found).resolve() != FONT:
        raise RuntimeError(f"font family {FAMILY!r} resolves to {found}, not {FONT}")


def _render(scheme: Scheme, height: float, draw: Callable[[plt.Axes], None], diagram: bool = False) -> str:
    """Return the SVG of one WIDTH × `height` pt figure styled for `scheme`, without date metadata.

    A plot gets matplotlib's axes; a diagram gets bare axes whose units are points, y pointing down.
    Any warning (a glyph missing from the font, for one) is an error.
    """
    _use_font()
    rc = _RC | {
        "text.color": scheme.fg,
        "axes.labelcolor": scheme.fg,
        "axes.edgecolor": scheme.muted,
        "xtick.color": scheme.muted,
        "ytick.color": scheme.muted,
        "xtick.labelcolor": scheme.fg,
        "ytick.labelcolor": scheme.fg,
        "grid.color": scheme.grid,
        "legend.frameon": False,
    }
    size = (WIDTH / 72, height / 72)
    with plt.rc_context(rc), warnings.catch_warnings():
        warnings.simplefilter("error")
        if diagram:
            fig = plt.figure(figsize=size)
            ax = fig.add_axes((0, 0, 1, 1))
            ax.set(xlim=(0, WIDTH), ylim=(height, 0))
            ax.axis("off")
        else:
            fig, ax = plt.subplots(figsize=size, layout="constrained")
        fig.patch.set_alpha(0)
        ax.patch.set_alpha(0)
        try:
            draw(ax)
            buf = io.StringIO()
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(fig)
    return _compact_svg(buf.getvalue())


def _compact_svg(svg: str) -> str:
    """Return matplotlib's SVG made smaller (scripts/svg.py), after checking that every glyph is a path."""
    if "<text" in svg:
        raise ValueError("figure has <text>: every glyph must be a path (svg.fonttype 'path')")
    return svg_compact(svg)


def _plot_step(ax: plt.Axes, lo: float, hi: float, **style: object) -> None:
    """Draw step(z) on [lo, hi] as two flat pieces, z ≤ 0 and z > 0 (no line at the jump)."""
    left, right = np.array([lo, 0.0]), np.array([np.nextafter(0.0, 1.0), hi])
    ax.plot(left, step(left), **style)
    style.pop("label", None)
    ax.plot(right, step(right), **style)


def _arrow(ax: plt.Axes, start: tuple[float, float], end: tuple[float, float], color: str, **style: object) -> None:
    """Draw an arrow from `start` to `end` with a filled head."""
    props = {
        "arrowstyle": "-|>,head_length=0.5,head_width=0.25",
        "color": color,
        "linewidth": 1.4,
        "shrinkA": 0,
        "shrinkB": 0,
    } | style
    ax.annotate("", xy=end, xytext=start, arrowprops=props)


def _toward(a: tuple[float, float], b: tuple[float, float], d: float) -> tuple[float, float]:
    """Return the point at distance `d` from `a` toward `b`."""
    (x1, y1), (x2, y2) = a, b
    length = float(np.hypot(x2 - x1, y2 - y1))
    return x1 + (x2 - x1) * d / length, y1 + (y2 - y1) * d / length


# ── diagrams ──────────────────────────────────────────────────────────────────────────────────

NETWORK_LAYERS = (3, 4, 1)  # the book's figure: three inputs, four hidden neurons, one output
NETWORK_SENTENCE = ("어느 가중치(또는 편향)든 조금 바꾸면", "출력도 조금만 바뀝니다")
OUTPUT_CHANGE = r"출력 + $\Delta\mathrm{output}$"  # Δoutput as in equation (5), so figure and text share one symbol


def network_layout() -> list[list[tuple[float, float]]]:
    """Return the centres (pt, y down) of Figure 1's neurons, layer by layer."""
    xs, cy, gap = (20, 104, 188), 150, 42
    return [[(x, cy + (i - (n - 1) / 2) * gap) for i in range(n)] for n, x in zip(NETWORK_LAYERS, xs, strict=True)]


def network_nudge(scheme: Scheme) -> str:
    """Return Figure 1: a 3-4-1 network where a small change w + Δw of one weight moves the output a
    little, by Δoutput; as in the book, every edge is an arrow into the neuron it feeds."""
    layers, r = network_layout(), 11
    nudged = (layers[0][0], layers[1][0])  # the weight that changes: top input → top hidden neuron

    def draw(ax: plt.Axes) -> None:
        for y, line in zip((16, 34), NETWORK_SENTENCE, strict=True):
            ax.text(WIDTH / 2, y, line, ha="center", va="center")
        for left, right in itertools.pairwise(layers):
            for a in left:
                for b in right:
                    wide = (a, b) == nudged
                    _arrow(
                        ax,
                        _toward(a, b, r),
                        _toward(b, a, r + 0.5),
                        scheme.accent if wide else scheme.muted,
                        arrowstyle=f"-|>,head_length={0.55 if wide else 0.45},head_width={0.28 if wide else 0.2}",
                        linewidth=3 if wide else 1,
                        zorder=3 if wide else 2,
                    )
        for layer in layers:
            for x, y in layer:
                out = layer is layers[-1]
                ax.add_patch(
                    Circle(
                        (x, y),
                        r,
                        fill=False,
                        linewidth=2.2 if out else 1.5,
                        edgecolor=scheme.accent2 if out else scheme.fg,
                        zorder=4,
                    )
                )
        (ax0, ay0), (bx0, by0) = nudged
        ax.text(
            (ax0 + bx0) / 2 - 6, (ay0 + by0) / 2 - 14, r"$w + \Delta w$", ha="center", va="bottom", color=scheme.accent
        )
        ox, oy = layers[-1][0]
        _arrow(ax, (ox + r, oy), (ox + r + 22, oy), scheme.fg)
        ax.text(ox + r + 27, oy, OUTPUT_CHANGE, va="center", color=scheme.accent2)
        # The book's arrow: from the changed weight to the change it causes in the output.
        _arrow(ax, (80, 74), (250, 138), scheme.muted, linewidth=1.2, connectionstyle="arc3,rad=-0.35")

    return _render(scheme, 236, draw, diagram=True)


NEURON_CENTRE, NEURON_R, NEURON_HEIGHT = (160.0, 86.0), 28.0, 172


def _neuron_diagram(scheme: Scheme, weights: bool, output: str, glyph: Callable[[plt.Axes], None]) -> str:
    """Return one neuron with inputs x₁, x₂, x₃ and one output arrow; `glyph` draws inside the circle."""
    (cx, cy), r = NEURON_CENTRE, NEURON_R

    def draw(ax: plt.Axes) -> None:
        for i in range(3):
            y = cy + (i - 1) * 52
            ax.text(20, y, rf"$x_{i + 1}$", ha="center", va="center", fontsize=SUBSCRIPTED)
            start, end = (38, y), _toward((cx, cy), (38, y), r + 2)
            _arrow(ax, start, end, scheme.fg)
            if weights:
                mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
                below = i == 2  # above the upper and middle edges, below the lower one
                ax.text(
                    mx + 4,
                    my + (4 if below else -4),
                    rf"$w_{i + 1}$",
                    ha="center",
                    va="top" if below else "bottom",
                    fontsize=SUBSCRIPTED,
                    color=scheme.accent,
                )
        ax.add_patch(Circle((cx, cy), r, fill=False, linewidth=2, edgecolor=scheme.fg))
        glyph(ax)
        _arrow(ax, (cx + r, cy), (cx + r + 40, cy), scheme.fg)
        ax.text(cx + r + 46, cy, output, va="center")

    return _render(scheme, NEURON_HEIGHT, draw, diagram=True)


def sigmoid_neuron_diagram(scheme: Scheme) -> str:
    """Return Figure 2: a sigmoid neuron with inputs x₁, x₂, x₃ and one output."""
    return _neuron_diagram(scheme, False, "출력", lambda ax: None)


def perceptron_diagram(scheme: Scheme) -> str:
    """Return the perceptron: weights w₁…w₃ on the edges, a step glyph and bias b, output 0 or 1."""
    cx, cy = NEURON_CENTRE

    def glyph(ax: plt.Axes) -> None:
        ax.plot([cx - 14, cx, cx, cx + 14], [cy + 7, cy + 7, cy - 7, cy - 7], color=scheme.accent2, linewidth=2)
        ax.text(cx, cy + NEURON_R + 4, "$b$", ha="center", va="top", color=scheme.accent2)

    return _neuron_diagram(scheme, True, r"출력 $\in \{0, 1\}$", glyph)


# ── plots ─────────────────────────────────────────────────────────────────────────────────────


def sigmoid_curve(scheme: Scheme) -> str:
    """Return Figure 3: σ(z) for z in [-5, 5]."""
    z = np.linspace(-5, 5, 201)

    def draw(ax: plt.Axes) -> None:
        ax.plot(z, sigmoid(z), color=scheme.accent, linewidth=2.2)
        ax.set(xlim=(-5, 5), ylim=(-0.02, 1.02), xticks=range(-4, 5, 2), yticks=[0, 0.5, 1])
        ax.set_title("시그모이드 함수")  # as the book titles it, and Figure 4 "계단 함수"
        ax.set_xlabel("$z$")
        ax.grid(True, linewidth=0.6)

    return _render(scheme, 200, draw)


def book_step(z: np.ndarray | float) -> np.ndarray:
    """Return the book's step function, 1 for z ≥ 0 and 0 below: 1 − step(−z), the site's `step`
    (0 at z = 0, like the perceptron) mirrored, so the two differ only at z = 0."""
    return 1.0 - step(-np.asarray(z, dtype=float))


def step_function(scheme: Scheme) -> str:
    """Return Figure 4: the book's step function, whose value at z = 0 is 1 (filled dot; open at 0).

    The book's footnote then explains that the perceptron outputs 0 there; the page's 역주 says
    that the site's `step` follows the perceptron.
    """
    at_zero = float(book_step(0.0))
    if at_zero != 1.0 or float(book_step(-1e-300)) != 0.0 or float(book_step(1e-300)) != 1.0:
        raise ValueError(f"Figure 4 must be the book's step, 1 at z = 0 and 0 below; got {at_zero} at 0")

    def draw(ax: plt.Axes) -> None:
        # The z < 0 piece stops at the open dot's rim (its radius, 3.5 pt, is about 0.12 on this axis).
        left, right = np.array([-5.0, -0.12]), np.array([0.0, 5.0])
        ax.plot(left, book_step(left), color=scheme.accent, linewidth=2.2)
        ax.plot(right, book_step(right), color=scheme.accent, linewidth=2.2)
        ax.plot([0], [at_zero], "o", color=scheme.accent, markersize=7, zorder=3)
        face = "none"  # the open dot: the value the step does not take at z = 0
        ax.plot([0], [1 - at_zero], "o", markerfacecolor=face, markeredgecolor=scheme.accent, markersize=7, zorder=3)
        ax.set(xlim=(-5, 5), ylim=(-0.05, 1.08), xticks=range(-4, 5, 2), yticks=[0, 0.5, 1])
        ax.set_title("계단 함수")  # as the book titles it, and Figure 3 "시그모이드 함수"
        ax.set_xlabel("$z$")
        ax.grid(True, linewidth=0.6)

    return _render(scheme, 200, draw)


SCALES = (1, 2, 5, 10, 100)


def scaled_sigmoid_curves(scheme: Scheme) -> str:
    """Return Figure 7: σ(c·z) for c in SCALES on [-3, 3], approaching the dashed step function."""
    # Extra samples near 0, where σ(100 z) rises from 0 to 1 within |z| < 0.05.
    z = np.union1d(np.linspace(-3, 3, 201), np.linspace(-0.06, 0.06, 49))

    def draw(ax: plt.Axes) -> None:
        for c, color in zip(SCALES, scheme.palette, strict=True):
            ax.plot(z, sigmoid(c * z), color=color, linewidth=1.9, label=f"$c = {c}$")
        dashed = {"color": scheme.fg, "linestyle": (0, (4, 3)), "linewidth": 1.4, "zorder": 3}
        _plot_step(ax, -3, 3, label="계단 함수", **dashed)
        ax.set(xlim=(-3, 3), ylim=(-0.03, 1.03), xticks=range(-3, 4), yticks=[0, 0.5, 1])
        ax.set_xlabel("$z$")
        ax.set_ylabel(r"$\sigma(c\,z)$")
        ax.grid(True, linewidth=0.6)
        ax.legend(loc="upper left", handlelength=1.6, labelspacing=0.25, borderaxespad=0.2)

    return _render(scheme, 240, draw)


def sigmoid_prime_curve(scheme: Scheme) -> str:
    """Return Figure 6: σ′(z) on [-6, 6] with its maximum σ′(0) = 1/4 marked, and σ(z) faint."""
    z = np.linspace(-6, 6, 201)
    peak = float(sigmoid_prime(0.0))

    def draw(ax: plt.Axes) -> None:
        ax.plot(z, sigmoid(z), color=scheme.muted, linestyle=(0, (4, 3)), linewidth=1.3, label=r"$\sigma(z)$")
        ax.plot(z, sigmoid_prime(z), color=scheme.accent, linewidth=2.2, label=r"$\sigma\,′(z)$")
        ax.plot([0], [peak], "o", color=scheme.accent2, markersize=6)
        ax.annotate(
            r"$\sigma\,′(0) = 1/4$",
            xy=(0, peak),
            xytext=(1.3, 0.45),
            color=scheme.accent2,
            arrowprops={"arrowstyle": "->", "color": scheme.accent2, "linewidth": 1.2},
        )
        ax.set(xlim=(-6, 6), ylim=(-0.02, 1.02), xticks=range(-6, 7, 3), yticks=[0, 0.25, 0.5, 0.75, 1])
        ax.set_xlabel("$z$")
        ax.grid(True, linewidth=0.6)
        ax.legend(loc="upper left")

    return _render(scheme, 220, draw)


def tangent(scheme: Scheme) -> str:
    """Return Figure 5: the example neuron's output along w₁, its tangent at W[0], exact vs linear change."""
    curve, w0, out0 = examples.curve(), examples.W[0], examples.output(examples.W[0])
    n = examples.nudge(examples.FIGURE_DW)
    x1, gap = w0 + n.dw, 0.12  # the exact change is drawn at w₁ + Δw₁, the linear one just right of it

    def draw(ax: plt.Axes) -> None:
        ax.plot(curve.w1, curve.tangent, color=scheme.accent, linewidth=1.5, linestyle=(0, (5, 3)), label="접선")
        ax.plot(curve.w1, curve.output, color=scheme.fg, linewidth=2.2, label=r"출력 $= \sigma(w \cdot x + b)$")
        ax.plot([w0, x1 + gap], [out0, out0], color=scheme.muted, linewidth=1, linestyle=":")
        ax.plot([w0], [out0], "o", color=scheme.fg, markersize=6)
        bar = {"linewidth": 3.4, "solid_capstyle": "butt", "zorder": 3}
        ax.plot([x1, x1], [out0, out0 + n.exact], color=scheme.accent2, **bar)
        ax.plot([x1 + gap] * 2, [out0, out0 + n.linear], color=scheme.accent, **bar)
        label = {"textcoords": "offset points", "va": "center"}
        ax.annotate(
            r"$\Delta w_1$",
            (w0 + n.dw / 2, out0),
            xytext=(0, -13),
            ha="center",
            color=scheme.muted,
            fontsize=SUBSCRIPTED,
            **label,
        )
        # "선형 추정" above the tangent's bar, "실제 변화" right of the bars under the curve.
        ax.annotate(
            "선형 추정",
            (x1 + gap, out0 + n.linear),
            xytext=(-4, 6),
            ha="right",
            va="bottom",
            textcoords="offset points",
            color=scheme.accent,
        )
        ax.annotate(
            "실제 변화", (x1 + gap, out0 + n.exact / 2), xytext=(6, 0), ha="left", color=scheme.accent2, **label
        )
        ax.set(xlim=examples.FIGURE_W1_RANGE, ylim=(0.15, 1.25), yticks=[0.25, 0.5, 0.75, 1])
        ax.set_xlabel("$w_1$", fontsize=SUBSCRIPTED)
        ax.set_ylabel("출력")
        ax.grid(True, linewidth=0.6)
        ax.legend(loc="lower right", handlelength=1.6, labelspacing=0.45, borderaxespad=0.2)

    return _render(scheme, 250, draw)


FIGURES: dict[str, Callable[[Scheme], str]] = {
    "network_nudge": network_nudge,
    "sigmoid_neuron": sigmoid_neuron_diagram,
    "perceptron": perceptron_diagram,
    "sigmoid": sigmoid_curve,
    "step": step_function,
    "sigmoid_scaled": scaled_sigmoid_curves,
    "sigmoid_prime": sigmoid_prime_curve,
    "tangent": tangent,
}
