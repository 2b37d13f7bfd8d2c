"""The registries of sessions/: people (required) and tags (optional), each id given once."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from .errors import ErrorReport
from .models import LANGUAGES, TagRegistry
from .reader import RawDocument, read_yaml_file
from .sitemodel import M
from .validation import validate
from ..messages import message


def load_registry(root: Path, rel: str, model: type[M], report: ErrorReport,
                  required: bool) -> tuple[M | None, set[str] | None]:
    """The registry, and the ids of its entries that are written but invalid (their errors are
    reported: references to them are not reported again). ``None`` for the ids when the file
    cannot tell which entries it has: then no reference to the registry is checked."""
    if not (root / rel).exists():
        if required:
            report.add(rel, 0, "", message("is missing"))
        return None, None
    document, errors = read_yaml_file(root, rel)
    report.extend(errors)
    if document is None:
        return None, None
    registry, errors = validate(model, document)
    report.extend(errors)
    broken: set[str] | None = set()
    if registry is None:
        registry, broken = _valid_entries(model, document.meta)
        if registry is None:
            return None, None
    entries = getattr(registry, next(iter(model.model_fields)))
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.id in seen:
            report.add(rel, document.line_of((next(iter(model.model_fields)), index)), "id",
                       message("'{id}' is used twice (also item {item})", id=entry.id, item=seen[entry.id] + 1))
        seen.setdefault(entry.id, index)
    if model is TagRegistry:
        _check_tag_labels(rel, document, entries, report)
    return registry, broken


def _valid_entries(model: type[M], meta: object) -> tuple[M | None, set[str] | None]:
    """One invalid person must not turn off the checks of every other: the registry of the
    entries that validate, and the ids of those that do not (``None`` if one has no readable id,
    or if the file is not a list of entries at all)."""
    key = next(iter(model.model_fields))
    written = meta.get(key) if isinstance(meta, dict) else None
    if not isinstance(written, list):
        return None, None
    entry_model = model.model_fields[key].annotation.__args__[0]
    valid, broken = [], set()
    for entry in written:
        try:
            valid.append(entry_model.model_validate(entry))
        except ValidationError:
            written_id = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(written_id, str):
                return None, None
            broken.add(written_id)
    return model.model_construct(**{key: valid}), broken


def _check_tag_labels(rel: str, document: RawDocument, tags: list, report: ErrorReport) -> None:
    """Two tags with one label in a language would share one listing, and readers could not
    tell them apart."""
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for index, tag in enumerate(tags):
            label = tag.label.get(lang)
            if label in seen and seen[label] != tag.id:
                report.add(rel, document.line_of(("tags", index, "label", lang)), f"tags[{index + 1}].label.{lang}",
                           message("'{label}' is also the label of the tag '{other}': give each tag its own",
                                   label=label, other=seen[label]))
            seen.setdefault(label, tag.id)
