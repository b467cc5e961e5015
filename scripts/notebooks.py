"""Notebooks: execute them with a cache, inline snippets for the download, slim the rendered HTML.

Pure helpers for `scripts/notebook_hooks.py`: notebooks in, notebooks or HTML text out. The only
side effects are running a kernel in `execute()` and reading/writing the cache in `executed()`.
"""

from __future__ import annotations

import ast
import base64
import builtins
import html
import os
import re
import symtable
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import jupytext
import nbformat
from nbformat import NotebookNode

from scripts import cache

ROOT = Path(__file__).resolve().parent.parent

# `from snippets import a, b` or `from snippets.sigmoid import (a, b as c)`, one statement.
SNIPPET_IMPORT = re.compile(r"^from\s+snippets(?:\.(\w+))?\s+import\s+(\([^)]*\)|[^\n]*)", re.M)
SECTION = re.compile(r"^# --8<-- \[start:(\w+)\]\n(.*?)^# --8<-- \[end:\1\][^\n]*\n?", re.M | re.S)
HEADING_ID = re.compile(r"^(#{1,6} .*?)\s*\{\s*#([\w-]+)\s*\}\s*$", re.M)
# Code spans and fences are left alone when math and links are rewritten in Markdown cells.
CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.S)
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)(.+?)(?<![\\$])\$")
MATH_TOKEN = re.compile(r"nbmath([di])([0-9a-f]+)z")
CELL_END = "nbcellend"  # closes each Markdown cell, so slim_html() can unwrap it safely
MD_LINK = re.compile(r"\]\(([^)\s]+?\.(?:md|py))(#[\w-]+)?\)")


class NotebookError(RuntimeError):
    """A notebook that cannot be executed or prepared; the message names the notebook and cell."""


# ── Reading, hashing, executing ───────────────────────────────────────────────────────────────


def read_notebook(path: Path) -> NotebookNode:
    """Return the notebook stored as a jupytext percent-format `.py` file, with stable cell ids."""
    nb = jupytext.read(path)
    nb.metadata.pop("jupytext", None)
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i + 1}"
    return nb


def cache_key(notebook: Path, snippets_dir: Path) -> str:
    """Return a hash of everything an executed notebook depends on: its source, snippets, this file."""
    paths = [notebook, Path(__file__), *sorted(snippets_dir.glob("*.py"))]
    return cache.key(paths, ("numpy", "matplotlib", "ipykernel"))


