"""Figure generators: pure functions from a colour scheme to SVG text, drawn with `snippets`.

Each figure is published twice by the hook, as `figures/NAME.light.svg` and
`figures/NAME.dark.svg`, and shown with Material's `#only-light` / `#only-dark`.
The hook reads each figure's size from its `<svg width height>`. Figure text is kept to math and
Latin letters (DejaVu Sans has every glyph); Korean goes in the page's alt text and caption.

Plots are drawn with matplotlib; the network and neuron diagrams are small hand-written SVG.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from numpy.typing import NDArray  # noqa: E402

from snippets import (  # noqa: E402
    linear_output_change,
    output_gradient,
    sigmoid,
    sigmoid_neuron,
    sigmoid_prime,
    step,
)


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

FONT_FAMILY = "DejaVu Sans, Arial, sans-serif"


# ── matplotlib plumbing ───────────────────────────────────────────────────────────────────────

_RC = {
    "svg.hashsalt": "sigmoid-neurons",  # stable element ids, so the bytes are the same every build
    "svg.fonttype": "none",  # text stays text: small files that the browser renders sharply
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "mathtext.fontset": "dejavusans",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 72,  # 1 inch = 72 pt, so figsize * 72 is the SVG size in points
}


def _plot(scheme: Scheme, size: tuple[float, float], draw: Callable[[plt.Axes], None]) -> str:
    """Return the SVG of one matplotlib axes, styled for `scheme`, without date metadata."""
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
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=size, layout="constrained")
        fig.patch.set_alpha(0)
        ax.patch.set_alpha(0)
        draw(ax)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return _tidy(buf.getvalue())


def _tidy(svg: str) -> str:
    """Return matplotlib's SVG made smaller: no prolog, doctype, comments or metadata, no no-op
    rotations, numbers rounded to 0.01 pt, and the font family set once on the root with fallbacks.
    """
    svg = re.sub(r"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->|<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r' transform="rotate\(-0 [\d.]+ [\d.]+\)"', "", svg)
    svg = re.sub(r"-?\d+\.\d{3,}", lambda m: f"{float(m.group()):.2f}".rstrip("0").rstrip("."), svg)
    svg = re.sub(r"font-family: 'DejaVu Sans'(; )?", "", svg).replace('; "', '"')
    other = re.search(r"font-family: [^;\"]*", svg)
    if other:  # e.g. mathtext's cmsy10 prime, which browsers cannot draw: write ′ instead of '
        raise ValueError(f"figure uses a font other than DejaVu Sans: {other.group()}")
    svg = svg.replace("<svg ", f'<svg font-family="{FONT_FAMILY}" ', 1)
    return re.sub(r"\n\s*", "\n", svg).strip() + "\n"


def _plot_step(ax: plt.Axes, lo: float, hi: float, **style: object) -> None:
    """Draw step(z) on [lo, hi] as two flat pieces, z ≤ 0 and z > 0 (no line at the jump)."""
    left, right = np.array([lo, 0.0]), np.array([np.nextafter(0.0, 1.0), hi])
    ax.plot(left, step(left), **style)
    style.pop("label", None)
    ax.plot(right, step(right), **style)


# ── hand-written SVG plumbing ─────────────────────────────────────────────────────────────────


def _n(x: float) -> str:
    """Return `x` rounded to 0.1 px, without a trailing '.0'."""
    s = f"{x:.1f}"
    s = s[:-2] if s.endswith(".0") else s
    return "0" if s == "-0" else s


def _svg(width: int, height: int, scheme: Scheme, body: Sequence[str]) -> str:
    """Return a standalone SVG document in `px` units with an arrowhead marker in `scheme.fg`."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}px" height="{height}px" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}" font-size="16" fill="{scheme.fg}">\n'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto"><path d="M0,0L10,5L0,10z" fill="{scheme.fg}"/></marker></defs>\n'
    )
    return head + "".join(line + "\n" for line in body) + "</svg>\n"


def _line(x1: float, y1: float, x2: float, y2: float, color: str, width: float, arrow: bool = False) -> str:
    """Return an SVG line, optionally ending in the arrowhead marker."""
    end = ' marker-end="url(#arrow)"' if arrow else ""
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke="{color}" stroke-width="{width}"{end}/>'
    )


def _circle(cx: float, cy: float, r: float, color: str, width: float = 1.6) -> str:
    """Return an unfilled SVG circle."""
    stroke = f'fill="none" stroke="{color}" stroke-width="{width}"'
    return f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" {stroke}/>'


def _text(x: float, y: float, content: str, anchor: str = "start", color: str | None = None) -> str:
    """Return an SVG text element; `content` is already-escaped markup (tspans allowed)."""
    fill = f' fill="{color}"' if color else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{fill}>{content}</text>'


