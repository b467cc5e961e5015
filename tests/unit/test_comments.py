"""scripts/comments.py: readers' copies of our CSS and JS lose their comments, and nothing else."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from scripts.comments import strip_comments
from tests.helpers import ROOT

SOURCES = sorted((ROOT / "docs" / "stylesheets").glob("*.css")) + sorted((ROOT / "docs" / "javascripts").glob("*.js"))


def test_css_loses_block_comments_and_blank_lines() -> None:
    css = "/* why */\na {\n  color: red; /* inline */\n}\n\n\n/* a\n   b */\nb { c: d; }\n"
    assert strip_comments(css, ".css") == "a {\n  color: red; \n}\nb { c: d; }\n"


def test_js_loses_whole_line_comments_only() -> None:
    js = '// why\nconst u = "https://example.org"; // kept: inside a line\n\n  // indented\nf();\n'
    assert strip_comments(js, ".js") == 'const u = "https://example.org"; // kept: inside a line\nf();\n'


def test_another_suffix_is_refused() -> None:
    with pytest.raises(ValueError, match="suffix must be"):
        strip_comments("x", ".html")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_source_keeps_its_code(path: Path) -> None:
    """Every declaration or statement survives; what goes is comment text only (and it shrinks)."""
    text = path.read_text("utf-8")
    out = strip_comments(text, path.suffix)
    assert len(out) < len(text)
    if path.suffix == ".css":
        assert "/*" not in out and out.count("{") == re.sub(r"/\*.*?\*/", "", text, flags=re.S).count("{")
    else:
        code = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("//")]
        assert out.splitlines() == code


@pytest.mark.parametrize("path", [p for p in SOURCES if p.suffix == ".js"], ids=lambda p: p.name)
def test_stripped_javascript_still_parses(path: Path, tmp_path: Path) -> None:
    node = subprocess.run(["node", "--version"], capture_output=True, text=True)
    assert node.returncode == 0
    out = tmp_path / path.name
    out.write_text(strip_comments(path.read_text("utf-8"), ".js"), "utf-8")
    check = subprocess.run(["node", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
