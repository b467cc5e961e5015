"""scripts/glossary.py: the glossary file loads, and a malformed entry is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import glossary


def test_every_entry_loads() -> None:
    terms = glossary.load()
    assert len(terms) >= 20
    assert len({t.id for t in terms}) == len(terms)
    assert all(t.id and t.en and t.ko and t.definition for t in terms)


def test_table_has_a_row_and_an_anchor_per_term() -> None:
    terms = glossary.load()
    rows = glossary.table(terms).splitlines()[2:]
    assert len(rows) == len(terms)
    assert all(f'<span id="{t.id}"></span>' in row for t, row in zip(terms, rows, strict=True))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: a\n  en: a\n", "needs the fields"),
        ("- {id: a, en: a, ko: 가, avoid: [], chapter: true, definition: 뜻, colour: red}", "needs the fields"),
        (
            "- {id: a, en: a, ko: 가, avoid: [], chapter: true, definition: 뜻}\n"
            "- {id: a, en: b, ko: 나, avoid: [], chapter: true, definition: 뜻}",
            "used twice",
        ),
        ("id: a", "expected a list"),
    ],
)
def test_malformed_glossary_is_refused_by_name(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "glossary.yml"
    bad.write_text(text, "utf-8")
    with pytest.raises(ValueError, match=message) as err:
        glossary.load(bad)
    assert "glossary.yml" in str(err.value)