def _it(s: str) -> str:
    """Return `s` as an italic tspan (a math variable)."""
    return f'<tspan font-style="italic">{escape(s)}</tspan>'


def _var(name: str, index: int) -> str:
    """Return an italic variable with a lowered, smaller subscript, e.g. x with 1 below it."""
    return f'{_it(name)}<tspan dy="4" font-size="12">{index}</tspan>'


def _toward(x1: float, y1: float, x2: float, y2: float, d: float) -> tuple[float, float]:
    """Return the point at distance `d` from (x1, y1) toward (x2, y2)."""
    length = math.hypot(x2 - x1, y2 - y1)
    return x1 + (x2 - x1) * d / length, y1 + (y2 - y1) * d / length


# ── diagrams (hand-written SVG) ───────────────────────────────────────────────────────────────


def network_nudge(scheme: Scheme) -> str:
    """Return Figure A: a 3-4-3-1 network; one weight becomes w + Δw, the output output + Δoutput."""
    width, height, r, gap = 600, 210, 14, 50
    layers, xs, cy = (3, 4, 3, 1), (30, 150, 270, 380), 110
    nodes = [[(x, cy + (i - (n - 1) / 2) * gap) for i in range(n)] for n, x in zip(layers, xs)]
    nudged = (nodes[0][0], nodes[1][0])  # the one weight that changes: top input → top hidden neuron
    edges, marks = [], []
    for left, right in zip(nodes, nodes[1:]):
        for a in left:
            for b in right:
                (x1, y1), (x2, y2) = _toward(*a, *b, r), _toward(*b, *a, r)
                if (a, b) == nudged:
                    marks.append(_line(x1, y1, x2, y2, scheme.accent, 3.2))
                else:
                    edges.append(_line(x1, y1, x2, y2, scheme.muted, 1.1))
    (ax, ay), (bx, by) = nudged
    label = f"{_it('w')} + Δ{_it('w')}"
    marks.append(_text((ax + bx) / 2 - 4, (ay + by) / 2 - 12, label, "middle", scheme.accent))
    circles = [_circle(x, y, r, scheme.fg) for layer in nodes[:-1] for x, y in layer]
    ox, oy = nodes[-1][0]
    circles.append(_circle(ox, oy, r, scheme.accent2, 2.4))
    out = [
        _line(ox + r, oy, ox + r + 34, oy, scheme.fg, 1.6, arrow=True),
        _text(ox + r + 42, oy + 5.5, "output + Δoutput", color=scheme.accent2),
    ]
    return _svg(width, height, scheme, edges + marks + circles + out)


NEURON_CENTRE = (220, 100)  # where _neuron_diagram puts the neuron; glyphs are drawn around it


def _neuron_diagram(
    scheme: Scheme,
    edge_labels: Sequence[str] | None,
    glyph: Sequence[str],
    output: str,
    width: int,
) -> str:
    """Return one neuron with inputs x₁, x₂, x₃ and one output arrow; `glyph` is drawn in the circle."""
    (cx, cy), height, r, gap = NEURON_CENTRE, 200, 34, 60
    body: list[str] = []
    for i in range(3):
        y = cy + (i - 1) * gap
        body.append(_text(30, y + 5.5, _var("x", i + 1), "middle"))
        x1, y1 = 50, y
        x2, y2 = _toward(cx, cy, 50, y, r + 1.5)
        body.append(_line(x1, y1, x2, y2, scheme.fg, 1.6, arrow=True))
        if edge_labels:
            mx, my = (x1 + x2) / 2, (y1 + y2) / 2
            dy = 16 if y > cy else -8  # above the upper and middle edges, below the lower one
            body.append(_text(mx + 4, my + dy, edge_labels[i], "middle", scheme.accent))
    body.append(_circle(cx, cy, r, scheme.fg, 2))
    body.extend(glyph)
    body.append(_line(cx + r, cy, cx + r + 70, cy, scheme.fg, 1.6, arrow=True))
    body.append(_text(cx + r + 80, cy + 5.5, output))
    return _svg(width, height, scheme, body)


def sigmoid_neuron_diagram(scheme: Scheme) -> str:
    """Return Figure B: a sigmoid neuron with inputs x₁, x₂, x₃ and one output."""
    return _neuron_diagram(scheme, None, [], "output", 420)


def perceptron_diagram(scheme: Scheme) -> str:
    """Return the perceptron: weights w₁…w₃ on the edges, a step glyph and bias b, output 0 or 1."""
    cx, cy = NEURON_CENTRE
    glyph = [
        f'<polyline points="{cx - 16},{cy + 8} {cx},{cy + 8} {cx},{cy - 8} {cx + 16},{cy - 8}" '
        f'fill="none" stroke="{scheme.accent2}" stroke-width="2"/>',
        _text(cx, cy + 58, _it("b"), "middle", scheme.accent2),
    ]
    labels = [_var("w", i) for i in (1, 2, 3)]
    return _neuron_diagram(scheme, labels, glyph, "output ∈ {0, 1}", 480)


