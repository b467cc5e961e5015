"""The browser playground (docs/playground.md): its numbers agree with snippets/, in a real browser."""

from __future__ import annotations

from urllib.parse import urlsplit

import numpy as np
import pytest

from snippets import linear_output_change, output_gradient, perceptron, sigmoid, sigmoid_neuron
from tests.helpers import CHAPTER, assert_clean, goto_settled, new_page, open_details

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
    grad_w, _ = output_gradient(c * w, x, c * b)
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
        "input[type=range]",
        "els => els.map(e => (e.closest('[data-playground]') ? '' : 'outside: ') + e.name)",
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
    goto_settled(page, "")  # the sitemap is fetched: links are taken over
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


# ── The state in the URL hash ─────────────────────────────────────────────────────────────────

STATE = ("x1", "x2", "w1", "w2", "b", "c", "dw")
LIMITS = {
    "x1": (0, 1),
    "x2": (0, 1),
    "w1": (-10, 10),
    "w2": (-10, 10),
    "b": (-5, 5),
    "c": (1, 100),
    "dw": (-1, 1),
}


def parse_hash(url: str) -> dict[str, float]:
    """Return the playground state a URL's hash holds (the format playground.js writes)."""
    fragment = urlsplit(url).fragment
    pairs = [pair.split("=", 1) for pair in fragment.split("&")] if fragment else []
    assert [name for name, _ in pairs] == [name for name in STATE if name in dict(pairs)], fragment
    return {name: float(value) for name, value in pairs}


def current_url(page) -> str:
    """Return the page's URL as the browser holds it (replaceState included)."""
    return page.evaluate("location.href")


def wait_for_hash(page, **values: float) -> None:
    """Wait until the URL's hash holds `values` (the playground writes it a moment after a change)."""
    page.wait_for_function(
        "want => want.every(p => location.hash.slice(1).split('&').includes(p))",
        arg=[f"{name}={value:g}" for name, value in values.items()],
    )


def test_the_hash_sets_the_state(page) -> None:
    page.goto("playground/#w1=3&b=-1&c=100")
    page.wait_for_selector("[data-playground][data-playground-ready]")
    assert current_values(page) == pytest.approx(DEFAULTS | {"w1": 3, "b": -1, "c": 100})
    assert_agrees(page)
    # A hash typed in the address bar, or a link on the page, is read again without a reload.
    page.evaluate("window.__sameDocument = true")
    page.goto("playground/#x1=0.25&w2=-4.5&dw=-0.05")
    page.wait_for_function("document.querySelector('input[name=w2]').value === '-4.5'")
    assert page.evaluate("window.__sameDocument === true")
    assert current_values(page) == pytest.approx(DEFAULTS | {"x1": 0.25, "w2": -4.5, "dw": -0.05})
    assert_agrees(page)
    assert_clean(page)


def test_moving_the_controls_writes_the_hash_without_history(page, browser, base_url) -> None:
    open_playground(page)
    assert urlsplit(current_url(page)).fragment == ""  # nothing is written before the reader changes something
    length = page.evaluate("history.length")
    set_values(page, w1=3.5, c=7)
    wait_for_hash(page, w1=3.5, c=7)
    assert parse_hash(current_url(page)) == pytest.approx(current_values(page))
    # Dragging a slider fires an input event per step: still no new history entry, no error.
    page.focus("input[name=b]")
    for _ in range(120):
        page.keyboard.press("ArrowRight")
    wait_for_hash(page, b=0.9)
    page.click("[data-set-c='10']")
    wait_for_hash(page, c=10)
    page.click("[data-action=nudge]")
    wait_for_hash(page, w1=3.6)
    assert page.evaluate("history.length") == length
    shared = current_url(page)
    assert parse_hash(shared) == pytest.approx(current_values(page))
    # The shared URL opens the same state for someone else.
    with new_page(browser, base_url) as friend:
        friend.goto(shared)
        friend.wait_for_selector("[data-playground][data-playground-ready]")
        assert current_values(friend) == pytest.approx(current_values(page))
        assert_agrees(friend)
        assert_clean(friend)
    # Back to the defaults, and to a URL without a state.
    page.click("[data-action=reset]")
    page.wait_for_function("location.hash === ''")
    assert current_values(page) == pytest.approx(DEFAULTS)
    assert_clean(page)


def test_a_heading_anchor_keeps_the_state(page) -> None:
    page.goto("playground/#w1=-4&c=5")
    page.wait_for_selector("[data-playground][data-playground-ready]")
    page.click("h2#try a.headerlink")  # the permalink of a heading: a hash without a state
    page.wait_for_function("location.hash === '#try'")
    assert current_values(page) == pytest.approx(DEFAULTS | {"w1": -4, "c": 5})
    assert_clean(page)


