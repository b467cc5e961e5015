"""The sigmoid function σ(z) = 1/(1 + exp(-z)), its derivative σ′, and the perceptron's step function.

Only numpy and the standard library are used, so this file can be copied on its own.
"""

# --8<-- [start:imports]
import numpy as np
from numpy.typing import ArrayLike, NDArray

# --8<-- [end:imports]

# --8<-- [start:as_float_array]
def _as_float_array(z: ArrayLike, func: str, name: str = "z") -> tuple[NDArray[np.floating], np.dtype]:
    """Return `z` as a float array to compute with, and the dtype the result should have.

    float16, float32 and float64 keep their dtype (float16 is computed in float32),
    bools and integers become float64, and anything else raises TypeError.
    """
    a = np.asarray(z)
    if a.dtype.kind not in "biuf":
        got = type(z).__name__
        if isinstance(z, (np.ndarray, list, tuple)):
            got += f" of dtype {a.dtype}"
        raise TypeError(
            f"{func}(): argument '{name}' must be a real number or array of real numbers, got {got}"
        )
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)
    work = np.dtype(np.float32) if dtype == np.float16 else dtype
    return a.astype(work, copy=False), dtype
# --8<-- [end:as_float_array]


# --8<-- [start:sigmoid]
# Elements sigmoid() computes at a time: its float64 work buffer (512 KiB) stays in a typical L2 cache.
_BLOCK = 1 << 16


def sigmoid(z: ArrayLike) -> NDArray[np.floating] | np.floating:
    """Return σ(z) = 1/(1 + exp(-z)), elementwise for scalars and arrays.

    Each element's formula depends on that element alone: 1/(1 + exp(-z)), or e/(1 + e) with e = exp(z)
    where exp(-z) would overflow; float32 and float16 are computed in float64 and rounded once (numpy's
    float32 exp alone would make them less accurate than scipy.special.expit).
    """
    z, dtype = _as_float_array(z, "sigmoid")
    work = np.promote_types(z.dtype, np.float64)  # float64, or a wider float (longdouble) as it is
    big = np.log(np.finfo(work).max) // 1  # exp(big) is finite: 709 in float64
    out = np.empty(z.shape, dtype)
    flat_z, flat_out = z.reshape(-1), out.reshape(-1)
    buffer = np.empty(min(z.size, _BLOCK), work)
    # exp(-z) overflows to inf for z < -big, where 1/(1 + inf) = 0 is then replaced; exp and the
    # result may underflow to a subnormal or 0, which is the right answer. Neither is an error here,
    # even under np.errstate(all="raise").
    with np.errstate(over="ignore", under="ignore"):
        for i in range(0, z.size, _BLOCK):
            zb, ob = flat_z[i : i + _BLOCK], flat_out[i : i + _BLOCK]
            e = buffer[: zb.size]
            np.negative(zb, out=e)
            np.exp(e, out=e)
            np.add(e, 1.0, out=e)
            np.divide(1.0, e, out=ob)  # the textbook formula, in place
            if not zb.min() >= -big:  # some z < -big (or a nan, whose min is nan)
                tail = np.flatnonzero(zb < -big)  # these elements only: e/(1 + e) with e = exp(z) ≤ 1
                e = np.exp(zb[tail].astype(work))
                ob[tail] = e / (1 + e)
    return out[()]
# --8<-- [end:sigmoid]


# --8<-- [start:sigmoid_prime]
def sigmoid_prime(z: ArrayLike) -> NDArray[np.floating] | np.floating:
    """Return σ′(z) = σ(z)(1 - σ(z)), elementwise for scalars and arrays.

    It is computed as e/(1 + e)² with e = exp(-|z|), which is symmetric in z, never overflows
    and avoids the cancellation in 1 - σ(z); rounding near z = 0 is clamped to the maximum 1/4.
    """
    z, dtype = _as_float_array(z, "sigmoid_prime")
    with np.errstate(under="ignore"):  # e and e/(1 + e)² may underflow to 0; that is the right answer
        e = np.exp(-np.abs(z))
        d = 1.0 + e
        return np.asarray(np.minimum(e / (d * d), 0.25), dtype)[()]
# --8<-- [end:sigmoid_prime]


# --8<-- [start:step]
def step(z: ArrayLike) -> NDArray[np.floating] | np.floating:
    """Return the perceptron's step function: 1.0 where z > 0 and 0.0 where z ≤ 0, elementwise.

    Unlike the usual convention, step(0) is 0: following the book's footnote, a perceptron
    outputs 0 when w·x + b = 0. A nan input gives nan.
    """
    z, dtype = _as_float_array(z, "step")
    return np.heaviside(z, 0.0).astype(dtype, copy=False)[()]
# --8<-- [end:step]


# --8<-- [start:sigmoid_naive]
def sigmoid_naive(z: ArrayLike) -> NDArray[np.floating] | np.floating:
    """Return σ(z) by the textbook formula 1/(1 + exp(-z)), the counter-example to sigmoid().

    For z below about -709, exp(-z) overflows to inf: numpy warns and the result collapses to 0.
    """
    return 1 / (1 + np.exp(-np.asarray(z)))
# --8<-- [end:sigmoid_naive]


# --8<-- [start:sigmoid_tanh]
def sigmoid_tanh(z: ArrayLike) -> NDArray[np.floating] | np.floating:
    """Return σ(z) through the identity σ(z) = (1 + tanh(z/2))/2.

    It never overflows, but for negative z the sum 1 + tanh(z/2) cancels, so the relative
    error grows with |z| and σ(z) comes back as exactly 0 from about z = -38 on.
    """
    return 0.5 * (1 + np.tanh(np.asarray(z) / 2))
# --8<-- [end:sigmoid_tanh]
