"""Main-thread CPU time of a page load, from a Chrome trace (part of `make audit`).

Lighthouse's timings are wall time, so other jobs on the machine inflate them; a trace also
records each task's thread time (CPU time the renderer's main thread actually ran), which they
barely change. Per load: the CPU time of every main-thread task from navigation until 2 s after
`load`, summed and by kind (script, style, layout, paint), the longest task, and `tbt4`, the total
blocking time those tasks would make on a CPU four times slower (Lighthouse's mobile slowdown):
the sum over tasks of max(0, 4 × CPU − 50 ms). Printed as medians, never asserted.
"""

from __future__ import annotations

import json
import statistics
import tempfile
from collections import Counter
from pathlib import Path

from scripts.tools.chromium import CHROMIUM, CHROMIUM_ARGS

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8.execute", "blink"]
TASKS = ("RunTask", "ThreadControllerImpl::RunTask")
KINDS = {
    "EvaluateScript": "script",
    "FunctionCall": "script",
    "TimerFire": "script",
    "FireAnimationFrame": "script",
    "RunMicrotasks": "script",
    "UpdateLayoutTree": "style",
    "Layout": "layout",
    "Paint": "paint",
    "PrePaint": "paint",
}
SLOWDOWN = 4
FIGURES = ("tbt4", "cpu", "longest", "script", "style", "layout", "paint")


def summarize(events: list[dict]) -> dict[str, float]:
    """Return the figures of one load (ms) from its trace events: those of the renderer main thread
    that ran the most tasks. Nested tasks (RunTask inside RunTask) count once."""
    threads = (e for e in events if e.get("ph") == "M" and e["name"] == "thread_name")
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in threads}
    work: Counter = Counter()
    for e in events:
        if names.get((e["pid"], e["tid"])) == "CrRendererMain" and e.get("ph") == "X" and e["name"] in TASKS:
            work[(e["pid"], e["tid"])] += 1
    if not work:
        raise ValueError("the trace has no renderer main-thread task")
    main = work.most_common(1)[0][0]
    mine = sorted((e for e in events if (e["pid"], e["tid"]) == main and e.get("ph") == "X"), key=lambda e: e["ts"])
    tasks, end = [], -1.0
    for e in mine:  # outermost tasks only
        if e["name"] in TASKS and e["ts"] >= end:
            tasks.append(e)
            end = e["ts"] + e.get("dur", 0)
    cpu = [e.get("tdur", 0) / 1000 for e in tasks]
    kinds: Counter = Counter()
    for e in mine:
        if e["name"] in KINDS:
            kinds[KINDS[e["name"]]] += e.get("tdur", 0) / 1000
    return {
        "tbt4": sum(max(0.0, SLOWDOWN * c - 50) for c in cpu),
        "cpu": sum(cpu),
        "longest": max(cpu, default=0.0),
        **{k: kinds[k] for k in ("script", "style", "layout", "paint")},
    }


def measure(urls: list[str], loads: int = 5) -> dict[str, list[dict[str, float]]]:
    """Return the figures of `loads` loads of each URL (a phone-sized window), the URLs taking turns."""
    from playwright.sync_api import sync_playwright

    runs: dict[str, list[dict[str, float]]] = {url: [] for url in urls}
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        trace = Path(tmp) / "trace.json"
        for i in range(loads + 1):  # the first round warms the caches and is left out
            for url in urls:
                context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
                page = context.new_page()
                page.goto("about:blank")
                browser.start_tracing(page=page, path=str(trace), categories=CATEGORIES)
                page.goto(url, wait_until="load")
                page.wait_for_timeout(2000)  # the tasks after load (idle rendering) belong to the load
                browser.stop_tracing()
                context.close()
                if i:
                    runs[url].append(summarize(json.loads(trace.read_text("utf-8"))["traceEvents"]))
        browser.close()
    return runs


def report(runs: dict[str, list[dict[str, float]]], base: str = "") -> None:
    """Print the medians per page (URLs shown without `base`)."""
    n = max(len(r) for r in runs.values())
    print(f"\nmain-thread CPU time, ms (Chrome trace, thread time, medians of {n} loads; tbt4: TBT on a 4× slower CPU)")
    print(f"{'page':40} " + " ".join(f"{f:>8}" for f in FIGURES))
    for url, results in runs.items():
        medians = (statistics.median(r[f] for r in results) for f in FIGURES)
        print(f"/{url.removeprefix(base):39} " + " ".join(f"{m:8.0f}" for m in medians))
