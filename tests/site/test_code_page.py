"""The snippets page (docs/code.md): what a reader copies from the built page runs and prints what it says."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import snippets
from tests.helpers import ROOT, article_text

PUBLIC = tuple(snippets.__all__)  # the API itself is pinned in tests/unit/test_neuron.py
FILES = ("sigmoid.py", "neuron.py")
EXAMPLE, OUTPUT = "사용 예", "실행 결과"  # 출력 is the neuron's output (glossary)

# Runs in a fresh interpreter: exec the definitions (if any) in one namespace, then each example
# in its own copy of it, and report what each printed, which modules it saw, and whether the
# repository's package was importable (it must not be: the reader has only numpy).
RUNNER = r"""
import sys
at_start = set(sys.modules)  # whatever the interpreter itself loads (site, .pth hooks)
import contextlib, io, json
job = json.load(sys.stdin)
try:
    import snippets
    has_snippets = True
except ImportError:
    has_snippets = False
namespace = {"__name__": "__main__"}
exec(compile(job["prelude"], "<pasted definitions>", "exec"), namespace)
printed = []
for i, code in enumerate(job["examples"]):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, f"<example {i}>", "exec"), dict(namespace))
    printed.append(out.getvalue())
loaded = {m.split(".")[0] for m in set(sys.modules) - at_start}
third_party = sorted(loaded - set(sys.stdlib_module_names))
print(json.dumps({"printed": printed, "snippets": has_snippets, "modules": third_party}))
"""


@dataclass
class Block:
    """One code block of the built page: its title (or ""), its text, and whether Pygments lexed it as Python."""

    title: str
    text: str
    python: bool


@pytest.fixture(scope="module")
def html(built_pages: dict[str, str]) -> str:
    """Return the built code/index.html."""
    return built_pages["code/index.html"]


@pytest.fixture(scope="module")
def blocks(html: str) -> list[Block]:
    """Return every highlighted code block of the page, in page order."""
    found = []
    for div in BeautifulSoup(html, "html.parser").select("div.highlight"):
        title = div.select_one(".filename")
        code = div.select_one("pre > code")
        assert code is not None, div
        classes = " ".join([*(div.get("class") or []), *(div.parent.get("class") or []), *(code.get("class") or [])])
        # Without pygments_lang_class the language is not named in the HTML; Pygments' token
        # spans (kn = keyword namespace, n = name, …) show the block was lexed as Python.
        python = "language-python" in classes or code.select_one("span.n, span.k, span.kn, span.nf") is not None
        found.append(Block(title.get_text(strip=True) if title else "", code.get_text(), python))
    assert len(found) >= 2 * len(PUBLIC)
    return found


def definitions(blocks: list[Block]) -> list[Block]:
    """Return the untitled Python blocks: what a reader pastes, in order, before the examples."""
    return [b for b in blocks if b.python and not b.title]


def examples(blocks: list[Block]) -> list[tuple[str, str]]:
    """Return (example code, expected printed output) for every usage example."""
    pairs = []
    for i, b in enumerate(blocks):
        if b.title == EXAMPLE:
            assert b.python, f"usage example {i} is not highlighted as Python"
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            assert following is not None and following.title == OUTPUT, f"usage example {i} has no output block"
            assert not following.python, "an output block is highlighted as Python"
            pairs.append((b.text, following.text))
    assert len(pairs) >= len(PUBLIC)
    return pairs


def run(folder: Path, prelude: str, codes: list[str]) -> dict:
    """Run `prelude`, then each of `codes`, in a fresh interpreter started in `folder`."""
    # -E: ignore PYTHONPATH and friends; -s: no user site-packages. The venv gives numpy.
    result = subprocess.run(
        [sys.executable, "-E", "-s", "-c", RUNNER],
        input=json.dumps({"prelude": prelude, "examples": codes}),
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr  # no warnings either
    return json.loads(result.stdout)


def test_every_public_function_is_on_the_page(blocks: list[Block], html: str) -> None:
    pasted = "\n".join(b.text for b in definitions(blocks))
    for name in PUBLIC:
        assert f"\ndef {name}(" in "\n" + pasted, f"{name} has no definition block"
        assert pasted.count(f"def {name}(") == 1, f"{name} is defined twice"
        assert f'id="{name.replace("_", "-")}"' in html, f"no section for {name}"
    for name in FILES:
        assert [b.title for b in blocks].count(name) == 1, f"no block with the whole of {name}"


def test_blocks_are_the_source_not_a_copy(blocks: list[Block]) -> None:
    source = {name: (ROOT / "snippets" / name).read_text("utf-8") for name in FILES}
    for name in FILES:
        whole = next(b for b in blocks if b.title == name)
        assert whole.text.rstrip("\n") == "\n".join(
            line for line in source[name].splitlines() if "--8<--" not in line
        ).rstrip("\n"), f"the block titled {name} is not the current {name}"
    lines = {line for text in source.values() for line in text.splitlines()}
    for block in definitions(blocks):
        for line in block.text.splitlines():
            assert line in lines, f"{line!r} is not a line of snippets/"


def test_code_copies_cleanly(blocks: list[Block], html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select(".linenos, .linenodiv, td.linenos, span.linenos") == []
    assert soup.select("table.highlighttable") == []
    for block in blocks:
        assert ">>> " not in block.text and "... " not in block.text.lstrip()[:4]
        assert "--8<--" not in block.text
    # The reader is told to keep sigmoid.py next to neuron.py.
    text = article_text(html)
    assert "sigmoid.py" in text and "같은 폴더" in text


def test_pasted_definitions_run_the_examples(blocks: list[Block], tmp_path: Path) -> None:
    """A reader with numpy only pastes every definition block in order, then each example."""
    pairs = examples(blocks)
    # The first example imports from the two files, as the page says to save them.
    for name in FILES:
        (tmp_path / name).write_text(next(b for b in blocks if b.title == name).text, "utf-8")
    prelude = "\n\n".join(b.text for b in definitions(blocks))
    result = run(tmp_path, prelude, [code for code, _ in pairs])
    assert result["snippets"] is False, "the repository's snippets package leaked into the reader's interpreter"
    assert set(result["modules"]) <= {"numpy", "sigmoid", "neuron"}, result["modules"]
    for (code, want), got in zip(pairs, result["printed"], strict=True):
        assert got == want, f"example\n{code}\nprinted\n{got}\nbut the page says\n{want}"


def test_the_two_files_run_the_examples(blocks: list[Block], tmp_path: Path) -> None:
    """A reader saves sigmoid.py and neuron.py side by side and imports the functions from them."""
    pairs = examples(blocks)
    for name in FILES:
        (tmp_path / name).write_text(next(b for b in blocks if b.title == name).text, "utf-8")
    prelude = "from sigmoid import sigmoid, sigmoid_prime, step\n" + (
        "from neuron import perceptron, sigmoid_neuron, output_gradient, linear_output_change\n"
    )
    result = run(tmp_path, prelude, [code for code, _ in pairs])
    assert result["snippets"] is False
    assert set(result["modules"]) == {"numpy", "sigmoid", "neuron"}, result["modules"]
    for (code, want), got in zip(pairs, result["printed"], strict=True):
        assert got == want, f"example\n{code}\nprinted\n{got}\nbut the page says\n{want}"


def test_neuron_py_alone_needs_sigmoid_py(blocks: list[Block], tmp_path: Path) -> None:
    """What the page warns about: neuron.py without sigmoid.py beside it does not import."""
    (tmp_path / "neuron.py").write_text(next(b for b in blocks if b.title == "neuron.py").text, "utf-8")
    result = subprocess.run(
        [sys.executable, "-E", "-s", "-c", "import neuron"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "No module named 'sigmoid'" in result.stderr
