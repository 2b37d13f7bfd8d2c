"""Decap CMS fields from the content models, as the field reference is made from them.

Each model field becomes a Decap field: its widget from its type (a short text, a long one, a
number, a date, one of a list of values, a reference to a partner, a person or a tag), its label
(``labels``), its hint from the model's French description, ``required`` as the model says
(but never inside an optional object, which Decap would then refuse to save empty), and, in the
collections edited in both languages, its ``i18n``: translated fields are written in each
language's file, language-neutral ones (``NEUTRAL_FIELDS``) in the French file only.
"""

from __future__ import annotations

import datetime
import types
import typing
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal

from pydantic import StringConstraints
from pydantic.fields import FieldInfo

from ..content.models import (
    MAX_SHORT_TEXT, Content, CoverImage, Logo, Partner, Portrait, Programme, Quote, Session, Url,
)
from .labels import ITEM_LABELS, ITEM_SUMMARIES, field_label

# Decap's relation widget, kept out of the English pane where the value is the French file's
# only (admin/relations.js).
RELATION_WIDGET = "recaps-relation"
# Decap's list widget, whose items show their French-only fields (i18n: none) in the French
# pane only: Decap's own list does not pass the fields' i18n down to its items (admin/lists.js).
LIST_WIDGET = "recaps-list"
PARTNERS_COLLECTION = "partners"
REGISTRIES_COLLECTION = "registries"  # the files sessions/people.yml and sessions/tags.yml


def _registry(file: str, search: list[str], display: str) -> dict:
    return {
        "collection": REGISTRIES_COLLECTION, "file": file, "value_field": f"{file}.*.id",
        "search_fields": [f"{file}.*.{name}" for name in search], "display_fields": [f"{file}.*.{display}"],
    }


_PEOPLE = _registry("people", ["name", "id"], "name")
_TAGS = _registry("tags", ["label.fr", "id"], "label.fr")
_PARTNERS = {
    "collection": PARTNERS_COLLECTION, "value_field": "id", "search_fields": ["name", "id"],
    "display_fields": ["name"],
}

# The fields that name another item (checked by recaps.content.references): where Decap finds them.
REFERENCES: dict[tuple[type[Content], str], dict] = {
    (Programme, "sponsor"): _PEOPLE,
    (Session, "host"): _PARTNERS,
    (Session, "tags"): _TAGS,
    (Session, "partners"): _PARTNERS,
    (Quote, "speaker"): _PEOPLE,
    (Partner, "people"): _PEOPLE,
}

# The fields that name an image file: Decap's image widget, which uploads into the collection's
# media folder (images/, next to the entry) and writes the path relative to the entry.
IMAGE_FILES = {(CoverImage, "file"), (Logo, "file"), (Portrait, "file")}
MEDIA = {"media_folder": "images", "public_folder": "images"}

_ID_MESSAGE = "Lettres minuscules sans accents, chiffres et tirets : la-ruche-industrielle"
_DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}


@dataclass(frozen=True)
class Place:
    """Where a field is: its path in the front matter ("quotes.*.speaker"), whether an object
    above it is optional, and the model's language-neutral paths (None: a collection edited in
    one file for both languages, without i18n)."""

    neutral: tuple[str, ...] | None
    path: str = ""
    optional: bool = False

    def child(self, name: str) -> "Place":
        return replace(self, path=f"{self.path}.{name}" if self.path else name)

    def is_neutral(self) -> bool:
        parts = self.path.split(".")
        return any(".".join(parts[:end]) in (self.neutral or ()) for end in range(1, len(parts) + 1))


def model_fields(model: type[Content], neutral: tuple[str, ...] | None) -> list[dict]:
    """The Decap fields of ``model``'s front matter, in the models' order (``translation_of``
    aside: the caller puts the translation's state where it belongs)."""
    return [
        decap_field(model, name, info, Place(neutral).child(name))
        for name, info in model.model_fields.items()
        if name != "translation_of"
    ]


def decap_field(model: type[Content], name: str, info: FieldInfo, place: Place) -> dict:
    annotation, optional = _without_none(_declared(info))
    field: dict[str, Any] = {"name": name, "label": field_label(model, name)}
    field.update(_widget(model, name, annotation, replace(place, optional=place.optional or optional)))
    # A language-neutral field of a list's items is not required: Decap would refuse to save the
    # whole entry without it (a quote's speaker not chosen yet); `recaps check` says it is missing.
    in_items = place.is_neutral() and "*" in place.path.split(".")
    if place.optional or optional or not info.is_required() or in_items:
        field["required"] = False
    hint = description_fr(info)
    if hint:
        field["hint"] = hint
    if place.neutral is not None:
        field["i18n"] = _i18n(field, place)
    return in_order(field)


