"""The page ``recaps serve`` answers in place of every page while the site does not build: each
content error with its file, line and field, or the build's own messages, and what to do.

One self-contained HTML document (its style inline, the system's fonts, no script: the preview
server adds its live-reload script), every value from the files escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..content.errors import MAX_LINES_PER_FILE, ContentError, more_errors, printable
from ..messages import Message, in_language, message, plural_message

# The page's own words, in the editor's language (the catalogue of recaps.messages).
PREVIEW = message("Preview")
CONTENT_ERRORS = message("The content has errors")
BUILD_FAILS = message("The site does not build")
TO_DO = message("Fix the file and save: the page reloads by itself.")
FIELD = message("field")

STYLE = """
:root { color-scheme: light dark; --bg: #fff; --fg: #1f1f24; --muted: #5b5b66; --accent: #b3261e;
  --card: #fdf3f2; --border: #efc7c3; }
@media (prefers-color-scheme: dark) { :root { --bg: #17171a; --fg: #ececf1; --muted: #a9a9b5;
  --accent: #ff8a80; --card: #2a1d1c; --border: #5c302c; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 2.5rem 1.25rem 3rem; }
.preview { margin: 0; color: var(--muted); font-size: .8rem; font-weight: 600; letter-spacing: .08em;
  text-transform: uppercase; }
h1 { margin: .25rem 0 .5rem; color: var(--accent); font-size: clamp(1.6rem, 6vw, 2.2rem); line-height: 1.2; }
.todo { margin: 0 0 1.75rem; font-size: 1.1rem; }
.count { margin: 0 0 .6rem; font-weight: 600; }
ol { display: grid; gap: .75rem; margin: 0; padding: 0; list-style: none; }
li { padding: .75rem 1rem; background: var(--card); border: 1px solid var(--border);
  border-left: 4px solid var(--accent); border-radius: 6px; }
.where { margin: 0 0 .2rem; color: var(--muted); font-size: .9rem; }
.where code { color: var(--fg); font-weight: 600; }
.field { display: inline-block; }  /* the field's name stays with its label */
code { font: .92em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
.where, .message { overflow-wrap: anywhere; }
.message { margin: 0; white-space: pre-wrap; }
.more { color: var(--muted); font-style: italic; }
"""


def error_page(errors: Iterable[ContentError] = (), messages: Iterable[Message | str] = (), lang: str = "fr") -> str:
    """The error page, in ``lang`` (fr or en): ``errors`` (a content report's) sorted as
    ``recaps check`` prints them, at most MAX_LINES_PER_FILE a file, or else the ``messages``
    of a build that failed."""
    errors = sorted(set(errors))
    if errors:
        title = CONTENT_ERRORS.in_language(lang)
        count = plural_message("{count} error", "{count} errors", len(errors)).in_language(lang)
        items = _error_items(errors, lang)
    else:
        title, count = BUILD_FAILS.in_language(lang), ""
        items = [_item("", printable(in_language(said, lang))) for said in messages]
    preview = PREVIEW.in_language(lang)
    return "".join([
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{title} · {preview}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        f'<p class="preview">{preview} · recaps serve</p>\n<h1>{title}</h1>\n',
        f'<p class="todo">{TO_DO.in_language(lang)}</p>\n',
        f'<p class="count">{count}</p>\n' if count else "",
        "<ol>\n", *items, "</ol>\n</main>\n</body>\n</html>\n",
    ])


def _error_items(errors: list[ContentError], lang: str) -> list[str]:
    totals: dict[str, int] = {}
    for error in errors:
        totals[error.path] = totals.get(error.path, 0) + 1
    items, seen = [], {}
    for error in errors:
        count = seen[error.path] = seen.get(error.path, 0) + 1
        if count <= MAX_LINES_PER_FILE:
            items.append(_item(_where(error, lang), error.text(lang)))
        elif count == MAX_LINES_PER_FILE + 1:
            more = more_errors(totals[error.path] - MAX_LINES_PER_FILE).in_language(lang)
            items.append(_item(f"<code>{_text(error.path)}</code>", more, "message more"))
    return items


def _where(error: ContentError, lang: str) -> str:
    """``path:line`` (the line left out when it is not known), then the field if there is one."""
    place = f"{error.path}:{error.line}" if error.line else error.path
    where = f"<code>{_text(place)}</code>"
    if error.field:
        where += f' · <span class="field">{FIELD.in_language(lang)} <code>{_text(error.field)}</code></span>'
    return where


def _item(where: str, message: str, kind: str = "message") -> str:
    head = f'<p class="where">{where}</p>' if where else ""
    return f'<li>{head}<p class="{kind}">{html.escape(message, quote=False)}</p></li>\n'


def _text(value: str) -> str:
    return html.escape(printable(value), quote=False)
