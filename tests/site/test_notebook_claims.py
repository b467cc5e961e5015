"""What the lab notebook's prose says about its step-size check agrees with the output the build ran.

The build executes the notebook (scripts/notebooks.py) and publishes the executed copy as the
download; these tests read the printed table of that copy, not numbers typed here.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import nbformat
import pytest

DOWNLOAD = "notebooks/sigmoid-neuron-lab.ipynb"
SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


@pytest.fixture(scope="module")
def cells(site_dir: Path) -> list:
    """Return the executed notebook's cells, as readers download them."""
    return nbformat.read(site_dir / DOWNLOAD, as_version=4).cells


def step_size_check(cells: list) -> tuple[int, list[tuple[float, float]]]:
    """Return the index of the cell that shrinks h, and the (h, error) rows it printed."""
    index = next(i for i, c in enumerate(cells) if c.cell_type == "code" and "error/h^2" in c.source)
    printed = "".join(o.get("text", "") for o in cells[index].outputs if o.output_type == "stream")
    rows = [line.split() for line in printed.splitlines()[1:] if line.strip()]
    assert len(rows) >= 4 and all(len(r) == 5 for r in rows), printed
    return index, [(float(r[0]), float(r[3])) for r in rows]


def test_the_prose_says_where_the_h2_regime_begins(cells: list) -> None:
    """The prose names the h from which the error falls ~100× per 10× smaller h and the first step's
    smaller factor; the printed errors show both, and error/h² is flat from that h on."""
    index, rows = step_size_check(cells)
    prose = cells[index + 1].source
    hs, errors = [h for h, _ in rows], [e for _, e in rows]
    start = hs.index(float("1e" + re.search(r"\$h = 10\^\{(-\d+)\}\$부터 시작", prose).group(1)))
    ratios = [a / b for a, b in itertools.pairwise(errors)]
    assert start >= 1 and all(90 <= r <= 110 for r in ratios[start:]), ratios
    assert not 90 <= ratios[start - 1] <= 110, "the regime would begin earlier than the prose says"
    first = int(re.search(r"약 (\d+)분의 1로만", prose).group(1))
    assert first == round(ratios[0]), (first, ratios[0])
    per_h2 = [e / h**2 for h, e in rows]
    assert all(abs(v / per_h2[-1] - 1) < 0.1 for v in per_h2[start:]), per_h2
    assert "약 100분의 1" in prose


def test_the_reference_line_and_its_alt_text(cells: list) -> None:
    """The dotted h² line goes through the smallest h; the points from the named h on lie on it
    (within 10 %), the earlier ones below it, as the plot's alt text says."""
    index, rows = step_size_check(cells)
    plot = next(c for c in cells[index + 1 :] if c.cell_type == "code")
    assert "errors[-1] * (hs / hs[-1]) ** 2" in plot.source
    (h_min, e_min), alt = rows[-1], plot.metadata["alt"]
    on = [abs(e / (e_min * (h / h_min) ** 2) - 1) < 0.1 for h, e in rows]
    below = [e < 0.5 * e_min * (h / h_min) ** 2 for h, e in rows]
    start = on.index(True)
    assert all(on[start:]) and all(below[:start]), (on, below)
    low, high = (power(v) for v in re.search(r"h = 10(\S+)부터 10(\S+)까지의 점이 놓이고", alt).groups())
    below_alt = [power(v) for v in re.findall(r"h = 10(\S+)의 점만 점선보다 아래", alt)]
    assert (low, high) == (h_min, rows[start][0]) and below_alt == [h for h, _ in rows[:start]]


def power(superscript: str) -> float:
    """Return 10 to the power written in superscript digits, e.g. "⁻²" → 0.01."""
    return float("1e" + superscript.translate(SUPERSCRIPT))  # as the table prints h, e.g. 1e-05


@pytest.mark.parametrize("download", [DOWNLOAD, "notebooks/exercises.ipynb"])
def test_the_first_plot_says_why_its_labels_are_english(site_dir: Path, download: str) -> None:
    """The notebooks' plot labels stay English; each notebook's first plot says why (a fresh Colab
    or Jupyter has no Korean font, so Korean labels would be boxes), and no label is Korean."""
    cells = nbformat.read(site_dir / download, as_version=4).cells
    plots = [c for c in cells if c.cell_type == "code" and "plt.show()" in c.source]
    assert plots and "no Korean font" in plots[0].source
    labels = re.findall(r"(?:label|set_title)\(?=?\s*r?f?\"([^\"]*)\"", "".join(c.source for c in plots))
    assert labels and not any(re.search(r"[\uac00-\ud7a3]", t) for t in labels), labels
