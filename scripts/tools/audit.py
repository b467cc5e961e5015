"""Lighthouse scores for the served site (`make audit`): printed, never asserted.

Builds the site into site/ (strict), serves it gzip-compressed like GitHub Pages
(scripts/tools/server.py), and runs npm's lighthouse, installed into .cache/audit at a pinned version,
with Debian's Chromium against the landing page, the chapter, a notebook page (if any) and the
playground. Prints per page the four category scores, total blocking time, largest and first
contentful paint, the number of DOM elements, the page weight and Lighthouse's main-thread
breakdown (where the time goes: style & layout, script evaluation, parsing, rendering…), so the
next person sees what to work on. Targets: performance ≥ 98 and TBT ≤ 100 ms; accessibility, best practices and SEO 100.
Each page is audited RUNS times, the pages taking turns, and the median of each figure is printed
(performance varies with the machine's load; its range is printed too, and so is Lighthouse's
benchmark index of the machine's speed during the runs). Then, because those are wall times that
other jobs inflate, each page's main-thread CPU time from Chrome traces (scripts/tools/mainthread.py).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.tools import mainthread, npm
from scripts.tools.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_VERSION = "13.5.0"
PREFIX = ROOT / ".cache" / "audit"
BIN = PREFIX / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
TARGET_TBT_MS = 100
RUNS = 3


def install() -> Path:
    """Return the lighthouse executable, installing the pinned version into .cache/audit if needed."""
    npm.install("lighthouse", LIGHTHOUSE_VERSION, PREFIX)
    return BIN


def pages(site: Path) -> list[str]:
    """Return the paths to audit: home, chapter, the first notebook page (if built) and the playground."""
    chosen = ["", "sigmoid-neurons/"]
    notebooks = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("notebooks/*/index.html"))
    chosen += notebooks[:1]
    chosen.append("playground/")
    return [p for p in chosen if (site / p / "index.html").is_file()]


def audit(lighthouse: Path, url: str) -> dict:
    """Return for `url` the scores (0–100) of the four categories, TBT, LCP and FCP (ms), the DOM
    element count, the total byte weight, the main-thread time per group (ms) and Lighthouse's
    benchmark index of the machine during the run."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(lighthouse),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--only-categories={','.join(CATEGORIES)}",
            ],
            check=True,
            env=os.environ | {"CHROME_PATH": str(CHROMIUM)},
        )
        data = json.loads(report.read_text("utf-8"))
    audits = data["audits"]
    scores = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
    breakdown = {
        item["groupLabel"]: item["duration"] for item in audits["mainthread-work-breakdown"]["details"]["items"]
    }
    failing = [
        f"{a['id']}: {a['title']}"
        for a in audits.values()
        if a.get("score") is not None
        and a["score"] < 1
        and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return {
        "scores": scores,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "dom": (audits.get("dom-size-insight") or audits["dom-size"])["numericValue"],  # renamed in Lighthouse 13
        "bytes": audits["total-byte-weight"]["numericValue"],
        "breakdown": breakdown,
        "failing": failing,
        "benchmark": data["environment"]["benchmarkIndex"],
    }


def report(runs: dict[str, list[dict]]) -> None:
    """Print the medians per page: scores, TBT, LCP, FCP, DOM elements, weight, then the main-thread
    breakdown and how fast the machine was (Lighthouse's benchmark index: it shifts every timing)."""
    n = max(len(r) for r in runs.values())
    print(
        f"{'page':26} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} "
        f"{'TBT ms':>7} {'LCP ms':>7} {'FCP ms':>7} {'DOM':>6} {'KiB':>7}"
        f"   perf range (medians of {n} runs)"
    )
    for path, results in runs.items():
        s = {c: statistics.median(r["scores"][c] for r in results) for c in CATEGORIES}
        perf = sorted(r["scores"]["performance"] for r in results)
        med = {k: statistics.median(r[k] for r in results) for k in ("tbt", "lcp", "fcp", "dom", "bytes")}
        print(
            f"/{path:25} {s['performance']:5g} {s['accessibility']:5g} {s['best-practices']:5g} {s['seo']:5g} "
            f"{med['tbt']:7.0f} {med['lcp']:7.0f} {med['fcp']:7.0f} {med['dom']:6.0f} {med['bytes'] / 1024:7.1f}"
            f"   {perf[0]}–{perf[-1]}"
        )
        below = [c for c in CATEGORIES if s[c] < TARGET[c]]
        if med["tbt"] > TARGET_TBT_MS:
            below.append(f"TBT > {TARGET_TBT_MS} ms")
        if below:
            flagged = sorted({f for r in results for f in r["failing"]})
            print(f"    below target: {', '.join(below)}; flagged: {'; '.join(flagged[:8])}")
    print("\nmain-thread work, ms (Lighthouse mainthread-work-breakdown, medians)")
    groups = sorted(
        {g for results in runs.values() for r in results for g in r["breakdown"]},
        key=lambda g: -sum(r["breakdown"].get(g, 0) for rs in runs.values() for r in rs),
    )
    print(f"{'page':26} " + " ".join(f"{g[:14]:>14}" for g in groups) + f" {'total':>7}")
    for path, results in runs.items():
        med = {g: statistics.median(r["breakdown"].get(g, 0) for r in results) for g in groups}
        total = statistics.median(sum(r["breakdown"].values()) for r in results)
        print(f"/{path:25} " + " ".join(f"{med[g]:14.0f}" for g in groups) + f" {total:7.0f}")
    index = sorted(r["benchmark"] for results in runs.values() for r in results)
    print(
        f"\nLighthouse benchmark index (the machine's speed during the runs; higher is faster): median"
        f" {statistics.median(index):.0f}, {index[0]:.0f}–{index[-1]:.0f}"
    )


def main() -> int:
    """Build, serve and audit; print the tables and return 0 (the figures are information only)."""
    from scripts.tools.server import free_port, serve

    port = free_port()
    site = ROOT / "site"
    env = os.environ | {
        "SITE_URL": f"http://127.0.0.1:{port}/",
        "ALLOW_LOCAL_SITE_URL": "1",
        "NO_MKDOCS_2_WARNING": "1",
    }
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=env, check=True
    )
    lighthouse = install()
    with serve(site, port=port) as base:
        paths = pages(site)
        runs: dict[str, list[dict]] = {path: [] for path in paths}
        for _ in range(RUNS):  # the pages take turns, so a busy moment does not hit one page only
            for path in paths:
                runs[path].append(audit(lighthouse, base + path))
        cpu = mainthread.measure([base + path for path in paths])
    report(runs)
    mainthread.report(cpu, base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
