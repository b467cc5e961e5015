"""The browser playground (docs/playground.md): its numbers agree with snippets/, in a real browser."""

from __future__ import annotations

import numpy as np
import pytest

from snippets import linear_output_change, output_gradient, perceptron, sigmoid, sigmoid_neuron
from tests.helpers import assert_clean

RANGES = ("x1", "x2", "w1", "w2", "b", "c")
OUTPUTS = ("z", "sigmoid", "perceptron", "delta-exact", "delta-linear")
DEFAULTS = {"x1": 0.638, "x2": 0.2, "w1": 2.0, "w2": -1.0, "b": -0.3, "c": 1.0, "dw": 0.1}
TOL = 1e-6

# Settings on the sliders' grids (x: 0.001, w and b: 0.01, c: 1), chosen to cover z of both
# signs, saturation (|c·z| large), negative and tiny Δw, and large c.
SETTINGS = [
    {"x1": 0.9, "x2": 0.1, "w1": -3.5, "w2": 4.25, "b": 1.5, "c": 1, "dw": 0.1},
    {"x1": 0.25, "x2": 0.75, "w1": 1.2, "w2": -0.8, "b": 0.05, "c": 7, "dw": -0.25},
    {"x1": 1.0, "x2": 1.0, "w1": -5, "w2": -5, "b": -5, "c": 100, "dw": 0.5},
    {"x1": 0.333, "x2": 0.0, "w1": 4.99, "w2": 0.0, "b": -1.66, "c": 3, "dw": 0.001},
    {"x1": 0.001, "x2": 0.999, "w1": 0.01, "w2": 5, "b": -4.99, "c": 50, "dw": 1},
]


def expected(v: dict[str, float]) -> dict[str, float]:
    """Return what the playground must show for slider values `v`, computed with snippets."""
    w, x, b, c, dw = np.array([v["w1"], v["w2"]]), np.array([v["x1"], v["x2"]]), v["b"], v["c"], v["dw"]
    out = sigmoid_neuron(c * w, x, c * b)
    assert out == pytest.approx(float(sigmoid(c * (w @ x + b))), abs=1e-12)
    grad_w, grad_b = output_gradient(c * w, x, c * b)
    linear = linear_output_change(c * w, x, c * b, np.array([c * dw, 0.0]), 0.0)
    assert linear == pytest.approx(float(grad_w[0]) * c * dw, abs=1e-12)
    return {
        "z": float(w @ x + b),
        "sigmoid": out,
        "perceptron": perceptron(w, x, b),
        "delta-exact": sigmoid_neuron(c * np.array([v["w1"] + dw, v["w2"]]), x, c * b) - out,
        "delta-linear": linear,
    }


def set_values(page, **values: float) -> None:
    """Set controls by name as a script would, each followed by the `input` event a user causes."""
    page.evaluate(
        """values => {
            const root = document.querySelector("[data-playground]");
            for (const [name, value] of Object.entries(values)) {
                const el = root.querySelector(`input[name="${name}"]`);
                el.value = String(value);
                el.dispatchEvent(new Event("input", {bubbles: true}));
            }
        }""",
        values,
    )


def current_values(page) -> dict[str, float]:
    """Return the controls' values as the browser holds them (after clamping and snapping)."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("[data-playground] input")]
                .map(el => [el.name, parseFloat(el.value)]))"""
    )


def outputs(page) -> dict[str, str]:
    """Return the text of every [data-out] element."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("[data-playground] [data-out]")]
                .map(el => [el.dataset.out, el.textContent]))"""
    )


def assert_agrees(page) -> dict[str, float]:
    """Assert every output equals snippets' value to 1e-6 and return the values shown."""
    shown = outputs(page)
    assert sorted(shown) == sorted(OUTPUTS)
    want = expected(current_values(page))
    got = {}
    for name, text in shown.items():
        assert text.strip() == text and text, f"{name}: {text!r} is not just a number"
        got[name] = float(text)  # ASCII digits, "-" and "." only: float() refuses U+2212
        assert got[name] == pytest.approx(want[name], abs=TOL), f"{name}: shown {text}, snippets {want[name]!r}"
    assert shown["perceptron"] in ("0", "1")
    return got


