"""scripts/cache.py: cache keys follow the inputs, and entries are written whole."""

from __future__ import annotations

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
