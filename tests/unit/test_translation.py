"""Pairing a French source with its English translation: versions, staleness, merging."""

from __future__ import annotations

import datetime

import pytest

from recaps.content.errors import ContentError
from recaps.content.models import Partner, Programme, Session
from recaps.content.pairing import StandIns, counts_differ, untranslated
from recaps.content.reader import RawDocument, split_front_matter
from recaps.content.marking import with_source_version
from recaps.content.translation import (
    TranslationState,
    merge_translation,
    source_version,
    state_of,
    translatable_content,
)

SESSION_FR = """\
---
id: session-1
programme: parcours-demo
number: 1
title: "Se rencontrer"
dates:
  start: 2025-01-16
  end: 2025-01-17
city: Lille
host: atelier-nord
author: "La rédaction"
published: 2025-02-01
tags: [cooperation]
question: "Comment commencer ?"
summary: "La première session."
notions:
  - title: "Écouter"
    text: "Prendre le temps d’écouter."
quotes:
  - speaker: paul-durand
    lang: fr
    text: "Commençons ensemble."
partners: [atelier-nord]
next_session:
  number: 2
  note: "La suite."
---

Le récit de la session.
"""

SESSION_EN = """\
---
title: "Meeting"
author: "The editorial team"
question: "How do we start?"
summary: "The first session."
notions:
  - title: "Listening"
    text: "Taking time to listen."
quotes:
  - text: "Let us start together."
next_session:
  note: "What comes next."
---

The story of the session.
"""


def doc(text: str, path: str = "sessions/parcours-demo/session-1.fr.md") -> RawDocument:
    document, errors = split_front_matter(path, text)
    assert errors == []
    return document


def english(text: str) -> RawDocument:
    return doc(text, "sessions/parcours-demo/session-1.en.md")


FR = doc(SESSION_FR)
VERSION = source_version(Session, FR)


# --- what is translated --------------------------------------------------------------------------


def test_translatable_content_drops_language_neutral_facts() -> None:
    assert translatable_content(Session, FR) == {
        "front_matter": {
            "title": "Se rencontrer",
            "author": "La rédaction",
            "question": "Comment commencer ?",
            "summary": "La première session.",
            "notions": [{"title": "Écouter", "text": "Prendre le temps d’écouter."}],
            "quotes": [{"text": "Commençons ensemble."}],
            "next_session": {"note": "La suite."},
        },
        "body": "Le récit de la session.",
    }


def test_source_version_is_stable() -> None:
    # Changing how the version is computed makes every English file stale: do it on purpose only.
    assert VERSION == "7e8ba44e22cd"
    assert source_version(Session, doc(SESSION_FR)) == VERSION


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('title: "Se rencontrer"', 'title: "Se retrouver"'),
        ('text: "Prendre le temps d’écouter."', 'text: "Prendre le temps d’entendre."'),
        ('text: "Commençons ensemble."', 'text: "Commençons."'),
        ('note: "La suite."', 'note: "La fin."'),
        ("Le récit de la session.", "Le récit de la session, revu."),
        ("Le récit de la session.", "Le récit de la session.\n\n## Une suite"),
    ],
)
def test_source_version_changes_with_translated_text(old: str, new: str) -> None:
    assert SESSION_FR.count(old) == 1
    assert source_version(Session, doc(SESSION_FR.replace(old, new))) != VERSION


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  start: 2025-01-16\n  end: 2025-01-17", "  start: 2025-01-20\n  end: 2025-01-21"),
        ("city: Lille", "city: Roubaix"),
        ("host: atelier-nord", "host: atelier-sud"),
        ("tags: [cooperation]", "tags: [cooperation, industrie]"),
        ("published: 2025-02-01", "published: 2025-03-01"),
        ("speaker: paul-durand", "speaker: anne-martin"),
        ("  number: 2\n", "  number: 3\n"),
        ('title: "Se rencontrer"', "title: Se rencontrer  # a comment"),
        ("Le récit de la session.\n", "Le récit de la session.\n\n\n"),
        ("---\n\nLe récit", "translation_of: 0123456789ab\n---\n\nLe récit"),
    ],
)
def test_source_version_ignores_neutral_facts_and_form(old: str, new: str) -> None:
    assert SESSION_FR.count(old) == 1
    assert source_version(Session, doc(SESSION_FR.replace(old, new))) == VERSION


# --- states --------------------------------------------------------------------------------------


