"""The field reference for editors, generated from the models so that it never drifts."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic.fields import FieldInfo

from .models import NEUTRAL_FIELDS, Partner, Person, Programme, Session, Tag

# Which file each model describes, in the order editors meet them.
REFERENCE = (
    (Programme, "sessions/<programme>/programme.fr.md"),
    (Session, "sessions/<programme>/session-<n>.fr.md"),
    (Partner, "partners/<id>.fr.md"),
    (Person, "sessions/people.yml (people:)"),
    (Tag, "sessions/tags.yml (tags:)"),
)


@dataclass(frozen=True)
class FieldRow:
    name: str
    required: bool
    neutral: bool
    description: str


@dataclass(frozen=True)
class ModelReference:
    name: str
    file: str
    fields: tuple[FieldRow, ...]


def description(info: FieldInfo, lang: str) -> str:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return str(extra.get(lang) or info.description or "")


def field_reference(lang: str) -> list[ModelReference]:
    references = []
    for model, file in REFERENCE:
        neutral = {path.split(".")[0] for path in NEUTRAL_FIELDS.get(model, ()) if "." not in path}
        rows = tuple(
            FieldRow(name, info.is_required(), name in neutral, description(info, lang))
            for name, info in model.model_fields.items()
        )
        references.append(ModelReference(model.__name__, file, rows))
    return references
