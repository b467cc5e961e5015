"""Make the project importable and fresh: `mkdocs serve` keeps one process across rebuilds."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# Put the project on sys.path and drop old imports of snippets/ and scripts/, so that every
# (re)build runs the generators as they are on disk.
def on_config(config):
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for name in [m for m in sys.modules if m.split(".")[0] in ("snippets", "scripts")]:
        del sys.modules[name]
