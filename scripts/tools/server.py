"""A small static server that behaves like GitHub Pages: gzip for text, 404.html for misses.

What is compressed, and how, is scripts/tools/weight.py's rule, so served and weighed bytes agree.
"""

from __future__ import annotations

import contextlib
import mimetypes
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.tools.weight import compressed, gzipped


def handler_for(root: Path) -> type[BaseHTTPRequestHandler]:
    """Return a request handler class serving files below `root`."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # http.server's naming
            path = unquote(urlsplit(self.path).path)
            target = (root / path.lstrip("/")).resolve()
            if target.is_dir():
                if not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.end_headers()
                    return
                target = target / "index.html"
            status = 200
            if root.resolve() not in target.parents or not target.is_file():
                status, target = 404, root / "404.html"
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype.endswith("javascript"):
                ctype += "; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if compressed(target) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzipped(target)
                self.send_header("Content-Encoding", "gzip")
            else:
                body = target.read_bytes()
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            # A browser that closes its page while a response is on its way hangs up: nobody is
            # left to receive the rest, so that is not an error of the server.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextlib.contextmanager
def serve(root: Path, port: int = 0) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 in a background thread and yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), handler_for(root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
