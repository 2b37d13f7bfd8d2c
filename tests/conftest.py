from __future__ import annotations

import re
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from repo_copies import SESSION_3_EN, SESSION_3_FR, SESSION_4_FR, SESSIONS_SITE_URL, copy_of_repo

REPO = Path(__file__).resolve().parent.parent
BASE_TREE = Path(__file__).parent / "golden" / "check" / "_base"
CHROMIUM = "/usr/bin/chromium"  # Debian's: never a browser downloaded by Playwright
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands speak the locale's language (recaps.messages): every test starts from an English
    one, whatever the machine's, and those of French say so (--lang fr, or LANG=fr_FR.UTF-8)."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


# Ctrl-C's and SIGTERM's handlers as the test run starts.
STARTING_HANDLERS = {stop: signal.getsignal(stop) for stop in (signal.SIGINT, signal.SIGTERM)}


@pytest.fixture(autouse=True)
def signal_handlers():
    """A command run in the test's process (click's CliRunner, in a test or a module's fixture)
    leaves Ctrl-C and SIGTERM as a command leaves them for the exit that follows: `recaps build`,
    once built, ignores both (recaps.commands.stops). Each test, and the processes it starts,
    which would inherit an ignored signal, starts with the handlers of the run's start."""
    for stop, handler in STARTING_HANDLERS.items():
        signal.signal(stop, handler)
    yield
    for stop, handler in STARTING_HANDLERS.items():
        signal.signal(stop, handler)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, one for the session: tests/e2e and tests/serve
    share it (Playwright's sync API runs one instance at a time in a thread)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the minimal valid content tree the golden tests start from."""
    root = tmp_path / "repo"
    shutil.copytree(BASE_TREE, root)
    return root


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's real site, built once per test session (French at the root, English in en/)."""
    from recaps.build import build_site

    site_dir = tmp_path_factory.mktemp("real-site") / "site"
    result = build_site(REPO, site_dir=site_dir)
    assert result.ok, "\n".join(map(str, result.messages)) or (result.report.render() if result.report else "build failed")
    return site_dir


@pytest.fixture(scope="session")
def grouped_indexes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site plus a programme without a recap yet, built in this process with the
    indexes of a large site: the speakers and partners by initial, the programmes (2025 and
    undated) and key notions (2025) by year, the programmes in the navigation.

    The real content quotes five people, well under the thresholds: they are lowered for this
    build, so that the groups are what gets built.
    """
    from recaps.pages import groupings, render
    from recaps.build import build_site

    root = tmp_path_factory.mktemp("grouped-indexes") / "repo"
    root.mkdir(parents=True)
    copy_of_repo(root)
    upcoming = root / "sessions/parcours-a-venir"
    upcoming.mkdir()
    for lang, title in (("fr", "Parcours à venir"), ("en", "Upcoming programme")):
        text = (root / f"sessions/parcours-cec-industries/programme.{lang}.md").read_text(encoding="utf-8")
        text = re.sub(r'^title: ".*"$', f'title: "{title}"', text.replace("parcours-cec-industries", "parcours-a-venir"), flags=re.M)
        (upcoming / f"programme.{lang}.md").write_text(text, encoding="utf-8")
    site_dir = root.parent / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(groupings, "SPEAKERS_ON_ONE_PAGE", 2)
        patch.setattr(groupings, "PROGRAMMES_ON_ONE_PAGE", 0)
        patch.setattr(groupings, "PARTNERS_ON_ONE_PAGE", 0)
        patch.setattr(render, "HOME_PROGRAMMES", 0)  # the home page cannot show them all
        result = build_site(root, site_dir=site_dir, parallel=False)
    assert result.ok, "\n".join(map(str, result.messages)) or result.report.render()
    return site_dir


@pytest.fixture(scope="module")
def copy_repo(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``copy_repo(name)``: a fresh copy of what a build reads (config, overrides, docs, content)."""

    def copy(name: str) -> Path:
        root = tmp_path_factory.mktemp(name) / "repo"
        root.mkdir()
        copy_of_repo(root)
        return root

    return copy


# Two more recaps in the real programme, before session 5: session 3, a one-day session, and
# session 4, published earlier than session 3 and not translated yet.
@pytest.fixture(scope="session")
def sessions_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content plus sessions 3 and 4 (above) in its programme, built with a site URL."""
    from click.testing import CliRunner

    from recaps.build import build_site
    from recaps.cli import main

    root = tmp_path_factory.mktemp("sessions") / "repo"
    root.mkdir()
    copy_of_repo(root)
    programme = root / "sessions/parcours-cec-industries"
    for name, text in (("session-3.fr.md", SESSION_3_FR), ("session-3.en.md", SESSION_3_EN),
                       ("session-4.fr.md", SESSION_4_FR)):
        (programme / name).write_text(text, encoding="utf-8")
    marked = CliRunner().invoke(main, ["-C", str(root), "mark-translated", str(programme / "session-3.en.md")])
    assert marked.exit_code == 0, marked.output
    site = root.parent / "site"
    result = build_site(root, site_dir=site, site_url=SESSIONS_SITE_URL)
    assert result.ok, "\n".join(map(str, result.messages)) or result.report.render()
    return site


@pytest.fixture(scope="session")
def pictures_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site plus pictures no real file has, made by the test (tests/fixture_images.py): a
    cover photo of session 5 with EXIF and GPS data, a logo with transparency for La Ruche
    industrielle, a portrait of Caroline Félix. Built once per test session."""
    import fixture_images
    from recaps.build import build_site

    root = tmp_path_factory.mktemp("pictures") / "repo"
    root.mkdir()
    copy_of_repo(root)
    fixture_images.add_pictures(root)
    site_dir = root.parent / "site"
    result = build_site(root, site_dir=site_dir)
    assert result.ok, "\n".join(map(str, result.messages)) or result.report.render()
    return site_dir
