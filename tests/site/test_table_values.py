"""No table on a built page reads "0" or "1" for a value that is not exactly 0 or 1.

Each table on the built pages is matched, by the text of its cells, to the generator that wrote it
(scripts/tables.py `TABLE_CELLS`), whose cells keep the exact value behind their text: σ(z) to as
many digits as its distance from 1 needs, a float64 result as the exact number it is. The truth
comes from the generator, not from a list typed here.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scripts.tables import TABLE_CELLS, Cell
from tests.helpers import article


def generated() -> dict[str, list[list[Cell]]]:
    """Return each generated table's body rows."""
    return {name: [list(row) for row in make().rows] for name, make in TABLE_CELLS.items()}


def matches(shown: list[list[str]], rows: list[list[Cell]]) -> bool:
    """Return whether a built table's body texts are a generated table's (math cells aside, whose
    built text is MathML)."""
    if [len(r) for r in shown] != [len(r) for r in rows]:
        return False
    return all(
        s == c.text
        for srow, crow in zip(shown, rows, strict=True)
        for s, c in zip(srow, crow, strict=True)
        if "$" not in c.text and "`" not in c.text
    )


def body_rows(table) -> list[list[str]]:
    """Return the text of each body cell of a built <table>, whitespace at the ends stripped."""
    return [[td.get_text().strip() for td in tr.find_all("td")] for tr in table.find_all("tr") if tr.find("td")]


def test_no_table_cell_reads_0_or_1_for_another_value(built_pages: dict[str, str]) -> None:
    tables = generated()
    checked = set()
    for page, html in sorted(built_pages.items()):
        for table in article(html).find_all("table"):
            shown = body_rows(table)
            if not any(text in ("0", "1") or "×10" in text for row in shown for text in row):
                continue  # a table of words (the glossary's): no numbers to check
            found = [name for name, rows in tables.items() if matches(shown, rows)]
            assert found, f"{page}: a table of numbers that no generator in scripts/tables.py wrote: {shown[:2]}"
            for srow, crow in zip(shown, tables[found[0]], strict=True):
                for text, cell in zip(srow, crow, strict=True):
                    if text in ("0", "1"):
                        assert cell.exact == int(text), f"{page}, table {found[0]}: {text!r} stands for {cell.exact}"
            checked.add(found[0])
    # The tables where float64 says 1 for σ(z) < 1 are among those checked.
    assert {"sigmoid_scaled", "exercise2_xor", "exercise2_failure"} <= checked


@pytest.mark.parametrize("name", ["sigmoid_scaled", "exercise2_xor", "exercise2_failure"])
def test_the_near_1_values_read_as_their_distance_from_1(built_pages: dict[str, str], name: str) -> None:
    """σ(500) reads "1 − 7.12×10⁻²¹⁸" on the chapter, on one line (no-break spaces around the minus)."""
    html = built_pages["sigmoid-neurons/index.html"]
    texts = [t for table in article(html).find_all("table") for row in body_rows(table) for t in row]
    wanted = [c.text for row in TABLE_CELLS[name]().rows for c in row if c.text.startswith("1\u00a0−\u00a0")]
    assert wanted and all(w in texts for w in wanted)
    assert "1\u00a0−\u00a07.12×10⁻²¹⁸" in texts


def test_the_prose_says_float64_cannot_tell_it_from_1(built_pages: dict[str, str]) -> None:
    """The sentence on neuron 2 at c = 1000 gives its true value and what float64 makes of it."""
    text = BeautifulSoup(built_pages["sigmoid-neurons/index.html"], "html.parser").get_text()
    assert "출력은 이미 1\u00a0−\u00a07.12×10⁻²¹⁸으로, float64로는 1과 구별할 수 없습니다" in text
