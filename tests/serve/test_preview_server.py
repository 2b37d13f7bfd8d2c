"""The preview's server (recaps.mkdocs.preview_server) and MkDocs' build loop, with a builder
the test holds: a page asked while a build runs is answered from what that build made."""

from __future__ import annotations

import threading
from pathlib import Path

from recaps.mkdocs.preview_server import PreviewServer

SITE = b"<html><body>the site</body></html>"
ERRORS = b"<html><body>the errors</body></html>"


class HeldBuilder:
    """A build that starts, then waits for the test; it fails (its error page set) or not."""

    def __init__(self) -> None:
        self.error_page: bytes | None = None
        self.started = threading.Event()
        self.may_end = threading.Event()
        self.fails = True

    def __call__(self) -> None:
        self.started.set()
        assert self.may_end.wait(10)
        self.error_page = ERRORS if self.fails else None


def _ask(server: PreviewServer, path: str) -> tuple[str, bytes]:
    statuses = []
    body = server.serve_request({"PATH_INFO": path}, lambda status, headers: statuses.append(status))
    return statuses[0], b"".join(body)


def _build_and_ask(server: PreviewServer, builder: HeldBuilder, path: str) -> tuple[str, bytes]:
    """What ``path`` answers, asked once a build has started and before it ends."""
    builder.started.clear()
    builder.may_end.clear()
    with server._rebuild_cond:  # as a watched file changing does
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
    assert builder.started.wait(10)
    answers = []
    request = threading.Thread(target=lambda: answers.append(_ask(server, path)))
    request.start()
    request.join(0.3)
    assert request.is_alive(), "answered while the build runs"
    builder.may_end.set()
    request.join(10)
    return answers[0]


def test_a_page_asked_while_a_build_runs_is_what_that_build_made(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_bytes(SITE)
    (tmp_path / "style.css").write_bytes(b"body {}")
    builder = HeldBuilder()
    server = PreviewServer(builder=builder, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))  # MkDocs adds its reload script to pages only when it watches
    loop = threading.Thread(target=server._build_loop, daemon=True)
    loop.start()
    try:
        status, body = _build_and_ask(server, builder, "/")  # a build that fails
        assert status == "500 Internal Server Error"
        assert body.startswith(ERRORS[:-len(b"</body></html>")] + b"<script>")
        assert f"livereload({server._visible_epoch}, ".encode() in body  # reloads after the next build
        assert _ask(server, "/style.css") == ("200 OK", b"body {}")  # the last good build's

        builder.fails = False
        status, body = _build_and_ask(server, builder, "/")  # and one that works
        assert status == "200 OK" and body.startswith(SITE[:-len(b"</body></html>")] + b"<script>")
        assert f"livereload({server._visible_epoch}, ".encode() in body
    finally:
        builder.may_end.set()
        server.shutdown()
        loop.join(10)
    assert not loop.is_alive()
