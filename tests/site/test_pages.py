"""The built site and the nav agree: every page source is in the nav, the sitemap lists exactly
the nav's pages (so the browser tests see every page), and each page has its own description."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from tests.helpers import PAGE_SUFFIXES, ROOT, nav_files, nav_paths


def sitemap_paths(site_dir: Path) -> set[str]:
    """Return the site-relative paths of every page listed in the built sitemap.xml."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    locs = [urlsplit(loc.text or "").path for loc in root.findall("s:url/s:loc", ns)]
    base = min(locs, key=len)  # the home page: site_url's own path
    return {loc[len(base) :] for loc in locs}


def test_every_source_page_is_in_nav() -> None:
    """Every page source under docs/ is listed in mkdocs.yml's nav (none is built but unreachable)."""
    sources = {
        p.relative_to(ROOT / "docs").as_posix()
        for p in (ROOT / "docs").rglob("*")
        if p.suffix in PAGE_SUFFIXES and p.is_file() and "javascripts" not in p.parts and "__pycache__" not in p.parts
    }
    assert sources, "no page sources found under docs/"
    missing = sorted(sources - set(nav_files()))
    assert not missing, f"pages missing from the nav in mkdocs.yml: {missing}"


def test_sitemap_is_the_nav(site_dir: Path) -> None:
    """The built sitemap lists exactly the nav's pages, so the browser tests below see every page."""
    assert sitemap_paths(site_dir) == set(nav_paths())


def test_descriptions_are_own_and_unique(built_pages: dict[str, str]) -> None:
    """Every nav page has a meta description from its front matter: unique, and not the site default."""
    pattern = re.compile(r'<meta name="description" content="([^"]*)"')
    default = pattern.search(built_pages["404.html"])
    assert default, "404.html has no meta description"
    seen: dict[str, str] = {}
    for path in nav_paths():
        match = pattern.search(built_pages[path + "index.html"])
        assert match and match.group(1).strip(), f"/{path} has no meta description"
        text = match.group(1)
        assert text != default.group(1), f"/{path} uses the site default description (add `description:`)"
        assert text not in seen, f"/{path} repeats the description of /{seen.get(text)}"
        assert "작성 중" not in text, f"/{path} still has a placeholder description: {text}"
        seen[text] = path
