"""scripts/examples.py: the worked example of equation (5) agrees with snippets and with mpmath."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

from scripts import examples
from snippets import linear_output_change, output_gradient, sigmoid, sigmoid_neuron
from tests.helpers import exact_sigmoid


def test_nudge_is_the_exact_and_the_linear_change() -> None:
    w, x, b = np.array(examples.W), np.array(examples.X), examples.B
    for dw in (*examples.TABLE_DW, examples.FIGURE_DW):
        n = examples.nudge(dw)
        assert n.dw == dw
        assert n.exact == sigmoid_neuron(w + np.array([dw, 0.0]), x, b) - sigmoid_neuron(w, x, b)
        assert n.linear == linear_output_change(w, x, b, np.array([dw, 0.0]), 0.0)
        with mpmath.workdps(50):
            z0 = mpmath.fsum(mpmath.mpf(a) * mpmath.mpf(c) for a, c in zip(examples.W, examples.X, strict=True)) + b
            ref = exact_sigmoid(z0 + mpmath.mpf(dw) * mpmath.mpf(examples.X[0])) - exact_sigmoid(z0)
        assert n.exact == pytest.approx(float(ref), rel=1e-8)


def test_curve_and_its_tangent() -> None:
    c = examples.curve()
    w, x, b = np.array(examples.W), np.array(examples.X), examples.B
    expected = [sigmoid_neuron(np.array([v, w[1]]), x, b) for v in c.w1]
    np.testing.assert_allclose(c.output, expected, rtol=0, atol=1e-15)
    slope = float(output_gradient(w, x, b)[0][0])
    np.testing.assert_allclose(c.tangent, examples.output(w[0]) + slope * (c.w1 - w[0]), atol=1e-12)
    # σ is concave for z > 0, so the tangent lies above the curve away from w₁ = W[0].
    assert examples.z() > 0 and np.all(c.tangent >= c.output - 1e-12)


def test_error_limit_is_the_second_order_term() -> None:
    ratios = [examples.nudge(d).error / d**2 for d in (1e-3, 1e-4)]
    assert ratios[-1] == pytest.approx(examples.error_limit(), rel=1e-3)
    assert abs(ratios[-1] - examples.error_limit()) < abs(ratios[0] - examples.error_limit())


def test_xor_z_is_the_weighted_input_of_the_sigmoid_networks_output() -> None:
    """The tables print σ of xor_z and of failure_path's z: exactly what the networks output."""
    for c in (*examples.EXERCISE2_C, 1000):
        for a, b in examples.BITS:
            assert float(sigmoid(examples.xor_z(a, b, c))) == examples.xor_network(a, b, c, sigmoid_neuron)
            assert examples.xor_network(a, b, c) == a ^ b  # the perceptron network is XOR for every c > 0
    for c in examples.FAIL_C:
        first, z2, out = examples.failure_path(c)
        assert first == 0.5 and z2 == c * 0.5 and float(sigmoid(z2)) == out
    assert examples.failure_path(None) == (0, -0.5, 0)