# ── plots (matplotlib) ────────────────────────────────────────────────────────────────────────


def sigmoid_curve(scheme: Scheme) -> str:
    """Return Figure C: σ(z) for z in [-5, 5]."""
    z = np.linspace(-5, 5, 201)

    def draw(ax: plt.Axes) -> None:
        ax.plot(z, sigmoid(z), color=scheme.accent, linewidth=2.2)
        ax.set(xlim=(-5, 5), ylim=(-0.02, 1.02), xticks=range(-4, 5), yticks=[0, 0.5, 1])
        ax.set_xlabel("$z$")
        ax.set_ylabel(r"$\sigma(z)$")
        ax.grid(True, linewidth=0.6)

    return _plot(scheme, (6.0, 3.4), draw)


def step_function(scheme: Scheme) -> str:
    """Return Figure D: the step function; at z = 0 the perceptron's value 0 is the filled dot."""
    def draw(ax: plt.Axes) -> None:
        _plot_step(ax, -5, 5, color=scheme.accent, linewidth=2.2)
        ax.plot([0], [step(0.0)], "o", color=scheme.accent, markersize=7)
        ax.plot([0], [1], "o", markerfacecolor="none", markeredgecolor=scheme.accent, markersize=7)
        ax.set(xlim=(-5, 5), ylim=(-0.05, 1.08), xticks=range(-4, 5), yticks=[0, 0.5, 1])
        ax.set_xlabel("$z$")
        ax.set_ylabel("step$(z)$")
        ax.grid(True, linewidth=0.6)

    return _plot(scheme, (6.0, 3.4), draw)


SCALES = (1, 2, 5, 10, 100)


def sigmoid_scaled(scheme: Scheme) -> str:
    """Return σ(c·z) for c in SCALES on [-3, 3], approaching the dashed step function."""
    # Extra samples near 0, where σ(100 z) rises from 0 to 1 within |z| < 0.05.
    z = np.union1d(np.linspace(-3, 3, 201), np.linspace(-0.06, 0.06, 49))
    def draw(ax: plt.Axes) -> None:
        for c, color in zip(SCALES, scheme.palette, strict=True):
            ax.plot(z, sigmoid(c * z), color=color, linewidth=1.9, label=f"$c = {c}$")
        dashed = {"color": scheme.fg, "linestyle": (0, (4, 3)), "linewidth": 1.4, "zorder": 3}
        _plot_step(ax, -3, 3, label="step$(z)$", **dashed)
        ax.set(xlim=(-3, 3), ylim=(-0.03, 1.03), xticks=range(-3, 4), yticks=[0, 0.5, 1])
        ax.set_xlabel("$z$")
        ax.set_ylabel(r"$\sigma(c\,z)$")
        ax.grid(True, linewidth=0.6)
        ax.legend(loc="upper left", fontsize=10, handlelength=2.2, labelspacing=0.3)

    return _plot(scheme, (6.0, 3.4), draw)


def sigmoid_prime_curve(scheme: Scheme) -> str:
    """Return σ′(z) on [-6, 6] with its maximum σ′(0) = 1/4 marked, and σ(z) faint for reference."""
    z = np.linspace(-6, 6, 201)
    peak = float(sigmoid_prime(0.0))

    def draw(ax: plt.Axes) -> None:
        ax.plot(z, sigmoid(z), color=scheme.muted, linestyle=(0, (4, 3)), linewidth=1.3, label=r"$\sigma(z)$")
        ax.plot(z, sigmoid_prime(z), color=scheme.accent, linewidth=2.2, label=r"$\sigma′(z)$")
        ax.plot([0], [peak], "o", color=scheme.accent2, markersize=6)
        ax.annotate(
            r"$\sigma′(0) = 1/4$",
            xy=(0, peak),
            xytext=(1.6, 0.42),
            color=scheme.accent2,
            arrowprops={"arrowstyle": "->", "color": scheme.accent2, "linewidth": 1.2},
        )
        ax.set(xlim=(-6, 6), ylim=(-0.02, 1.02), xticks=range(-6, 7, 2), yticks=[0, 0.25, 0.5, 0.75, 1])
        ax.set_xlabel("$z$")
        ax.grid(True, linewidth=0.6)
        ax.legend(loc="upper left", fontsize=10)

    return _plot(scheme, (6.0, 3.4), draw)


