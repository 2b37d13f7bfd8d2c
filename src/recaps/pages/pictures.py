"""What a page shows of an image: its responsive sizes, their addresses, its texts (pure).

Each checked image file (``Site.images``, recaps.content.image_checks) is published in a few
widths (``WIDTHS``; never wider than the file itself: nothing is upscaled), each as WebP and as
a fallback every browser reads: JPEG, or PNG where the image has transparency (a logo). The
outputs are named by the file's content and the width, ``assets/images/<digest>-<width>.<ext>``
in each language's site folder: the same file always gives the same names and bytes, and a
changed file new names (``picture_files`` writes them). A ``Picture`` is what a template lays out
in a ``<picture>`` (``_image.md.j2``), with addresses relative to the page it is on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .links import relative_url
from ..content.image_checks import image_of, portrait_of
from ..content.image_files import ImageFile
from ..content.loader import Item, Site
from ..content.models import SOURCE_LANGUAGE, Person
from . import i18n

OUTPUT_FOLDER = "assets/images"
ENCODING = "1"  # bump when the encoding below changes: the outputs get new names

# The widths published, in pixels: a cover fills the text column (34.4rem, 688 px) at 1x and 2x,
# and a phone's width; a logo and a portrait show small (8rem and 2.8rem), at 1x and 2x and more.
WIDTHS = {"cover": (480, 960, 1600), "logo": (160, 320), "portrait": (64, 128, 192)}
# The width each takes on the page, for the browser to choose among them (``sizes``).
SIZES = {"cover": "(min-width: 76.25em) 34.4rem, (min-width: 60em) calc(100vw - 14.5rem), calc(100vw - 1.6rem)", "logo": "8rem", "portrait": "2.8rem"}
MIME = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}


@dataclass(frozen=True)
class Variant:
    path: str  # in the site folder: assets/images/<digest>-<width>.<ext>
    width: int
    height: int
    extension: str  # webp, jpg or png


def widths(kind: str, width: int) -> list[int]:
    """The widths published of a file ``width`` pixels wide: never wider than it."""
    chosen = [w for w in WIDTHS[kind] if w < width]
    return chosen if width > WIDTHS[kind][-1] else chosen + [width]


def fallback_extension(image: ImageFile) -> str:
    return "png" if image.transparent else "jpg"


def variants(image: ImageFile, kind: str) -> list[Variant]:
    """Every output of ``image`` shown as ``kind``: each width in WebP, then in the fallback format."""
    name = hashlib.sha256(f"{image.digest}:{ENCODING}".encode()).hexdigest()[:16]
    found = []
    for extension in ("webp", fallback_extension(image)):
        for width in widths(kind, image.width):
            height = max(1, round(image.height * width / image.width))
            found.append(Variant(f"{OUTPUT_FOLDER}/{name}-{width}.{extension}", width, height, extension))
    return found


@dataclass(frozen=True)
class Picture:
    """An image as a page shows it: its outputs, its texts, and where it goes."""

    image: ImageFile
    kind: str  # cover, logo or portrait
    alt: str
    caption: str | None = None
    credit: str | None = None
    lang: str = "fr"  # the language of its texts
    caption_lang: str = "fr"  # the caption's: ``lang``, or the French standing in for a caption not translated

    @property
    def all_variants(self) -> list[Variant]:
        return variants(self.image, self.kind)

    def srcset(self, uri: str, extension: str) -> str:
        """The ``srcset`` of one format, from the page ``uri``."""
        return ", ".join(f"{relative_url(uri, v.path)} {v.width}w" for v in self.all_variants if v.extension == extension)

    def src(self, uri: str) -> str:
        """The largest fallback: the ``src`` of browsers that read no ``srcset``."""
        return relative_url(uri, self._largest.path)

    @property
    def _largest(self) -> Variant:
        return [v for v in self.all_variants if v.extension == self.fallback][-1]

    @property
    def fallback(self) -> str:
        return fallback_extension(self.image)

    @property
    def fallback_type(self) -> str:
        return MIME[self.fallback]

    @property
    def width(self) -> int:  # the <img>'s width and height: its shape, so nothing moves as it loads
        return self._largest.width

    @property
    def height(self) -> int:
        return self._largest.height

    @property
    def sizes(self) -> str:
        return SIZES[self.kind]


def _shown_in(item: Item, lang: str) -> str:
    return lang if item.is_translated(lang) else SOURCE_LANGUAGE


def cover(site: Site, lang: str, session: Item) -> Picture | None:
    """A recap's cover photo as shown in ``lang`` (its texts from ``session.get(lang)``)."""
    image = image_of(site, session, "image")
    if image is None:
        return None
    texts = session.get(lang).image
    return Picture(image, "cover", texts.alt, texts.caption, texts.credit, _shown_in(session, lang),
                   session.text_language(lang, "image.caption"))


def logo(site: Site, lang: str, partner: Item) -> Picture | None:
    image = image_of(site, partner, "logo")
    if image is None:
        return None
    return Picture(image, "logo", partner.get(lang).logo.alt, lang=_shown_in(partner, lang))


def portrait(site: Site, lang: str, person: Person) -> Picture | None:
    """A person's portrait; its alt says whose it is, in ``lang`` (people.yml gives only the file)."""
    image = portrait_of(site, person.id)
    if image is None:
        return None
    return Picture(image, "portrait", i18n.label("portrait_of", lang, name=person.name), lang=lang)
