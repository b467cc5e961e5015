"""scripts/tools/audit.py prints, per page, the medians of every figure the issue asks for."""

from __future__ import annotations

from scripts.tools.audit import report


def run(perf: int, tbt: float, style: float) -> dict:
    return {
        "scores": {"performance": perf, "accessibility": 100, "best-practices": 100, "seo": 100},
        "tbt": tbt,
        "lcp": 1500.0,
        "fcp": 1100.0 + tbt,
        "dom": 2766,
        "bytes": 110_000,
        "breakdown": {"Style & Layout": style, "Script Evaluation": 300.0},
        "failing": ["total-blocking-time: Total Blocking Time"],
        "benchmark": 3000.0 + tbt,
    }


def test_report_prints_medians_scores_tbt_lcp_fcp_dom_and_breakdown(capsys) -> None:
    report({"sigmoid-neurons/": [run(97, 150, 900), run(99, 80, 700), run(98, 90, 800)]})
    out = capsys.readouterr().out
    header, row = out.splitlines()[:2]
    for column in ("perf", "a11y", "best", "seo", "TBT ms", "LCP ms", "FCP ms", "DOM", "KiB"):
        assert column in header
    assert row.split()[:10] == ["/sigmoid-neurons/", "98", "100", "100", "100", "90", "1500", "1190", "2766", "107.4"]
    assert "97–99" in row
    breakdown = out.split("main-thread work")[1]
    assert "Style & Layout" in breakdown and " 800 " in breakdown and "300" in breakdown
    assert "benchmark index" in breakdown and "median 3090, 3080–3150" in breakdown


def test_report_flags_a_page_over_the_tbt_target(capsys) -> None:
    report({"sigmoid-neurons/": [run(99, 150, 900)] * 3})
    assert "TBT > 100 ms" in capsys.readouterr().out
