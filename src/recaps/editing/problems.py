"""What the editing interface's preview pane shows of the last check: each content file's
problems, as `recaps edit` serves them at /admin/problems.json (admin/preview.js reads it).

The messages are in French, the interface's language, whatever the terminal's (--lang).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..content.errors import MAX_LINES_PER_FILE, ContentError, more_errors, printable

INTERFACE_LANGUAGE = "fr"


def problems_json(errors: Iterable[ContentError] = ()) -> bytes:
    """``{"files": {path: [{"line", "field", "message"}, ...]}}`` for ``errors``, each file's
    sorted as `recaps check` prints them, at most MAX_LINES_PER_FILE, then one that says how
    many more (its line 0, no field); ``{"files": {}}`` when the content is fine. UTF-8 JSON."""
    files: dict[str, list[dict]] = {}
    totals: dict[str, int] = {}
    for error in sorted(set(errors)):
        totals[error.path] = totals.get(error.path, 0) + 1
        shown = files.setdefault(printable(error.path), [])
        if totals[error.path] <= MAX_LINES_PER_FILE:
            shown.append({"line": error.line, "field": printable(error.field),
                          "message": error.text(INTERFACE_LANGUAGE)})
    for path, total in totals.items():
        if total > MAX_LINES_PER_FILE:
            more = more_errors(total - MAX_LINES_PER_FILE).in_language(INTERFACE_LANGUAGE)
            files[printable(path)].append({"line": 0, "field": "", "message": more})
    return json.dumps({"files": files}, ensure_ascii=False, sort_keys=True).encode("utf-8")
