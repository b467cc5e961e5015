"""Table and number generators: pure functions that format, as Markdown, numbers computed with `snippets`.

`TABLES[name]()` returns a Markdown table for `<!-- table:name -->`, and `VALUES[name]()` a
number for `<!-- value:name -->` in the prose, so text and tables come from the same code. The
worked examples' constants and networks live in scripts/examples.py; this module only formats
and renders them. Each table is built from `Cell`s that keep the exact value behind their text
(`TABLE_CELLS`), so the tests can check that no cell reads 0 or 1 for a value that is not.
Only numpy, the standard library, `snippets` and scripts/examples.py are used here: no
matplotlib, and no mpmath or scipy (the tests check these numbers against mpmath independently).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

import numpy as np

from scripts import examples as ex
from snippets import perceptron, sigmoid, sigmoid_neuron
from snippets.sigmoid import sigmoid_naive, sigmoid_tanh

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def num(v: float, digits: int = 4) -> str:
    """Return `v` rounded for a reader, with a true minus sign and no trailing zeros."""
    if v != 0 and abs(v) < 10**-digits:
        return sci(v)
    s = f"{v:.{digits}f}".rstrip("0").rstrip(".")
    s = "0" if s in ("-0", "") else s
    return s.replace("-", "−")


def sci(v: float | Decimal, sig: int = 3) -> str:
    """Return `v` with `sig` significant digits as 1.23×10⁻⁴ (plain digits for 0.001 ≤ |v| < 1000)."""
    if v == 0:
        return "0"
    if 1e-3 <= abs(v) < 1e3:
        exponent = math.floor(math.log10(abs(float(v))))
        return num(float(v), max(sig - 1 - exponent, 0))
    mantissa, exponent = f"{v:.{sig - 1}e}".split("e")
    return f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPT)}".replace("-", "−")


def plain(v: float, sig: int = 5) -> str:
    """Return `v` in plain decimals (no exponent) with `sig` significant digits, minus as −."""
    if v == 0:
        return "0"
    digits = max(sig - 1 - math.floor(math.log10(abs(v))), 0)
    return f"{v:.{digits}f}".replace("-", "−")


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """Return a Markdown table; `align` holds one of l, c, r per column (default right)."""
    align = align or "r" * len(header)
    rule = {"l": ":--", "c": ":-:", "r": "--:"}
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(rule[a] for a in align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


EXACT_DIGITS = 30  # significant digits of the decimal references (σ's tables and 참값)
NBSP_MINUS = "\u00a0−\u00a0"  # the minus of "1 − 4.54×10⁻⁵": a formula is not broken across lines


@dataclass(frozen=True)
class Cell:
    """One table cell: the `text` a reader sees, and the `exact` value it stands for (None for words).

    `exact` is what the text rounds: a float64 result as the exact number it is, σ(z) to
    EXACT_DIGITS digits however close to 0 or 1. A test compares the two on every built page.
    """

    text: str
    exact: Decimal | None = None


@dataclass(frozen=True)
class Table:
    """A generated table: header cells, rows of cells, and one of l, c, r per column (default right)."""

    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    align: str = ""

    def markdown(self) -> str:
        """Return the table as Markdown."""
        return markdown_table(self.header, [[c.text for c in row] for row in self.rows], self.align)


def exact_sigmoid(z: float) -> Decimal:
    """Return σ(z) to EXACT_DIGITS significant digits, and 1 − σ(z) too, however small (the decimal
    module carries as many digits as the gap to 1 needs)."""
    with localcontext() as ctx:
        ctx.prec = EXACT_DIGITS + math.ceil(max(z, 0) / math.log(10))
        return 1 / (1 + (-Decimal(z)).exp())


def prob(z: float, digits: int = 4) -> str:
    """Return σ(z) for a reader: `digits` decimals, 1.23×10⁻⁵ below 0.001, and 1 − 1.23×10⁻⁵ above
    0.999, so a value strictly between 0 and 1 never reads "0" or "1", even where float64 rounds it there."""
    if z > 0 and exact_sigmoid(-z) < Decimal("1e-3"):
        return "1" + NBSP_MINUS + sci(exact_sigmoid(-z))
    p = exact_sigmoid(z)
    return sci(p) if p < Decimal("1e-3") else num(float(p), digits)


def number(v: float, digits: int = 4) -> Cell:
    """Return a cell for a float64 value (an input, a z, a computed result), rounded by `num`."""
    return Cell(num(v, digits), Decimal(v))


def sigma(z: float, digits: int = 4) -> Cell:
    """Return a cell for σ(z), the output of a sigmoid neuron whose weighted input is `z`."""
    return Cell(prob(z, digits), exact_sigmoid(z))


def word(text: str) -> Cell:
    """Return a cell of words or math, which stands for no number."""
    return Cell(text)


# ── helpers ───────────────────────────────────────────────────────────────────────────────────


def tanh_zero_from() -> float:
    """Return the largest z (step 0.01, searching down from −30) where the tanh form gives exactly 0."""
    z = np.round(np.arange(-30.0, -50.0, -0.01), 2)
    return float(z[np.argmax(sigmoid_tanh(z) == 0)])


def tanh_relative_error(z: float) -> float:
    """Return the relative error of the tanh form at z, against snippets.sigmoid."""
    return abs(float(sigmoid_tanh(z)) / float(sigmoid(z)) - 1)


# ── tables ────────────────────────────────────────────────────────────────────────────────────


def sigmoid_values() -> Table:
    """Return σ(z) for a few z, the values a reader can check against Figure 3."""
    return Table(["$z$", r"$\sigma(z)$"], [[number(z), sigma(z)] for z in map(float, ex.SIGMOID_Z)])


def perceptron_vs_sigmoid() -> Table:
    """Return perceptron and sigmoid-neuron outputs for one w, b and several inputs x."""
    rows = []
    for x in ex.PVS_X:
        z = ex.PVS_W * x + ex.PVS_B  # what both neurons compute, w @ x + b for one input
        rows.append([number(x, 3), number(z, 3), number(perceptron([ex.PVS_W], [x], ex.PVS_B)), sigma(z)])
    return Table(["입력 $x$", "$z = wx+b$", "퍼셉트론", "시그모이드 뉴런"], rows)


def sigmoid_numerics() -> Table:
    """Return σ(z) in float64 by three formulas next to the exact value, for very negative z."""
    rows = []
    for z in ex.NUMERICS_Z:
        with np.errstate(over="ignore"):  # the textbook formula overflows here; that is the point
            overflow = bool(np.isinf(np.exp(-z)))
            naive = float(sigmoid_naive(z))
        tanh, ours, exact = float(sigmoid_tanh(z)), float(sigmoid(z)), exact_sigmoid(z)
        rows.append(
            [
                number(z),
                Cell(sci(naive) + (" (경고)" if overflow else ""), Decimal(naive)),
                Cell(sci(tanh), Decimal(tanh)),
                Cell(sci(ours), Decimal(ours)),
                Cell(sci(exact), exact),
            ]
        )
    return Table(["$z$", "교과서 식", "tanh 식", "`sigmoid`", "참값"], rows)


def eq5_check() -> Table:
    """Return the exact change of the example neuron's output next to equation (5)'s linear estimate."""
    rows = []
    for n in map(ex.nudge, ex.TABLE_DW):
        ratio = n.error / n.dw**2
        shown = [
            (plain(n.exact), n.exact),
            (plain(n.linear), n.linear),
            (sci(n.error), n.error),
            (plain(ratio, 3), ratio),
        ]
        rows.append([number(n.dw, 3), *(Cell(text, Decimal(v)) for text, v in shown)])
    header = [r"$\Delta w_1$", "실제 변화", "식 (5)의 추정", "오차", r"오차 $/\,\Delta w_1^2$"]
    return Table(header, rows)


def scaled_sigmoid_table() -> Table:
    """Return σ(c·z) for growing c (rows) and a few z near 0 (columns)."""
    header = ["$c$", *[f"$z={num(z)}$".replace("−", "-") for z in ex.SCALED_Z]]
    return Table(header, [[number(c), *[sigma(c * z, 5) for z in ex.SCALED_Z]] for c in ex.SCALED_C])


def nand_truth() -> Table:
    """Return the truth table of the NAND perceptron (weights −2, −2, bias 3)."""
    rows = []
    for a, b in ex.BITS:
        out = perceptron(np.array(ex.NAND_W), np.array([a, b]), ex.NAND_B)
        rows.append([number(a), number(b), number(ex.nand_z(a, b)), number(out)])
    return Table(["$x_1$", "$x_2$", "$z = w \\cdot x + b$", "출력"], rows)


def exercise1_scaling() -> Table:
    """Return the XOR-of-NANDs perceptron network's output with every weight and bias times c."""
    header = ["$x_1$", "$x_2$", *[f"$c={num(c)}$" for c in ex.EXERCISE1_C]]
    rows = [[number(a), number(b), *[number(ex.xor_network(a, b, c)) for c in ex.EXERCISE1_C]] for a, b in ex.BITS]
    return Table(header, rows)


