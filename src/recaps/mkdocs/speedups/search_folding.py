"""Accent-free twins of the search index's fields: a query typed without accents ("ecosysteme",
"foret", "Boel", "coeur") finds the accented words ("écosystème", "forêt", "Boël", "cœur").

Material builds the lunr index in its search worker, from search_index.json, and a site cannot
add a pipeline function there: its `pipeline` setting only removes lunr's own functions. What it
does index is every field named in the index's `fields` setting, each with its boost. So beside
`title`, `text` and `tags`, an entry gets `title_folded`, `text_folded` and `tags_folded`: the
words of that field that carry diacritics, lowercased and without them (and without the first
one's only, for a capital typed unaccented: "Ecosystème"), each twin with its field's boost, so
that either spelling of a word finds the same documents in the same order.
What readers see is untouched: results show the accented text, and a query typed with accents
is highlighted in it as before; the words a query typed without accents found are marked in the
results and on the page a result opens by docs/assets/search-accents.js.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

SUFFIX = "_folded"
FOLDED_FIELDS = ("title", "text", "tags")
_TAG = re.compile(r"<[^>]*>")
# Letters that are not a base letter plus a combining mark, written as readers type them.
_LETTERS = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})


def fold(word: str) -> str:
    """``word`` lowercased, without diacritics: "Écosystème" -> "ecosysteme", "cœur" -> "coeur"."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def twin_fields(fields: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Material's field settings, with a twin of title, text and tags at the same boost."""
    twins = {name + SUFFIX: dict(fields[name]) for name in FOLDED_FIELDS if name in fields}
    return {**fields, **twins}


@functools.cache
def _separator(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@functools.lru_cache(maxsize=1 << 16)  # the same words come back in page after page
def _spellings(word: str) -> tuple[str, ...]:
    """The ways ``word`` may be typed without its accents: folded, and with only its first letter
    folded when that one is accented ("Écosystème": "ecosysteme", "ecosystème"), as capitals
    often are; none for a word without diacritics."""
    lower = word.lower()
    plain = fold(lower)
    if plain == lower:
        return ()
    initial = fold(lower[0]) + lower[1:]
    return (plain,) if initial in (lower, plain) else (plain, initial)


def _folded_words(text: str, separator: re.Pattern[str]) -> list[str]:
    """The spellings without accents of the words of ``text`` (HTML, split as Material's
    tokenizer splits it)."""
    return [spelling for word in separator.split(_TAG.sub(" ", text)) if word and not word.isascii()
            for spelling in _spellings(word)]


def twins(entry: dict[str, Any], separator: str) -> dict[str, Any]:
    """The twin fields of a search entry (none for a field whose words have no diacritics)."""
    pattern = _separator(separator)
    found: dict[str, Any] = {}
    for name in FOLDED_FIELDS[:2]:  # title and text: HTML
        value = entry.get(name)
        if value and not value.isascii():
            words = _folded_words(value, pattern)
            if words:
                found[name + SUFFIX] = " ".join(words)
    tags = [spelling for tag in entry.get("tags") or () for spelling in _spellings(tag)]
    if tags:
        found["tags" + SUFFIX] = tags
    return found
