"""The generated tables and prose numbers (scripts/tables.py) agree with snippets and with mpmath."""

from __future__ import annotations

import itertools
import math
import re
import subprocess
import sys

import mpmath
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scripts import examples, tables
from scripts.tables import TABLES, VALUES
from snippets import perceptron, sigmoid, sigmoid_neuron
from snippets.sigmoid import sigmoid_tanh
from tests.helpers import ROOT, exact_sigmoid

_SUPER = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def parse_table(markdown: str) -> tuple[list[str], list[list[str]]]:
    """Return the header cells and body rows of a Markdown table (asserting its shape)."""
    lines = markdown.strip().split("\n")
    assert len(lines) >= 3, markdown
    cells = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]
    assert all(line.startswith("|") and line.endswith("|") for line in lines), markdown
    assert all(re.fullmatch(r":?-+:?", c) for c in cells[1]), f"bad separator row: {lines[1]}"
    assert len({len(row) for row in cells}) == 1, f"rows have different column counts:\n{markdown}"
    return cells[0], cells[2:]


def parse_mp(cell: str) -> mpmath.mpf:
    """Return the number in a table cell such as '−1.37×10⁻⁸', '0.5' or '0 (경고)' as an mpmath number."""
    cell = cell.replace("(경고)", "").replace("\u00a0", " ").replace("−", "-").strip()
    if cell.startswith("1 - "):  # 1 − 4.54×10⁻⁵, a value within 0.001 of 1
        return 1 - parse_mp(cell[4:])
    if "×10" in cell:
        mantissa, exponent = cell.split("×10")
        return mpmath.mpf(mantissa) * mpmath.mpf(10) ** int(exponent.translate(_SUPER))
    return mpmath.mpf(cell)


def gap(cell: str) -> mpmath.mpf:
    """Return x of a cell '1 − x' (a value within 0.001 of 1, printed as its distance from 1)."""
    one, minus, rest = cell.partition("\u00a0−\u00a0")
    assert one == "1" and minus, cell
    return parse_mp(rest)


def parse_num(cell: str) -> float:
    """Return the number in a table cell as a float (values below float64's range become 0)."""
    return float(parse_mp(cell))


@pytest.fixture(autouse=True)
def fifty_digits():
    """Run each test with mpmath at 50 digits (parsing cells, differences of exact values)."""
    with mpmath.workdps(50):
        yield


def close(shown: float | mpmath.mpf, exact: float | mpmath.mpf, sig: int = 3) -> bool:
    """Return whether `shown` equals `exact` to the `sig` significant digits it was printed with."""
    if exact == 0:
        return shown == 0
    return abs(shown - exact) <= mpmath.mpf("0.51") * mpmath.mpf(10) ** (
        int(mpmath.floor(mpmath.log10(abs(exact)))) - sig + 1
    )


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_is_a_valid_markdown_table(name: str) -> None:
    """Every registered table has a separator row and the same number of cells in each row."""
    header, rows = parse_table(TABLES[name]())
    assert rows and all(header)
    assert not any("-" in c and "$" not in c and "`" not in c for row in rows for c in row), "use a true minus −"


@pytest.mark.parametrize("name", sorted(VALUES))
def test_every_value_is_a_short_number_string(name: str) -> None:
    """Every prose number is non-empty, one line, and written with a true minus sign."""
    v = VALUES[name]()
    assert v and "\n" not in v and "-" not in v and len(v) < 40


def test_existing_names_still_work() -> None:
    """docs/index.md uses sigmoid_values and sigmoid_1."""
    assert VALUES["sigmoid_1"]() == "0.7311"
    header, rows = parse_table(TABLES["sigmoid_values"]())
    assert len(rows) == len(examples.SIGMOID_Z)


def test_sigmoid_values_match_mpmath() -> None:
    """σ(z) in the table is σ(z) to four decimals."""
    _, rows = parse_table(TABLES["sigmoid_values"]())
    for z_cell, s_cell in rows:
        z = parse_num(z_cell)
        assert abs(parse_num(s_cell) - float(exact_sigmoid(z))) <= 0.00005 + 1e-12, (z, s_cell)


def test_perceptron_vs_sigmoid() -> None:
    """The perceptron jumps at z = 0 (outputting 0 there); the sigmoid neuron moves smoothly."""
    header, rows = parse_table(TABLES["perceptron_vs_sigmoid"]())
    assert len(header) == 4
    xs = [parse_num(r[0]) for r in rows]
    assert 0.638 in xs and 0.5 in xs
    for x_cell, z_cell, p_cell, s_cell in rows:
        x = parse_num(x_cell)
        z = examples.PVS_W * x + examples.PVS_B
        assert parse_num(z_cell) == pytest.approx(z, abs=5e-4)
        assert int(p_cell) == (1 if z > 0 else 0) == perceptron([examples.PVS_W], [x], examples.PVS_B)
        assert abs(parse_num(s_cell) - float(exact_sigmoid(z))) <= 0.00005 + 1e-12
    assert VALUES["pvs_sigmoid_0638"]() == f"{float(exact_sigmoid(6 * 0.638 - 3)):.3f}"
    assert dict(zip(xs, [r[2] for r in rows], strict=True))[0.5] == "0"


