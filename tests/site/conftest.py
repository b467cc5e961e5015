"""Fixtures of the site tests that build a copy of the project (the real site's build is in
tests/conftest.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.helpers import copy_project, run_build

PUBLISHED_URL = "https://example.github.io/nnadl/"


class RebuiltCopy(NamedTuple):
    """Two builds of one copy of the project, and the folder of the second."""

    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]
    published: Path


@pytest.fixture(scope="session")
def rebuilt_copy(tmp_path_factory: pytest.TempPathFactory) -> RebuiltCopy:
    """Return two builds of a copy of the project: the first without executed notebooks (it runs
    them), the second after an edit to a page and for publishing, at PUBLISHED_URL. One pair
    serves the notebook cache's test and the published address's test."""
    folder = tmp_path_factory.mktemp("rebuilt")
    project = copy_project(folder / "project")
    shutil.rmtree(project / ".cache" / "notebooks", ignore_errors=True)  # copy_project brings the cache
    first = run_build(project, folder / "first")
    assert first.returncode == 0, first.stderr
    about = project / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\n추가 문장입니다.\n", "utf-8")
    second = run_build(project, folder / "published", SITE_URL=PUBLISHED_URL, ALLOW_LOCAL_SITE_URL="")
    assert second.returncode == 0, second.stderr
    return RebuiltCopy(first, second, folder / "published")
