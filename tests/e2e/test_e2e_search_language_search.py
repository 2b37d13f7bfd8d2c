"""Material's search box in Chromium, in both languages: words typed without their accents find
the accented ones, each language searches its own pages, French elision is seen through, and
results read labels apart from their values.

The site is the real content plus one fixture page, built once for this module, whose sections
hold "l'économie" with a straight and with a curly apostrophe, and words with the letters that are
not a letter plus an accent (œ, ß, ł...): the real content has neither.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from recaps.build import build_site

pytestmark = pytest.mark.e2e

SESSION = "parcours-cec-industries/session-5/"
LEXICON = {
    "fr": "---\ntitle: Lexique\n---\n\n# Lexique\n\n## Apostrophe droite\n\nL'économie circulaire.\n\n"
          "## Apostrophe courbe\n\nL’économie régénérative.\n\n"
          "## Lettres\n\nCœur, Ærø, Ørsted, Straße, Łódź, Đakovo, Ðiðrik, Þingvellir.\n",
    "en": "---\ntitle: Lexicon\n---\n\n# Lexicon\n\nThe circular economy.\n",
}
# The pages that hold "écosystème" in the French index, and so "ecosysteme" too.
ECOSYSTEM_PAGES = sorted(["/", "/" + SESSION, "/parcours-cec-industries/", "/partners/la-ruche-industrielle/",
                          "/partners/the-week/", "/tags/"])


@pytest.fixture(scope="module")
def search_url(copy_repo, serve):
    root = copy_repo("search-language")
    for lang, text in LEXICON.items():
        (root / "docs" / f"lexique.{lang}.md").write_text(text, encoding="utf-8")
    result = build_site(root, site_dir=root / "site")
    assert result.ok, result.messages or result.report.render()
    with serve(root / "site") as url:
        yield url, root / "site"


class SearchBox:
    """Material's search box on a language's home, in one page: ``search(query)`` types it."""

    def __init__(self, new_page, base: str, prefix: str) -> None:
        self.page = new_page()
        self.page.goto(base + prefix)
        self.field = self.page.locator(".md-search__input")
        self.meta = self.page.locator(".md-search-result__meta")
        self.field.click()

    def _typed(self, query: str, done: str) -> None:
        self.field.fill(query)
        self.field.press("End")  # Material searches on keyup: once, for the whole query
        self.page.wait_for_function(f"el => {done}", arg=self.meta.element_handle())

    def search(self, query: str) -> tuple[str, list[str], object]:
        """The result count line, the path of each document found (in order), and the items."""
        self._typed("", "!/document/.test(el.textContent)")  # back to the placeholder: no stale result
        self._typed(query, "/document/.test(el.textContent)")
        items = self.page.locator("li.md-search-result__item")
        articles = items.evaluate_all("items => items.map(li => li.querySelector('a.md-search-result__link').href)")
        return self.meta.inner_text().strip(), [urlsplit(href).path for href in articles], items


def test_french_search_finds_the_same_documents_with_or_without_accents(new_page, search_url, offline) -> None:
    base, _ = search_url
    box = SearchBox(new_page, base, "")
    for query in ("écosystème", "ecosysteme", "ECOSYSTEME", "Ecosystème"):
        meta, paths, _ = box.search(query)
        assert meta == "6 documents trouvés", query
        assert sorted(paths) == ECOSYSTEM_PAGES, query
    assert offline.external == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_word_typed_without_accents_finds_what_the_accented_word_finds(new_page, search_url, offline, prefix) -> None:
    base, _ = search_url
    box = SearchBox(new_page, base, prefix)
    for accented, plain, found in (("forêt", "foret", [SESSION]), ("Boël", "Boel", ["speakers/", SESSION])):
        _, with_accents, _ = box.search(accented)
        _, without, _ = box.search(plain)
        assert sorted(with_accents) == sorted("/" + prefix + path for path in found), accented
        assert without == with_accents, plain  # the same documents, in the same order
    assert offline.external == []


def test_each_language_searches_its_own_pages(new_page, search_url, offline) -> None:
    base, site = search_url
    for prefix, lang in (("", "fr"), ("en/", "en")):
        index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
    _, french, _ = SearchBox(new_page, base, "").search("Boel")
    english_box = SearchBox(new_page, base, "en/")
    _, english, _ = english_box.search("Boel")
    assert french and not [p for p in french if p.startswith("/en/")]
    assert english and all(p.startswith("/en/") for p in english)
    meta, paths, _ = english_box.search("ecosysteme")  # a French word, in the English index
    assert (meta, paths) == ("No matching documents", [])
    assert offline.external == []


def test_french_elision_is_seen_through_with_either_apostrophe(new_page, search_url, offline) -> None:
    base, _ = search_url
    box = SearchBox(new_page, base, "")
    for query in ("économie", "economie"):
        meta, paths, items = box.search(query)
        assert (meta, paths) == ("1 document trouvé", ["/lexique/"]), query
        sections = items.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
        assert {urlsplit(href).fragment for href in sections} >= {"apostrophe-droite", "apostrophe-courbe"}, query
    assert offline.external == []


def test_accented_words_are_still_highlighted_in_the_results(new_page, search_url, offline) -> None:
    base, _ = search_url
    _, paths, items = SearchBox(new_page, base, "").search("écosystème")
    marks = items.first.locator("mark").all_text_contents()
    assert paths[0] == "/" + SESSION
    assert marks and {m.lower() for m in marks} == {"écosystème"}
    assert offline.external == []


def test_words_typed_without_accents_are_highlighted_in_the_results(new_page, search_url, offline) -> None:
    base, _ = search_url
    box = SearchBox(new_page, base, "")
    for query in ("ecosysteme", "ECOSYSTEME", "Ecosystème"):
        _, paths, items = box.search(query)
        session = items.nth(paths.index("/" + SESSION))
        marks = session.locator("mark").all_text_contents()
        assert marks and {m.lower() for m in marks} == {"écosystème"}, query
    _, paths, items = box.search("foret")
    assert items.first.locator("mark").all_text_contents() == ["forêt"]
    assert box.page.locator(".md-search-result mark mark").count() == 0
    assert offline.external == []


@pytest.mark.parametrize("query, marked", [
    ("ecosysteme", {"écosystème"}),  # the accented words, which Material leaves unmarked
    ("écosystème", {"écosystème"}),  # Material's own marks, none added inside or beside them
])
def test_the_page_a_result_opens_is_highlighted_with_or_without_accents(new_page, search_url, offline,
                                                                       query: str, marked: set[str]) -> None:
    base, _ = search_url
    page = new_page()
    page.goto(f"{base}{SESSION}?h={query}")
    article = page.locator(".md-content__inner")
    # search-accents.js marks as the page loads; Material, all at once, when its index is read.
    page.wait_for_function("() => document.querySelector('.md-content__inner mark')")
    marks = {m.lower() for m in article.locator("mark").all_text_contents()}
    assert marks == marked
    assert article.locator("mark mark").count() == 0
    assert offline.external == []


# Each letter search_folding.fold writes out (œ as "oe"...), in a word, and the word as it is typed
# without accents: the index's twins find it, and search-accents.js, which has its own table of
# these letters, marks it.
LETTER_WORDS = {"coeur": "Cœur", "aero": "Ærø", "orsted": "Ørsted", "strasse": "Straße", "lodz": "Łódź",
                "dakovo": "Đakovo", "didrik": "Ðiðrik", "thingvellir": "Þingvellir"}


def test_the_letter_words_hold_every_letter_search_folding_writes_out() -> None:
    from recaps.mkdocs.speedups.search_folding import _LETTERS

    assert {chr(code) for code in _LETTERS} <= set("".join(LETTER_WORDS.values()).lower())


@pytest.mark.parametrize("query, word", LETTER_WORDS.items())
def test_letters_written_out_without_accents_are_found_and_marked(new_page, search_url, offline,
                                                                  query: str, word: str) -> None:
    base, _ = search_url
    box = SearchBox(new_page, base, "")
    _, found, items = box.search(query)
    assert "/lexique/" in found  # with session 5, for "cœur"
    assert items.nth(found.index("/lexique/")).locator("mark").all_text_contents() == [word]
    page = new_page()
    page.goto(f"{base}lexique/?h={query}")
    page.wait_for_function("() => document.querySelector('.md-content__inner mark')")
    assert page.locator(".md-content__inner mark").all_text_contents() == [word]
    assert offline.external == []


@pytest.mark.parametrize("prefix, facts", [
    # The byline ("Par La rédaction · publié le…") is a line of its own above the facts.
    ("", "Dates\u202f: 16–17 janvier 2025 · Lieu\u202f: Lyon · Accueillie par\u202f: La Ruche industrielle"),
    ("en/", "Dates: 16–17 January 2025 · Place: Lyon · Hosted by: La Ruche industrielle"),
])
def test_result_snippets_read_labels_apart_from_values(new_page, search_url, offline, prefix: str, facts: str) -> None:
    base, _ = search_url
    _, paths, items = SearchBox(new_page, base, prefix).search("Lyon")
    session = items.nth(paths.index("/" + prefix + SESSION))
    text = re.sub(r"[ \n]+", " ", session.inner_text())
    assert facts in text
    assert not re.search(r"(Lieu|Place)Lyon|parLa|byLa", text)
    assert offline.external == []
