"""Reading a content file into a :class:`RawDocument`: its front matter as plain data with the
line of every value, and its Markdown body.

Each step is its own module, in order: ``files`` reads the bytes safely (inside the repository,
a regular file, of bounded size), ``decoding`` makes them text (UTF-8, no control characters),
``front_matter`` splits a Markdown file into front matter and body, and ``yaml_lines`` reads the
YAML as plain data with the line of every key, refusing what editorial content should not do.
A file's problems come back as ``ContentError``s, every one the editor may fix in one run.
:func:`read_markdown_parts`, for the check, reads each part as far as it reads (``front_matter``).
"""

from __future__ import annotations

from pathlib import Path

from .decoding import decode
from .errors import ContentError
from .files import read_bytes
from .front_matter import MarkdownParts, RawDocument, split_front_matter, split_markdown
from .yaml_lines import YamlProblem, parse_yaml
from ..messages import message

__all__ = ["MarkdownParts", "RawDocument", "read_markdown", "read_markdown_parts", "read_yaml_file", "split_front_matter"]

MAX_REGISTRY_VALUES = 100_000  # values in a registry such as sessions/people.yml


def read_markdown(
    root: Path, rel_path: str, front_matter_required: bool = True
) -> tuple[RawDocument | None, list[ContentError]]:
    """A Markdown file: its front matter and body (a page may go without front matter)."""
    text, errors = _read_text(root, rel_path)
    if text is None:
        return None, errors
    if not front_matter_required and not text.startswith("---"):
        return RawDocument(rel_path, {}, text, 1, {}), []
    return split_front_matter(rel_path, text)


def read_markdown_parts(root: Path, rel_path: str, front_matter_required: bool = True) -> MarkdownParts:
    """A Markdown file's front matter and body, each as far as it reads: what the check needs."""
    text, errors = _read_text(root, rel_path)
    if text is None:
        return MarkdownParts(None, None, 1, errors)
    if not front_matter_required and not text.startswith("---"):
        return MarkdownParts(RawDocument(rel_path, {}, text, 1, {}), text, 1, [])
    return split_markdown(rel_path, text)


def read_yaml_file(root: Path, rel_path: str) -> tuple[RawDocument | None, list[ContentError]]:
    """A registry file: the whole file is one YAML mapping."""
    text, errors = _read_text(root, rel_path)
    if text is None:
        return None, errors
    problems: list[YamlProblem] = []
    try:
        meta, where = parse_yaml(text, first_line=1, max_values=MAX_REGISTRY_VALUES, problems=problems)
    except YamlProblem as problem:
        return None, [noted.error(rel_path) for noted in [*problems, problem]]
    if not isinstance(meta, dict):
        return None, [ContentError(rel_path, 1, "", message("must be fields written as 'name: value' lines"))]
    return RawDocument(rel_path, meta, "", 1, where), [noted.error(rel_path) for noted in problems]


def _read_text(root: Path, rel_path: str) -> tuple[str | None, list[ContentError]]:
    data, errors = read_bytes(root, rel_path)
    if data is None:
        return None, errors
    return decode(rel_path, data)
