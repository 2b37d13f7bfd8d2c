"""The field reference for editors, generated from the models so that it never drifts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic.fields import FieldInfo

from ..content.models import Content, Partner, Person, Programme, Session, Tag

# Which file each model describes, in the order editors meet them, and its name for readers.
REFERENCE = (
    (Programme, "sessions/<programme>/programme.fr.md", {"fr": "Programme", "en": "Programme"}),
    (Session, "sessions/<programme>/session-<n>.fr.md", {"fr": "Récit de session", "en": "Session recap"}),
    (Partner, "partners/<id>.fr.md", {"fr": "Partenaire", "en": "Partner"}),
    (Person, "sessions/people.yml (people:)", {"fr": "Personne", "en": "Person"}),
    (Tag, "sessions/tags.yml (tags:)", {"fr": "Étiquette", "en": "Tag"}),
)


@dataclass(frozen=True)
class FieldRow:
    name: str
    required: bool
    description: str


@dataclass(frozen=True)
class ModelReference:
    anchor: str
    name: str
    file: str
    fields: tuple[FieldRow, ...]


_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def description(info: FieldInfo, lang: str) -> str:
    """A field's description in ``lang``, with the site's curly apostrophes (the models' English
    is written as code is)."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return _APOSTROPHE.sub("\u2019", str(extra.get(lang) or info.description or ""))


def _submodel(annotation: Any) -> tuple[type[Content] | None, bool]:
    """The model a field holds (and whether as a list of them), if any."""
    if isinstance(annotation, type) and issubclass(annotation, Content):
        return annotation, False
    is_list = getattr(annotation, "__origin__", None) is list
    for arg in getattr(annotation, "__args__", ()) or ():
        found, inner_list = _submodel(arg)
        if found is not None:
            return found, is_list or inner_list
    return None, False


def _rows(model: type[Content], lang: str, prefix: str = "") -> list[FieldRow]:
    """Every field, sub-fields included (``dates.start``, ``quotes[].speaker``)."""
    rows = []
    for name, info in model.model_fields.items():
        rows.append(FieldRow(prefix + name, info.is_required(), description(info, lang)))
        inner, is_list = _submodel(info.annotation)
        if inner is not None:
            rows += _rows(inner, lang, f"{prefix}{name}{'[]' if is_list else ''}.")
    return rows


def field_reference(lang: str) -> list[ModelReference]:
    return [
        ModelReference(model.__name__.lower(), names[lang], file, tuple(_rows(model, lang)))
        for model, file, names in REFERENCE
    ]
