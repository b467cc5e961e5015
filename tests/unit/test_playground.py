"""scripts/playground.py: the URL hashes of the chapter's links into the playground."""

from __future__ import annotations

import re

import pytest

from scripts.playground import HASHES, STATES, playground_hash

# What playground.js accepts: name=number pairs, numbers as plain decimals (see NUMBER there).
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d{1,3})?")


def test_hash_format() -> None:
    assert playground_hash((0.638,), (6.0,), -3.0, 1, 0.1) == "x1=0.638&x2=0&w1=6&w2=0&b=-3&c=1&dw=0.1"
    assert playground_hash((0.638, 0.2), (2.0, -1.0), -0.3, 100, 0.01) == (
        "x1=0.638&x2=0.2&w1=2&w2=-1&b=-0.3&c=100&dw=0.01"
    )


@pytest.mark.parametrize("x, w", [((), ()), ((1, 2, 3), (1, 2, 3)), ((1,), (1, 2))])
def test_only_one_or_two_inputs(x: tuple, w: tuple) -> None:
    with pytest.raises(ValueError, match="playground_hash"):
        playground_hash(x, w, 0.0, 1, 0.1)


@pytest.mark.parametrize("name", sorted(HASHES))
def test_every_hash_is_one_the_playground_reads(name: str) -> None:
    text = HASHES[name]()
    assert len(text) <= 512  # MAX_HASH in playground.js
    pairs = [pair.split("=") for pair in text.split("&")]
    assert [n for n, _ in pairs] == ["x1", "x2", "w1", "w2", "b", "c", "dw"]
    assert all(NUMBER.fullmatch(v) and len(v) <= 24 for _, v in pairs), text
    assert sorted(HASHES) == sorted(STATES)
