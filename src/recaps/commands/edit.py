"""`recaps edit`: the editing interface (Decap CMS at /admin/) on the live preview of `recaps serve`,
and decap-server, Decap's local backend, which reads and writes the repository's files; both on
127.0.0.1 only, both stopped by Ctrl-C or SIGTERM.

Decap CMS and decap-server are npm packages (package-lock.json), run with Node.js."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import click

from ..messages import message, message_of
from ..stops import stops_held
from .build import refuse_a_bad_source_date_epoch
from .language import language_option
from .repository import pass_root, refuse
from .stops import stops

HOST = "127.0.0.1"  # never another: decap-server writes the repository for whoever reaches it
EDIT_STOPPED = message("Interrupted: the editing interface and the preview stopped.")
STARTING = 30  # seconds decap-server may take to listen (a cold start on a busy machine takes a few)


@click.command()
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port of the preview and of the editing interface (/admin/).")
@click.option("--cms-port", default=None, type=click.IntRange(1, 65535),
              help="Port of decap-server, the local backend that writes the files (default: --port + 1).")
@language_option
@pass_root
def edit(root: Path, port: int, cms_port: int | None, lang: str) -> None:
    """Edit in the browser (Decap CMS at /admin/), with the live preview of both languages.

    The terminal's messages are in the language of --lang (or the locale); the interface is in French."""
    from ..editing.admin_site import DECAP_DIST, DECAP_SERVER, NodeToolsMissing, node_tool

    cms_port = cms_port or (port + 1 if port < 65535 else port - 1)
    if cms_port == port:
        refuse(message("--cms-port must differ from --port ({port})", port=str(port)), lang)
    root = root.resolve()
    with stops(EDIT_STOPPED, lang):
        refuse_a_bad_source_date_epoch(lang)
        node = shutil.which("node")
        if node is None:
            refuse(message("recaps edit needs Node.js, which is not installed: install it (Debian: "
                           "`sudo apt install nodejs npm`), then run `npm ci` in {root}", root=root), lang)
        try:
            script = node_tool(root, DECAP_SERVER)
            node_tool(root, DECAP_DIST / "decap-cms.js")
        except NodeToolsMissing as exc:
            refuse(message("recaps edit needs Decap CMS: {problem}", problem=message_of(exc)), lang)
        _edit(root, port, [node, str(script)], cms_port, lang)


def _edit(root: Path, port: int, decap_server: list[str], cms_port: int, lang: str) -> None:
    import tempfile

    from ..editing.admin_site import local_backend, write_admin
    from .serve import live_server, serve_until_stopped

    workspace = Path(tempfile.mkdtemp(prefix="recaps-edit-"))
    try:  # whatever stops it, its workspace goes, and decap-server with it
        served, admin = workspace / "site", workspace / "admin"
        served.mkdir()
        write_admin(root, admin, local_backend(cms_port))
        origin = f"http://{HOST}:{port}"
        with _running(decap_server, _decap_environment(root, cms_port, origin), workspace, cms_port, lang):
            addresses = message("Editing at {admin} (decap-server on {cms} writes the files)\n"
                                "Serving on {french} (French) and {english} (English)", admin=f"{origin}/admin/",
                                cms=f"{HOST}:{cms_port}", french=f"{origin}/", english=f"{origin}/en/")
            serve_until_stopped(live_server(root, served, HOST, port, lang, admin), HOST, port, lang, addresses)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def _decap_environment(root: Path, port: int, origin: str) -> dict[str, str]:
    """decap-server's settings (its README): the files of ``root`` (fs mode: no Git), listening on
    127.0.0.1:``port`` only, answering the editing interface's page only (CORS), errors logged."""
    return {**os.environ, "MODE": "fs", "GIT_REPO_DIRECTORY": str(root), "PORT": str(port),
            "BIND_HOST": HOST, "ORIGIN": origin, "LOG_LEVEL": "warn"}


@contextlib.contextmanager
def _running(command: list[str], env: dict[str, str], cwd: Path, port: int, lang: str):
    """``command`` running, listening on 127.0.0.1:``port``, in the block; stopped and waited for after.

    It runs in the folder given (no `.env` there for decap-server's dotenv to read), in this
    process group, so that Ctrl-C in a terminal reaches it too."""
    _refuse_a_busy_port(port, lang)
    with stops_held():  # started and stopped whole: a stop between would leave it running
        process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL)
    try:
        _wait_listening(process, port, lang)
        yield process
    finally:
        with stops_held():
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _refuse_a_busy_port(port: int, lang: str) -> None:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Node.js binds: a port just closed is free
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            refuse(message("cannot start decap-server on {address}: {reason}; try another --cms-port",
                           address=f"{HOST}:{port}", reason=exc.strerror or exc), lang)


def _wait_listening(process: subprocess.Popen, port: int, lang: str) -> None:
    deadline = time.monotonic() + STARTING
    while process.poll() is None and time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.1)
    if process.poll() is None:
        refuse(message("decap-server did not listen on {address} within {seconds} s", address=f"{HOST}:{port}",
                       seconds=str(STARTING)), lang)
    refuse(message("decap-server stopped as it started (exit status {status}); its messages are above",
                   status=str(process.returncode)), lang)
