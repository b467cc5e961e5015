"""Notebooks in the build: executed notebooks are reused by a rebuild, and a failing cell stops the
build naming the notebook and the cell. The build-free tests are in tests/unit/test_notebooks.py."""

from __future__ import annotations

import re

from scripts import notebooks as nb
from tests.helpers import copy_project, run_build

# ── The execution cache ───────────────────────────────────────────────────────────────────────


def test_rebuild_reuses_executed_notebooks(rebuilt_copy):
    """The first build of a copy runs the notebooks; after an edit to a page, and with another
    site_url, the next build reuses them (tests/site/conftest.py)."""
    first, second, _ = rebuilt_copy
    assert "notebook notebooks/exercises.py: executed" in first.stderr
    assert "notebook notebooks/sigmoid-neuron-lab.py: executed" in first.stderr
    assert "notebook notebooks/exercises.py: cached" in second.stderr
    assert "notebook notebooks/sigmoid-neuron-lab.py: cached" in second.stderr
    assert ": executed" not in second.stderr


# ── Failing notebooks fail the build ──────────────────────────────────────────────────────────


def test_failing_cell_fails_the_build_naming_notebook_and_cell(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "docs" / "notebooks" / "exercises.py"
    # The failing cell goes before the first code cell: its number counts the Markdown cells
    # before it, and the kernel stops there without running the rest of the notebook.
    number = 1 + [c.cell_type for c in nb.jupytext.read(source).cells].index("code")
    text = source.read_text("utf-8")
    first_code = re.search(r"^# %%(?! \[markdown\]).*$", text, re.M).start()
    source.write_text(text[:first_code] + "# %%\nratio = 1 / 0  # fails\nprint(ratio)\n\n" + text[first_code:], "utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    message = result.stdout + result.stderr
    assert number > 1
    assert f"docs/notebooks/exercises.py: cell {number} (`ratio = 1 / 0  # fails`) failed" in message
    assert "ZeroDivisionError: division by zero" in message
    assert not (project / "docs" / "notebooks" / "exercises.ipynb").exists()
