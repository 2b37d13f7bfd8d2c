"""The repository's own content loads without errors and says what the recap of session 5 says."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from recaps.content.loader import Site, load_site
from recaps.content.translation import TranslationState

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site() -> Site:
    site, report = load_site(REPO)
    assert report.render() == "0 errors found"
    return site


def test_programme(site: Site) -> None:
    programme = site.programmes["parcours-cec-industries"]
    assert programme.source.sessions_planned == 6
    assert programme.source.sponsor == "christophe-martin"
    assert [s.id for s in programme.sessions] == ["session-5"]


def test_session_5(site: Site) -> None:
    (session,) = site.programmes["parcours-cec-industries"].sessions
    recap = session.source
    assert recap.number == 5
    assert (recap.dates.start, recap.dates.end) == (datetime.date(2025, 1, 16), datetime.date(2025, 1, 17))
    assert recap.city == "Lyon"
    assert recap.host == "la-ruche-industrielle"
    # The content uses the typographic apostrophe (U+2019), not the ASCII one.
    assert [n.title for n in recap.notions] == [
        "Accepter la vulnérabilité",
        "Favoriser le leadership régénératif",
        "Coopérer et s\u2019entraider",
    ]
    assert [q.speaker for q in recap.quotes] == [
        "eric-duverger",
        "isabelle-kocher-de-leyritz",
        "christophe-martin",
        "eric-boel",
    ]
    assert recap.partners == ["la-ruche-industrielle", "the-week"]
    assert recap.next_session is not None and recap.next_session.number == 6


def test_english_keeps_the_french_facts(site: Site) -> None:
    (session,) = site.programmes["parcours-cec-industries"].sessions
    english = session.get("en")
    assert session.is_translated("en")
    assert english.title != session.source.title
    assert (english.dates, english.host, english.city) == (session.source.dates, "la-ruche-industrielle", "Lyon")
    assert [q.speaker for q in english.quotes] == [q.speaker for q in session.source.quotes]
    assert len(english.notions) == 3


def test_partners_and_people(site: Site) -> None:
    assert sorted(site.partners) == ["la-ruche-industrielle", "the-week"]
    for speaker in ("eric-duverger", "isabelle-kocher-de-leyritz", "christophe-martin", "eric-boel"):
        assert speaker in site.people


def test_every_translation_is_complete(site: Site) -> None:
    incomplete = [(row.kind, row.id, row.state.value) for row in site.status if row.state is not TranslationState.COMPLETE]
    assert incomplete == []
    assert {(row.kind, row.id) for row in site.status} >= {
        ("programme", "parcours-cec-industries"),
        ("session", "parcours-cec-industries/session-5"),
        ("partner", "la-ruche-industrielle"),
        ("partner", "the-week"),
    }
