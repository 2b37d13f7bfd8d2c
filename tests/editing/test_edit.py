"""`recaps edit`: the preview with the editing interface at /admin/ and decap-server, both on
127.0.0.1 only, both gone after Ctrl-C or SIGTERM; clear refusals when Node.js or Decap is missing."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from processes import free_port, get, group_is_gone, group_listing, wait_for
from recaps.cli import main

REPO = Path(__file__).resolve().parents[2]
STOPPED = "Interrupted: the editing interface and the preview stopped.\n"
LISTEN = "0A"  # /proc/net/tcp's state of a listening socket


def edit_repo(copy_repo, name: str) -> Path:
    """A copy of the content with the repository's npm packages (node_modules/, a link)."""
    root = copy_repo(name)
    (root / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    return root


def listening(port: int) -> list[str]:
    """The addresses (hex, as /proc/net/tcp{,6} write them) that listen on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == LISTEN and int(hex_port, 16) == port:
                found.append(address)
    return found


def group_members(pgid: int) -> dict[int, str]:
    """The processes of process group ``pgid`` and their command lines (/proc)."""
    members = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                members[int(entry.name)] = command
    return members


def cors_origin(url: str, origin: str) -> str | None:
    """The origin decap-server allows in its answer to a browser's preflight from ``origin``."""
    request = urllib.request.Request(url, method="OPTIONS", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.headers.get("Access-Control-Allow-Origin")


@pytest.mark.parametrize("stop,to_group,status", [
    (signal.SIGINT, False, 130), (signal.SIGTERM, False, 143), (signal.SIGINT, True, 130),
], ids=["SIGINT to recaps", "SIGTERM to recaps", "SIGINT to the group (Ctrl-C in a terminal)"])
def test_edit_serves_both_on_loopback_and_a_stop_ends_both(copy_repo, tmp_path: Path, stop, to_group: bool,
                                                           status: int) -> None:
    root = edit_repo(copy_repo, f"edit-{stop.name}-{to_group}")
    port, cms_port = free_port(), free_port()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "recaps", "-C", str(root), "edit", "--port", str(port), "--cms-port", str(cms_port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "TMPDIR": str(tmp)},  # where its workspace goes
    )
    output: list[str] = []
    errors: list[str] = []
    readers = [threading.Thread(target=lambda: output.extend(iter(process.stdout.readline, "")), daemon=True),
               threading.Thread(target=lambda: errors.extend(iter(process.stderr.readline, "")), daemon=True)]
    for reader in readers:
        reader.start()
    try:
        wait_for(lambda: "Rebuilt both languages.\n" in output, 90, "the first build")
        base = f"http://127.0.0.1:{port}"
        assert output[:2] == [
            f"Editing at {base}/admin/ (decap-server on 127.0.0.1:{cms_port} writes the files)\n",
            f"Serving on {base}/ (French) and {base}/en/ (English)\n",
        ]
        # Both listen on 127.0.0.1 only (0100007F), not on every address (00000000, or :: in tcp6).
        assert (listening(port), listening(cms_port)) == (["0100007F"], ["0100007F"])
        members = group_members(process.pid)
        decap = [pid for pid, command in members.items() if "decap-server/dist/index.js" in command]
        assert len(decap) == 1, members

        status_code, page = get(base + "/admin/")
        assert status_code == 200 and '<script src="decap-cms.js"></script>' in page
        config = yaml.safe_load(get(base + "/admin/config.yml")[1])
        assert config["backend"] == {"name": "proxy", "proxy_url": f"http://127.0.0.1:{cms_port}/api/v1"}
        assert get(base + "/parcours-cec-industries/session-5/")[0] == 200
        # decap-server reads this copy, and answers the editing interface's page, no other.
        api = f"http://127.0.0.1:{cms_port}/api/v1"
        info = urllib.request.Request(api, data=json.dumps({"action": "info"}).encode(),
                                      headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(info, timeout=5) as response:
            assert json.load(response) == {"repo": "repo", "publish_modes": ["simple"], "type": "local_fs"}
        # The one origin it allows is the editing interface's: a browser refuses its answers to
        # any other page (decap-server's default allows every port of localhost and 127.0.0.1).
        for origin in (base, f"http://localhost:{port}", f"http://127.0.0.1:{free_port()}", "https://example.org"):
            assert cors_origin(api, origin) == base, origin

        (os.killpg if to_group else os.kill)(process.pid, stop)  # to recaps only: it stops decap-server itself
        process.wait(timeout=30)
        gone = group_is_gone(process.pid)
        listed = group_listing(process.pid)
    finally:
        if not group_is_gone(process.pid, 0):  # what a failure left running
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        for reader in readers:  # decap-server writes to them too: they end when it has
            reader.join(timeout=10)
        process.stdout.close()
        process.stderr.close()
    assert gone, listed
    assert (process.returncode, output[-1]) == (status, STOPPED), "".join(output)
    assert not any("Traceback" in line for line in output), "".join(output)
    assert errors == []
    assert not any(Path(f"/proc/{pid}").exists() for pid in decap)
    for free in (port, cms_port):
        assert listening(free) == []
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", free)) != 0
    assert list(tmp.iterdir()) == []  # its workspace removed


def run(root: Path, *args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(main, ["-C", str(root), "edit", *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_edit_without_node_says_what_to_install(tree: Path, tmp_path: Path) -> None:
    nowhere = tmp_path / "bin"
    nowhere.mkdir()
    result = run(tree, env={"PATH": str(nowhere)})
    assert (result.exit_code, result.output) == (1, (
        "error: recaps edit needs Node.js, which is not installed: install it (Debian: `sudo apt install nodejs npm`), "
        f"then run `npm ci` in {tree}\n"))


def test_edit_without_the_npm_packages_says_what_to_run(tree: Path) -> None:
    result = run(tree)
    assert (result.exit_code, result.output) == (1, (
        "error: recaps edit needs Decap CMS: node_modules/decap-server/dist/index.js is missing: "
        f"run `npm ci` in {tree} (it installs Decap CMS from package-lock.json; Node.js and npm: Debian's nodejs and npm)\n"))


def test_edit_on_a_busy_cms_port_says_so(tree: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where its workspace goes
    (tree / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        result = run(tree, "--port", str(free_port()), "--cms-port", str(taken))
    assert (result.exit_code, result.output) == (
        1, f"error: cannot start decap-server on 127.0.0.1:{taken}: Address already in use; try another --cms-port\n")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("recaps-edit-")] == []


def test_edit_refuses_the_same_port_twice(tree: Path) -> None:
    result = run(tree, "--port", "8123", "--cms-port", "8123")
    assert (result.exit_code, result.output) == (1, "error: --cms-port must differ from --port (8123)\n")


def test_the_preview_server_serves_the_editing_interface_as_it_is(tmp_path: Path) -> None:
    from recaps.mkdocs.preview_server import PreviewServer

    site, admin = tmp_path / "site", tmp_path / "admin"
    site.mkdir()
    admin.mkdir()
    (site / "secret.txt").write_text("of the site")
    (admin / "index.html").write_bytes(b"<html><body>Decap</body></html>")
    (admin / "config.yml").write_bytes(b"backend: {name: proxy}\n")
    server = PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    server.watch(str(site))  # MkDocs adds its reload script to pages only when it watches
    server.admin = admin
    with server._rebuild_cond:  # a build wanted and never done: the site's pages wait for it
        server._wanted_epoch += 1

    def ask(path: str) -> tuple[str, dict, bytes]:
        answer: list = []

        def request() -> None:
            body = server.serve_request({"PATH_INFO": path}, lambda status, headers: answer.extend([status, dict(headers)]))
            answer.append(b"".join(body))

        asking = threading.Thread(target=request, daemon=True)
        asking.start()
        asking.join(5)
        assert len(answer) == 3, f"{path}: no answer (waiting for the build?)"
        return answer[0], answer[1], answer[2]

    # At once, while a build is wanted, and without MkDocs' reload script: a reload would lose
    # what an editor is typing.
    status, headers, body = ask("/admin/")
    assert (status, headers["Content-Type"], body) == ("200 OK", "text/html", b"<html><body>Decap</body></html>")
    assert headers["Cache-Control"] == "no-store"
    status, headers, body = ask("/admin/config.yml")
    assert (status, headers["Content-Type"], body) == ("200 OK", "text/yaml; charset=utf-8", b"backend: {name: proxy}\n")
    assert ask("/admin")[:2] == ("302 Found", {"Location": "/admin/"})
    for outside in ("/admin/../secret.txt", "/admin/%2e%2e/secret.txt", "/admin/missing.js"):
        assert ask(outside)[0] == "404 Not Found", outside
    server.server_close()