def execute(nb: NotebookNode, name: str, cwd: Path, timeout: int = 300) -> NotebookNode:
    """Return `nb` executed top to bottom in a fresh python3 kernel run from `cwd`.

    A failing cell raises NotebookError naming the notebook, the cell (1-based, counting every
    cell), its first line and the error.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.from_dict(nb)
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(cwd), env.get("PYTHONPATH")]))
    env["SOURCE_DATE_EPOCH"] = "0"  # no build date inside the SVG figures
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    # The kernel's own log (e.g. its warning about TCP transport) goes to a file, not the build's
    # stderr; it is shown only when the kernel itself fails.
    log = tempfile.TemporaryFile("w+", encoding="utf-8")
    try:
        client.execute(env=env, stderr=log)
    except CellExecutionError as exc:
        for index, cell in enumerate(nb.cells, 1):
            errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
            if errors:
                first = next((line for line in cell.source.splitlines() if line.strip()), "")
                raise NotebookError(
                    f"{name}: cell {index} (`{first.strip()}`) failed: {errors[0].ename}: {errors[0].evalue}"
                ) from None
        raise NotebookError(f"{name}: execution failed: {exc}") from None
    except Exception as exc:  # timeouts, a dead kernel, a kernel that cannot start
        log.seek(0)
        raise NotebookError(f"{name}: execution failed: {type(exc).__name__}: {exc}\n{log.read()}") from exc
    finally:
        log.close()
    return nb


def executed(source: Path, name: str, cache_dir: Path, cwd: Path = ROOT) -> tuple[Path, bool]:
    """Return the cached executed notebook for `source` (`<cache_dir>/<key>/executed.ipynb`), and
    whether it was already cached.

    The notebook runs only when no file for its cache key exists; it is written atomically so
    that parallel builds never read half a file.
    """
    path = cache_dir / cache_key(source, cwd / "snippets") / "executed.ipynb"
    if path.exists():
        return path, True
    cache.write(path, nbformat.writes(execute(read_notebook(source), name, cwd)))
    return path, False


# ── The page version: math as tokens that survive nbconvert's Markdown ───────────────────────


def _outside_code(markdown: str, change: Callable[[str], str]) -> str:
    """Return `markdown` with `change` applied to every part outside code spans and fences."""
    parts = CODE.split(markdown)
    return "".join(p if i % 2 else change(p) for i, p in enumerate(parts))


def tokenize_math(markdown: str) -> str:
    """Return Markdown whose `$…$` and `$$…$$` formulas are replaced by plain-word tokens.

    nbconvert would keep the LaTeX for MathJax; the tokens pass through it untouched and
    `untokenize_math()` turns them into arithmatex markup for the site's MathML conversion.
    """

    def change(text: str) -> str:
        text = DISPLAY_MATH.sub(lambda m: f"\n\nnbmathd{m.group(1).strip().encode().hex()}z\n\n", text)
        return INLINE_MATH.sub(lambda m: f"nbmathi{m.group(1).strip().encode().hex()}z", text)

    return _outside_code(markdown, change)


def untokenize_math(page_html: str) -> str:
    """Return the HTML with math tokens turned into the markup pymdownx.arithmatex produces."""

    def change(m: re.Match[str]) -> str:
        tex = html.escape(bytes.fromhex(m.group(2)).decode(), quote=False)
        return f'<div class="arithmatex">\\[{tex}\\]</div>' if m.group(1) == "d" else (
            f'<span class="arithmatex">\\({tex}\\)</span>'
        )

    page_html = re.sub(r"<p>\s*(nbmathd[0-9a-f]+z)\s*</p>", r"\1", page_html)
    return MATH_TOKEN.sub(change, page_html)


def page_notebook(nb: NotebookNode, name: str) -> NotebookNode:
    """Return a copy of the executed notebook ready for mkdocs-jupyter.

    Math is tokenized, and every SVG figure gets its cell's `alt` metadata (jupytext:
    `# %% alt="…"`) as its accessible name; a figure without one raises NotebookError.
    """
    nb = nbformat.from_dict(nb)
    for index, cell in enumerate(nb.cells, 1):
        if cell.cell_type == "markdown":
            cell.source = tokenize_math(cell.source) + f"\n\n{CELL_END}\n"
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                raise NotebookError(f"{name}: cell {index} draws a PNG; the notebooks draw SVG only")
            if "image/svg+xml" not in data:
                continue
            alt = cell.metadata.get("alt", "").strip()
            if not alt:
                raise NotebookError(f'{name}: cell {index} draws a figure but has no `# %% alt="…"` text')
            label = html.escape(alt, quote=True)
            data["image/svg+xml"] = re.sub(
                r"<svg\b", f'<svg role="img" aria-label="{label}"', data["image/svg+xml"], count=1
            )
    return nb


# ── The download version: snippets inlined, links absolute, no heading ids ──────────────────


@dataclass
class Module:
    """What one snippets/*.py file offers: its named sections and its module-level names."""

    name: str
    sections: dict[str, str] = field(default_factory=dict)  # section name -> source
    defines: dict[str, str] = field(default_factory=dict)  # top-level name -> section name
    imports: dict[str, str] = field(default_factory=dict)  # bound name -> import statement
    siblings: dict[str, str] = field(default_factory=dict)  # bound name -> other snippets module
    constants: dict[str, str] = field(default_factory=dict)  # name -> assignment (with comment)


def read_snippets(folder: Path) -> dict[str, Module]:
    """Return every module of the snippets package with its sections and module-level names."""
    modules = {}
    for path in sorted(folder.glob("*.py")):
        text = path.read_text("utf-8")
        module = Module(path.stem)
        inside = set()
        for m in SECTION.finditer(text):
            module.sections[m.group(1)] = m.group(2).strip("\n")
            first = text.count("\n", 0, m.start()) + 1
            inside.update(range(first, first + m.group(0).count("\n") + 1))
            for node in ast.parse(m.group(2)).body:
                for name in _bound(node):
                    module.defines[name] = m.group(1)
        lines = text.splitlines()
        for node in _top_level(ast.parse(text).body):
            if node.lineno in inside:
                continue
            source = "\n".join(lines[node.lineno - 1 : node.end_lineno])
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("snippets")):
                target = (node.module or "").removeprefix("snippets").lstrip(".") or "__init__"
                module.siblings.update({a.asname or a.name: target for a in node.names})
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                if getattr(node, "module", None) != "__future__":
                    module.imports.update({name: source for name in _bound(node)})
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                start = node.lineno - 1
                while start > 0 and lines[start - 1].startswith("#"):
                    start -= 1
                comment = "\n".join(lines[start : node.lineno - 1])
                module.constants.update({n: "\n".join(filter(None, [comment, source])) for n in _bound(node)})
        modules[module.name] = module
    return modules


def _top_level(body: list[ast.stmt]) -> Iterable[ast.stmt]:
    """Return the module's statements, taking a `try:` block's body (not its fallbacks) as top level."""
    for node in body:
        yield from _top_level(node.body) if isinstance(node, ast.Try) else [node]


def _undefined_globals(source: str) -> list[str]:
    """Return the global names that code in `source` uses but neither it nor builtins define."""
    table = symtable.symtable(source, "<inlined>", "exec")
    defined = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}
    missing, tables = set(), [table]
    while tables:
        t = tables.pop()
        tables.extend(t.get_children())
        for s in t.get_symbols():
            if (s.is_global() or t is table) and s.is_referenced() and s.get_name() not in defined:
                missing.add(s.get_name())
    return sorted(missing - set(dir(builtins)))


def _bound(node: ast.stmt) -> list[str]:
    """Return the names a top-level statement binds."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in node.names]
    if isinstance(node, ast.Assign):
        return [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def inline_source(names: Iterable[str], modules: dict[str, Module], module: str | None = None) -> str:
    """Return standalone Python source defining `names`, built from the snippets' named sections.

    The sections the names live in come first with everything they use: other sections
    (also across modules), module-level constants and the imports. A name that is in no named
    section raises NotebookError.
    """
    imports: dict[str, None] = {}
    constants: dict[str, None] = {}
    sections: dict[tuple[str, str], str] = {}

    def find(name: str, where: str | None) -> tuple[str, str]:
        places = [m for m in modules.values() if name in m.defines and where in (None, m.name)]
        if not places:
            raise NotebookError(f"snippets: '{name}' is not defined in any named section")
        return places[0].name, places[0].defines[name]

    def add(name: str, where: str | None) -> None:
        mod_name, section = find(name, where)
        if (mod_name, section) in sections:
            return
        source = modules[mod_name].sections[section]
        sections[(mod_name, section)] = ""  # mark before recursing, for mutual references
        mod = modules[mod_name]
        used = {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}
        for used_name in sorted(used - set(dir(builtins))):
            if used_name in mod.defines and mod.defines[used_name] != section:
                add(used_name, mod_name)
            elif used_name in mod.siblings:
                add(used_name, None if mod.siblings[used_name] == "__init__" else mod.siblings[used_name])
            elif used_name in mod.constants:
                constants[mod.constants[used_name]] = None
            elif used_name in mod.imports:
                imports[mod.imports[used_name]] = None
        del sections[(mod_name, section)]
        sections[(mod_name, section)] = source  # dependencies first

    for name in names:
        add(name, module)
    files = ", ".join(dict.fromkeys(f"snippets/{m}.py" for m, _ in sections))
    header = f"# The source of {', '.join(names)}, copied from {files} when the site was built."
    blocks = ["\n".join([header, *sorted(imports, key=lambda s: (s.startswith("from"), s))])]
    blocks += list(constants) + list(sections.values())
    code = "\n\n\n".join(blocks)
    if missing := _undefined_globals(code):
        raise NotebookError(f"snippets: the source inlined for {', '.join(names)} does not define {', '.join(missing)}")
    return code


def inline_snippets(source: str, modules: dict[str, Module]) -> str:
    """Return cell source with every `from snippets import …` replaced by the functions' source."""

    def change(m: re.Match[str]) -> str:
        aliases = [a.split() for a in m.group(2).strip("()").replace("\n", " ").split(",") if a.strip()]
        code = inline_source([a[0] for a in aliases], modules, m.group(1))
        renames = [f"{a[2]} = {a[0]}" for a in aliases if len(a) == 3 and a[2] != a[0]]
        return "\n".join([code, *renames])

    return SNIPPET_IMPORT.sub(change, source)


def download_notebook(nb: NotebookNode, modules: dict[str, Module], link: Callable[[str], str]) -> NotebookNode:
    """Return a copy of the executed notebook that runs anywhere with only numpy and matplotlib.

    Imports from snippets become the functions' source, `{ #id }` leaves the headings, and
    `link(path)` makes every relative `.md`/`.py` link in Markdown cells an absolute URL.
    """
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = inline_snippets(cell.source, modules)
        elif cell.cell_type == "markdown":
            text = HEADING_ID.sub(r"\1", cell.source)
            cell.source = _outside_code(text, lambda t: MD_LINK.sub(lambda m: f"]({link(m.group(1))}{m.group(2) or ''})", t))
    return nb


# ── The rendered page: slim HTML, stable heading ids, links to pages ─────────────────────────

_STYLE_SCRIPT = re.compile(r"<(style|script)\b[^>]*>.*?</\1>\s*", re.S)
_CLIPBOARD = re.compile(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*', re.S)
_CLIPBOARD_TEXT = re.compile(r'<div (?:id="cell-\d+" )?class="clipboard-copy-txt"[^>]*>.*?</div>\s*', re.S)
_CLUTTER = re.compile(r'<!--.*?-->\s*|<div class="jp-Collapser[^"]*">\s*</div>\s*| tabindex="0"', re.S)
# nbconvert's wrappers around a Markdown cell, a code cell's input and one output.
_MARKDOWN_CELL = re.compile(
    r'<div class="jp-Cell jp-MarkdownCell[^>]*>\s*<div class="jp-Cell-inputWrapper">\s*'
    r'<div class="jp-InputArea jp-Cell-inputArea">\s*<div class="jp-RenderedHTMLCommon[^>]*>\s*'
    rf"(.*?)<p>{CELL_END}</p>\s*</div>\s*</div>\s*</div>\s*</div>",
    re.S,
)
_CODE_INPUT = re.compile(
    r'<div class="jp-Cell-inputWrapper">\s*<div class="jp-InputArea jp-Cell-inputArea">\s*'
    r'<div class="jp-CodeMirrorEditor[^>]*>\s*<div class="CodeMirror cm-s-jupyter">\s*'
    r'(<div class="language-\w+ highlight"><pre>.*?</pre></div>)\s*</div>\s*</div>\s*</div>\s*</div>',
    re.S,
)
_OUTPUT_CHILD = re.compile(r'<div class="jp-OutputArea-child">\s*(<div class="jp-\w+ jp-OutputArea-output.*?</div>)\s*</div>', re.S)
_SVG_IMG = re.compile(r'<img alt="[^"]*" src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"\s*/?>')
_CODE = re.compile(r'<div class="highlight-ipynb hl-(\w+)\s*">\s*<pre><span></span>(.*?)</pre>\s*</div>', re.S)
_HEADING = re.compile(r'<h([1-6]) id="[^"]*">(.*?)<a class="anchor-link" href="[^"]*">¶</a></h\1>', re.S)
# On the innermost output element: Material's search parser ends an exclusion at the first
# closing tag with the same name, so the marked element must not contain another <div>.
_OUTPUT = re.compile(r'<div class="(jp-[A-Za-z]+ jp-OutputArea-output[^"]*)"')
_HREF = re.compile(r'href="([^":#?]+\.(?:md|py))(#[^"]*)?"')


