"""The ruff settings in pyproject.toml: `make lint` (run by `make test`) must not break the pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

RUFF = Path(sys.executable).parent / "ruff"


def test_ruff_leaves_markdown_alone() -> None:
    # ruff formats the code fences of Markdown files too, and turns `--8<-- "snippets/…"` there
    # into `--8 < --"snippets/…"`; pyproject.toml excludes *.md so that `ruff format .` is safe.
    for command in (["format", "--check"], ["check"]):
        result = subprocess.run(
            [RUFF, *command, "--output-format", "concise", "."], cwd=ROOT, capture_output=True, text=True
        )
        assert ".md:" not in result.stdout + result.stderr, result.stdout
    assert "--8<--" in (ROOT / "docs" / "code.md").read_text("utf-8")
