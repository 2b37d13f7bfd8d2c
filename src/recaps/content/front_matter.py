"""A Markdown file's text split into its YAML front matter, read as plain data, and its body.

The front matter is the YAML between a first line ``---`` and the next line ``---`` (or
``...``); the body is everything after. A :class:`RawDocument` holds both, with the file line of
every value of the front matter (``yaml_lines``) and of the body's first line.

:func:`split_front_matter` gives a document only where the front matter is read whole.
:func:`split_markdown`, for the check, reads as much as can be read: the body where the front
matter does not parse (its end is known), and where the front matter is never closed, its
longest leading part that can be front matter (``unclosed``), with the body after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .errors import ContentError
from .unclosed import leading_front_matter
from .yaml_lines import Location, YamlProblem, parse_yaml
from ..messages import message


@dataclass
class RawDocument:
    """Front matter as plain data, the Markdown body, and where each value was written."""

    path: str
    meta: dict[str, Any]
    body: str = ""
    body_line: int = 1
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int:
        """Line of the value at ``location``, or of its closest written ancestor."""
        location = tuple(location)
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return self.lines.get((), 1)


@dataclass
class MarkdownParts:
    """A Markdown file as far as it reads: the document (None where no front matter reads), the
    body wherever its place is known (None where it is not), and the file's errors."""

    document: RawDocument | None
    body: str | None
    body_line: int
    errors: list[ContentError]
    closed: bool = True  # False: the front matter is never closed, the document a guess at it


# A line closing the front matter: '---' or '...', maybe followed by spaces (as str.rstrip drops),
# found from the line break before it, which the search jumps to (far faster than a '^' search).
_CLOSING_LINE = re.compile(r"\n(?:---|\.\.\.)[^\S\n]*(?=\n|\Z)")
_NEVER_CLOSED = message("front matter is never closed: add a line '---' after it")


def split_front_matter(path: str, text: str) -> tuple[RawDocument | None, list[ContentError]]:
    """Split a Markdown file into YAML front matter (between '---' lines) and its body; no
    document unless the front matter is read whole (mark-translated never rewrites such a file)."""
    parts = split_markdown(path, text)
    if not parts.closed:
        return None, [ContentError(path, 1, "", _NEVER_CLOSED)]
    return parts.document, parts.errors


def split_markdown(path: str, text: str) -> MarkdownParts:
    """The front matter and body of a Markdown file, each as far as it reads."""
    if not text or text.isspace():
        return MarkdownParts(None, None, 1, [ContentError(
            path, 1, "", message("the file is empty: it must start with front matter between '---' lines"))])
    first_break = text.find("\n")
    if first_break < 0:
        first_break = len(text)
    if text[:first_break].rstrip() != "---":
        return MarkdownParts(None, None, 1, [ContentError(
            path, 1, "", message("front matter is missing: the file must start with a line '---'"))])
    closing = _CLOSING_LINE.search(text, first_break)
    if closing is None:
        return _unclosed(path, text, first_break)
    body_line = text.count("\n", 0, closing.start()) + 3  # two lines after the one that ends there
    return _parts(path, text[first_break + 1 : closing.start()], text[closing.end() + 1 :], body_line)


def _unclosed(path: str, text: str, first_break: int) -> MarkdownParts:
    """A front matter never closed: its leading part that can be front matter read and checked,
    the rest checked as the body, and the editor told up to which line it was read."""
    yaml_text, body, body_line = leading_front_matter(text[first_break + 1 :], first_line=2)
    if not yaml_text:
        return MarkdownParts(None, body, body_line, [ContentError(path, 1, "", _NEVER_CLOSED)], closed=False)
    never_closed = ContentError(path, 1, "", message(
        "front matter is never closed: add a line '---' where it ends (read here up to line {line})",
        line=body_line - 1))
    parts = _parts(path, yaml_text, body, body_line)
    parts.errors.insert(0, never_closed)
    parts.closed = False
    return parts


def _parts(path: str, yaml_text: str, body: str, body_line: int) -> MarkdownParts:
    """The front matter's YAML read into a document, or its errors; the body either way."""
    problems: list[YamlProblem] = []
    try:
        meta, where = parse_yaml(yaml_text, first_line=2, problems=problems)
    except YamlProblem as problem:
        return MarkdownParts(None, body, body_line, [noted.error(path) for noted in [*problems, problem]])
    if meta is None:
        return MarkdownParts(None, body, body_line, [ContentError(path, 1, "", message("front matter is empty"))])
    if not isinstance(meta, dict):
        return MarkdownParts(None, body, body_line, [ContentError(
            path, 2, "", message("front matter must be fields written as 'name: value' lines"))])
    document = RawDocument(path, meta, body, body_line, where)
    return MarkdownParts(document, body, body_line, [noted.error(path) for noted in problems])
