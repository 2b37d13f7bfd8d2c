"""The files a build writes beside its pages (recaps.pages.feeds): robots.txt and the feeds."""

from __future__ import annotations

from pathlib import Path

from recaps.content.sitemodel import Site
from recaps.pages.feeds import build_files, robots_txt


def test_robots_lets_everything_be_read_and_names_the_sitemaps_with_the_site_s_address() -> None:
    assert robots_txt(None) == "User-agent: *\nAllow: /\n"
    assert robots_txt("https://example.org/recaps/") == (
        "User-agent: *\nAllow: /\n\n"
        "Sitemap: https://example.org/recaps/sitemap.xml\n"
        "Sitemap: https://example.org/recaps/en/sitemap.xml\n"
    )


def test_the_root_build_writes_robots_and_each_build_its_feed_with_a_site_url() -> None:
    site = Site(root=Path("."))
    assert build_files(site, "fr", None, "Récits") == {"robots.txt": "User-agent: *\nAllow: /\n"}
    assert build_files(site, "en", None, "Recaps") == {}
    assert list(build_files(site, "fr", "https://example.org/", "Récits")) == ["feed.xml", "robots.txt"]
    english = build_files(site, "en", "https://example.org/en/", "Recaps")
    assert list(english) == ["feed.xml"]
    assert '<link href="https://example.org/en/feed.xml" rel="self"' in english["feed.xml"]
