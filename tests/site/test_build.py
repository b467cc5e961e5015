"""The built site: strict and clean, every link resolves, math converted, reproducible, and bad
input stops the build with a message that names the file and the problem."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.helpers import RAW_TEX, ROOT, copy_project, mkdocs_config, run_build, session_build_env


class _Collect(HTMLParser):
    """Collect ids, links and images of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if a.get("name") and tag == "a":
            self.ids.add(a["name"] or "")
        for key in ("href", "src"):
            if a.get(key) and tag in ("a", "link", "script", "img", "source"):
                self.links.append(a[key] or "")
        if tag == "img":
            self.images.append(a)
        if tag in ("script", "style", "code", "pre", "math"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "code", "pre", "math"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


@pytest.fixture(scope="module")
def parsed(site_dir: Path) -> dict[Path, _Collect]:
    """Return every built page, parsed."""
    pages = {}
    for path in site_dir.rglob("*.html"):
        collector = _Collect()
        collector.feed(path.read_text("utf-8"))
        pages[path] = collector
    return pages


def _target(site: Path, page: Path, url: str) -> Path | None:
    """Return the file a same-site URL points to, or None for another host."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:", "javascript:")):
        return None
    path = unquote(parts.path)
    if not path:
        return page
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    return target / "index.html" if target.is_dir() or path.endswith("/") else target


def test_every_internal_link_and_anchor_resolves(site_dir: Path, parsed: dict[Path, _Collect]) -> None:
    broken = []
    for page, info in parsed.items():
        for url in info.links:
            target = _target(site_dir, page, url)
            if target is None:
                continue
            fragment = urlsplit(url).fragment
            if not target.exists():
                broken.append(f"{page.relative_to(site_dir)}: {url} (no file)")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in parsed[target].ids:
                if target.parent.name == "playground" and "=" in fragment:
                    continue  # a state of the playground, not an anchor: tests/site/test_playground_links.py
                if not fragment.startswith(("only-light", "only-dark", "__")):
                    broken.append(f"{page.relative_to(site_dir)}: {url} (no #{fragment})")
    assert not broken, "\n".join(broken)


def test_every_image_exists_and_has_alt(site_dir: Path, parsed: dict[Path, _Collect]) -> None:
    images = [(page, img) for page, info in parsed.items() for img in info.images]
    assert images, "the site should have figures"
    for page, img in images:
        where = f"{page.relative_to(site_dir)}: {img.get('src')}"
        assert (img.get("alt") or "").strip(), f"{where} has no alt text"
        target = _target(site_dir, page, img["src"] or "")
        assert target is None or target.is_file(), f"{where} does not exist"


def test_figures_have_light_and_dark_variants_and_captions(built_pages: dict[str, str]) -> None:
    for name, html in built_pages.items():
        for figure in re.findall(r"<figure>.*?</figure>", html, re.S):
            if "figures/" not in figure:
                continue
            assert "#only-light" in figure and "#only-dark" in figure, f"{name}: {figure[:200]}"
            assert re.search(r"<figcaption>\s*\S", figure), f"{name}: figure without caption"
            assert "<br" not in figure, f"{name}: a line break between figure and caption: {figure[:200]}"


def test_no_raw_tex_and_math_is_mathml(site_dir: Path, parsed: dict[Path, _Collect], built_pages) -> None:
    for page, info in parsed.items():
        raw = RAW_TEX.findall("".join(info.text))
        assert not raw, f"{page.relative_to(site_dir)} shows raw TeX {sorted(set(raw))}"
        assert 'class="arithmatex"' not in built_pages[page.relative_to(site_dir).as_posix()]
    assert "<math" in built_pages["index.html"]


def test_no_page_loads_from_another_host(built_pages: dict[str, str]) -> None:
    # Tags that make the browser fetch something; a canonical <link> is only a name.
    fetching = re.compile(
        r'<(?:script|img|iframe|source|link(?![^>]*rel="canonical"))\b[^>]*?(?:src|href)="(?:https?:)?//[^"]*', re.I
    )
    for name, html in built_pages.items():
        assert not fetching.search(html), f"{name} loads from another host: {fetching.search(html)[0]}"
        assert "fonts.googleapis" not in html and "mathjax" not in html.lower(), name


def test_nothing_generated_is_written_into_docs(site_dir: Path) -> None:
    """After a build (site_dir), docs/ still holds no generated figure: its one SVG is the tab icon,
    drawn by hand (mkdocs.yml: theme.favicon)."""
    svgs = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.svg")]
    assert svgs == [mkdocs_config()["theme"]["favicon"]], f"generated figures must not be in docs/: {svgs}"
    assert not (ROOT / "docs" / "figures").exists()


def test_a_second_build_is_byte_identical(site_dir: Path, serve_port: int, tmp_path: Path) -> None:
    """The session's build and one more with the same environment give the same files, byte for byte."""
    sites = [site_dir, tmp_path / "again"]
    result = run_build(ROOT, sites[1], **session_build_env(serve_port))
    assert result.returncode == 0, result.stderr
    a_files = sorted(p.relative_to(sites[0]) for p in sites[0].rglob("*") if p.is_file())
    b_files = sorted(p.relative_to(sites[1]) for p in sites[1].rglob("*") if p.is_file())
    assert a_files == b_files
    changed = [str(p) for p in a_files if (sites[0] / p).read_bytes() != (sites[1] / p).read_bytes()]
    assert not changed, f"builds differ in: {changed}"


# ── Bad input: each stops the build with a message naming the file and the problem ────────────


def assert_build_fails(project: Path, site: Path, case: str, expected: list[str]) -> None:
    """Assert that building `project` fails and that its output holds every expected phrase."""
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build passed:\n{output[-2000:]}"
    for words in expected:
        assert words in output, f"{case}: {words!r} not in build output:\n{output[-2000:]}"


# One case per way a page can stop the build: a hook's error (formulas, figures, placeholders) and
# pymdownx.snippets' own check_paths. Every message of the hooks is tested without a build in
# tests/unit/test_hooks.py (and test_mathml.py); these prove that such an error stops MkDocs.
BAD_INPUT = {
    "malformed formula": ("$$\\frac{1}{$$", ["index.md", "cannot convert formula", "\\frac{1}{"]),
    "unknown figure": (
        '<figure markdown="span">\n  ![그림](figures/no_such_figure.svg)\n  <figcaption>x</figcaption>\n</figure>',
        ["index.md", "unknown figure", "no_such_figure"],
    ),
    "unknown table": ("<!-- table:no_such_table -->", ["index.md", "unknown table", "no_such_table"]),
    "missing include file": (
        '```python\n--8<-- "snippets/no_such_file.py"\n```',
        ["index.md", "Snippet at path 'snippets/no_such_file.py' could not be found"],
    ),
    "missing include section": (
        '```python\n--8<-- "snippets/sigmoid.py:no_such_section"\n```',
        ["index.md", "Snippet section 'no_such_section' could not be located"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUT))
def test_bad_input_fails_the_build_with_a_clear_message(case: str, tmp_path: Path) -> None:
    snippet, expected = BAD_INPUT[case]
    project = copy_project(tmp_path / "project")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text("utf-8") + "\n\n" + snippet + "\n", "utf-8")
    assert_build_fails(project, tmp_path / "site", case, expected)
    assert (ROOT / "docs" / "index.md").read_text("utf-8").count("no_such") == 0


BROKEN_GENERATORS = {
    "table": (
        "scripts/tables.py",
        '\n\ndef _broken() -> str:\n    raise ValueError("no data")\n\n\nTABLES["broken_table"] = _broken\n',
        "<!-- table:broken_table -->",
        ["index.md", "table 'broken_table' failed", "no data"],
    ),
    "figure": (
        "scripts/figures.py",
        '\n\ndef _broken(scheme: Scheme) -> str:\n    raise ValueError("no data")\n\n\n'
        'FIGURES = {"broken_figure": _broken, **FIGURES}\n',  # first, so no other figure is drawn
        "",
        ["figure 'broken_figure'", "failed", "no data"],
    ),
}


@pytest.mark.parametrize("kind", list(BROKEN_GENERATORS))
def test_a_generator_that_raises_fails_the_build(kind: str, tmp_path: Path) -> None:
    module, code, page_text, expected = BROKEN_GENERATORS[kind]
    project = copy_project(tmp_path / "project")
    (project / module).write_text((project / module).read_text("utf-8") + code, "utf-8")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text("utf-8") + "\n\n" + page_text + "\n", "utf-8")
    assert_build_fails(project, tmp_path / "site", kind, expected)
