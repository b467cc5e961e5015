"""The worked examples the chapter's tables and figures share, computed once with `snippets`.

Equation (5) is checked on one neuron, output = σ(w·x + b) with two inputs, whose first weight
w₁ is nudged by Δw₁ (Δw₂ = Δb = 0). The table `eq5_check` (scripts/tables.py) shows small
nudges, Figure 5 (`tangent` in scripts/figures.py) one large nudge; both read the numbers here.
Only numpy, the standard library and `snippets` are imported (no matplotlib), so the tables and
their tests load without the plotting stack.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from snippets import linear_output_change, output_gradient, sigmoid, sigmoid_neuron, sigmoid_prime

# The neuron of equation (5)'s worked example.
W = (2.0, -1.0)
X = (0.638, 0.2)  # 0.638: the book's example of a fractional input
B = -0.3

TABLE_DW = (0.1, 0.01, 0.001)  # the nudges Δw₁ of the table: the error shrinks like Δw₁²
FIGURE_DW = 2.0  # the nudge Δw₁ Figure 5 draws: large enough that the linear estimate visibly misses
FIGURE_W1_RANGE = (-1.0, 6.0)  # the w₁ axis of Figure 5


@dataclass(frozen=True)
class Nudge:
    """How the neuron's output changes when w₁ moves by `dw`: exactly, and by equation (5)."""

    dw: float  # Δw₁
    exact: float  # output(w₁ + Δw₁) − output(w₁)
    linear: float  # equation (5): ∂output/∂w₁ · Δw₁

    @property
    def error(self) -> float:
        """Return exact − linear, the part of the change equation (5) leaves out."""
        return self.exact - self.linear

    @property
    def overshoot(self) -> float:
        """Return linear / exact − 1: how much longer the tangent's estimate is than the change."""
        return self.linear / self.exact - 1


def z() -> float:
    """Return z = w·x + b of the example neuron."""
    return float(np.dot(W, X) + B)


def output(w1: float) -> float:
    """Return the example neuron's output with its first weight set to `w1`."""
    return sigmoid_neuron(np.array([w1, W[1]]), np.array(X), B)


def nudge(dw: float) -> Nudge:
    """Return the exact and the linear change of the output when w₁ moves by `dw`."""
    w, x = np.array(W), np.array(X)
    exact = output(W[0] + dw) - output(W[0])
    linear = linear_output_change(w, x, B, np.array([dw, 0.0]), 0.0)
    return Nudge(dw, exact, linear)


def slope() -> float:
    """Return ∂output/∂w₁ at the example's weights, σ′(z)·x₁."""
    return float(output_gradient(np.array(W), np.array(X), B)[0][0])


def error_limit() -> float:
    """Return ½σ″(z)x₁², the value error/Δw₁² approaches as Δw₁ → 0 (σ″ = σ′(1 − 2σ))."""
    second = float(sigmoid_prime(np.array([z()]))[0]) * (1 - 2 * float(sigmoid(z())))
    return 0.5 * second * X[0] ** 2


@dataclass(frozen=True)
class Curve:
    """The output along w₁ and its tangent line at W[0], sampled on FIGURE_W1_RANGE."""

    w1: NDArray[np.float64]
    output: NDArray[np.float64]  # output(w₁) at each sample
    tangent: NDArray[np.float64]  # output(W[0]) + equation (5) for Δw₁ = w₁ − W[0]


def curve(samples: int = 141) -> Curve:
    """Return the output and its tangent at W[0] for `samples` values of w₁ on FIGURE_W1_RANGE."""
    w1 = np.linspace(*FIGURE_W1_RANGE, samples)
    outputs = np.array([output(v) for v in w1])
    tangent = np.array([output(W[0]) + nudge(v - W[0]).linear for v in w1])
    return Curve(w1, outputs, tangent)
