"""The language selector in Chromium, on the real site: by keyboard (Tab to the other language,
Enter, however soon after loading), by mouse and by touch, it leads straight to the same page in
the other language; it names the languages and marks the current one; and loading the main
pages of either language makes no request that fails (Material's script used to fetch a
sitemap.xml next to every page's hreflang link: a 404 on every page but the homes).
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.e2e

SESSION = "parcours-cec-industries/session-5/"
SWITCHED = ["", SESSION, "partners/la-ruche-industrielle/", "notions/", "tags/cooperation/"]
MAIN_PAGES = [*SWITCHED, "programmes/", "parcours-cec-industries/", "partners/", "partners/the-week/", "speakers/", "tags/"]
DELAYS_MS = [0, 50, 200, 500, 1500]
PREFIX = {"fr": "", "en": "en/"}
OTHER = {"fr": "en", "en": "fr"}


def _tab_to(page, lang: str) -> None:
    """Presses Tab from the top of the page until the selector's link to ``lang`` has the focus."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('a.md-select__link')"
                         " && document.activeElement.hreflang") == lang:
            return
    raise AssertionError(f"Tab never reached the {lang} link of {page.url}")


def _documents(page) -> list[str]:
    """The documents the page requests (every one, redirects included): clear it, then act."""
    found: list[str] = []
    page.on("request", lambda request: found.append(request.url) if request.resource_type == "document" else None)
    return found


def _assert_landed(page, url: str, lang: str, documents: list[str]) -> None:
    page.wait_for_url(url)
    assert documents == [url]  # straight there: no detour through another address
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("a.md-select__link[aria-current]").evaluate_all("links => links.map(a => a.hreflang)") == [lang]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", SWITCHED)
def test_enter_on_the_other_language_leads_to_the_same_page_whenever_it_is_pressed(
        new_page, site_url: str, offline, lang: str, path: str) -> None:
    page = new_page()
    documents = _documents(page)
    other = OTHER[lang]
    for delay in DELAYS_MS:
        page.goto(site_url + PREFIX[lang] + path, wait_until="load")
        page.wait_for_timeout(delay)
        _tab_to(page, other)
        documents.clear()
        page.keyboard.press("Enter")
        _assert_landed(page, site_url + PREFIX[other] + path, other, documents)
    assert offline.external == []


def _with_material_alternates(page, site_url: str) -> None:
    """Serves every page with the <link rel="alternate"> language roots that plain Material writes
    in the head: its script then takes over clicks on links into either language."""
    def fulfil(route) -> None:
        response = route.fetch()
        roots = (f'<link rel="alternate" href="{site_url}" hreflang="fr">'
                 f'<link rel="alternate" href="{site_url}en/" hreflang="en">')
        route.fulfill(response=response, body=response.text().replace("</head>", roots + "</head>", 1))

    page.route(re.compile(re.escape(site_url) + r".*/$"), fulfil)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_material_leaves_the_selector_s_links_alone(new_page, site_url: str, offline, lang: str) -> None:
    # With those links Material sends a click on "English" to the English home (the empty
    # sitemap of a build without a site URL has no page to look up) unless it lets our links be.
    page = new_page()
    _with_material_alternates(page, site_url)
    documents = _documents(page)
    other = OTHER[lang]
    for delay in (0, 500, 1500):
        page.goto(site_url + PREFIX[lang] + SESSION, wait_until="load")
        page.wait_for_timeout(delay)
        _tab_to(page, other)
        documents.clear()
        page.keyboard.press("Enter")
        _assert_landed(page, site_url + PREFIX[other] + SESSION, other, documents)
    assert offline.external == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_click_leads_to_the_same_page(new_page, site_url: str, offline, lang: str) -> None:
    page = new_page()
    other = OTHER[lang]
    page.goto(site_url + PREFIX[lang] + "notions/")
    page.locator(".md-select button").hover()
    documents = _documents(page)  # from now on
    page.locator(f"a.md-select__link[hreflang='{other}']").click()
    _assert_landed(page, site_url + PREFIX[other] + "notions/", other, documents)
    assert offline.external == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_tap_on_a_phone_opens_the_selector_and_leads_to_the_same_page(new_page, site_url: str, offline, lang: str) -> None:
    page = new_page(375, 812, has_touch=True, is_mobile=True)
    other = OTHER[lang]
    page.goto(site_url + PREFIX[lang] + SESSION)
    inner = page.locator(".md-select__inner")
    assert inner.evaluate("el => getComputedStyle(el).opacity") == "0"  # closed
    page.locator(".md-select .md-header__button").tap()
    page.wait_for_function("el => getComputedStyle(el).opacity === '1'", arg=inner.element_handle())
    link = page.locator(f"a.md-select__link[hreflang='{other}']")
    box = link.bounding_box()
    assert box and 0 <= box["x"] and box["x"] + box["width"] <= 375  # on the screen
    documents = _documents(page)  # from now on
    link.tap()
    _assert_landed(page, site_url + PREFIX[other] + SESSION, other, documents)
    assert offline.external == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_selector_names_the_languages_and_marks_the_current_one(new_page, site_url: str, offline, lang: str) -> None:
    page = new_page()
    page.goto(site_url + PREFIX[lang] + SESSION)
    button = page.locator(".md-select button")
    assert button.inner_text().strip() == lang.upper()  # beside the icon
    assert lang.upper() in button.get_attribute("aria-label")
    links = page.locator("a.md-select__link")
    assert [t.strip() for t in links.all_inner_texts()] == ["Français", "English"]
    assert links.evaluate_all("links => links.map(a => [a.hreflang, a.lang, a.getAttribute('aria-current')])") == [
        ["fr", "fr", "true" if lang == "fr" else None], ["en", "en", "true" if lang == "en" else None]]
    current = page.locator("a.md-select__link[aria-current]")
    other = page.locator(f"a.md-select__link[hreflang='{OTHER[lang]}']")
    assert current.evaluate("el => getComputedStyle(el).fontWeight") == "700"
    assert other.evaluate("el => getComputedStyle(el).fontWeight") == "400"
    assert offline.external == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_loading_the_main_pages_makes_no_request_that_fails(new_page, site_url: str, offline, lang: str) -> None:
    page = new_page()
    failed: list[str] = []
    errors: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    seen = []
    page.on("response", lambda r: seen.append(r.url))
    for path in MAIN_PAGES:
        page.goto(site_url + PREFIX[lang] + path, wait_until="networkidle")
    assert failed == []
    assert errors == []
    assert site_url + PREFIX[lang] + "search/search_index.json" in seen  # Material's script ran
    assert offline.external == []
