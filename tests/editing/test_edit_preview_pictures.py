"""The preview pane shows a recap's cover photo and a partner's logo as the site does
(admin/preview.js): each read through Decap from the entry's images/ folder, with its alt text
(and the photo's caption and credit), on a copy of the content with the pictures of
tests/fixture_images.py."""

from __future__ import annotations

from decap_editing import ARTIFACTS, Editing, open_entry

WITH_PICTURES = True  # tests/editing/conftest.py: the module's copy gets them

ALT = "Une salle de réunion, des chaises en cercle autour d’un tableau."
# The cover's image, once loaded: its alt, its drawn width, and its figure's caption and credit.
COVER = """() => {
  const figure = document.querySelector('figure.recap-cover');
  const img = figure && figure.querySelector('img');
  if (!img || !img.complete || img.naturalWidth === 0) return null;
  return {alt: img.alt, width: img.naturalWidth,
          caption: figure.querySelector('.recap-cover__caption').textContent,
          credit: figure.querySelector('.recap-cover__credit').textContent};
}"""


def show_preview(page) -> None:
    """Decap's preview in place of the second pane: it stays shown for the entries opened next."""
    if page.locator("iframe").count() == 0:
        page.get_by_title("Aperçu", exact=True).click()


def english_preview_of_session_5(page, editing: Editing) -> None:
    """Session 5 open with its English fields beside the English preview."""
    open_entry(page, editing, "entries/session-5")
    show_preview(page)
    page.get_by_role("button", name="Écrire en FR").click()
    page.get_by_role("menuitem", name="en", exact=True).click()


def preview_frame(page):
    return next(frame for frame in page.frames if frame != page.main_frame)


def test_the_preview_shows_the_cover_photo_with_its_caption_and_credit(page, editing: Editing) -> None:
    open_entry(page, editing, "entries/session-5")
    show_preview(page)
    frame = page.frame_locator("iframe")
    frame.locator("figure.recap-cover img").wait_for()
    preview = preview_frame(page)
    cover = preview.wait_for_function(COVER).json_value()
    assert cover == {"alt": ALT, "width": 2400, "caption": "Les participants réunis à Lyon.",
                     "credit": "Photo\u202f: équipe de test"}
    # Under the facts, as on the site.
    assert preview.evaluate("() => document.querySelector('dl.recap-facts + figure.recap-cover') !== null")
    page.screenshot(path=str(ARTIFACTS / "editor-preview-cover.png"))


def test_the_english_preview_shows_the_french_photo_with_the_english_texts(page, editing: Editing) -> None:
    english_preview_of_session_5(page, editing)
    frame = page.frame_locator("iframe")
    frame.get_by_text("The participants gathered in Lyon.").wait_for()
    preview = preview_frame(page)
    cover = preview.wait_for_function(COVER).json_value()
    # The file and the credit are language-neutral: the French entry's.
    assert cover == {"alt": "A meeting room, chairs in a circle around a board.", "width": 2400,
                     "caption": "The participants gathered in Lyon.", "credit": "Photo: équipe de test"}
    page.screenshot(path=str(ARTIFACTS / "editor-preview-cover-en.png"))


def test_the_partner_preview_shows_its_logo_under_its_name(page, editing: Editing) -> None:
    page.goto(f"{editing.base}/admin/#/collections/partners/entries/la-ruche-industrielle")
    page.get_by_label("Nom", exact=True).first.wait_for()
    show_preview(page)
    page.frame_locator("iframe").locator(".recap-partner-logo img").wait_for()
    preview = preview_frame(page)
    logo = preview.wait_for_function("""() => {
      const img = document.querySelector('h1 + div > picture.recap-partner-logo > img');
      return img && img.complete && img.naturalWidth > 0 && {alt: img.alt, width: img.naturalWidth};
    }""").json_value()
    assert logo == {"alt": "La Ruche industrielle", "width": 600}
    page.screenshot(path=str(ARTIFACTS / "editor-preview-logo.png"))


def test_a_caption_the_english_lacks_is_previewed_in_french_marked_french(page, editing: Editing) -> None:
    english_preview_of_session_5(page, editing)
    page.get_by_label("Légende (optionnel)", exact=True).fill("")  # not saved: the preview follows the field
    caption = page.frame_locator("iframe").locator(".recap-cover__caption")
    caption.get_by_text("Les participants réunis à Lyon.").wait_for()
    assert caption.get_attribute("lang") == "fr"  # as on the site, where the French stands in
    page.screenshot(path=str(ARTIFACTS / "editor-preview-cover-stand-in.png"))
