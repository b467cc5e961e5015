"""Tests for scripts/sections.py, the project's one reader of `--8<--` section markers."""

from __future__ import annotations

import pytest

from scripts.sections import SectionError, sections

TEXT = """import numpy as np
# --8<-- [start:outer]
# --8<-- [start:inner]
def f():
    return 1
# --8<-- [end:inner]

def g():
    return f()
# --8<-- [end:outer]
"""


def test_sections_nest_and_keep_their_source():
    found = sections(TEXT)
    assert found["inner"] == "def f():\n    return 1\n"
    assert found["outer"].startswith("# --8<-- [start:inner]") and found["outer"].endswith("return f()\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# --8<-- [start:a]\nx = 1\n", "section 'a' never ends"),
        ("x = 1\n# --8<-- [end:a]\n", r"\[end:a\] at line 2 does not close"),
        (
            "# --8<-- [start:a]\n# --8<-- [end:a]\n# --8<-- [start:a]\n# --8<-- [end:a]\n",
            "section 'a' starts twice",
        ),
        ("# --8<-- [start:a]\n# --8<-- [start:b]\n# --8<-- [end:a]\n", r"\[end:a\] at line 3"),
    ],
)
def test_unbalanced_markers_are_named(text, message):
    with pytest.raises(SectionError, match=message):
        sections(text)