def test_sigmoid_numerics_table() -> None:
    """Textbook form: 0 with a warning below −709.78; tanh form: 0 from −40; sigmoid: right where representable."""
    header, rows = parse_table(TABLES["sigmoid_numerics"]())
    assert len(header) == 5
    for z_cell, naive, tanh, ours, exact in rows:
        z = parse_num(z_cell)
        ref = exact_sigmoid(z)
        assert close(parse_mp(exact), ref), (z, exact, ref)
        assert ("(경고)" in naive) == (-z > math.log(np.finfo(np.float64).max))
        if z >= -709:
            assert close(parse_num(ours), ref)
        assert close(parse_num(ours), float(sigmoid(z)))
        assert parse_num(tanh) == 0 if z <= -40 else close(parse_num(tanh), ref)
    assert [parse_num(r[3]) for r in rows if r[0] == "−40"] == [float(f"{float(exact_sigmoid(-40)):.2e}")]


def test_numerics_values() -> None:
    """The overflow threshold, σ(−40) and where the tanh form becomes exactly 0."""
    assert VALUES["exp_overflow"]() == "709.78"
    assert float(mpmath.log(mpmath.mpf(np.finfo(np.float64).max))) == pytest.approx(709.7827, abs=1e-4)
    assert parse_num(VALUES["sigmoid_minus_40"]()) == pytest.approx(float(exact_sigmoid(-40)), rel=5e-3)
    start = tables.tanh_zero_from()
    assert sigmoid_tanh(start) == 0 and sigmoid_tanh(start + 0.01) > 0
    assert -39 < start < -37
    assert parse_num(VALUES["tanh_relerr_30"]()) > parse_num(VALUES["tanh_relerr_20"]()) * 1000


def test_sigmoid_numerics_generator_raises_no_warning() -> None:
    """The generator silences the overflow it demonstrates (pytest turns warnings into errors)."""
    TABLES["sigmoid_numerics"]()
    with pytest.warns(RuntimeWarning, match="overflow"):
        from snippets.sigmoid import sigmoid_naive

        sigmoid_naive(-800.0)


def test_eq5_check_error_shrinks_like_delta_squared() -> None:
    """Equation (5)'s error is ~Δ²: error/Δ² roughly constant, error ~100× smaller per 10× smaller Δ."""
    nudges = [examples.nudge(d) for d in examples.TABLE_DW]
    z0 = (
        mpmath.fsum(mpmath.mpf(wi) * mpmath.mpf(xi) for wi, xi in zip(examples.W, examples.X, strict=True)) + examples.B
    )
    for n in nudges:
        ref = exact_sigmoid(z0 + mpmath.mpf(n.dw) * mpmath.mpf(examples.X[0])) - exact_sigmoid(z0)
        assert n.exact == pytest.approx(float(ref), rel=1e-8)
        assert n.error == pytest.approx(n.exact - n.linear)
    ratios = [n.error / n.dw**2 for n in nudges]
    for a, b_ in itertools.pairwise(ratios):
        assert 1 / 1.5 < a / b_ < 1.5
    errors = [abs(n.error) for n in nudges]
    for a, b_ in itertools.pairwise(errors):
        assert 50 < a / b_ < 200
    assert ratios[-1] == pytest.approx(examples.error_limit(), rel=0.02)
    _, table_rows = parse_table(TABLES["eq5_check"]())
    assert [parse_num(r[0]) for r in table_rows] == list(examples.TABLE_DW)
    assert [parse_num(r[1]) for r in table_rows] == pytest.approx([n.exact for n in nudges], rel=1e-4)
    assert VALUES["eq5_limit"]() == tables.num(examples.error_limit(), 4)


def test_tangent_overshoot_is_figure_5s_bars() -> None:
    """The per cent the prose cites is the tangent bar's length over the actual change's, minus one."""
    dw = examples.FIGURE_DW
    z0 = (
        mpmath.fsum(mpmath.mpf(wi) * mpmath.mpf(xi) for wi, xi in zip(examples.W, examples.X, strict=True)) + examples.B
    )
    exact = exact_sigmoid(z0 + mpmath.mpf(dw) * mpmath.mpf(examples.X[0])) - exact_sigmoid(z0)
    s = exact_sigmoid(z0)
    linear = s * (1 - s) * mpmath.mpf(examples.X[0]) * dw  # σ′(z) x₁ Δw₁, independently of snippets
    assert VALUES["tangent_overshoot_pct"]() == str(round(float(100 * (linear / exact - 1))))
    assert 0 < int(VALUES["tangent_overshoot_pct"]()) < 100  # the tangent overshoots, visibly but modestly


