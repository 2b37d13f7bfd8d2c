"""Content errors: one per problem an editor can cause, all reported together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath


@dataclass(frozen=True, order=True)
class ContentError:
    """A problem in one content file, located at a line and a field."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


@dataclass
class ErrorReport:
    """Collects every error of a run; prints them sorted, one per line."""

    errors: list[ContentError] = field(default_factory=list)

    def add(self, path: str | PurePosixPath, line: int, field: str, message: str) -> None:
        self.errors.append(ContentError(str(path), line, field, message))

    def extend(self, errors: list[ContentError]) -> None:
        self.errors.extend(errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def __len__(self) -> int:
        return len(self.errors)

    def lines(self) -> list[str]:
        unique = sorted(set(self.errors), key=_sort_key)
        return [str(error) for error in unique]

    def summary(self) -> str:
        count = len(set(self.errors))
        return f"{count} error{'s' if count != 1 else ''} found"

    def render(self) -> str:
        return "\n".join([*self.lines(), self.summary()])


def _sort_key(error: ContentError) -> tuple:
    return (error.path, error.line, error.field, error.message)


class ContentErrors(Exception):
    """Raised when content does not load; carries the full report."""

    def __init__(self, report: ErrorReport) -> None:
        super().__init__(report.render())
        self.report = report
