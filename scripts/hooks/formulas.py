"""Replace the LaTeX that pymdownx.arithmatex leaves in a page with MathML (scripts/mathml.py)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError


# Convert every formula of the page; one that cannot be converted stops the build, naming the page.
def on_page_content(html: str, page, config, files) -> str:
    from scripts.mathml import MathError, convert_page

    try:
        return convert_page(html)
    except MathError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from exc
