"""An English file with nothing translated yet is a missing translation, not a file of errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from recaps.content.loader import load_site
from recaps.content.models import Page, Partner, Session
from recaps.content.reader import RawDocument, split_front_matter
from recaps.content.translation import TranslationState
from recaps.content.unwritten import holds_no_translation

SESSION_EN = "sessions/parcours-demo/session-1.en.md"
PARTNER_EN = "partners/atelier-nord.en.md"


def english(text: str, path: str = SESSION_EN):
    document, errors = split_front_matter(path, text)
    assert errors == []
    return document


@pytest.mark.parametrize(("kind", "args", "model", "english_file"), [
    ("session", ["parcours-demo", "2"], Session, "sessions/parcours-demo/session-2.en.md"),
    ("session", ["parcours-demo", "3"], Session, "sessions/parcours-demo/session-3.en.md"),  # the last: no next session
    ("partner", ["atelier-sud"], Partner, "partners/atelier-sud.en.md"),
])
def test_what_recaps_new_writes_holds_no_translation(tree: Path, kind: str, args: list[str], model, english_file: str) -> None:
    from recaps import scaffold

    files = scaffold.new_session(tree, *args[:1], int(args[1])) if kind == "session" else scaffold.new_partner(tree, args[0])
    (written,) = [f for f in files if f.path == english_file]
    assert holds_no_translation(model, english(written.text, english_file))


SCAFFOLD = """\
---
# a comment
title: ""  # Theme of the session.
author: "The editorial team"
question: ""
summary: ""
notions:
  - title: ""
    text: ""
quotes:
  - text: ""
next_session:
  note: ""
---

The story of the session, in Markdown. Headings start at level 2 (`##`).
"""


@pytest.mark.parametrize("text", [
    SCAFFOLD,
    SCAFFOLD.replace("\n", "\r\n"),
    SCAFFOLD.replace("# a comment\n", ""),
    SCAFFOLD.replace("The story of the session, in Markdown. Headings start at level 2 (`##`).\n", ""),
    SCAFFOLD.replace('title: ""', "title:"),  # nothing written after the colon
    SCAFFOLD.replace('  - text: ""\n', "").replace("quotes:\n", "quotes: []\n"),
    SCAFFOLD.replace("---\n\nThe story", "translation_of: 0123456789ab\n---\n\nThe story"),
    SCAFFOLD.replace('summary: ""', 'summary: "   "'),
])
def test_an_untouched_scaffold_in_any_form_holds_no_translation(text: str) -> None:
    assert holds_no_translation(Session, english(text))


@pytest.mark.parametrize("text", [
    SCAFFOLD.replace('title: ""', 'title: "Meeting"'),
    SCAFFOLD.replace('author: "The editorial team"', 'author: "Our team"'),
    SCAFFOLD.replace('  - text: ""', '  - text: "Let us start."'),
    SCAFFOLD.replace('note: ""', "note: 5"),  # a mistake is something written: checked, reported
    SCAFFOLD.replace("The story of the session, in Markdown.", "On 16 January,"),
    SCAFFOLD.replace("---\n\nThe story", "city: Lille\n---\n\nThe story"),
])
def test_one_text_of_its_own_makes_a_translation_in_progress(text: str) -> None:
    assert not holds_no_translation(Session, english(text))


def test_a_page_with_nothing_but_an_empty_title_holds_no_translation() -> None:
    assert holds_no_translation(Page, english('---\ntitle: ""\n---\n\n', "docs/about.en.md"))
    assert not holds_no_translation(Page, english("---\ntitle: About\n---\n", "docs/about.en.md"))
    assert holds_no_translation(Partner, RawDocument(PARTNER_EN, {}, "\n"))
    assert not holds_no_translation(Partner, RawDocument(PARTNER_EN, {}, "Text."))


PARTNER_SCAFFOLD = """\
---
name: ""  # Name of the organisation.
mission: ""
quotes: []
---

The partner's presentation, in Markdown. Headings start at level 2 (`##`).
"""


@pytest.mark.parametrize(("session", "partner"), [
    *((blank, blank) for blank in (b"", b"\n", b"\r\n", b"  \n\t\n", b"\xef\xbb\xbf\n")),
    (SCAFFOLD.encode(), PARTNER_SCAFFOLD.encode()),
])
def test_an_unwritten_english_file_loads_as_a_missing_translation(tree: Path, session: bytes, partner: bytes) -> None:
    (tree / SESSION_EN).write_bytes(session)
    (tree / PARTNER_EN).write_bytes(partner)
    site, report = load_site(tree)
    assert report.errors == []
    session = site.programmes["parcours-demo"].sessions[0]
    partner = site.partners["atelier-nord"]
    for item in (session, partner):
        assert item.state is TranslationState.MISSING
        assert not item.is_translated("en") and "en" not in item.documents
    assert [(row.id, row.state, row.english_file) for row in site.status if row.kind != "programme"] == [
        ("parcours-demo/session-1", TranslationState.MISSING, SESSION_EN),
        ("atelier-nord", TranslationState.MISSING, PARTNER_EN),
    ]


def test_an_english_file_that_does_not_read_is_in_progress_and_reported(tree: Path) -> None:
    (tree / SESSION_EN).write_text("---\ntitle: Meeting\n", encoding="utf-8")
    site, report = load_site(tree)
    # Reported, with what can be checked of it; the notions and quotes it lacks show the French's.
    assert [str(e) for e in sorted(report.errors)] == [
        f"{SESSION_EN}:1: front matter is never closed: add a line '---' where it ends (read here up to line 2)",
        f"{SESSION_EN}:2: author: is required but missing",
        f"{SESSION_EN}:2: question: is required but missing",
        f"{SESSION_EN}:2: summary: is required but missing",
    ]
    (row,) = [row for row in site.status if row.kind == "session"]
    assert row.state is TranslationState.IN_PROGRESS
