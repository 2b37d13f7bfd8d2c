"""Loading one item: read its files, check its bodies, validate both languages, merge the translation.

An item depends on its own files only (what links items is checked once all are loaded, in
``references``), so each loads on its own, and ``recaps serve`` may keep it while they are
unchanged (``load_cache``).
"""

from __future__ import annotations

import re
from pathlib import Path

from .discovery import ItemFiles
from .errors import ContentError, ErrorReport
from .markup import check_body
from .pairing import StandIns
from .models import NEUTRAL_FIELDS, SOURCE_LANGUAGE, Content, Page
from .reader import MarkdownParts, RawDocument, read_markdown, read_markdown_parts
from .sitemodel import MODELS, Item, M, ProgrammeItem, StatusRow
from .translation import TranslationState, merge_translation, state_of
from .unwritten import holds_no_translation, is_blank_file
from .validation import validate
from ..messages import message

Loaded = tuple["Item | None", list[ContentError]]


def read_item_file(root: Path, model: type[Content], rel: str) -> tuple[RawDocument | None, list[ContentError]]:
    """Hand-written pages may go without front matter; content files may not."""
    return read_markdown(root, rel, front_matter_required=model is not Page)


def read_item_parts(root: Path, model: type[Content], rel: str) -> MarkdownParts:
    """As read_item_file, each part of the file as far as it reads: what the check needs."""
    return read_markdown_parts(root, rel, front_matter_required=model is not Page)


def load_item(root: Path, files: ItemFiles, bodies: bool) -> Loaded:
    """The item (None if it does not load) and the errors found in its files.

    ``bodies=False`` checks the Markdown bodies but does not keep them (for `check` and `status`).
    """
    report = ErrorReport()
    item = _load_item(root, files, MODELS[files.kind], report)
    if item is not None and not bodies:
        for document in item.documents.values():
            document.body = ""  # checked already; only pages need it, and it is most of the data
            document.meta = {}  # validated into item.content; line numbers stay in document.lines
    return item, report.errors


def _load_item(root: Path, files: ItemFiles, model: type[M], report: ErrorReport) -> Item[M] | None:
    item_id, paths = files.id, files.paths
    item_class = ProgrammeItem if files.kind == "programme" else Item
    item = item_class(kind=files.kind, id=item_id, model=model, paths=dict(paths))
    unwritten = False  # an English file that holds no translation yet: a missing translation
    for lang, rel in paths.items():
        if lang == SOURCE_LANGUAGE:
            parts = read_item_parts(root, model, rel)
        else:
            parts, unwritten = read_translation(root, model, rel)
        report.extend(parts.errors)
        if parts.body is not None:  # also where the front matter does not read: all errors in one run
            report.extend(check_body(rel, parts.body, parts.body_line))
        if parts.document is not None:
            item.documents[lang] = parts.document

    source = item.documents.get(SOURCE_LANGUAGE)
    translation = item.documents.get("en")
    if SOURCE_LANGUAGE not in paths:
        report.add(paths["en"], 0, "", message("translation without its French source ({file} is missing)",
                                               file=_sibling(paths["en"])))
        item.state = TranslationState.ORPHAN
        return None
    if source is None:
        if translation is not None:  # checked alone: its own fields, not what it shares with the source
            _translation(model, RawDocument(paths[SOURCE_LANGUAGE], {}), translation, report, alone=True)
        return None

    if "translation_of" in source.meta:
        report.add(source.path, source.line_of(("translation_of",)), "translation_of",
                   message("belongs in the English translation only, not in the French source"))
    content, errors = validate(model, source, {k: v for k, v in source.meta.items() if k != "translation_of"})
    report.extend(errors)
    # The translation is checked even when its source is not valid: all errors in one run.
    translated = _translation(model, source, translation, report) if translation is not None else None
    if content is None:
        return None
    item.content[SOURCE_LANGUAGE] = content
    item.state = _state(model, source, translation, "en" in paths and not unwritten)
    if translated is not None:
        item.content["en"], item.stand_ins = translated
    return item


def read_translation(root: Path, model: type[Content], rel: str) -> tuple[MarkdownParts, bool]:
    """An English file as far as it reads, and whether it holds no translation yet (empty,
    whitespace only, or as `recaps new` wrote it: ``unwritten``); such a file is a missing
    translation, not an error: it comes back with nothing read and no error."""
    parts = read_item_parts(root, model, rel)
    if parts.document is None:
        unwritten = is_blank_file(root, rel)
    else:
        unwritten = not parts.errors and holds_no_translation(model, parts.document)
    return (MarkdownParts(None, None, 1, []), True) if unwritten else (parts, False)


def _state(model: type[Content], source: RawDocument | None, translation: RawDocument | None,
           written: bool) -> TranslationState:
    """The translation's state: ``written``, an English file with something translated in it."""
    if not written:
        return TranslationState.MISSING
    if translation is None:  # written, and does not read
        return TranslationState.IN_PROGRESS
    if source is None:  # no telling what changed; unless the English was never marked
        return TranslationState.STALE if "translation_of" in translation.meta else TranslationState.IN_PROGRESS
    return state_of(model, source, translation)


def _translation(model: type[M], source: RawDocument, translation: RawDocument, report: ErrorReport,
                 alone: bool = False) -> tuple[M, StandIns] | None:
    """The English content, completed with the source's language-neutral facts and the items
    it lacks (their positions too), or None. ``alone``: the source did not read, the
    translation is checked on its own fields, its lists as written."""
    merged, errors, stand_ins = merge_translation(model, source, translation, paired=not alone)
    report.extend(errors)
    written = {loc for loc in translation.lines if loc}
    translated, errors = validate(model, translation, merged, written=written)
    # Problems in the source's stand-in items and neutral facts are the source's, reported there.
    errors = [e for e in errors if not _is_neutral(model, e.field) and not stand_ins.hold(e.field)]
    report.extend(errors)
    return (translated, stand_ins) if translated is not None and not errors else None


def _is_neutral(model: type[Content], field_name: str) -> bool:
    """Whether a field is a language-neutral fact: the merged translation holds the source's value,
    so a problem with it is the source's, reported there."""
    pattern = re.sub(r"\[\d+\]", ".*", field_name)
    return any(pattern == path or pattern.startswith(path + ".") for path in NEUTRAL_FIELDS[model])


def _sibling(rel: str) -> str:
    return re.sub(r"\.en\.md$", ".fr.md", rel)


def status_row(root: Path, files: ItemFiles, item: Item | None) -> StatusRow:
    """The item's translation state, for `recaps status`."""
    paths = files.paths
    if SOURCE_LANGUAGE not in paths:
        state = TranslationState.ORPHAN
    elif "en" not in paths:
        state = TranslationState.MISSING
    elif item is not None:
        state = item.state
    else:
        state = _state_from_files(root, files.kind, paths)
    return StatusRow(files.kind, files.status_id, paths.get(SOURCE_LANGUAGE), paths.get("en"), state)


def _state_from_files(root: Path, kind: str, paths: dict[str, str]) -> TranslationState:
    """State of an item that failed validation, from whatever of its files still reads."""
    model = MODELS[kind]
    source, _ = read_item_file(root, model, paths[SOURCE_LANGUAGE])
    parts, unwritten = read_translation(root, model, paths["en"])
    return _state(model, source, parts.document if parts.closed else None, not unwritten)
