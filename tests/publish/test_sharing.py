"""Feeds, link previews, canonical links, robots.txt and sitemaps, with and without a site URL."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from recaps.build import NO_SITE_URL_NOTE, build_site

REPO = Path(__file__).resolve().parents[2]
BASE = "https://recaps.example.org/parcours/"
SESSION = "parcours-cec-industries/session-5/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a.get("content", ""))
        elif tag == "link":
            self.links.append(a)


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def published(copy_repo) -> Path:
    """The real content with the English The Week page missing, built with a site URL."""
    root = copy_repo("sharing")
    (root / "partners" / "the-week.en.md").unlink()
    result = build_site(root, root / "site", site_url=BASE)
    assert result.ok, result.messages
    assert result.notes == []
    return root / "site"


@pytest.mark.parametrize("lang, prefix, title", [
    ("fr", "", "Embarquer son écosystème"),
    ("en", "en/", "Bringing your ecosystem on board"),
])
def test_feed_per_language_holds_the_recap(published: Path, lang: str, prefix: str, title: str) -> None:
    feed = feedparser.parse((published / prefix / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == lang
    assert feed.feed.link == BASE + prefix
    entry = feed.entries[0]
    assert title in entry.title
    assert entry.link == BASE + prefix + SESSION
    assert entry.author == ("La rédaction" if lang == "fr" else "The editorial team")
    assert entry.published.startswith("2025-03-16")
    assert entry.summary
    # Advertised in the head of every page of that language.
    for page in (published / prefix).glob("**/index.html") if lang == "en" else published.glob("**/index.html"):
        if lang == "fr" and page.relative_to(published).parts[0] == "en":
            continue
        feeds = [l for l in head(page).links if l.get("type") == "application/atom+xml"]
        assert [l["href"] for l in feeds] == [BASE + prefix + "feed.xml"], page


@pytest.mark.parametrize("lang, prefix, locale, other", [("fr", "", "fr_FR", "en_GB"), ("en", "en/", "en_GB", "fr_FR")])
def test_recap_link_preview(published: Path, lang: str, prefix: str, locale: str, other: str) -> None:
    meta = head(published / prefix / SESSION / "index.html")
    url = BASE + prefix + SESSION
    assert meta.meta["og:type"] == ["article"]
    assert meta.meta["article:published_time"] == ["2025-03-16"]
    assert meta.meta["og:locale"] == [locale]
    assert meta.meta["og:locale:alternate"] == [other]
    assert meta.meta["og:url"] == [url]
    # Its own card, in its language (tests/publish/test_link_preview_cards.py).
    card = BASE + prefix + "assets/cards/parcours-cec-industries/session-5.png"
    assert meta.meta["og:image"] == meta.meta["twitter:image"] == [card]
    title = "Embarquer son écosystème" if lang == "fr" else "Bringing your ecosystem on board"
    assert meta.meta["og:title"] == meta.meta["og:image:alt"] == meta.meta["twitter:image:alt"] == [title]
    assert meta.meta["og:description"][0].startswith("Avant-dernière" if lang == "fr" else "The penultimate")
    assert meta.meta["description"] == meta.meta["og:description"]
    assert meta.meta["twitter:card"] == ["summary_large_image"]
    assert [l["href"] for l in meta.links if l.get("rel") == "canonical"] == [url]
    assert (published / prefix / "assets" / "social.png").is_file()  # the other pages'
    home = head(published / prefix / "index.html").meta
    assert home["og:image"] == [BASE + prefix + "assets/social.png"]
    assert home["og:image:alt"] == home["twitter:image:alt"] == [("Récits de programmes" if lang == "fr" else "Programme recaps")]


def test_no_locale_alternate_for_a_missing_translation(published: Path) -> None:
    french = head(published / "partners/the-week/index.html")
    english = head(published / "en/partners/the-week/index.html")
    assert "og:locale:alternate" not in french.meta
    # The English stand-in shows the French page: described as it, pointing to it as canonical.
    assert "og:locale:alternate" not in english.meta
    assert english.meta["og:locale"] == ["fr_FR"]
    assert english.meta["og:url"] == [BASE + "partners/the-week/"]
    assert [l["href"] for l in english.links if l.get("rel") == "canonical"] == [BASE + "partners/the-week/"]
    assert english.meta["og:type"] == ["website"]
    assert head(published / "partners/la-ruche-industrielle/index.html").meta["og:locale:alternate"] == ["en_GB"]


def test_robots_and_sitemaps_are_absolute(published: Path) -> None:
    robots = (published / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\nSitemap: {BASE}en/sitemap.xml\n"
    for prefix in ("", "en/"):
        tree = ET.parse(published / prefix / "sitemap.xml")
        locations = [loc.text for loc in tree.findall(".//s:loc", SITEMAP_NS)]
        assert BASE + prefix + SESSION in locations
        assert all(loc.startswith(BASE + prefix) for loc in locations)
        pages = [p for p in (published / prefix).rglob("index.html")
                 if prefix or p.relative_to(published).parts[0] != "en"]
        assert len(locations) == len(set(locations)) == len(pages)
        if prefix == "":
            assert not any(loc.startswith(BASE + "en/") for loc in locations)


def hreflang_links(sitemap: Path) -> dict[str, dict[str, str]]:
    """Each address of a sitemap, with its hreflang links: {loc: {hreflang: href}}."""
    found = {}
    for url in ET.parse(sitemap).getroot().findall("s:url", SITEMAP_NS):
        links = url.findall("{http://www.w3.org/1999/xhtml}link")
        found[url.find("s:loc", SITEMAP_NS).text] = {l.get("hreflang"): l.get("href") for l in links if l.get("rel") == "alternate"}
    return found


def test_sitemaps_carry_each_page_s_hreflang_links(published: Path) -> None:
    # Not the pages' heads: Material's script would fetch a sitemap.xml next to each such link.
    french, english = hreflang_links(published / "sitemap.xml"), hreflang_links(published / "en" / "sitemap.xml")
    both = {"fr": BASE + SESSION, "en": BASE + "en/" + SESSION, "x-default": BASE + SESSION}
    assert french[BASE + SESSION] == english[BASE + "en/" + SESSION] == both
    assert english[BASE + "en/"] == {"fr": BASE, "en": BASE + "en/", "x-default": BASE}
    # The English The Week is missing: no English alternate, in either language's sitemap.
    week = {"fr": BASE + "partners/the-week/", "x-default": BASE + "partners/the-week/"}
    assert french[BASE + "partners/the-week/"] == english[BASE + "en/partners/the-week/"] == week
    for loc, links in [*french.items(), *english.items()]:
        page = loc.removeprefix(BASE).removeprefix("en/")
        if page != "partners/the-week/":
            assert links == {"fr": BASE + page, "en": BASE + "en/" + page, "x-default": BASE + page}, loc
    assert [link for link in head(published / SESSION / "index.html").links if "hreflang" in link] == []


def test_without_a_site_url_the_build_says_what_it_leaves_out(built_site: Path) -> None:
    # built_site (tests/conftest.py) is the real site built without a site URL.
    assert not (built_site / "feed.xml").exists() and not (built_site / "en" / "feed.xml").exists()
    page = head(built_site / SESSION / "index.html")
    assert "og:url" not in page.meta and "og:image" not in page.meta
    assert "twitter:image" not in page.meta and page.meta["twitter:card"] == ["summary"]
    # No page names a card: none is drawn (recaps serve draws them, tests/builds/test_incremental.py).
    assert not (built_site / "assets" / "cards").exists() and not (built_site / "en" / "assets" / "cards").exists()
    assert not [l for l in page.links if l.get("rel") == "canonical"]
    assert not [l for l in page.links if l.get("type") == "application/atom+xml"]
    assert (built_site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"
    assert "feeds" in str(NO_SITE_URL_NOTE) and "og:url" in str(NO_SITE_URL_NOTE)


def test_cli_prints_the_note_without_a_site_url(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from recaps.cli import main

    result = CliRunner().invoke(main, ["-C", str(REPO), "build", "--site-dir", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2] == f"note: {NO_SITE_URL_NOTE}"  # after a line per language
    assert re.match(r"Built .*/site/ \(fr\) and .*/site/en/ \(en\) in \d+\.\d s", result.output.splitlines()[3])


# sessions_site (tests/conftest.py): sessions 3 (published 2025-02-10) and 4 (2025-01-20, in French
# only) besides session 5 (2025-03-16), built with the same site URL. Newest first, whatever the
# session numbers; the English feed lists only the recaps that have an English version.
FEEDS = {
    "fr": [
        ("Parcours CEC Industries · Session 5 · Embarquer son écosystème", "session-5/", "2025-03-16"),
        ("Parcours CEC Industries · Session 3 · Mesurer pour agir", "session-3/", "2025-02-10"),
        ("Parcours CEC Industries · Session 4 · Coopérer entre filières", "session-4/", "2025-01-20"),
    ],
    "en": [
        ("CEC Industries Programme · Session 5 · Bringing your ecosystem on board", "session-5/", "2025-03-16"),
        ("CEC Industries Programme · Session 3 · Measuring to act", "session-3/", "2025-02-10"),
    ],
}


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_feed_lists_the_translated_recaps_newest_first(sessions_site: Path, lang: str, prefix: str) -> None:
    feed = feedparser.parse((sessions_site / prefix / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    entries = [(e.title, e.link, e.published) for e in feed.entries]
    assert entries == [
        (title, f"{BASE}{prefix}parcours-cec-industries/{page}", f"{day}T00:00:00+00:00")
        for title, page, day in FEEDS[lang]
    ]
