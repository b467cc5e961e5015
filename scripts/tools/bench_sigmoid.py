"""Time snippets.sigmoid against scipy.special.expit and the textbook 1/(1 + exp(-z)).

Run with `python -m scripts.bench_sigmoid`. Prints figures, never asserts: timings depend on the
machine and its load. The three functions take turns in each round, so load affects them alike.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable

import numpy as np
import scipy.special

from snippets import sigmoid
from snippets.sigmoid import sigmoid_naive

SIZE = 10_000_000
LOW, HIGH = -50.0, 50.0
SEED = 0
ROUNDS = 7
SUBSAMPLE = 10  # compare every 10th value with expit
CANDIDATES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "snippets.sigmoid": sigmoid,
    "scipy.special.expit": scipy.special.expit,
    "1/(1+np.exp(-z))": sigmoid_naive,
}


def _warning_names(func: Callable[[np.ndarray], np.ndarray], z: np.ndarray) -> str:
    """Return the distinct warnings `func(z)` emits, or 'none'."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        func(z)
    return ", ".join(sorted({f"{w.category.__name__}: {w.message}" for w in caught})) or "none"


def _time(z: np.ndarray) -> dict[str, list[float]]:
    """Return the run times of each candidate on `z`, taking turns over ROUNDS rounds."""
    times: dict[str, list[float]] = {name: [] for name in CANDIDATES}
    for _ in range(ROUNDS):
        for name, func in CANDIDATES.items():
            start = time.perf_counter()
            func(z)
            times[name].append(time.perf_counter() - start)
    return times


def run() -> list[str]:
    """Return the benchmark's printed lines: median times, ratios to expit, accuracy and warnings."""
    rng = np.random.default_rng(SEED)
    base = rng.uniform(LOW, HIGH, SIZE)
    lines = [
        f"sigmoid on {SIZE:,} values uniform in [{LOW:g}, {HIGH:g}] (seed {SEED}), "
        f"median of {ROUNDS} interleaved rounds"
    ]
    for dtype in (np.float64, np.float32):
        z = base.astype(dtype)
        times = _time(z)
        median = {name: float(np.median(t)) for name, t in times.items()}
        reference = scipy.special.expit(z[::SUBSAMPLE])
        for name, func in CANDIDATES.items():
            rel = float(np.max(np.abs(func(z[::SUBSAMPLE]) / reference - 1)))
            lines.append(
                f"{np.dtype(dtype).name:8} {name:20} {median[name]:.4f} s  "
                f"{median[name] / median['scipy.special.expit']:.2f}x expit  "
                f"max rel. diff vs expit {rel:.1e}  warnings: {_warning_names(func, z)}"
            )
    extremes = np.array([-np.inf, -1e308, -1000.0, -745.0, 0.0, 745.0, 1000.0, 1e308, np.inf, np.nan])
    for name, func in CANDIDATES.items():
        with np.errstate(all="warn"):
            lines.append(f"extremes {name:20} warnings: {_warning_names(func, extremes)}")
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
