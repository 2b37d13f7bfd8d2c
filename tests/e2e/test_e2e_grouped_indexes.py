"""A large site's indexes (speakers and partners by initial, programmes and notions by year) in a real browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e

PREFIX = {"fr": "", "en": "en/"}


@pytest.fixture(scope="module")
def split_url(serve, grouped_indexes_site: Path) -> Iterator[str]:
    with serve(grouped_indexes_site) as url:
        yield url


def test_a_reader_goes_from_initial_to_initial_then_to_english(new_page, split_url: str, offline) -> None:
    page = new_page(375, 812)
    page.goto(split_url + "speakers/")
    page.locator("nav.recap-groups").get_by_role("link", name="C", exact=True).click()
    page.wait_for_url(split_url + "speakers/c/")
    assert page.locator("h1").first.inner_text() == "Intervenants\u202f: C"
    assert page.locator(".recap-speakers li strong").all_inner_texts() == ["Caroline Félix", "Christophe Martin"]
    page.locator("nav.recap-groups").get_by_role("link", name="E", exact=True).click()
    page.wait_for_url(split_url + "speakers/e/")
    assert page.locator(".recap-speakers li strong").all_inner_texts() == ["Éric Boël", "Éric Duverger"]
    assert page.locator("nav.recap-groups a[aria-current='page']").inner_text() == "E"
    # The language selector keeps the page.
    page.locator(".md-select button[aria-label]").first.click()
    english = page.locator("a.md-select__link[hreflang='en']")
    english.wait_for(state="visible")
    english.click()
    page.wait_for_url(split_url + "en/speakers/e/")
    assert page.locator("h1").first.inner_text() == "Speakers: E"
    # Every person is one tap away: the initials bar wraps within the phone's width, each link
    # at least 24 px square (WCAG 2.2's minimum target), the current one boxed.
    box = page.locator("nav.recap-groups").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    for link in page.locator("nav.recap-groups a").all():
        target = link.bounding_box()
        assert target["width"] >= 24 and target["height"] >= 24, (link.inner_text(), target)
    current = page.locator("nav.recap-groups a[aria-current='page']")
    assert current.evaluate("a => getComputedStyle(a).borderTopStyle") == "solid"
    assert current.evaluate("a => parseFloat(getComputedStyle(a).borderTopWidth)") >= 1
    other = page.locator("nav.recap-groups a:not([aria-current])").first
    assert other.evaluate("a => getComputedStyle(a).borderTopColor") == "rgba(0, 0, 0, 0)"
    assert offline.external == []


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_group_of_the_bar_reads_on_one_line(new_page, split_url: str, offline, lang: str, width: int) -> None:
    """A year's label ("2025", "Sans date") is never broken inside; its count may go below it."""
    page = new_page(width, 800)
    page.goto(split_url + PREFIX[lang] + "programmes/2025/")
    labels = page.locator("nav.recap-groups a")
    assert labels.all_inner_texts() == ["2025", "Sans date" if lang == "fr" else "Undated"]
    for link in labels.all():
        lines = link.evaluate("a => { const r = document.createRange(); r.selectNodeContents(a);"
                              " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }")
        assert lines == 1, link.inner_text()
    for item in page.locator("nav.recap-groups li").all():
        assert item.evaluate("li => li.scrollWidth <= li.clientWidth + 1"), item.inner_text()
    assert offline.external == []


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", ["speakers/", "speakers/c/", "programmes/2025/", "notions/", "notions/2025/", "partners/initials/l/"])
def test_no_accessibility_violation_on_the_grouped_pages(new_page, split_url: str, offline, lang: str, path: str) -> None:
    page = new_page()
    page.goto(split_url + PREFIX[lang] + path, wait_until="load")
    assert urlsplit(page.url).path == "/" + PREFIX[lang] + path
    results = Axe().run(page)
    assert results.violations_count == 0, [v["id"] for v in results.response["violations"]]
    assert offline.external == []
