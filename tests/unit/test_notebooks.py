"""Tests for scripts/notebooks.py without a build: inlining snippets for the download, the cache
key, the page copy and the download copy. The build's side is in tests/site/test_notebooks.py."""

from __future__ import annotations

import shutil

import nbformat
import numpy as np
import pytest

from scripts import notebooks as nb
from tests.helpers import ROOT, copy_project

SNIPPETS = ROOT / "snippets"


# ── Inlining snippets for the download ────────────────────────────────────────────────────────


def test_package_source_is_the_sections_without_package_plumbing():
    code = nb.package_source(SNIPPETS)
    assert (
        code.splitlines()[0]
        == "# The source of snippets/neuron.py, snippets/sigmoid.py, copied when the site was built."
    )
    for gone in ("--8<--", "from .sigmoid", "from sigmoid", "except ImportError", '"""The sigmoid function'):
        assert gone not in code, gone
    assert "import numpy as np" in code and "def _as_float_array(" in code and "def perceptron(" in code


def test_inlined_code_matches_the_package():
    import snippets

    scope: dict = {}
    exec(compile(nb.package_source(SNIPPETS), "<inlined>", "exec"), scope)
    assert set(snippets.__all__) <= set(scope)
    w, x, b = np.array([0.7, -0.4, 1.2]), np.array([0.638, 0.2, 0.9]), -1.5
    z = np.linspace(-30, 30, 61)
    for name in ("sigmoid", "sigmoid_prime", "step"):
        assert np.array_equal(scope[name](z), getattr(snippets, name)(z)), name
    for name in ("perceptron", "sigmoid_neuron"):
        assert scope[name](w, x, b) == getattr(snippets, name)(w, x, b), name
    assert np.array_equal(scope["output_gradient"](w, x, b)[0], snippets.output_gradient(w, x, b)[0])
    dw = np.array([0.01, 0.0, -0.02])
    assert scope["linear_output_change"](w, x, b, dw, 0.01) == snippets.linear_output_change(w, x, b, dw, 0.01)


def test_inline_reads_the_files_not_a_copy(tmp_path):
    folder = shutil.copytree(SNIPPETS, tmp_path / "snippets")
    path = folder / "sigmoid.py"
    path.write_text(
        path.read_text("utf-8").replace(
            '"""Return the perceptron\'s step', '"""Return (edited) the perceptron\'s step'
        ),
        "utf-8",
    )
    assert "Return (edited) the perceptron's step" in nb.package_source(folder)


def test_inline_snippets_replaces_only_the_import():
    cell = "import numpy as np\nfrom snippets import (sigmoid,\n    step as heaviside)\nprint(heaviside(0.0))"
    out = nb.inline_snippets(cell, nb.package_source(SNIPPETS))
    assert "from snippets import" not in out
    assert out.startswith("import numpy as np\n# The source of snippets/")
    assert "heaviside = step" in out and out.endswith("print(heaviside(0.0))")
    scope: dict = {}
    exec(out, scope)
    assert scope["heaviside"](0.0) == 0.0


# ── The execution cache ───────────────────────────────────────────────────────────────────────


def test_cache_key_follows_the_notebook_and_snippets_only(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "docs" / "notebooks" / "exercises.py"
    key = nb.cache_key(source, project / "snippets")
    assert nb.cache_key(source, project / "snippets") == key
    (project / "docs" / "about.md").write_text("# changed\n", "utf-8")
    assert nb.cache_key(source, project / "snippets") == key
    sigmoid = project / "snippets" / "sigmoid.py"
    sigmoid.write_text(sigmoid.read_text("utf-8") + "\n# changed\n", "utf-8")
    changed = nb.cache_key(source, project / "snippets")
    assert changed != key
    source.write_text(source.read_text("utf-8") + "\n# %%\nprint(1)\n", "utf-8")
    assert nb.cache_key(source, project / "snippets") != changed


# ── The page copy ─────────────────────────────────────────────────────────────────────────────


def _figure_notebook(source: str = "plt.show()") -> nbformat.NotebookNode:
    output = nbformat.v4.new_output("display_data", {"image/svg+xml": "<svg></svg>", "text/plain": "<Figure>"})
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source, outputs=[output])])


def test_figure_without_alt_text_is_refused():
    ran = _figure_notebook()
    with pytest.raises(nb.NotebookError, match=r"x\.py: cell 1 draws a figure but has no"):
        nb.page_copy(ran, ran, "x.py")
    ran.cells[0].metadata["alt"] = '빈 "그림"'
    data = nb.page_copy(ran, ran, "x.py").cells[0].outputs[0].data
    assert data == {"text/html": '<img alt="빈 &quot;그림&quot;" src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E%0A">'}


def test_png_figures_are_refused():
    ran = _figure_notebook()
    ran.cells[0].outputs[0].data = {"image/png": "iVBORw0KGgo="}
    with pytest.raises(nb.NotebookError, match=r"x\.py: cell 1 draws a PNG"):
        nb.page_copy(ran, ran, "x.py")


def test_page_copy_shows_the_original_code_and_holds_markdown_for_mkdocs():
    original = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# 제목"),
            nbformat.v4.new_code_cell("from snippets import step"),
        ]
    )
    ran = nbformat.from_dict(original)
    ran.cells[1].source = "def step(z): ..."
    page = nb.page_copy(ran, original, "x.py")
    assert page.cells[0].cell_type == "raw" and page.cells[0].source == nb.MARKDOWN_CELL
    assert page.cells[0].metadata["markdown"] == "# 제목"
    assert page.cells[1].source == "from snippets import step"


def test_download_copy_drops_heading_ids_and_links_to_the_site():
    ran = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "## 절 { #part }\n\n[장](../sigmoid-neurons.md#exercises), [다음](exercises.py)"
            )
        ]
    )
    out = nb.download_copy(ran, lambda path: f"https://example.org/{path.split('.')[-2].strip('/')}/").cells[0].source
    assert (
        out == "## 절\n\n[장](https://example.org/sigmoid-neurons/#exercises), [다음](https://example.org/exercises/)"
    )
