"""The snippets page (docs/code.md): what a reader copies from the built page runs and prints what it says.

Every function block runs alone, pasted into a fresh isolated interpreter (`python -I`) in an empty
folder that has numpy only; every usage example runs right after its function's block and prints
the page's "실행 결과" block; the chapter's code blocks run alone too, or link to the block here."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import snippets
from tests.helpers import ROOT, article, article_text

PUBLIC = tuple(snippets.__all__)  # the API itself is pinned in tests/unit/test_neuron.py
FILES = ("sigmoid.py", "neuron.py")
EXAMPLE, OUTPUT = "사용 예", "실행 결과"  # 출력 is the neuron's output (glossary)
FILES_SECTION = "files"  # where the page shows the two whole files and an example importing them
DEF = re.compile(r"^def (\w+)\(", re.MULTILINE)


def section_id(name: str) -> str:
    """Return the id of the page's section for the public function `name` (sigmoid_prime → sigmoid-prime)."""
    return name.replace("_", "-")


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
defined = sorted(k for k, v in namespace.items() if callable(v) and not k.startswith("__"))
print(json.dumps({"printed": printed, "snippets": has_snippets, "modules": third_party, "defined": defined}))
"""


@dataclass
class Block:
    """One code block of a built page: its title (or ""), its text, whether Pygments lexed it as
    Python, and the id of the h2 section it stands in."""

    title: str
    text: str
    python: bool
    section: str = ""


def page_blocks(html: str) -> list[Block]:
    """Return every highlighted code block of a built page's article, in page order."""
    found, section = [], ""
    for el in article(html).select("h2[id], div.highlight"):
        if el.name == "h2":
            section = el["id"]
            continue
        title = el.select_one(".filename")
        code = el.select_one("pre > code")
        assert code is not None, el
        classes = " ".join([*(el.get("class") or []), *(el.parent.get("class") or []), *(code.get("class") or [])])
        # Without pygments_lang_class the language is not named in the HTML; Pygments' token
        # spans (kn = keyword namespace, n = name, …) show the block was lexed as Python.
        python = "language-python" in classes or code.select_one("span.n, span.k, span.kn, span.nf") is not None
        found.append(Block(title.get_text(strip=True) if title else "", code.get_text(), python, section))
    return found


@pytest.fixture(scope="module")
def html(built_pages: dict[str, str]) -> str:
    """Return the built code/index.html."""
    return built_pages["code/index.html"]


@pytest.fixture(scope="module")
def blocks(html: str) -> list[Block]:
    """Return every highlighted code block of the page, in page order."""
    found = page_blocks(html)
    assert len(found) >= 2 * len(PUBLIC)
    return found


def definitions(blocks: list[Block]) -> list[Block]:
    """Return the untitled Python blocks: the function blocks a reader pastes."""
    return [b for b in blocks if b.python and not b.title]


def function_block(blocks: list[Block], name: str) -> Block:
    """Return the one function block in the section of public function `name`."""
    found = [b for b in definitions(blocks) if b.section == section_id(name)]
    assert len(found) == 1, f"section #{section_id(name)} has {len(found)} function blocks, not 1"
    return found[0]


def examples(blocks: list[Block]) -> list[tuple[str, str]]:
    """Return (example code, expected printed output) for every usage example."""
    return [(code, want) for _, code, want in sectioned_examples(blocks)]


def sectioned_examples(blocks: list[Block]) -> list[tuple[str, str, str]]:
    """Return (section id, example code, expected printed output) for every usage example."""
    pairs = []
    for i, b in enumerate(blocks):
        if b.title == EXAMPLE:
            assert b.python, f"usage example {i} is not highlighted as Python"
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            assert following is not None and following.title == OUTPUT, f"usage example {i} has no output block"
            assert not following.python, "an output block is highlighted as Python"
            pairs.append((b.section, b.text, following.text))
    assert len(pairs) >= len(PUBLIC)
    return pairs


