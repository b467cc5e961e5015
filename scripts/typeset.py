"""Bind each Korean word (어절) of a page's prose that Chromium could still break into one unit.

`word-break: keep-all` (docs/stylesheets/extra.css) keeps two Hangul syllables together, but
Chromium still breaks a word where Hangul meets a formula, a parenthesis, inline code or a link:
입력(input)/은, 퍼셉트론/(perceptron)과, σ(z)/입니다. CSS cannot forbid that, so the build wraps each
such word in `<span class="nowrap">` (white-space: nowrap). scripts/hooks/typeset.py applies this
to every page; tests/browser/test_typography.py measures the result.

The HTML is Python-Markdown's (and mkdocs-jupyter's), read by a tokenizer over tags and text, not
a parser, like scripts/references.py: it only ever inserts a span around a run of text and inline
tags between two spaces inside one block, and leaves a word alone when in doubt.
"""

from __future__ import annotations

import html
import re

# A comment, a tag (quoted attribute values may hold ">"), or a run of text.
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|[^<]+|<", re.S)
# Elements copied through whole, never looked into: code blocks, scripts, styles, form text.
_SKIP = {"pre", "script", "style", "textarea", "template"}
# Inline elements taken whole as one piece of the word they sit in (their text never splits it).
_ATOM = {"math", "code", "a", "kbd", "svg", "button", "select"}
# Inline elements whose content is part of the word: a word may run into and out of them.
_INLINE = {"strong", "em", "b", "i", "sup", "sub", "span", "mark", "abbr", "small", "s", "u", "ins", "del", "q"}
_INLINE |= {"cite", "dfn", "var", "time", "bdi", "bdo", "img"}
_VOID = {"img"}
# Where a word ends: white space, no-break space and zero-width space (a break opportunity).
_SPACE = re.compile(r"(\s+|&nbsp;|&#160;|&#x0*a0;|&#8203;|&#x200b;|\u200b)", re.I)
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")
# Characters next to which Chromium allows a break inside a word under keep-all.
_BOUNDARY = re.compile(r"[()\[\]{}/\-–—…「」『』〈〉《》“”‘’]")
# The widest word kept whole, in em: a Hangul syllable is 1 em, anything else about 0.6 em. A wider
# nowrap word could outgrow a 360 px phone's line (about 18 em of a box's 14 px text) and scroll the
# page sideways.
MAX_EM = 16
WRAP = '<span class="nowrap">'


def keep_words_together(page: str, skipped: list[str] | None = None) -> str:
    """Return `page` with each word of its prose that holds Hangul and an atom (inline math, code
    or a link, taken whole even with spaces, as in "식 (5)") joined to more text, or a bracket,
    slash or dash, wrapped in `<span class="nowrap">`; a word wider than MAX_EM (beyond a formula
    that never breaks anyway) is left alone and its text appended to `skipped`, if given."""
    out: list[str] = []
    word: list[tuple[str, str, str]] = []  # the current word: (kind, raw HTML, visible text)

    def flush() -> None:
        # Wrap the word if it qualifies. Close tags before its first text and open tags after its
        # last stay outside the span (they belong to the words around); anything still unbalanced
        # leaves the word as it is.
        lead = next((i for i, p in enumerate(word) if p[0] not in ("open", "close")), len(word))
        lead = next((i for i in range(lead) if word[i][0] == "open"), lead)
        tail = len(word)
        while tail > lead and word[tail - 1][0] in ("open", "close"):
            tail -= 1
        stack: list[str] = []
        for kind, raw, _ in word[lead:tail]:
            if kind == "open":
                stack.append(_name(raw))
            elif kind == "close" and (not stack or stack.pop() != _name(raw)):
                stack.append("?")  # a close tag of an element opened before the word
                break
        while tail < len(word) and stack and word[tail][0] == "close" and _name(word[tail][1]) == stack[-1]:
            stack.pop()  # the close tags of elements opened inside the span go inside it
            tail += 1
        core = word[lead:tail]
        text = "".join(p[2] for p in core)
        atom = any(p[0] == "atom" for p in core) and sum(p[0] in ("text", "atom") for p in core) > 1
        bounded = any(p[0] == "text" and _BOUNDARY.search(p[2]) for p in core)  # not brackets in code
        wanted = _HANGUL.search(text) and (atom or bounded) and not stack
        # A formula never breaks inside, so what binding adds beside it is what could overflow.
        rigid = max((_em(p[2]) for p in core if p[0] == "atom" and p[1].startswith("<math")), default=0)
        narrow = _em(text) <= MAX_EM or _em(text) - rigid <= 2  # a particle beside a formula
        if wanted and not narrow and skipped is not None:
            skipped.append(text)
        if wanted and narrow:
            inner = "".join(p[1] for p in core)
            out.append("".join(p[1] for p in word[:lead]) + WRAP + inner + "</span>")
            out.append("".join(p[1] for p in word[tail:]))
        else:
            out.append("".join(p[1] for p in word))
        word.clear()

    pos = 0
    while pos < len(page):
        token = _TOKEN.match(page, pos)
        raw, closing, name = token[0], token[1], (token[2] or "").lower()
        pos = token.end()
        if not raw.startswith("<") or raw == "<":  # text: words between white space
            for i, piece in enumerate(_SPACE.split(raw)):
                if i % 2:  # a separator ends the word
                    flush()
                    out.append(piece)
                elif piece:
                    word.append(("text", piece, html.unescape(piece)))
            continue
        end = None
        if not closing and name in _SKIP | _ATOM and not raw.endswith("/>"):
            close = re.compile(rf"</{name}\s*>", re.I).search(page, pos)
            end = close.end() if close else None
        if end is not None and name in _ATOM:
            whole = page[token.start() : end]
            if name == "a" and re.search(r"\s", page[pos : close.start()]):  # its words too
                whole = raw + keep_words_together(page[pos : close.start()], skipped) + page[close.start() : end]
            inside = html.unescape(re.sub(r"<[^>]*>", "", page[pos : close.start()]))
            if name in ("math", "svg"):
                inside = re.sub(r"\s+", "", inside)
            block = 'display="block"' in raw or "headerlink" in raw or not inside.strip()
            if not block:  # a formula, a code span or a link inside the word
                word.append(("atom", whole, re.sub(r"\s+", " ", inside)))
                pos = end
                continue
            flush()  # display math, a permalink or an empty atom (an icon): a word boundary
            out.append(whole)
            pos = end
        elif end is not None:  # a skipped element: copied through whole
            flush()
            out.append(page[token.start() : end])
            pos = end
        elif name in _INLINE and not raw.startswith("<!"):
            kind = "atom" if name in _VOID else "close" if closing else "open"
            word.append((kind, raw, "\ufffc" if kind == "atom" else ""))
        else:  # a block tag, <br>, a comment or anything unknown: a word boundary
            flush()
            out.append(raw)
    flush()
    return "".join(out)


def _name(tag: str) -> str:
    """Return the lower-case element name of an open or close tag."""
    return _TOKEN.match(tag)[2].lower()


def _em(text: str) -> float:
    """Return the rough width of `text` in em: 1 per Hangul syllable, 0.6 per other character."""
    hangul = len(_HANGUL.findall(text))
    return hangul + 0.6 * (len(text) - hangul)
