"""An item's content as far as it validates: for the checks that need only some of its fields.

Where a front matter does not validate, pydantic says why but gives no content, and the checks
made on content (the references, the number against the file name) would wait until everything
else is fixed: one run per kind of mistake. :func:`partial_content` reads each field on its own,
as the model reads it: a field that validates has its value; one that does not, or is missing,
is None (its error is the validation's, already reported), so that no check runs on it and no
mistake is reported twice. A mapping of fields (the dates, a quote) that does not validate is
read the same way, field by field, unless its own rule fails (a range that ends before it
starts): then none of its values can be trusted, and it is None. A list keeps its items in
place (``quotes[2]`` stays the second), each as far as it validates.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from .models import Content

M = TypeVar("M", bound=Content)


def partial_content(model: type[M], data: Any) -> M | None:
    """``data`` read by ``model`` as far as it validates (None where none of it can be read).

    Valid data gives the content itself. Otherwise the result is built without validation
    (``model_construct``): each value in it is the field's validated value, or None."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        if any(not error["loc"] for error in exc.errors(include_url=False)):
            return None  # not a mapping, or the model's own rule fails: no value is trusted
    values = {name: _field(model, name, data) for name in model.model_fields}
    return model.model_construct(**values)


def _field(model: type[Content], name: str, data: dict) -> Any:
    info = model.model_fields[name]
    if name not in data:
        return None if info.is_required() else info.get_default(call_default_factory=True)
    raw = data[name]
    try:
        return _reader(model, name).validate_python(raw)
    except ValidationError:
        pass
    annotation = without_none(info.annotation)
    if _is_model(annotation):
        return partial_content(annotation, raw)
    if typing.get_origin(annotation) is list and isinstance(raw, list):
        (item,) = typing.get_args(annotation)
        return [_item(model, name, item, value) for value in raw]
    return None


def _item(model: type[Content], name: str, annotation: Any, raw: Any) -> Any:
    """An item of the list ``name``, as far as it validates."""
    if _is_model(annotation):
        return partial_content(annotation, raw)
    try:
        return _item_reader(model, name).validate_python(raw)
    except ValidationError:
        return None


@functools.lru_cache(maxsize=None)
def _reader(model: type[Content], name: str) -> TypeAdapter:
    """The field ``name`` read as the model reads it, constraints included."""
    info = model.model_fields[name]
    annotation = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(annotation)


@functools.lru_cache(maxsize=None)
def _item_reader(model: type[Content], name: str) -> TypeAdapter:
    """An item of the list field ``name``, read as the model reads each."""
    (item,) = typing.get_args(without_none(model.model_fields[name].annotation))
    return TypeAdapter(item)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Content)


def without_none(annotation: Any) -> Any:
    """``NextSession | None`` -> ``NextSession``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kept = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(kept) == 1:
            return kept[0]
    return annotation