def test_tables_load_without_matplotlib() -> None:
    """The tables (and the σ tests that import their constants) never load the plotting stack."""
    code = "import sys, scripts.tables; assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_sigmoid_scaled() -> None:
    """σ(c·z): 0.5 at z = 0 for every c, tending to 0 or 1 elsewhere as c grows."""
    header, rows = parse_table(TABLES["sigmoid_scaled"]())
    assert len(header) == 1 + len(examples.SCALED_Z) and len(rows) == len(examples.SCALED_C)
    zero = examples.SCALED_Z.index(0.0) + 1
    assert all(r[zero] == "0.5" for r in rows)
    for r in rows:
        c = parse_num(r[0])
        for z, cell in zip(examples.SCALED_Z, r[1:], strict=True):
            ref = float(exact_sigmoid(c * z))
            assert abs(parse_num(cell) - ref) <= max(0.000005, 0.006 * ref)
    last = rows[-1]
    c = parse_num(last[0])
    assert parse_num(last[1]) < 1e-100 and close(gap(last[-1]), exact_sigmoid(-c * examples.SCALED_Z[-1]))


def test_nand_and_exercise_tables() -> None:
    """NAND truth table; exercise I unchanged for every c; exercise II converges; the failure case."""
    _, rows = parse_table(TABLES["nand_truth"]())
    assert [r[3] for r in rows] == ["1", "1", "1", "0"]
    _, rows = parse_table(TABLES["exercise1_scaling"]())
    for r in rows:
        assert len(set(r[2:])) == 1 and r[2] == str(int(r[0]) ^ int(r[1]))
    _, rows = parse_table(TABLES["exercise2_xor"]())
    for r in rows:
        target = int(r[0]) ^ int(r[1])
        assert int(r[2]) == target
        assert abs(parse_num(r[-1]) - target) < 1e-6 and abs(parse_num(r[3]) - target) > 0.1
    _, rows = parse_table(TABLES["exercise2_failure"]())
    assert rows[0][1:] == ["0", "−0.5", "0"]
    for r in rows[1:]:
        assert r[1] == "0.5" and parse_num(r[2]) > 0
    # float64 rounds neuron 2's output at c = 1000 to 1; the table and the prose print 1 − σ(−500).
    assert examples.failure_path(1000)[2] == 1.0
    assert rows[-1][3] == VALUES["fail_c1000"]() and close(gap(VALUES["fail_c1000"]()), exact_sigmoid(-500.0))
    first, z2, out = examples.failure_path(1e6)
    assert first == 0.5 and out == pytest.approx(1.0) and sigmoid_neuron([1.0], [1.0], -1.0) == 0.5


@pytest.mark.parametrize("name", sorted(tables.TABLE_CELLS))
def test_no_cell_shows_0_or_1_for_another_value(name: str) -> None:
    """A cell reads "0" or "1" only for a value that is exactly 0 or 1 (a bit, a perceptron's output,
    a float64 result that is 0); σ(z), never 0 or 1, reads 1 − 7.12×10⁻²¹⁸ where float64 says 1."""
    table = tables.TABLE_CELLS[name]()
    assert table.markdown() == TABLES[name]()
    for row in table.rows:
        for cell in row:
            if cell.text in ("0", "1"):
                assert cell.exact == int(cell.text), (name, cell)
            if cell.exact is not None and cell.exact not in (0, 1):
                assert cell.text not in ("0", "1", "−0"), (name, cell)


@given(st.floats(-800, 800))
def test_prob_never_rounds_sigma_to_0_or_1(z: float) -> None:
    """prob(z) shows σ(z) to its digits: 1 − x above 0.999, x×10ⁿ below 0.001, never "0" or "1"."""
    text = tables.prob(z)
    assert text not in ("0", "1")
    with mpmath.workdps(400):
        if "\u00a0−\u00a0" in text:
            assert close(gap(text), exact_sigmoid(-z))
        else:
            assert close(parse_mp(text), exact_sigmoid(z), sig=3) or abs(parse_mp(text) - exact_sigmoid(z)) <= 5e-5


def test_exact_sigmoid_keeps_the_gap_to_1() -> None:
    """tables.exact_sigmoid(500) is 1 − 7.12×10⁻²¹⁸, not 1, and agrees with mpmath at 300 digits."""
    with mpmath.workdps(300):
        assert tables.exact_sigmoid(500.0) < 1
        assert close(1 - mpmath.mpf(str(tables.exact_sigmoid(500.0))), exact_sigmoid(-500.0), sig=25)
