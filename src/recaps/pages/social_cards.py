"""A recap's link preview card (``og:image``, ``twitter:image``): 1200 x 630 pixels drawn with
Pillow from a few lines of text, in the site's editorial look (docs/assets/editorial.css: ink on
the paper tint, the brick accent, a serif for the title). A pure function: the same text gives
the same bytes (no date or software name in the file; Pillow's basic text layout, not Raqm,
which one machine may have and another not).

The fonts are Source Serif Pro and Source Sans Pro as their PyPI packages install them: files
on this machine, never fetched. With a cover photo, the photo fills the card (cropped about its
centre) under a dark band that holds the same text.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from PIL import Image, ImageColor, ImageDraw, ImageFont, ImageOps

WIDTH, HEIGHT = 1200, 630
MARGIN = 80  # left and right: no text beyond
MARGIN_TOP = 64  # nor above (a rule across the top is drawn above it)
SIGNATURE_BASELINE = HEIGHT - 72  # its descenders end above HEIGHT - 64
INK, MUTED, PAPER, RULE, BRICK = "#1b1b1b", "#595959", "#f6f3ee", "#d9d3c7", "#a3391b"
TITLE_SIZES = range(84, 55, -4)  # the title's size, the largest that fits in TITLE_LINES lines
TITLE_LINES = 3
PHOTO_TITLE_SIZES = range(64, 43, -4)  # on a photo, the band leaves the upper half to the photo
PHOTO_TITLE_LINES = 2
ELLIPSIS = "…"
_BREAKABLE_SPACES = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True)
class CardText:
    """What a card says, already in its language: ``kicker`` above the title (the programme and
    session), ``facts`` below it (dates, place), and at the foot the site's name and the
    organisation that publishes it."""

    kicker: str
    title: str
    facts: str
    site_name: str
    organisation: str = ""


@dataclass(frozen=True)
class _Palette:
    kicker: str
    title: str
    facts: str
    site_name: str
    organisation: str


_ON_PAPER = _Palette(kicker=BRICK, title=INK, facts=INK, site_name=INK, organisation=MUTED)
# On the dark band over a photo: light text (the paper, a light brick), 7:1 or more even where the
# photo under the band is white.
_ON_PHOTO = _Palette(kicker="#f0b7a4", title=PAPER, facts=PAPER, site_name=PAPER, organisation=RULE)


@functools.lru_cache(maxsize=64)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """``name`` is a file of the font packages: SourceSerifPro-Bold.ttf, SourceSansPro-Semibold.ttf..."""
    package = "font_source_serif_pro" if name.startswith("SourceSerif") else "font_source_sans_pro"
    with resources.as_file(resources.files(package) / "files" / name) as path:
        return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _title_font(size: int) -> ImageFont.FreeTypeFont:
    return font("SourceSerifPro-Bold.ttf", size)


def _kicker_font() -> ImageFont.FreeTypeFont:
    return font("SourceSansPro-Semibold.ttf", 28)


def _facts_font() -> ImageFont.FreeTypeFont:
    return font("SourceSansPro-Regular.ttf", 32)


def _site_name_font() -> ImageFont.FreeTypeFont:
    return font("SourceSerifPro-Semibold.ttf", 28)


def _organisation_font() -> ImageFont.FreeTypeFont:
    return font("SourceSansPro-Regular.ttf", 26)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """``text`` in lines of at most ``width`` pixels, broken at spaces only (never at a no-break
    space: French puts one before ':' and inside « »). A word wider than ``width`` is a line alone."""
    lines: list[str] = []
    for word in text.split(" "):
        if not word:
            continue
        if lines and face.getlength(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def ellipsized(text: str, face: ImageFont.FreeTypeFont, width: float) -> str:
    """``text`` if it fits in ``width``, else as much of it as fits with "…", cut at a word when
    the line keeps one."""
    if face.getlength(text) <= width:
        return text
    cut = text
    while cut and face.getlength(cut.rstrip(" ,;:\u00a0\u202f") + ELLIPSIS) > width:
        shorter = cut.rsplit(" ", 1)[0]
        cut = shorter if shorter != cut else cut[:-1]
    return cut.rstrip(" ,;:\u00a0\u202f") + ELLIPSIS


def fit_title(title: str, width: float, max_lines: int,
              sizes: range = TITLE_SIZES) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The title's font and lines: the largest of ``sizes`` at which it fits in ``max_lines``
    lines; at the smallest, the lines that fit, the last ending with "…"."""
    for size in sizes:
        face = _title_font(size)
        lines = wrap(title, face, width)
        if len(lines) <= max_lines and all(face.getlength(line) <= width for line in lines):
            return face, lines
    kept = lines[:max_lines]
    if len(lines) > max_lines:  # the rest on the last line, wider than it: cut with "…"
        kept[-1] = " ".join(lines[max_lines - 1:])
    return face, [ellipsized(line, face, width) for line in kept]