def exercise2_xor() -> Table:
    """Return the XOR network of perceptrons next to the same network of sigmoid neurons times c."""
    header = ["$x_1$", "$x_2$", "퍼셉트론", *[f"$c={c}$" for c in ex.EXERCISE2_C]]
    rows = [
        [number(a), number(b), number(ex.xor_network(a, b)), *[sigma(ex.xor_z(a, b, c)) for c in ex.EXERCISE2_C]]
        for a, b in ex.BITS
    ]
    return Table(header, rows)


def exercise2_failure() -> Table:
    """Return the failure case of exercise II: perceptrons against sigmoid neurons times c."""
    rows = []
    for c in (None, *ex.FAIL_C):
        first, z2, out = ex.failure_path(c)
        name = word("퍼셉트론" if c is None else f"시그모이드, $c={c}$")
        rows.append([name, number(first), number(z2), number(out) if c is None else sigma(z2)])
    return Table(["네트워크", "뉴런 1의 출력", "뉴런 2의 $z$", "뉴런 2의 출력"], rows, "lrrr")


# Each table's cells, for the tests; TABLES renders them for `<!-- table:name -->`.
TABLE_CELLS: dict[str, Callable[[], Table]] = {
    "sigmoid_values": sigmoid_values,
    "perceptron_vs_sigmoid": perceptron_vs_sigmoid,
    "sigmoid_numerics": sigmoid_numerics,
    "eq5_check": eq5_check,
    "sigmoid_scaled": scaled_sigmoid_table,
    "nand_truth": nand_truth,
    "exercise1_scaling": exercise1_scaling,
    "exercise2_xor": exercise2_xor,
    "exercise2_failure": exercise2_failure,
}
TABLES: dict[str, Callable[[], str]] = {name: (lambda f=f: f().markdown()) for name, f in TABLE_CELLS.items()}

