"""A buildable copy of the project: what a build needs, and one strict build of it.

Used by the bad-input build tests and by `make bench`, which time and break copies, never the
real tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# What a build needs from the repository; a copy of these builds exactly like the real tree.
SOURCES = ("docs", "snippets", "scripts", "mkdocs.yml", "overrides")
# Build caches a copy reuses (not .cache/audit: Lighthouse's node_modules, no part of a build).
CACHES = ("figures", "notebooks")


def run_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Build `project` strictly into `site` and return the finished process (never raises).

    The build may name a local site_url (ALLOW_LOCAL_SITE_URL=1): a copy is never published.
    """
    environ = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0", "ALLOW_LOCAL_SITE_URL": "1"} | env
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=project,
        env=environ,
        capture_output=True,
        text=True,
        timeout=900,
    )


def copy_project(dest: Path) -> Path:
    """Copy the buildable sources into `dest` (never touching the real docs/) and return it."""
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    # Reuse drawn figures and executed notebooks: the copy's sources hash to the same keys.
    for name in CACHES:
        if (ROOT / ".cache" / name).is_dir():
            shutil.copytree(ROOT / ".cache" / name, dest / ".cache" / name)
    return dest
