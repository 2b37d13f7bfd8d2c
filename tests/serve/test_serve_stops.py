"""`recaps serve`: Ctrl-C and SIGTERM while it rebuilds stop it cleanly; a branch switched while it
runs is what it then serves (as a full build of what is on disk would be)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from processes import free_port, get, group_is_gone, group_listing, wait_for

STOPPED = "Interrupted: the preview stopped."
ERRORS_SHOWN = "The preview shows these errors in place of its pages; fix the problems above and save.\n"


def _serve(root: Path, tmp: Path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "recaps", "-C", str(root), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "TMPDIR": str(tmp)},  # where its workspace goes
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    return process, f"http://127.0.0.1:{port}", output, reader


def _stop(process: subprocess.Popen, reader: threading.Thread) -> None:
    """End a preview started by _serve, and what reads its output."""
    process.terminate()
    process.wait(timeout=30)
    reader.join(timeout=10)
    process.stdout.close()
    process.stderr.close()


def _rebuilding(tmp: Path) -> bool:
    return bool(list(tmp.glob("recaps-serve-*/.recaps-build-*")))


@pytest.mark.parametrize("stop,to_group,status", [(signal.SIGINT, True, 130), (signal.SIGTERM, False, 143)],
                         ids=["SIGINT to the group", "SIGTERM to the process"])
def test_a_stop_while_serve_rebuilds_is_clean(copy_repo, tmp_path: Path, stop, to_group: bool, status: int) -> None:
    root = copy_repo("serve-stops")
    rng = random.Random(stop)
    for attempt in range(2):
        tmp = tmp_path / f"tmp-{attempt}"
        tmp.mkdir()
        process, base, output, reader = _serve(root, tmp)
        try:
            wait_for(lambda: any(line == "Rebuilt both languages.\n" for line in output), 90, "the first build")
            config = root / "mkdocs.yml"  # a site-wide change: both languages rebuilt
            config.write_text(config.read_text(encoding="utf-8") + f"\n# edit {attempt}\n", encoding="utf-8")
            wait_for(lambda: _rebuilding(tmp), 30, "the rebuild")
            time.sleep(rng.uniform(0, 0.3))
            sent = time.monotonic()
            (os.killpg if to_group else os.kill)(process.pid, stop)
            process.wait(timeout=30)
            took = time.monotonic() - sent
            reader.join(timeout=10)
            err = process.stderr.read()
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            process.stdout.close()
            process.stderr.close()
        assert took < 5, f"took {took:.1f} s to stop"
        assert (process.returncode, output[-1]) == (status, STOPPED + "\n"), "".join(output)
        assert not any("Traceback" in line or "Process " in line for line in output), "".join(output)
        assert err == "", err
        assert group_is_gone(process.pid), group_listing(process.pid)
        assert list(tmp.iterdir()) == []  # its workspace, and the build's folder in it, removed


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


CUT = ("sessions/parcours-cec-industries", "partners")  # 20 pages in all, and a whole watched folder
REMOVED = ("/parcours-cec-industries/session-5/", "/en/parcours-cec-industries/", "/partners/the-week/",
           "/en/partners/la-ruche-industrielle/")


def test_serve_follows_a_branch_switched_during_its_first_build(copy_repo, tmp_path: Path) -> None:
    root = copy_repo("serve-branches")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "content")
    _git(root, "checkout", "-q", "-b", "cut")
    _git(root, "rm", "-r", "-q", *CUT)
    _git(root, "commit", "-q", "-m", "fewer pages")
    _git(root, "checkout", "-q", "main")
    process, base, output, reader = _serve(root, tmp_path)
    try:
        # Switched while the first build runs, once it has read the content.
        wait_for(lambda: _rebuilding(tmp_path), 90, "the first build")
        _git(root, "checkout", "-q", "cut")
        wait_for(lambda: all(get(base + page)[0] == 404 for page in REMOVED), 30, "the removed pages to go")
        status, home = get(base + "/")
        assert status == 200 and "parcours-cec-industries" not in home

        # And back: the pages return, and the partners, a folder that went and came back, are
        # still watched.
        _git(root, "checkout", "-q", "main")
        wait_for(lambda: all(get(base + page)[0] == 200 for page in REMOVED), 30, "the pages to return")
        partner = root / "partners/the-week.fr.md"
        partner.write_text(partner.read_text(encoding="utf-8").replace("\n\n", "\n\nUn mot de plus.\n\n", 1),
                           encoding="utf-8")
        wait_for(lambda: "Un mot de plus." in get(base + "/partners/the-week/")[1], 30, "the edited partner")
        assert process.poll() is None
        assert not any("Traceback" in line for line in output), "".join(output)
    finally:
        _stop(process, reader)


def test_a_site_wide_change_made_while_the_content_has_errors_is_built_once_they_are_fixed(
    copy_repo, tmp_path: Path
) -> None:
    root = copy_repo("serve-site-wide")
    process, base, output, reader = _serve(root, tmp_path)
    try:
        wait_for(lambda: get(base + "/programmes/")[0] == 200, 90, "the first build")
        session = root / "sessions/parcours-cec-industries/session-5.fr.md"
        text = session.read_text(encoding="utf-8")
        session.write_text(text.replace("number: 5", "number: five"), encoding="utf-8")
        wait_for(lambda: sum(line == ERRORS_SHOWN for line in output) == 1, 30, "the error")
        config = root / "mkdocs.yml"  # changed while the content does not build
        config.write_text(config.read_text(encoding="utf-8").replace(
            "site_description: Récits des sessions", "site_description: Nouveaux récits des sessions"), encoding="utf-8")
        wait_for(lambda: sum(line == ERRORS_SHOWN for line in output) == 2, 30, "the error")
        session.write_text(text, encoding="utf-8")  # fixed: what is served is then built from both
        wait_for(lambda: "Nouveaux récits des sessions" in get(base + "/programmes/")[1], 30, "the new description")
        assert not any("Traceback" in line for line in output), "".join(output)
    finally:
        _stop(process, reader)
