"""A quote's speaker and language, written once in the French file, show in the French pane only,
inside the list of quotes too (admin/lists.js; Decap's list does not pass the fields' i18n down to
its items): a translated quote saved from the English pane writes its text alone, which
`recaps check` accepts."""

from __future__ import annotations

import re

from decap_editing import (
    ARTIFACTS, SESSION_5_EN, SESSION_5_FR, Editing, expect_translation, file_text, open_entry, publish, recaps,
    split,
)
from processes import wait_for

NEW_WORDS = "How do we make a forest together?"


def expand_everything(page) -> None:
    """Every list and item unfolded, in both panes (Decap's "Déplier" buttons)."""
    for _ in range(5):
        if not page.evaluate("""() => { const folded = Array.from(document.querySelectorAll('[aria-label="Déplier"]'));
            folded.forEach(button => button.click()); return folded.length; }"""):
            return
        page.wait_for_timeout(200)


def pane_of(locator) -> list[str]:
    """For each element, the pane it is in: French on the left half of a 1280 px page, English on the right."""
    return ["fr" if box["x"] < 640 else "en" for box in (locator.nth(i).bounding_box() for i in range(locator.count()))]


def test_a_quotes_speaker_and_language_are_in_the_french_pane_only(page, editing: Editing) -> None:
    open_entry(page, editing, "entries/session-5")
    expect_translation(page, "complete")
    expand_everything(page)
    words = page.get_by_label("Paroles", exact=True)
    words.nth(7).wait_for()
    assert pane_of(words) == ["fr"] * 4 + ["en"] * 4  # the text, in both
    assert pane_of(page.locator("label", has_text=re.compile("^Intervenant"))) == ["fr"] * 4
    assert pane_of(page.locator("label", has_text=re.compile("^Langue d’origine"))) == ["fr"] * 4
    words.nth(4).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "editor-quotes.png"))

    words.nth(4).fill(NEW_WORDS)  # the English pane's first quote
    publish(page)
    wait_for(lambda: NEW_WORDS in file_text(editing, SESSION_5_EN), 10, "the English quote saved")
    meta, body = split(file_text(editing, SESSION_5_EN))
    original, original_body = split(editing.original[SESSION_5_EN])
    assert meta["quotes"] == [{"text": NEW_WORDS}, *original["quotes"][1:]]  # no speaker, no lang
    assert {**meta, "quotes": original["quotes"]} == original and body == original_body
    assert split(file_text(editing, SESSION_5_FR)) == split(editing.original[SESSION_5_FR])
    code, output = recaps(editing.root, "check")
    assert code == 0, output

    page.reload()
    page.get_by_label("Titre", exact=True).nth(1).wait_for()
    expand_everything(page)
    page.get_by_label("Paroles", exact=True).nth(4).fill(original["quotes"][0]["text"])
    publish(page)
    wait_for(lambda: NEW_WORDS not in file_text(editing, SESSION_5_EN), 10, "the English quote put back")
    assert split(file_text(editing, SESSION_5_EN)) == split(editing.original[SESSION_5_EN])
