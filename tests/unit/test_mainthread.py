"""scripts/tools/mainthread.py sums a trace's main-thread CPU time, task by task, as it claims."""

from __future__ import annotations

import pytest

from scripts.tools.mainthread import report, summarize

MAIN, OTHER = (1, 10), (2, 20)


def thread(where: tuple[int, int], name: str) -> dict:
    return {"ph": "M", "name": "thread_name", "pid": where[0], "tid": where[1], "args": {"name": name}}


def event(where: tuple[int, int], name: str, ts: float, dur_ms: float, cpu_ms: float) -> dict:
    return {
        "ph": "X",
        "name": name,
        "pid": where[0],
        "tid": where[1],
        "ts": ts,
        "dur": dur_ms * 1000,
        "tdur": cpu_ms * 1000,
    }


def trace() -> list[dict]:
    """A main thread with a 30 ms-CPU task (script 20, style 6, layout 4) holding a nested task, and a
    5 ms one; another renderer's busier-looking but single task; a browser thread."""
    return [
        thread(MAIN, "CrRendererMain"),
        thread(OTHER, "CrRendererMain"),
        thread((3, 30), "CrBrowserMain"),
        event(MAIN, "RunTask", 0, 40, 30),
        event(MAIN, "EvaluateScript", 1, 25, 20),
        event(MAIN, "ThreadControllerImpl::RunTask", 2, 10, 8),  # nested: counted once
        event(MAIN, "UpdateLayoutTree", 27, 7, 6),
        event(MAIN, "Layout", 35, 4, 4),
        event(MAIN, "RunTask", 100_000, 5, 5),
        event(OTHER, "RunTask", 0, 900, 900),
        event((3, 30), "RunTask", 0, 500, 500),
    ]


def test_summarize_counts_outermost_tasks_of_the_busiest_renderer() -> None:
    figures = summarize(trace() + [event(OTHER, "RunTask", 10**6, 1, 1)])  # OTHER: 2 tasks, MAIN: 3
    assert figures["cpu"] == 35 and figures["longest"] == 30
    assert figures["tbt4"] == 4 * 30 - 50  # 4 × 5 ms = 20 ms blocks nothing
    assert (figures["script"], figures["style"], figures["layout"], figures["paint"]) == (20, 6, 4, 0)


def test_a_trace_without_a_renderer_is_an_error() -> None:
    with pytest.raises(ValueError, match="no renderer main-thread task"):
        summarize([thread((3, 30), "CrBrowserMain"), event((3, 30), "RunTask", 0, 1, 1)])


def test_report_prints_medians_per_page(capsys) -> None:
    one = summarize(trace() + [event(OTHER, "RunTask", 10**6, 1, 1)])
    report({"http://h/sigmoid-neurons/": [one, one, {**one, "tbt4": 1000.0}]}, base="http://h/")
    out = capsys.readouterr().out
    assert "medians of 3 loads" in out
    assert out.splitlines()[-1].split() == ["/sigmoid-neurons/", "70", "35", "30", "20", "6", "4", "0"]
