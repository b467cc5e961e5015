"""Links into the playground (docs/playground.md), which keeps its state in the URL hash.

`HASHES[name]()` returns the hash (without "#") for `<!-- playground:name -->`, written after
`playground.md#` in a link, so each link opens the playground on the neuron of the table beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scripts import examples as ex

PVS_X_BOOK = ex.X[0]  # the book's example input 0.638, fed to the perceptron_vs_sigmoid neuron
DW = ex.TABLE_DW[0]  # the playground's nudge Δw of w₁: the first row of the equation (5) table

# (inputs x, weights w, bias b, scale c, nudge Δw of w₁) of the neuron each place of the chapter shows.
STATES: dict[str, tuple[Sequence[float], Sequence[float], float, float, float]] = {
    "pvs": ((PVS_X_BOOK,), (ex.PVS_W,), ex.PVS_B, 1, DW),  # the note after equation (4)
    "eq5": (ex.X, ex.W, ex.B, 1, DW),  # the equation (5) check
    "exercise1": (ex.BITS[3], ex.NAND_W, ex.NAND_B, ex.EXERCISE1_C[2], DW),  # one NAND perceptron, scaled
    "exercise2": (ex.BITS[3], ex.NAND_W, ex.NAND_B, ex.EXERCISE2_C[-1], DW),  # the same at the table's largest c
    "exercise2_failure": ((ex.FAIL_X,), (ex.FAIL_W1,), ex.FAIL_B1, ex.EXERCISE2_C[-1], DW),  # neuron 1: z = 0
}


def playground_hash(x: Sequence[float], w: Sequence[float], b: float, c: float, dw: float) -> str:
    """Return the playground's URL hash (without "#") for a neuron of one or two inputs, e.g.
    x1=0.638&x2=0&w1=6&w2=0&b=-3&c=1&dw=0.1; a missing second input and weight are 0."""
    if not 1 <= len(x) == len(w) <= 2:
        raise ValueError(f"playground_hash(): the playground has one or two inputs, got x={x!r} and w={w!r}")
    x2, w2 = (x[1], w[1]) if len(x) == 2 else (0.0, 0.0)
    state = {"x1": x[0], "x2": x2, "w1": w[0], "w2": w2, "b": b, "c": c, "dw": dw}
    return "&".join(f"{name}={float(v):g}" for name, v in state.items())


HASHES: dict[str, Callable[[], str]] = {
    name: (lambda state=state: playground_hash(*state)) for name, state in STATES.items()
}
