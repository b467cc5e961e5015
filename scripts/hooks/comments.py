"""Publish the site's own stylesheets and scripts without their comments (scripts/comments.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

FOLDERS = ("stylesheets", "javascripts")  # ours; Material's minified assets live under assets/


# After every file is copied: rewrite our CSS and JS in the site folder, comments dropped.
@event_priority(-100)
def on_post_build(config) -> None:
    from scripts.comments import strip_comments

    site = Path(config["site_dir"])
    for folder in FOLDERS:
        for path in sorted((site / folder).glob("*")):
            if path.suffix in (".css", ".js"):
                path.write_text(strip_comments(path.read_text("utf-8"), path.suffix), "utf-8")
