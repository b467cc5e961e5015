"""The one reader of `# --8<-- [start:name]` … `# --8<-- [end:name]` section markers in snippets/*.py.

pymdownx.snippets includes the sections into pages (its `check_paths` stops the build on a missing
file or section); here the notebook pipeline reads the sections it inlines, and the tests check
that every file's markers are balanced.
"""

from __future__ import annotations

import re

MARKER = re.compile(r"^[ \t]*# --8<-- \[(start|end):([\w-]+)\][^\n]*(?:\n|$)", re.M)


class SectionError(ValueError):
    """Markers that do not pair up; the message names the section and the line."""


def sections(text: str) -> dict[str, str]:
    """Return every named section of `text` (name → source between its markers).

    A section that starts twice, never ends, or ends out of nesting order raises SectionError.
    """
    found: dict[str, str] = {}
    stack: list[tuple[str, int]] = []  # open sections, innermost last
    for m in MARKER.finditer(text):
        kind, name = m.groups()
        line = text.count("\n", 0, m.start()) + 1
        if kind == "start":
            if name in found or any(name == n for n, _ in stack):
                raise SectionError(f"section '{name}' starts twice (line {line})")
            stack.append((name, m.end()))
        elif not stack or stack[-1][0] != name:
            raise SectionError(f"[end:{name}] at line {line} does not close the innermost open section")
        else:
            found[name] = text[stack.pop()[1] : m.start()]
    if stack:
        raise SectionError(f"section '{stack[-1][0]}' never ends")
    return found
