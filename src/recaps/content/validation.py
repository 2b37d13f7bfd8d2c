"""Validate raw front matter against a model; turn pydantic's errors into editors' words."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import ValidationError

from .errors import ContentError
from ..messages import Message, Number, message, message_of
from .models import Content
from .reader import RawDocument

M = TypeVar("M", bound=Content)


def field_name(location: tuple) -> str:
    """('notions', 0, 'title') -> 'notions[1].title' (items counted from 1, as editors do)."""
    name = ""
    for part in location:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += ("." if name else "") + str(part)
    return name


MAX_SHOWN = 60  # characters of a value quoted back in a message


def shorten(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def describe_value(value: Any) -> Message | str:
    if isinstance(value, str):
        return message("'{value}'", value=shorten(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return message("nothing")
    if isinstance(value, dict):
        return message("a group of fields")
    if isinstance(value, list):
        return message("a list")
    return message("'{value}'", value=shorten(str(value)))


def _allowed_fields(model: type[Content], location: tuple) -> list[str]:
    """Field names accepted at ``location`` (the parent of an unknown field)."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _model_in(info.annotation)
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, Content):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _suggestion(model: type[Content], location: tuple) -> str | None:
    """The allowed field an unknown field at ``location`` was probably meant to be."""
    allowed = [name for name in _allowed_fields(model, location[:-1]) if name != "translation_of"]
    close = difflib.get_close_matches(str(location[-1]), allowed, n=1, cutoff=0.6)
    return close[0] if close else None


# pydantic's error types, in editors' words; {value} is the value given, as describe_value says it.
_WORDS = {
    "missing": message("is required but missing"),
    "string_too_short": message("must not be empty"),
    "too_short": message("must not be empty"),
    "string_type": message("must be text, not {value}"),
    "int_type": message("must be a whole number, not {value}"),
    "int_parsing": message("must be a whole number, not {value}"),
    "int_from_float": message("must be a whole number, not {value}"),
    "finite_number": message("must be a whole number, not {value}"),
    "int_parsing_size": message("must be between 1 and 999, not {value}"),
    "greater_than_equal": message("must be between 1 and 999, not {value}"),
    "less_than_equal": message("must be between 1 and 999, not {value}"),
    "date_from_datetime_inexact": message("{value} has a time of day: write the date alone, YYYY-MM-DD"),
    "list_type": message("must be a list, not {value}"),
    "tuple_type": message("must be a list, not {value}"),
    "model_type": message("must be fields ('name: value' lines), not {value}"),
    "dict_type": message("must be fields ('name: value' lines), not {value}"),
    "model_attributes_type": message("must be fields ('name: value' lines), not {value}"),
}


def _too_long(value: Any, ctx: dict) -> Message:
    limit = ctx.get("max_length")
    if isinstance(value, str) and isinstance(limit, int):
        return message("is too long ({length} characters; at most {limit})", length=Number(len(value)),
                       limit=Number(limit))
    if isinstance(value, str):
        return message("is too long ({length} characters)", length=Number(len(value)))
    if isinstance(limit, int):
        return message("has too many items (at most {limit})", limit=Number(limit))
    return message("has too many items")


def _not_an_id(value: Any, ctx: dict) -> Message:
    if value == "":
        return message("must not be empty")
    return message("{value} is not a valid id: use lowercase letters a-z, digits and hyphens, e.g. "
                   "la-ruche-industrielle", value=describe_value(value))


def _not_a_date(value: Any, ctx: dict) -> Message:
    if value == "YYYY-MM-DD":
        return message("write the date in place of YYYY-MM-DD, e.g. 2025-01-16")
    return message("{value} is not a real date (write it YYYY-MM-DD, e.g. 2025-01-16)", value=describe_value(value))


def _not_one_of(value: Any, ctx: dict) -> Message:
    return message("{value} is not one of: {expected}", value=describe_value(value), expected=ctx.get("expected", ""))


# The error types whose words depend on the value or on the limit.
_MESSAGES = {
    "string_too_long": _too_long,
    "too_long": _too_long,
    "string_pattern_mismatch": _not_an_id,
    "date_type": _not_a_date,
    "date_parsing": _not_a_date,
    "date_from_datetime_parsing": _not_a_date,
    "literal_error": _not_one_of,
}


def message_for(model: type[Content], error: dict) -> Message | str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return _unknown_field(model, tuple(error["loc"]))
    if kind == "value_error":
        raised = ctx.get("error")
        return message_of(raised) if isinstance(raised, Exception) else error["msg"]
    if kind in _MESSAGES:
        return _MESSAGES[kind](value, ctx)
    if kind in _WORDS:
        return _WORDS[kind].with_fields(value=describe_value(value))
    return error["msg"]  # pydantic's own words, for an error the models cannot cause (yet)


def _unknown_field(model: type[Content], location: tuple) -> Message:
    close = _suggestion(model, location)
    if close:
        return message("unknown field; did you mean '{field}'?", field=close)
    allowed = [name for name in _allowed_fields(model, location[:-1]) if name != "translation_of"]
    return message("unknown field (allowed here: {fields})", fields=", ".join(allowed))


def validate(
    model: type[M],
    doc: RawDocument,
    data: dict | None = None,
    written: set[tuple] | None = None,
) -> tuple[M | None, list[ContentError]]:
    """Validate ``data`` (by default the document's front matter) against ``model``.

    Errors are located with the document's line map. With ``written``, only errors about values
    this document wrote itself (or requires) are reported: the rest were reported on its source.
    """
    try:
        return model.model_validate(doc.meta if data is None else data), []
    except ValidationError as exc:
        errors = []
        details = exc.errors(include_url=False)
        misspelt = _misspelt(model, details)
        for error in details:
            location = tuple(error["loc"])
            if error["type"] == "missing" and location in misspelt:
                continue
            if written is not None and error["type"] != "missing" and not _is_written(location, written):
                continue
            errors.append(
                ContentError(doc.path, doc.line_of(location), field_name(location), message_for(model, error))
            )
        return None, errors


def _misspelt(model: type[Content], details: list[dict]) -> set[tuple]:
    """Where the fields that unknown fields were probably meant to be are: a misspelt field is
    reported once, as unknown with its suggestion, not also as missing."""
    return {
        tuple(e["loc"][:-1]) + (suggestion,)
        for e in details
        if e["type"] == "extra_forbidden" and (suggestion := _suggestion(model, tuple(e["loc"])))
    }


def _is_written(location: tuple, written: set[tuple]) -> bool:
    return any(location[: len(w)] == w for w in written)
