"""The editing interface speaks French throughout (admin/locale.js completes Decap's `fr`): the
"new entry" button shows a plus sign every font has, and no phrase of Decap's is left in English
on the collection list or in the editor. Screenshots go to test-artifacts/editing/."""

from __future__ import annotations

from decap_editing import ARTIFACTS, COLLECTION, Editing, open_entry

# What Decap 3.16 says in English where its French has no phrase, as seen here before.
ENGLISH = ("Fill in from another locale", "List view option", "Grid view option", "Expand", "Collapse",
           "field", "Set ", "Account options dropdown", "Toggle notes")
# Every text and label of the page an editor sees or hears (a screen reader's names).
SAID = """() => [document.body.innerText,
  ...Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))
    .map(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')].join(' '))
].join('\\n')"""


def english_in(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH if phrase in text]


def test_the_new_entry_button_and_the_collection_list_in_french(page, editing: Editing) -> None:
    page.goto(f"{editing.base}/admin/{COLLECTION}")
    page.get_by_text("5. Embarquer son écosystème").wait_for()
    new = page.get_by_role("link", name="Créer une entrée de type session")
    assert new.inner_text() == "+ session"  # U+002B: Decap's "＋" (U+FF0B) is a missing glyph here
    assert page.get_by_role("button", name="Afficher en liste").count() == 1
    assert page.get_by_role("button", name="Afficher en grille").count() == 1
    assert english_in(page.evaluate(SAID)) == []
    new.screenshot(path=str(ARTIFACTS / "new-entry-button.png"))


def test_the_editor_in_french(page, editing: Editing) -> None:
    open_entry(page, editing, "entries/session-5")
    page.get_by_label("Titre", exact=True).nth(1).wait_for()
    assert page.get_by_text("Reprendre d’une autre langue").count() == 2  # each pane's
    assert page.get_by_text("Vérifier l’aperçu").count() == 1  # Decap's apostrophe made curly
    # Decap names the field by its name here, not its label.
    assert page.get_by_role("button", name="Mettre start à maintenant").count() == 2  # each pane's
    assert english_in(page.evaluate(SAID)) == []
    page.screenshot(path=str(ARTIFACTS / "editor-labels.png"))