_FIRST = ("name", "label", "widget")
_LAST = ("required", "default", "i18n", "hint", "label_singular", "summary", "collapsed", "fields")


def in_order(field: dict) -> dict:
    """A field's keys always in one order: what it is, its widget's options, then the rest."""
    middle = [key for key in field if key not in _FIRST and key not in _LAST]
    return {key: field[key] for key in (*_FIRST, *middle, *_LAST) if key in field}


def description_fr(info: FieldInfo) -> str:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return str(extra.get("fr") or info.description or "")


def _i18n(field: dict, place: Place) -> bool | str:
    """Translated (true), or the French file's only: 'none' (a list or an object says false,
    its widget's schema wanting a boolean; Decap reads it as 'none'). A list or an object is
    translated if anything in it is."""
    inner = field.get("fields", [])
    if inner:
        return any(sub.get("i18n") is True for sub in inner)
    return "none" if place.is_neutral() else True


def _widget(model: type[Content], name: str, annotation: Any, place: Place) -> dict:
    """The widget and its options for a value of type ``annotation``."""
    base, metadata = _parts(annotation)
    if (model, name) in REFERENCES:
        relation = {"widget": RELATION_WIDGET, **REFERENCES[model, name]}
        return {**relation, "multiple": True} if typing.get_origin(base) is list else relation
    if (model, name) in IMAGE_FILES:
        return {"widget": "image", "choose_url": False}
    if isinstance(base, type) and issubclass(base, Content):
        return {"widget": "object", "collapsed": False, "fields": _sub_fields(base, place)}
    if typing.get_origin(base) is list:
        return _list_widget(name, typing.get_args(base)[0], place)
    if typing.get_origin(base) is Literal:
        return {"widget": "select", "options": list(typing.get_args(base))}
    if base is datetime.date:
        return dict(_DATE)
    if base is int:
        bounds = {key: getattr(m, key) for m in metadata for key in ("ge", "le") if hasattr(m, key)}
        return {"widget": "number", "value_type": "int", "min": bounds["ge"], "max": bounds["le"], "step": 1}
    if base is str:
        return _text_widget(annotation, metadata)
    raise TypeError(f"no Decap widget for {model.__name__}.{name}: {annotation!r}")


def _list_widget(name: str, item: Any, place: Place) -> dict:
    base, _ = _parts(item)
    if not (isinstance(base, type) and issubclass(base, Content)):
        raise TypeError(f"no Decap widget for a list of {item!r} ({name})")
    fields = _sub_fields(base, place.child("*"))
    widget = LIST_WIDGET if any(sub.get("i18n") == "none" for sub in fields) else "list"
    return {"widget": widget, "label_singular": ITEM_LABELS[name], "summary": ITEM_SUMMARIES[name], "fields": fields}


def _sub_fields(model: type[Content], place: Place) -> list[dict]:
    return [
        decap_field(model, name, info, place.child(name))
        for name, info in model.model_fields.items()
    ]


def _text_widget(annotation: Any, metadata: tuple) -> dict:
    constraints = next((m for m in metadata if isinstance(m, StringConstraints)), None)
    if constraints is not None and constraints.pattern:
        return {"widget": "string", "pattern": [constraints.pattern, _ID_MESSAGE]}
    if annotation == Url or (constraints is not None and (constraints.max_length or 0) <= MAX_SHORT_TEXT):
        return {"widget": "string"}
    return {"widget": "text"}


def _declared(info: FieldInfo) -> Any:
    """A field's type as the model declares it, its constraints included."""
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def _without_none(annotation: Any) -> tuple[Any, bool]:
    """``X | None`` -> (X, True); anything else -> (it, False)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kept = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(kept) == 1:
            return kept[0], True
    return annotation, False


def _parts(annotation: Any) -> tuple[Any, tuple]:
    """``Annotated[str, constraints...]`` -> (str, constraints); anything else -> (it, ())."""
    if typing.get_origin(annotation) is Annotated:
        base, *metadata = typing.get_args(annotation)
        return base, tuple(metadata)
    return annotation, ()
