"""The real site read as an editorial publication, in Chromium, in both languages: the home page
(headline, latest recap, timelines), a recap's hierarchy, partner sidebars, pull quotes, the
programme page, the notions index, the footer and the readers' navigation, typography, one
<h1> a page; full-page screenshots kept in test-artifacts/editorial/ (printed)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "editorial"
PREFIX = {"fr": "", "en": "en/"}
SESSION = "parcours-cec-industries/session-5/"
NNBSP = "\u202f"

HOME = {
    "fr": {
        "h1": "Récits de programmes",
        "lede": "Les récits des sessions de nos programmes, leurs notions clés et leurs intervenants.",
        "eyebrow": "LE DERNIER RÉCIT",
        "title": "Embarquer son écosystème",
        "kicker": "Parcours CEC Industries · Session 5 sur 6 · 16–17 janvier 2025 · Lyon",
        "summary": "Avant-dernière étape du parcours, la session 5 a exploré comment bâtir un véritable écosystème "
                   f"autour de son entreprise{NNBSP}: expliciter des valeurs communes, respecter la singularité de "
                   "chacun et viser ensemble un cap ambitieux.",
        "more": "Lire le récit →",
        "rows": ["Session 1 · pas encore de récit", "Session 2 · pas encore de récit",
                 "Session 3 · pas encore de récit", "Session 4 · pas encore de récit",
                 "Session 5 · Embarquer son écosystème · 16–17 janvier 2025 · Lyon",
                 f"Session 6 · PROCHAINE SESSION · Sixième et dernière étape du parcours{NNBSP}: le moment, pour "
                 "les participants, de prendre leur envol."],
    },
    "en": {
        "h1": "Programme recaps",
        "lede": "Recaps of our programmes’ sessions, their key notions and their speakers.",
        "eyebrow": "THE LATEST RECAP",
        "title": "Bringing your ecosystem on board",
        "kicker": "CEC Industries Programme · Session 5 of 6 · 16–17 January 2025 · Lyon",
        "summary": "The penultimate stage of the programme, session 5 explored how to build a genuine ecosystem "
                   "around your company: spelling out common values, respecting what makes each party unique and "
                   "aiming together for an ambitious direction.",
        "more": "Read the recap →",
        "rows": ["Session 1 · no recap yet", "Session 2 · no recap yet", "Session 3 · no recap yet",
                 "Session 4 · no recap yet",
                 "Session 5 · Bringing your ecosystem on board · 16–17 January 2025 · Lyon",
                 "Session 6 · NEXT SESSION · The sixth and final stage of the programme: the moment for "
                 "participants to take flight."],
    },
}


def _plain(text: str) -> str:
    """``text`` on one line (ASCII white space only: the narrow no-break spaces are kept)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def _text(locator) -> str:
    return _plain(locator.inner_text())


def _texts(locator) -> list[str]:
    return [_plain(t) for t in locator.all_inner_texts()]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_home_page_leads_with_the_site_and_its_latest_recap(new_page, site_url: str, offline, lang: str) -> None:
    expected = HOME[lang]
    page = new_page()
    page.goto(site_url + PREFIX[lang])
    assert _texts(page.locator("h1")) == [expected["h1"]]
    assert _text(page.locator(".md-typeset > .recap-lede")) == expected["lede"]
    lead = page.locator("section.recap-lead")
    assert _text(lead.locator(".recap-eyebrow")) == expected["eyebrow"]
    title = lead.get_by_role("heading", level=2)
    assert _text(title) == expected["title"]
    title.get_by_role("link").click()
    page.wait_for_url(site_url + PREFIX[lang] + SESSION)
    page.go_back()
    assert _text(lead.locator(".recap-kicker")) == expected["kicker"]
    assert _text(lead.locator(".recap-lead__summary")) == expected["summary"]
    assert _text(lead.locator(".recap-lead__more")) == expected["more"]
    # The latest recap comes before the programmes.
    assert lead.evaluate("el => !!(el.compareDocumentPosition(document.querySelector('.recap-timeline')) & 4)")
    assert offline.external == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_timeline_has_no_empty_entry(new_page, site_url: str, lang: str) -> None:
    page = new_page()
    page.goto(site_url + PREFIX[lang])
    rows = page.locator(".recap-timeline > li")
    assert _texts(rows) == HOME[lang]["rows"]
    assert rows.nth(4).get_attribute("class") == "recap-timeline__item recap-timeline__item--recapped"
    assert rows.nth(4).get_by_role("link").get_attribute("href") == SESSION
    assert rows.nth(5).get_attribute("class") == "recap-timeline__item recap-timeline__item--upcoming"
    assert [rows.nth(i).get_attribute("class") for i in range(4)] == ["recap-timeline__item recap-timeline__item--past"] * 4
    # No bold label standing alone: the rows without a recap are plain, in the muted grey.
    assert page.locator(".recap-timeline strong").count() == 0
    colour = rows.first.evaluate("li => getComputedStyle(li).color")
    assert colour == "rgb(89, 89, 89)"


