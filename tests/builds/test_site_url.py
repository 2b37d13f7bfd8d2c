"""The site's public address in real builds: percent-encoded in every page, feed and sitemap,
whether it comes from --site-url or mkdocs.yml; a hostile one stops the build before anything."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from recaps.cli import main

REPO = Path(__file__).resolve().parents[2]
BASE_TREE = REPO / "tests" / "golden" / "check" / "_base"
SESSION = "parcours-demo/session-1/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def small_repo(root: Path, site_url_line: str | None = None) -> Path:
    """The golden tests' minimal content with the real configuration, theme and assets."""
    shutil.copytree(BASE_TREE, root)
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_url:" not in config
    if site_url_line is not None:
        config = config.replace("\nsite_name:", f"\n{site_url_line}\nsite_name:", 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def build(root: Path, *args: str):
    return CliRunner().invoke(main, ["-C", str(root), "build", *args])


def canonical_and_og_url(page: Path) -> tuple[list[str], list[str]]:
    text = page.read_text(encoding="utf-8")
    return (re.findall(r'<link rel="canonical" href="([^"]*)"', text),
            re.findall(r'<meta property="og:url" content="([^"]*)"', text))


def sitemap(site: Path) -> list[str]:
    return [loc.text for loc in ET.parse(site / "sitemap.xml").findall(".//s:loc", SITEMAP_NS)]


def assert_published_at(site: Path, base: str, raw: str) -> None:
    for prefix in ("", "en/"):
        assert canonical_and_og_url(site / prefix / SESSION / "index.html") == ([base + prefix + SESSION],) * 2
        assert canonical_and_og_url(site / prefix / "index.html") == ([base + prefix],) * 2
        locations = sitemap(site / prefix)
        assert base + prefix + SESSION in locations
        assert all(location.startswith(base + prefix) for location in locations), locations
    assert (site / "robots.txt").read_text(encoding="utf-8").endswith(
        f"Sitemap: {base}sitemap.xml\nSitemap: {base}en/sitemap.xml\n")
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".txt", ".json"):
            assert raw not in path.read_text(encoding="utf-8"), path.relative_to(site)


@pytest.fixture(scope="module")
def from_the_option(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = small_repo(tmp_path_factory.mktemp("site-url-option") / "repo")
    result = build(root, "--site-url", "https://recaps.example.org/récits de sessions/")
    assert result.exit_code == 0, result.output
    return root / "site"


def test_a_space_and_an_accent_from_the_option_are_published_encoded(from_the_option: Path) -> None:
    assert_published_at(from_the_option, "https://recaps.example.org/r%C3%A9cits%20de%20sessions/",
                        raw="récits de sessions")


def test_the_404_page_links_to_the_encoded_address(from_the_option: Path) -> None:
    text = (from_the_option / "404.html").read_text(encoding="utf-8")
    assert 'href="/r%C3%A9cits%20de%20sessions/assets/recaps.css"' in text
    assert "/récits de sessions/" not in text


def test_a_site_url_from_mkdocs_yml_is_encoded_and_the_english_site_gets_its_own(tmp_path: Path) -> None:
    root = small_repo(tmp_path / "repo", "site_url: https://recaps.example.org/mes récits")
    result = build(root)
    assert result.exit_code == 0, result.output
    assert_published_at(root / "site", "https://recaps.example.org/mes%20r%C3%A9cits/", raw="mes récits")


def test_a_hostile_site_url_in_mkdocs_yml_stops_the_build_before_anything(tmp_path: Path) -> None:
    root = small_repo(tmp_path / "repo", """site_url: 'https://x.org/"><script>alert(1)</script>'""")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    (root / "site" / ".recaps-site").write_text("built by recaps", encoding="utf-8")  # a site built before
    result = build(root)
    assert (result.exit_code, result.output) == (1, (
        "mkdocs.yml:4: site_url: contains a double quote, which a web address cannot hold: remove it\n"
        "Build failed; the previous site was left as it was.\n"
    ))
    assert sorted(p.name for p in (root / "site").iterdir()) == [".recaps-site", "index.html"]
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert not list(root.glob(".recaps-build-*"))


def test_a_site_url_given_through_an_environment_variable_is_checked_too(tmp_path: Path) -> None:
    # !ENV: MkDocs resolves it in each language's build, where the plugin checks it.
    root = small_repo(tmp_path / "repo", "site_url: !ENV [RECAPS_TEST_SITE_URL, 'https://user:pw@x.org/']")
    result = build(root)
    assert (result.exit_code, result.output) == (1, (
        "[fr] mkdocs.yml: site_url: must not hold a user name or password (the part before '@'): remove it\n"
        "[en] mkdocs.yml: site_url: must not hold a user name or password (the part before '@'): remove it\n"
        "Build failed; the previous site was left as it was.\n"
    ))
    assert not (root / "site").exists()


def test_a_partial_rebuild_gives_the_english_pages_the_address_a_full_build_gives(tmp_path: Path) -> None:
    from recaps.build import build_site, update_site

    root = small_repo(tmp_path / "repo", "site_url: https://recaps.example.org/mes récits/")
    preview = tmp_path / "preview"
    assert build_site(root, preview, serving=True).ok
    english = root / "sessions/parcours-demo/session-1.en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    result = update_site(root, preview)
    assert result is not None and result.ok, result
    page = preview / "en" / SESSION / "index.html"
    assert "One more sentence." in page.read_text(encoding="utf-8")
    assert canonical_and_og_url(page) == (["https://recaps.example.org/mes%20r%C3%A9cits/en/" + SESSION],) * 2
