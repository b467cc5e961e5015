"""axe-core on every page, in the light and the dark scheme: no serious or critical violation."""

from __future__ import annotations

import pytest

from tests.helpers import MISSING, goto_settled, nav_paths, new_page, open_details, page_ids

BLOCKING = ("serious", "critical")

# The page as axe must see it: every block of the article rendered (javascripts/render.js renders
# the skipped ones on idle; a colour transition in a skipped block stays at its first colour) and
# no colour transition running, as after a switch of scheme.
JS_STILL = """() => [...document.querySelectorAll('.md-content__inner > *')]
    .every(e => getComputedStyle(e).contentVisibility !== 'auto')
  && !document.getAnimations().some(a => a instanceof CSSTransition && a.playState === 'running')"""

# The dark scheme changes colours only, so its run checks axe's rules that read colours; the light
# run checks every rule.
OPTIONS = {
    "light": {"resultTypes": ["violations"]},
    "dark": {
        "resultTypes": ["violations"],
        "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    },
}


@pytest.fixture(scope="module")
def axe():
    """Return the axe-core runner (the script ships with axe-playwright-python)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def describe(violations: list[dict]) -> str:
    """Return a readable summary of axe violations: rule, impact, help and the first targets."""
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])][:4]
        summary = (v.get("nodes") or [{}])[0].get("failureSummary", "").replace("\n", " ")[:300]
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} → {targets} {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", [*nav_paths(), MISSING], ids=[*page_ids(), "404"])
def test_no_serious_violations(browser, base_url: str, axe, path: str) -> None:
    """axe-core finds no serious or critical accessibility violation in either scheme (the palette
    follows the system: one load, checked in light, then its colours with the system switched to dark)."""
    found = []
    with new_page(browser, base_url, scheme="light") as page:
        goto_settled(page, base_url + path)
        open_details(page)
        for scheme, expected in (("light", "default"), ("dark", "slate")):
            page.emulate_media(color_scheme=scheme)
            page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=expected)
            page.wait_for_function(JS_STILL)
            results = axe.run(page, options=OPTIONS[scheme])
            violations = [v for v in results.response["violations"] if v.get("impact") in BLOCKING]
            found += [f"/{path} ({scheme}):\n{describe(violations)}"] if violations else []
    assert not found, "\n".join(found)
