"""Tests for the MkDocs hooks in scripts/hooks/ that need no build: each called as MkDocs calls it."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from mkdocs.exceptions import PluginError

from scripts.hooks import figures, formulas, placeholders
from scripts.hooks.site_url import unpublishable

FIGURE = """<figure markdown="span">
  ![곡선](figures/sigmoid.svg)
  <figcaption>그림 3. 시그모이드 함수.</figcaption>
</figure>
"""


def _page(src_uri: str = "index.md") -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def _files() -> SimpleNamespace:
    svg = SimpleNamespace(content_string='<svg width="300pt" height="150pt">')
    return SimpleNamespace(get_file_from_path=lambda path: svg)


def _expand(text: str, src_uri: str = "index.md") -> str:
    return figures.on_page_markdown(text, _page(src_uri), {}, _files())


def test_a_figure_becomes_its_light_and_dark_copies_with_their_size():
    out = _expand(FIGURE, "notebooks/lab.md")
    size = '{ width="400" height="200" loading="lazy" }'
    assert (
        f"![곡선](../figures/sigmoid.light.svg#only-light){size}![곡선](../figures/sigmoid.dark.svg#only-dark)" in out
    )


@pytest.mark.parametrize("caption", ["<figcaption>", '<figcaption markdown="span">'])
def test_no_line_break_between_a_figure_and_its_caption(caption):
    """The caption's indentation would end the images' line with spaces: a hard break in a span figure."""
    text = FIGURE.replace("<figcaption>", caption)
    html = markdown.markdown(_expand(text), extensions=["md_in_html", "attr_list"])
    assert "<br" not in html and "<figcaption>그림 3." in html
    unexpanded = markdown.markdown(text, extensions=["md_in_html", "attr_list"])
    assert "<br />\n<figcaption>" in unexpanded  # what the hook avoids


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("![그림](figures/no_such_figure.svg)", "index.md: unknown figure 'no_such_figure' (known: "),
        ("![ ](figures/sigmoid.svg)", "index.md: figure 'sigmoid' has no alt text"),
    ],
)
def test_a_bad_figure_names_page_and_figure(text, message):
    with pytest.raises(PluginError, match=message.replace("(", r"\(")):
        _expand(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<!-- table:no_such_table -->", "index.md: unknown table 'no_such_table'"),
        ("값은 <!-- value:no_such_value -->입니다.", "index.md: unknown value 'no_such_value'"),
        ("값은 <!-- value:sigmoid_1|에게 -->", "index.md: value 'sigmoid_1' failed: .*unknown particle '에게'"),
        ("<!-- table:sigmoid_values|을 -->", "index.md: table 'sigmoid_values' cannot take a particle"),
        ("표: <!-- table:sigmoid_values -->", "index.md: table 'sigmoid_values' must stand on a line of its own"),
        ("[실습](playground.md#<!-- playground:no_such_state -->)", "index.md: unknown playground 'no_such_state'"),
    ],
)
def test_a_bad_placeholder_names_page_and_name(text, message):
    with pytest.raises(PluginError, match=message):
        placeholders.on_page_markdown(text, _page(), {}, None)


def test_a_formula_that_cannot_be_converted_names_page_and_formula():
    html = '<p><span class="arithmatex">\\(\\sigmoidd(z)\\)</span></p>'
    with pytest.raises(PluginError, match=r"index\.md: cannot convert formula .*sigmoidd"):
        formulas.on_page_content(html, _page(), {}, None)


def test_a_table_inside_an_admonition_stays_indented():
    out = placeholders.on_page_markdown("!!! note\n    <!-- table:sigmoid_values -->\n", _page(), {}, None)
    rows = out.splitlines()[1:]
    assert len(rows) > 2 and all(row.startswith("    |") for row in rows), rows


# ── site_url: a build for publishing never ships this machine's address ───────────────────────


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://localhost:8000/site/", "", None])
def test_build_refuses_a_local_site_url(url):
    assert "set SITE_URL to the published address" in unpublishable(url, "build", {})
    assert "ALLOW_LOCAL_SITE_URL=1" in unpublishable(url, "gh-deploy", {"ALLOW_LOCAL_SITE_URL": "0"})


@pytest.mark.parametrize(
    ("url", "command", "environ"),
    [
        ("https://example.github.io/nnadl/", "build", {}),  # a published address
        ("http://127.0.0.1:8000/", "serve", {}),  # a preview
        ("http://127.0.0.1:8000/", None, {}),  # an in-process build (the benchmark's rebuilds)
        ("http://127.0.0.1:8000/", "build", {"ALLOW_LOCAL_SITE_URL": "1"}),  # tests, benchmarks
    ],
)
def test_other_builds_pass(url, command, environ):
    assert unpublishable(url, command, environ) is None
