"""The W3C Nu HTML Checker over a built site (`python -m scripts.tools.vnu [site]`): prints every
error and exits 1 if there is one.

npm's vnu-jar, installed into .cache/vnu at a pinned version, runs with the system's Java (Debian:
default-jre-headless). Every HTML page and every SVG figure is checked. The one error accepted is
Material's own: `autocomplete` on the search and palette checkboxes, which its template writes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.tools import npm

ROOT = Path(__file__).resolve().parents[2]
VNU_VERSION = "26.9.27"
PREFIX = ROOT / ".cache" / "vnu"
JAR = PREFIX / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME_ERRORS = ("Attribute “autocomplete” is only allowed when the input type is",)


def install() -> Path:
    """Return the checker's jar, installing the pinned vnu-jar into .cache/vnu if needed."""
    npm.install("vnu-jar", VNU_VERSION, PREFIX, "--ignore-scripts")  # the jar is in the package
    if not JAR.is_file():
        raise FileNotFoundError(f"vnu-jar {VNU_VERSION} in {PREFIX} has no {JAR.name}")
    return JAR


def errors(site: Path, jar: Path) -> list[str]:
    """Return the checker's errors for every page and SVG of `site` (path:line: message), but the theme's."""
    result = subprocess.run(
        ["java", "-jar", str(jar), "--skip-non-html", "--also-check-svg", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{m.get('url', '').removeprefix(f'file:{site}/')}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error") and not m["message"].startswith(THEME_ERRORS)
    ]


def main() -> int:
    """Check the site folder given (default site/); print the errors, return 1 if any."""
    if shutil.which("java") is None:
        print("java not found: install Debian's default-jre-headless", file=sys.stderr)
        return 2
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site").resolve()
    found = errors(site, install())
    print("\n".join(found) or f"{site}: no errors")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
