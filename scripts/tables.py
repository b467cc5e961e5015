"""Table and number generators: pure functions that return Markdown computed with `snippets`.

`TABLES[name]()` returns a Markdown table for `<!-- table:name -->`, and `VALUES[name]()` a
number for `<!-- value:name -->` in the prose, so text and tables come from the same code.
Only numpy, the standard library, `snippets` and scripts/examples.py (the worked examples this
module shares with the figures) are used here: no matplotlib, and no mpmath or scipy (the tests
check these numbers against mpmath independently).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal, localcontext

import numpy as np

from scripts import examples
from snippets import perceptron, sigmoid, sigmoid_neuron
from snippets.sigmoid import _BLOCK, sigmoid_naive, sigmoid_tanh

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


# ── the data every table is computed from ─────────────────────────────────────────────────────

SIGMOID_Z = (-5, -2, -1, -0.5, 0, 0.5, 1, 2, 5)

# perceptron_vs_sigmoid: one input, threshold at x = 0.5; fractional inputs such as 0.638.
PVS_W, PVS_B = 6.0, -3.0
PVS_X = (0.0, 0.25, 0.49, 0.5, 0.51, 0.638, 0.75, 1.0)

# sigmoid_numerics: where the textbook formula and the tanh form go wrong in float64; the last
# three rows are a subnormal result, the smallest subnormal, and an underflow to 0.
NUMERICS_Z = (-20.0, -40.0, -710.0, -745.0, -800.0)
EXACT_DIGITS = 30  # precision of the decimal reference in that table

# The accuracy snippets.sigmoid guarantees in float64, checked by tests/unit/test_sigmoid.py.
SIGMOID_RTOL, SIGMOID_RTOL_RANGE = 5e-16, 708.0

# sigmoid_scaled: σ(c·z) for growing c (exercise II).
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


# ── helpers ───────────────────────────────────────────────────────────────────────────────────


def exact_sigmoid(z: float) -> Decimal:
    """Return σ(z) to EXACT_DIGITS significant digits with the standard library's decimal module."""
    with localcontext() as ctx:
        ctx.prec = EXACT_DIGITS
        return 1 / (1 + (-Decimal(z)).exp())


def nand(a: float, b: float, c: float = 1.0, neuron: Callable = perceptron) -> float:
    """Return the output of the NAND neuron (weights −2, −2, bias 3, all scaled by c)."""
    return neuron(c * np.array(NAND_W), np.array([a, b], dtype=float), c * NAND_B)


def xor_network(x1: float, x2: float, c: float = 1.0, neuron: Callable = perceptron) -> float:
    """Return the output of XOR built from four NAND neurons, every weight and bias times c."""
    n1 = nand(x1, x2, c, neuron)
    return nand(nand(x1, n1, c, neuron), nand(x2, n1, c, neuron), c, neuron)


def failure_path(c: float | None) -> tuple[float, float, float]:
    """Return (neuron 1 output, neuron 2's z, output) of the failure case; c=None: perceptrons."""
    if c is None:
        first = perceptron([FAIL_W1], [FAIL_X], FAIL_B1)
        z2 = FAIL_W2 * first + FAIL_B2
        return first, z2, perceptron([FAIL_W2], [first], FAIL_B2)
    first = sigmoid_neuron([c * FAIL_W1], [FAIL_X], c * FAIL_B1)
    z2 = c * (FAIL_W2 * first + FAIL_B2)
    return first, z2, sigmoid_neuron([c * FAIL_W2], [first], c * FAIL_B2)


def tanh_zero_from() -> float:
    """Return the largest z (step 0.01, searching down from −30) where the tanh form gives exactly 0."""
    z = np.round(np.arange(-30.0, -50.0, -0.01), 2)
    return float(z[np.argmax(sigmoid_tanh(z) == 0)])


