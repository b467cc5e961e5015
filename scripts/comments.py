"""Drop the comments of the site's own stylesheets and scripts from the copies readers download.

The sources in docs/ keep every comment (they explain each rule to the next maintainer); a reader's
first load need not carry them: they are about 60 % of extra.css gzipped. No minifier from PyPI
installs as a wheel (mkdocs-minify-plugin needs csscompressor and jsmin, sdists only), so this is
the one transformation kept here, and a deliberately small one: CSS block comments and whole-line
`//` comments in JavaScript, nothing inside a line of code.
"""

from __future__ import annotations

import re

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)  # our CSS has no string holding "/*"
JS_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*\n", re.M)  # whole lines only: a URL's // stays
BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


def strip_comments(text: str, suffix: str) -> str:
    """Return `text` (a .css or .js file's) without its comments and blank lines."""
    if suffix == ".css":
        text = CSS_COMMENT.sub("", text)
    elif suffix == ".js":
        text = JS_LINE_COMMENT.sub("", text)
    else:
        raise ValueError(f"strip_comments(): suffix must be '.css' or '.js', got {suffix!r}")
    return BLANK_LINES.sub("\n", text).lstrip("\n")
