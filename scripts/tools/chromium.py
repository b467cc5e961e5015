"""The Chromium that every tool and test drives, and how to start it on a machine with no network.

Debian's /usr/bin/chromium unless CHROMIUM names another build (the Pages workflow names the
runner's Google Chrome). The flags: root in a container (no sandbox), no GPU, and none of the
background connections (updates, sync, QUIC) that a closed network refuses many at a time.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