def updates(page) -> int:
    """Return how many times the playground has recomputed its outputs."""
    return int(page.get_attribute("[data-playground]", "data-updates"))


def open_playground(page) -> None:
    """Load the playground page afresh and wait for the script to set it up."""
    page.goto("playground/")
    page.wait_for_selector("[data-playground][data-playground-ready]")


def test_dom_contract(page) -> None:
    open_playground(page)
    assert page.locator("[data-playground]").count() == 1
    # Every range input of the page, each named and inside the playground: exactly RANGES.
    names = page.eval_on_selector_all(
        "input[type=range]", "els => els.map(e => (e.closest('[data-playground]') ? '' : 'outside: ') + e.name)"
    )
    assert sorted(names) == sorted(RANGES)
    assert page.locator("[data-playground] input[name=dw]").get_attribute("type") == "number"
    for name in OUTPUTS:
        assert page.locator(f"[data-out={name}]").count() == 1, name
    # Defaults from the brief: the neuron of the book's example input 0.638.
    assert current_values(page) == pytest.approx(DEFAULTS)
    got = assert_agrees(page)
    assert got["sigmoid"] == pytest.approx(float(sigmoid(0.638 * 2 - 0.2 - 0.3)), abs=TOL)
    assert page.locator("html").get_attribute("lang") == "ko"
    assert_clean(page)


def test_every_control_has_a_label(page) -> None:
    open_playground(page)
    labels = page.eval_on_selector_all(
        "[data-playground] input, [data-playground] select, [data-playground] textarea",
        "els => els.map(e => [e.name, e.labels.length, [...e.labels].map(l => l.textContent.trim())])",
    )
    assert len(labels) == 7
    for name, count, texts in labels:
        assert count > 0 and all(texts), f"input {name} has no label"
    for text in page.locator("[data-playground] button").all_inner_texts():
        assert text.strip(), "a button without text"
    assert "자바스크립트" in page.inner_html("[data-playground] noscript")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: ",".join(f"{k}={v}" for k, v in s.items()))
def test_outputs_agree_with_snippets(page, setting: dict[str, float]) -> None:
    open_playground(page)
    set_values(page, **setting)
    assert current_values(page) == pytest.approx(setting)
    assert_agrees(page)
    assert_clean(page)


def test_scale_changes_sigmoid_not_perceptron(page) -> None:
    open_playground(page)
    set_values(page, x1=0.5, x2=0.5, w1=1, w2=-0.5, b=-0.1, c=1)  # z = 0.15
    small = assert_agrees(page)
    seen = {small["sigmoid"]}
    for c in (2, 10, 100):
        set_values(page, c=c)
        got = assert_agrees(page)
        assert got["perceptron"] == small["perceptron"] == 1
        assert got["z"] == small["z"]
        assert got["sigmoid"] not in seen
        seen.add(got["sigmoid"])
    # Exercise II: at c = 100 the sigmoid neuron is within 1e-6 of the perceptron.
    assert got["sigmoid"] == pytest.approx(1, abs=1e-6)
    # The preset buttons set c too.
    page.click("[data-set-c='5']")
    assert current_values(page)["c"] == 5
    assert_agrees(page)
    assert_clean(page)


def test_perceptron_outputs_zero_at_z_zero(page) -> None:
    open_playground(page)
    set_values(page, x1=0.5, w1=2, x2=0, w2=-1, b=-1, c=1)
    got = assert_agrees(page)
    assert got["z"] == 0 and got["perceptron"] == 0 and got["sigmoid"] == 0.5
    set_values(page, c=100)
    got = assert_agrees(page)
    assert got["perceptron"] == 0 and got["sigmoid"] == 0.5  # σ(c·0) = 1/2 for every c
    assert_clean(page)


