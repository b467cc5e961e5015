"""Tell MkDocs about anchors it cannot see, so that strict validation accepts links to them."""

from __future__ import annotations

import re

ID = re.compile(r'\bid="([^"]+)"')


# Register the ids of the page's raw HTML (equations, glossary rows) and, on the playground, the
# states the chapter links to (#x1=…&…).
def on_page_content(html: str, page, config, files) -> str:
    if page.present_anchor_ids is None:  # MkDocs checks #links against this set when it exists
        return html
    page.present_anchor_ids.update(ID.findall(html))
    if page.file.src_uri == "playground.md":
        from scripts.playground import HASHES

        page.present_anchor_ids.update(h() for h in HASHES.values())
    return html
