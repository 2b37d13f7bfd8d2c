"""Content errors: one per problem an editor can cause, all reported together."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..messages import Message, in_language, plural_message

MAX_LINES_PER_FILE = 50  # a broken file does not bury the others' errors

# Characters that would garble a one-line message or a terminal: control characters (C0, DEL,
# C1), line and paragraph separators, bidirectional overrides, and the lone surrogates by which
# Python stands in for bytes of a file name that are not UTF-8.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, from surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every character that could garble a one-line message written as an escape."""
    return _UNPRINTABLE.sub(_escape, text)


@dataclass(frozen=True, eq=False)
class ContentError:
    """A problem in one content file, located at a line and a field.

    The message is a ``Message`` (said in the editor's language when printed) or, for text
    that is the same in every language, a plain string. Two errors are the same when they say
    the same at the same place: a message and the plain string of its English are one error."""

    path: str
    line: int
    field: str
    message: Message | str

    def __str__(self) -> str:
        return self.in_language("en")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ContentError) and _sort_key(self) == _sort_key(other)

    def __hash__(self) -> int:
        return hash(_sort_key(self))

    def __lt__(self, other: "ContentError") -> bool:
        return _sort_key(self) < _sort_key(other)

    def text(self, lang: str) -> str:
        """The message alone, in ``lang``."""
        return printable(in_language(self.message, lang))

    def in_language(self, lang: str) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            return printable(f"{where}: {self.field}: {in_language(self.message, lang)}")
        return printable(f"{where}: {in_language(self.message, lang)}")


@dataclass
class ErrorReport:
    """Collects every error of a run; prints them sorted, one per line."""

    errors: list[ContentError] = field(default_factory=list)

    def add(self, path: str | PurePosixPath, line: int, field: str, message: Message | str) -> None:
        self.errors.append(ContentError(str(path), line, field, message))

    def extend(self, errors: list[ContentError]) -> None:
        self.errors.extend(errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def __len__(self) -> int:
        return len(self.errors)

    def lines(self, lang: str = "en") -> list[str]:
        """One line per error, sorted; past MAX_LINES_PER_FILE for a file, one line says how many more."""
        unique = sorted(set(self.errors), key=_sort_key)
        totals: dict[str, int] = {}
        for error in unique:
            totals[error.path] = totals.get(error.path, 0) + 1
        shown: list[str] = []
        seen: dict[str, int] = {}
        for error in unique:
            count = seen[error.path] = seen.get(error.path, 0) + 1
            if count <= MAX_LINES_PER_FILE:
                shown.append(error.in_language(lang))
            elif count == MAX_LINES_PER_FILE + 1:
                more = totals[error.path] - MAX_LINES_PER_FILE
                shown.append(printable(f"{error.path}: {more_errors(more).in_language(lang)}"))
        return shown

    def summary(self, lang: str = "en") -> str:
        count = len(set(self.errors))
        return plural_message("{count} error found", "{count} errors found", count).in_language(lang)

    def render(self, lang: str = "en") -> str:
        return "\n".join([*self.lines(lang), self.summary(lang)])


def more_errors(count: int) -> Message:
    """What stands for the errors of a file past MAX_LINES_PER_FILE."""
    return plural_message("… and {count} more error in this file", "… and {count} more errors in this file", count)


def _sort_key(error: ContentError) -> tuple:
    return (error.path, error.line, error.field, str(error.message))


class ContentErrors(Exception):
    """Raised when content does not load; carries the full report."""

    def __init__(self, report: ErrorReport) -> None:
        super().__init__(report.render())
        self.report = report
