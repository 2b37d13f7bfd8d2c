"""The errors found in one Markdown body, each at the file line where the editor wrote it.

The checks find tags, attributes and addresses in the HTML the body becomes; what they find is
looked for in the body as written, code skipped (``mask_code``), to give its line.
"""

from __future__ import annotations

import html
import re
from functools import cached_property

from .errors import ContentError
from ..messages import Message

MAX_PROBLEMS = 20  # per body: past that, the rest is more of the same

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def mask_code(body: str) -> str:
    """The body with fenced code and code spans blanked out (same length, same lines)."""
    out = []
    fence = None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            out.append(" " * len(line))
            continue
        if match:
            fence = match.group(1)
            out.append(" " * len(line))
            continue
        out.append(_CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
    return "\n".join(out)


class Locator:
    """Finds, in order, where snippets of the body are, skipping code: line numbers in the body.

    A snippet is looked for as written, then with the body's character references decoded
    (``&#106;avascript:`` is where a link to ``javascript:`` was written)."""

    def __init__(self, body: str) -> None:
        self.masked = mask_code(body)
        self.cursors: dict[tuple[bool, str], int] = {}

    @cached_property
    def lowered(self) -> str:
        return self.masked.lower()

    @cached_property
    def decoded(self) -> str:
        # Line by line, so that lines stay lines (a reference to a line break stands in a line).
        return "\n".join(
            html.unescape(line).replace("\n", " ").replace("\r", " ") if "&" in line else line
            for line in self.masked.split("\n")
        ).lower()

    def line_of(self, *snippets: str) -> int:
        """0-based line of the next occurrence of the first snippet found; 0 if none is."""
        for snippet in snippets:
            if not snippet:
                continue
            needle = snippet.lower()
            for decoded in (False, True):
                text = self.decoded if decoded else self.lowered
                start = self.cursors.get((decoded, needle), 0)
                position = text.find(needle, start)
                if position < 0:
                    position = text.find(needle)
                if position < 0:
                    continue
                self.cursors[(decoded, needle)] = position + 1
                return text.count("\n", 0, position)
        return 0


class Findings:
    """The errors of one body, in the order found, each at its file line."""

    def __init__(self, path: str, body_line: int, locator: Locator) -> None:
        self.path, self.body_line, self.locator = path, body_line, locator
        self.errors: list[ContentError] = []

    @property
    def full(self) -> bool:
        """Whether MAX_PROBLEMS are found: the rest would be more of the same."""
        return len(self.errors) >= MAX_PROBLEMS

    def add(self, line: int, message: Message) -> None:
        """A problem at a 0-based line of the body."""
        self.errors.append(ContentError(self.path, self.body_line + line, "", message))

    def add_once(self, message: Message, *snippets: str) -> None:
        """A problem at the line of the first of ``snippets`` found, unless it is noted already."""
        error = ContentError(self.path, self.body_line + self.locator.line_of(*snippets), "", message)
        if error not in self.errors:
            self.errors.append(error)