def tanh_relative_error(z: float) -> float:
    """Return the relative error of the tanh form at z, against snippets.sigmoid."""
    return abs(float(sigmoid_tanh(z)) / float(sigmoid(z)) - 1)


# ── tables ────────────────────────────────────────────────────────────────────────────────────


def sigmoid_values() -> str:
    """σ(z) for a few z, the values a reader can check against Figure C."""
    z = np.array(SIGMOID_Z, dtype=float)
    return markdown_table(["$z$", r"$\sigma(z)$"], [[num(a), num(s)] for a, s in zip(z, sigmoid(z))])


def perceptron_vs_sigmoid() -> str:
    """Return perceptron and sigmoid-neuron outputs for one w, b and several inputs x."""
    rows = []
    for x in PVS_X:
        z = PVS_W * x + PVS_B
        rows.append([num(x, 3), num(z, 3), str(perceptron([PVS_W], [x], PVS_B)), num(sigmoid_neuron([PVS_W], [x], PVS_B))])
    return markdown_table(["입력 $x$", "$z = wx+b$", "퍼셉트론", "시그모이드 뉴런"], rows)


def sigmoid_numerics() -> str:
    """Return σ(z) in float64 by three formulas next to the exact value, for very negative z."""
    rows = []
    for z in NUMERICS_Z:
        with np.errstate(over="ignore"):  # the textbook formula overflows here; that is the point
            overflow = bool(np.isinf(np.exp(-z)))
            naive = float(sigmoid_naive(z))
        rows.append(
            [
                num(z),
                sci(naive) + (" (경고)" if overflow else ""),
                sci(float(sigmoid_tanh(z))),
                sci(float(sigmoid(z))),
                sci(exact_sigmoid(z)),
            ]
        )
    return markdown_table(["$z$", "교과서 식", "tanh 식", "`sigmoid`", "참값"], rows)


def eq5_check() -> str:
    """Return the exact change of the example neuron's output next to equation (5)'s linear estimate."""
    nudges = [examples.nudge(d) for d in examples.TABLE_DW]
    rows = [[num(n.dw, 3), plain(n.exact), plain(n.linear), sci(n.error), plain(n.error / n.dw**2, 3)] for n in nudges]
    header = [r"$\Delta w_1$", "실제 변화", "식 (5)의 추정", "오차", r"오차 $/\,\Delta w_1^2$"]
    return markdown_table(header, rows)


def _prob(v: float) -> str:
    """Return a value in [0, 1] with five decimals, or with an exponent when below 0.001."""
    return sci(v) if 0 < v < 1e-3 else num(v, 5)


def sigmoid_scaled() -> str:
    """Return σ(c·z) for growing c (rows) and a few z near 0 (columns)."""
    header = ["$c$", *[f"$z={num(z)}$".replace("−", "-") for z in SCALED_Z]]
    rows = [[num(c), *[_prob(float(sigmoid(c * z))) for z in SCALED_Z]] for c in SCALED_C]
    return markdown_table(header, rows)


def nand_truth() -> str:
    """Return the truth table of the NAND perceptron (weights −2, −2, bias 3)."""
    rows = []
    for a, b in BITS:
        z = float(np.dot(NAND_W, (a, b)) + NAND_B)
        rows.append([str(a), str(b), num(z), str(perceptron(np.array(NAND_W), np.array([a, b]), NAND_B))])
    return markdown_table(["$x_1$", "$x_2$", "$z = w \\cdot x + b$", "출력"], rows)


def exercise1_scaling() -> str:
    """Return the XOR-of-NANDs perceptron network's output with every weight and bias times c."""
    header = ["$x_1$", "$x_2$", *[f"$c={num(c)}$" for c in EXERCISE1_C]]
    rows = [[str(a), str(b), *[str(xor_network(a, b, c)) for c in EXERCISE1_C]] for a, b in BITS]
    return markdown_table(header, rows)


