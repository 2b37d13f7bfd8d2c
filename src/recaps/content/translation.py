"""Pairing a French source with its English translation.

The English file carries what is translated; language-neutral facts come from the French file.
If the English repeats one, it must agree. Lists translated item by item are paired by position
(``pairing``). ``source_version`` fingerprints the French text an English file translates, and
``recaps mark-translated`` writes it in the English file: until then the translation is in
progress; once the French changes, it is stale.
"""

from __future__ import annotations

import functools
import hashlib
import json
import typing
from enum import Enum
from typing import Any, NamedTuple

from pydantic import TypeAdapter, ValidationError

from .errors import ContentError
from ..messages import Message, message, plural_message
from .models import NEUTRAL_FIELDS, PARALLEL_LISTS, TRANSLATED_PARTS, Content
from .pairing import StandIns, pair_items, texts_lacking, untranslated
from .partial_validation import without_none
from .reader import RawDocument
from .validation import describe_value, shorten, field_name

_MISSING = object()


class TranslationState(str, Enum):
    COMPLETE = "complete"  # marked with the French's current version, every item translated
    MISSING = "missing"  # no English file, or one that holds nothing translated yet (unwritten)
    IN_PROGRESS = "in progress"  # written, never marked (or not every item translated)
    STALE = "stale"  # marked, and the French changed since
    ORPHAN = "orphan"  # an English file without its French source


def _copy(data: Any) -> Any:
    """A copy of front matter (plain dicts, lists and scalars): deepcopy's generality costs 4x."""
    if type(data) is dict:
        return {key: _copy(value) for key, value in data.items()}
    if type(data) is list:
        return [_copy(value) for value in data]
    return data


def _split(path: str) -> list[str]:
    return path.split(".")


def _get(data: Any, parts: list[str]) -> Any:
    for part in parts:
        if isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return _MISSING
    return data


def _expand(data: Any, parts: list[str], prefix: tuple = ()) -> list[tuple]:
    """Concrete locations of a neutral path in ``data`` ("*" expanded over list items)."""
    if not parts:
        return [prefix]
    head, rest = parts[0], parts[1:]
    if head == "*":
        if not isinstance(data, list):
            return []
        return [loc for i, item in enumerate(data) for loc in _expand(item, rest, prefix + (i,))]
    if isinstance(data, dict) and head in data:
        return _expand(data[head], rest, prefix + (head,))
    return []


def _at(data: Any, location: tuple) -> Any:
    for part in location:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return data


def _set(data: Any, location: tuple, value: Any) -> None:
    for part in location[:-1]:
        if isinstance(data, dict):
            data = data.setdefault(part, {})
        else:
            data = data[part]
    data[location[-1]] = value


class Merged(NamedTuple):
    data: dict  # the translation's front matter, completed with the source's neutral facts
    errors: list[ContentError]  # where it repeats a neutral fact and disagrees
    stand_ins: StandIns  # what it lacks, in the source's words (pairing)


def merge_translation(model: type[Content], source: RawDocument, translation: RawDocument,
                      paired: bool = True) -> Merged:
    """The translation's front matter completed with the source's language-neutral facts, its
    lists paired item by item with the source's (``pairing``; not if ``paired`` is False)."""
    merged = _copy(translation.meta)
    merged.pop("translation_of", None)
    stand_ins = StandIns()
    if paired:
        _without_what_the_source_lacks(model, source.meta, merged)
        items = pair_items(model, source.meta, merged)
        for part in TRANSLATED_PARTS.get(model, ()):  # the source's photo, its text to translate
            if isinstance(source.meta.get(part), dict) and merged.get(part) is None:
                merged[part] = {}
        texts = texts_lacking(model, source.meta, merged)
        for path in texts:  # the source's caption, in French
            part, text = path.split(".")
            merged[part][text] = _copy(source.meta[part][text])
        stand_ins = StandIns(items, frozenset(texts))
    errors: list[ContentError] = []
    for path in NEUTRAL_FIELDS[model]:
        for location in _expand(source.meta, _split(path)):
            value = _at(source.meta, location)
            errors += _disagreements(model, source, translation, location, value)
            if _can_hold(merged, location):
                _set(merged, location, _copy(value))
    return Merged(merged, errors, stand_ins)


def _without_what_the_source_lacks(model: type[Content], source_meta: dict, merged: dict) -> None:
    """Leave out a part of the translation whose language-neutral facts the source does not
    have (a ``next_session`` the French took out): it translates nothing the source says."""
    for part in {path.split(".")[0] for path in NEUTRAL_FIELDS[model] if "." in path}:
        if source_meta.get(part) is None and part not in PARALLEL_LISTS[model]:
            merged.pop(part, None)


def _disagreements(
    model: type[Content], source: RawDocument, translation: RawDocument, location: tuple, value: Any
) -> list[ContentError]:
    """Where the translation repeats the neutral fact at ``location`` with another value."""
    written = _at(translation.meta, location)
    return [
        ContentError(
            translation.path, translation.line_of(where), field_name(where),
            message("{value} disagrees with the French source ({source_value} in {source}); language-neutral facts "
                    "are written once, in the French file", value=_fact(ours), source_value=_fact(theirs),
                    source=source.path),
        )
        for where, ours, theirs in _differences(model, location, written, value)
    ]


