"""scripts/tools/weight.py: the first-load weight of a page, as GitHub Pages serves it (gzip for text)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from scripts.tools.weight import page_resources, page_weight, wire_bytes


def _site(tmp_path: Path) -> Path:
    files = {
        "a/index.html": '<link rel="stylesheet" href="../s.css"><script src="../j.js"></script>'
        '<img src="../i.light.svg#only-light"><img src="../i.dark.svg#only-dark">'
        '<script src="https://elsewhere.example/x.js"></script>',
        "s.css": "body{}" * 50,
        "j.js": "let a=1;" * 50,
        "i.light.svg": "<svg/>" * 10,
        "i.dark.svg": "<svg/>" * 20,
        "search/search_index.json": json.dumps({"config": {"lang": ["en"]}, "docs": []}),
        "assets/javascripts/workers/search.1234.min.js": "worker();" * 20,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def test_first_load_counts_styles_scripts_light_images_index_and_worker(tmp_path: Path) -> None:
    site = _site(tmp_path)
    names = [p.relative_to(site).as_posix() for p in page_resources(site, "a/index.html")]
    assert names == [
        "a/index.html",
        "s.css",
        "j.js",
        "i.light.svg",
        "search/search_index.json",
        "assets/javascripts/workers/search.1234.min.js",
    ]  # not the dark figure (hidden in the light scheme), not another host


def test_weight_is_the_sum_of_gzip_bytes(tmp_path: Path) -> None:
    site = _site(tmp_path)
    expected = sum(len(gzip.compress(p.read_bytes(), 6, mtime=0)) for p in page_resources(site, "a/index.html"))
    assert page_weight(site, "a/index.html") == expected
    assert wire_bytes(site / "s.css") < (site / "s.css").stat().st_size


def test_icon_and_sitemap_count_but_figures_in_closed_details_do_not(tmp_path: Path) -> None:
    site = _site(tmp_path)
    config = json.dumps({"features": ["navigation.instant"]})
    (site / "b").mkdir()
    (site / "b/index.html").write_text(
        f'<script id="__config" type="application/json">{config}</script><link rel="icon" href="../f.svg">'
        '<details><summary>풀이</summary><img src="../shut.svg"><details open><img src="../x.svg"></details></details>'
        '<details open><img src="../open.svg"></details><img src="../after.svg">',
        "utf-8",
    )
    for name in ("f.svg", "shut.svg", "x.svg", "open.svg", "after.svg", "sitemap.xml"):
        (site / name).write_text("<svg/>", "utf-8")
    names = [p.relative_to(site).as_posix() for p in page_resources(site, "b/index.html")]
    assert names[:5] == ["b/index.html", "f.svg", "open.svg", "after.svg", "sitemap.xml"]
    # without instant navigation, Material does not read the sitemap
    (site / "b/index.html").write_text('<link rel="icon" href="../f.svg">', "utf-8")
    assert "sitemap.xml" not in [p.name for p in page_resources(site, "b/index.html")]
