"""How the items of a list translated one by one (notions, quotes) pair with the French source's.

By position: the translation's first item translates the source's first, and so on, as README
asks ("same number, same order"). Nothing else could pair them: a notion has no id, its title is
translated, and the speaker of a quote is a fact the translation does not repeat. When the
source gains items after translation, those the translation lacks (the last ones) stand in
French in the translated page, each marked as French; when it loses some, the translation's
items beyond the source's count translate items the source no longer has: they are left out.
Either way the translation is not complete (``untranslated``): `recaps status` says so and
`recaps mark-translated` refuses to mark it until each item is translated. A photo's caption the
French has and the translation lacks stands in the same way (``texts_lacking``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..messages import Message, message
from .models import PARALLEL_LISTS, TRANSLATED_PART_TEXTS, Content


@dataclass(frozen=True)
class StandIns:
    """What a translation lacks, which the French source's stands in for in its page: the
    positions of the items of each list translated one by one (``pair_items``), and the
    optional texts of a translated part (``texts_lacking``: "image.caption")."""

    items: Mapping[str, frozenset[int]] = field(default_factory=dict)
    texts: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.items or self.texts)

    def hold(self, field_name: str) -> bool:
        """Whether ``field_name`` is in what stands in: a text (``image.caption``), or in an
        item (``notions[3].title``, the 1-based position of a message)."""
        if field_name in self.texts:
            return True
        for path, indexes in self.items.items():
            for index in indexes:
                at = f"{path}[{index + 1}]"
                if field_name == at or field_name.startswith(at + "."):
                    return True
        return False


def _lists(model: type[Content], source_meta: dict, translation_meta: dict):
    """(path, the source's items, the translation's items) for each list translated one by
    one that both hold as lists (absent: no items); one that is not a list is the schema's to report."""
    for path in PARALLEL_LISTS[model]:
        theirs, ours = source_meta.get(path, []), translation_meta.get(path, [])
        if isinstance(theirs, list) and isinstance(ours, list):
            yield path, theirs, ours


def pair_items(model: type[Content], source_meta: dict, merged: dict) -> dict[str, frozenset[int]]:
    """Make each list of ``merged`` (the translation's data) pair item by item with the
    source's: cut to the source's count, completed with the source's items it lacks. Returns
    the positions of those stand-ins, by list (none: the translation has every item)."""
    stand_ins = {}
    for path, theirs, ours in _lists(model, source_meta, merged):
        if path in merged or theirs:
            merged[path] = ours[: len(theirs)] + [_copy(item) for item in theirs[len(ours):]]
        if len(ours) < len(theirs):
            stand_ins[path] = frozenset(range(len(ours), len(theirs)))
    return stand_ins


def texts_lacking(model: type[Content], source_meta: dict, translation_meta: dict) -> list[str]:
    """The optional texts of a translated part (``image.caption``) that the source has and the
    translation, which translates that part, does not."""
    lacking = []
    for path in TRANSLATED_PART_TEXTS.get(model, ()):
        part, text = path.split(".")
        theirs, ours = source_meta.get(part), translation_meta.get(part)
        if isinstance(theirs, dict) and theirs.get(text) is not None and isinstance(ours, dict) and ours.get(text) is None:
            lacking.append(path)
    return lacking


def untranslated(model: type[Content], source_meta: dict, translation_meta: dict) -> list[tuple[str, Message]]:
    """(field, what to do) for each list the translation does not translate item by item, and
    each text of the source's photo it lacks."""
    return counts_differ(model, source_meta, translation_meta) + [
        (path, message("the French source has one: translate it too"))
        for path in texts_lacking(model, source_meta, translation_meta)
    ]


def counts_differ(model: type[Content], source_meta: dict, translation_meta: dict) -> list[tuple[str, Message]]:
    """(list, what to do) for each list the translation does not translate item by item."""
    return [
        (path, message(
            "the French source has {theirs}, this translation has {ours}: translate each one, in "
            "the same order", theirs=len(theirs), ours=len(ours),
        ))
        for path, theirs, ours in _lists(model, source_meta, translation_meta)
        if len(theirs) != len(ours)
    ]


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data
