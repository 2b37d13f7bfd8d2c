"""A recap prints cleanly on A4: no site chrome, notions and quotes whole, external URLs shown."""

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
    chrome = [".md-header", ".md-sidebar--primary", ".md-footer", ".md-tags"]
    for selector in chrome:
        assert page.locator(selector).count() >= 1, selector
    assert page.locator(".md-tags").first.is_visible()  # on screen
    page.emulate_media(media="print")
    for selector in chrome:
        assert page.locator(selector).first.is_hidden(), selector
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
    assert offline.external == []


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
