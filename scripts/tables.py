"""Table and number generators: pure functions that return Markdown computed with `snippets`.

`TABLES[name]()` returns a Markdown table for `<!-- table:name -->`, and `VALUES[name]()` a
number for `<!-- value:name -->` in the prose, so text and tables come from the same code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from snippets import sigmoid


def num(v: float, digits: int = 4) -> str:
    """Return `v` rounded for a reader, with a true minus sign and no trailing zeros."""
    s = f"{v:.{digits}f}".rstrip("0").rstrip(".") if abs(v) >= 10 ** -digits or v == 0 else f"{v:.2e}"
    s = "0" if s in ("-0", "") else s
    return s.replace("-", "−")


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """Return a Markdown table; `align` holds one of l, c, r per column (default right)."""
    align = align or "r" * len(header)
    rule = {"l": ":--", "c": ":-:", "r": "--:"}
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(rule[a] for a in align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# ── tables ────────────────────────────────────────────────────────────────────────────────────

SIGMOID_Z = (-5, -2, -1, -0.5, 0, 0.5, 1, 2, 5)


def sigmoid_values() -> str:
    """σ(z) for a few z, the values a reader can check against Figure C."""
    z = np.array(SIGMOID_Z, dtype=float)
    return markdown_table(["$z$", r"$\sigma(z)$"], [[num(a), num(s)] for a, s in zip(z, sigmoid(z))])


TABLES: dict[str, Callable[[], str]] = {
    "sigmoid_values": sigmoid_values,
}

# ── numbers quoted in the prose ───────────────────────────────────────────────────────────────

VALUES: dict[str, Callable[[], str]] = {
    "sigmoid_1": lambda: num(float(sigmoid(1.0))),
}
