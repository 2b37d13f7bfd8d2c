"""What the theme's templates get for a page beside the page itself (``recaps`` in their context):
the page in each language, for the language selector and the hreflang links; its social card
(OpenGraph, Twitter; a recap's own image: recaps.pages.cards); the language's feed; the footer's
links and the address printed on paper. With the site's address, every link is absolute.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from typing import Any

from . import i18n
from .feeds import FEED_FILE
from .links import relative_url
from .rendered import RenderedPage
from ..content.models import LANGUAGES, SOURCE_LANGUAGE
from ..content.urls import url_of

SOCIAL_IMAGE = "assets/social.png"
ABOUT = "about.md"  # docs/about.<lang>.md: what the site is and who writes it, linked from every footer


def _from_root(lang: str) -> dict[str, str]:
    """The root of each language's build, from the root of ``lang``'s."""
    up = "" if lang == SOURCE_LANGUAGE else "../"
    return {other: "" if other == lang else up + ("" if other == SOURCE_LANGUAGE else f"{other}/") for other in LANGUAGES}


def _absolute(site_url: str, path: str) -> str:
    """``path`` (from the root of the build whose address is ``site_url``) as an absolute address,
    without the final "/" of a folder."""
    return posixpath.normpath(posixpath.join(site_url, path)).replace(":/", "://", 1)


def alternates(page: RenderedPage, lang: str, site_url: str | None) -> dict[str, Any]:
    """This page in each language, as links from this page (absolute with a site_url); the
    French one is also the x-default."""
    url = url_of(page.src_uri)
    from_root = _from_root(lang)
    links = [
        {
            "lang": other,
            "name": i18n.LANGUAGE_NAMES[other],
            "href": _absolute(site_url, from_root[other] + url) + "/"
            if site_url else relative_url(page.src_uri, from_root[other] + url),
            "current": other == lang,
            "translation": other in page.languages,
        }
        for other in LANGUAGES
    ]
    default = next(link for link in links if link["lang"] == SOURCE_LANGUAGE)
    return {"alternates": links, "x_default": default["href"], "translated": page.translated}


def social(page: RenderedPage, lang: str, site_url: str | None, site_name: str, site_description: str | None,
           links: list[dict[str, Any]], card: str | None = None) -> dict[str, Any]:
    """OpenGraph / Twitter card data, from the page's ``alternates``; absolute URLs only when the
    site URL is known, and then ``url`` is the page's canonical address. The image is the
    page's own ``card`` (a recap's, recaps.pages.cards: its path from the root of a language's
    build), else the site's.

    A stand-in for a missing translation is the French page under a notice: it is described as
    that French page, whose address is its canonical one, and whose card is the French one.
    """
    card_lang = lang if page.translated else SOURCE_LANGUAGE
    own = next(link for link in links if link["lang"] == card_lang)
    image = None
    if site_url:
        image = _absolute(site_url, _from_root(lang)[card_lang] + card) if card else site_url + SOCIAL_IMAGE
    return {
        "title": page.title or site_name,
        "description": page.description or site_description or "",
        "type": "article" if page.published else "website",
        "published": page.published,
        "locale": i18n.LOCALES[card_lang],
        "locale_alternates": [i18n.LOCALES[other] for other in page.languages if other != card_lang]
        if page.translated else [],
        "url": own["href"] if site_url else None,
        "image": image,
        # What the image shows, for readers who cannot see it: a card, the page's title; the site's image, its name.
        "image_alt": (page.title or site_name) if card else site_name,
    }


def footer(page: RenderedPage, lang: str, site_url: str | None, pages: Collection[str]) -> dict[str, Any]:
    """The footer's links from ``page``: the about page where the site has one (``pages``: the
    src_uris of the build), and each language's feed, which exists with a site URL only."""
    from_root = _from_root(lang)
    feeds = [{"lang": other, "name": i18n.LANGUAGE_NAMES[other], "href": _absolute(site_url, from_root[other] + FEED_FILE)}
             for other in LANGUAGES] if site_url else []
    return {
        "about": relative_url(page.src_uri, url_of(ABOUT)) if ABOUT in pages else None,
        "about_label": i18n.label("about", lang),
        "feeds": feeds,
        "feeds_label": i18n.label("feeds", lang) + i18n.label("colon", lang).rstrip().replace(" ", i18n.NNBSP),
    }


def printed_address(page: RenderedPage, lang: str, site_url: str | None) -> str:
    """The page's address as printed on paper: absolute with a site URL, else its path from the
    site's root (all a build without one knows)."""
    path = _from_root(SOURCE_LANGUAGE)[lang] + url_of(page.src_uri)
    return _absolute(site_url, url_of(page.src_uri)) + "/" if site_url else "/" + path


def page_context(page: RenderedPage, lang: str, site_url: str | None, site_name: str,
                 site_description: str | None, pages: Collection[str] = (), card: str | None = None) -> dict[str, Any]:
    """Everything the templates read from ``recaps``: alternates, x_default, translated, social
    (with the page's ``card``, if it has one), feed, footer and address."""
    context = alternates(page, lang, site_url)
    context["social"] = social(page, lang, site_url, site_name, site_description, context["alternates"], card)
    context["feed"] = site_url + FEED_FILE if site_url else None
    context["footer"] = footer(page, lang, site_url, pages)
    context["address"] = printed_address(page, lang, site_url)
    return context
