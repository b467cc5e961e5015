"""scripts/codeblocks.py: code blocks out of search, in the Tab order, without spans that draw nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from scripts.codeblocks import prepare
from tests.helpers import ROOT

SNIPPETS = sorted((ROOT / "snippets").glob("*.py"))


def text(markup: str) -> str:
    """Return what a reader sees and copies: the markup without tags, unescaped."""
    return BeautifulSoup(markup, "html.parser").get_text()


def test_block_markup() -> None:
    block = '<div class="highlight"><pre><span></span><code><span class="n">z</span></code></pre></div>'
    assert prepare(block) == (
        '<div class="highlight"><pre data-search-exclude><span></span><code tabindex="0">z</code></pre></div>'
    )


def test_only_name_and_whitespace_tokens_are_unwrapped() -> None:
    code = (
        '<span class="n">w</span><span class="w"> </span><span class="o">@</span>'
        '<span class="nb">abs</span><span class="nn">np</span><span class="ow">in</span>'
        '<span class="n">a&lt;b</span><span class="md-ellipsis">n</span>'
    )
    out = prepare(code)
    assert out == (
        'w <span class="o">@</span><span class="nb">abs</span><span class="nn">np</span>'
        '<span class="ow">in</span>a&lt;b<span class="md-ellipsis">n</span>'
    )


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: p.name)
def test_real_code_keeps_its_text_and_loses_its_plain_spans(path: Path) -> None:
    """Every snippets/ module as Pygments highlights it: same text, no .n or .w span, fewer elements."""
    before = highlight(path.read_text("utf-8"), PythonLexer(), HtmlFormatter(wrapcode=True))
    after = prepare(before)
    assert text(after) == text(before)
    assert not re.search(r'class="[nw]"', after)
    assert after.count("<span") < before.count("<span")
