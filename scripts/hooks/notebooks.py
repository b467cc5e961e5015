"""Notebook pages (docs/notebooks/*.py): run each notebook (scripts/notebooks.py), publish its
download, and give mkdocs-jupyter the executed page copy; the page is mkdocs-jupyter's rendering
of its code cells (options in mkdocs.yml) with the Markdown cells rendered by MkDocs. Every
failure becomes an error naming the notebook."""

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
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "notebooks"
NOTEBOOK = re.compile(r"notebooks/[^/]+\.py")
log = logging.getLogger("mkdocs.hooks.notebooks")
_PAGES: dict[str, str] = {}  # src_uri of each notebook page -> its executed page copy, this build

# Three repairs of mkdocs-jupyter's HTML. Its nbconvert template is fixed (mkdocs_jupyter.nbconvert2
# sets `template_file` itself) and none of its options turns these parts off, so they are undone here:
# 1. the template inlines nbconvert's CSS, a MathJax configuration (comments and a script) and a
#    clipboard script: dead weight next to Material's own styles, our MathML and Material's copy button;
INLINED_ASSETS = re.compile(r"<(style|script)\b[^>]*>.*?</\1>\s*|<!--.*?-->\s*", re.S)
# 2. each code cell gets that clipboard script's button and a hidden second copy of its source;
CLIPBOARD = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*'
    r'|<div [^>]*class="clipboard-copy-txt"[^>]*>.*?</div>\s*',
    re.S,
)
# 3. Pygments' block comes without <code>, and Material's colours and copy button need `pre > code`.
CODE = re.compile(r'<div class="highlight-ipynb hl-(\w+)\s*">\s*<pre><span></span>(.*?)</pre>\s*</div>', re.S)


# Before mkdocs-jupyter: run each notebook (or reuse the cache), make the page the executed copy.
@event_priority(100)
def on_files(files: Files, config) -> Files:
    from scripts import notebooks as nb

    for file in [f for f in files if NOTEBOOK.fullmatch(f.src_uri)]:
        where = f"docs/{file.src_uri}"
        try:
            folder, hit = nb.run(Path(file.abs_src_path), where, CACHE, ROOT / "snippets")
        except nb.NotebookError as exc:
            raise PluginError(str(exc)) from exc
        log.info("notebook %s: %s", file.src_uri, "cached" if hit else "executed")
        ran = nbformat.read(folder / "executed.ipynb", as_version=4)
        if not ran.metadata.get("description"):
            raise PluginError(f"{where}: the notebook has no 'description' in its jupytext header")
        download = nb.download_copy(ran, lambda path, src=file.src_uri: _absolute_url(path, src, files, config))
        file.abs_src_path = _PAGES[file.src_uri] = str(folder / "page.ipynb")
        files.append(File.generated(config, file.src_uri[:-3] + ".ipynb", content=nbformat.writes(download) + "\n"))
    return files


# mkdocs-jupyter wraps the page's file, which recomputes its source path: point it back at the copy.
@event_priority(100)
def on_pre_page(page, config, files: Files):
    if page.file.src_uri in _PAGES:
        page.file.abs_src_path = _PAGES[page.file.src_uri]
    return page


# Return the site address of a page a notebook links to: the download leaves the site.
def _absolute_url(path: str, src_uri: str, files: Files, config) -> str:
    uri = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    if files.get_file_from_path(uri) is None:
        raise PluginError(f"docs/{src_uri}: link to '{path}' points to no file in docs/")
    page = File(posixpath.splitext(uri)[0] + ".md", "", "", config["use_directory_urls"])  # a notebook's url
    return urljoin(config["site_url"] or "/", page.url)


# The page's Markdown is its Markdown cells, between placeholders, and its description.
def on_page_markdown(markdown: str, page, config, files: Files) -> str:
    from scripts.notebooks import MARKDOWN_CELL

    if not NOTEBOOK.fullmatch(page.file.src_uri):
        return markdown
    notebook = nbformat.reads(markdown, as_version=4)
    page.meta["description"] = notebook.metadata["description"]
    return f"\n\n{MARKDOWN_CELL}\n\n".join(c.metadata["markdown"] for c in notebook.cells if c.cell_type == "raw")


# Notebook pages, before the other hooks' on_page_content (formulas, code blocks, references):
# render the Markdown cells with MkDocs (its extensions, links, heading ids and table of contents)
# into mkdocs-jupyter's HTML, repaired (INLINED_ASSETS, CLIPBOARD, CODE).
@event_priority(10)
def on_page_content(html: str, page, config, files: Files) -> str:
    from scripts.notebooks import MARKDOWN_CELL

    if not NOTEBOOK.fullmatch(page.file.src_uri):
        return html
    Page.render(page, config, files)  # the Markdown above; mkdocs-jupyter replaced `page.render`
    cells, slots = (
        page.content.split(MARKDOWN_CELL),
        [CLIPBOARD.sub("", INLINED_ASSETS.sub("", s)) for s in html.split(MARKDOWN_CELL)],
    )
    if len(slots) != len(cells) + 1:
        raise PluginError(f"docs/{page.file.src_uri}: {len(cells)} Markdown cells but {len(slots) - 1} places for them")
    html = slots[0] + "".join(cell + slot for cell, slot in zip(cells, slots[1:], strict=True))
    html = CODE.sub(r'<div class="language-\1 highlight"><pre><span></span><code>\2</code></pre></div>', html)
    css = files.get_file_from_path("stylesheets/notebook.css").url_relative_to(page.file)
    ipynb = files.get_file_from_path(page.file.src_uri[:-3] + ".ipynb").url_relative_to(page.file)
    download = (
        f'<p class="nb-download" data-search-exclude><a class="md-button" href="{ipynb}" download>'
        "노트북 내려받기 (.ipynb)</a> 실행 결과가 담긴 노트북입니다. numpy와 matplotlib만 있으면 "
        "어디서든 실행됩니다.</p>"
    )
    return f'<link rel="stylesheet" href="{css}">\n' + html.replace("</h1>", "</h1>" + download, 1)
