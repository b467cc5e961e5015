"""A site built for publishing never ships this machine's address: `mkdocs build` stops on a local
site_url unless ALLOW_LOCAL_SITE_URL=1, and a real SITE_URL reaches every link that needs one."""

from __future__ import annotations

import re

import nbformat

from tests.helpers import ROOT, run_build


def test_mkdocs_build_without_site_url_fails_loudly(tmp_path):
    """The default site_url of mkdocs.yml (what a build without SITE_URL gets) stops `mkdocs build`."""
    result = run_build(ROOT, tmp_path / "site", SITE_URL="http://127.0.0.1:8000/", ALLOW_LOCAL_SITE_URL="")
    assert result.returncode != 0
    assert (
        "site_url is 'http://127.0.0.1:8000/': set SITE_URL to the published address" in result.stdout + result.stderr
    )
    assert not (tmp_path / "site").exists()
    assert re.search(
        r'^site_url: !ENV \[SITE_URL, "http://127\.0\.0\.1:8000/"\]$',
        (ROOT / "mkdocs.yml").read_text("utf-8"),
        re.M,
    )


def test_published_site_names_only_its_own_address(rebuilt_copy):
    """A build with SITE_URL, as the deploy workflow builds (tests/site/conftest.py)."""
    site = rebuilt_copy.published
    shipped = [p for p in site.rglob("*") if p.suffix in (".html", ".xml", ".ipynb", ".json", ".txt")]
    leaks = [
        p.relative_to(site).as_posix() for p in shipped if re.search(r"127\.0\.0\.1|localhost", p.read_text("utf-8"))
    ]
    assert not leaks, leaks
    assert "<loc>https://example.github.io/nnadl/sigmoid-neurons/</loc>" in (site / "sitemap.xml").read_text("utf-8")
    chapter = (site / "sigmoid-neurons" / "index.html").read_text("utf-8")
    assert '<link rel="canonical" href="https://example.github.io/nnadl/sigmoid-neurons/">' in chapter
    lab = nbformat.read(site / "notebooks" / "sigmoid-neuron-lab.ipynb", as_version=4)
    links = re.findall(r"\]\(([^)]+)\)", "\n".join(c.source for c in lab.cells if c.cell_type == "markdown"))
    assert links and all(link.startswith("https://example.github.io/nnadl/") for link in links), links
