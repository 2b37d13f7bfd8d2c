"""The fixtures of the tests that drive the editing interface in Debian's Chromium: `recaps edit`
running on a copy of the content (one a test module; with the pictures of tests/fixture_images.py
where the module sets WITH_PICTURES), a browser context signed in to it, and a page for each test,
after which no request may have left 127.0.0.1 (tests/editing/decap_editing.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import fixture_images
import pytest

from decap_editing import ARTIFACTS, REPO, SESSIONS, Editing, sign_in
from processes import free_port, group_is_gone, wait_for


@pytest.fixture(scope="module")
def editing(copy_repo, tmp_path_factory, request):
    """`recaps edit` on a copy of the content, the module's, once its first build is done."""
    root = copy_repo("editing")
    if getattr(request.module, "WITH_PICTURES", False):
        fixture_images.add_pictures(root)
    (root / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    original = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
                for folder in (SESSIONS, "partners") for p in (root / folder).iterdir() if p.is_file()}
    port, cms_port = free_port(), free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "recaps", "-C", str(root), "edit", "--port", str(port), "--cms-port", str(cms_port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        env={**os.environ, "TMPDIR": str(tmp_path_factory.mktemp("edit-tmp"))},
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        wait_for(lambda: "Rebuilt both languages.\n" in output, 120, "the first build")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        print(f"\nscreenshots of the editing interface: {ARTIFACTS}")
        yield Editing(root, f"http://127.0.0.1:{port}", output, original)
    finally:
        process.send_signal(signal.SIGINT)  # as Ctrl-C
        try:
            process.wait(timeout=30)
        finally:
            if not group_is_gone(process.pid, 0):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            reader.join(timeout=10)
            process.stdout.close()
    assert not any("Traceback" in line for line in output), "".join(output)


@pytest.fixture(scope="module")
def signed_in(editing: Editing, browser):
    """A context of the session's Chromium (1280 x 900) signed in to the editing interface."""
    context = sign_in(browser, editing)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(signed_in, editing: Editing):
    """A new page for each test: one that a test left with unsaved changes would keep the next
    from leaving (Decap asks first). After the test, no request has left 127.0.0.1."""
    page = signed_in.new_page()
    page.set_default_timeout(30_000)
    yield page
    page.close()
    assert editing.outside == []
