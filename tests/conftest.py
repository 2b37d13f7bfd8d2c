from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

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
    for entry in COPIED:
        source = REPO / entry
        if source.is_dir():
            shutil.copytree(source, root / entry, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            root.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / entry)
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


COPIED = ("mkdocs.yml", "overrides", "docs", "sessions", "partners")


def copy_of_repo(root: Path) -> None:
    """Copy into ``root`` what a build reads (config, overrides, docs, content)."""
    for entry in COPIED:
        source = REPO / entry
        if source.is_dir():
            shutil.copytree(source, root / entry, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / entry)


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
SESSION_3_FR = """---
id: session-3
programme: parcours-cec-industries
number: 3
title: "Mesurer pour agir"
dates:
  start: 2024-11-14
  end: 2024-11-14
city: Paris
host: the-week
author: "La rédaction"
published: 2025-02-10
tags: [industrie]
question: "Que compter d’abord ?"
summary: "Une journée à Paris pour choisir les indicateurs qui comptent."
notions:
  - title: "Compter juste"
    text: "Peu d’indicateurs, bien choisis."
quotes:
  - speaker: eric-duverger
    lang: fr
    text: "Ce qui se mesure se pilote."
partners: []
---

Le 14 novembre 2024, une journée à Paris.
"""
SESSION_3_EN = """---
title: "Measuring to act"
author: "The editorial team"
question: "What should we count first?"
summary: "A day in Paris choosing the indicators that matter."
notions:
  - title: "Counting right"
    text: "Few indicators, well chosen."
quotes:
  - text: "What gets measured gets steered."
---

On 14 November 2024, a day in Paris.
"""
SESSION_4_FR = """---
id: session-4
programme: parcours-cec-industries
number: 4
title: "Coopérer entre filières"
dates:
  start: 2024-12-12
  end: 2024-12-13
city: Grenoble
host: la-ruche-industrielle
author: "La rédaction"
published: 2025-01-20
tags: [cooperation]
question: "Avec qui avancer ?"
summary: "Deux jours à Grenoble avec les filières voisines."
notions:
  - title: "Sortir de sa filière"
    text: "Les voisins ont souvent la réponse."
quotes:
  - speaker: eric-boel
    lang: fr
    text: "Personne ne s’en sort seul."
partners: []
---

Les 12 et 13 décembre 2024, deux jours à Grenoble.
"""
SESSIONS_SITE_URL = "https://recaps.example.org/parcours/"


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
