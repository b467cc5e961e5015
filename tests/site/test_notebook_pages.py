"""Tests for the built notebook pages: outputs, math, links, download, search index. (Links,
requests to other hosts and raw TeX on every page: test_build.py; weight: test_page_weight.py.)"""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

from tests.helpers import RAW_TEX
from tests.helpers import article_html as _article

# Page -> a number one of its code cells computes, and the download published next to it.
NOTEBOOKS = {
    "notebooks/sigmoid-neuron-lab/index.html": ("0.731059", "notebooks/sigmoid-neuron-lab.ipynb"),
    "notebooks/exercises/index.html": ("0.993307", "notebooks/exercises.ipynb"),
}


def test_only_the_notebooks_became_notebook_pages(site_dir: Path):
    pages = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "notebooks").rglob("*"))
    assert pages == [
        "notebooks/exercises",
        "notebooks/exercises.ipynb",
        "notebooks/exercises/index.html",
        "notebooks/sigmoid-neuron-lab",
        "notebooks/sigmoid-neuron-lab.ipynb",
        "notebooks/sigmoid-neuron-lab/index.html",
    ]


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_executed_outputs_are_on_the_page(site_dir: Path, built_pages: dict[str, str], page: str):
    article = _article(built_pages[page])
    number, _ = NOTEBOOKS[page]
    assert re.search(
        rf'<div class="jp-RenderedText jp-OutputArea-output"[^>]*>\s*<pre data-search-exclude>[^<]*{number}', article
    )
    figures = re.findall(r'<img alt="([^"]{40,})" src="data:image/svg\+xml,([^"]+)"', article)
    assert figures, "no figure with alt text"
    for _, data in figures:
        svg = unquote(data)
        assert svg.count("<svg") == 1  # one figure each
        assert "<metadata" not in svg and "<?xml" not in svg  # compacted (scripts/svg.py): no date either
        assert "fill: #ffffff" not in svg  # transparent background: the page's shows through
    # Dark mode: the figures (black on transparent) are inverted with their hues kept.
    css = (site_dir / "stylesheets" / "notebook.css").read_text("utf-8")
    assert re.search(
        r'\[data-md-color-scheme="slate"\] \.jupyter-wrapper \.jp-OutputArea img \{\s*'
        r"filter: invert\(1\) hue-rotate\(180deg\);",
        css,
    )


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_no_notebook_loaders_or_inline_styles(built_pages: dict[str, str], page: str):
    """nbconvert's loaders, CDN references and clipboard copies are gone (besides test_build's check of
    every page)."""
    html = built_pages[page]
    lowered = html.lower()
    for word in ("require.js", "requirejs", "mermaid", "mathjax", "cdnjs", "jsdelivr", "unpkg", "@import"):
        assert word not in lowered, word
    assert len(re.findall(r"<style\b", _article(html))) == 0 and "clipboard" not in _article(html)
    # Code cells are Material code blocks (its colours and copy button).
    assert '<div class="language-python highlight"><pre data-search-exclude><span></span><code tabindex="0">' in html


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_setup_cells_are_in_the_download_not_on_the_page(site_dir: Path, built_pages: dict[str, str], page: str):
    """The page opens with the lesson: cells tagged `setup` (matplotlib settings) are left off it."""
    _, download = NOTEBOOKS[page]
    cells = nbformat.read(site_dir / download, as_version=4).cells
    setup = [c for c in cells if "setup" in c.metadata.get("tags", [])]
    assert setup and all("rcParams" in c.source for c in setup)
    assert "rcParams" not in built_pages[page] and "InlineBackend" not in built_pages[page]
    first_code = next(c for c in cells if c.cell_type == "code")
    assert "setup" not in first_code.metadata.get("tags", [])


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_markdown_math_is_mathml(built_pages: dict[str, str], page: str):
    article = _article(built_pages[page])
    assert article.count("<math") >= 10
    prose = re.sub(r"<(pre|code|svg|math)\b.*?</\1>", "", article, flags=re.S)  # markup and attributes kept
    assert not RAW_TEX.findall(prose), RAW_TEX.findall(prose)
    for leftover in ("arithmatex", "markdown cell"):
        assert leftover not in prose, leftover


