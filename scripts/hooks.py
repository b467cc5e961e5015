"""MkDocs hooks: publish generated figures, fill table, number and playground-link placeholders, convert math.

Every generator lives in `scripts/figures.py`, `scripts/tables.py` or `scripts/playground.py`; this file only wires them
into the build and turns any failure into an error that names the page and the name.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "figures"

FIGURE = re.compile(r"!\[([^\]]*)\]\(figures/([^)\s]+?)\.svg\)")
SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)(pt|px)?"[^>]*?height="([\d.]+)(pt|px)?"')
PLACEHOLDER = re.compile(
    r"(?P<indent>^[ \t]*)?<!--\s*(?P<kind>table|value|playground):\s*(?P<name>[^\s>]+)\s*-->", re.M
)
INCLUDE = re.compile(r'^\s*--8<--\s+"([^":]+)(?::([\w-]+))?"\s*$', re.M)
TAG = re.compile(r"\\tag\{\s*(\d+)\s*\}")
LOCAL_HOSTS = {None, "", "localhost", "127.0.0.1", "::1", "0.0.0.0"}

EQUATIONS: dict[str, File] = {}  # equation number → the Markdown page that defines it
TERMS: list = []  # the glossary as references.Term, read once per build
_COMMAND: list[str] = []  # the mkdocs command of this run ("build", "serve", "gh-deploy"), if any


# Remember the command: a site built for publishing must know its address, a preview need not.
def on_startup(command: str, dirty: bool) -> None:
    _COMMAND[:] = [command]


# Refuse to publish localhost (see _unpublishable); then load the newest generators: `mkdocs
# serve` keeps the process, so drop old imports first.
def on_config(config):
    if error := _unpublishable(config["site_url"], _COMMAND[-1] if _COMMAND else None, os.environ):
        raise PluginError(error)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for name in [m for m in sys.modules if m.split(".")[0] in ("snippets", "scripts")]:
        del sys.modules[name]


# What a drawn figure depends on: its generators, the functions they plot, the font, the cache code.
FIGURE_INPUTS = (
    "snippets/*.py",
    "scripts/figures.py",
    "scripts/examples.py",
    "scripts/cache.py",
    "scripts/fonts/*.otf",
)


# Return the figure cache's key: the bytes of FIGURE_INPUTS under `root` and numpy's and matplotlib's versions.
def figure_cache_key(root: Path) -> str:
    from scripts import cache

    return cache.key(sorted(p for pattern in FIGURE_INPUTS for p in root.glob(pattern)), ("numpy", "matplotlib"))


# Publish every figure in both schemes (redrawn only when FIGURE_INPUTS, numpy or matplotlib change);
# read the glossary and the equation numbers once for the whole build.
def on_files(files: Files, config) -> Files:
    from scripts import cache
    from scripts.figures import FIGURES, SCHEMES

    folder = CACHE / figure_cache_key(ROOT)
    for name, draw in FIGURES.items():
        for scheme in SCHEMES:
            cached = folder / f"{name}.{scheme.name}.svg"
            if not cached.exists():
                try:
                    cache.write(cached, draw(scheme))
                except Exception as exc:
                    raise PluginError(f"figure '{name}' ({scheme.name}) failed: {exc!r}") from exc
            files.append(File.generated(config, f"figures/{name}.{scheme.name}.svg", abs_src_path=str(cached)))
    from scripts import glossary, references

    TERMS[:] = [references.Term(t.ko, t.id, f"{t.en}: {references.tex_to_text(t.definition)}") for t in glossary.load()]
    EQUATIONS.clear()
    for file in files.documentation_pages():
        if file.src_uri.endswith(".md"):
            for number in TAG.findall(file.content_string):
                if number in EQUATIONS:
                    first = EQUATIONS[number].src_uri
                    raise PluginError(f"{file.src_uri}: equation ({number}) is already numbered in {first}")
                EQUATIONS[number] = file
    return files


# Expand figures into light/dark pairs, fill placeholders, and check every include exists.
def on_page_markdown(markdown: str, page, config, files) -> str:
    from scripts import glossary, particles
    from scripts.figures import FIGURES
    from scripts.playground import HASHES
    from scripts.sections import SectionError, sections
    from scripts.tables import TABLES, VALUES

    tables = TABLES | glossary.TABLES

    where = page.file.src_uri
    prefix = posixpath.relpath("figures", posixpath.dirname(where) or ".")

    def figure(m: re.Match[str]) -> str:
        alt, name = m.group(1).strip(), m.group(2)
        if name not in FIGURES:
            raise PluginError(f"{where}: unknown figure '{name}' (known: {', '.join(sorted(FIGURES))})")
        if not alt:
            raise PluginError(f"{where}: figure '{name}' has no alt text")
        size = _size(files.get_file_from_path(f"figures/{name}.light.svg"))
        return "".join(f"![{alt}]({prefix}/{name}.{s}.svg#only-{s}){{ {size} }}" for s in ("light", "dark"))

    def placeholder(m: re.Match[str]) -> str:
        indent, kind, name = m.group("indent"), m.group("kind"), m.group("name")
        name, _, particle = name.partition("|")  # value:NAME|로 adds 로 or 으로, as the value is read
        if particle and kind != "value":
            raise PluginError(f"{where}: {kind} '{name}' cannot take a particle")
        if kind == "table" and indent is None:
            raise PluginError(f"{where}: table '{name}' must stand on a line of its own")
        registry = {"table": tables, "value": VALUES, "playground": HASHES}[kind]
        if name not in registry:
            raise PluginError(f"{where}: unknown {kind} '{name}' (known: {', '.join(sorted(registry))})")
        try:
            text = registry[name]()
            text = particles.attach(text, particle) if particle else text
        except Exception as exc:
            raise PluginError(f"{where}: {kind} '{name}' failed: {exc!r}") from exc
        indent = indent or ""
        return indent + text.replace("\n", "\n" + indent)  # a table inside an admonition stays inside

    for path, section in INCLUDE.findall(markdown):
        source = ROOT / path
        if not source.is_file():
            raise PluginError(f"{where}: include '{path}' does not exist")
        try:
            if section and section not in sections(source.read_text("utf-8")):
                raise PluginError(f"{where}: include '{path}' has no section '{section}'")
        except SectionError as exc:
            raise PluginError(f"{where}: include '{path}': {exc}") from exc
    return PLACEHOLDER.sub(placeholder, FIGURE.sub(figure, markdown))


# After Material's search plugin: store the index as UTF-8, not \uXXXX escapes (⅓ fewer bytes).
@event_priority(-100)
def on_post_build(config) -> None:
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text("utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


# Return why a `mkdocs build`/`gh-deploy` must stop: a site_url on this machine would ship in the
# canonical links, sitemap.xml and the notebooks' links. ALLOW_LOCAL_SITE_URL=1 allows it (tests,
# benchmarks); `mkdocs serve` and in-process builds (no command) never publish.
def _unpublishable(site_url: str | None, command: str | None, environ) -> str | None:
    if command not in ("build", "gh-deploy") or environ.get("ALLOW_LOCAL_SITE_URL") == "1":
        return None
    if urlsplit(site_url or "").hostname not in LOCAL_HOSTS:
        return None
    return (
        f"site_url is {site_url!r}: set SITE_URL to the published address "
        "(e.g. SITE_URL=https://example.github.io/repo/), or ALLOW_LOCAL_SITE_URL=1 for a local build"
    )


# Read an SVG's size in CSS pixels, so the page reserves its space before it loads.
def _size(file: File) -> str:
    w, wu, h, hu = SIZE.search(file.content_string).groups()
    px = 4 / 3 if wu == "pt" else 1
    return f'width="{round(float(w) * px)}" height="{round(float(h) * px)}" loading="lazy"'


# Replace LaTeX with MathML; prepare code blocks (scripts/codeblocks.py); link "식 (n)" and glossary
# terms for previews in place (scripts/references.py).
def on_page_content(html: str, page, config, files) -> str:
    from scripts import codeblocks
    from scripts.mathml import MathError, convert_page

    try:
        html = convert_page(html).replace("<br />\n<figcaption>", "<figcaption>")
    except MathError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from exc
    html = codeblocks.prepare(html)
    html = _link_references(html, page, files)
    if page.present_anchor_ids is not None:  # MkDocs checks #links against this set; add the ids of raw HTML
        page.present_anchor_ids.update(re.findall(r'\bid="([^"]+)"', html))
        if page.file.src_uri == "playground.md":  # and the states the chapter links to (#x1=…&…)
            from scripts.playground import HASHES

            page.present_anchor_ids.update(h() for h in HASHES.values())
    return html


# Link every equation number (to this page's copy if it has one) and, except on the glossary
# page itself, the first use of each glossary term per section.
def _link_references(html: str, page, files) -> str:
    from mkdocs.utils import get_relative_url

    from scripts import references

    here = set(re.findall(r'\bid="eqtn(\d+)"', html))
    equations = {n: f"{get_relative_url(f.url, page.file.url)}#eqtn{n}" for n, f in EQUATIONS.items()}
    equations |= {n: f"#eqtn{n}" for n in here}
    glossary_page = files.get_file_from_path("glossary.md")
    if glossary_page is None:
        raise PluginError("glossary.md is missing: glossary terms have nowhere to link")
    try:
        html = references.link_equations(html, equations)
        if page.file.src_uri != glossary_page.src_uri:
            html = references.link_terms(html, TERMS, get_relative_url(glossary_page.url, page.file.url))
    except references.LinkError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from exc
    return html
