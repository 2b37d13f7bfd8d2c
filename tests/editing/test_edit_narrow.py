"""The editing interface on a phone (375 px wide): the collection list and the editor fit the
screen, the panes one above the other (admin/narrow.css); at 1280 px, Decap's own layout.
Screenshots of both widths go to test-artifacts/editing/."""

from __future__ import annotations

import pytest

from decap_editing import ARTIFACTS, COLLECTION, Editing, open_entry, sign_in

# Every element the page shows that reaches past the right edge of the screen.
PAST_THE_EDGE = """() => Array.from(document.querySelectorAll('body *'))
  .filter(e => { const box = e.getBoundingClientRect(); return box.width > 0 && box.right > window.innerWidth + 1; })
  .map(e => e.tagName + ' ' + String(e.className).slice(0, 60))"""


def fits(page, width: int) -> None:
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    assert page.evaluate(PAST_THE_EDGE) == []


@pytest.fixture(params=[375, 1280], ids=["375px", "1280px"])
def sized_page(request, browser, editing: Editing):
    context = sign_in(browser, editing, request.param, 800)
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        yield request.param, page
    finally:
        context.close()
    assert editing.outside == []


def test_the_collection_list_fits_the_screen(sized_page, editing: Editing) -> None:
    width, page = sized_page
    page.goto(f"{editing.base}/admin/{COLLECTION}")
    page.get_by_text("5. Embarquer son écosystème").wait_for()
    fits(page, width)
    page.screenshot(path=str(ARTIFACTS / f"collection-list-{width}.png"), full_page=True)


def test_the_editor_fits_the_screen_its_panes_stacked_when_narrow(sized_page, editing: Editing) -> None:
    width, page = sized_page
    open_entry(page, editing, "entries/session-5")
    titles = page.get_by_label("Titre", exact=True)
    titles.nth(1).wait_for()  # the English pane's, Decap's default view
    fits(page, width)
    french, english = titles.nth(0).bounding_box(), titles.nth(1).bounding_box()
    if width == 375:  # one above the other, each as wide as the screen but its margins
        assert english["y"] > french["y"] + french["height"] and english["x"] == french["x"] == 16
        assert french["width"] == english["width"] == width - 2 * 16
        assert page.get_by_role("button", name="Publiée").bounding_box()["x"] >= 0
    else:  # side by side
        assert english["y"] == french["y"] and english["x"] > french["x"] + french["width"]
    page.screenshot(path=str(ARTIFACTS / f"editor-{width}.png"))

    page.get_by_title("Aperçu", exact=True).click()  # the fields, then the preview
    preview = page.frame_locator("iframe")
    preview.get_by_text("Accepter la vulnérabilité", exact=True).wait_for()
    fits(page, width)
    frame = page.locator("iframe").bounding_box()
    if width == 375:
        assert frame["x"] == 0 and frame["width"] == width and frame["y"] > french["y"]
    page.locator("iframe").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"editor-preview-{width}.png"))
