"""Each recap's link preview card: where a language's build publishes it, and what it says in
that language (its programme and session, title, dates and place, the site's name). The
drawing is recaps.pages.social_cards'; the other pages keep the site's image (page_context).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import partial
from pathlib import Path

from . import i18n
from .social_cards import CardText, card_image, card_suffix
from ..content.image_checks import image_of
from ..content.image_files import image_bytes
from ..content.loader import Item, ProgrammeItem, Site
from ..content.models import Session
from ..content.urls import session_uri

CARDS_FOLDER = "assets/cards"  # in each language's build: /assets/cards/..., /en/assets/cards/...

Photo = Callable[[], bytes]  # a cover photo's bytes as checked, read when its card is drawn
Card = tuple[str, CardText, "Photo | None"]  # its path, its text, its cover photo


def card_path(programme_id: str, number: int, on_photo: bool = False) -> str:
    """The card of a recap, from the root of a language's build: a PNG, or on its cover photo a JPEG."""
    return f"{CARDS_FOLDER}/{programme_id}/session-{number}{card_suffix(on_photo)}"


def card_paths(site: Site) -> dict[str, str]:
    """Each recap's page (its src_uri) and its card, the same path in every language's build."""
    return {session_uri(programme.id, session.source.number):
            card_path(programme.id, session.source.number, image_of(site, session, "image") is not None)
            for programme in site.programmes.values() for session in programme.sessions}


def card_text(programme: ProgrammeItem, item: Item[Session], lang: str, site_name: str, organisation: str) -> CardText:
    """What the card of a recap says in ``lang``: its programme's name and the session's number,
    its title (with French spacing in French, as the page's), its dates (Babel's, as on the
    page) and city, and at the foot the site's name and the organisation."""
    session = item.get(lang)
    title = i18n.french_spacing(session.title) if lang == "fr" else session.title
    kicker = f"{programme.get(lang).title} · " + i18n.label(
        "session_n_of", lang, n=session.number, total=programme.source.sessions_planned)
    facts = i18n.format_range(session.dates.start, session.dates.end, lang) + f" · {session.city}"
    return CardText(kicker=kicker, title=title, facts=facts, site_name=site_name, organisation=organisation)


def recap_cards(site: Site, lang: str, site_name: str, organisation: str = "") -> dict[str, Card]:
    """The cards the build of ``lang`` publishes, by recap page: its path, its text and its cover
    photo if it has one (its bytes read only for a card drawn: up to 20 MB each). Only the recaps
    translated into ``lang``: a French page standing in for a missing translation has the French
    card, which the French build publishes."""
    cards = {}
    for programme in site.programmes.values():
        for item in programme.sessions:
            if item.is_translated(lang):
                image = image_of(site, item, "image")
                cards[session_uri(programme.id, item.source.number)] = (
                    card_path(programme.id, item.source.number, image is not None),
                    card_text(programme, item, lang, site_name, organisation),
                    None if image is None else partial(image_bytes, site.root, image))
    return cards


def write_cards(site_dir: Path, cards: dict[str, Card], rebuilt: Collection[str] | None = None) -> None:
    """The ``cards`` (recap_cards) drawn into the build in ``site_dir``. A partial rebuild of a
    preview (``rebuilt``: the pages it rebuilds) draws those of its pages and any missing; the
    others are as the last build drew them (what a card shows of other pages, the programme's
    name, and the site's name are changes that rebuild everything)."""
    for uri, (path, text, photo) in cards.items():
        target = site_dir / path
        if rebuilt is None or uri in rebuilt or not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(card_image(text, None if photo is None else photo()))
            # A preview's card of the other kind, from before the photo came or went.
            target.with_suffix(card_suffix(photo is None)).unlink(missing_ok=True)
