"""Korean particles after a number or a formula: the form that fits how it is read aloud.

A Korean particle depends on the last sound of the word before it: 3 is read 삼, so "3으로",
"3을"; 2 is read 이, so "2로", "2를"; 1 is read 일, whose final ㄹ takes "로" but "을".
`attach("−3", "로")` returns "−3으로". The placeholders hook uses it for `<!-- value:NAME|로 -->`,
so a particle after a number computed at build time always fits the number, and
tests/site/test_particles.py uses `choose` to check every number or formula followed by a
particle on the built pages.
"""

from __future__ import annotations

import re

# The two forms of each particle: (after a final consonant, after a vowel). 으로/로 is special:
# a final ㄹ takes 로, like a vowel.
PAIRS = {
    "으로": ("으로", "로"),
    "을": ("을", "를"),
    "이": ("이", "가"),
    "은": ("은", "는"),
    "과": ("과", "와"),
}
FORMS = {form: key for key, pair in PAIRS.items() for form in pair}

# How each digit is read (Sino-Korean), and so its final consonant: "" none, "ㄹ", or "other".
_DIGIT = {"0": "other", "1": "ㄹ", "2": "", "3": "other", "4": "", "5": "", "6": "other", "7": "ㄹ", "8": "ㄹ", "9": ""}
# 10, 100, 1000 are 십, 백, 천; 10⁴, 10⁸, 10¹², 10¹⁶ are 만, 억, 조, 경.
_POWER = {1: "other", 2: "other", 3: "other", 4: "other", 8: "other", 12: "", 16: "other"}
# Letters as read in Korean formulas: a 에이, b 비, … l 엘, m 엠, n 엔 (final consonants), x 엑스.
_LATIN = {c: "" for c in "abcdefghijkopqrstuvwxyz"} | {"l": "ㄹ", "m": "other", "n": "other"}
_GREEK = {c: "" for c in "σΔδαβγπφψΣθλμ"}  # 시그마, 델타, 알파, 베타, 감마, 파이, … 뮤
_WORDS = {"output": "other", "exp": "other", "inf": "other", "nan": ""}  # 아웃풋, 익스포넨셜, 인프, 난
_SYMBOLS = {"∞": "", "%": "", "′": "other", "″": "other"}  # 무한대, 퍼센트, 프라임, 더블 프라임

_TRAILING = " \t()[]{}…,.·⋅|"  # closing brackets, ellipses, commas, |z| (절댓값 z) are not read at the end
_EXPONENT = re.compile(r"[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$")  # 1.7×10⁻⁴, x²
_FRACTION = re.compile(r"([^/]+?)\s*/\s*\d+$")  # 1/2, z/2: read 이분의 일, 이분의 z
_NUMBER = re.compile(r"(\d[\d,]*)(?:\.(\d+))?$")
_WORD = re.compile(r"([A-Za-z]+)$")


def coda(text: str) -> str:
    """Return the final sound of `text` read aloud: "" (a vowel), "ㄹ", or "other" (another consonant).

    `text` is a number as the site prints it (−3, 0.638…, 1.7×10⁻⁴, 1/2, 37%) or a formula's
    text (σ(z), x₂, Δw1). Raise ValueError if it ends in something not known here.
    """
    t = text.strip().rstrip(_TRAILING) if text.strip() not in _TRAILING else text.strip()
    t = t.translate(str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789"))
    if not t:
        raise ValueError(f"nothing to read in {text!r}")
    if _EXPONENT.search(t):
        return "other"  # 10의 −4승, x 제곱: ends in ㅇ or ㅂ
    if m := _FRACTION.search(t):
        return coda(m.group(1))  # a/b is read "b분의 a": the numerator comes last
    if m := _NUMBER.search(t):
        whole, decimals = m.group(1).replace(",", ""), m.group(2)
        if decimals:
            return _DIGIT[decimals[-1]]  # 0.638 is 영 점 육삼팔: digit by digit
        stripped = whole.lstrip("0")
        if not stripped:
            return _DIGIT["0"]
        zeros = len(stripped) - len(stripped.rstrip("0"))
        if zeros == 0:
            return _DIGIT[stripped[-1]]
        power = zeros if zeros < 4 else 4 * (zeros // 4)  # 120000 is 십이만: the group unit is last
        if power not in _POWER:
            raise ValueError(f"cannot read the number {text!r}")
        return _POWER[power]
    if m := _WORD.search(t):
        word = m.group(1)
        if word.lower() in _WORDS:
            return _WORDS[word.lower()]
        if word[-1].lower() in _LATIN:
            return _LATIN[word[-1].lower()]
    if t[-1] in _GREEK:
        return _GREEK[t[-1]]
    if t[-1] in _SYMBOLS:
        return _SYMBOLS[t[-1]]
    raise ValueError(f"cannot tell how {text!r} is read aloud (ends in {t[-1]!r})")


def choose(text: str, particle: str) -> str:
    """Return the form of `particle` (either form, e.g. "로" or "으로") that fits after `text`."""
    if particle not in FORMS:
        raise ValueError(f"unknown particle {particle!r} (known: {', '.join(sorted(FORMS))})")
    consonant, vowel = PAIRS[FORMS[particle]]
    final = coda(text)
    if FORMS[particle] == "으로":
        return vowel if final in ("", "ㄹ") else consonant
    return vowel if final == "" else consonant


def attach(text: str, particle: str) -> str:
    """Return `text` followed by the form of `particle` that fits it: attach("−3", "로") == "−3으로"."""
    return text + choose(text, particle)
