"""What the serve tests share: `recaps serve` running on a copy of the repository, and a page
of the session's Chromium (tests/conftest.py) that reaches 127.0.0.1 only."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from urllib.parse import urlsplit

import pytest

from processes import free_port


@pytest.fixture
def served_repo(copy_repo):
    """``(root, base_url, output, process)``: `recaps serve` on a fresh copy of the repository, in
    an English locale (tests/conftest.py); ``output`` fills with the lines it prints."""
    yield from _served(copy_repo("served"))


@pytest.fixture
def served_repo_in_french(copy_repo):
    """The same, `recaps serve` started in a French locale (LANG=fr_FR.UTF-8): it speaks French."""
    yield from _served(copy_repo("served"), {"LANG": "fr_FR.UTF-8"})


def _served(root, locale: dict[str, str] | None = None):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "recaps", "-C", str(root), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, **(locale or {})},
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        yield root, f"http://127.0.0.1:{port}", output, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        reader.join(timeout=10)
        process.stdout.close()


@pytest.fixture
def browser_page(browser):
    """A page of the session's Chromium (1280 x 900) whose requests anywhere but 127.0.0.1 are aborted."""

    def local_only(route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort("internetdisconnected")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        context.route("**/*", local_only)
        page = context.new_page()
        page.set_default_timeout(10_000)
        yield page
    finally:
        context.close()
