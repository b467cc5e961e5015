"""Refuse to publish a site whose site_url is this machine: it would ship in the canonical links,
sitemap.xml and the notebooks' links."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

LOCAL_HOSTS = {None, "", "localhost", "127.0.0.1", "::1", "0.0.0.0"}
_COMMAND: list[str] = []  # the mkdocs command of this run ("build", "serve", "gh-deploy"), if any


# Remember the command: a site built for publishing must know its address, a preview need not.
def on_startup(command: str, dirty: bool) -> None:
    _COMMAND[:] = [command]


# Stop a publishing build whose site_url is local (see unpublishable).
def on_config(config):
    if error := unpublishable(config["site_url"], _COMMAND[-1] if _COMMAND else None, os.environ):
        raise PluginError(error)


# Return why a `mkdocs build`/`gh-deploy` must stop, or None. ALLOW_LOCAL_SITE_URL=1 allows a local
# site_url (tests, benchmarks); `mkdocs serve` and in-process builds (no command) never publish.
def unpublishable(site_url: str | None, command: str | None, environ) -> str | None:
    if command not in ("build", "gh-deploy") or environ.get("ALLOW_LOCAL_SITE_URL") == "1":
        return None
    if urlsplit(site_url or "").hostname not in LOCAL_HOSTS:
        return None
    return (
        f"site_url is {site_url!r}: set SITE_URL to the published address "
        "(e.g. SITE_URL=https://example.github.io/repo/), or ALLOW_LOCAL_SITE_URL=1 for a local build"
    )
