"""A perceptron and a sigmoid neuron with weights w, input x and bias b, where z = w·x + b.

Copy sigmoid.py next to this file: it provides σ, σ′ and the step function.
"""

# --8<-- [start:imports]
import numpy as np
from numpy.typing import ArrayLike, NDArray

# --8<-- [end:imports]

if __package__:  # imported as snippets.neuron
    from .sigmoid import _as_float_array, sigmoid, sigmoid_prime, step
else:  # run as a script, or imported from a folder where it was copied next to sigmoid.py
    from sigmoid import _as_float_array, sigmoid, sigmoid_prime, step  # type: ignore[no-redef]


# --8<-- [start:neuron_args]
def _neuron_args(
    w: ArrayLike, x: ArrayLike, b: float, func: str
) -> tuple[NDArray[np.floating], NDArray[np.floating], float]:
    """Return w and x as 1-D float arrays of the same length, and b as a float.

    Raises TypeError naming the argument for anything that is not real, and ValueError
    showing both shapes when w and x do not match.
    """
    w, _ = _as_float_array(w, func, "w")
    x, _ = _as_float_array(x, func, "x")
    if w.ndim != 1 or w.shape != x.shape:
        raise ValueError(
            f"{func}(): 'w' and 'x' must be 1-D arrays of the same length, "
            f"got w.shape={w.shape} and x.shape={x.shape}"
        )
    return w, x, _real_scalar(b, func, "b")


def _real_scalar(value: float, func: str, name: str) -> float:
    """Return `value` as a float if it is a real scalar (a bool, int or float), else raise TypeError."""
    a = np.asarray(value)
    if a.ndim != 0 or a.dtype.kind not in "biuf":
        got = type(value).__name__ + (f" of shape {a.shape}" if a.ndim else "")
        raise TypeError(f"{func}(): argument '{name}' must be a real number, got {got}")
    return float(a)
# --8<-- [end:neuron_args]


# --8<-- [start:perceptron]
def perceptron(w: ArrayLike, x: ArrayLike, b: float) -> int:
    """Return the perceptron's output, rule (2) of the book: 0 if w·x + b ≤ 0 and 1 if w·x + b > 0.

    The result is a Python int; a nan in w·x + b has no defined output and raises ValueError.
    """
    w, x, b = _neuron_args(w, x, b, "perceptron")
    z = w @ x + b
    if np.isnan(z):
        raise ValueError("perceptron(): w·x + b is nan, so the output is undefined")
    return int(step(z))
# --8<-- [end:perceptron]


# --8<-- [start:sigmoid_neuron]
def sigmoid_neuron(w: ArrayLike, x: ArrayLike, b: float) -> float:
    """Return the sigmoid neuron's output σ(w·x + b), equation (4) of the book.

    The result is a Python float strictly between 0 and 1 for moderate w·x + b.
    """
    w, x, b = _neuron_args(w, x, b, "sigmoid_neuron")
    return float(sigmoid(w @ x + b))
# --8<-- [end:sigmoid_neuron]


# --8<-- [start:output_gradient]
def output_gradient(w: ArrayLike, x: ArrayLike, b: float) -> tuple[NDArray[np.floating], float]:
    """Return (dw, db), the partial derivatives of σ(w·x + b) with respect to w and to b.

    With z = w·x + b, ∂output/∂w_j = σ′(z) x_j and ∂output/∂b = σ′(z); dw has the shape of w.
    """
    w, x, b = _neuron_args(w, x, b, "output_gradient")
    db = float(sigmoid_prime(w @ x + b))  # ∂output/∂b = σ′(z)
    dw = db * x  # ∂output/∂w_j = σ′(z) x_j
    return dw, db
# --8<-- [end:output_gradient]


# --8<-- [start:linear_output_change]
def linear_output_change(w: ArrayLike, x: ArrayLike, b: float, dw: ArrayLike, db: float) -> float:
    """Return Σ_j (∂output/∂w_j) Δw_j + (∂output/∂b) Δb, the right-hand side of equation (5).

    It approximates the change in σ(w·x + b) when w moves by dw and b by db, up to terms of second order.
    """
    func = "linear_output_change"
    w, x, b = _neuron_args(w, x, b, func)
    dw, _ = _as_float_array(dw, func, "dw")
    if dw.shape != w.shape:
        raise ValueError(
            f"{func}(): 'dw' must have the same shape as 'w', got dw.shape={dw.shape} and w.shape={w.shape}"
        )
    db = _real_scalar(db, func, "db")
    grad_w, grad_b = output_gradient(w, x, b)
    return float(grad_w @ dw + grad_b * db)
# --8<-- [end:linear_output_change]
