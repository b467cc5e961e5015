"""Checks for snippets/neuron.py: perceptrons, sigmoid neurons, their gradient and equation (5)."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import snippets
from snippets import (
    linear_output_change,
    output_gradient,
    perceptron,
    sigmoid,
    sigmoid_neuron,
    sigmoid_prime,
    step,
)
from tests.helpers import ROOT

FAST = settings(max_examples=150, deadline=None)
NEURON_FUNCS = [perceptron, sigmoid_neuron, output_gradient]


@st.composite
def neurons(draw: st.DrawFn, max_len: int = 6, bound: float = 3.0) -> tuple[np.ndarray, np.ndarray, float]:
    """Draw (w, x, b) with w and x of the same length and moderate entries."""
    n = draw(st.integers(1, max_len))
    real = st.floats(-bound, bound)
    w = np.array(draw(st.lists(real, min_size=n, max_size=n)))
    x = np.array(draw(st.lists(real, min_size=n, max_size=n)))
    return w, x, draw(real)


def test_public_api() -> None:
    assert snippets.__all__ == [
        "sigmoid",
        "sigmoid_prime",
        "step",
        "perceptron",
        "sigmoid_neuron",
        "output_gradient",
        "linear_output_change",
    ]
    assert all(callable(getattr(snippets, name)) for name in snippets.__all__)


# ── Perceptrons, rule (2) ─────────────────────────────────────────────────────────────────────


def test_perceptron_decides_like_the_books_example() -> None:
    # Weather (weight 6), a companion (2), public transit (2), threshold 5, so b = -5.
    w, b = [6, 2, 2], -5
    assert perceptron(w, [1, 0, 0], b) == 1  # good weather alone is enough
    assert perceptron(w, [0, 1, 1], b) == 0  # the other two together are not


@pytest.mark.parametrize(("x", "expected"), [((0, 0), 1), ((0, 1), 1), ((1, 0), 1), ((1, 1), 0)])
def test_perceptron_nand_gate(x: tuple[int, int], expected: int) -> None:
    # The book's NAND perceptron: weights -2, -2 and bias 3.
    assert perceptron([-2, -2], x, 3) == expected


def test_perceptron_outputs_0_when_w_dot_x_plus_b_is_0() -> None:
    out = perceptron([1.0, 1.0], [1.0, 1.0], -2.0)
    assert out == 0 and type(out) is int
    assert type(perceptron([1.0], [1.0], 0.5)) is int


@FAST
@given(
    st.lists(st.integers(-5, 5), min_size=1, max_size=6).flatmap(
        lambda w: st.tuples(st.just(w), st.lists(st.integers(-5, 5), min_size=len(w), max_size=len(w)))
    ),
    st.integers(-10, 10),
)
def test_perceptron_is_step_of_w_dot_x_plus_b(wx: tuple[list[int], list[int]], b: int) -> None:
    w, x = wx
    z = sum(wj * xj for wj, xj in zip(w, x, strict=True)) + b  # exact in integers
    assert perceptron(w, x, b) == (1 if z > 0 else 0) == int(step(np.dot(w, x) + b))


def test_perceptron_with_nan_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"^perceptron\(\): w·x \+ b is nan"):
        perceptron([np.nan], [1.0], 0.0)


# ── Sigmoid neurons, equation (4) ─────────────────────────────────────────────────────────────


@FAST
@given(neurons(bound=2.0))  # |w·x + b| ≤ 26, so σ stays strictly inside (0, 1)
def test_sigmoid_neuron_is_sigma_of_w_dot_x_plus_b(wxb: tuple[np.ndarray, np.ndarray, float]) -> None:
    w, x, b = wxb
    out = sigmoid_neuron(w, x, b)
    assert type(out) is float
    assert out == float(sigmoid(w @ x + b))
    assert 0 < out < 1


@FAST
@given(neurons(bound=2.0))
def test_sigmoid_neuron_approaches_the_perceptron_as_weights_grow(
    wxb: tuple[np.ndarray, np.ndarray, float],
) -> None:
    # Scaling w and b by c > 0 keeps the sign of w·x + b; as c → ∞ the output tends to rule (2).
    w, x, b = wxb
    z = w @ x + b
    assume(abs(z) >= 1e-3)
    assert abs(sigmoid_neuron(1e6 * w, x, 1e6 * b) - perceptron(w, x, b)) < 1e-12


def test_sigmoid_neuron_accepts_ints_and_float32() -> None:
    assert sigmoid_neuron([1, 2], [3, 4], -11) == 0.5
    assert sigmoid_neuron(np.float32([1, 2]), np.float32([3, 4]), -11.0) == 0.5


# ── The gradient, and equation (5) ────────────────────────────────────────────────────────────


def test_output_gradient_types_and_shapes() -> None:
    w, x, b = np.array([0.5, -1.0, 2.0]), np.array([1.0, 2.0, 3.0]), 0.5
    dw, db = output_gradient(w, x, b)
    assert isinstance(dw, np.ndarray) and dw.shape == w.shape
    assert type(db) is float
    assert db == float(sigmoid_prime(w @ x + b))
    np.testing.assert_array_equal(dw, db * x)


@FAST
@given(neurons())
def test_output_gradient_matches_central_differences(wxb: tuple[np.ndarray, np.ndarray, float]) -> None:
    w, x, b = wxb
    dw, db = output_gradient(w, x, b)
    h = 1e-6
    for j in range(w.size):
        step_j = np.zeros_like(w)
        step_j[j] = h
        numeric = (sigmoid_neuron(w + step_j, x, b) - sigmoid_neuron(w - step_j, x, b)) / (2 * h)
        assert numeric == pytest.approx(dw[j], abs=1e-8)
    numeric_b = (sigmoid_neuron(w, x, b + h) - sigmoid_neuron(w, x, b - h)) / (2 * h)
    assert numeric_b == pytest.approx(db, abs=1e-8)


@FAST
@given(neurons(), st.floats(-1, 1), st.floats(-1, 1))
def test_linear_output_change_is_gradient_dot_change(
    wxb: tuple[np.ndarray, np.ndarray, float], scale: float, db: float
) -> None:
    w, x, b = wxb
    dw = scale * np.linspace(-1, 1, w.size)
    grad_w, grad_b = output_gradient(w, x, b)
    change = linear_output_change(w, x, b, dw, db)
    assert type(change) is float
    assert change == pytest.approx(float(grad_w @ dw + grad_b * db), rel=1e-12, abs=1e-300)


# A concrete neuron away from z = 0, where σ″(z) = 0 would hide the second-order term.
W = np.array([0.5, -1.2, 0.8])
X = np.array([1.0, 0.4, -0.7])
B = 1.2
DW = np.array([1.0, -2.0, 0.5])  # direction of the change in w, scaled by Δ
DB = 0.3  # change in b, scaled by Δ


def estimate_error(delta: float) -> float:
    """Return |actual change - equation (5)| for Δw = Δ·DW and Δb = Δ·DB."""
    actual = sigmoid_neuron(W + delta * DW, X, B + delta * DB) - sigmoid_neuron(W, X, B)
    return abs(actual - linear_output_change(W, X, B, delta * DW, delta * DB))


def test_equation_5_error_shrinks_like_delta_squared() -> None:
    deltas = [1e-1, 1e-2, 1e-3]
    errors = [estimate_error(d) for d in deltas]
    ratios = [e / d**2 for e, d in zip(errors, deltas, strict=True)]
    assert all(r > 0 for r in ratios)
    for r1, r2 in itertools.pairwise(ratios):
        assert 1 / 1.5 <= r2 / r1 <= 1.5, ratios
    for e1, e2 in itertools.pairwise(errors):  # Δ → Δ/10 divides the error by about 100
        assert e2 == pytest.approx(e1 / 100, rel=0.5)


def test_equation_5_error_constant_is_the_second_derivative() -> None:
    # error(Δ)/Δ² → |σ″(z)| (DW·x + DB)²/2, with σ″ = σ′(1 - 2σ).
    z = W @ X + B
    expected = abs(sigmoid_prime(z) * (1 - 2 * sigmoid(z))) * (DW @ X + DB) ** 2 / 2
    assert estimate_error(1e-3) / 1e-6 == pytest.approx(expected, rel=1e-2)


# ── Bad input ─────────────────────────────────────────────────────────────────────────────────

W_OK, X_OK, B_OK = [1.0, 2.0], [0.5, -0.5], 0.1
BAD_ARRAYS = [
    ("abc", "str"),
    (None, "NoneType"),
    (1j, "complex"),
    (np.array([1j, 2.0]), "ndarray of dtype complex128"),
    (np.array([1.0, None], dtype=object), "ndarray of dtype object"),
    (["a", "b"], "list of dtype <U1"),
]
BAD_SCALARS = [
    ("abc", "str"),
    (None, "NoneType"),
    (1j, "complex"),
    (np.complex64(1), "complex64"),
    (np.array(1.0, dtype=object), "ndarray"),
    ([1.0], r"list of shape \(1,\)"),
    (np.zeros((2, 2)), r"ndarray of shape \(2, 2\)"),
]


def call(func, **changes):
    """Call `func` with valid arguments, replacing those named in `changes`."""
    args = {"w": W_OK, "x": X_OK, "b": B_OK}
    if func is linear_output_change:
        args |= {"dw": [0.1, 0.1], "db": 0.1}
    return func(**(args | changes))


ALL_FUNCS = [*NEURON_FUNCS, linear_output_change]
ARRAY_ARGS = [(f, a) for f in ALL_FUNCS for a in ("w", "x")] + [(linear_output_change, "dw")]
SCALAR_ARGS = [(f, "b") for f in ALL_FUNCS] + [(linear_output_change, "db")]


@pytest.mark.parametrize(("func", "arg"), ARRAY_ARGS, ids=lambda v: getattr(v, "__name__", v))
@pytest.mark.parametrize(("value", "got"), BAD_ARRAYS, ids=[b[1] for b in BAD_ARRAYS])
def test_array_arguments_reject_non_real_values(func, arg: str, value, got: str) -> None:
    message = rf"^{func.__name__}\(\): argument '{arg}' must be a real number or array of real numbers, got {got}$"
    with pytest.raises(TypeError, match=message):
        call(func, **{arg: value})


@pytest.mark.parametrize(("func", "arg"), SCALAR_ARGS, ids=lambda v: getattr(v, "__name__", v))
@pytest.mark.parametrize(("value", "got"), BAD_SCALARS, ids=[b[1] for b in BAD_SCALARS])
def test_scalar_arguments_reject_everything_but_real_numbers(func, arg: str, value, got: str) -> None:
    message = rf"^{func.__name__}\(\): argument '{arg}' must be a real number, got {got}$"
    with pytest.raises(TypeError, match=message):
        call(func, **{arg: value})


BAD_SHAPES = [
    (np.zeros((2, 1)), np.zeros(3)),
    (np.zeros(2), np.zeros(3)),
    (np.zeros((2, 2)), np.zeros((2, 2))),
    (np.float64(1.0), np.float64(1.0)),
    (np.zeros(3), np.zeros((3, 1))),
]


@pytest.mark.parametrize("func", ALL_FUNCS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(("w", "x"), BAD_SHAPES, ids=lambda a: str(np.shape(a)))
def test_w_and_x_must_be_1d_of_the_same_length(func, w: np.ndarray, x: np.ndarray) -> None:
    message = (
        rf"^{func.__name__}\(\): 'w' and 'x' must be 1-D arrays of the same length, "
        rf"got w\.shape={re.escape(str(np.shape(w)))} and x\.shape={re.escape(str(np.shape(x)))}$"
    )
    with pytest.raises(ValueError, match=message):
        call(func, w=w, x=x)


@pytest.mark.parametrize("dw", [[0.1], [0.1, 0.2, 0.3], [[0.1, 0.2]], 0.1])
def test_dw_must_have_the_shape_of_w(dw) -> None:
    message = (
        r"^linear_output_change\(\): 'dw' must have the same shape as 'w', "
        rf"got dw\.shape={re.escape(str(np.shape(dw)))} and w\.shape=\(2,\)$"
    )
    with pytest.raises(ValueError, match=message):
        call(linear_output_change, dw=dw)


# ── neuron.py works when copied next to sigmoid.py ───────────────────────────────────────────


def test_neuron_py_works_when_copied_next_to_sigmoid_py(tmp_path: Path) -> None:
    for name in ("sigmoid.py", "neuron.py"):
        shutil.copy(ROOT / "snippets" / name, tmp_path / name)
    code = "import neuron; print(neuron.sigmoid_neuron([1, 2], [3, 4], -11), neuron.perceptron([1], [1], 0))"
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "0.5 1\n"


@pytest.mark.parametrize("how", ["script", "module"])
def test_neuron_py_runs_under_w_error(how: str) -> None:
    # Regression (issue 18): run as a file, the relative import of the old try/except fallback
    # raised "ImportWarning: can't resolve package from __spec__ or __package__".
    args = [str(ROOT / "snippets" / "neuron.py")] if how == "script" else ["-c", "import snippets.neuron"]
    result = subprocess.run(
        [sys.executable, "-W", "error", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
