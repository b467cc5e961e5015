"""Publish every figure of scripts/figures.py in both schemes, and expand a page's figure images
into the light/dark pair with its size."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "figures"
# What a drawn figure depends on: its generators, the functions they plot, the font, the cache code.
FIGURE_INPUTS = (
    "snippets/*.py",
    "scripts/figures.py",
    "scripts/examples.py",
    "scripts/cache.py",
    "scripts/fonts/*.otf",
)
# `![alt](figures/NAME.svg)`, and the indentation of a <figcaption> on the next line. In a
# `<figure markdown="span">` that indentation would end the image's line with spaces, which
# Python-Markdown turns into a hard line break: a <br /> between the figure and its caption.
FIGURE = re.compile(r"!\[([^\]]*)\]\(figures/([^)\s]+?)\.svg\)(\n[ \t]+(?=<figcaption\b))?")
SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)(pt|px)?"[^>]*?height="([\d.]+)(pt|px)?"')


# Return the figure cache's key: the bytes of FIGURE_INPUTS under `root` and numpy's and matplotlib's versions.
def figure_cache_key(root: Path) -> str:
    from scripts import cache

    return cache.key(sorted(p for pattern in FIGURE_INPUTS for p in root.glob(pattern)), ("numpy", "matplotlib"))


# Publish every figure in both schemes, redrawn only when FIGURE_INPUTS, numpy or matplotlib change.
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
    return files


# Expand each figure image into its light and dark copies, sized so the page reserves their space.
def on_page_markdown(markdown: str, page, config, files: Files) -> str:
    from scripts.figures import FIGURES, SCHEMES

    where = page.file.src_uri
    prefix = posixpath.relpath("figures", posixpath.dirname(where) or ".")

    def figure(m: re.Match[str]) -> str:
        alt, name = m.group(1).strip(), m.group(2)
        if name not in FIGURES:
            raise PluginError(f"{where}: unknown figure '{name}' (known: {', '.join(sorted(FIGURES))})")
        if not alt:
            raise PluginError(f"{where}: figure '{name}' has no alt text")
        size = _size(files.get_file_from_path(f"figures/{name}.light.svg"))
        images = "".join(f"![{alt}]({prefix}/{name}.{s.name}.svg#only-{s.name}){{ {size} }}" for s in SCHEMES)
        return images + ("\n" if m.group(3) else "")

    return FIGURE.sub(figure, markdown)


# Return an SVG's size in CSS pixels as image attributes, lazy-loaded.
def _size(file: File) -> str:
    w, wu, h, hu = SIZE.search(file.content_string).groups()
    px = 4 / 3 if wu == "pt" else 1
    return f'width="{round(float(w) * px)}" height="{round(float(h) * px)}" loading="lazy"'
