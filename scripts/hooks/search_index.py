"""Shrink the search index Material's search plugin writes."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority


# After the search plugin: store the index as UTF-8, not \uXXXX escapes (⅓ fewer bytes).
@event_priority(-100)
def on_post_build(config) -> None:
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text("utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
