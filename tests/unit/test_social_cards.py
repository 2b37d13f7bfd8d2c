"""A recap's link preview card (recaps.pages.social_cards): its size and format, the same bytes for
the same text, its French characters, long titles wrapped and cut inside the margins, and the
card on a cover photo (a photo the test draws)."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

from recaps.pages.social_cards import CardText, card_image, card_suffix, drawable, fit_title, font, wrap

SESSION_5 = CardText(
    kicker="Parcours CEC Industries · Session 5 sur 6",
    title="Embarquer son écosystème",
    facts="16–17 janvier 2025 · Lyon",
    site_name="Récits de programmes",
    organisation="Convention des Entreprises pour le Climat",
)
SESSION_3 = CardText(
    kicker="Parcours CEC Industries · Session 3 sur 6",
    title="Mesurer pour agir",
    facts="14 novembre 2024 · Paris",
    site_name="Récits de programmes",
    organisation="Convention des Entreprises pour le Climat",
)
# French spacing as recaps.pages.i18n writes it: narrow no-break spaces before ':' and inside « ».
LONG_TITLE = ("Embarquer son écosystème\u202f: «\u202fcoopérer à durée infinie\u202f», l’art de faire forêt avec ses "
              "fournisseurs, ses clients, ses concurrents et tous les territoires où l’entreprise s’ancre depuis toujours")
PAPER = (246, 243, 238)  # editorial.css --recap-paper, the card's ground
SERIF_BOLD = "SourceSerifPro-Bold.ttf"


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def png_chunks(data: bytes) -> list[str]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        length = int.from_bytes(data[at:at + 4], "big")
        chunks.append(data[at + 4:at + 8].decode("ascii"))
        at += 12 + length
    return chunks


def test_a_card_is_a_1200_by_630_png_with_nothing_but_its_pixels() -> None:
    data = card_image(SESSION_5)
    image = opened(data)
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "P")
    # No date, software name or text chunk: nothing that changes from one build to the next.
    assert sorted(set(png_chunks(data))) == ["IDAT", "IEND", "IHDR", "PLTE"]
    assert card_suffix(on_photo=False) == ".png"


def test_the_same_text_gives_the_same_bytes_in_another_process_and_another_text_others() -> None:
    data = card_image(SESSION_5)
    assert card_image(SESSION_5) == data
    script = ("import hashlib, sys; from recaps.pages.social_cards import CardText, card_image; "
              "print(hashlib.sha256(card_image(CardText(*sys.argv[1:]))).hexdigest())")
    other_process = subprocess.run(
        [sys.executable, "-c", script, SESSION_5.kicker, SESSION_5.title, SESSION_5.facts, SESSION_5.site_name,
         SESSION_5.organisation], capture_output=True, text=True, check=True)
    assert other_process.stdout.strip() == hashlib.sha256(data).hexdigest()
    assert card_image(SESSION_3) != data


def test_the_card_is_drawn_on_the_paper_with_the_title_in_ink() -> None:
    image = opened(card_image(SESSION_5)).convert("RGB")
    assert image.getpixel((40, 300)) == PAPER
    assert image.getpixel((600, 4)) == (27, 27, 27)  # the masthead rule, in the ink
    colours = {colour for _, colour in image.getcolors(maxcolors=256)}
    assert (27, 27, 27) in colours and (163, 57, 27) in colours  # the ink and the brick of editorial.css


def test_accents_and_french_punctuation_are_drawn() -> None:
    for name in (SERIF_BOLD, "SourceSansPro-Semibold.ttf", "SourceSansPro-Regular.ttf", "SourceSerifPro-Semibold.ttf"):
        face = font(name, 60)
        assert drawable("Écosystème, forêt, cœur, ça : « l’œuvre » — 16–17…", face) \
            == "Écosystème, forêt, cœur, ça : « l’œuvre » — 16–17…", name
    accented = card_image(SESSION_5)
    plain = card_image(CardText(SESSION_5.kicker, "Embarquer son ecosysteme", SESSION_5.facts, SESSION_5.site_name,
                                SESSION_5.organisation))
    assert accented != plain
    # The cards differ only by the three accents of "écosystème", on the second line of the
    # title, above its x-height: the same lines, the accents drawn.
    difference = ImageChops.difference(opened(accented).convert("L"), opened(plain).convert("L"))
    assert difference.getbbox() == (97, 272, 396, 291)
    assert sum(1 for value in difference.tobytes() if value) > 300


def test_what_the_font_lacks_is_drawn_with_what_it_has() -> None:
    serif = font(SERIF_BOLD, 60)
    # Source Serif Pro has no narrow no-break space: a no-break space, so that the line never
    # breaks there; a combining accent is drawn on its letter; a character it lacks in its
    # compatibility form (the full-width A, the circled 1, the kilogram sign).
    assert drawable("écosyste\u0300me\u202f: «\u202fx\u202f»", serif) == "écosystème\u00a0: «\u00a0x\u00a0»"
    assert drawable("e\u0301\uff21\u2460 \u338f\n\tde ligne  ", serif) == "éA1 kg de ligne"
    assert drawable("Un 🌳 ici", serif) == "Un  ici"
    assert drawable("Un\u202fpoint", font("SourceSansPro-Regular.ttf", 30)) == "Un\u202fpoint"


def test_lines_break_at_spaces_never_at_no_break_spaces() -> None:
    face = font(SERIF_BOLD, 84)
    assert wrap("Embarquer son écosystème", face, 1040) == ["Embarquer son", "écosystème"]
    assert wrap("aaaa\u00a0bbbb\u00a0cccc\u00a0dddd\u00a0eeee\u00a0ffff\u00a0gggg gg", face, 400) \
        == ["aaaa\u00a0bbbb\u00a0cccc\u00a0dddd\u00a0eeee\u00a0ffff\u00a0gggg", "gg"]


def test_a_long_title_shrinks_then_ends_with_an_ellipsis() -> None:
    face, lines = fit_title("Embarquer son écosystème", 1040, 3)
    assert (face.size, lines) == (84, ["Embarquer son", "écosystème"])
    face, lines = fit_title("Coopérer entre filières\u00a0: ce que les voisins nous apprennent", 1040, 3)
    assert (face.size, lines) == (84, ["Coopérer entre filières\u00a0: ce", "que les voisins nous", "apprennent"])
    face, lines = fit_title(drawable(LONG_TITLE, font(SERIF_BOLD, 84)), 1040, 3)
    assert face.size == 56  # the smallest size
    assert lines == ["Embarquer son écosystème\u00a0: «\u00a0coopérer",
                     "à durée infinie\u00a0», l’art de faire forêt avec",
                     "ses fournisseurs, ses clients, ses…"]
    assert all(face.getlength(line) <= 1040 for line in lines)
    # One word wider than the line: cut.
    assert fit_title("Anticonstitutionnellementextraordinairementinterminablementlong titre", 1040, 3)[1] \
        == ["Anticonstitutionnellementextraordina…", "titre"]


def test_a_long_title_stays_inside_the_margins() -> None:
    long = CardText(SESSION_5.kicker + " · " + SESSION_5.kicker, LONG_TITLE, SESSION_5.facts * 4,
                    SESSION_5.site_name * 3, SESSION_5.organisation)
    image = opened(card_image(long)).convert("RGB")
    width, height = image.size
    below_the_top_rule = range(12, height)
    margins = [(x, y) for y in below_the_top_rule for x in (*range(0, 80), *range(1120, width))]
    assert {image.getpixel(point) for point in margins} == {PAPER}
    # Nothing above 64 px but the rule, nothing under 566 px (the foot line's descenders end above).
    assert {image.getpixel((x, y)) for x in range(width) for y in (*range(12, 64), *range(566, height))} == {PAPER}
    # Three lines of title were drawn: ink in each of their bands.
    ink = [y for y in range(height) if any(image.getpixel((x, y)) == (27, 27, 27) for x in range(80, 1120, 2))]
    assert ink[0] < 200 and ink[-1] > 540


def fixture_photo(path: Path) -> Path:
    """A 3000 x 630 photo in three bands: red, green, blue; cropped about its centre to the
    card, it keeps 100 px of red on the left and of blue on the right."""
    photo = Image.new("RGB", (3000, 630), (200, 30, 30))
    draw = ImageDraw.Draw(photo)
    draw.rectangle((1000, 0, 1999, 629), fill=(30, 160, 60))
    draw.rectangle((2000, 0, 2999, 629), fill=(30, 60, 200))
    photo.save(path, quality=95)
    return path


def close(colour: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(colour, expected))


def test_on_a_cover_photo_the_photo_fills_the_card_above_a_dark_band(tmp_path: Path) -> None:
    photo = fixture_photo(tmp_path / "cover.jpg")
    data = card_image(SESSION_5, photo.read_bytes())
    image = opened(data)
    assert (image.format, image.size, image.mode) == ("JPEG", (1200, 630), "RGB")
    assert card_suffix(on_photo=True) == ".jpg"
    assert not image.getexif()
    # Cropped about its centre: red on the left, green in the middle, blue on the right.
    assert close(image.getpixel((40, 60)), (200, 30, 30))
    assert close(image.getpixel((600, 60)), (30, 160, 60))
    assert close(image.getpixel((1160, 60)), (30, 60, 200))
    # The band under the text: nearly the ink, whatever the photo.
    assert all(sum(image.getpixel((x, 600))) < 120 for x in (40, 600, 1160))
    assert card_image(SESSION_5, photo.read_bytes()) == data
    assert card_image(SESSION_3, photo.read_bytes()) != data
    assert data != card_image(SESSION_5)