HOSTILE = {
    "overflow": ("#w1=1e999", {}),
    "nan": ("#b=NaN", {}),
    "infinity": ("#c=Infinity&w1=-Infinity", {}),
    "html": ("#x1=<img src=x onerror=alert(1)>", {}),
    "script": ("#w1=<script>alert(1)</script>&b=javascript:alert(1)", {}),
    "escaped html": ("#x1=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", {}),
    "100 kB": ("#" + "w1=3&" * 20_000, {}),  # far longer than any hash the page writes: all ignored
    "not numbers": ("#w1=0x10&b=1,5&x2=%2D1&w2=1e&c=--2&dw=.", {}),
    "no values": ("#w1=&=3&&b&c==5", {}),
    "other names": ("#__proto__=1&constructor=2&W1=3&w1 =3&toString=4", {}),
    "out of range": (
        "#w1=99&w2=-1e300&x1=-4&x2=7&b=5.5&c=0&dw=7",
        {"w1": 10, "w2": -10, "x1": 0, "x2": 1, "b": 5, "c": 1, "dw": 1},
    ),
    "off the grid": ("#x1=0.12345&w1=1.234&c=2.5&dw=0.123", {"x1": 0.123, "w1": 1.23, "c": 3, "dw": 0.123}),
    "valid among junk": ("#w1=<b>&w2=4&b=NaN&x1=.5", {"w2": 4, "x1": 0.5}),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_bad_hash_is_clamped_or_ignored(page, case: str) -> None:
    hash_, want = HOSTILE[case]
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("playground/" + hash_)
    page.wait_for_selector("[data-playground][data-playground-ready]")
    assert current_values(page) == pytest.approx(DEFAULTS | want)
    for name, (low, high) in LIMITS.items():
        assert low <= current_values(page)[name] <= high, name
    assert_agrees(page)
    assert dialogs == []
    assert page.locator("[data-playground] img, [data-playground] script").count() == 0
    assert "onerror" not in page.inner_html("article")
    # The page still works: a move writes a clean hash of numbers over the bad one.
    set_values(page, w1=1.5)
    wait_for_hash(page, w1=1.5)
    assert parse_hash(current_url(page)) == pytest.approx(current_values(page))
    assert_clean(page)


def chapter_links(page) -> list[str]:
    """Return the chapter's links into the playground that carry a state (absolute), in page order."""
    return page.eval_on_selector_all("article a[href*='playground/#']", "links => links.map(a => a.href)")


def test_chapter_links_open_their_state(page, browser, base_url) -> None:
    page.goto(CHAPTER)
    links = chapter_links(page)
    assert len(links) == 5
    for link in links:
        with new_page(browser, base_url) as reader:  # each link opened afresh, as from a bookmark
            reader.goto(link)
            reader.wait_for_selector("[data-playground][data-playground-ready]")
            state = parse_hash(link)
            assert sorted(state) == sorted(STATE)
            assert current_values(reader) == pytest.approx(state), f"{link} was clamped"
            assert_agrees(reader)
            assert_clean(reader)


def test_instant_navigation_restores_the_hash(page) -> None:
    goto_settled(page, CHAPTER)  # the sitemap is fetched: links are taken over
    page.evaluate("window.__sameDocument = true")
    link = chapter_links(page)[-1]  # exercise II's failure case: z = 0, c = 100
    open_details(page)  # the link is in the exercise's solution
    target = page.locator("article a[href*='playground/#']").last
    # Scrolled to and clicked at once: no scroll spy (navigation.tracking is off) writes a section's
    # anchor into the hash on the way, so the link's state is what the playground reads.
    target.scroll_into_view_if_needed()
    assert "#" not in page.url, page.url
    target.click()
    page.wait_for_selector("[data-playground][data-playground-ready]")
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded, not swapped in place"
    assert current_values(page) == pytest.approx(parse_hash(link)), current_url(page)
    got = assert_agrees(page)
    assert got["z"] == 0 and got["sigmoid"] == 0.5 and got["perceptron"] == 0
    # Change it, go back to the chapter and forward again: the changed state comes back.
    set_values(page, b=-0.5)
    wait_for_hash(page, b=-0.5)
    page.go_back()
    page.wait_for_selector("[data-playground]", state="detached")
    page.go_forward()
    page.wait_for_selector("[data-playground][data-playground-ready]")
    assert current_values(page) == pytest.approx(parse_hash(link) | {"b": -0.5})
    assert page.evaluate("window.__sameDocument === true")
    assert_agrees(page)
    assert_clean(page)