def test_keyboard_moves_a_slider(page) -> None:
    open_playground(page)
    before = assert_agrees(page)
    page.focus("input[name=w1]")
    page.keyboard.press("ArrowRight")
    assert current_values(page)["w1"] == pytest.approx(2.01)
    after = assert_agrees(page)
    assert after["z"] == pytest.approx(before["z"] + 0.01 * 0.638, abs=TOL)
    assert after["sigmoid"] > before["sigmoid"]
    page.keyboard.press("Tab")  # on to the next control without leaving the playground
    assert page.evaluate("document.activeElement.closest('[data-playground]') !== null")
    assert_clean(page)


def test_nudge_button_moves_w1_by_dw(page) -> None:
    open_playground(page)
    set_values(page, dw=0.25)
    before = assert_agrees(page)
    page.click("[data-action=nudge]")
    assert current_values(page)["w1"] == pytest.approx(2.25)
    after = assert_agrees(page)
    # The output really moved by the "exact change" shown before the click.
    assert after["sigmoid"] - before["sigmoid"] == pytest.approx(before["delta-exact"], abs=2 * TOL)
    assert "→" in page.inner_text("[data-status]")
    page.click("[data-action=reset]")
    assert current_values(page) == pytest.approx(DEFAULTS)
    assert_clean(page)


def test_linear_estimate_error_shrinks_like_dw_squared(page) -> None:
    open_playground(page)
    set_values(page, x1=1, x2=0, w1=1, w2=0, b=0, c=1)  # σ″ ≠ 0 at z = 1
    errors = []
    for dw in (0.4, 0.2, 0.1):
        set_values(page, dw=dw)
        got = assert_agrees(page)
        errors.append(got["delta-exact"] - got["delta-linear"])
    assert errors[0] / errors[1] == pytest.approx(4, rel=0.15)
    assert errors[1] / errors[2] == pytest.approx(4, rel=0.15)


def test_one_update_per_input_event(page) -> None:
    open_playground(page)
    count = updates(page)
    set_values(page, x1=0.5)
    assert updates(page) == count + 1
    assert_agrees(page)


def test_instant_navigation_keeps_it_working(page) -> None:
    # The session build names the served address as site_url, so Material takes over the links.
    page.goto("")
    page.wait_for_load_state("networkidle")  # the sitemap is fetched: links are taken over
    page.evaluate("window.__sameDocument = true")
    nav = page.locator("nav.md-nav--primary")
    nav.get_by_role("link", name="브라우저 실습", exact=True).click()
    page.wait_for_selector("[data-playground][data-playground-ready]")
    assert page.url.endswith("/playground/")
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded, not swapped in place"
    set_values(page, **SETTINGS[1])
    assert_agrees(page)

    # Away and back again: a new playground, bound once, still right.
    nav.get_by_role("link", name="코드 조각", exact=True).click()
    page.wait_for_url("**/code/")
    page.wait_for_selector("[data-playground]", state="detached")  # the URL changes before the content
    assert page.inner_text("article h1").startswith("코드 조각")
    nav.get_by_role("link", name="브라우저 실습", exact=True).click()
    page.wait_for_selector("[data-playground][data-playground-ready]")
    assert page.evaluate("window.__sameDocument === true")
    assert current_values(page) == pytest.approx(DEFAULTS)
    count = updates(page)
    set_values(page, **SETTINGS[0])
    assert updates(page) == count + len(SETTINGS[0])  # one update per event: not bound twice
    assert_agrees(page)
    page.focus("input[name=b]")
    page.keyboard.press("ArrowLeft")
    assert updates(page) == count + len(SETTINGS[0]) + 1
    assert_agrees(page)
    assert_clean(page)
