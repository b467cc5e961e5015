"""Checks for snippets/sigmoid.py: the claims the page makes about σ, σ′ and the step function.

Also checks the rules every snippets/*.py follows: numpy and the standard library only, nothing
run at import time, and balanced `--8<--` section markers.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import warnings
from pathlib import Path

import mpmath
import numpy as np
import pytest
import scipy.special
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import snippets
from scripts.examples import SIGMOID_RTOL, SIGMOID_RTOL_RANGE
from scripts.sections import sections
from snippets.sigmoid import _BLOCK, sigmoid, sigmoid_naive, sigmoid_prime, sigmoid_tanh, step
from tests.helpers import ROOT, exact_sigmoid

SNIPPETS = sorted((ROOT / "snippets").glob("*.py"))
FUNCS = [sigmoid, sigmoid_prime, step]
FLOAT_DTYPES = [np.float16, np.float32, np.float64]

# Relative-error bounds against the exact value on [-RANGE, RANGE] in float64 (measured maxima:
# about 3.2e-16 for sigmoid, 5.3e-16 for sigmoid_prime; scipy.special.expit reaches 2.5e-16).
# SIGMOID_RTOL and RANGE are the constants the chapter prints, so page and test cannot disagree.
RANGE = SIGMOID_RTOL_RANGE
SIGMOID_PRIME_RTOL = 1e-15

finite64 = st.floats(allow_nan=False, allow_infinity=False)
moderate = st.floats(-RANGE, RANGE)
FAST = settings(max_examples=200, deadline=None)


def exact_sigmoid_prime(z: float) -> mpmath.mpf:
    """Return σ′(z) = e/(1 + e)² with e = exp(-|z|) at 50 significant digits."""
    with mpmath.workdps(50):
        e = mpmath.exp(-abs(mpmath.mpf(z)))
        return e / (1 + e) ** 2


def rel_error(got: float, exact: mpmath.mpf) -> float:
    """Return |got - exact| / exact, computed in mpmath so that only `got` carries rounding."""
    with mpmath.workdps(50):
        return float(abs(mpmath.mpf(float(got)) - exact) / exact)


@pytest.fixture(scope="module")
def grid() -> np.ndarray:
    """Return a dense float64 grid over [-RANGE, RANGE], denser where σ changes fastest."""
    rng = np.random.default_rng(20240601)
    return np.concatenate([np.linspace(-RANGE, RANGE, 14161), np.linspace(-40, 40, 4001), rng.uniform(-40, 40, 2000)])


# ── Values, bounds, shape of the curve ────────────────────────────────────────────────────────


def test_known_values() -> None:
    assert sigmoid(0.0) == 0.5
    assert sigmoid_prime(0.0) == 0.25
    assert sigmoid(np.inf) == 1.0 and sigmoid(-np.inf) == 0.0
    assert sigmoid_prime(np.inf) == 0.0 and sigmoid_prime(-np.inf) == 0.0
    np.testing.assert_allclose(sigmoid([-1.0, 1.0]), [1 / (1 + np.e), 1 / (1 + 1 / np.e)], rtol=1e-15)


@FAST
@given(finite64)
def test_bounds(z: float) -> None:
    s = sigmoid(z)
    assert 0.0 <= s <= 1.0
    assert 0.0 <= sigmoid_prime(z) <= 0.25


@FAST
@given(st.floats(-36, 36))
def test_strictly_between_0_and_1_for_moderate_z(z: float) -> None:
    assert 0.0 < sigmoid(z) < 1.0
    assert 0.0 < sigmoid_prime(z) <= 0.25


@FAST
@given(st.lists(st.floats(allow_nan=False), min_size=2, max_size=50))
def test_monotone(zs: list[float]) -> None:
    s = sigmoid(np.sort(zs))
    assert np.all(np.diff(s) >= 0)


def test_monotone_on_dense_grid(grid: np.ndarray) -> None:
    z = np.sort(np.concatenate([grid, np.linspace(-800, 800, 100001)]))
    assert np.all(np.diff(sigmoid(z)) >= 0)
    assert np.all(np.diff(sigmoid(z.astype(np.float32))) >= 0)


@FAST
@given(finite64)
def test_symmetry(z: float) -> None:
    # σ(-z) = 1 - σ(z); the subtraction is exact for σ(z) ≥ 1/2, so only σ's own rounding shows.
    assert abs(sigmoid(-z) - (1 - sigmoid(z))) <= 2 * np.finfo(np.float64).eps
    assert sigmoid_prime(-z) == sigmoid_prime(z)


@FAST
@given(st.floats(width=32, allow_nan=False))
def test_symmetry_float32(z: float) -> None:
    z32 = np.float32(z)
    assert abs(sigmoid(-z32) - (np.float32(1) - sigmoid(z32))) <= 2 * np.finfo(np.float32).eps


# ── Accuracy: exact reference (mpmath) and scipy.special.expit ───────────────────────────────


@FAST
@given(moderate)
def test_sigmoid_matches_exact_value(z: float) -> None:
    assert rel_error(sigmoid(z), exact_sigmoid(z)) <= SIGMOID_RTOL


@FAST
@given(moderate)
def test_sigmoid_prime_matches_exact_value(z: float) -> None:
    assert rel_error(sigmoid_prime(z), exact_sigmoid_prime(z)) <= SIGMOID_PRIME_RTOL


def test_accuracy_on_dense_grid(grid: np.ndarray) -> None:
    s, sp, expit = sigmoid(grid), sigmoid_prime(grid), scipy.special.expit(grid)
    err = max(rel_error(g, exact_sigmoid(z)) for g, z in zip(s, grid, strict=True))
    err_prime = max(rel_error(g, exact_sigmoid_prime(z)) for g, z in zip(sp, grid, strict=True))
    err_expit = max(rel_error(g, exact_sigmoid(z)) for g, z in zip(expit, grid, strict=True))
    assert err <= SIGMOID_RTOL, err
    assert err_prime <= SIGMOID_PRIME_RTOL, err_prime
    # As accurate as expit: within a couple of units in the last place of expit's own error.
    assert err <= err_expit + 2 * np.finfo(np.float64).eps, (err, err_expit)


def test_float32_matches_exact_value() -> None:
    z = np.linspace(-87, 87, 3481, dtype=np.float32)
    err = max(rel_error(g, exact_sigmoid(float(v))) for g, v in zip(sigmoid(z), z, strict=True))
    assert err <= 3 * np.finfo(np.float32).eps, err


def ulp_error(got: float, exact: mpmath.mpf, dtype: type) -> float:
    """Return |got - exact| in units in the last place of `dtype` at the exact value."""
    info = np.finfo(dtype)
    with mpmath.workdps(50):
        ulp = max(
            mpmath.mpf(2) ** (mpmath.floor(mpmath.log(exact, 2)) - info.nmant),
            mpmath.mpf(float(info.smallest_subnormal)),
        )
        return float(abs(mpmath.mpf(float(got)) - exact) / ulp)


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_float32_and_float16_results_are_correctly_rounded(dtype: type) -> None:
    # Computed in float64 and rounded once to the dtype: within 0.5 ulp on a fixed sample that
    # runs from the subnormal results to those that round to 1.
    rng = np.random.default_rng(18)
    lo = -103.9 if dtype == np.float32 else -17.3
    z = np.concatenate([rng.uniform(lo, 20, 4000), rng.uniform(-20, 20, 4000)]).astype(dtype)
    s = sigmoid(z)
    worst = max(ulp_error(g, exact_sigmoid(float(v)), dtype) for g, v in zip(s, z, strict=True))
    assert worst <= 0.5, worst


def test_float32_in_float64_beats_expit_where_float32_throughout_does_not() -> None:
    # The code page's reason for computing float32 in float64, on a fixed sample: sigmoid stays within
    # 0.5 ulp, below expit's worst error, while the same formula in float32 throughout (sigmoid_naive,
    # with numpy's float32 exp) is worse than expit, at negative z, where exp's error passes into σ.
    from scripts.tools.bench_sigmoid import exact, ulp_errors

    z = np.random.default_rng(18).uniform(-20, 20, 20_000).astype(np.float32)
    hi, lo = exact(z)
    results = {f: np.asarray(f(z)) for f in (sigmoid, scipy.special.expit, sigmoid_naive)}
    assert all(r.dtype == np.float32 for r in results.values())
    ours, expit, float32_only = (ulp_errors(r, hi, lo, np.float32) for r in results.values())
    assert ours.max() <= 0.5 < expit.max(), (ours.max(), expit.max())
    assert float32_only[z < 0].max() > expit.max() >= float32_only[z >= 0].max(), (float32_only.max(), expit.max())


@pytest.mark.parametrize(("dtype", "lo", "rtol"), [(np.float64, -RANGE, SIGMOID_RTOL), (np.float32, -87, 5e-7)])
def test_agrees_with_expit(dtype: type, lo: float, rtol: float) -> None:
    rng = np.random.default_rng(7)
    z = np.concatenate([rng.uniform(lo, -lo, 200_000), rng.uniform(-40, 40, 200_000)]).astype(dtype)
    s, ref = sigmoid(z), scipy.special.expit(z)
    assert s.dtype == ref.dtype == dtype
    assert np.max(np.abs(s / ref - 1)) <= rtol


@pytest.mark.parametrize("z", [-709.5, -720.0, -745.0])
def test_keeps_subnormal_results_that_expit_flushes(z: float) -> None:
    # Below about -709.78 expit returns 0; σ(z) is still a (subnormal) positive float64.
    s = sigmoid(z)
    assert 0 < s < np.finfo(np.float64).tiny
    assert s == float(exact_sigmoid(z))


# ── dtypes and return types ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("func", FUNCS)
@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
def test_float_dtype_is_kept(func, dtype: type) -> None:
    z = np.array([-3.0, -0.5, 0.0, 2.0], dtype=dtype)
    out = func(z)
    assert isinstance(out, np.ndarray) and out.dtype == dtype and out.shape == z.shape
    scalar = func(dtype(1.5))
    assert type(scalar) is dtype


@pytest.mark.parametrize("func", FUNCS)
@pytest.mark.parametrize("dtype", [np.bool_, np.int8, np.uint16, np.int32, np.int64, np.uint64])
def test_ints_and_bools_become_float64(func, dtype: type) -> None:
    out = func(np.array([0, 1, 1], dtype=dtype))
    assert out.dtype == np.float64
    assert type(func(dtype(1))) is np.float64


@pytest.mark.parametrize("func", FUNCS)
@pytest.mark.parametrize("z", [0, 3, -2.5, True, 1e300])
def test_python_scalars_give_numpy_float64_scalars(func, z: float) -> None:
    out = func(z)
    assert type(out) is np.float64
    assert type(func(np.array(z))) is np.float64  # 0-d in, scalar out


@pytest.mark.parametrize("func", FUNCS)
def test_lists_and_shapes(func) -> None:
    z = [[-1.0, 0.0, 1.0], [2.0, 3.0, 4.0]]
    out = func(z)
    assert isinstance(out, np.ndarray) and out.shape == (2, 3) and out.dtype == np.float64
    np.testing.assert_array_equal(out, func(np.asarray(z).T).T)  # non-contiguous input


def test_large_arrays_cross_block_boundaries() -> None:
    rng = np.random.default_rng(1)
    z = rng.uniform(-50, 50, (7, 30_001))
    z[3, 12_345] = -800.0  # a tail value, whose exp(-z) would overflow, among ordinary ones
    np.testing.assert_allclose(sigmoid(z), scipy.special.expit(z), rtol=5e-16, atol=0)
    np.testing.assert_allclose(sigmoid(z[:, ::3]), scipy.special.expit(z[:, ::3]), rtol=5e-16, atol=0)
    assert sigmoid(z)[3, 12_345] == float(exact_sigmoid(-800.0)) == 0.0


# ── The same value for an element whatever its neighbours ─────────────────────────────────────

# Values whose exp(-z) overflows (z < -709 in float64, -88 in float32), whose σ is subnormal, that
# are infinite or nan, or ordinary: an array of one ordinary value with a few of these at drawn
# places, long enough to cross the block size sigmoid() uses internally (16,384 until issue 18).
TAILS = st.one_of(
    st.floats(-3e38, -709.0),  # float32 holds them too
    st.floats(-745.2, -700.0),
    st.floats(-110.0, -85.0),
    st.floats(85.0, 1e30),
    st.sampled_from([-np.inf, np.inf, np.nan]),
)
ORDINARY = st.floats(-40.0, 40.0)


@settings(max_examples=60, deadline=None)
@example(dtype=np.float64, fill=-4.1535596244277855, size=20_000, placed=[(16_389 / 20_000, -800.0)])  # the issue's
@example(dtype=np.float64, fill=1.0, size=16_385, placed=[(0.5, np.nan), (0.25, -720.0)])  # min() is nan
@example(dtype=np.float32, fill=-3.0, size=_BLOCK + 2, placed=[(0.99999, -720.0)])  # a tail in the 2nd block
@given(
    dtype=st.sampled_from([np.float64, np.float32]),
    fill=ORDINARY,
    size=st.integers(16_385, 3 * _BLOCK),
    placed=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.one_of(TAILS, ORDINARY)), min_size=1, max_size=5),
)
def test_each_element_gets_its_own_value_whatever_its_neighbours(
    dtype: type, fill: float, size: int, placed: list[tuple[float, float]]
) -> None:
    z = np.full(size, fill, dtype=dtype)
    at = [int(where * size) for where, _ in placed]
    z[at] = [value for _, value in placed]
    s = sigmoid(z)
    alone = sigmoid(dtype(fill))
    others = np.ones(size, dtype=bool)
    others[at] = False
    assert np.all(s[others] == alone), (dtype, fill, [repr(v) for v in np.unique(s[others])], repr(alone))
    for i in {*at, 0, size - 1}:
        one = [sigmoid(z[i]), sigmoid(np.array(z[i])), sigmoid(z[i : i + 1])[0]]
        if dtype == np.float64:
            one.append(sigmoid(float(z[i])))  # a Python float is a float64
        for value in one:
            assert np.array_equal(s[i], value, equal_nan=True), (i, z[i], s[i], value)


def test_issue_18_example_gives_one_value() -> None:
    # 20,000 copies of one value with -800 at index 16389: every copy used to get 0.015465463145074201
    # in the first 16,384-element block and …198 in the second, which the -800 switched formulas.
    z = np.full(20_000, -4.1535596244277855)
    z[16_389] = -800.0
    s = np.delete(sigmoid(z), 16_389)
    assert np.all(s == sigmoid(-4.1535596244277855)) and np.all(s == sigmoid(z[:1])[0])


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_a_nan_does_not_hide_a_tail_value(dtype: type) -> None:
    # The min of an array with a nan is nan: that must not skip the formula for z < -709.
    z = np.array([-720.0, np.nan, -3.0, -np.inf, 800.0], dtype=dtype)
    s = sigmoid(z)
    for i in range(len(z)):
        assert np.array_equal(s[i], sigmoid(z[i]), equal_nan=True), (i, s[i], sigmoid(z[i]))
    assert dtype == np.float32 or s[0] == float(exact_sigmoid(-720.0)) > 0


@settings(max_examples=60, deadline=None)
@given(
    hnp.arrays(
        st.sampled_from(FLOAT_DTYPES),
        hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=6),
        elements={"allow_nan": False},
    )
)
def test_arrays_of_any_float_dtype(z: np.ndarray) -> None:
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        for func in FUNCS:
            out = func(z)
            assert np.asarray(out).dtype == z.dtype and np.shape(out) == z.shape
            assert np.all((0 <= out) & (out <= 1))


# ── No warnings, ever; nan in, nan out ────────────────────────────────────────────────────────

EXTREMES = [
    np.inf,
    -np.inf,
    1e308,
    -1e308,
    np.finfo(np.float64).max,
    -np.finfo(np.float64).max,
    5e-324,
    -5e-324,
    -709.78,
    -745.2,
    0.0,
    -0.0,
    np.float16(65504),
    np.float16(-65504),
    np.float16(6e-8),
    np.float32(3.4e38),
    np.float32(-3.4e38),
    np.float32(-103.0),
    np.array([], dtype=np.float64),
    np.array([], dtype=np.float16),
    np.array([], dtype=np.int64).reshape(0, 3),
    np.array([np.inf, -np.inf, np.nan, -1e308, 1e308, 0.0]),
    np.array([np.inf, -np.inf, np.nan, -65504, 65504], dtype=np.float16),
]


@pytest.mark.parametrize("func", FUNCS)
@pytest.mark.parametrize("z", EXTREMES, ids=repr)
def test_no_warnings_or_floating_point_errors(func, z) -> None:
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        out = func(z)
    assert np.all(np.isnan(out) | ((0 <= out) & (out <= 1)))


@pytest.mark.parametrize(
    ("func", "z", "exact"),
    [
        (sigmoid, -10.0, exact_sigmoid),
        (sigmoid, -16.0, exact_sigmoid),
        (sigmoid, -17.0, exact_sigmoid),
        (sigmoid_prime, 10.0, exact_sigmoid_prime),
        (sigmoid_prime, -16.0, exact_sigmoid_prime),
    ],
)
def test_float16_results_below_its_normal_range_do_not_raise(func, z: float, exact) -> None:
    # Regression: σ(float16(-10)) ≈ 4.5e-5 is a float16 subnormal, and the cast back from the
    # float32 working precision raised "underflow encountered in cast" under errstate(all="raise").
    z16 = np.float16(z)
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        out = func(z16)
        arr = func(np.array([z16, 0.0, -z16], dtype=np.float16))
    assert type(out) is np.float16 and out == np.float16(float(exact(z)))
    assert 0 <= out < np.finfo(np.float16).smallest_normal
    assert arr.dtype == np.float16 and arr[0] == out


@pytest.mark.parametrize("func", FUNCS)
@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
def test_nan_gives_nan(func, dtype: type) -> None:
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        assert np.isnan(func(dtype(np.nan)))
        out = func(np.array([np.nan, 1.0, -np.nan], dtype=dtype))
    assert np.isnan(out[0]) and np.isnan(out[2]) and not np.isnan(out[1])


# ── The step function ─────────────────────────────────────────────────────────────────────────


def test_step_at_zero_is_zero() -> None:
    # Rule (2) of the book: the perceptron outputs 0 when w·x + b = 0, so step(0) = 0.
    assert step(0.0) == 0.0 and step(-0.0) == 0.0 and step(0) == 0.0
    np.testing.assert_array_equal(step([-np.inf, -1.0, 0.0, 5e-324, 1.0, np.inf]), [0, 0, 0, 1, 1, 1])


@FAST
@given(st.floats(allow_nan=False))
def test_step_is_one_exactly_where_z_is_positive(z: float) -> None:
    assert step(z) == (1.0 if z > 0 else 0.0)


# ── Bad input ─────────────────────────────────────────────────────────────────────────────────

BAD = [
    ("abc", "str"),
    (None, "NoneType"),
    (1 + 2j, "complex"),
    (np.complex128(1j), "complex128"),
    (np.array([1.0, 2j]), r"ndarray of dtype complex128"),
    (np.array([1.0, None], dtype=object), "ndarray of dtype object"),
    (np.array([1.0, 2.0], dtype=object), "ndarray of dtype object"),
    (["a", "b"], "list of dtype <U1"),
    (np.datetime64("2024-01-01"), "datetime64"),
]


@pytest.mark.parametrize("func", FUNCS)
@pytest.mark.parametrize(("z", "got"), BAD, ids=[b[1] for b in BAD])
def test_type_errors_name_argument_and_type(func, z, got: str) -> None:
    message = rf"^{func.__name__}\(\): argument 'z' must be a real number or array of real numbers, got {got}$"
    with pytest.raises(TypeError, match=message):
        func(z)


# ── The counter-examples shown in the numerics note ───────────────────────────────────────────


def test_naive_formula_overflows_and_warns() -> None:
    with pytest.warns(RuntimeWarning, match="overflow"):
        assert sigmoid_naive(-1000.0) == 0.0
    assert sigmoid(-1000.0) == 0.0  # σ(-1000) ≈ 5e-435 is below the smallest float64 too,
    assert sigmoid(-740.0) > 0  # but here the naive formula still loses what sigmoid() keeps
    with pytest.warns(RuntimeWarning, match="overflow"):
        assert sigmoid_naive(-740.0) == 0.0


def test_tanh_formula_cancels_for_negative_z() -> None:
    assert sigmoid_tanh(-40.0) == 0.0 and sigmoid(-40.0) > 0
    assert rel_error(sigmoid(-40.0), exact_sigmoid(-40.0)) <= SIGMOID_RTOL
    assert rel_error(sigmoid_tanh(-30.0), exact_sigmoid(-30.0)) > 1e-4
    assert rel_error(sigmoid_tanh(1.0), exact_sigmoid(1.0)) <= 1e-15  # fine for positive z


def test_counter_examples_are_not_exported() -> None:
    assert "sigmoid_naive" not in snippets.__all__ and "sigmoid_tanh" not in snippets.__all__
    assert not hasattr(snippets, "sigmoid_naive") and not hasattr(snippets, "sigmoid_tanh")


# ── Rules for every snippets/*.py ─────────────────────────────────────────────────────────────

ALLOWED_TOP_LEVEL = {"numpy"} | set(sys.stdlib_module_names)


def _is_sibling_import(node: ast.If, siblings: set[str]) -> bool:
    """Return True for `if __package__: from .m import a  else: from m import a`, m a sibling file.

    It picks the import from how the module was loaded, so no relative import is ever tried
    outside a package (that raises ImportWarning under `python -W error`)."""
    if not (isinstance(node.test, ast.Name) and node.test.id == "__package__"):
        return False
    if len(node.body) != 1 or len(node.orelse) != 1:
        return False
    rel, absolute = node.body[0], node.orelse[0]
    if not (isinstance(rel, ast.ImportFrom) and rel.level == 1 and rel.module in siblings):
        return False
    if not isinstance(absolute, ast.ImportFrom):
        return False
    same_names = sorted(a.name for a in absolute.names) == sorted(a.name for a in rel.names)
    return absolute.level == 0 and absolute.module == rel.module and same_names


def _is_constant_expression(node: ast.expr) -> bool:
    allowed = (ast.Constant, ast.BinOp, ast.UnaryOp, ast.Tuple, ast.List, ast.operator, ast.unaryop, ast.Load)
    return all(isinstance(n, allowed) for n in ast.walk(node))


@pytest.mark.parametrize("path", [p for p in SNIPPETS if p.name != "__init__.py"], ids=lambda p: p.name)
def test_module_imports_only_numpy_and_stdlib(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    siblings = {p.stem for p in SNIPPETS} - {"__init__", path.stem}
    for node in tree.body:
        if isinstance(node, ast.If):
            assert _is_sibling_import(node, siblings), f"{path.name}:{node.lineno}: only the sibling import"
            assert "Copy sigmoid.py next to this file" in (ast.get_docstring(tree) or "")
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.Import):
                assert all(a.name.split(".")[0] in ALLOWED_TOP_LEVEL for a in sub.names), ast.dump(sub)
            elif isinstance(sub, ast.ImportFrom):
                assert sub.level == 0 and sub.module.split(".")[0] in ALLOWED_TOP_LEVEL, ast.dump(sub)


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: p.name)
def test_nothing_runs_at_import_time(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    for i, node in enumerate(tree.body):
        if i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the module docstring
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef)):
            continue
        if isinstance(node, ast.If) and all(isinstance(n, ast.ImportFrom) for n in [*node.body, *node.orelse]):
            continue  # the sibling import, checked above
        assert isinstance(node, (ast.Assign, ast.AnnAssign)), f"{path.name}:{node.lineno} runs code"
        assert node.value is not None and _is_constant_expression(node.value), f"{path.name}:{node.lineno}"


def test_importing_prints_nothing() -> None:
    code = "import snippets, snippets.sigmoid, snippets.neuron"
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: p.name)
def test_section_markers_are_balanced(path: Path) -> None:
    sections(path.read_text("utf-8"))  # raises SectionError naming the section and line


def test_every_shown_function_has_its_section() -> None:
    expected = {
        "sigmoid.py": {
            "imports",
            "as_float_array",
            "sigmoid",
            "sigmoid_prime",
            "step",
            "sigmoid_naive",
            "sigmoid_tanh",
        },
        "neuron.py": {
            "imports",
            "neuron_args",
            "perceptron",
            "sigmoid_neuron",
            "output_gradient",
            "linear_output_change",
        },
    }
    for name, expected_sections in expected.items():
        text = (ROOT / "snippets" / name).read_text("utf-8")
        found = sections(text)
        assert set(found) == expected_sections, (name, set(found))
        for section in expected_sections - {"imports"}:
            body = found[section]
            assert re.search(rf"^def _?{section}\(", body, re.M), f"{name}: [{section}] lacks its def"


@pytest.mark.parametrize(
    ("dtype", "z"), [(np.float64, [-30.0, -3.0, 0.5, 30.0, -720.0]), (np.float32, [-3.0, 0.5, -95.0])]
)
def test_benchmark_counts_ulps_right(dtype: type, z: list[float]) -> None:
    # make bench's accuracy table: the correctly rounded σ(z) is within 0.5 ulp, the next float
    # up is more than 0.5 and at most 1.5 ulp away, also where σ(z) is subnormal (there, unscaled,
    # the exact value's low part was rounded away and every error came out as 0 or 1).
    from scripts.tools.bench_sigmoid import exact, ulp_errors

    zs = np.array(z, dtype=dtype)
    hi, lo = exact(zs)
    rounded = np.array([float(exact_sigmoid(float(v))) for v in zs]).astype(dtype)
    err = ulp_errors(rounded, hi, lo, dtype)
    assert np.all((0 < err) & (err <= 0.5)), err  # σ(z) is never a float itself: the error is not 0
    up = ulp_errors(np.nextafter(rounded, dtype(1)), hi, lo, dtype)
    assert np.all((0.5 < up) & (up <= 1.5)), up
