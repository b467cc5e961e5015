"""Tests for scripts/notebooks.py: inlining snippets, the execution cache, math, HTML, failing cells."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from scripts import notebooks as nb
from tests.helpers import ROOT, copy_project, run_build

SNIPPETS = ROOT / "snippets"


@pytest.fixture(scope="module")
def modules() -> dict[str, nb.Module]:
    """Return the real snippets package, read by section."""
    return nb.read_snippets(SNIPPETS)


# ── Inlining snippets for the download ────────────────────────────────────────────────────────


def test_inline_takes_the_named_sections_and_what_they_use(modules):
    code = nb.inline_source(["perceptron"], modules)
    assert "def perceptron(" in code
    # perceptron() uses _neuron_args, step() and _as_float_array(): they come along, with imports.
    for needed in ("def _neuron_args(", "def step(", "def _as_float_array(", "import numpy as np"):
        assert needed in code
    for unused in ("def sigmoid(", "def sigmoid_naive(", "def sigmoid_tanh(", "def output_gradient("):
        assert unused not in code
    assert "from .sigmoid" not in code and "snippets" not in code.split("\n", 1)[1]


def test_inlined_code_matches_the_package(modules):
    import snippets

    names = list(snippets.__all__)
    scope: dict = {}
    exec(compile(nb.inline_source(names, modules), "<inlined>", "exec"), scope)
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
    path.write_text(path.read_text("utf-8").replace('"""Return the perceptron\'s step', '"""Return (edited) the perceptron\'s step'), "utf-8")
    assert "Return (edited) the perceptron's step" in nb.inline_source(["step"], nb.read_snippets(folder))


def test_inline_snippets_replaces_only_the_import(modules):
    cell = "import numpy as np\nfrom snippets import (sigmoid,\n    step as heaviside)\nprint(heaviside(0.0))"
    out = nb.inline_snippets(cell, modules)
    assert "from snippets import" not in out
    assert out.startswith("import numpy as np\n# The source of sigmoid, step")
    assert "heaviside = step" in out and out.endswith("print(heaviside(0.0))")
    scope: dict = {}
    exec(out, scope)
    assert scope["heaviside"](0.0) == 0.0


def test_a_name_in_no_section_fails(modules):
    with pytest.raises(nb.NotebookError, match="'no_such_function' is not defined in any named section"):
        nb.inline_source(["no_such_function"], modules)


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


@pytest.mark.slow
def test_rebuild_reuses_executed_notebooks(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / ".cache" / "notebooks", ignore_errors=True)  # copy_project brings the cache
    first = run_build(project, tmp_path / "site1")
    assert first.returncode == 0, first.stderr
    assert "notebook notebooks/exercises.py: executed" in first.stderr
    assert "notebook notebooks/sigmoid-neuron-lab.py: executed" in first.stderr
    (project / "docs" / "about.md").write_text((project / "docs" / "about.md").read_text("utf-8") + "\n추가 문장입니다.\n", "utf-8")
    second = run_build(project, tmp_path / "site2")
    assert second.returncode == 0, second.stderr
    assert "notebook notebooks/exercises.py: cached" in second.stderr
    assert "notebook notebooks/sigmoid-neuron-lab.py: cached" in second.stderr
    assert ": executed" not in second.stderr


# ── Failing notebooks fail the build ──────────────────────────────────────────────────────────


@pytest.mark.slow
def test_failing_cell_fails_the_build_naming_notebook_and_cell(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "docs" / "notebooks" / "exercises.py"
    cells = nb.read_notebook(source).cells
    source.write_text(source.read_text("utf-8") + "\n# %%\nratio = 1 / 0  # fails\nprint(ratio)\n", "utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    message = result.stdout + result.stderr
    assert f"docs/notebooks/exercises.py: cell {len(cells) + 1} (`ratio = 1 / 0  # fails`) failed" in message
    assert "ZeroDivisionError: division by zero" in message
    assert not (project / "docs" / "notebooks" / "exercises.ipynb").exists()


def test_figure_without_alt_text_is_refused():
    page = nb.nbformat.v4.new_notebook(
        cells=[nb.nbformat.v4.new_code_cell("plt.show()", outputs=[nb.nbformat.v4.new_output("display_data", {"image/svg+xml": "<svg></svg>"})])]
    )
    with pytest.raises(nb.NotebookError, match=r"x\.py: cell 1 draws a figure but has no"):
        nb.page_notebook(page, "x.py")
    page.cells[0].metadata["alt"] = "빈 그림"
    assert 'aria-label="빈 그림"' in nb.page_notebook(page, "x.py").cells[0].outputs[0].data["image/svg+xml"]


# ── Math, headings, HTML ──────────────────────────────────────────────────────────────────────


def test_math_tokens_survive_markdown_and_come_back_as_arithmatex():
    source = "값 $\\sigma(z) < 1$과 `$HOME`.\n\n$$\\frac{1}{1+e^{-z}} \\tag{3}$$\n"
    tokens = nb.tokenize_math(source)
    assert "$" not in tokens.replace("`$HOME`", "") and "`$HOME`" in tokens
    import markdown

    out = nb.untokenize_math(markdown.markdown(tokens))
    assert '<span class="arithmatex">\\(\\sigma(z) &lt; 1\\)</span>과' in out
    assert '<div class="arithmatex">\\[\\frac{1}{1+e^{-z}} \\tag{3}\\]</div>' in out
    assert "<p><div" not in out


def test_headings_need_stable_ids():
    page, toc = nb.heading_ids('<h1 id="">제목<a class="anchor-link" href="#">¶</a></h1>'
                               '<h2 id="x">절 { #part }<a class="anchor-link" href="#x">¶</a></h2>', "링크")
    assert '<h2 id="part">절<a class="headerlink" href="#part" title="링크">¶</a></h2>' in page
    assert toc[0]["children"][0]["id"] == "part"
    with pytest.raises(nb.NotebookError, match="needs a stable id"):
        nb.heading_ids('<h2 id="">절<a class="anchor-link" href="#">¶</a></h2>', "링크")


def test_slim_html_drops_scripts_styles_and_marks_outputs():
    html = (
        '<style>.x{}</style><script src="https://cdn.example/require.js"></script>'
        '<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain"><pre>0.5</pre></div>'
    )
    out = nb.slim_html(html)
    assert "<style" not in out and "<script" not in out
    assert 'class="jp-RenderedText jp-OutputArea-output" data-search-exclude' in out