def exercise2_xor() -> str:
    """Return the XOR network of perceptrons next to the same network of sigmoid neurons times c."""
    header = ["$x_1$", "$x_2$", "퍼셉트론", *[f"$c={c}$" for c in EXERCISE2_C]]
    rows = [
        [str(a), str(b), str(xor_network(a, b)), *[num(xor_network(a, b, c, sigmoid_neuron)) for c in EXERCISE2_C]]
        for a, b in BITS
    ]
    return markdown_table(header, rows)


def exercise2_failure() -> str:
    """Return the failure case of exercise II: perceptrons against sigmoid neurons times c."""
    rows = []
    for c in (None, *FAIL_C):
        first, z2, out = failure_path(c)
        rows.append(["퍼셉트론" if c is None else f"시그모이드, $c={c}$", num(first), num(z2), num(out)])
    return markdown_table(["네트워크", "뉴런 1의 출력", "뉴런 2의 $z$", "뉴런 2의 출력"], rows, "lrrr")


TABLES: dict[str, Callable[[], str]] = {
    "sigmoid_values": sigmoid_values,
    "perceptron_vs_sigmoid": perceptron_vs_sigmoid,
    "sigmoid_numerics": sigmoid_numerics,
    "eq5_check": eq5_check,
    "sigmoid_scaled": sigmoid_scaled,
    "nand_truth": nand_truth,
    "exercise1_scaling": exercise1_scaling,
    "exercise2_xor": exercise2_xor,
    "exercise2_failure": exercise2_failure,
}

# ── numbers quoted in the prose ───────────────────────────────────────────────────────────────

VALUES: dict[str, Callable[[], str]] = {
    "sigmoid_1": lambda: num(float(sigmoid(1.0))),
    "pvs_w": lambda: num(PVS_W),
    "pvs_b": lambda: num(PVS_B),
    "pvs_z_0638": lambda: num(PVS_W * 0.638 + PVS_B, 3),
    "pvs_sigmoid_0638": lambda: num(sigmoid_neuron([PVS_W], [0.638], PVS_B), 3),
    "pvs_sigmoid_049": lambda: num(sigmoid_neuron([PVS_W], [0.49], PVS_B), 3),
    "pvs_sigmoid_051": lambda: num(sigmoid_neuron([PVS_W], [0.51], PVS_B), 3),
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
    # snippets.sigmoid keeps the textbook formula for a block unless some z < −sigmoid_switch.
    "sigmoid_switch": lambda: num(np.log(np.finfo(np.float64).max) // 1),
    "sigmoid_switch_float32": lambda: num(np.log(np.finfo(np.float32).max) // 1),
    "sigmoid_block": lambda: str(_BLOCK),
    "exact_digits": lambda: str(EXACT_DIGITS),
    "numerics_z_subnormal": lambda: num(NUMERICS_Z[2]),
    "numerics_z_smallest": lambda: num(NUMERICS_Z[3]),
    "numerics_z_zero": lambda: num(NUMERICS_Z[4]),
    "sigmoid_rtol": lambda: sci(SIGMOID_RTOL, 1),
    "sigmoid_rtol_range": lambda: num(SIGMOID_RTOL_RANGE),
    "pvs_x0": lambda: num(-PVS_B / PVS_W),
    "eq5_w": lambda: "(" + ", ".join(num(w) for w in examples.W) + ")",
    "eq5_x": lambda: "(" + ", ".join(num(x, 3) for x in examples.X) + ")",
    "eq5_b": lambda: num(examples.B),
    "eq5_z": lambda: num(examples.z(), 3),
    "eq5_limit": lambda: num(examples.error_limit(), 4),
    "tangent_dw": lambda: num(examples.FIGURE_DW),
    # Figure 5's point: the tangent's bar is this many per cent longer than the actual change.
    "tangent_overshoot_pct": lambda: str(round(100 * examples.nudge(examples.FIGURE_DW).overshoot)),
    "fail_c1000": lambda: num(failure_path(1000)[2]),
}
