"""The glossary: read docs/glossary.yml, the one source of the site's terms, and render its table.

Pure functions: the hooks publish the table on the glossary page (`<!-- table:glossary -->`);
the tests read the same entries to check that every page follows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

SOURCE = Path(__file__).resolve().parent.parent / "docs" / "glossary.yml"
FIELDS = {"id", "en", "ko", "avoid", "chapter", "definition", "note"}
REQUIRED = FIELDS - {"note"}


@dataclass(frozen=True)
class Term:
    """One glossary entry (see the field comments at the top of docs/glossary.yml)."""

    id: str
    en: str
    ko: str
    avoid: tuple[str, ...]
    chapter: bool
    definition: str
    note: str = ""


def load(path: Path = SOURCE) -> list[Term]:
    """Return the glossary's terms in file order; raise ValueError naming the file and the entry."""
    entries = yaml.safe_load(path.read_text("utf-8"))
    if not isinstance(entries, list):
        raise ValueError(f"{path.name}: expected a list of terms")
    terms, seen = [], set()
    for i, entry in enumerate(entries, 1):
        where = f"{path.name}: entry {i} ({entry.get('en', '?') if isinstance(entry, dict) else entry!r})"
        if not isinstance(entry, dict) or not REQUIRED <= entry.keys() or not entry.keys() <= FIELDS:
            raise ValueError(f"{where}: needs the fields {sorted(REQUIRED)} (and optionally 'note')")
        if entry["id"] in seen:
            raise ValueError(f"{where}: id '{entry['id']}' is used twice")
        seen.add(entry["id"])
        terms.append(Term(**{**entry, "avoid": tuple(entry["avoid"] or ())}))
    return terms


def _cell(text: str) -> str:
    """Return `text` safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ").strip()


def table(terms: list[Term] | None = None) -> str:
    """Return the glossary page's Markdown table; each row's English cell carries the term's id."""
    rows = [
        "| English | 한국어 | 쓰지 않는 표기 | 본문 | 뜻 |",
        "|:--|:--|:--|:-:|:--|",
    ]
    for t in terms if terms is not None else load():
        meaning = _cell(t.definition) + (f"<br>**표기 참고:** {_cell(t.note)}" if t.note else "")
        rows.append(
            f'| <span id="{t.id}"></span>{_cell(t.en)} | {_cell(t.ko)} | {_cell(", ".join(t.avoid))} '
            f"| {'✓' if t.chapter else ''} | {meaning} |"
        )
    return "\n".join(rows)


TABLES = {"glossary": table}
