"""What recaps tells editors, in their language: English message ids, French from a catalogue.

A message is written once, in English, with named fields: ``message("no person '{id}'", id=...)``.
It stays a value (``Message``) until it is printed, so that one run can be reported in French or in
English. The French texts are in ``locale/fr/LC_MESSAGES/recaps.po``, a gettext catalogue that
Babel reads and updates (``pybabel extract -k message``; README says how); a message the
catalogue does not hold yet is printed in English rather than not at all.

The language is the one the editor asks for (``--lang``), else the environment's locale
(LC_ALL, LC_MESSAGES, LANG, in that order, as gettext reads them): French when it is French,
English otherwise.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from importlib import resources

from babel.messages.pofile import read_po

LANGUAGES = ("fr", "en")
DOMAIN = "recaps"


@dataclass(frozen=True, order=True)
class Message:
    """A message in waiting: its English text with ``{named}`` fields, and the fields' values."""

    text: str
    fields: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, lang: str) -> str:
        values = {name: _in(value, lang) for name, value in self.fields}
        return translated(self.text, lang).format(**values)


def message(text: str, **fields: object) -> Message:
    return Message(text, tuple(fields.items()))


def _in(value: object, lang: str) -> object:
    return value.in_language(lang) if isinstance(value, Message) else value


def in_language(text: "Message | str", lang: str) -> str:
    """A message in ``lang``; a plain string is the same in every language."""
    return text.in_language(lang) if isinstance(text, Message) else text


def translated(text: str, lang: str) -> str:
    """``text`` in ``lang``: itself in English, the catalogue's French where it has one."""
    if lang == "en":
        return text
    return _catalogue(lang).get(text) or text


@functools.cache
def _catalogue(lang: str) -> dict[str, str]:
    """The catalogue's translations, leaving out the empty and the fuzzy (not reviewed) ones."""
    source = resources.files("recaps") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with source.open("rb") as file:
        catalogue = read_po(file, locale=lang)
    return {entry.id: entry.string for entry in catalogue
            if entry.id and isinstance(entry.id, str) and entry.string and not entry.fuzzy}


def language_of_environment(environ: os._Environ | dict[str, str] | None = None) -> str:
    """French when the locale the environment sets for messages is French, English otherwise."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"