# The neuron of the tangent figure: output = σ(w·x + b); only w₁ varies, around TANGENT_W[0].
TANGENT_W = (2.0, -1.0)
TANGENT_X = (0.638, 0.2)
TANGENT_B = -0.3
TANGENT_DW = 2.0  # the nudge Δw₁ whose exact and linear Δoutput are compared
TANGENT_RANGE = (-1.0, 6.0)  # the w₁ axis of the plot


@dataclass(frozen=True)
class TangentData:
    """The numbers behind the tangent figure, all computed with `snippets`."""

    w1: NDArray[np.float64]  # the w₁ samples
    output: NDArray[np.float64]  # sigmoid_neuron([w₁, w₂], x, b) at each sample
    tangent: NDArray[np.float64]  # output(w₁⁰) + equation (5) for Δw = (w₁ - w₁⁰, 0), Δb = 0
    w0: float  # w₁⁰
    out0: float  # output at w₁⁰
    slope: float  # ∂output/∂w₁ at w₁⁰
    dw: float  # Δw₁
    exact: float  # output(w₁⁰ + Δw₁) - output(w₁⁰)
    linear: float  # equation (5) for Δw = (Δw₁, 0), Δb = 0


def tangent_data(samples: int = 141) -> TangentData:
    """Return the exact output along w₁, its tangent line at TANGENT_W[0], and Δoutput for TANGENT_DW."""
    w, x, b = np.array(TANGENT_W), np.array(TANGENT_X), TANGENT_B
    w0, w2 = TANGENT_W
    w1 = np.linspace(*TANGENT_RANGE, samples)
    output = np.array([sigmoid_neuron(np.array([v, w2]), x, b) for v in w1])
    out0 = float(sigmoid_neuron(w, x, b))
    tangent = np.array([out0 + linear_output_change(w, x, b, np.array([v - w0, 0.0]), 0.0) for v in w1])
    exact = float(sigmoid_neuron(np.array([w0 + TANGENT_DW, w2]), x, b)) - out0
    linear = float(linear_output_change(w, x, b, np.array([TANGENT_DW, 0.0]), 0.0))
    slope = float(output_gradient(w, x, b)[0][0])
    return TangentData(w1, output, tangent, w0, out0, slope, TANGENT_DW, exact, linear)


def tangent(scheme: Scheme) -> str:
    """Return equation (5) for one weight: output(w₁), its tangent at w₁⁰, exact vs linear Δoutput."""
    d = tangent_data()
    x1, gap = d.w0 + d.dw, 0.1  # the exact change is drawn at w₁⁰ + Δw, the linear one just right of it

    def draw(ax: plt.Axes) -> None:
        ax.plot(d.w1, d.tangent, color=scheme.accent, linewidth=1.5, linestyle=(0, (5, 3)),
                label=rf"tangent at $w_1 = {d.w0:g}$")
        curve = r"output$(w_1) = \sigma(w \cdot x + b)$"
        ax.plot(d.w1, d.output, color=scheme.fg, linewidth=2.2, label=curve)
        ax.plot([d.w0, x1 + gap], [d.out0, d.out0], color=scheme.muted, linewidth=1, linestyle=":")
        ax.plot([d.w0], [d.out0], "o", color=scheme.fg, markersize=6)
        bar = {"linewidth": 3.2, "solid_capstyle": "butt", "zorder": 3}
        ax.plot([x1, x1], [d.out0, d.out0 + d.exact], color=scheme.accent2, **bar)
        ax.plot([x1 + gap] * 2, [d.out0, d.out0 + d.linear], color=scheme.accent, **bar)
        label = {"textcoords": "offset points", "va": "center", "fontsize": 10.5}
        ax.annotate(r"$\Delta w$", (d.w0 + d.dw / 2, d.out0), xytext=(0, -10), ha="center",
                    color=scheme.muted, **label)
        ax.annotate(r"$\Delta$output", (x1, d.out0 + 0.06), xytext=(-6, 0), ha="right",
                    color=scheme.accent2, **label)
        ax.annotate("linear estimate", (x1 + gap, d.out0 + 0.06), xytext=(6, 0), ha="left",
                    color=scheme.accent, **label)
        ax.set(xlim=TANGENT_RANGE, ylim=(0.15, 1.15), yticks=[0.25, 0.5, 0.75, 1])
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("output")
        ax.grid(True, linewidth=0.6)
        ax.legend(loc="upper left", fontsize=10)

    return _plot(scheme, (6.0, 3.6), draw)


FIGURES: dict[str, Callable[[Scheme], str]] = {
    "network_nudge": network_nudge,
    "sigmoid_neuron": sigmoid_neuron_diagram,
    "perceptron": perceptron_diagram,
    "sigmoid": sigmoid_curve,
    "step": step_function,
    "sigmoid_scaled": sigmoid_scaled,
    "sigmoid_prime": sigmoid_prime_curve,
    "tangent": tangent,
}
