"""Pinned npm tools (Lighthouse, the Nu HTML Checker) installed into a folder of .cache/."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path


def install(package: str, version: str, prefix: Path, *flags: str) -> Path:
    """Return `prefix`/node_modules/`package`, installing `package`@`version` there with npm unless
    that exact version is already in place; `flags` are passed to `npm install`."""
    folder = prefix / "node_modules" / package
    manifest = folder / "package.json"
    if not (manifest.is_file() and json.loads(manifest.read_text("utf-8"))["version"] == version):
        prefix.mkdir(parents=True, exist_ok=True)
        command = ["npm", "install", "--no-save", "--no-audit", "--no-fund", *flags, "--prefix", str(prefix)]
        subprocess.run([*command, f"{package}@{version}"], check=True)
    return folder
