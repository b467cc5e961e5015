"""Time snippets.sigmoid against scipy.special.expit and the textbook 1/(1 + exp(-z)), and measure
the accuracy of sigmoid and expit in units in the last place (ulp) against mpmath.

Run with `python -m scripts.tools.bench_sigmoid`. Prints figures, never asserts: timings depend on
the machine and its load. The candidates take turns in each round and each is timed in CPU time of
this process, so other jobs on a shared machine affect them less and alike; compare the ratios.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable

import mpmath
import numpy as np
import scipy.special

from snippets import sigmoid
from snippets.sigmoid import sigmoid_naive

SIZE = 10_000_000
LOW, HIGH = -50.0, 50.0
SEED = 0
ROUNDS = 9
CANDIDATES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "snippets.sigmoid": sigmoid,
    "scipy.special.expit": scipy.special.expit,
    "1/(1+np.exp(-z))": sigmoid_naive,
}

# Accuracy: (label, low, high) per dtype, POINTS uniform draws each. The last range is where σ(z)
# is a subnormal but expit returns 0, because its exp(-z) overflows.
POINTS = 100_000
ACCURACY_RANGES = {
    np.float64: [("[-20, 20]", -20.0, 20.0), ("[-40, 40]", -40.0, 40.0), ("[-708, 708]", -708.0, 708.0),
                 ("expit gives 0", -745.0, -709.79)],
    np.float32: [("[-20, 20]", -20.0, 20.0), ("[-40, 40]", -40.0, 40.0), ("[-87, 87]", -87.0, 87.0),
                 ("expit gives 0", -103.2, -88.73)],
}  # fmt: skip
REFERENCE_BITS = 160


def _warning_names(func: Callable[[np.ndarray], np.ndarray], z: np.ndarray) -> str:
    """Return the distinct warnings `func(z)` emits, or 'none'."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        func(z)
    return ", ".join(sorted({f"{w.category.__name__}: {w.message}" for w in caught})) or "none"


def _time(z: np.ndarray, candidates: dict[str, Callable] = CANDIDATES) -> dict[str, list[float]]:
    """Return the CPU times of each candidate on `z`, taking turns over ROUNDS rounds."""
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(ROUNDS):
        for name, func in candidates.items():
            start = time.process_time()
            func(z)
            times[name].append(time.process_time() - start)
    return times


# The exact values are kept as hi + lo, scaled by 2**SCALE so that even a σ(z) far below the
# smallest subnormal float64 has a normal hi and a lo that is not rounded away.
SCALE = 600


