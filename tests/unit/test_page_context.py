"""What the templates get for a page (recaps.pages.page_context): exact links and card values."""

from __future__ import annotations

from recaps.pages.page_context import alternates, footer, page_context, printed_address, social
from recaps.pages.rendered import RenderedPage

SESSION = RenderedPage(src_uri="parcours-a/session-2.md", markdown="", title="Se rencontrer",
                       description="Deux jours à Lille.", published="2025-03-14")
STAND_IN = RenderedPage(src_uri="parcours-a/session-2.md", markdown="", title="Se rencontrer",
                        description="Deux jours à Lille.", published="2025-03-14", languages=("fr",), translated=False)
HOME = RenderedPage(src_uri="index.md", markdown="")
EN_SITE = "https://recaps.example.org/en/"  # the English build's site_url (recaps.build)


def test_without_a_site_url_the_links_are_relative_to_the_page() -> None:
    assert alternates(SESSION, "fr", None) == {
        "alternates": [
            {"lang": "fr", "name": "Français", "href": "./", "current": True, "translation": True},
            {"lang": "en", "name": "English", "href": "../../en/parcours-a/session-2/", "current": False,
             "translation": True},
        ],
        "x_default": "./",
        "translated": True,
    }
    links = alternates(SESSION, "en", None)["alternates"]
    assert [link["href"] for link in links] == ["../../../parcours-a/session-2/", "./"]


def test_with_a_site_url_the_links_are_absolute_and_the_french_page_is_the_default() -> None:
    assert alternates(HOME, "en", EN_SITE) == {
        "alternates": [
            {"lang": "fr", "name": "Français", "href": "https://recaps.example.org/", "current": False,
             "translation": True},
            {"lang": "en", "name": "English", "href": "https://recaps.example.org/en/", "current": True,
             "translation": True},
        ],
        "x_default": "https://recaps.example.org/",
        "translated": True,
    }
    links = alternates(SESSION, "fr", "https://example.org/recaps/")["alternates"]
    assert [link["href"] for link in links] == ["https://example.org/recaps/parcours-a/session-2/",
                                                "https://example.org/recaps/en/parcours-a/session-2/"]


def test_a_stand_in_is_no_translation_and_is_described_as_its_french_page() -> None:
    links = alternates(STAND_IN, "en", EN_SITE)
    assert [(link["lang"], link["translation"]) for link in links["alternates"]] == [("fr", True), ("en", False)]
    assert links["translated"] is False
    assert social(STAND_IN, "en", EN_SITE, "Programme recaps", None, links["alternates"]) == {
        "title": "Se rencontrer",
        "description": "Deux jours à Lille.",
        "type": "article",
        "published": "2025-03-14",
        "locale": "fr_FR",
        "locale_alternates": [],
        "url": "https://recaps.example.org/parcours-a/session-2/",
        "image": "https://recaps.example.org/en/assets/social.png",
        "image_alt": "Programme recaps",
    }


def test_a_page_without_title_or_description_takes_the_site_s() -> None:
    links = alternates(HOME, "en", EN_SITE)["alternates"]
    assert social(HOME, "en", EN_SITE, "Programme recaps", "Session recaps", links) == {
        "title": "Programme recaps",
        "description": "Session recaps",
        "type": "website",
        "published": None,
        "locale": "en_GB",
        "locale_alternates": ["fr_FR"],
        "url": "https://recaps.example.org/en/",
        "image": "https://recaps.example.org/en/assets/social.png",
        "image_alt": "Programme recaps",
    }
    assert social(HOME, "fr", None, "Récits", None, alternates(HOME, "fr", None)["alternates"]) == {
        "title": "Récits",
        "description": "",
        "type": "website",
        "published": None,
        "locale": "fr_FR",
        "locale_alternates": ["en_GB"],
        "url": None,
        "image": None,
        "image_alt": "Récits",
    }


def test_the_feed_is_linked_only_with_a_site_url() -> None:
    assert page_context(SESSION, "en", EN_SITE, "Programme recaps", None)["feed"] == \
        "https://recaps.example.org/en/feed.xml"
    context = page_context(SESSION, "fr", None, "Récits", None)
    assert context["feed"] is None
    assert list(context) == ["alternates", "x_default", "translated", "social", "feed", "footer", "address"]


def test_the_footer_links_the_about_page_where_there_is_one_and_the_feeds_with_a_site_url() -> None:
    pages = {"index.md", "about.md", "parcours-a/session-2.md"}
    assert footer(SESSION, "fr", None, pages) == {
        "about": "../../about/", "about_label": "À propos", "feeds": [], "feeds_label": "Fils Atom\u202f:",
    }
    assert footer(HOME, "en", EN_SITE, pages) == {
        "about": "about/",
        "about_label": "About",
        "feeds": [
            {"lang": "fr", "name": "Français", "href": "https://recaps.example.org/feed.xml"},
            {"lang": "en", "name": "English", "href": "https://recaps.example.org/en/feed.xml"},
        ],
        "feeds_label": "Atom feeds:",
    }
    assert footer(SESSION, "en", None, {"index.md", "parcours-a/session-2.md"})["about"] is None


def test_the_printed_address_is_the_pages_own_absolute_with_a_site_url() -> None:
    assert printed_address(SESSION, "fr", "https://example.org/recaps/") == "https://example.org/recaps/parcours-a/session-2/"
    assert printed_address(STAND_IN, "en", EN_SITE) == "https://recaps.example.org/en/parcours-a/session-2/"
    assert printed_address(HOME, "en", EN_SITE) == "https://recaps.example.org/en/"
    assert printed_address(SESSION, "fr", None) == "/parcours-a/session-2/"
    assert printed_address(SESSION, "en", None) == "/en/parcours-a/session-2/"
    assert printed_address(HOME, "fr", None) == "/"


def test_a_recap_s_image_is_its_own_card_in_its_language_and_the_french_one_for_a_stand_in() -> None:
    card = "assets/cards/parcours-a/session-2.png"
    links = alternates(SESSION, "en", EN_SITE)["alternates"]
    assert social(SESSION, "en", EN_SITE, "Programme recaps", None, links, card)["image"] == \
        "https://recaps.example.org/en/assets/cards/parcours-a/session-2.png"
    french = alternates(SESSION, "fr", "https://recaps.example.org/")["alternates"]
    assert social(SESSION, "fr", "https://recaps.example.org/", "Récits", None, french, card)["image"] == \
        "https://recaps.example.org/assets/cards/parcours-a/session-2.png"
    # The English stand-in is described as the French page: with the French card.
    stand_in = alternates(STAND_IN, "en", EN_SITE)["alternates"]
    assert social(STAND_IN, "en", EN_SITE, "Programme recaps", None, stand_in, card)["image"] == \
        "https://recaps.example.org/assets/cards/parcours-a/session-2.png"
    # Without the site's address, no image (the card is still drawn: recaps.pages.cards).
    assert social(SESSION, "en", None, "Programme recaps", None, alternates(SESSION, "en", None)["alternates"],
                  card)["image"] is None
    assert page_context(SESSION, "en", EN_SITE, "Programme recaps", None, card=card)["social"]["image"] == \
        "https://recaps.example.org/en/assets/cards/parcours-a/session-2.png"
    assert page_context(HOME, "en", EN_SITE, "Programme recaps", None)["social"]["image"] == \
        "https://recaps.example.org/en/assets/social.png"