@functools.lru_cache(maxsize=16)
def _measuring_face(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, 40, layout_engine=ImageFont.Layout.BASIC)


@functools.lru_cache(maxsize=4096)
def _has_glyph(path: str, char: str) -> bool:
    """Whether the font file draws ``char``: a character it lacks is drawn as its "missing" box,
    the one it draws for a noncharacter."""
    face = _measuring_face(path)
    mask, missing = face.getmask(char), face.getmask("\uffff")
    return not (face.getlength(char) == face.getlength("\uffff") and mask.size == missing.size
                and bytes(mask) == bytes(missing))


def _stand_in(char: str, path: str) -> str:
    """What is drawn for a character the font lacks: a no-break space for a narrow one (Source
    Serif has no narrow no-break space: French spacing becomes a plain no-break space), a space
    for another space, its compatibility form where the font has it (the full-width Ａ: A), else
    nothing."""
    if char.isspace():
        return "\u00a0" if char in "\u202f\u2007\u2060" and _has_glyph(path, "\u00a0") else " "
    decomposed = unicodedata.normalize("NFKD", char)
    return decomposed if decomposed != char and all(_has_glyph(path, c) for c in decomposed) else ""


def drawable(text: str, face: ImageFont.FreeTypeFont) -> str:
    """``text`` on one line, in composed characters (an accent typed as a combining mark drawn on
    its letter), each one ``face`` draws (``_stand_in``); no-break spaces kept."""
    text = _BREAKABLE_SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip(" ")
    return "".join(c if _has_glyph(face.path, c) else _stand_in(c, face.path) for c in text)


@dataclass(frozen=True)
class _Row:
    face: ImageFont.FreeTypeFont
    text: str
    colour: str  # a _Palette field
    gap: int = 0  # space above the row
    height_factor: float = 1.3  # the line's height, in font sizes

    @property
    def height(self) -> int:
        return round(self.face.size * self.height_factor)


def _rows(card: CardText, max_lines: int, sizes: range, facts_width: float) -> list[_Row]:
    """The lines of the text block, top to bottom: kicker, title, facts."""
    width = WIDTH - 2 * MARGIN
    rows: list[_Row] = []
    kicker = drawable(card.kicker.upper(), _kicker_font())
    if kicker:
        rows.append(_Row(_kicker_font(), ellipsized(kicker, _kicker_font(), width), "kicker"))
    face, lines = fit_title(drawable(card.title, _title_font(sizes[0])), width, max_lines, sizes)
    for index, line in enumerate(lines):
        rows.append(_Row(face, line, "title", gap=24 if index == 0 and rows else 0, height_factor=1.12))
    facts = drawable(card.facts, _facts_font())
    if facts:
        rows.append(_Row(_facts_font(), ellipsized(facts, _facts_font(), facts_width), "facts", gap=34))
    return rows


def _draw_rows(draw: ImageDraw.ImageDraw, rows: list[_Row], top: int, palette: _Palette) -> int:
    """The rows from ``top`` down; the baseline of the last."""
    y, baseline = top, top
    for row in rows:
        y += row.gap
        if row.colour == "facts":  # a short rule in the accent above the facts
            draw.rectangle((MARGIN, y - 16, MARGIN + 56, y - 13), fill=palette.kicker)
        baseline = y + round(row.height * 0.8)
        # Anchored on the baseline ("ls"): lines of any letters sit at the same height.
        draw.text((MARGIN, baseline), row.text, font=row.face, fill=getattr(palette, row.colour), anchor="ls")
        y += row.height
    return baseline


def _block_height(rows: list[_Row]) -> int:
    return sum(row.gap + row.height for row in rows)


