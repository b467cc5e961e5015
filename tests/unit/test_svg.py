"""scripts/svg.py: matplotlib's SVG made smaller without changing what it draws."""

from __future__ import annotations

from scripts.svg import compact

MATPLOTLIB_SVG = """<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" width="453.121637pt" height="222.96pt">
 <metadata>
  <rdf:RDF><dc:date>2026-12-07T05:00:00</dc:date></rdf:RDF>
 </metadata>
 <!-- a comment -->
 <g transform="rotate(-0 12.5 30.25)">
  <path d="M 10.123456 20.987654
L 30.5 40.001
z" transform="scale(0.015625)"/>
 </g>
</svg>
"""


def test_drops_prolog_doctype_metadata_comments_and_no_op_rotations() -> None:
    svg = compact(MATPLOTLIB_SVG)
    assert svg.startswith("<svg ") and svg.endswith("</svg>\n")
    for gone in ("<?xml", "<!DOCTYPE", "<metadata", "dc:date", "<!--", "rotate("):
        assert gone not in svg


def test_rounds_coordinates_to_a_hundredth_but_keeps_scale_factors_exact() -> None:
    svg = compact(MATPLOTLIB_SVG)
    assert 'width="453.12pt"' in svg and 'd="M 10.12 20.99 L 30.5 40 z"' in svg
    assert "scale(0.015625)" in svg


def test_is_idempotent() -> None:
    assert compact(compact(MATPLOTLIB_SVG)) == compact(MATPLOTLIB_SVG)
