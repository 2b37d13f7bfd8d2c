"""What a build writes for feed readers and crawlers beside its pages: an Atom feed per language
of the published recaps, newest first (feedgenerator writes the XML), and robots.txt."""

from __future__ import annotations

import datetime
import html

from feedgenerator import Atom1Feed

from . import i18n
from ..content.loader import Site
from ..content.models import LANGUAGES, SOURCE_LANGUAGE
from ..content.urls import session_uri, url_of

FEED_FILE = "feed.xml"
FEED_LIMIT = 50
ROBOTS_FILE = "robots.txt"


def feed_xml(site: Site, lang: str, base_url: str, site_name: str) -> str:
    """The feed of ``lang``, whose site lives at ``base_url`` (absolute, ending in '/')."""
    sessions = [
        (programme, session)
        for programme in site.programmes.values()
        for session in programme.sessions
        if session.is_translated(lang)
    ]
    sessions.sort(key=lambda ps: (ps[1].source.published, ps[0].id, ps[1].source.number), reverse=True)
    feed = Atom1Feed(
        title=site_name,
        link=base_url,
        description=i18n.label("home_intro", lang),
        language=lang,
        feed_url=base_url + FEED_FILE,
        feed_guid=base_url + FEED_FILE,
    )
    for programme, session in sessions[:FEED_LIMIT]:
        s = session.get(lang)
        link = base_url + url_of(session_uri(programme.id, s.number))
        published = datetime.datetime.combine(s.published, datetime.time(), datetime.timezone.utc)
        feed.add_item(
            title=f"{programme.get(lang).title} · {i18n.label('session_n', lang, n=s.number)} · {s.title}",
            link=link,
            unique_id=link,
            description=html.escape(s.summary),  # the summary is typed html: escape the text once
            author_name=s.author,
            pubdate=published,
            updateddate=published,
            categories=[site.tags[t].label.get(lang) for t in s.tags if t in site.tags],
        )
    return feed.writeString("utf-8")


def robots_txt(site_url: str | None) -> str:
    """The site's robots.txt: everything may be read; with the site's address (that of its root),
    where each language's sitemap is."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += [""] + [
            f"Sitemap: {site_url}{'' if lang == SOURCE_LANGUAGE else lang + '/'}sitemap.xml" for lang in LANGUAGES
        ]
    return "\n".join(lines) + "\n"


def build_files(site: Site, lang: str, site_url: str | None, site_name: str) -> dict[str, str]:
    """The files the build of ``lang`` writes beside its pages, by name: its feed (only with the
    site's address), and robots.txt from the build at the site's root (the French one)."""
    files = {}
    if site_url:
        files[FEED_FILE] = feed_xml(site, lang, site_url, site_name)
    if lang == SOURCE_LANGUAGE:
        files[ROBOTS_FILE] = robots_txt(site_url)
    return files
