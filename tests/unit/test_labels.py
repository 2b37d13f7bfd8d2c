"""The interface labels (recaps.pages.i18n) are typeset: curly apostrophes, never straight ones."""

from __future__ import annotations

from recaps.pages import i18n


def test_no_label_has_a_straight_apostrophe() -> None:
    texts = [(key, lang, text) for table in (i18n.LABELS, i18n.PARTNER_KINDS)
             for key, langs in table.items() for lang, text in langs.items()]
    assert len(texts) > 150
    assert [(key, lang) for key, lang, text in texts if "'" in text] == []


def test_the_english_labels_that_had_straight_apostrophes() -> None:
    assert i18n.label("question", "en") == "The session\u2019s question"
    assert i18n.label("home_intro", "en") == "Recaps of our programmes\u2019 sessions, their key notions and their speakers."
    assert i18n.label("speakers_initials", "en") == "Speakers\u2019 initials"
    assert i18n.label("partners_initials", "en") == "Partners\u2019 initials"
