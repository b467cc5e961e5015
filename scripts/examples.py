"""The worked examples of the chapter, its tables, figures and playground links: their constants
and the values computed from them with `snippets`, once, here.

scripts/tables.py formats these numbers, scripts/figures.py draws them and scripts/playground.py
links to them; none of those modules holds example data of its own.

Equation (5) is checked on one neuron, output = σ(w·x + b) with two inputs, whose first weight
w₁ is nudged by Δw₁ (Δw₂ = Δb = 0). The table `eq5_check` (scripts/tables.py) shows small
nudges, Figure 5 (`tangent` in scripts/figures.py) one large nudge; both read the numbers here.
Only numpy, the standard library and `snippets` are imported (no matplotlib), so the tables and
their tests load without the plotting stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from snippets import linear_output_change, perceptron, sigmoid, sigmoid_neuron, sigmoid_prime

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


# ── the other worked examples ─────────────────────────────────────────────────────────────────

SIGMOID_Z = (-5, -2, -1, -0.5, 0, 0.5, 1, 2, 5)  # σ(z) read off Figure 3 (table sigmoid_values)

# perceptron_vs_sigmoid: one input, threshold at x = 0.5; fractional inputs such as 0.638.
PVS_W, PVS_B = 6.0, -3.0
PVS_X = (0.0, 0.25, 0.49, 0.5, 0.51, 0.638, 0.75, 1.0)

# sigmoid_numerics: where the textbook formula and the tanh form go wrong in float64; the last
# three rows are a subnormal result, the smallest subnormal, and an underflow to 0.
NUMERICS_Z = (-20.0, -40.0, -710.0, -745.0, -800.0)

# The accuracy snippets.sigmoid guarantees in float64, checked by tests/unit/test_sigmoid.py.
SIGMOID_RTOL, SIGMOID_RTOL_RANGE = 5e-16, 708.0

# σ(c·z) for growing c (exercise II, table sigmoid_scaled).
SCALED_C = (1, 10, 100, 1000)
SCALED_Z = (-0.5, -0.01, 0.0, 0.01, 0.5)

# NAND perceptron of the recap page, and XOR built from four NANDs (the exercises' network).
NAND_W, NAND_B = (-2.0, -2.0), 3.0
BITS = ((0, 0), (0, 1), (1, 0), (1, 1))
EXERCISE1_C = (1.0, 0.1, 7.0, 1000.0)
EXERCISE2_C = (1, 10, 100)

# Exercise II's failure case: neuron 1 has w·x + b = 0; neuron 2 (weight 2, bias −0.5) reads it.
FAIL_W1, FAIL_X, FAIL_B1 = 1.0, 1.0, -1.0
FAIL_W2, FAIL_B2 = 2.0, -0.5
FAIL_C = (1, 10, 100, 1000)


def nand_z(a: float, b: float, c: float = 1.0) -> float:
    """Return the weighted input of the NAND neuron (weights −2, −2, bias 3, all scaled by c)."""
    return float(c * np.array(NAND_W) @ np.array([a, b], dtype=float) + c * NAND_B)


def xor_z(x1: float, x2: float, c: float = 1.0) -> float:
    """Return the weighted input of the last of the four NAND sigmoid neurons computing XOR, every
    weight and bias times c: the output is σ of it, as `xor_network(…, sigmoid_neuron)` returns."""
    n1 = float(sigmoid(nand_z(x1, x2, c)))
    return nand_z(float(sigmoid(nand_z(x1, n1, c))), float(sigmoid(nand_z(x2, n1, c))), c)


def nand(a: float, b: float, c: float = 1.0, neuron: Callable = perceptron) -> float:
    """Return the output of the NAND neuron (weights −2, −2, bias 3, all scaled by c)."""
    return neuron(c * np.array(NAND_W), np.array([a, b], dtype=float), c * NAND_B)


def xor_network(x1: float, x2: float, c: float = 1.0, neuron: Callable = perceptron) -> float:
    """Return the output of XOR built from four NAND neurons, every weight and bias times c."""
    n1 = nand(x1, x2, c, neuron)
    return nand(nand(x1, n1, c, neuron), nand(x2, n1, c, neuron), c, neuron)


def failure_path(c: float | None) -> tuple[float, float, float]:
    """Return (neuron 1 output, neuron 2's z, neuron 2's output) of the failure case; c=None:
    perceptrons. Neuron 2's output is σ (or the step) of exactly the z returned."""
    if c is None:
        first = perceptron([FAIL_W1], [FAIL_X], FAIL_B1)
        return first, FAIL_W2 * first + FAIL_B2, perceptron([FAIL_W2], [first], FAIL_B2)
    first = sigmoid_neuron([c * FAIL_W1], [FAIL_X], c * FAIL_B1)
    z2 = float(np.array([c * FAIL_W2]) @ np.array([first]) + c * FAIL_B2)
    return first, z2, sigmoid_neuron([c * FAIL_W2], [first], c * FAIL_B2)
