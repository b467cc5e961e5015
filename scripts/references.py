"""Link equation numbers and glossary terms in a page's HTML, so the reader can preview them in place.

Pure functions over the HTML that Python-Markdown (and mkdocs-jupyter) produce; scripts/hooks/references.py
applies them to every page. Markdown cannot do this: terms and "식 (n)" are found in the running
text of every page, after snippets, tables and notebooks are expanded, so this walks the HTML.
The walk is a tokenizer over tags and text (not a parser): it is the one place that reads another
tool's HTML this way, and it only ever rewrites text outside the elements listed in `SKIP`.

- `link_equations`: every "식 (n)" (and the "(m)" of "식 (1), (2)" or "식 (3)–(5)") becomes a link
  to the numbered equation, `class="equation-ref"` with a `title` naming the equation and its page;
  docs/javascripts/previews.js shows the equation itself in a tooltip, and without it the reader
  still gets the title. Links the author wrote to `#eqtnN` get the class and title too.
- `link_terms`: the first use of each glossary term in each section (h2) links to its glossary
  entry, with a `title` of English term and definition, which previews.js shows as a tooltip.
  Korean attaches particles and forms compounds (가중치를, 편향은, 가중치와), so a term matches at
  the start of a word whatever follows it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

# Whole tokens whose content is never prose: comments, scripts and styles (may hold "<").
_RAW = r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\2\s*>"
_TOKEN = re.compile(rf"(?P<raw>{_RAW})|(?P<tag><[^>]*>)", re.S | re.I)
_HTML_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)([^>]*?)(/?)>", re.S)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Text inside these is left alone: links, headings, code, math, form controls, disclosure titles.
SKIP = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "kbd",
    "samp",
    "math",
    "svg",
    "button",
    "label",
    "select",
    "option",
    "textarea",
    "summary",
    "title",
}
# Elements left alone by class: admonition titles act as headings; footnotes are shown in tooltips.
SKIP_CLASS = re.compile(r'class="[^"]*\b(?:admonition-title|footnote|math-display|md-source-file)\b')

HANGUL = "가-힣"
EQUATION = re.compile(r"식(\s*)\((\d+)\)((?:\s*(?:,|–|-|~|와|과|및)\s*\(\d+\))*)")
_MORE = re.compile(r"(\s*(?:,|–|-|~|와|과|및)\s*)\((\d+)\)")
# The class previews.js shows an equation for (not Material's `data-preview`, whose instant preview
# only works where the site is served at its site_url).
EQUATION_CLASS = "equation-ref"


class LinkError(ValueError):
    """A reference that points nowhere (an equation number no page defines)."""


@dataclass(frozen=True)
class TermLink:
    """What the linker needs of a glossary entry: Korean term, anchor id, tooltip text."""

    ko: str
    id: str
    title: str


def _walk(page_html: str, text: Callable[[str], str], tag: Callable[[str, str], str] | None = None) -> str:
    """Return the page with `text` applied to prose outside `SKIP` and `tag(name, tag_html)` to
    every start tag (the name lower-cased, "/h2" style for end tags)."""
    out: list[str] = []
    skipping: list[str] = []  # open elements since entering a skipped one
    pos = 0
    for m in _TOKEN.finditer(page_html):
        if m.start() > pos:
            chunk = page_html[pos : m.start()]
            out.append(chunk if skipping else text(chunk))
        pos = m.end()
        token = m.group(0)
        t = _HTML_TAG.fullmatch(token) if m.group("tag") else None
        if t is None:
            out.append(token)
            continue
        closing, name, void = (
            t.group(1) == "/",
            t.group(2).lower(),
            t.group(4) == "/" or t.group(2).lower() in _VOID,
        )
        if tag is not None:
            token = tag(("/" if closing else "") + name, token)
        out.append(token)
        if closing:
            if skipping and skipping[-1] == name:
                skipping.pop()
        elif not void and (skipping or name in SKIP or SKIP_CLASS.search(token)):
            skipping.append(name)
    tail = page_html[pos:]
    out.append(tail if skipping else text(tail))
    return "".join(out)


def link_equations(page_html: str, equations: Mapping[str, str], titles: Mapping[str, str] | None = None) -> str:
    """Return the page with every "식 (n)" linked to `equations[n]` (an href ending "#eqtnN") and
    every existing `#eqtn` link marked as an equation reference, each titled "식 (n) · `titles[n]`"
    (the page that numbers it; just "식 (n)" without one); raise LinkError for an unknown n."""

    def title(number: str) -> str:
        if number not in equations:
            known = ", ".join(sorted(equations, key=int))
            raise LinkError(f"식 ({number}) is not a numbered equation of any page (known: {known})")
        where = titles.get(number) if titles else None
        return html.escape(f"식 ({number})" + (f" · {where}" if where else ""), quote=True)

    def link(number: str, text: str) -> str:
        described = title(number)
        href = html.escape(equations[number], quote=True)
        return f'<a class="{EQUATION_CLASS}" href="{href}" title="{described}">{text}</a>'

    def one(m: re.Match[str]) -> str:
        first = link(m.group(2), f"식{m.group(1)}({m.group(2)})")
        return first + _MORE.sub(lambda n: n.group(1) + link(n.group(2), f"({n.group(2)})"), m.group(3))

    # A link the author wrote keeps its href and attributes, and gains the class and the title.
    def tag(name: str, token: str) -> str:
        written = re.search(r'\shref="[^"]*#eqtn(\d+)"', token) if name == "a" else None
        if written is None or EQUATION_CLASS in token:
            return token
        token = re.sub(r'\stitle="[^"]*"', "", token)
        if re.search(r'\sclass="', token):
            token = re.sub(r'\sclass="', f' class="{EQUATION_CLASS} ', token, count=1)
        else:
            token = f'<a class="{EQUATION_CLASS}"' + token[2:]
        return token[:2] + f' title="{title(written.group(1))}"' + token[2:]

    return _walk(page_html, lambda chunk: EQUATION.sub(one, chunk), tag)


def term_pattern(terms: Iterable[TermLink]) -> re.Pattern[str]:
    """Return the regex of all terms, longest first, each starting a word (not after a Hangul or
    Latin letter) and followed by anything: a particle (편향은), or a compound (가중치와)."""
    spelled = sorted({t.ko for t in terms}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, ko.split())) for ko in spelled)
    return re.compile(rf"(?<![{HANGUL}A-Za-z0-9])(?:{alternatives})")


def link_terms(page_html: str, terms: Iterable[TermLink], glossary_url: str) -> str:
    """Return the page with the first use of each term in each h2 section linked to
    `glossary_url#<id>` with the term's tooltip text as `title`."""
    terms = list(terms)
    by_ko = {re.sub(r"\s+", " ", t.ko): t for t in terms}
    pattern = term_pattern(terms)
    seen: set[str] = set()

    def one(m: re.Match[str]) -> str:
        term = by_ko[re.sub(r"\s+", " ", m.group(0))]
        if term.id in seen:
            return m.group(0)
        seen.add(term.id)
        title = html.escape(term.title, quote=True)
        return f'<a class="glossary-term" href="{glossary_url}#{term.id}" title="{title}">{m.group(0)}</a>'

    def tag(name: str, token: str) -> str:
        if name in ("h1", "h2"):
            seen.clear()
        return token

    return _walk(page_html, lambda chunk: pattern.sub(one, chunk), tag)


