"""Editing in the browser, end to end: `recaps edit` on a copy of the content, driven in Debian's
Chromium, where no request leaves 127.0.0.1 (tests/editing/conftest.py). The tests run in order
on one `recaps edit` (the module's): session 5's French title edited and saved, then put back,
session 6 written in French, then translated and marked up to date. Screenshots go to
test-artifacts/editing/."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from decap_editing import (
    ARTIFACTS, COLLECTION, SESSION_5_EN, SESSION_5_FR, SESSIONS, Editing, expect_translation, file_text,
    open_entry, publish, recaps, split, status_of,
)
from processes import get, wait_for

SESSION_6_FR, SESSION_6_EN = f"{SESSIONS}/session-6.fr.md", f"{SESSIONS}/session-6.en.md"
TITLE_5 = "Embarquer son écosystème"
NEW_TITLE_5 = "Embarquer tout son écosystème"


def test_the_collections_and_session_5_are_listed(page, editing: Editing) -> None:
    page.goto(f"{editing.base}/admin/{COLLECTION}")
    for collection in ("Programme : Parcours CEC Industries", "Sessions : Parcours CEC Industries",
                       "Partenaires", "Registres"):
        page.get_by_role("link", name=collection).wait_for()
    page.get_by_text(f"5. {TITLE_5}").wait_for()
    page.screenshot(path=str(ARTIFACTS / "collection-list.png"))


def test_a_french_title_edited_and_saved(page, editing: Editing) -> None:
    open_entry(page, editing, "entries/session-5")
    expect_translation(page, "complete")
    page.get_by_label("Titre", exact=True).first.fill(NEW_TITLE_5)
    expect_translation(page, "stale")  # the French changed since the translation
    page.screenshot(path=str(ARTIFACTS / "editor-side-by-side.png"))
    publish(page)
    wait_for(lambda: NEW_TITLE_5 in file_text(editing, SESSION_5_FR), 10, "the new title in the file")

    # The French file has the new title and nothing else changed; the English one is as it was
    # (no language-neutral field copied into it).
    meta, body = split(file_text(editing, SESSION_5_FR))
    original_meta, original_body = split(editing.original[SESSION_5_FR])
    assert meta == {**original_meta, "title": NEW_TITLE_5} and body == original_body
    assert split(file_text(editing, SESSION_5_EN)) == split(editing.original[SESSION_5_EN])
    assert recaps(editing.root, "check")[0] == 0
    assert status_of(editing, SESSION_5_EN) == "stale"

    preview = "/parcours-cec-industries/session-5/"
    wait_for(lambda: NEW_TITLE_5 in get(editing.base + preview)[1], 60, "the preview's new title")
    page.goto(editing.base + preview)
    assert page.locator("h1").first.inner_text() == NEW_TITLE_5
    page.screenshot(path=str(ARTIFACTS / "preview-session-5.png"))


def test_session_5_saved_back_is_the_recap_it_was(page, editing: Editing) -> None:
    """What Decap writes (its YAML, its Markdown) reads as what the files held: the front matter
    of both files and the body, every character of it."""
    open_entry(page, editing, "entries/session-5")
    page.get_by_label("Titre", exact=True).first.fill(TITLE_5)
    expect_translation(page, "complete")
    publish(page)
    wait_for(lambda: NEW_TITLE_5 not in file_text(editing, SESSION_5_FR), 10, "the title put back")
    for path in (SESSION_5_FR, SESSION_5_EN):
        assert split(file_text(editing, path)) == split(editing.original[path]), path
    assert recaps(editing.root, "check")[0] == 0
    assert status_of(editing, SESSION_5_EN) == "complete"


SESSION_6 = {  # test data for a session the seeds do not describe: only a form filled in
    "Numéro": "6",
    "Titre": "Prendre son envol",
    "Ville": "Lyon",
    "Auteur": "La rédaction",
    "Question": "Et après ?",
    "Résumé": "La dernière étape du parcours.",
}
SESSION_6_DATES = {"Début": "2025-03-13", "Fin": "2025-03-14", "Date de publication": "2025-04-01"}


def test_a_new_session_written_in_french_only(page, editing: Editing) -> None:
    page.goto(f"{editing.base}/admin/{COLLECTION}/new")
    page.get_by_label("Titre", exact=True).first.wait_for()
    for label, value in {**SESSION_6, **SESSION_6_DATES}.items():
        page.get_by_label(label, exact=True).first.fill(value)
    host = page.get_by_label("Partenaire hôte", exact=True).first
    host.click()
    host.type("Ruche")
    page.get_by_text("La Ruche industrielle", exact=True).click()
    body = page.locator(".cms-editor-raw [contenteditable=true]").first  # the French body, raw Markdown
    body.click()
    page.keyboard.type("Le récit de la session.")
    page.get_by_label("Titre", exact=True).first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "editor-new-session.png"))
    publish(page)
    wait_for(lambda: (editing.root / SESSION_6_FR).exists(), 10, "the French file")
    meta, text = split(file_text(editing, SESSION_6_FR))
    assert meta == {
        "id": "session-6", "programme": "parcours-cec-industries", "number": 6, "title": "Prendre son envol",
        "dates": {"start": date(2025, 3, 13), "end": date(2025, 3, 14)}, "city": "Lyon", "host": "la-ruche-industrielle",
        "author": "La rédaction", "published": date(2025, 4, 1), "question": "Et après ?",
        "summary": "La dernière étape du parcours.",
    }
    assert text == "Le récit de la session.\n"
    # Decap writes the English file too, holding a single newline: a missing translation.
    assert file_text(editing, SESSION_6_EN) == "\n"
    code, output = recaps(editing.root, "check")
    assert code == 0, output
    assert status_of(editing, SESSION_6_EN) == "missing"
    # The English site shows the French page under the notice that it is not translated yet.
    english = "/en/parcours-cec-industries/session-6/"
    wait_for(lambda: get(editing.base + english)[0] == 200, 60, "the English page of session 6")
    page.goto(editing.base + english)
    assert page.locator("html").get_attribute("lang") == "en"
    notice = page.locator(".admonition").first.inner_text()
    assert "This page has not been translated into English yet. Below is the French original." in notice
    assert page.locator("h1").first.inner_text() == "Prendre son envol"
    page.screenshot(path=str(ARTIFACTS / "preview-session-6-en.png"))


SESSION_6_EN_FIELDS = {"Titre": "Taking flight", "Auteur": "The editorial team", "Question": "What next?",
                       "Résumé": "The last stage of the programme."}


def test_session_6_translated_and_marked_up_to_date(page, editing: Editing, tmp_path: Path) -> None:
    open_entry(page, editing, "entries/session-6")
    expect_translation(page, "missing")
    for label, value in SESSION_6_EN_FIELDS.items():
        page.get_by_label(label, exact=True).nth(1).fill(value)  # the English pane's
    page.locator(".cms-editor-raw [contenteditable=true]").nth(1).click()
    page.keyboard.type("The recap of the session.")
    expect_translation(page, "progress")
    page.get_by_role("button", name="Marquer comme à jour").click()
    expect_translation(page, "complete")
    widget = page.locator('[data-recaps-translation="complete"]')
    widget.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "editor-translation-state.png"))
    publish(page)
    wait_for(lambda: "translation_of:" in file_text(editing, SESSION_6_EN), 10, "the English file")

    meta, body = split(file_text(editing, SESSION_6_EN))
    assert meta == {"title": "Taking flight", "author": "The editorial team", "question": "What next?",
                    "summary": "The last stage of the programme.", "translation_of": meta["translation_of"]}
    assert body == "The recap of the session.\n"
    code, output = recaps(editing.root, "check")
    assert code == 0, output
    assert status_of(editing, SESSION_6_EN) == "complete"

    # The version the browser wrote is the one `recaps mark-translated` writes.
    other = tmp_path / "repo"
    shutil.copytree(editing.root, other, symlinks=True)
    unmarked = "".join(line for line in file_text(editing, SESSION_6_EN).splitlines(keepends=True)
                       if not line.startswith("translation_of:"))
    (other / SESSION_6_EN).write_text(unmarked, encoding="utf-8")
    code, output = recaps(other, "mark-translated", str(other / SESSION_6_EN))
    assert code == 0, output
    assert split((other / SESSION_6_EN).read_text(encoding="utf-8"))[0]["translation_of"] == meta["translation_of"]


def test_the_preview_pane_follows_the_french_as_it_is_typed(page, editing: Editing) -> None:
    # Last: Decap keeps the preview shown, in place of the English pane, for the entries opened next.
    open_entry(page, editing, "entries/session-5")
    page.get_by_label("Titre", exact=True).first.fill(NEW_TITLE_5)
    page.get_by_title("Aperçu", exact=True).click()  # the site's look (admin/preview.js)
    preview = page.frame_locator("iframe")
    preview.get_by_text(NEW_TITLE_5, exact=True).wait_for()
    preview.get_by_text("Accepter la vulnérabilité", exact=True).wait_for()
    page.screenshot(path=str(ARTIFACTS / "editor-preview-pane.png"))
    assert TITLE_5 in file_text(editing, SESSION_5_FR)  # nothing saved