def test_states() -> None:
    en = english(SESSION_EN)
    marked = english(with_source_version(SESSION_EN, VERSION))
    assert state_of(Session, None, en) is TranslationState.ORPHAN
    assert state_of(Session, FR, None) is TranslationState.MISSING
    assert state_of(Session, FR, en) is TranslationState.IN_PROGRESS  # never marked
    assert state_of(Session, FR, marked) is TranslationState.COMPLETE
    changed = doc(SESSION_FR.replace("Le récit de la session.", "Un autre récit."))
    assert state_of(Session, changed, marked) is TranslationState.STALE
    assert state_of(Session, changed, en) is TranslationState.IN_PROGRESS


def test_a_marked_translation_that_lacks_an_item_is_in_progress() -> None:
    marked = with_source_version(SESSION_EN, VERSION)
    without_quote = english(marked.replace('quotes:\n  - text: "Let us start together."\n', "quotes: []\n"))
    with_more = english(marked.replace("quotes:\n", '  - title: "More"\n    text: "One more."\nquotes:\n'))
    assert state_of(Session, FR, without_quote) is TranslationState.IN_PROGRESS
    assert state_of(Session, FR, with_more) is TranslationState.IN_PROGRESS


def test_a_version_in_upper_case_or_with_spaces_is_the_same_version() -> None:
    assert VERSION == "7e8ba44e22cd"
    for written in ("7E8BA44E22CD", "7e8BA44e22Cd", '" 7E8BA44E22CD "'):
        marked = english(SESSION_EN.replace("---\n\nThe story", f"translation_of: {written}\n---\n\nThe story"))
        assert state_of(Session, FR, marked) is TranslationState.COMPLETE, written
    other = english(SESSION_EN.replace("---\n\nThe story", "translation_of: 7E8BA44E22CE\n---\n\nThe story"))
    assert state_of(Session, FR, other) is TranslationState.STALE


def test_a_version_of_decimal_digits_is_written_quoted_and_read_either_way() -> None:
    # YAML reads 748009087518 without quotes as a number: the version must still match.
    digits = doc(SESSION_FR.replace("Le récit de la session.", "Le récit de la session 494."))
    assert source_version(Session, digits) == "748009087518"
    marked = with_source_version(SESSION_EN, "748009087518")
    assert 'translation_of: "748009087518"\n---\n' in marked
    assert english(marked).meta["translation_of"] == "748009087518"
    assert state_of(Session, digits, english(marked)) is TranslationState.COMPLETE
    unquoted = english(marked.replace('"748009087518"', "748009087518"))
    assert unquoted.meta["translation_of"] == 748009087518
    assert state_of(Session, digits, unquoted) is TranslationState.COMPLETE


# --- with_source_version ------------------------------------------------------------------------


def test_with_source_version_inserts_before_the_closing_line() -> None:
    assert with_source_version("---\nname: A  # comment\n---\n\nBody\n", "abc123abc123") == (
        "---\nname: A  # comment\ntranslation_of: abc123abc123\n---\n\nBody\n"
    )


def test_with_source_version_replaces_in_place() -> None:
    text = "---\nname: A\ntranslation_of: 000000000000\nmission: M\n---\nBody\n"
    assert with_source_version(text, "abc123abc123") == (
        "---\nname: A\ntranslation_of: abc123abc123\nmission: M\n---\nBody\n"
    )


def test_with_source_version_keeps_bom_and_crlf() -> None:
    text = "\ufeff---\r\nname: A\r\ntranslation_of: old\r\n---\r\nBody\r\n"
    assert with_source_version(text, "abc123abc123") == (
        "\ufeff---\r\nname: A\r\ntranslation_of: abc123abc123\r\n---\r\nBody\r\n"
    )


def test_with_source_version_adds_front_matter_when_there_is_none() -> None:
    assert with_source_version("Body only\n", "abc123abc123") == "---\ntranslation_of: abc123abc123\n---\nBody only\n"


def test_with_source_version_is_idempotent_and_reads_back() -> None:
    once = with_source_version(SESSION_EN, VERSION)
    assert with_source_version(once, VERSION) == once
    assert once.replace(f"translation_of: {VERSION}\n", "") == SESSION_EN
    assert english(once).meta["translation_of"] == VERSION


# --- merge_translation --------------------------------------------------------------------------


def test_merge_completes_the_translation_with_neutral_facts() -> None:
    merged, errors, stand_ins = merge_translation(Session, FR, english(with_source_version(SESSION_EN, VERSION)))
    assert (errors, stand_ins) == ([], StandIns())
    assert merged == {
        "id": "session-1",
        "programme": "parcours-demo",
        "number": 1,
        "title": "Meeting",
        "dates": {"start": datetime.date(2025, 1, 16), "end": datetime.date(2025, 1, 17)},
        "city": "Lille",
        "host": "atelier-nord",
        "author": "The editorial team",
        "published": datetime.date(2025, 2, 1),
        "tags": ["cooperation"],
        "question": "How do we start?",
        "summary": "The first session.",
        "notions": [{"title": "Listening", "text": "Taking time to listen."}],
        "quotes": [{"speaker": "paul-durand", "lang": "fr", "text": "Let us start together."}],
        "partners": ["atelier-nord"],
        "next_session": {"number": 2, "note": "What comes next."},
    }
    assert Session.model_validate(merged).title == "Meeting"