def slim_html(page_html: str) -> str:
    """Return mkdocs-jupyter's HTML without inline CSS/JS, with Material code blocks.

    Code cells take the structure of Material's own code blocks (so its colours and copy
    button apply), and output areas are marked `data-search-exclude` for the search index.
    """
    page_html = _STYLE_SCRIPT.sub("", page_html)
    page_html = _CLUTTER.sub("", _CLIPBOARD_TEXT.sub("", _CLIPBOARD.sub("", page_html)))
    page_html = _SVG_IMG.sub(lambda m: _inline_svg(base64.b64decode(m.group(1)).decode()), page_html)
    page_html = _CODE.sub(r'<div class="language-\1 highlight"><pre><span></span><code>\2</code></pre></div>', page_html)
    page_html = _OUTPUT.sub(r'<div class="\1" data-search-exclude', page_html)
    page_html = _MARKDOWN_CELL.sub(r"\1", page_html)
    page_html = _OUTPUT_CHILD.sub(r"\1", _CODE_INPUT.sub(r"\1", page_html))
    if CELL_END in page_html:
        raise NotebookError("a Markdown cell could not be unwrapped from nbconvert's HTML")
    # matplotlib's grey (set in the notebooks) follows the text colour of the light or dark scheme.
    return re.sub(r"(fill|stroke|color):\s*#808080", r"\1: currentColor", page_html)


