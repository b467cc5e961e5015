"""Figure generators: pure functions from a colour scheme to SVG text, drawn with `snippets`.

Each figure is published twice by the hook, as `figures/NAME.light.svg` and
`figures/NAME.dark.svg`, and shown with Material's `#only-light` / `#only-dark`.
The hook reads each figure's size from its `<svg width height>`. Figure text is kept to math and Latin letters (DejaVu Sans has every glyph); Korean goes in the
page's alt text and caption.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from snippets import sigmoid, step  # noqa: E402


@dataclass(frozen=True)
class Scheme:
    """Colours for one of Material's schemes (figures have transparent backgrounds)."""

    name: str
    fg: str
    muted: str
    grid: str
    accent: str
    accent2: str


LIGHT = Scheme("light", fg="#1f2328", muted="#57606a", grid="#d0d7de", accent="#3949ab", accent2="#c2185b")
DARK = Scheme("dark", fg="#e6edf3", muted="#9da7b3", grid="#3d444d", accent="#8c9eff", accent2="#ff80ab")
SCHEMES = (LIGHT, DARK)


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
    """Return the SVG without the XML prolog, doctype and comments (safe, smaller bytes)."""
    svg = re.sub(r"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->|<metadata>.*?</metadata>", "", svg, flags=re.S)
    return re.sub(r"\n\s*", "\n", svg).strip() + "\n"


# ── figures ───────────────────────────────────────────────────────────────────────────────────


def sigmoid_curve(scheme: Scheme) -> str:
    """Figure C: σ(z) for z in [-5, 5]."""
    z = np.linspace(-5, 5, 201)

    def draw(ax: plt.Axes) -> None:
        ax.plot(z, sigmoid(z), color=scheme.accent, linewidth=2.2)
        ax.set(xlim=(-5, 5), ylim=(-0.02, 1.02), xticks=range(-4, 5), yticks=[0, 0.5, 1])
        ax.set_xlabel("$z$")
        ax.set_ylabel(r"$\sigma(z)$")
        ax.grid(True, linewidth=0.6)

    return _plot(scheme, (6.0, 3.4), draw)


def step_function(scheme: Scheme) -> str:
    """Figure D: the step function; at z = 0 the perceptron's value 0 is the filled dot."""
    z = np.linspace(-5, 5, 401)

    def draw(ax: plt.Axes) -> None:
        left, right = z[z <= 0], z[z > 0]
        ax.plot(left, step(left), color=scheme.accent, linewidth=2.2)
        ax.plot(right, step(right), color=scheme.accent, linewidth=2.2)
        ax.plot([0], [step(0.0)], "o", color=scheme.accent, markersize=7)
        ax.plot([0], [1], "o", markerfacecolor="none", markeredgecolor=scheme.accent, markersize=7)
        ax.set(xlim=(-5, 5), ylim=(-0.05, 1.08), xticks=range(-4, 5), yticks=[0, 0.5, 1])
        ax.set_xlabel("$z$")
        ax.set_ylabel("step$(z)$")
        ax.grid(True, linewidth=0.6)

    return _plot(scheme, (6.0, 3.4), draw)


FIGURES: dict[str, Callable[[Scheme], str]] = {
    "sigmoid": sigmoid_curve,
    "step": step_function,
}