def test_merge_accepts_a_neutral_fact_repeated_identically() -> None:
    en = english(SESSION_EN.replace('title: "Meeting"', 'title: "Meeting"\ncity: Lille\nnumber: 1'))
    assert merge_translation(Session, FR, en)[1] == []


def test_merge_reads_an_empty_neutral_fact_in_the_translation_as_not_written() -> None:
    """Decap writes `city: null` or `tags: null` in the English file for a fact its English pane
    does not show (duplicating an entry...): the French one stands, and nothing disagrees."""
    en = english(SESSION_EN.replace('title: "Meeting"', 'title: "Meeting"\ncity: null\ntags: null\ndates:\n  end: null')
                 .replace('  - text: "Let us start together."', '  - text: "Let us start together."\n    speaker: null'))
    merged, errors, _ = merge_translation(Session, FR, en)
    assert errors == []
    assert (merged["city"], merged["tags"], merged["dates"]) == (
        "Lille", ["cooperation"], {"start": datetime.date(2025, 1, 16), "end": datetime.date(2025, 1, 17)})
    assert merged["quotes"][0]["speaker"] == "paul-durand"


def test_merge_reports_disagreements_leaf_by_leaf() -> None:
    en = english(
        SESSION_EN.replace(
            'title: "Meeting"',
            'title: "Meeting"\nnumber: 2\ndates:\n  start: 2025-01-16\n  end: 2025-01-18\ntags: [industrie]',
        ).replace('  - text: "Let us start together."', '  - text: "Let us start together."\n    speaker: anne-martin')
    )
    merged, errors, _ = merge_translation(Session, FR, en)
    path, source = "sessions/parcours-demo/session-1.en.md", "sessions/parcours-demo/session-1.fr.md"
    tail = "; language-neutral facts are written once, in the French file"
    assert errors == [
        ContentError(path, 3, "number", f"'2' disagrees with the French source ('1' in {source}){tail}"),
        ContentError(path, 6, "dates.end", f"'2025-01-18' disagrees with the French source ('2025-01-17' in {source}){tail}"),
        ContentError(path, 7, "tags", f"[industrie] disagrees with the French source ([cooperation] in {source}){tail}"),
        ContentError(path, 16, "quotes[1].speaker", f"'anne-martin' disagrees with the French source ('paul-durand' in {source}){tail}"),
    ]
    # The French facts win in the merged data.
    assert (merged["number"], merged["dates"]["end"], merged["tags"]) == (1, datetime.date(2025, 1, 17), ["cooperation"])
    assert merged["quotes"][0]["speaker"] == "paul-durand"


FR_TWO_EACH = doc(SESSION_FR.replace(
    "quotes:\n", '  - title: "Coopérer"\n    text: "Faire ensemble."\nquotes:\n'
).replace("partners:", '  - speaker: anne-martin\n    lang: en\n    text: "Allons-y."\npartners:'))


def test_merge_completes_a_translation_that_lacks_items_with_the_source_s() -> None:
    """The French gained a notion and a quote after translation: the English has the first of
    each, and the second stand in, in French (paired by position)."""
    merged, errors, stand_ins = merge_translation(Session, FR_TWO_EACH, english(SESSION_EN))
    assert errors == []
    assert merged["notions"] == [
        {"title": "Listening", "text": "Taking time to listen."},
        {"title": "Coopérer", "text": "Faire ensemble."},
    ]
    assert merged["quotes"] == [
        {"speaker": "paul-durand", "lang": "fr", "text": "Let us start together."},
        {"speaker": "anne-martin", "lang": "en", "text": "Allons-y."},
    ]
    assert stand_ins == StandIns({"notions": frozenset({1}), "quotes": frozenset({1})})
    assert Session.model_validate(merged).notions[1].title == "Coopérer"


def test_merge_leaves_out_the_items_the_source_no_longer_has() -> None:
    en = english(SESSION_EN.replace("quotes:\n", '  - title: "Cooperating"\n    text: "Working together."\nquotes:\n'))
    merged, errors, stand_ins = merge_translation(Session, FR, en)
    assert (errors, stand_ins) == ([], StandIns())
    assert merged["notions"] == [{"title": "Listening", "text": "Taking time to listen."}]