def exact(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return σ(z)·2**SCALE from mpmath at REFERENCE_BITS bits as two float64 arrays, hi + lo."""
    hi, lo = np.empty(z.size), np.empty(z.size)
    with mpmath.workprec(REFERENCE_BITS):
        for i, v in enumerate(z.astype(np.float64)):
            r = mpmath.ldexp(1 / (1 + mpmath.exp(-mpmath.mpf(float(v)))), SCALE)
            hi[i] = float(r)
            lo[i] = float(r - hi[i])
    return hi, lo


def ulp_errors(got: np.ndarray, hi: np.ndarray, lo: np.ndarray, dtype: type) -> np.ndarray:
    """Return |got - exact| in units in the last place of `dtype` at the exact value (hi + lo)·2**-SCALE."""
    info = np.finfo(dtype)
    _, exponent = np.frexp(hi)
    ulp = np.maximum(np.ldexp(1.0, exponent - 1 - info.nmant), np.ldexp(float(info.smallest_subnormal), SCALE))
    # got·2**SCALE is exact, got - hi is exact (within a few ulp of each other), and lo is far below an ulp.
    return np.abs((np.ldexp(got.astype(np.float64), SCALE) - hi) - lo) / ulp


def accuracy() -> list[str]:
    """Return lines with the max ulp error and the share of correctly rounded results (error ≤ 0.5
    ulp) of sigmoid and expit on the same points, per dtype and range."""
    rng = np.random.default_rng(SEED)
    lines = [
        f"accuracy against mpmath ({REFERENCE_BITS} bits), {POINTS:,} uniform points per range: "
        "max error in ulp, and % correctly rounded"
    ]
    for dtype, ranges in ACCURACY_RANGES.items():
        for label, low, high in ranges:
            z = rng.uniform(low, high, POINTS).astype(dtype)
            hi, lo = exact(z)
            cells = []
            for name, func in (("sigmoid", sigmoid), ("expit", scipy.special.expit)):
                err = ulp_errors(np.asarray(func(z)), hi, lo, dtype)
                cells.append(f"{name} {err.max():10.3g} ulp {100 * np.mean(err <= 0.5):6.2f}%")
            lines.append(f"{np.dtype(dtype).name:8} {label:14} " + "   ".join(cells))
    return lines


def exp_float64_floor(z: np.ndarray) -> np.ndarray:
    """Return exp(-z) for float32 `z`, computed in float64 and rounded to float32: the least a σ
    built on numpy's float64 exp must do for float32, in sigmoid()'s blocks (timed, not a σ)."""
    out = np.empty(z.shape, z.dtype)
    buffer = np.empty(min(z.size, 1 << 16))
    for i in range(0, z.size, buffer.size):
        zb = z[i : i + buffer.size]
        e = buffer[: zb.size]
        np.negative(zb, out=e)
        np.exp(e, out=e)
        out[i : i + zb.size] = e
    return out


def exp_accuracy() -> list[str]:
    """Return lines with the max ulp error of numpy's exp and of the C library's exp, which expit calls
    (expit(z) is 1/(1 + exp(-z)) with the C library's exp or expf), on the same points."""
    import ctypes
    import ctypes.util
    import math

    libm = ctypes.CDLL(ctypes.util.find_library("m"))
    libm.expf.restype, libm.expf.argtypes = ctypes.c_float, [ctypes.c_float]
    rng = np.random.default_rng(SEED)
    lines = []
    for dtype, high, c_exp in ((np.float64, 708.0, math.exp), (np.float32, 87.0, libm.expf)):
        z = rng.uniform(-high, high, POINTS // 10).astype(dtype)
        info = np.finfo(dtype)
        with mpmath.workprec(REFERENCE_BITS):
            exact_values = [mpmath.exp(mpmath.mpf(float(v))) for v in z]
        ulp = np.array([float(mpmath.ldexp(1, mpmath.frexp(v)[1] - 1 - info.nmant)) for v in exact_values])
        cells = []
        for name, values in (("numpy", np.exp(z)), ("C library", [c_exp(float(v)) for v in z])):
            with mpmath.workprec(REFERENCE_BITS):
                err = [
                    float(abs(mpmath.mpf(float(g)) - v))
                    for g, v in zip(np.asarray(values, dtype), exact_values, strict=True)
                ]
            cells.append(f"{name} {max(np.array(err) / ulp):.3f} ulp")
        lines.append(f"exp {np.dtype(dtype).name:8} on [{-high:g}, {high:g}], {z.size:,} points: " + ", ".join(cells))
    return lines


def _avx512() -> str:
    """Return whether numpy found AVX-512 on this CPU (its SIMD exp uses it), or 'unknown'."""
    try:
        from numpy._core._multiarray_umath import __cpu_features__ as features
    except ImportError:
        return "unknown"
    return "yes" if features.get("AVX512F") else "no"


def run() -> list[str]:
    """Return the benchmark's printed lines: median times, ratios to expit, warnings and accuracy."""
    rng = np.random.default_rng(SEED)
    base = rng.uniform(LOW, HIGH, SIZE)
    lines = [
        f"sigmoid on {SIZE:,} values uniform in [{LOW:g}, {HIGH:g}] (seed {SEED}), median CPU time of "
        f"{ROUNDS} interleaved rounds; AVX-512: {_avx512()}"
    ]
    for dtype in (np.float64, np.float32):
        z = base.astype(dtype)
        median = {name: float(np.median(t)) for name, t in _time(z).items()}
        for name, func in CANDIDATES.items():
            lines.append(
                f"{np.dtype(dtype).name:8} {name:20} {median[name]:.4f} s  "
                f"{median[name] / median['scipy.special.expit']:.2f}x expit  "
                f"warnings: {_warning_names(func, z[:: SIZE // 100_000])}"
            )
    z = base.astype(np.float32)
    floor = {name: float(np.median(t)) for name, t in _time(z, {**CANDIDATES, "floor": exp_float64_floor}).items()}
    lines.append(
        f"float32  exp in float64 alone     {floor['floor']:.4f} s  "
        f"{floor['floor'] / floor['scipy.special.expit']:.2f}x expit  (cast in, exp, cast back: no σ yet)"
    )
    extremes = np.array([-np.inf, -1e308, -1000.0, -745.0, 0.0, 745.0, 1000.0, 1e308, np.inf, np.nan])
    for name, func in CANDIDATES.items():
        with np.errstate(all="warn"):
            lines.append(f"extremes {name:20} warnings: {_warning_names(func, extremes)}")
    return [*lines, *accuracy(), *exp_accuracy()]


if __name__ == "__main__":
    for line in run():
        print(line, flush=True)