def _draw_signature(draw: ImageDraw.ImageDraw, card: CardText, palette: _Palette, baseline: int) -> None:
    """The site's name in the serif, then the organisation, on one line."""
    width = WIDTH - 2 * MARGIN
    name_face, organisation_face = _site_name_font(), _organisation_font()
    name = ellipsized(drawable(card.site_name, name_face), name_face, width)
    draw.text((MARGIN, baseline), name, font=name_face, fill=palette.site_name, anchor="ls")
    organisation = drawable(card.organisation, organisation_face)
    if organisation:
        x = MARGIN + name_face.getlength(name)
        text = ellipsized("  ·  " + organisation, organisation_face, WIDTH - MARGIN - x)
        if text != ELLIPSIS:
            draw.text((x, baseline), text, font=organisation_face, fill=palette.organisation, anchor="ls")


def _on_paper(card: CardText) -> Image.Image:
    """Ink on the paper tint: a masthead rule across the top, the text block in the middle, the
    site's name at the foot under a hairline."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH - 1, 11), fill=INK)
    rule = SIGNATURE_BASELINE - 52
    draw.line((MARGIN, rule, WIDTH - MARGIN - 1, rule), fill=RULE, width=2)
    _draw_signature(draw, card, _ON_PAPER, SIGNATURE_BASELINE)
    rows = _rows(card, TITLE_LINES, TITLE_SIZES, WIDTH - 2 * MARGIN)
    space = rule - 28 - MARGIN_TOP
    _draw_rows(draw, rows, MARGIN_TOP + max(0, (space - _block_height(rows)) // 2), _ON_PAPER)
    return image


def _on_photo(card: CardText, photo: bytes) -> Image.Image:
    """The photo, cropped about its centre to the card, under a dark band at the foot that
    holds the text; the site's name at the end of the facts' line."""
    with Image.open(io.BytesIO(photo), formats=("JPEG", "PNG", "WEBP")) as opened:
        picture = ImageOps.fit(ImageOps.exif_transpose(opened).convert("RGB"), (WIDTH, HEIGHT),
                               Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    name_face = _site_name_font()
    name = ellipsized(drawable(card.site_name, name_face), name_face, (WIDTH - 2 * MARGIN) / 2)
    rows = _rows(card, PHOTO_TITLE_LINES, PHOTO_TITLE_SIZES, WIDTH - 2 * MARGIN - name_face.getlength(name) - 48)
    # The last baseline where the signature's is on a card of text.
    top = SIGNATURE_BASELINE - (_block_height(rows) - rows[-1].height + round(rows[-1].height * 0.8))
    band = top - 40
    overlay = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    overlay_draw = ImageDraw.Draw(overlay)
    overlay_draw.rectangle((0, band, WIDTH - 1, HEIGHT - 1), fill=(27, 27, 27, 232))
    overlay_draw.rectangle((0, band, WIDTH - 1, band + 5), fill=BRICK)
    image = Image.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")
    draw = ImageDraw.Draw(image)
    baseline = _draw_rows(draw, rows, top, _ON_PHOTO)
    draw.text((WIDTH - MARGIN, baseline), name, font=name_face, fill=_ON_PHOTO.site_name, anchor="rs")
    return image


@functools.lru_cache(maxsize=1)
def _paper_palette() -> Image.Image:
    """The colours of a card of text: the paper, and shades from it to each colour drawn on it
    (a letter's smoothed edge); none so close to the paper that the paper would be drawn in it
    (Pillow maps a colour to the palette's nearest at 5 bits a channel)."""
    paper = ImageColor.getrgb(PAPER)
    colours = [paper]
    for colour, shades in ((INK, 15), (MUTED, 15), (BRICK, 15), (RULE, 3)):
        rgb = ImageColor.getrgb(colour)
        colours += [tuple(round(p + (c - p) * step / shades) for p, c in zip(paper, rgb)) for step in range(1, shades + 1)]
    palette = Image.new("P", (1, 1))
    palette.putpalette([value for colour in colours for value in colour] + list(paper) * (256 - len(colours)))
    return palette


def card_suffix(on_photo: bool) -> str:
    """The card's file suffix: a PNG for a card of text, a JPEG on a photo (a tenth of the size)."""
    return ".jpg" if on_photo else ".png"


def card_image(card: CardText, photo: bytes | None = None) -> bytes:
    """The card of ``card``'s text, on ``photo`` (a picture file's bytes, any size) when there is one."""
    image = _on_photo(card, photo) if photo else _on_paper(card)
    out = io.BytesIO()
    if photo:
        image.save(out, "JPEG", quality=85, optimize=True, progressive=False)
    else:  # the paper, each colour and the shades between: a third of the size of RGB
        image.quantize(palette=_paper_palette(), dither=Image.Dither.NONE).save(out, "PNG", compress_level=6)
    return out.getvalue()