def run(folder: Path, prelude: str, codes: list[str], isolated: bool = True) -> dict:
    """Run `prelude`, then each of `codes`, in a fresh interpreter started in `folder`."""
    # -I: isolated, as a reader's fresh interpreter: no PYTHONPATH, no user site-packages, and not
    # even the current folder on sys.path. Without it (-E -s), files saved in `folder` import.
    # The venv gives numpy.
    flags = ["-I"] if isolated else ["-E", "-s"]
    result = subprocess.run(
        [sys.executable, *flags, "-c", RUNNER],
        check=False,
        input=json.dumps({"prelude": prelude, "examples": codes}),
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr  # no warnings either
    return json.loads(result.stdout)


def run_alone(code: str, folder: Path) -> subprocess.CompletedProcess:
    """Run `code` as a reader who pastes it alone: a fresh `python -I` in the empty `folder`."""
    return subprocess.run(
        [sys.executable, "-I", "-c", code],
        check=False,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_every_public_function_is_on_the_page(blocks: list[Block], html: str) -> None:
    for name in PUBLIC:
        assert f'id="{section_id(name)}"' in html, f"no section for {name}"
        block = function_block(blocks, name)
        assert block.text.count(f"def {name}(") == 1, f"{name} is not defined once in its block"
        # The block shows its own function first, after the imports; helpers follow.
        assert DEF.findall(block.text)[0] == name, f"the block of {name} does not start with {name}"
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
    # No setup blocks to paste first: every untitled Python block is a function's block.
    assert {b.section for b in definitions(blocks)} == {section_id(n) for n in PUBLIC}


def test_every_function_block_runs_alone(blocks: list[Block], tmp_path: Path) -> None:
    """Each function block, pasted alone into a fresh interpreter with numpy only, defines a working function."""
    for name in PUBLIC:
        result = run(tmp_path, function_block(blocks, name).text, [])
        assert result["snippets"] is False, "the repository's snippets package leaked into the reader's interpreter"
        assert result["modules"] == ["numpy"], result["modules"]
        assert name in result["defined"], f"the block of {name} does not define it"
    assert list(tmp_path.iterdir()) == []  # nothing was written where the reader pasted


def test_each_example_runs_after_its_function_block(blocks: list[Block], tmp_path: Path) -> None:
    """Each usage example, pasted right after its function's block alone, prints the page's 실행 결과."""
    checked = 0
    for section, code, want in sectioned_examples(blocks):
        if section == FILES_SECTION:  # imports the two saved files: test_the_two_files_run_the_examples
            continue
        name = next(n for n in PUBLIC if section_id(n) == section)
        result = run(tmp_path, function_block(blocks, name).text, [code])
        assert result["snippets"] is False
        assert result["modules"] == ["numpy"], result["modules"]
        assert result["printed"] == [want], (
            f"example\n{code}\nprinted\n{result['printed'][0]}\nbut the page says\n{want}"
        )
        checked += 1
    assert checked == len(PUBLIC)


def test_every_python_block_runs_alone_but_examples_and_neuron_py(blocks: list[Block], tmp_path: Path) -> None:
    """Run every Python block of the page alone; only the usage examples (which need their function
    block, checked above) and neuron.py (which needs sigmoid.py beside it, checked below) may fail."""
    python = [b for b in blocks if b.python]
    alone = [run_alone(b.text, tmp_path).returncode == 0 for b in python]
    for block, ok in zip(python, alone, strict=True):
        expected = block.title not in (EXAMPLE, "neuron.py")
        assert ok == expected, f"block {block.title or block.text.splitlines()[0]!r} in #{block.section} " + (
            "fails when pasted alone" if expected else "runs alone but should need something pasted before it"
        )
    print(f"code/: {sum(alone)} of {len(python)} Python blocks run alone")


def test_pasted_definitions_run_the_examples(blocks: list[Block], tmp_path: Path) -> None:
    """A reader pastes every function block in order (their shared helpers are simply redefined), then each example."""
    pairs = examples(blocks)
    # The first example imports from the two files, as the page says to save them.
    for name in FILES:
        (tmp_path / name).write_text(next(b for b in blocks if b.title == name).text, "utf-8")
    prelude = "\n\n".join(b.text for b in definitions(blocks))
    result = run(tmp_path, prelude, [code for code, _ in pairs], isolated=False)
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
    result = run(tmp_path, prelude, [code for code, _ in pairs], isolated=False)
    assert result["snippets"] is False
    assert set(result["modules"]) == {"numpy", "sigmoid", "neuron"}, result["modules"]
    for (code, want), got in zip(pairs, result["printed"], strict=True):
        assert got == want, f"example\n{code}\nprinted\n{got}\nbut the page says\n{want}"


def test_neuron_py_alone_needs_sigmoid_py(blocks: list[Block], tmp_path: Path) -> None:
    """What the page warns about: neuron.py without sigmoid.py beside it does not import."""
    (tmp_path / "neuron.py").write_text(next(b for b in blocks if b.title == "neuron.py").text, "utf-8")
    result = subprocess.run(
        [sys.executable, "-E", "-s", "-c", "import neuron"],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "No module named 'sigmoid'" in result.stderr


def test_chapter_code_runs_alone_or_links_here(built_pages: dict[str, str], tmp_path: Path) -> None:
    """A chapter block either runs alone, or (showing only a function's body) links to its block here."""
    html = built_pages["sigmoid-neurons/index.html"]
    python = [b for b in page_blocks(html) if b.python]
    assert python, "the chapter shows no Python code"
    links = {a["href"] for a in article(html).select("a[href]")}
    for block in python:
        if run_alone(block.text, tmp_path).returncode == 0:
            continue
        shown = set(DEF.findall(block.text)) & set(PUBLIC)
        assert shown, f"chapter block {block.text.splitlines()[0]!r} does not run alone and has no block on code/"
        for name in shown:
            assert f"../code/#{section_id(name)}" in links, (
                f"the chapter shows {name} without linking to code/#{section_id(name)}"
            )
