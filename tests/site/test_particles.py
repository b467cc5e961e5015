"""A particle after a number or a formula fits how it is read aloud, on every built page.

"−3로" is wrong (삼으로), so is "1/2를" (이분의 일을), and so is "w3가" (더블유 삼이). Numbers in the
prose come from the build, so this test reads the built HTML: every number and every variable with a
numeric subscript (x3, w₁) in the text and in images' alt text, and every inline formula, followed
directly by 으로/로, 을/를, 이/가, 은/는 or 과/와 must carry the form `scripts.particles` picks.
"""

from __future__ import annotations

import re

import pytest
from bs4 import NavigableString

from scripts.particles import choose
from tests.helpers import article, nav_paths, page_ids

# A number as the site prints it: −0.638…, 1.7×10⁻⁴, 1/2, 37%; not part of a word. After "1)" the
# particle belongs to the word before the brackets ("출력(0 또는 1)으로"), so brackets end the match.
NUMBER = r"(?<![\w.])[−-]?\d[\d,]*(?:\.\d+)?(?:…|\.\.\.)?(?:×10[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|/\d+|%)?"
# The particle: its form, then the end of the word or a few endings that keep the particle intact
# (으로도, 을까, 이나 …); a longer Hangul run such as "이면" or "이고" is the copula, not checked.
PARTICLE = r"(으로|로|을|를|이|가|은|는|과|와)(?=[^가-힣]|$|도|만|서|써|나|든|부터|의|라도)"
# A variable with a numeric subscript, as plain text writes it (x3, w₁, Δw1): read by its subscript.
SUBSCRIPTED = r"(?<![\w.])Δ?[A-Za-zσ][\d₀-₉]+"
IN_TEXT = re.compile(f"({NUMBER}|{SUBSCRIPTED}){PARTICLE}")
AFTER_MATH = re.compile(f"^{PARTICLE}")


def wrong_particles(html: str) -> list[str]:
    """Return every "number or formula + particle" in the article whose particle does not fit."""
    body = article(html, drop_code=True)
    for hidden in body.select("script, style, .headerlink"):
        hidden.decompose()
    found = []
    texts = [str(node) for node in body.find_all(string=True) if node.find_parent("math") is None]
    texts += [img["alt"] for img in body.find_all("img", alt=True)]  # read aloud by screen readers
    for text in texts:
        for m in IN_TEXT.finditer(text):
            number, particle = m.group(1), m.group(2)
            if choose(number, particle) != particle:
                found.append(f"{number}{particle} (should be {number}{choose(number, particle)})")
    for math in body.find_all("math"):
        after = math.next_sibling
        if not isinstance(after, NavigableString) or not (m := AFTER_MATH.match(str(after))):
            continue
        particle, said = m.group(1), math_reading(math)
        if choose(said, particle) != particle:
            found.append(f"${math.get_text()}${particle} (read …{said}: should be {choose(said, particle)})")
    return found


def math_reading(math) -> str:
    """Return text whose last sound is the formula's last sound read aloud (for `choose`).

    The last token decides (σ(z) ends in z, Δw₁ in 1, and 1/4 is read 사분의 일), except that a
    power ends in 제곱 or 승 (x², e⁻ᶻ: a final consonant) and ½ is read 이분의 일.
    """
    leaves = [t for t in math.find_all(["mi", "mn", "mo", "mtext"]) if t.get_text().strip() not in "()[]{}…,.|⋅·"]
    if not leaves:
        return math.get_text()
    last = leaves[-1]
    for parent in last.parents:
        if parent is math:
            break
        parts = [c for c in parent.children if getattr(c, "name", None)]
        if parent.name in ("msup", "msubsup") and (last is parts[-1] or parts[-1] in last.parents):
            return "10⁻¹"  # …승 or …제곱: a final consonant
        if parent.name == "mfrac":
            return parts[0].get_text()  # b분의 a: the numerator is read last
    return math.get_text().strip()


def _page(text: str) -> str:
    """Return `text` as the article of a built page."""
    return f'<article class="md-content__inner"><p>{text}</p></article>'


def test_reader_matches_known_readings() -> None:
    """The checker's reading agrees with the particles of sentences a Korean editor would accept,
    and it does fail on the wrong ones (so the page test below can fail)."""
    page = _page
    right = "b를 −3으로 두면 0.5를 넘고, 1/2을 내며, 1로 가고, 1.7×10⁻⁴으로 커지고, 10으로, 0과 1, 37%가"
    assert wrong_particles(page(right)) == []
    wrong = "b를 −3로 두면 0.5을 넘고, 1/2를 내며, 1으로 가고, 1.7×10⁻⁴로 커지고, 10로, 0와 1, 37%이"
    assert len(wrong_particles(page(wrong))) == 8
    # Subscripted variables, in the text and in an image's alt text: x3 is 엑스 삼, so 이, not 가.
    assert wrong_particles(page("x3이, w₁이, Δw1을")) == []
    assert len(wrong_particles(page("x3가, w₁를"))) == 2
    alt = '<img alt="입력 x1, x2, x3이 가중치 w1, w2, w3가 붙은 화살표를 따라" src="p.svg">'
    assert wrong_particles(page(alt)) == ["w3가 (should be w3이)"]
    # Formulas: MathML as the build writes it.
    sigma = "<math><mi>σ</mi><mo>(</mo><mi>z</mi><mo>)</mo></math>"
    square = "<math><mi>Δ</mi><msubsup><mi>w</mi><mn>1</mn><mn>2</mn></msubsup></math>"
    power = "<math><msup><mi>e</mi><mrow><mo>−</mo><mi>z</mi></mrow></msup></math>"
    assert wrong_particles(page(f"{sigma}가 {sigma}는")) == []
    assert len(wrong_particles(page(f"{sigma}이 {sigma}은"))) == 2
    assert len(wrong_particles(page(f"{power}가"))) == 1 and wrong_particles(page(f"{power}이")) == []
    assert wrong_particles(page(f"{square}은")) == [] and len(wrong_particles(page(f"{square}는"))) == 1
    half = "<math><mfrac><mn>1</mn><mn>2</mn></mfrac></math>"
    assert wrong_particles(page(f"{half}을")) == [] and len(wrong_particles(page(f"{half}를"))) == 1


@pytest.mark.parametrize("path", nav_paths(), ids=page_ids())
def test_particles_fit_the_numbers_and_formulas(built_pages: dict[str, str], path: str) -> None:
    """Every page: no number or formula followed by a particle of the wrong form."""
    wrong = wrong_particles(built_pages[path + "index.html"])
    assert not wrong, f"/{path}: {wrong}"


def test_value_placeholders_take_their_particle_from_the_build() -> None:
    """In the Markdown, no particle is typed right after a value placeholder: it would not follow
    the value if the value changed. `<!-- value:NAME|로 -->` lets the build choose."""
    from tests.helpers import ROOT

    typed = re.compile(r"<!--\s*value:[^\s>|]+\s*-->" + PARTICLE)
    offenders = [
        f"{p.relative_to(ROOT)}: {m.group(0)}"
        for p in sorted((ROOT / "docs").rglob("*.md"))
        for m in typed.finditer(p.read_text("utf-8"))
    ]
    assert not offenders, offenders