def _inline_svg(svg: str) -> str:
    """Return a matplotlib SVG ready to sit inside the page: no prolog, metadata or global style."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>\s*|<style[^>]*>.*?</style>\s*", "", svg, flags=re.S)
    return svg.strip()


def heading_ids(page_html: str, permalink_title: str) -> tuple[str, list[dict]]:
    """Return the HTML with `{ #id }` heading ids applied, and its table of contents tokens.

    A heading below the title without an explicit id raises NotebookError: nbconvert's slugs
    drop Korean letters, so they would be empty or clash.
    """
    tokens: list[dict] = []

    def change(m: re.Match[str]) -> str:
        level, inner = int(m.group(1)), m.group(2).strip()
        found = re.search(r"\s*\{\s*#([\w-]+)\s*\}$", inner)
        if found is None and level > 1:
            raise NotebookError(f"heading '{inner}' needs a stable id: write it as '{'#' * level} … {{ #id }}'")
        ident = found.group(1) if found else "title"
        inner = inner[: found.start()] if found else inner
        tokens.append({"level": level, "id": ident, "html": inner, "name": re.sub(r"<[^>]+>", "", inner), "data-toc-label": "", "children": []})
        link = "" if level == 1 else f'<a class="headerlink" href="#{ident}" title="{permalink_title}">¶</a>'
        return f'<h{level} id="{ident}">{inner}{link}</h{level}>'

    page_html = _HEADING.sub(change, page_html)
    roots: list[dict] = []
    stack: list[dict] = []
    for token in tokens:
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return page_html, roots


def rewrite_links(page_html: str, resolve: Callable[[str], str]) -> str:
    """Return the HTML with every relative `.md`/`.py` href replaced by `resolve(path)` + anchor."""
    return _HREF.sub(lambda m: f'href="{resolve(m.group(1))}{m.group(2) or ""}"', page_html)