def _luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])
    channel = lambda c: c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4  # noqa: E731
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_recap_opens_with_its_title_then_the_programme_the_facts_and_the_tags(new_page, site_url: str, lang: str) -> None:
    page = new_page()
    page.goto(site_url + PREFIX[lang] + SESSION)
    article = page.locator("article.md-content__inner")
    selector = "h1, .recap-kicker, .recap-lede, .recap-facts, .recap-tag-line, .recap-question, h2"
    order = article.evaluate("(a, s) => [...a.querySelectorAll(s)].map(e => /^H[12]$/.test(e.tagName) ? e.tagName : e.className)"
                             ".slice(0, 8)", selector)
    assert order == ["H1", "recap-kicker", "recap-lede", "recap-facts", "recap-tag-line", "recap-question", "H2", "H2"]
    h1 = page.locator("h1")
    style = h1.evaluate("h => [getComputedStyle(h).color, getComputedStyle(h).fontWeight, getComputedStyle(h).fontSize]")
    assert _luminance(style[0]) < 0.02 and int(style[1]) >= 700 and float(style[2][:-2]) >= 32
    # No Material tag chips (tags: false); the tags are a line after the header, each linked to its page.
    assert page.locator(".md-tags").count() == 0
    tags = page.locator(".recap-tag-line a")
    labels = {"fr": ["Coopération", "Écosystème", "Gouvernance", "Industrie", "Leadership", "Vulnérabilité"],
              "en": ["Cooperation", "Ecosystem", "Governance", "Industry", "Leadership", "Vulnerability"]}[lang]
    assert _texts(tags) == labels
    tags.nth(1).click()
    page.wait_for_url(site_url + PREFIX[lang] + "tags/ecosysteme/")
    assert _texts(page.locator("h1")) == [labels[1]]


