"""What the theme's templates get for a page beside the page itself (``recaps`` in their context):
the page in each language, for the language selector and the hreflang links; its social card
(OpenGraph, Twitter); the language's feed. With the site's address, every link is absolute.
"""

from __future__ import annotations

import posixpath
from typing import Any

from . import i18n
from .feeds import FEED_FILE
from .links import relative_url
from .rendered import RenderedPage
from ..content.models import LANGUAGES, SOURCE_LANGUAGE
from ..content.urls import url_of

SOCIAL_IMAGE = "assets/social.png"


def alternates(page: RenderedPage, lang: str, site_url: str | None) -> dict[str, Any]:
    """This page in each language, as links from this page (absolute with a site_url); the
    French one is also the x-default."""
    url = url_of(page.src_uri)
    from_root = {SOURCE_LANGUAGE: "" if lang == SOURCE_LANGUAGE else "../"}  # from this build's root
    for other in LANGUAGES:
        if other != SOURCE_LANGUAGE:
            from_root[other] = "" if other == lang else from_root[SOURCE_LANGUAGE] + f"{other}/"
    links = [
        {
            "lang": other,
            "name": i18n.LANGUAGE_NAMES[other],
            "href": posixpath.normpath(posixpath.join(site_url, from_root[other] + url)).replace(":/", "://", 1) + "/"
            if site_url else relative_url(page.src_uri, from_root[other] + url),
            "current": other == lang,
            "translation": other in page.languages,
        }
        for other in LANGUAGES
    ]
    default = next(link for link in links if link["lang"] == SOURCE_LANGUAGE)
    return {"alternates": links, "x_default": default["href"], "translated": page.translated}


def social(page: RenderedPage, lang: str, site_url: str | None, site_name: str, site_description: str | None,
           links: list[dict[str, Any]]) -> dict[str, Any]:
    """OpenGraph / Twitter card data, from the page's ``alternates``; absolute URLs only when the
    site URL is known, and then ``url`` is the page's canonical address.

    A stand-in for a missing translation is the French page under a notice: it is described as
    that French page, whose address is its canonical one.
    """
    card_lang = lang if page.translated else SOURCE_LANGUAGE
    own = next(link for link in links if link["lang"] == card_lang)
    return {
        "title": page.title or site_name,
        "description": page.description or site_description or "",
        "type": "article" if page.published else "website",
        "published": page.published,
        "locale": i18n.LOCALES[card_lang],
        "locale_alternates": [i18n.LOCALES[other] for other in page.languages if other != card_lang]
        if page.translated else [],
        "url": own["href"] if site_url else None,
        "image": site_url + SOCIAL_IMAGE if site_url else None,
    }


def page_context(page: RenderedPage, lang: str, site_url: str | None, site_name: str,
                 site_description: str | None) -> dict[str, Any]:
    """Everything the templates read from ``recaps``: alternates, x_default, translated, social, feed."""
    context = alternates(page, lang, site_url)
    context["social"] = social(page, lang, site_url, site_name, site_description, context["alternates"])
    context["feed"] = site_url + FEED_FILE if site_url else None
    return context
