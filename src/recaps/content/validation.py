"""Validate raw front matter against a model; turn pydantic's errors into editors' words."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import ValidationError

from .errors import ContentError
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


def describe_value(value: Any) -> str:
    if isinstance(value, str):
        return f"'{shorten(value)}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"'{shorten(str(value))}'"


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


def message_for(model: type[Content], error: dict) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    location = tuple(error["loc"])
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        close = _suggestion(model, location)
        if close:
            return f"unknown field; did you mean '{close}'?"
        allowed = [name for name in _allowed_fields(model, location[:-1]) if name != "translation_of"]
        return "unknown field (allowed here: " + ", ".join(allowed) + ")"
    if kind in ("string_too_short", "too_short"):
        return "must not be empty"
    if kind in ("string_too_long", "too_long"):
        limit = ctx.get("max_length")
        at_most = f"; at most {limit:,}" if isinstance(limit, int) else ""
        if isinstance(value, str):
            return f"is too long ({len(value):,} characters{at_most})"
        return f"has too many items (at most {limit:,})" if isinstance(limit, int) else "has too many items"
    if kind in ("string_type",):
        return f"must be text, not {describe_value(value)}"
    if kind == "string_pattern_mismatch":
        if value == "":
            return "must not be empty"
        return (
            f"{describe_value(value)} is not a valid id: use lowercase letters a-z, digits and "
            "hyphens, e.g. la-ruche-industrielle"
        )
    if kind in ("int_type", "int_parsing", "int_from_float", "finite_number"):
        return f"must be a whole number, not {describe_value(value)}"
    if kind == "int_parsing_size":
        return f"must be between 1 and 999, not {describe_value(value)}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"must be between 1 and 999, not {describe_value(value)}"
    if kind == "date_from_datetime_inexact":
        return f"{describe_value(value)} has a time of day: write the date alone, YYYY-MM-DD"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        if value == "YYYY-MM-DD":
            return "write the date in place of YYYY-MM-DD, e.g. 2025-01-16"
        return f"{describe_value(value)} is not a real date (write it YYYY-MM-DD, e.g. 2025-01-16)"
    if kind in ("list_type", "tuple_type"):
        return f"must be a list, not {describe_value(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"must be a mapping of fields, not {describe_value(value)}"
    if kind == "literal_error":
        return f"{describe_value(value)} is not one of: {ctx.get('expected', '')}".replace("'", "'")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


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
        # A misspelt field is reported once, as unknown with its suggestion, not also as missing.
        misspelt = {
            tuple(e["loc"][:-1]) + (suggestion,)
            for e in details
            if e["type"] == "extra_forbidden" and (suggestion := _suggestion(model, tuple(e["loc"])))
        }
        for error in details:
            location = tuple(error["loc"])
            if error["type"] == "missing" and location in misspelt:
                continue
            if error["type"] == "value_error" and location == ():
                location = ()
            if written is not None and error["type"] != "missing" and not _is_written(location, written):
                continue
            errors.append(
                ContentError(doc.path, doc.line_of(location), field_name(location), message_for(model, error))
            )
        return None, errors


def _is_written(location: tuple, written: set[tuple]) -> bool:
    return any(location[: len(w)] == w for w in written)
