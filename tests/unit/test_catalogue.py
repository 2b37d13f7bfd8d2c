"""The French catalogue is complete and current: every message the source says has its reviewed
French, with the same {fields}, typeset the French way; and it reads as Babel writes it.

The ids are extracted from the source with Babel's own extractor, with the repository's mapping
(babel.cfg) and the keywords README's commands give ``pybabel extract``."""

from __future__ import annotations

import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "src" / "recaps" / "locale" / "fr" / "LC_MESSAGES" / "recaps.po"
KEYWORDS = {"message": None, "plural_message": (1, 2)}  # pybabel extract -k message -k plural_message:1,2


@pytest.fixture(scope="module")
def extracted() -> dict[str, tuple]:
    """Each message id of the source (a plural's singular) -> its ids as extracted, and where."""
    with open(REPO / "babel.cfg", encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    found: dict[str, tuple] = {}
    for filename, line, ids, _, _ in extract_from_dir(REPO, method_map, options_map, keywords=KEYWORDS):
        ids = ids if isinstance(ids, tuple) else (ids,)
        found.setdefault(ids[0], (ids, f"{filename}:{line}"))
    return found


@pytest.fixture(scope="module")
def catalogue():
    with open(CATALOGUE, "rb") as file:
        return read_po(file, locale="fr")


def _entries(catalogue) -> list:
    return [entry for entry in catalogue if entry.id]


def _ids(entry) -> tuple:
    return entry.id if isinstance(entry.id, tuple) else (entry.id,)


def _strings(entry) -> tuple:
    return entry.string if isinstance(entry.string, tuple) else (entry.string,)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_source_has_its_messages(extracted) -> None:
    assert len(extracted) > 250
    assert "front matter is never closed: add a line '---' after it" in extracted
    assert extracted["{count} error found"][0] == ("{count} error found", "{count} errors found")


def test_every_message_of_the_source_is_in_the_catalogue_and_no_other(extracted, catalogue) -> None:
    held = {_ids(entry)[0]: _ids(entry) for entry in _entries(catalogue)}
    missing = {ids: where for ids, where in extracted.values() if held.get(ids[0]) != ids}
    stale = sorted(set(held) - set(extracted))
    assert missing == {}, "run pybabel extract and update (README), then translate"
    assert stale == [], "run pybabel extract and update (README)"


def test_every_message_has_a_reviewed_french_text_with_its_fields(catalogue) -> None:
    for entry in _entries(catalogue):
        ids, strings = _ids(entry), _strings(entry)
        assert not entry.fuzzy, ids
        assert all(strings), ids
        assert len(strings) == (2 if len(ids) == 2 else 1), ids
        for text in (*ids[1:], *strings):
            assert _fields(text) == _fields(ids[0]), (ids, text)


# Before ':' a no-break space, before ';', '!' and '?' a narrow one, inside « » a no-break space;
# an apostrophe between letters is the typographic one. Code written as it is typed ('name: value',
# http://) has no space before its colon, and is left alone.
_SPACE_BEFORE = re.compile(r" [:;!?»]|[\u202f][:»]|(?<!«)\u00a0[;!?]")  # « ? » quotes a question mark
_SPACE_AFTER = re.compile(r"« ")
_APOSTROPHE = re.compile(r"[^\W\d_]'[^\W\d_]")


def test_the_french_is_typeset_the_french_way(catalogue) -> None:
    for entry in _entries(catalogue):
        for text in _strings(entry):
            assert not _SPACE_BEFORE.search(text), text
            assert not _SPACE_AFTER.search(text), text
            assert not _APOSTROPHE.search(text), text
            assert not re.search(r"«[^\u00a0]|[^\u00a0]»", text), text


def test_the_catalogue_reads_as_babel_writes_it(catalogue) -> None:
    # So that `pybabel update` changes only what changed in the source.
    written = io.BytesIO()
    write_po(written, catalogue, width=None, ignore_obsolete=True)
    assert written.getvalue().decode("utf-8") == CATALOGUE.read_text(encoding="utf-8")
