"""What recaps tells editors, in their language: English message ids, French from a catalogue.

A message is written once, in English, with named fields: ``message("no person '{id}'", id=...)``;
one said of a number of things has its two English forms, ``plural_message("{count} error found",
"{count} errors found", count)``. It stays a value (``Message``) until it is printed, so that one
run can be reported in French or in English. A field may itself be a message (said in the same
language), a ``Number`` (written the language's way: 5,000 or 5 000) or a ``Listing`` of them.

The French texts are in ``locale/fr/LC_MESSAGES/recaps.po``, a gettext catalogue that Babel
extracts and updates (``pybabel extract -F babel.cfg -k message -k plural_message:1,2``, then
``pybabel update``: README says how) and reads here, the plural forms chosen by the catalogue's
own Plural-Forms (in French, 0 and 1 are singular). A message the catalogue does not hold yet is
said in English rather than not at all.

The language is the one the editor asks for (``--lang``), else the environment's locale
(LC_ALL, LC_MESSAGES, LANG, in that order, as gettext reads them): French when it is French,
English otherwise.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
from dataclasses import dataclass
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES = ("fr", "en")
DOMAIN = "recaps"


@dataclass(frozen=True)
class Message:
    """A message in waiting: its English text with ``{named}`` fields, and the fields' values;
    for a message said of ``count`` things, its English plural too."""

    text: str
    fields: tuple[tuple[str, object], ...] = ()
    plural: str | None = None
    count: int = 1

    def __str__(self) -> str:
        return self.in_language("en")

    def with_fields(self, **fields: object) -> "Message":
        """The same message with more fields (for a text written once and filled in at each use)."""
        return Message(self.text, (*self.fields, *fields.items()), self.plural, self.count)

    def in_language(self, lang: str) -> str:
        values = {name: in_language(value, lang) for name, value in self.fields}
        translations = _translations(lang)
        if self.plural is None:
            text = translations.gettext(self.text)
        else:
            text = translations.ngettext(self.text, self.plural, self.count)
        return text.format(**values)


@dataclass(frozen=True)
class Number:
    """A number in a message, written the language's way: 5,000 and 2.1 in English, 5 000 and 2,1
    in French; with ``decimals`` digits after the decimal point (none for a whole number)."""

    value: int | float
    decimals: int = 0

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, lang: str) -> str:
        pattern = "#,##0" + ("." + "0" * self.decimals if self.decimals else "")
        return format_decimal(self.value, format=pattern, locale=lang)


@dataclass(frozen=True)
class Listing:
    """Several values in a message, each said in the message's language, separated by commas."""

    items: tuple[object, ...]

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, lang: str) -> str:
        return ", ".join(in_language(item, lang) for item in self.items)


def message(text: str, **fields: object) -> Message:
    return Message(text, tuple(fields.items()))


def plural_message(singular: str, plural: str, count: int, **fields: object) -> Message:
    """A message about ``count`` things; ``count`` is also its field ``{count}``, written as a ``Number``."""
    return Message(singular, (("count", Number(count)), *fields.items()), plural, count)


def message_of(error: BaseException) -> Message | str:
    """What an exception raised with a message (``ValueError(message(...))``) says; else its text."""
    said = error.args[0] if len(error.args) == 1 else None
    return said if isinstance(said, Message) else str(error)


def in_language(text: object, lang: str) -> str:
    """What says itself in ``lang`` (a message, a number, a content error) said so; anything else
    as it is written, the same in every language."""
    say = getattr(text, "in_language", None)
    return say(lang) if callable(say) else str(text)


@functools.cache
def _translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang`` as gettext reads it (English: the ids themselves).

    The .po file is read by Babel and made into the .mo form gettext reads, leaving out the
    empty and the fuzzy (not reviewed) translations."""
    if lang == "en":
        return gettext.NullTranslations()
    source = resources.files("recaps") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with source.open("rb") as file:
        catalogue = read_po(file, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def language_of_environment(environ: os._Environ | dict[str, str] | None = None) -> str:
    """French when the locale the environment sets for messages is French, English otherwise."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"
