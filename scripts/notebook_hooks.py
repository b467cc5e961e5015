"""MkDocs hooks for docs/notebooks/*.py: execute them (cached), publish the download, slim the page.

The work lives in `scripts/notebooks.py`; this file wires it around mkdocs-jupyter, which renders
the executed copies, and turns every failure into an error that names the notebook.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "notebooks"
NOTEBOOK = re.compile(r"notebooks/[^/]+\.py")
log = logging.getLogger("mkdocs.hooks.notebooks")
_EXECUTED: dict[str, str] = {}  # src_uri of each notebook page -> its executed copy for this build
_DESCRIPTION: dict[str, str] = {}  # src_uri of each notebook page -> its meta description


# Before mkdocs-jupyter: run each notebook (or reuse the cache), point its page at the executed copy.
@event_priority(100)
def on_files(files: Files, config) -> Files:
    from scripts import cache
    from scripts import notebooks as nb

    modules = nb.read_snippets(ROOT / "snippets")
    _EXECUTED.clear()
    _DESCRIPTION.clear()
    for file in [f for f in files if NOTEBOOK.fullmatch(f.src_uri)]:
        try:
            executed, hit = nb.executed(Path(file.abs_src_path), f"docs/{file.src_uri}", CACHE)
            log.info("notebook %s: %s", file.src_uri, "cached" if hit else "executed")
            run = nbformat.read(executed, as_version=4)
            page = executed.with_name("page.ipynb")
            if not page.exists():
                cache.write(page, nbformat.writes(nb.page_notebook(run, f"docs/{file.src_uri}")))
            link = lambda path, src=file.src_uri: _absolute_url(path, src, files, config)  # noqa: E731
            download = nbformat.writes(nb.download_notebook(run, modules, link))
        except nb.NotebookError as exc:
            raise PluginError(str(exc)) from exc
        if not run.metadata.get("description"):
            raise PluginError(f"docs/{file.src_uri}: the notebook has no 'description' in its jupytext header")
        _DESCRIPTION[file.src_uri] = run.metadata["description"]
        file.abs_src_path = _EXECUTED[file.src_uri] = str(page)
        target = posixpath.splitext(file.src_uri)[0] + ".ipynb"
        files.append(File.generated(config, target, content=download + "\n"))
    return files


# Before mkdocs-jupyter again: its page file recomputes the source path, so point it back.
@event_priority(100)
def on_pre_page(page, config, files: Files):
    if page.file.src_uri in _EXECUTED:
        page.file.abs_src_path = _EXECUTED[page.file.src_uri]
    return page


# Return the file a notebook links to, or stop the build naming the notebook and the link.
def _linked(path: str, src_uri: str, files: Files) -> File:
    uri = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    target = files.get_file_from_path(uri)
    if target is None:
        raise PluginError(f"docs/{src_uri}: link to '{path}' points to no file in docs/")
    return target


# Return the absolute site URL of a linked page, for the downloaded notebook (which leaves the site).
def _absolute_url(path: str, src_uri: str, files: Files, config) -> str:
    stem = posixpath.splitext(_linked(path, src_uri, files).src_uri)[0]
    page = File(stem + ".md", "", "", config["use_directory_urls"])  # notebooks have no .md url yet
    return urljoin(config["site_url"] or "/", page.url)


# Notebook pages only, before scripts/hooks.py converts the math: slim HTML, ids, links, download.
@event_priority(10)
def on_page_content(html: str, page, config, files: Files) -> str:
    from scripts import notebooks as nb

    if not NOTEBOOK.fullmatch(page.file.src_uri):
        return html
    where = f"docs/{page.file.src_uri}"

    def resolve(path: str) -> str:
        return _linked(path, page.file.src_uri, files).url_relative_to(page.file)

    try:
        html, toc = nb.heading_ids(nb.slim_html(nb.untokenize_math(html)), "이 절의 링크")
    except nb.NotebookError as exc:
        raise PluginError(f"{where}: {exc}") from exc
    page.toc = get_toc(toc)
    page.meta["description"] = _DESCRIPTION[page.file.src_uri]
    css = files.get_file_from_path("stylesheets/notebook.css").url_relative_to(page.file)
    ipynb = files.get_file_from_path(posixpath.splitext(page.file.src_uri)[0] + ".ipynb")
    download = (
        f'<p class="nb-download" data-search-exclude><a class="md-button" href="{ipynb.url_relative_to(page.file)}" download>'
        "노트북 내려받기 (.ipynb)</a> 실행 결과가 담긴 노트북입니다. numpy와 matplotlib만 있으면 "
        "어디서든 실행됩니다.</p>"
    )
    html = nb.rewrite_links(html, resolve)
    html = re.sub(r"(</h1>)", r"\1" + download, html, count=1)
    return f'<link rel="stylesheet" href="{css}">\n{html}'