# LaTeX in a definition, as plain text for a tooltip: the few commands the glossary uses.
_TEX_WORDS = {r"\cdot": "·", r"\sigma": "σ", r"\le": "≤", r"\ge": "≥", r"\times": "×", r"\Delta": "Δ"}
_SUPERSCRIPT_FROM = "0123456789+-=()nijkxyz"
_SUPERSCRIPT = str.maketrans(_SUPERSCRIPT_FROM, "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱʲᵏˣʸᶻ")


# Markdown marks a definition may hold (`code`, **strong**): a `title` shows them literally.
_MARKS = re.compile(r"`([^`]*)`|\*\*(.*?)\*\*")


def tex_to_text(definition: str) -> str:
    """Return a definition as plain text for a tooltip: $…$ math as Unicode (e^{-z} → e⁻ᶻ),
    `code` and **strong** without their marks; raise LinkError naming a formula with a command
    left over."""

    def formula(m: re.Match[str]) -> str:
        tex = m.group(1)
        for command, text in _TEX_WORDS.items():
            tex = re.sub(re.escape(command) + r"(?![A-Za-z])", text, tex)

        def sup(s: re.Match[str]) -> str:
            body = s.group(1) or s.group(2)
            return body.translate(_SUPERSCRIPT) if set(body) <= set(_SUPERSCRIPT_FROM) else f"^({body})"

        tex = re.sub(r"\^\{([^{}]*)\}|\^(\w)", sup, tex)
        tex = tex.replace("{", "").replace("}", "")
        if "\\" in tex:
            raise LinkError(f"cannot show ${m.group(1)}$ as text in a tooltip")
        return tex

    text = _MARKS.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), definition)
    return re.sub(r"\$([^$]+)\$", formula, text)
