"""A Markdown file's text split into its YAML front matter, read as plain data, and its body.

The front matter is the YAML between a first line ``---`` and the next line ``---`` (or
``...``); the body is everything after. A :class:`RawDocument` holds both, with the file line of
every value of the front matter (``yaml_lines``) and of the body's first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .errors import ContentError
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


# A line closing the front matter: '---' or '...', maybe followed by spaces (as str.rstrip drops),
# found from the line break before it, which the search jumps to (far faster than a '^' search).
_CLOSING_LINE = re.compile(r"\n(?:---|\.\.\.)[^\S\n]*(?=\n|\Z)")


def split_front_matter(path: str, text: str) -> tuple[RawDocument | None, list[ContentError]]:
    """Split a Markdown file into YAML front matter (between '---' lines) and its body."""
    if not text or text.isspace():
        return None, [ContentError(path, 1, "", message("the file is empty: it must start with front matter between '---' lines"))]
    first_break = text.find("\n")
    if first_break < 0:
        first_break = len(text)
    if text[:first_break].rstrip() != "---":
        return None, [ContentError(path, 1, "", message("front matter is missing: the file must start with a line '---'"))]
    closing = _CLOSING_LINE.search(text, first_break)
    if closing is None:
        return None, [ContentError(path, 1, "", message("front matter is never closed: add a line '---' after it"))]
    problems: list[YamlProblem] = []
    try:
        meta, where = parse_yaml(text[first_break + 1 : closing.start()], first_line=2, problems=problems)
    except YamlProblem as problem:
        return None, [noted.error(path) for noted in [*problems, problem]]
    if meta is None:
        return None, [ContentError(path, 1, "", message("front matter is empty"))]
    if not isinstance(meta, dict):
        return None, [ContentError(path, 2, "", message("front matter must be fields written as 'name: value' lines"))]
    body = text[closing.end() + 1 :]
    body_line = text.count("\n", 0, closing.start()) + 3  # two lines after the one that ends there
    return RawDocument(path, meta, body, body_line, where), [noted.error(path) for noted in problems]
