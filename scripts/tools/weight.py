"""Page weight without a browser: gzip bytes of a built page and what its first load fetches.

Mirrors tests/browser/test_page_weight.py (which measures in Chromium): the HTML, its stylesheets,
scripts and icon, the images shown in the light scheme outside closed <details>, the sitemap that
instant navigation reads, the search index and the search worker with the lunr language files it
imports. Used by `make bench`; `python -m scripts.tools.weight [SITE]` prints it.
"""

from __future__ import annotations

import functools
import gzip
import json
import posixpath
import sys
from fnmatch import fnmatchcase
from html.parser import HTMLParser
from pathlib import Path

# Budgets in gzip bytes on first load (HTML, CSS, JS, figures, search index), by site path;
# `make bench` reports and tests/browser/test_page_weight.py asserts against the same numbers
# (`budget_for` accepts .../index.html too).
KIB = 1024
CHAPTER_BUDGET = 150 * KIB  # the chapter is read first and most
NOTEBOOK_BUDGET = 120 * KIB  # notebook pages: prose, outputs inlined as SVG, nothing else
DEFAULT_BUDGET = 200 * KIB  # every other page
BUDGET = {"sigmoid-neurons/": CHAPTER_BUDGET, "notebooks/*": NOTEBOOK_BUDGET}  # site path or glob → bytes
SEARCH_INDEX = "search/search_index.json"


def budget_for(path: str) -> int:
    """Return the budget of the page at site path `path` ('' or 'index.html' for the home page)."""
    path = path.removesuffix("index.html")
    return next((b for pattern, b in BUDGET.items() if fnmatchcase(path, pattern)), DEFAULT_BUDGET)


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _Resources(HTMLParser):
    """Collect the same-site URLs a page fetches on first load: its stylesheets, scripts and icon,
    the images shown in the light scheme outside closed <details> (lazy images there are not
    fetched until opened), and whether Material's instant navigation is on (it fetches the sitemap)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.details: list[bool] = []  # one per <details> the parser is inside: True if it is closed
        self.instant = False
        self._config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        rel = a.get("rel", "").split()
        if tag == "details":
            self.details.append("open" not in a)
        elif tag == "link" and ("stylesheet" in rel or "icon" in rel):
            self.urls.append(a.get("href", ""))
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "script" and a.get("id") == "__config":
            self._config = True
        elif tag == "img" and a.get("src") and not a["src"].endswith("#only-dark") and not any(self.details):
            self.urls.append(a["src"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "details" and self.details:
            self.details.pop()
        elif tag == "script":
            self._config = False

    def handle_data(self, data: str) -> None:
        if self._config:
            self.instant = "navigation.instant" in json.loads(data).get("features", [])


def compressed(path: Path) -> bool:
    """Return whether GitHub Pages sends `path` gzip-compressed (text formats) or as it is."""
    return path.suffix in COMPRESSED


@functools.lru_cache(maxsize=512)
def _gzip(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def gzipped(path: Path) -> bytes:
    """Return `path` gzip-compressed at level 6, compressing each version of the file once."""
    return _gzip(path, path.stat().st_mtime_ns)


def wire_bytes(path: Path) -> int:
    """Return the bytes GitHub Pages sends for `path`: gzip (level 6) for text, raw otherwise."""
    return len(gzipped(path)) if compressed(path) else path.stat().st_size


def page_resources(site: Path, page: str) -> list[Path]:
    """Return the files of the site that loading `page` (e.g. 'sigmoid-neurons/index.html') fetches."""
    parser = _Resources()
    parser.feed((site / page).read_text("utf-8"))
    here = posixpath.dirname(page)
    files = [site / page]
    for url in parser.urls:
        if "://" in url or url.startswith(("data:", "//")):
            continue
        target = site / posixpath.normpath(posixpath.join(here, url.split("#")[0].split("?")[0]))
        if target.is_file() and target not in files:
            files.append(target)
    if parser.instant and (site / "sitemap.xml").is_file():
        files.append(site / "sitemap.xml")
    index = site / "search" / "search_index.json"
    if index.is_file():
        files.append(index)
        files += sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
        langs = json.loads(index.read_text("utf-8"))["config"]["lang"]
        lunr = site / "assets" / "javascripts" / "lunr" / "min"
        extra = [f"lunr.{lang}.min.js" for lang in langs if lang != "en"]
        if extra:
            extra.insert(0, "lunr.stemmer.support.min.js")
        if len(langs) > 1:
            extra.append("lunr.multi.min.js")
        files += [lunr / name for name in extra if (lunr / name).is_file()]
    return files


def page_weight(site: Path, page: str) -> int:
    """Return the total wire bytes of `page`'s first load."""
    return sum(wire_bytes(p) for p in page_resources(site, page))


def site_weights(site: Path) -> dict[str, int]:
    """Return the first-load wire bytes of every page of the site (404.html excluded)."""
    return {
        p.relative_to(site).as_posix(): page_weight(site, p.relative_to(site).as_posix())
        for p in sorted(site.rglob("index.html"))
    }


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    for name, size in site_weights(root).items():
        print(f"{size / 1024:8.1f} KiB  {name}")
