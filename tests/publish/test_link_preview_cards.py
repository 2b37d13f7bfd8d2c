"""Each recap's own link preview image (recaps.pages.cards), built: the real content plus sessions
3 (translated) and 4 (French only) with a site URL (tests/conftest.py, ``sessions_site``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image

from repo_copies import SESSIONS_SITE_URL

from test_sharing import head

CARDS = "assets/cards/parcours-cec-industries/"


def card(site: Path, prefix: str, number: int) -> Path:
    return site / prefix / CARDS / f"session-{number}.png"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_recap_page_links_its_own_card_in_its_language(sessions_site: Path, prefix: str) -> None:
    for number in (3, 5):
        meta = head(sessions_site / prefix / f"parcours-cec-industries/session-{number}/index.html").meta
        url = f"{SESSIONS_SITE_URL}{prefix}{CARDS}session-{number}.png"
        assert meta["og:image"] == meta["twitter:image"] == [url]
        assert meta["og:image:width"] == ["1200"] and meta["og:image:height"] == ["630"]
        assert meta["twitter:card"] == ["summary_large_image"]
        with Image.open(card(sessions_site, prefix, number)) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))
    assert card(sessions_site, prefix, 5).read_bytes() != card(sessions_site, prefix, 3).read_bytes()
    # The other pages keep the site's image.
    for page in ("index.html", "parcours-cec-industries/index.html", "partners/the-week/index.html"):
        assert head(sessions_site / prefix / page).meta["og:image"] == [f"{SESSIONS_SITE_URL}{prefix}assets/social.png"]


def test_the_two_languages_cards_differ(sessions_site: Path) -> None:
    assert card(sessions_site, "", 5).read_bytes() != card(sessions_site, "en/", 5).read_bytes()


def test_a_french_page_standing_in_for_a_translation_links_the_french_card(sessions_site: Path) -> None:
    meta = head(sessions_site / "en/parcours-cec-industries/session-4/index.html").meta
    assert meta["og:image"] == [f"{SESSIONS_SITE_URL}{CARDS}session-4.png"]
    assert card(sessions_site, "", 4).is_file()
    assert not card(sessions_site, "en/", 4).exists()  # no English card without an English recap


def test_only_the_recaps_cards_are_drawn(sessions_site: Path) -> None:
    drawn = sorted(p.relative_to(sessions_site).as_posix() for p in sessions_site.rglob("assets/cards/**/*.*"))
    assert drawn == [f"{CARDS}session-3.png", f"{CARDS}session-4.png", f"{CARDS}session-5.png",
                     f"en/{CARDS}session-3.png", f"en/{CARDS}session-5.png"]
    digests = {hashlib.sha256((sessions_site / p).read_bytes()).hexdigest() for p in drawn}
    assert len(digests) == 5