def test_merge_of_a_translation_without_a_list_shows_each_item_of_the_source() -> None:
    en = english(SESSION_EN.replace('quotes:\n  - text: "Let us start together."\n', ""))
    merged, errors, stand_ins = merge_translation(Session, FR, en)
    assert (errors, stand_ins) == ([], StandIns({"quotes": frozenset({0})}))
    assert merged["quotes"] == [{"speaker": "paul-durand", "lang": "fr", "text": "Commençons ensemble."}]
    empty = english(SESSION_EN.replace('quotes:\n  - text: "Let us start together."\n', "quotes: []\n"))
    assert merge_translation(Session, FR, empty) == (merged, [], StandIns({"quotes": frozenset({0})}))


def test_merge_leaves_out_a_next_session_the_source_no_longer_announces() -> None:
    without = doc(SESSION_FR.replace('next_session:\n  number: 2\n  note: "La suite."\n', ""))
    merged, errors, stand_ins = merge_translation(Session, without, english(SESSION_EN))
    assert (errors, stand_ins) == ([], StandIns())
    assert "next_session" not in merged
    assert Session.model_validate(merged).next_session is None


def test_counts_differ_says_which_list_and_what_to_do() -> None:
    en = english(SESSION_EN.replace('quotes:\n  - text: "Let us start together."\n', "quotes: []\n"))
    assert [(path, str(problem)) for path, problem in counts_differ(Session, FR_TWO_EACH.meta, en.meta)] == [
        ("notions", "the French source has 2, this translation has 1: translate each one, in the same order"),
        ("quotes", "the French source has 2, this translation has 0: translate each one, in the same order"),
    ]
    assert counts_differ(Session, FR.meta, english(SESSION_EN).meta) == []


FR_PHOTO = doc(SESSION_FR.replace("next_session:", 'image:\n  file: images/salle.jpg\n  alt: "La salle."\n'
                                                   '  caption: "Les participants réunis."\n  credit: "X"\nnext_session:'))


def test_a_caption_the_translation_lacks_stands_in_in_french_and_keeps_it_in_progress() -> None:
    """The English translates the photo's alt but not its caption: the French caption stands in
    (a text of StandIns), and the translation cannot be complete, even once marked."""
    without_caption = SESSION_EN.replace("next_session:", 'image:\n  alt: "The room."\nnext_session:')
    en = english(without_caption)
    merged, errors, stand_ins = merge_translation(Session, FR_PHOTO, en)
    assert errors == []
    assert merged["image"] == {"alt": "The room.", "caption": "Les participants réunis.", "file": "images/salle.jpg",
                               "credit": "X"}
    assert stand_ins == StandIns(texts=frozenset({"image.caption"}))
    assert [(path, str(problem)) for path, problem in untranslated(Session, FR_PHOTO.meta, en.meta)] == [
        ("image.caption", "the French source has one: translate it too")]
    marked = english(with_source_version(without_caption, source_version(Session, FR_PHOTO)))
    assert state_of(Session, FR_PHOTO, marked) is TranslationState.IN_PROGRESS
    translated = english(SESSION_EN.replace("next_session:", 'image:\n  alt: "The room."\n  caption: "Gathered."\n'
                                                             'next_session:'))
    assert merge_translation(Session, FR_PHOTO, translated).stand_ins == StandIns()
    assert untranslated(Session, FR_PHOTO.meta, translated.meta) == []
    # No caption in the French: none to translate.
    assert untranslated(Session, doc(SESSION_FR.replace("next_session:", 'image:\n  file: images/salle.jpg\n'
                                                        '  alt: "La salle."\nnext_session:')).meta, en.meta) == []


def test_merge_drops_translation_of_and_fills_programme_and_partner_facts() -> None:
    programme_fr = doc(
        "---\nid: p\ntitle: T\norganiser: O\nsponsor: s\nsessions_planned: 6\ndescription: D\n---\n",
        "sessions/p/programme.fr.md",
    )
    programme_en = doc("---\ntitle: T en\norganiser: O\ndescription: D en\ntranslation_of: x\n---\n", "sessions/p/programme.en.md")
    assert merge_translation(Programme, programme_fr, programme_en) == (
        {"title": "T en", "organiser": "O", "description": "D en", "id": "p", "sponsor": "s", "sessions_planned": 6},
        [], StandIns(),
    )
    partner_fr = doc(
        "---\nid: a\nname: A\nkind: association\nwebsite: https://a.example\nmission: M\n---\n", "partners/a.fr.md"
    )
    partner_en = doc("---\nname: A\nmission: M en\n---\n", "partners/a.en.md")
    assert merge_translation(Partner, partner_fr, partner_en) == (
        {"name": "A", "mission": "M en", "id": "a", "kind": "association", "website": "https://a.example"},
        [], StandIns(),
    )
