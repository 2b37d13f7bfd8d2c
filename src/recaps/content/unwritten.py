"""Whether an English file holds any translation yet.

An English file that is empty, that holds only whitespace (a web editor saves one holding a
single newline), or that holds what `recaps new` writes and nothing more is a *missing*
translation, as if it were absent: no error, the French publishes, the English site shows the
notice page. "What `recaps new` writes" is read from the data, not the text, so that comments,
blank lines and line endings do not matter: every value empty (an empty text, list or mapping, or
mappings and lists of those) or the text the scaffold fills in for that field, and the body
empty or the scaffold's placeholder. `recaps new` writes its English files with the texts below
(``PREFILLED``, ``PLACEHOLDER_BODIES``), so that the two cannot part.

A file with one text of its own is being translated: it is checked, and its errors reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .decoding import decode
from .files import read_bytes
from .front_matter import RawDocument
from .models import Content, Partner, Session

# The texts `recaps new` fills in for the translator in an English file, by field.
PREFILLED: dict[type[Content], dict[str, str]] = {
    Session: {"author": "The editorial team"},
    Partner: {},
}

# The placeholder body of an English file `recaps new` writes.
PLACEHOLDER_BODIES: dict[type[Content], str] = {
    Session: "The story of the session, in Markdown. Headings start at level 2 (`##`).",
    Partner: "The partner's presentation, in Markdown. Headings start at level 2 (`##`).",
}


def is_blank(text: str) -> bool:
    """Empty, or whitespace only."""
    return not text.strip()


def is_blank_file(root: Path, rel: str) -> bool:
    """Whether the file at ``rel`` reads (safely, as every content file) and is blank."""
    data, _ = read_bytes(root, rel)
    text, _ = decode(rel, data) if data is not None else (None, [])
    return text is not None and is_blank(text)


def holds_no_translation(model: type[Content], document: RawDocument) -> bool:
    """Whether an English file that reads holds nothing translated yet (its ``translation_of``,
    if someone marked it, translates nothing either)."""
    body = document.body.strip()
    if body and body != PLACEHOLDER_BODIES.get(model):
        return False
    prefilled = PREFILLED.get(model, {})
    return all(
        key == "translation_of" or _empty(value) or (key in prefilled and value == prefilled[key])
        for key, value in document.meta.items()
    )


def _empty(value: Any) -> bool:
    """Nothing written: no value, an empty text, or a list or mapping of nothing but those."""
    if value is None:
        return True
    if isinstance(value, str):
        return is_blank(value)
    if isinstance(value, dict):
        return all(_empty(item) for item in value.values())
    if isinstance(value, list):
        return all(_empty(item) for item in value)
    return False  # a number, a date, true or false: written by someone
