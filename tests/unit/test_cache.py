"""scripts/cache.py: cache keys follow the inputs, and entries are written whole."""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts import cache


def test_key_changes_with_content_and_name_only(tmp_path: Path) -> None:
    a = tmp_path / "a.py"
    a.write_text("x = 1\n")
    first = cache.key([a], ("numpy",))
    assert cache.key([a], ("numpy",)) == first
    a.touch()  # a new mtime alone changes nothing
    assert cache.key([a], ("numpy",)) == first
    a.write_text("x = 2\n")
    assert cache.key([a], ("numpy",)) != first
    b = tmp_path / "b.py"
    b.write_text("x = 1\n")
    assert cache.key([b], ("numpy",)) != first != cache.key([a], ("numpy", "matplotlib"))


def test_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "entry.svg"
    cache.write(target, "<svg/>")
    cache.write(target, "<svg></svg>")
    assert target.read_text() == "<svg></svg>"
    assert [p.name for p in target.parent.iterdir()] == ["entry.svg"]


def test_figure_key_follows_only_what_figures_depend_on(tmp_path: Path) -> None:
    """Editing a table, a hook or a developer tool keeps the drawn figures; editing a figure input redraws."""
    from scripts.hooks.figures import figure_cache_key
    from tests.helpers import ROOT

    for folder in ("scripts", "snippets"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    first = figure_cache_key(tmp_path)
    assert first == figure_cache_key(ROOT)
    for unrelated in (
        "scripts/tables.py",
        "scripts/hooks/figures.py",
        "scripts/mathml.py",
        "scripts/tools/subset_font.py",
    ):
        with (tmp_path / unrelated).open("a") as f:
            f.write("\n# edited\n")
        assert figure_cache_key(tmp_path) == first, unrelated
    for related in (
        "scripts/figures.py",
        "scripts/examples.py",
        "snippets/sigmoid.py",
        "scripts/fonts/NotoSansKR-Figures.otf",
    ):
        before = figure_cache_key(tmp_path)
        with (tmp_path / related).open("ab") as f:
            f.write(b"\n")
        assert figure_cache_key(tmp_path) != before, related
