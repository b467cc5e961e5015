"""Notebooks: run the download version once (cached), then derive the page copy and the download.

The build executes docs/notebooks/*.py as readers download them, the snippets package inlined in
place of its import, in an empty folder: what is published is what ran, without `snippets`. The
page copy shows those outputs under the original cells. Pure but `execute()` and `run()`."""

from __future__ import annotations

import ast
import html
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import jupytext
import nbformat
from nbformat import NotebookNode

from scripts import cache
from scripts.sections import sections
from scripts.svg import compact as svg_compact

SNIPPET_IMPORT = re.compile(r"^from snippets(?:\.\w+)? import (?:\([^)]*\)|[^\n]*)", re.M)
HEADING_ID = re.compile(r"^(#{1,6} .*?)[ \t]*\{[ \t]*#[\w-]+[ \t]*\}[ \t]*$", re.M)
MD_LINK = re.compile(r"\]\(([^)\s:#]+\.(?:md|py))(#[\w-]+)?\)")
MARKDOWN_CELL = "<!-- markdown cell -->"  # where a Markdown cell goes; the hook renders it with MkDocs


class NotebookError(RuntimeError):
    """A notebook that cannot be executed or prepared; the message names the notebook and cell."""


def package_source(folder: Path) -> str:
    """Return every named section of the snippets modules as one block (not the docstrings or the
    imports between sibling modules, which are in no section)."""
    paths = sorted(p for p in folder.glob("*.py") if p.stem != "__init__")
    files = ", ".join(f"snippets/{p.name}" for p in paths)
    blocks = [s.strip() for p in paths for s in sections(p.read_text("utf-8")).values()]
    return "\n\n\n".join([f"# The source of {files}, copied when the site was built.", *blocks])


def inline_snippets(source: str, package: str) -> str:
    """Return cell source with each `from snippets import …` replaced by the package's source."""

    def change(m: re.Match[str]) -> str:
        names = ast.parse(m.group(0)).body[0].names  # type: ignore[attr-defined]
        return "\n".join([package, *(f"{a.asname} = {a.name}" for a in names if a.asname)])

    return SNIPPET_IMPORT.sub(change, source)


def execute(nb: NotebookNode, name: str, timeout: int = 300) -> NotebookNode:
    """Return `nb` executed in a fresh kernel in an empty folder; a failing cell raises
    NotebookError naming the notebook, the cell (1-based), its first line and the error."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.from_dict(nb)
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "PYTHONPATH")}
    env["SOURCE_DATE_EPOCH"] = "0"  # no build date inside the SVG figures
    # The kernel's own log (e.g. its warning about TCP transport) is shown only if it fails.
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        client = NotebookClient(nb, timeout=timeout, record_timing=False, resources={"metadata": {"path": folder}})
        try:
            client.execute(env=env, stderr=log)
        except CellExecutionError as exc:
            failed = [
                i for i, c in enumerate(nb.cells, 1) if any(o.output_type == "error" for o in c.get("outputs", []))
            ]
            first = nb.cells[failed[0] - 1].source.strip().splitlines()[0]
            raise NotebookError(f"{name}: cell {failed[0]} (`{first}`) failed: {exc.ename}: {exc.evalue}") from None
        except Exception as exc:  # timeouts, a dead kernel, a kernel that cannot start
            log.seek(0)
            raise NotebookError(f"{name}: execution failed: {exc!r}\n{log.read()}") from exc
    return nb


def cache_key(source: Path, snippets: Path) -> str:
    """Return a hash of what the outputs depend on: the notebook, snippets, this module and the SVG
    compaction (scripts/svg.py), the packages."""
    code = [Path(__file__), Path(__file__).with_name("svg.py")]
    return cache.key([source, *code, *sorted(snippets.glob("*.py"))], ("numpy", "matplotlib", "ipykernel"))


def run(source: Path, name: str, cache_dir: Path, snippets: Path) -> tuple[Path, bool]:
    """Return the folder holding `executed.ipynb` and `page.ipynb` for `source`, and whether it was cached."""
    folder = cache_dir / cache_key(source, snippets)
    if (folder / "page.ipynb").exists():
        return folder, True
    nb = jupytext.read(source)
    nb.metadata.pop("jupytext", None)
    for i, cell in enumerate(nb.cells, 1):
        cell.id = f"cell-{i}"  # stable, for byte-identical pages and downloads
    package, runnable = package_source(snippets), nbformat.from_dict(nb)
    for cell in (c for c in runnable.cells if c.cell_type == "code"):
        cell.source = inline_snippets(cell.source, package)
    ran = execute(runnable, name)
    cache.write(folder / "executed.ipynb", nbformat.writes(ran))
    cache.write(folder / "page.ipynb", nbformat.writes(page_copy(ran, nb, name)))
    return folder, False


# Characters an SVG keeps as they are in a data: URI (which compresses better than base64): those
# a URL allows. Spaces, quotes, <, >, &, # and % are escaped; the HTML checker rejects them raw.
URI_SAFE = "/:;=,'()!*+-._~@?"


def page_copy(ran: NotebookNode, original: NotebookNode, name: str) -> NotebookNode:
    """Return the executed notebook as the page shows it: the original code (the import, not the
    package); Markdown cells as placeholders holding their text for MkDocs; each SVG an <img> with
    its cell's `alt` (`# %% alt="…"`). A figure without one, or a PNG, raises NotebookError."""
    nb = nbformat.from_dict(ran)
    for index, (cell, source) in enumerate(zip(nb.cells, original.cells, strict=True), 1):
        if cell.cell_type == "markdown":
            nb.cells[index - 1] = nbformat.v4.new_raw_cell(
                MARKDOWN_CELL, id=cell.id, metadata={"markdown": cell.source}
            )
            continue
        cell.source = source.source
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                raise NotebookError(f"{name}: cell {index} draws a PNG; the notebooks draw SVG only")
            if "image/svg+xml" not in data:
                continue
            if not (alt := cell.metadata.get("alt", "").strip()):
                raise NotebookError(f'{name}: cell {index} draws a figure but has no `# %% alt="…"` text')
            svg = quote(svg_compact(data.pop("image/svg+xml")), safe=URI_SAFE)
            data.pop("text/plain", None)
            data["text/html"] = f'<img alt="{html.escape(alt)}" src="data:image/svg+xml,{svg}">'
    return nb


def download_copy(ran: NotebookNode, link: Callable[[str], str]) -> NotebookNode:
    """Return the executed notebook as readers download it: headings without `{ #id }`, and every
    relative `.md`/`.py` link replaced by `link(path)` (the page's address on the site)."""
    nb = nbformat.from_dict(ran)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            text = HEADING_ID.sub(r"\1", cell.source)
            cell.source = MD_LINK.sub(lambda m: f"]({link(m.group(1))}{m.group(2) or ''})", text)
    return nb
