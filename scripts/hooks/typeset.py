"""Bind each Korean word that holds a formula, inline code, a link or a bracket into one unit
(scripts/typeset.py), so no line breaks inside it: 입력(input)은, σ(z)입니다."""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.hooks.typeset")


# After the formulas and the references' links exist: wrap the page's words; log the words too
# long to wrap (they could overflow a phone's line), which may then break where Chromium allows.
def on_page_content(html: str, page, config, files) -> str:
    from scripts.typeset import keep_words_together

    skipped: list[str] = []
    html = keep_words_together(html, skipped)
    if skipped:
        log.debug("%s: %d words too long to keep on one line: %s", page.file.src_uri, len(skipped), skipped)
    return html
