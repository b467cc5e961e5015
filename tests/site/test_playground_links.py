"""The chapter's links into the playground (docs/playground.md): each stands where the chapter
discusses a neuron and opens the playground on exactly that neuron, within the sliders' ranges."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from scripts import examples
from scripts.tables import num
from snippets import sigmoid_neuron
from tests.helpers import CHAPTER, article

STATE = ("x1", "x2", "w1", "w2", "b", "c", "dw")


def state(x: tuple[float, ...], w: tuple[float, ...], b: float, c: float) -> dict[str, float]:
    """Return the playground state of a neuron with one or two inputs (a missing second one is 0)."""
    x2, w2 = (x[1], w[1]) if len(x) == 2 else (0.0, 0.0)
    return {"x1": x[0], "x2": x2, "w1": w[0], "w2": w2, "b": b, "c": c, "dw": examples.TABLE_DW[0]}


# The heading each link follows, and the neurons it opens: the ones of the tables beside it.
EXPECTED = {
    "a-new-neuron": [state((0.638,), (examples.PVS_W,), examples.PVS_B, 1)],  # the note after equation (4), x = 0.638
    "annotation-eq5": [state(examples.X, examples.W, examples.B, 1)],  # the equation (5) check
    "exercise-1": [
        state(examples.BITS[3], examples.NAND_W, examples.NAND_B, examples.EXERCISE1_C[2])
    ],  # one NAND perceptron, scaled
    "exercise-2": [
        state(examples.BITS[3], examples.NAND_W, examples.NAND_B, 100),  # the same at c = 100
        state((examples.FAIL_X,), (examples.FAIL_W1,), examples.FAIL_B1, 100),  # the failure case: neuron 1 has z = 0
    ],
}


def parse(href: str) -> dict[str, float]:
    """Return the state in a playground link's hash, checking its names and order."""
    pairs = [pair.split("=", 1) for pair in urlsplit(href).fragment.split("&")]
    assert [name for name, _ in pairs] == list(STATE), href
    return {name: float(value) for name, value in pairs}


@pytest.fixture(scope="module")
def links(built_pages: dict[str, str]) -> list:
    """Return the chapter's links into the playground that carry a state, in page order."""
    found = article(built_pages[CHAPTER + "index.html"]).select("a[href*='playground/#']")
    assert found, "the chapter links nowhere into the playground"
    return found


def test_links_open_the_neurons_beside_them(links: list) -> None:
    got: dict[str, list[dict[str, float]]] = {}
    for link in links:
        assert link["href"].startswith("../playground/#"), link["href"]
        heading = link.find_previous(["h2", "h3"])
        got.setdefault(heading["id"], []).append(parse(link["href"]))
    assert got == EXPECTED
    assert 100 in examples.EXERCISE2_C  # the c of exercise II's links is a column of its table


def test_links_show_what_the_prose_says(links: list) -> None:
    # After equation (4): the output for x = 0.638 the note prints.
    first = parse(links[0]["href"])
    out = sigmoid_neuron([first["w1"], first["w2"]], [first["x1"], first["x2"]], first["b"])
    note = links[0].find_parent("div", class_="admonition")
    assert num(out, 3) in note.get_text(), "the note after equation (4) prints another neuron's output"
    # Exercise II's failure case: z = 0, so σ(c·0) = 1/2 however large c is.
    last = parse(links[-1]["href"])
    assert last["w1"] * last["x1"] + last["w2"] * last["x2"] + last["b"] == 0


def test_links_stay_within_the_sliders(links: list, built_pages: dict[str, str]) -> None:
    """A state outside a control's range would be clamped: the link would open another neuron."""
    controls = BeautifulSoup(built_pages["playground/index.html"], "html.parser").select("[data-playground] input")
    limits = {el["name"]: (float(el["min"]), float(el["max"]), float(el["step"])) for el in controls}
    assert sorted(limits) == sorted(STATE)
    for link in links:
        for name, value in parse(link["href"]).items():
            low, high, step = limits[name]
            assert low <= value <= high, f"{link['href']}: {name}={value} is outside [{low}, {high}]"
            if name != "dw":  # a range input snaps to its step; the number input Δw does not
                assert round((value - low) / step, 6) % 1 == 0, f"{link['href']}: {name}={value} is off the step {step}"


def test_no_scroll_spy_rewrites_the_hash(built_pages: dict[str, str]) -> None:
    """The playground's hash is its state: Material's navigation.tracking, which writes the section
    scrolled to into the hash, is off on every page (a link clicked while it was due to write lost
    its state). The features are read from the config Material embeds in each page."""
    for path in ("playground/index.html", CHAPTER + "index.html"):
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', built_pages[path], re.S)
        assert config, f"{path}: no Material config"
        features = json.loads(config.group(1))["features"]
        assert "content.code.copy" in features  # the check reads the right list
        assert "navigation.tracking" not in features, path
