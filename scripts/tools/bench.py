"""`make bench`: speed and size figures, printed and never asserted (the machines are shared).

1. snippets.sigmoid against scipy.special.expit and the textbook formula (scripts/tools/bench_sigmoid.py).
2. A clean build (cold caches and warm caches), a rebuild after touching one Markdown page, and
   the first-load weight of every page, gzip-compressed as GitHub Pages serves it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.tools import bench_sigmoid

REBUILDS = 5

# Rebuild in one process, as `mkdocs serve` does: the first build warms up, the rest are timed.
_REBUILD = """
import sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
page = Path("docs/index.md")
times = []
for i in range(int(sys.argv[1]) + 1):
    page.touch()
    start = time.perf_counter()
    build(load_config("mkdocs.yml", site_dir=sys.argv[2]))
    times.append(time.perf_counter() - start)
print(*times[1:])
"""


def _timed(cmd: list[str], cwd: Path) -> float:
    """Return the seconds `cmd` takes; raise if it fails."""
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, env=os.environ | {"ALLOW_LOCAL_SITE_URL": "1"})
    return time.perf_counter() - start


def build_and_weigh() -> list[str]:
    """Return lines with clean-build and rebuild times, measured in a copy of the project, and
    the first-load weight of every page of the clean build (scripts/tools/weight.py)."""
    from scripts.tools.project import copy_project
    from scripts.tools.weight import KIB, budget_for, site_weights

    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir"]
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold = _timed([*mkdocs, str(Path(tmp) / "site-cold")], project)
        warm = [_timed([*mkdocs, str(Path(tmp) / f"site-warm{i}")], project) for i in range(3)]
        out = subprocess.run(
            [sys.executable, "-c", _REBUILD, str(REBUILDS), str(Path(tmp) / "site-re")],
            cwd=project,
            check=True,
            capture_output=True,
            text=True,
        )
        rebuilds = [float(t) for t in out.stdout.split()]
        weights = site_weights(Path(tmp) / "site-cold")
    lines = [
        "build (make build in a copy of the project; target: clean ≤ 15 s, rebuild ≤ 2 s)",
        f"  clean, cold caches (draws figures, executes notebooks): {cold:6.2f} s",
        f"  clean, warm caches (median of 3):                       {statistics.median(warm):6.2f} s",
        f"  rebuild after touching docs/index.md, in-process as `make serve` does "
        f"(median of {REBUILDS}): {statistics.median(rebuilds):.2f} s",
        "",
        "page weight on first load, gzip (HTML + CSS + JS + light images + search index and worker)",
    ]
    lines += [
        f"  {path:42s} {size / KIB:7.1f} KiB   (budget {budget_for(path) / KIB:.0f} KiB)"
        for path, size in weights.items()
    ]
    return lines


def main() -> None:
    for section in (bench_sigmoid.run, build_and_weigh):
        for line in section():
            print(line, flush=True)
        print(flush=True)


if __name__ == "__main__":
    main()