def test_numbered_equations_and_heading_ids(built_pages: dict[str, str]):
    lab = built_pages["notebooks/sigmoid-neuron-lab/index.html"]
    for n in (3, 4, 5):
        assert f'id="eqtn{n}"' in lab and f'<span class="math-number">({n})</span>' in lab
    assert '<h2 id="linear-approximation">' in lab and 'href="#linear-approximation"' in _toc(lab)
    exercises = built_pages["notebooks/exercises/index.html"]
    assert all(f'href="#{i}"' in _toc(exercises) for i in ("exercise-1", "exercise-2", "failure"))


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_headings_have_stable_english_ids(built_pages: dict[str, str], page: str):
    """Every section heading has its `{ #id }`: a Korean heading would otherwise get `_1`, `_2`."""
    ids = re.findall(r"<h[2-6] id=\"([^\"]*)\"", _article(built_pages[page]))
    assert ids and all(re.fullmatch(r"[a-z][a-z0-9-]*", i) for i in ids), ids


def _toc(html: str) -> str:
    """Return the page's table of contents sidebar."""
    return html[html.index('data-md-component="toc"') :]


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_notebooks_link_to_the_chapter(built_pages: dict[str, str], page: str):
    """Each notebook links back to the chapter (that every link resolves: test_build.py)."""
    hrefs = [h for h in re.findall(r'<a\b[^>]*\bhref="([^"]+)"', _article(built_pages[page])) if not urlsplit(h).scheme]
    assert any("sigmoid-neurons/" in h for h in hrefs)


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_download_link_and_notebook_with_outputs(site_dir: Path, built_pages: dict[str, str], page: str):
    number, download = NOTEBOOKS[page]
    name = posixpath.basename(download)
    assert f'<a class="md-button" href="../{name}" download>노트북 내려받기 (.ipynb)</a>' in built_pages[page]
    nb = nbformat.read(site_dir / download, as_version=4)
    nbformat.validate(nb)
    source = "\n".join(c.source for c in nb.cells)
    assert "from snippets import" not in source and "def _as_float_array(" in source
    assert "{ #" not in source and ".md" not in source.replace(".md-", "")  # ids gone, links absolute
    assert re.search(r"\]\(https?://[^)]+/sigmoid-neurons/", source)
    assert not [c.metadata for c in nb.cells if "execution" in c.metadata]  # no run times: same bytes every build
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert number in outputs and "image/svg+xml" in outputs


# Runs in a child process (nbclient leaves zmq sockets for the garbage collector, which the
# warnings-as-errors test session would report): execute argv[1] in an isolated kernel
# (`python -I`, snippets made unimportable) with cwd argv[2], and write it back.
RUNNER = """
import subprocess, sys
import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

BOOT = ("import sys; sys.modules['snippets'] = None; "
        "from ipykernel.kernelapp import launch_new_instance; launch_new_instance()")

class Isolated(KernelSpecManager):
    def get_kernel_spec(self, kernel_name):
        argv = [sys.executable, "-I", "-c", BOOT, "-f", "{connection_file}"]
        return KernelSpec(argv=argv, language="python", display_name="clean")

path, folder = sys.argv[1], sys.argv[2]
nb = nbformat.read(path, as_version=4)
km = KernelManager(kernel_spec_manager=Isolated(), kernel_name="clean")
client = NotebookClient(nb, km=km, timeout=300, allow_errors=False, resources={"metadata": {"path": folder}})
env = {"PATH": "/usr/bin:/bin", "HOME": folder, "MPLCONFIGDIR": folder + "/mpl"}
client.execute(env=env, stderr=subprocess.DEVNULL)
nbformat.write(nb, path)
"""


def _run_clean(nb: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """Return `nb` executed in an isolated kernel (python -I) in `folder` where snippets cannot be imported."""
    path = folder / "run.ipynb"
    nbformat.write(nb, path)
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(path), str(folder)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_downloaded_notebook_runs_without_snippets(site_dir: Path, tmp_path: Path, page: str):
    number, download = NOTEBOOKS[page]
    nb = nbformat.read(site_dir / download, as_version=4)
    for cell in nb.cells:
        cell.update({"outputs": [], "execution_count": None} if cell.cell_type == "code" else {})
    probe = nbformat.v4.new_code_cell(  # first, in the same kernel: snippets cannot be imported there
        "try:\n    import snippets\nexcept ImportError:\n    print('no snippets')\n"
        "import sys\nprint(sys.flags.isolated)"
    )
    nb.cells.insert(0, probe)
    ran = _run_clean(nb, tmp_path)
    assert ran.cells[0].outputs[0].text == "no snippets\n1\n"
    assert number in json.dumps([c.outputs for c in ran.cells[1:] if c.cell_type == "code"])


def test_outputs_stay_out_of_the_search_index(site_dir: Path):
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith("notebooks/")]
    text = json.dumps(docs, ensure_ascii=False)
    assert "시그모이드 함수(sigmoid function)의 정의는 다음과 같습니다" in text  # Markdown cells are searchable
    assert "sigmoid(z) = 0.017986" not in text and "0.993307" not in text  # outputs are not
    assert "노트북 내려받기" not in text
