"""The registries of sessions/: people (required) and tags (optional), each id given once."""

from __future__ import annotations

from pathlib import Path

from .errors import ErrorReport
from .models import LANGUAGES, TagRegistry
from .reader import RawDocument, read_yaml_file
from .sitemodel import M
from .validation import validate
from ..messages import message


def load_registry(root: Path, rel: str, model: type[M], report: ErrorReport, required: bool) -> M | None:
    if not (root / rel).exists():
        if required:
            report.add(rel, 0, "", message("is missing"))
        return None
    document, errors = read_yaml_file(root, rel)
    report.extend(errors)
    if document is None:
        return None
    registry, errors = validate(model, document)
    report.extend(errors)
    if registry is None:
        return None
    entries = getattr(registry, next(iter(model.model_fields)))
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.id in seen:
            report.add(rel, document.line_of((next(iter(model.model_fields)), index)), "id",
                       message("'{id}' is used twice (also item {item})", id=entry.id, item=seen[entry.id] + 1))
        seen.setdefault(entry.id, index)
    if model is TagRegistry:
        _check_tag_labels(rel, document, entries, report)
    return registry


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
