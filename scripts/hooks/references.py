"""Link every "식 (n)" to its equation and the first use of each glossary term per section to the
glossary (scripts/references.py), so the reader can preview them in place."""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

EQUATION_NUMBER = re.compile(r"\\tag\{\s*(\d+)\s*\}")  # `\tag{5}` in a page's Markdown numbers equation (5)
EQUATIONS: dict[str, File] = {}  # equation number → the Markdown page that defines it, this build
TERMS: list = []  # the glossary as references.TermLink, this build


# Read the glossary and every page's equation numbers once per build; a number used twice stops it.
def on_files(files: Files, config) -> Files:
    from scripts import glossary, references

    TERMS[:] = [
        references.TermLink(t.ko, t.id, f"{t.en}: {references.tex_to_text(t.definition)}") for t in glossary.load()
    ]
    EQUATIONS.clear()
    for file in files.documentation_pages():
        if file.src_uri.endswith(".md"):
            for number in EQUATION_NUMBER.findall(file.content_string):
                if number in EQUATIONS:
                    first = EQUATIONS[number].src_uri
                    raise PluginError(f"{file.src_uri}: equation ({number}) is already numbered in {first}")
                EQUATIONS[number] = file
    return files


# Link equation numbers (to this page's copy if it has one) and, except on the glossary page
# itself, glossary terms; an unknown equation number stops the build, naming the page.
def on_page_content(html: str, page, config, files: Files) -> str:
    from mkdocs.utils import get_relative_url

    from scripts import references

    here = set(re.findall(r'\bid="eqtn(\d+)"', html))
    equations = {n: f"{get_relative_url(f.url, page.file.url)}#eqtn{n}" for n, f in EQUATIONS.items()}
    equations |= {n: f"#eqtn{n}" for n in here}
    glossary_page = files.get_file_from_path("glossary.md")
    if glossary_page is None:
        raise PluginError("glossary.md is missing: glossary terms have nowhere to link")
    try:
        titles = {n: f.page.title for n, f in EQUATIONS.items() if f.page}  # "식 (5) · 시그모이드 뉴런"
        html = references.link_equations(html, equations, titles)
        if page.file.src_uri != glossary_page.src_uri:
            html = references.link_terms(html, TERMS, get_relative_url(glossary_page.url, page.file.url))
    except references.LinkError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from exc
    return html
