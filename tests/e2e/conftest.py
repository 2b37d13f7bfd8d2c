"""The built site served on 127.0.0.1, and pages of Debian's Chromium (the ``browser`` fixture,
tests/conftest.py) that reach nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from local_server import LOCAL_HOST, serve_directory

@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The base URL (ending in /) of the built site, served from a background thread."""
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def serve():
    """``with serve(directory) as base_url:`` another built site, on 127.0.0.1."""
    return serve_directory


@dataclass
class Offline:
    """Requests the pages tried to make: to the local server, and to anywhere else (aborted)."""

    external: list[str] = field(default_factory=list)
    local: list[str] = field(default_factory=list)

    def saw_external(self, url: str) -> None:
        if url not in self.external:
            self.external.append(url)


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https") and parts.hostname == LOCAL_HOST


@pytest.fixture
def offline() -> Offline:
    return Offline()


@pytest.fixture
def new_page(browser, offline: Offline):
    """``new_page(width=1280, height=900, **options)``: a page in a fresh context (Playwright's
    context options: ``has_touch=True``...) that can reach 127.0.0.1 only."""
    contexts = []

    def route(route) -> None:
        url = route.request.url
        if _is_local(url):
            offline.local.append(url)
            route.continue_()
        else:
            offline.saw_external(url)
            route.abort("internetdisconnected")

    def make(width: int = 1280, height: int = 900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block", **options)
        context.route("**/*", route)
        # Requests that bypass routing (e.g. from workers) are still seen here.
        context.on("request", lambda request: None if _is_local(request.url) else offline.saw_external(request.url))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    for context in contexts:
        context.close()