QUOTES = {
    "fr": [("«\u202fComment faire forêt\u202f?\u202f»", "Éric Duverger, cofondateur, Convention des Entreprises pour le Climat (CEC)")],
    "en": [("“How do we make a forest?”", "Éric Duverger, co-founder, Convention des Entreprises pour le Climat (CEC)")],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_quotes_are_pull_quotes_with_speaker_role_and_organisation(new_page, site_url: str, lang: str) -> None:
    page = new_page()
    page.goto(site_url + PREFIX[lang] + SESSION)
    quote = page.locator("figure.recap-quote").first
    words, caption = QUOTES[lang][0]
    assert _text(quote.locator("blockquote")) == words
    original = {"fr": "", "en": " Translated from French · original wording: «\u202fComment faire forêt\u202f?\u202f»"}[lang]
    assert _text(quote.locator("figcaption")) == caption + original
    assert _text(quote.locator(".recap-quote__organisation")) == "Convention des Entreprises pour le Climat (CEC)"
    style = quote.locator("blockquote p").evaluate("p => [getComputedStyle(p).fontFamily, getComputedStyle(p).fontSize]")
    assert "serif" in style[0] and "sans" not in style[0].split(",")[0] and float(style[1][:-2]) > 19
    if lang == "en":  # the French original, in French quotation marks, with French spacing
        shown = quote.locator(".recap-quote__original span[lang='fr']")
        assert shown.inner_text() == "«\u202fComment faire forêt\u202f?\u202f»"
    else:
        assert quote.locator(".recap-quote__original").count() == 0


FOCUS = {
    "fr": [["La Ruche industrielle", "Association · Lyon", "Transformer l’industrie pour la rendre plus humaine et plus durable.",
            "Découvrir La Ruche industrielle → · Site web"],
           ["The Week", "Projet à but non lucratif"]],
    "en": [["La Ruche industrielle", "Association · Lyon", "To transform industry so that it becomes more human and more sustainable.",
            "About La Ruche industrielle → · Website"],
           ["The Week", "Non-profit project"]],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_partners_in_focus_are_editorial_sidebars(new_page, site_url: str, lang: str) -> None:
    page = new_page()
    page.goto(site_url + PREFIX[lang] + SESSION)
    boxes = page.locator("aside.recap-focus")
    assert boxes.count() == 2
    assert page.locator("aside.admonition, .recap-focus .admonition-title").count() == 0  # no clipboard icon
    first = boxes.first
    assert _texts(first.locator("p")) == FOCUS[lang][0]
    assert _texts(boxes.nth(1).locator("p"))[:2] == FOCUS[lang][1]
    assert first.get_attribute("aria-labelledby") == "focus-la-ruche-industrielle"
    links = first.get_by_role("link")
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [
        "../../partners/la-ruche-industrielle/", "https://larucheindustrielle.fr/fr/"]
    # Side by side at 1280 px, each as wide as the other.
    widths = boxes.evaluate_all("els => els.map(e => [Math.round(e.getBoundingClientRect().top), Math.round(e.getBoundingClientRect().width)])")
    assert widths[0] == widths[1]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_programme_page_says_each_thing_once(new_page, site_url: str, lang: str) -> None:
    page = new_page()
    page.goto(site_url + PREFIX[lang] + "parcours-cec-industries/")
    text = page.locator("article").inner_text()
    description = {"fr": "Parcours en six sessions proposé par la Convention des Entreprises",
                   "en": "A six-session programme offered by the Convention des Entreprises"}[lang]
    assert description not in text  # the description is the body's first line, said once
    assert ("Dans Session" if lang == "fr" else "In Session") not in text
    quotes = page.locator("#quotes ~ h3")
    heading = {"fr": "Session 5 · Embarquer son écosystème", "en": "Session 5 · Bringing your ecosystem on board"}[lang]
    assert _texts(page.locator("h3#session-5-quotes")) == [heading]
    assert quotes.count() == 1 and page.locator("figure.recap-quote").count() == 4


NOTIONS = {
    "fr": [("Accepter la vulnérabilité", "Croire en cette part d’inconnu — ne pas savoir encore comment atteindre le but — "
            "et l’assumer. Écouter son instinct et suivre sa curiosité.", "Session 5 · Embarquer son écosystème"),
           ("Coopérer et s’entraider", None, "Session 5 · Embarquer son écosystème"),
           ("Favoriser le leadership régénératif", None, "Session 5 · Embarquer son écosystème")],
    "en": [("Accepting vulnerability", "Believing in this element of the unknown — not yet knowing how to reach the goal — "
            "and owning it. Listening to your instinct and following your curiosity.", "Session 5 · Bringing your ecosystem on board"),
           ("Cooperating and helping one another", None, "Session 5 · Bringing your ecosystem on board"),
           ("Encouraging regenerative leadership", None, "Session 5 · Bringing your ecosystem on board")],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_notions_index_gives_each_notion_its_meaning_and_its_recap(new_page, site_url: str, lang: str) -> None:
    page = new_page()
    page.goto(site_url + PREFIX[lang] + "notions/")
    entries = page.locator(".recap-notion-index__entry")
    assert entries.count() == 3
    for i, (title, meaning, source) in enumerate(NOTIONS[lang]):
        entry = entries.nth(i)
        assert _text(entry.locator("dt")) == title
        if meaning:
            assert _text(entry.locator("dd > p").first) == meaning
        assert _text(entry.locator(".recap-notion-index__source")) == source
        assert entry.locator(".recap-notion-index__source a").get_attribute("href") == "../" + SESSION + "#key-notions"
        box = entry.bounding_box()
        assert box["height"] > 60  # more than one line a notion


FOOTER = {
    "fr": ("Récits de programmes", "Convention des Entreprises pour le Climat", "À propos"),
    "en": ("Programme recaps", "Convention des Entreprises pour le Climat", "About"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_footer_names_the_organisation_and_links_the_about_page(new_page, site_url: str, lang: str) -> None:
    page = new_page()
    page.goto(site_url + PREFIX[lang] + SESSION)
    assert page.locator(".md-copyright").count() == 0
    footer = page.locator("footer.recap-footer")
    name, organisation, about = FOOTER[lang]
    assert _text(footer.locator(".recap-footer__name")) == name
    assert _text(footer.locator(".recap-footer__organisation")) == organisation
    assert _texts(footer.get_by_role("link")) == [about]  # no site URL: no feed
    footer.get_by_role("link", name=about).click()
    page.wait_for_url(site_url + PREFIX[lang] + "about/")
    assert _texts(page.locator("h1")) == [about]
    guide = {"fr": "guide de rédaction", "en": "writing guide"}[lang]
    page.locator("article").get_by_role("link", name=guide).click()
    page.wait_for_url(site_url + PREFIX[lang] + "guide/")


@pytest.fixture(scope="module")
def url_site(serve, sessions_site: Path) -> Iterator[str]:
    """The site with sessions 3 and 4, built with a site URL (its feeds exist)."""
    with serve(sessions_site) as url:
        yield url


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_with_a_site_url_the_footer_links_both_feeds(new_page, url_site: str, sessions_site: Path, lang: str) -> None:
    page = new_page()
    page.goto(url_site + PREFIX[lang])
    feeds = page.locator("footer.recap-footer a[type='application/atom+xml']")
    assert [(feeds.nth(i).inner_text(), feeds.nth(i).get_attribute("href")) for i in range(feeds.count())] == [
        ("Français", "https://recaps.example.org/parcours/feed.xml"),
        ("English", "https://recaps.example.org/parcours/en/feed.xml"),
    ]
    assert (sessions_site / "feed.xml").is_file() and (sessions_site / "en" / "feed.xml").is_file()
    label = {"fr": "Fils Atom\u202f: Français · English", "en": "Atom feeds: Français · English"}[lang]
    assert _text(page.locator(".recap-footer__links li").nth(1)) == label


EDITORS = {"fr": ["Guide de rédaction", "Référence des champs"], "en": ["Writing guide", "Field reference"]}
READERS = {"fr": ["Accueil", "Notions clés", "Partenaires", "Intervenants", "Étiquettes", "À propos"],
           "en": ["Home", "Key notions", "Partners", "Speakers", "Tags", "About"]}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_editors_pages_are_out_of_the_readers_navigation_and_search(new_page, site_url: str, built_site: Path, lang: str) -> None:
    import json

    page = new_page()
    page.goto(site_url + PREFIX[lang] + "notions/")
    top = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
    assert _texts(top) == READERS[lang]
    # The guide is published, and shows the editors' pages in its own navigation.
    page.goto(site_url + PREFIX[lang] + "guide/")
    assert _texts(page.locator("h1")) == [EDITORS[lang][0]]
    section = page.locator(".md-nav--primary .md-nav__item--section .md-nav__link:not(.md-nav__container)")
    assert EDITORS[lang][1] in _texts(section)
    index = json.loads((built_site / PREFIX[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in index["docs"] if d["location"].startswith("guide/")] == []
    assert any(d["location"].startswith("about/") for d in index["docs"])


PAGES = ["", SESSION, "parcours-cec-industries/", "partners/la-ruche-industrielle/", "partners/the-week/", "notions/",
         "speakers/", "tags/", "tags/ecosysteme/", "about/", "guide/", "guide/fields/", "programmes/"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_h1_a_page_and_curly_apostrophes(new_page, site_url: str, built_site: Path, lang: str) -> None:
    page = new_page()
    for path in PAGES:
        page.goto(site_url + PREFIX[lang] + path)
        assert page.locator("h1").count() == 1, path
        assert "'" not in page.locator("body").inner_text(), path
    if lang == "en":
        page.goto(site_url + "en/" + SESSION)
        assert _text(page.locator(".recap-question__label")) == "THE SESSION’S QUESTION"  # small capitals in CSS
    files = sorted((built_site / PREFIX[lang]).glob("**/*.html") if lang == "en" else
                   (p for p in built_site.glob("**/*.html") if p.relative_to(built_site).parts[0] != "en"))
    assert len(files) > 15
    assert [f.relative_to(built_site).as_posix() for f in files
            if len(re.findall(r"<h1[\s>]", f.read_text(encoding="utf-8"))) != 1] == []


AXE_PAGES = ["", "parcours-cec-industries/", "partners/the-week/", "speakers/", "tags/ecosysteme/", "about/", "guide/"]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", AXE_PAGES, ids=[p.strip("/") or "home" for p in AXE_PAGES])
def test_the_new_page_types_have_no_accessibility_violation(new_page, site_url: str, offline, axe: Axe, lang: str, path: str) -> None:
    page = new_page(375, 812) if path in ("", "about/") else new_page()
    page.goto(site_url + PREFIX[lang] + path, wait_until="load")
    results = axe.run(page)
    assert results.violations_count == 0, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in results.response["violations"]]
    assert offline.external == []


SCREENSHOTS = {"home": "", "recap": SESSION, "partner": "partners/la-ruche-industrielle/", "notions": "notions/",
               "speakers": "speakers/"}


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_full_page_screenshots_are_kept(new_page, site_url: str, lang: str, width: int) -> None:
    """Screenshots to look at, as a reader would: test-artifacts/editorial/<lang>-<page>-<width>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = new_page(width, 900)
    for name, path in SCREENSHOTS.items():
        page.goto(site_url + PREFIX[lang] + path, wait_until="load")
        target = ARTIFACTS / f"{lang}-{name}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        print(target)
        assert target.stat().st_size > 10_000
