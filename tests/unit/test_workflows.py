"""The GitHub workflows: valid against GitHub's schema, and zero zizmor findings offline."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def test_there_is_a_pages_workflow() -> None:
    assert ROOT / ".github" / "workflows" / "pages.yml" in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_githubs_schema(workflow: Path) -> None:
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", workflow],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_zizmor_finds_nothing_even_pedantic(workflow: Path) -> None:
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--persona", "pedantic", "--no-progress", workflow],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_sha_with_version_comment(workflow: Path) -> None:
    text = workflow.read_text("utf-8")
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for ref, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref
        assert re.search(r"#\s*v\d", comment), f"{ref} has no version comment"
    assert "persist-credentials: false" in text


def test_pages_workflow_tests_before_it_builds_and_deploys() -> None:
    text = (ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8")
    for action in ("configure-pages", "upload-pages-artifact", "deploy-pages"):
        assert f"actions/{action}@" in text
    assert text.index("bash .ci/run") < text.index("make pdf")  # make pdf builds the site, then its PDF
    assert "concurrency:" in text and "permissions: {}" in text


def test_ci_and_pages_share_one_recipe() -> None:
    # Our CI runs .ci/run; so does the Pages workflow, so their installs and tests cannot drift apart.
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8")
    run = (ROOT / ".ci" / "run").read_text("utf-8")
    install = (ROOT / ".ci" / "install").read_text("utf-8")
    assert "bash .ci/install" in run and "make test" in run
    assert re.findall(r"run:\s*(.*)", workflow) == ["bash .ci/run", "make pdf"]
    for package in ("chromium", "fonts-noto-cjk", "poppler-utils", "default-jre-headless"):
        assert package in install, package
    assert 'chromium="${CHROMIUM:-/usr/bin/chromium}"' in install  # Debian's Chromium unless named


def test_make_installs_the_lock_with_hashes_and_lints_before_testing() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"pip install .*--require-hashes.* -r requirements\.lock", makefile)
    assert re.search(r"^test: lint\b", makefile, re.M)
    lock = (ROOT / "requirements.lock").read_text("utf-8")
    pins = [line for line in lock.splitlines() if "==" in line]
    assert pins and all(line.endswith(" \\") for line in pins), "every pin is followed by its hashes"
    assert lock.count("--hash=sha256:") >= len(pins)
