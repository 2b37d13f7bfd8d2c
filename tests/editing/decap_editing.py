"""What the tests of the editing interface in Chromium share (tests/editing/conftest.py has the
fixtures): `recaps edit` on a copy of the content, and the steps an editor takes in Decap."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from click.testing import CliRunner

from recaps.cli import main

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "editing"
SESSIONS = "sessions/parcours-cec-industries"
SESSION_5_FR, SESSION_5_EN = f"{SESSIONS}/session-5.fr.md", f"{SESSIONS}/session-5.en.md"
COLLECTION = "#/collections/sessions-parcours-cec-industries"


@dataclass
class Editing:
    root: Path
    base: str  # the preview's address; the editing interface is at base + /admin/
    output: list[str]
    original: dict[str, str]  # the content files as they were, by path
    outside: list[str] = field(default_factory=list)  # requests to anywhere but 127.0.0.1 (blocked)


def split(text: str) -> tuple[dict, str]:
    """A content file's front matter (parsed) and body."""
    assert text.startswith("---\n"), text[:80]
    front, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


def recaps(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["-C", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def sign_in(browser, editing: Editing, width: int = 1280, height: int = 900):
    """A new context of the session's Chromium (``width`` x ``height``) signed in to the editing
    interface; every request to anywhere but 127.0.0.1 is recorded in ``editing.outside`` and aborted."""

    def local_only(route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            editing.outside.append(route.request.url)
            route.abort("internetdisconnected")

    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    context.route("**/*", local_only)
    context.on("request", lambda r: None if urlsplit(r.url).hostname == "127.0.0.1" else editing.outside.append(r.url))
    page = context.new_page()
    page.goto(editing.base + "/admin/")
    page.get_by_role("button", name="Se connecter").click()  # decap-server: no account, one click
    page.get_by_role("link", name="Partenaires").wait_for(timeout=30_000)
    page.close()
    return context



def open_entry(page, editing: Editing, path: str) -> None:
    page.goto(f"{editing.base}/admin/{COLLECTION}/{path}")
    page.get_by_label("Titre", exact=True).first.wait_for()


def publish(page) -> None:
    """Decap's "Publier maintenant" (decap-server's mode is simple: saved is published)."""
    page.get_by_role("button", name="Publier", exact=True).click()
    page.get_by_role("menuitem", name="Publier maintenant").click()
    page.get_by_text("Modifications enregistrées", exact=False).wait_for()


def expect_translation(page, state: str) -> None:
    """The English pane's translation widget (admin/translation-state.js) comes to say ``state``
    (it looks at the entry every 700 ms)."""
    page.locator(f'[data-recaps-translation="{state}"]').wait_for(timeout=10_000)


def status_of(editing: Editing, path: str) -> str:
    """The state `recaps status` gives the translation ``path`` (its table: kind, id, state, file)."""
    code, table = recaps(editing.root, "status")
    states = [line.split()[2] for line in table.splitlines() if line.split()[-1:] == [path]]
    assert len(states) == 1, table
    return states[0]


def file_text(editing: Editing, path: str) -> str:
    return (editing.root / path).read_text(encoding="utf-8")