def _can_hold(merged: dict, location: tuple) -> bool:
    """Whether the merged front matter has a place for the value at ``location`` (not an item
    past the end of a shorter list, nor a field inside a value that is not a mapping)."""
    container = _at(merged, location[:-1]) if len(location) > 1 else merged
    if isinstance(container, dict):
        return True
    return isinstance(container, list) and isinstance(location[-1], int) and location[-1] < len(container)


def _differences(model: type[Content], location: tuple, written: Any, value: Any) -> list[tuple[tuple, Any, Any]]:
    """Where the translation's ``written`` differs from the source's ``value``, down to leaves.
    An empty value (null) is not written: Decap writes one for a fact its English pane does not
    show, which the source's then stands for, as it does for a fact left out."""
    if written is _MISSING or written is None or written == value:
        return []
    if isinstance(written, dict) and isinstance(value, dict):
        return [
            difference
            for key in [*value, *(k for k in written if k not in value)]
            for difference in _differences(model, location + (key,), written.get(key, _MISSING), value.get(key, _MISSING))
        ]
    if _same_when_read(model, location, written, value):
        return []
    return [(location, written, value)]


def _same_when_read(model: type[Content], location: tuple, written: Any, value: Any) -> bool:
    """Whether two values the YAML wrote differently are one fact once read as the field reads
    them: `number: "5"` and `number: 5`, `city: "Lyon "` and `city: Lyon`, a quoted date."""
    reader = _field_reader(model, tuple("*" if isinstance(part, int) else part for part in location))
    if reader is None or written is _MISSING or value is _MISSING:
        return False
    try:
        return reader.validate_python(written) == reader.validate_python(value)
    except ValidationError:
        return False


@functools.lru_cache(maxsize=None)
def _field_reader(model: type[Content], path: tuple) -> TypeAdapter | None:
    """A reader of the field at ``path`` ("*": an item of a list) as the model reads it."""
    annotation: Any = model
    for part in path:
        annotation = without_none(annotation)
        if part == "*":
            if typing.get_origin(annotation) is not list:
                return None
            (annotation,) = typing.get_args(annotation)
        elif isinstance(annotation, type) and issubclass(annotation, Content) and part in annotation.model_fields:
            info = annotation.model_fields[part]
            annotation = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        else:
            return None
    return TypeAdapter(annotation)


def _fact(value: Any) -> Message | str:
    if value is _MISSING:
        return message("nothing")
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return shorten("[" + ", ".join(str(v) for v in value) + "]")
    return describe_value(value)


def _neutral_tree(paths: tuple[str, ...]) -> dict:
    """("quotes.*.speaker", "id") -> {"quotes": {"*": {"speaker": None}}, "id": None}."""
    tree: dict = {}
    for path in paths:
        *parents, leaf = _split(path)
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = None
    return tree


_NEUTRAL_TREES = {model: _neutral_tree(paths) for model, paths in NEUTRAL_FIELDS.items()}


def _without(data: Any, tree: dict) -> Any:
    """A copy of ``data`` without the values ``tree`` names ("*": in each item of a list)."""
    if type(data) is dict:
        copy = {}
        for key, value in data.items():
            if key == "*" or key not in tree:
                copy[key] = _copy(value)
            elif tree[key] is not None:
                copy[key] = _without(value, tree[key])
        return copy
    if type(data) is list and "*" in tree:
        return [_without(item, tree["*"]) for item in data]
    return _copy(data)


def translatable_content(model: type[Content], source: RawDocument) -> dict:
    """What a translator translates: the French front matter minus neutral facts, plus the body."""
    data = _without(source.meta, _NEUTRAL_TREES[model])
    data.pop("translation_of", None)
    return {"front_matter": data, "body": source.body.strip()}


def source_version(model: type[Content], source: RawDocument) -> str:
    canonical = json.dumps(
        translatable_content(model, source), sort_keys=True, ensure_ascii=False, default=str
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def _version(written: Any) -> Any:
    """``translation_of`` as source_version writes it: a version is hexadecimal digits, which
    an editor may write in upper case, or copy with spaces around; YAML reads one made of
    decimal digits alone, written without quotes, as a number."""
    if isinstance(written, int) and not isinstance(written, bool):
        return str(written)
    return written.strip().lower() if isinstance(written, str) else written


def state_of(model: type[Content], source: RawDocument | None, translation: RawDocument | None) -> TranslationState:
    """The state of a translation that reads (an unwritten one is ``None``: missing)."""
    if source is None:
        return TranslationState.ORPHAN
    if translation is None:
        return TranslationState.MISSING
    marked = translation.meta.get("translation_of")
    if marked is None:
        return TranslationState.IN_PROGRESS
    if _version(marked) != source_version(model, source):
        return TranslationState.STALE
    if untranslated(model, source.meta, translation.meta):
        return TranslationState.IN_PROGRESS  # marked, then an item taken out of the translation
    return TranslationState.COMPLETE
