"""A recap prints cleanly on A4: no site chrome, the site's name and the page's address at its
head, notions and quotes whole, external URLs shown."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
A4_POINTS = (595, 842)


def _text(pdf: bytes) -> tuple[int, str, list]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages), reader.pages


@pytest.mark.e2e
def test_session_page_prints_on_a4(new_page, site_url: str, offline) -> None:
    page = new_page()
    page.goto(site_url + "parcours-cec-industries/session-5/")
    # Site chrome: Material hides some of it in print, the site's print rules the rest (the tags).
    chrome = [".md-header", ".md-sidebar--primary", ".md-footer", ".recap-tag-line"]
    for selector in chrome:
        assert page.locator(selector).count() >= 1, selector
    assert page.locator(".recap-tag-line").first.is_visible()  # on screen
    assert page.locator(".recap-print-header").is_hidden()  # on paper only
    page.emulate_media(media="print")
    for selector in chrome:
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator(".recap-print-header").is_visible()
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "session-5.fr.pdf").write_bytes(pdf)
    count, text, pages = _text(pdf)
    assert 2 <= count <= 6, count
    width, height = (round(float(x)) for x in pages[0].mediabox[2:])
    assert (width, height) == A4_POINTS
    flat = " ".join(text.split())
    for notion in ("Accepter la vulnérabilité", "Favoriser le leadership régénératif", "Coopérer et s’entraider"):
        assert notion in flat
    for words in ("Comment faire forêt", "Le partenariat est le nouveau leadership", "Nous sommes tous industriels"):
        assert words in flat
    assert "Rechercher" not in flat  # the search box is not printed
    # The site's name and the page's address (without a site URL: its path from the site's root).
    assert flat.startswith("Récits de programmes · /parcours-cec-industries/session-5/ Embarquer son écosystème")
    assert offline.external == []


PRINTED = {
    "fr": "Récits de programmes · https://recaps.example.org/parcours/parcours-cec-industries/session-4/",
    # The English page of a recap not translated yet: its own address, not the French page's.
    "en": "Programme recaps · https://recaps.example.org/parcours/en/parcours-cec-industries/session-4/",
}


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_printed_page_carries_the_site_name_and_its_address(new_page, serve, sessions_site: Path, lang: str) -> None:
    with serve(sessions_site) as url:
        page = new_page()
        page.goto(url + ("en/" if lang == "en" else "") + "parcours-cec-industries/session-4/")
        page.emulate_media(media="print")
        header = page.locator(".recap-print-header")
        assert " ".join(header.inner_text().split()) == PRINTED[lang]
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    _, text, _ = _text(pdf)
    assert PRINTED[lang].replace(" ", "") in "".join(text.split())
    assert text.count("Programme recaps" if lang == "en" else "Récits de programmes") == 1  # no footer printed


@pytest.mark.e2e
def test_external_links_show_their_address_in_print(new_page, site_url: str) -> None:
    page = new_page()
    page.goto(site_url + "partners/la-ruche-industrielle/")
    page.emulate_media(media="print")
    after = page.locator('.md-typeset a[href^="http"]').first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert after == '" (" attr(href) ")"' or "larucheindustrielle.fr" in after
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    _, text, _ = _text(pdf)
    assert "(https://larucheindustrielle.fr/fr/)" in "".join(text.split())


@pytest.mark.e2e
def test_quotes_are_not_split_across_pages(new_page, site_url: str) -> None:
    page = new_page()
    page.goto(site_url + "parcours-cec-industries/session-5/")
    page.emulate_media(media="print")
    styles = page.locator("figure.recap-quote").evaluate_all(
        "els => els.map(e => getComputedStyle(e).breakInside)"
    )
    assert styles and set(styles) == {"avoid"}
    cards = page.locator(".recap-notions > ul > li").evaluate_all("els => els.map(e => getComputedStyle(e).breakInside)")
    assert cards and set(cards) == {"avoid"}
