"""Fill a page's generated-content comments: `<!-- table:NAME -->`, `<!-- value:NAME -->` (with an
optional particle, `<!-- value:NAME|로 -->`) and `<!-- playground:NAME -->`."""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

GENERATED = re.compile(r"(?P<indent>^[ \t]*)?<!--\s*(?P<kind>table|value|playground):\s*(?P<name>[^\s>]+)\s*-->", re.M)


# Replace each comment with what its generator returns; an unknown name or a failing generator stops the build.
def on_page_markdown(markdown: str, page, config, files) -> str:
    from scripts import glossary, particles
    from scripts.playground import HASHES
    from scripts.tables import TABLES, VALUES

    registries = {"table": TABLES | glossary.TABLES, "value": VALUES, "playground": HASHES}
    where = page.file.src_uri

    def fill(m: re.Match[str]) -> str:
        indent, kind, name = m.group("indent"), m.group("kind"), m.group("name")
        name, _, particle = name.partition("|")  # value:NAME|로 adds 로 or 으로, as the value is read
        if particle and kind != "value":
            raise PluginError(f"{where}: {kind} '{name}' cannot take a particle")
        if kind == "table" and indent is None:
            raise PluginError(f"{where}: table '{name}' must stand on a line of its own")
        registry = registries[kind]
        if name not in registry:
            raise PluginError(f"{where}: unknown {kind} '{name}' (known: {', '.join(sorted(registry))})")
        try:
            text = registry[name]()
            text = particles.attach(text, particle) if particle else text
        except Exception as exc:
            raise PluginError(f"{where}: {kind} '{name}' failed: {exc!r}") from exc
        indent = indent or ""
        return indent + text.replace("\n", "\n" + indent)  # a table inside an admonition stays inside

    return GENERATED.sub(fill, markdown)
