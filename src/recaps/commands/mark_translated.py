"""`recaps mark-translated`: record in an English file the version of its French source it
translates, so that `recaps status` sees it up to date."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..content.errors import ContentError
from ..content.loader import MODELS, read_item_file
from ..content.marking import with_source_version
from ..content.pairing import untranslated
from ..content.translation import source_version
from ..content.unwritten import holds_no_translation
from ..messages import Message, message
from .language import language_option, say
from .repository import pass_root


@click.command("mark-translated")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@language_option
@pass_root
def mark_translated(root: Path, files: tuple[Path, ...], lang: str) -> None:
    """Record that each English FILE is up to date with its French source.

    FILE is the English file (…/<id>.en.md), relative to the repository root or the current folder.
    """
    failed = False
    for given in files:
        problems = _mark(root, given, lang)
        for problem in problems:
            say(problem, lang)
        failed = failed or bool(problems)
    if failed:
        sys.exit(1)


def _mark(root: Path, given: Path, lang: str) -> list[Message | ContentError]:
    """Mark one file and say so; or what stops it, with the file left as it was."""
    rel = _relative(root, given)
    if rel.startswith(("/", "../")):
        return [message("{file}: is not inside the repository ({root})", file=given, root=root.resolve())]
    if not rel.endswith(".en.md"):
        return [message("{file}: not an English translation (the file name must end in .en.md)", file=rel)]
    source_rel = rel[: -len(".en.md")] + ".fr.md"
    for path in (rel, source_rel):
        if not (root / path).is_file():
            return [message("{file}: does not exist", file=path)]
    model = MODELS[_kind_of(rel)]
    source, errors = read_item_file(root, model, source_rel)
    translation, translation_errors = read_item_file(root, model, rel)
    if source is None or translation is None:
        # Never rewrite a file that does not read (not UTF-8, front matter never closed...).
        return [*errors, *translation_errors]
    unfinished = _unfinished(model, source, translation)
    if unfinished:
        return unfinished
    version = source_version(model, source)
    target = root / rel
    raw = target.read_bytes().decode("utf-8")
    target.write_bytes(with_source_version(raw, version).encode("utf-8"))
    say(message("{file}: marked as translating {source} (version {version})", file=rel, source=source_rel,
                version=version), lang)
    return []


def _unfinished(model, source, translation) -> list[ContentError]:
    """Why the translation cannot be marked as complete yet: it translates nothing, or not
    each item of a list translated one by one, or not the source photo's caption (the file is
    left as it was)."""
    if holds_no_translation(model, translation):
        return [ContentError(translation.path, 0, "", message(
            "nothing is translated yet: translate {source} into it, then mark it", source=source.path))]
    return [ContentError(translation.path, translation.line_of(tuple(path.split("."))), path, problem)
            for path, problem in untranslated(model, source.meta, translation.meta)]


def _relative(root: Path, given: Path) -> str:
    candidate = given if given.is_absolute() else (Path.cwd() / given)
    try:
        return candidate.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return given.as_posix()


def _kind_of(rel: str) -> str:
    if rel.startswith("partners/"):
        return "partner"
    if rel.startswith("docs/"):
        return "page"
    if rel.rsplit("/", 1)[-1].startswith("programme."):
        return "programme"
    return "session"
