"""The preview pane of the editing interface shows the content errors of the entry's files, as
the last check of `recaps edit` found them (its /admin/problems.json), and nothing once they are
fixed; where that file is not served (the published interface), it shows none and asks once."""

from __future__ import annotations

from decap_editing import (
    ARTIFACTS, SESSION_5_FR, Editing, file_text, open_entry, publish, recaps, sign_in, split,
)
from processes import wait_for

END_BEFORE_START = (
    "Le contenu a des erreurs (1 erreur)\n\n"
    "Le site ne se construit pas tant qu’elles restent\u00a0: corrigez, publiez, et cet aperçu se met à jour.\n\n"
    "sessions/parcours-cec-industries/session-5.fr.md:6 · champ dates\u00a0: "
    "la période se termine (2025-01-15) avant de commencer (2025-01-16)"
)


def show_preview(page):
    page.get_by_title("Aperçu", exact=True).click()  # admin/preview.js's template
    preview = page.frame_locator("iframe")
    preview.get_by_text("Accepter la vulnérabilité", exact=True).wait_for()
    return preview


def test_an_end_before_the_start_saved_is_shown_above_the_preview_until_fixed(page, editing: Editing) -> None:
    open_entry(page, editing, "entries/session-5")
    preview = show_preview(page)
    assert preview.locator('[role="alert"]').count() == 0  # the content is fine

    page.get_by_label("Fin", exact=True).first.fill("2025-01-15")
    publish(page)
    wait_for(lambda: "end: 2025-01-15" in file_text(editing, SESSION_5_FR), 10, "the end saved")
    code, output = recaps(editing.root, "check", "--lang", "fr")
    assert code == 1 and output.splitlines()[0] == (
        "sessions/parcours-cec-industries/session-5.fr.md:6: dates: "
        "la période se termine (2025-01-15) avant de commencer (2025-01-16)")
    alert = preview.locator('[role="alert"]')
    alert.wait_for(timeout=60_000)  # once the preview's rebuild has checked the files
    assert alert.inner_text() == END_BEFORE_START
    assert alert.get_attribute("lang") == "fr"
    page.screenshot(path=str(ARTIFACTS / "editor-preview-errors.png"))

    # Opened again, as an editor back to it (Decap would take the end put back for no change,
    # as the entry it loaded had it): the errors are there from the start.
    page.reload()
    page.get_by_label("Titre", exact=True).first.wait_for()
    preview.locator('[role="alert"]').wait_for()
    page.get_by_label("Fin", exact=True).first.fill("2025-01-17")
    publish(page)
    alert.wait_for(state="detached", timeout=60_000)
    assert split(file_text(editing, SESSION_5_FR)) == split(editing.original[SESSION_5_FR])
    assert recaps(editing.root, "check")[0] == 0


def test_where_no_problems_are_served_the_pane_asks_once_and_shows_none(browser, editing: Editing) -> None:
    """As the published interface (a static host answers 404): one request, no alert, no error."""
    context = sign_in(browser, editing)
    asked: list[str] = []

    def not_served(route) -> None:
        asked.append(route.request.url)
        route.fulfill(status=404, content_type="text/html", body="<h1>404</h1>")

    try:
        context.route("**/admin/problems.json", not_served)
        page = context.new_page()
        page.set_default_timeout(30_000)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        open_entry(page, editing, "entries/session-5")
        preview = show_preview(page)
        page.wait_for_timeout(3_000)  # three times the pane's pace, had it asked again
        assert asked == [editing.base + "/admin/problems.json"]
        assert preview.locator('[role="alert"]').count() == 0 and errors == []
    finally:
        context.close()
    assert editing.outside == []