# ── numbers quoted in the prose ───────────────────────────────────────────────────────────────

VALUES: dict[str, Callable[[], str]] = {
    "sigmoid_1": lambda: num(float(sigmoid(1.0))),
    "pvs_w": lambda: num(ex.PVS_W),
    "pvs_b": lambda: num(ex.PVS_B),
    "pvs_z_0638": lambda: num(ex.PVS_W * ex.X[0] + ex.PVS_B, 3),
    "pvs_sigmoid_0638": lambda: num(sigmoid_neuron([ex.PVS_W], [ex.X[0]], ex.PVS_B), 3),
    "pvs_sigmoid_049": lambda: num(sigmoid_neuron([ex.PVS_W], [0.49], ex.PVS_B), 3),
    "pvs_sigmoid_051": lambda: num(sigmoid_neuron([ex.PVS_W], [0.51], ex.PVS_B), 3),
    "exp_overflow": lambda: num(math.log(np.finfo(np.float64).max), 2),
    "float64_max": lambda: sci(float(np.finfo(np.float64).max)),
    "sigmoid_minus_40": lambda: sci(float(sigmoid(-40.0))),
    "tanh_zero_from": lambda: num(tanh_zero_from(), 1),
    "tanh_relerr_20": lambda: sci(tanh_relative_error(-20.0), 2),
    "tanh_relerr_30": lambda: sci(tanh_relative_error(-30.0), 2),
    "smallest_subnormal": lambda: sci(float(np.nextafter(0.0, 1.0))),
    "smallest_normal": lambda: sci(float(np.finfo(np.float64).tiny)),
    # Below half the smallest subnormal a result rounds to 0: that half, and the z where σ(z) reaches it.
    "subnormal_half": lambda: sci(Decimal(float(np.nextafter(0.0, 1.0))) / 2),
    "underflow_z": lambda: num(math.log(float(np.nextafter(0.0, 1.0))) - math.log(2), 2),
    # snippets.sigmoid recomputes with the stable formula exactly the elements with z < −sigmoid_switch.
    "sigmoid_switch": lambda: num(np.log(np.finfo(np.float64).max) // 1),
    "exact_digits": lambda: str(EXACT_DIGITS),
    "numerics_z_subnormal": lambda: num(ex.NUMERICS_Z[2]),
    "numerics_z_smallest": lambda: num(ex.NUMERICS_Z[3]),
    "numerics_z_zero": lambda: num(ex.NUMERICS_Z[4]),
    "sigmoid_rtol": lambda: sci(ex.SIGMOID_RTOL, 1),
    "sigmoid_rtol_range": lambda: num(ex.SIGMOID_RTOL_RANGE),
    "pvs_x0": lambda: num(-ex.PVS_B / ex.PVS_W),
    "eq5_w": lambda: "(" + ", ".join(num(w) for w in ex.W) + ")",
    "eq5_x": lambda: "(" + ", ".join(num(x, 3) for x in ex.X) + ")",
    "eq5_b": lambda: num(ex.B),
    "eq5_z": lambda: num(ex.z(), 3),
    "eq5_limit": lambda: num(ex.error_limit(), 4),
    "tangent_dw": lambda: num(ex.FIGURE_DW),
    # Figure 5's point: the tangent's bar is this many per cent longer than the actual change.
    "tangent_overshoot_pct": lambda: str(round(100 * ex.nudge(ex.FIGURE_DW).overshoot)),
    # Neuron 2 of the failure case at c = 1000: 1 − 7.1×10⁻²¹⁸, which float64 rounds to 1.
    "fail_c1000": lambda: prob(ex.failure_path(1000)[1]),
}
