"""The build's caches under .cache/: one key function and one safe way to write an entry."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path


def key(paths: Iterable[Path], packages: Iterable[str]) -> str:
    """Return a short hash of the files' names and bytes, Python's version and the packages' versions."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(repr([sys.version, *(metadata.version(p) for p in packages)]).encode())
    return digest.hexdigest()[:20]


def write(path: Path, text: str) -> None:
    """Write `text` to `path` atomically, so that a parallel build never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, suffix=".tmp", delete=False, encoding="utf-8") as f:
        f.write(text)
    os.chmod(f.name, 0o644)
    os.replace(f.name, path)
