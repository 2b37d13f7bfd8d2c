"""The built site in a real browser: language selector, search, mobile navigation, axe-core.

Chromium can reach the local server only: every other request is aborted and recorded, and
each test checks that none was attempted.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
SESSION = "parcours-cec-industries/session-5/"
PREFIX = {"fr": "", "en": "en/"}


def _path(url: str) -> str:
    return urlsplit(url).path


def _html_lang(page) -> str:
    return page.locator("html").get_attribute("lang")


def _search(page, query: str) -> list[str]:
    """Types ``query`` in Material's search box; the result links, as absolute URLs."""
    field = page.locator(".md-search__input")
    opener = page.locator("label.md-header__button[for='__search']:visible")  # the magnifier on narrow screens
    if opener.count():
        opener.first.click()
    field.click()
    field.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    hrefs = page.locator(".md-search-result__item a.md-search-result__link").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert hrefs, f"no result links for {query!r}"
    return hrefs


def test_language_selector_keeps_the_page(new_page, site_url: str, offline) -> None:
    page = new_page()
    page.goto(site_url + SESSION)
    assert _html_lang(page) == "fr"
    page.locator(".md-select button[aria-label]").click()
    english = page.locator("a.md-select__link[hreflang='en']")
    english.wait_for(state="visible")
    assert english.inner_text().strip() == "English"
    english.click()
    page.wait_for_url(site_url + "en/" + SESSION)
    assert _path(page.url) == "/en/" + SESSION
    assert _html_lang(page) == "en"
    assert page.locator("h1").first.inner_text().strip() == "Bringing your ecosystem on board"
    assert offline.external == []


def test_french_search_finds_the_session(new_page, site_url: str, offline) -> None:
    page = new_page()
    page.goto(site_url)
    hrefs = _search(page, "vulnérabilité")
    assert any(_path(h) == "/" + SESSION for h in hrefs), hrefs
    assert not [h for h in hrefs if _path(h).startswith("/en/")], hrefs
    assert offline.external == []


def test_english_search_stays_in_english(new_page, site_url: str, offline) -> None:
    page = new_page()
    page.goto(site_url + "en/")
    hrefs = _search(page, "vulnerability")
    assert any(_path(h) == "/en/" + SESSION for h in hrefs), hrefs
    assert all(_path(h).startswith("/en/") for h in hrefs), hrefs
    assert offline.external == []


def test_french_search_sees_through_elision(new_page, site_url: str, offline) -> None:
    # The content has no "l'économie"; "environnement" occurs only as "l’environnement", on The
    # Week's page, so finding that page means the apostrophe split the word off.
    page = new_page()
    page.goto(site_url)
    hrefs = _search(page, "environnement")
    assert any(_path(h) == "/partners/the-week/" for h in hrefs), hrefs
    assert offline.external == []


def test_navigation_drawer_opens_on_a_phone(new_page, site_url: str, offline) -> None:
    width, height = 375, 812
    page = new_page(width, height)
    page.goto(site_url + SESSION)
    nav = page.locator(".md-nav--primary").first

    def on_screen() -> bool:
        box = nav.bounding_box()
        return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] < height

    assert not on_screen()  # closed: pushed off to the left
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function(
        """() => { const r = document.querySelector('.md-nav--primary').getBoundingClientRect();
                   return r.left >= 0 && r.right <= window.innerWidth && r.width > 0; }"""
    )
    assert on_screen()
    # The drawer shows the site's pages and, open, the programme of the current session.
    assert nav.locator("a.md-nav__link:visible", has_text="Accueil").count() == 1
    assert nav.locator(".md-nav__link--active:visible", has_text="Embarquer son écosystème").count() >= 1
    assert offline.external == []


AXE_PAGES = [
    ("home", ""),
    ("session-5", SESSION),
    ("la-ruche-industrielle", "partners/la-ruche-industrielle/"),
    ("notions", "notions/"),
]


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name,path", AXE_PAGES, ids=[n for n, _ in AXE_PAGES])
def test_no_accessibility_violation(new_page, site_url: str, offline, axe: Axe, lang: str, name: str, path: str) -> None:
    page = new_page()
    page.goto(site_url + PREFIX[lang] + path, wait_until="load")
    assert _html_lang(page) == lang
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{lang}-{name}.png"), full_page=True)
    results = axe.run(page)
    violations = results.response["violations"]
    assert results.violations_count == 0, _describe(violations)
    assert offline.local, "nothing was loaded"
    assert offline.external == []


def test_the_browser_cannot_reach_other_hosts(new_page, site_url: str, offline) -> None:
    """The guard the other tests rely on: a request elsewhere is aborted and recorded."""
    page = new_page()
    page.goto(site_url)
    outcome = page.evaluate(
        """() => fetch("https://fonts.googleapis.com/css?family=Roboto", {mode: "no-cors"})
                   .then(() => "reached", () => "blocked")"""
    )
    assert outcome == "blocked"
    assert offline.external == ["https://fonts.googleapis.com/css?family=Roboto"]
    assert site_url in offline.local
