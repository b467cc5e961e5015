"""Prepare the page's code blocks (scripts/codeblocks.py): out of search, in the Tab order, lighter."""

from __future__ import annotations


# Apply codeblocks.prepare to the page, the chapter's blocks and the notebook cells alike.
def on_page_content(html: str, page, config, files) -> str:
    from scripts import codeblocks

    return codeblocks.prepare(html)
