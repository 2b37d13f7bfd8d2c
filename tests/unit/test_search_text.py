"""What the search index says: labels apart from values (recaps.mkdocs.speedups.search_text),
accent-free twins (.search_folding), the same whichever parser divides the page (.search_index)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from recaps.mkdocs.speedups import search_index
from recaps.mkdocs.speedups.search_folding import fold, twin_fields, twins
from recaps.mkdocs.speedups.search_text import readable

SEPARATOR = '[\\s\\-,:!=\\[\\]()"/\'’«»]+|\\.(?!\\d)'  # mkdocs.yml's
FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
FACTS = (
    '<dl class="recap-facts">\n'
    '<div><dt>Dates</dt><dd><time datetime="2025-01-16">16–17 janvier 2025</time></dd></div>\n'
    "<div><dt>Lieu</dt><dd>Lyon</dd></div>\n"
    '<div><dt>Accueillie par</dt><dd><a href="../../partners/la-ruche-industrielle/">La Ruche industrielle</a></dd></div>\n'
    "</dl>\n"
)


def test_labels_are_set_apart_from_their_values_with_each_language_s_colon() -> None:
    assert readable(FACTS, "fr") == (
        '<dl class="recap-facts">\n'
        '<div><dt>Dates</dt>\u202f: <dd><time datetime="2025-01-16">16–17 janvier 2025</time></dd> · </div><div>'
        "<dt>Lieu</dt>\u202f: <dd>Lyon</dd> · </div><div>"
        '<dt>Accueillie par</dt>\u202f: <dd><a href="../../partners/la-ruche-industrielle/">La Ruche industrielle</a></dd></div>\n'
        "</dl>\n"
    )
    assert readable("<dl><dt>Place</dt>\n<dd>Lyon</dd><dt>Hosted by</dt><dd>La Ruche</dd></dl>", "en") == (
        "<dl><dt>Place</dt>: <dd>Lyon</dd> · <dt>Hosted by</dt>: <dd>La Ruche</dd></dl>"
    )


def test_a_label_that_ends_with_a_colon_gets_no_second_one() -> None:
    assert readable("<dl><dt>Term:</dt><dd>definition</dd></dl>", "en") == "<dl><dt>Term:</dt> <dd>definition</dd></dl>"


def test_line_breaks_are_spaces_and_other_html_is_left_as_it_is() -> None:
    assert readable("<p>Lyon<br>Paris<br/>Nantes</p>", "fr") == "<p>Lyon<br> Paris<br/> Nantes</p>"
    html = '<p class="x">Une <strong>phrase</strong> sans liste.</p><ul><li>un</li></ul>'
    assert readable(html, "fr") == html


@pytest.mark.parametrize("word, plain", [
    ("Écosystème", "ecosysteme"),
    ("forêt", "foret"),
    ("Boël", "boel"),
    ("cœur", "coeur"),
    ("Ørsted", "orsted"),
    ("Straße", "strasse"),
    ("naïve", "naive"),
    ("Lyon", "lyon"),
])
def test_fold(word: str, plain: str) -> None:
    assert fold(word) == plain


def test_twins_hold_the_folded_words_of_each_field_that_has_accents() -> None:
    entry = {
        "location": "parcours-cec-industries/session-5/",
        "title": "Embarquer son écosystème",
        "text": "<p>Éric Boël l’a lancé comme un cri du cœur : « Comment faire forêt ? » 16–17 janvier</p>",
        "tags": ["Écosystème", "Leadership", "Coopération"],
    }
    assert twins(entry, SEPARATOR) == {
        "title_folded": "ecosysteme ecosystème",  # and as typed with its capital unaccented
        "text_folded": "eric boel lance coeur foret",
        "tags_folded": ["ecosysteme", "ecosystème", "cooperation"],
    }
    assert twins({"location": "x/", "title": "The Week", "text": "<p>A non-profit project</p>"}, SEPARATOR) == {}


def test_each_twin_field_has_its_field_s_boost() -> None:
    assert twin_fields(FIELDS) == {
        **FIELDS,
        "title_folded": {"boost": 1000.0},
        "text_folded": {"boost": 1.0},
        "tags_folded": {"boost": 1000000.0},
    }
    assert FIELDS == {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}


def _indexed(html: str, lang: str) -> list[dict]:
    index = search_index.RecapsSearchIndex(lang=[lang], separator=SEPARATOR, pipeline=["stopWordFilter"], fields=FIELDS)
    page = SimpleNamespace(meta={"tags": ["Écosystème"]}, content=html, toc=[], url="parcours-cec-industries/session-5/",
                           title="Embarquer son écosystème")
    index.add_entry_from_context(page)
    return index.entries


EXPECTED_ENTRIES = [
    {
        "location": "parcours-cec-industries/session-5/",
        "title": "Embarquer son écosystème",
        "text": "Dates\u202f: 16–17 janvier 2025 · Lieu\u202f: Lyon · Accueillie par\u202f: La Ruche industrielle <p>Une forêt.</p>",
        "tags": ["Écosystème"],
        "title_folded": "ecosysteme ecosystème",
        "text_folded": "foret",
        "tags_folded": ["ecosysteme", "ecosystème"],
    },
]


def test_the_index_reads_labels_apart_and_holds_the_twins(monkeypatch) -> None:
    html = '<h1 id="embarquer-son-ecosysteme">Embarquer son écosystème</h1>\n' + FACTS + "<p>Une forêt.</p>"
    assert _indexed(html, "fr") == EXPECTED_ENTRIES
    # Where Material's parser reads the page (a Python whose html.parser reads otherwise), the same.
    monkeypatch.setattr(search_index, "tokenizer_agrees", lambda: False)
    assert _indexed(html, "fr") == EXPECTED_ENTRIES
