"""The glossary (docs/glossary.yml, rendered on glossary/) is complete, and the chapter follows it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scripts.glossary import load
from tests.helpers import CHAPTER, article_text


def glossary() -> list[dict[str, str]]:
    """Return the glossary's terms as dicts with the old table's column names."""
    return [
        {
            "English": t.en,
            "한국어": t.ko,
            "피해야 할 표기": ", ".join(t.avoid),
            "본문": "✓" if t.chapter else "",
            "뜻": t.definition,
        }
        for t in load()
    ]


def variants(row: dict[str, str]) -> list[str]:
    """Return the row's listed variants to avoid."""
    return [v.strip() for v in row["피해야 할 표기"].split(",") if v.strip()]


@pytest.fixture(scope="module")
def chapter_text(built_pages: dict[str, str]) -> str:
    """Return the chapter's running text: the article without code blocks."""
    return article_text(built_pages[CHAPTER + "index.html"], drop_code=True)


def test_glossary_has_enough_terms() -> None:
    """At least 20 terms, each with a definition; at least 15 marked as used in the chapter."""
    rows = glossary()
    assert len(rows) >= 20
    assert all(r["English"] and r["한국어"] and len(r["뜻"]) > 5 for r in rows)
    assert len({r["English"].lower() for r in rows}) == len(rows)
    assert sum(r["본문"] == "✓" for r in rows) >= 15
    # These also show the variant check can fail: a sentence saying 바이어스 would be caught.
    required = {"bias": "바이어스", "sigmoid function": "S자형 함수", "weight": "웨이트", "step function": "단계 함수"}
    by_term = {r["English"]: r for r in rows}
    for term, variant in required.items():
        assert variant in variants(by_term[term]), term


def test_chapter_uses_every_marked_term(chapter_text: str) -> None:
    """Each term marked ✓ appears in the chapter in its Korean form."""
    missing = [r["한국어"] for r in glossary() if r["본문"] == "✓" and r["한국어"] not in chapter_text]
    assert not missing, missing


def test_chapter_avoids_every_variant(chapter_text: str) -> None:
    """No listed variant appears in the chapter's running text."""
    found = [v for r in glossary() for v in variants(r) if v in chapter_text]
    assert not found, found


def test_glossary_page_renders_the_table(built_pages: dict[str, str]) -> None:
    """The glossary page shows the whole table."""
    soup = BeautifulSoup(built_pages["glossary/index.html"], "html.parser")
    assert len(soup.select("article table tbody tr")) == len(glossary())
    soup_ids = {row.select_one("span[id]")["id"] for row in soup.select("article table tbody tr")}
    assert soup_ids == {t.id for t in load()}, "every row carries its term's id"
