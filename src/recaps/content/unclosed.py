"""Where a front matter that is never closed seems to end: its longest leading part that can be
front matter.

Front matter is lines of fields (``name: value``, starting at the line's first column), the lines
that continue them (indented, or list items ``- ...`` right under them), comments and blank
lines. The first line that is none of these cannot belong to it: a paragraph, a heading's text,
a Markdown list after a blank line. The front matter is taken to end before that line (or with
the file), less the blank and comment lines just before it, which go to the body: they are as
likely its first lines (a ``## heading`` reads as a YAML comment).

It is a guess, and the editor is told the line it stops at. It is right for the usual recap (the
fields, a blank line, a paragraph); a body whose first line reads as a field ("Note: ...") is
read as front matter up to the next line that cannot be, and the error on that field, with the
line the front matter was read up to, shows the editor where the '---' goes.
"""

from __future__ import annotations

import re

# A field as editors write them: a name of letters, digits, '_' or '-', then ':' and a space or
# the line's end. "Note : ..." (a French colon) and "Le récit: ..." are text, not fields.
_FIELD = re.compile(r"[^\W\d][\w-]*:(?:[ \t]|$)")
_LIST_ITEM = re.compile(r"-(?:[ \t]|$)")


def leading_front_matter(text: str, first_line: int) -> tuple[str, str, int]:
    """The leading part of ``text`` that can be front matter, the rest (the body), and the file
    line where the rest starts; ``first_line`` is the file line of ``text``'s first line."""
    lines = text.split("\n")
    end = 0  # lines[:end] are the front matter, as far as its last line that is not blank or a comment
    for index, line in enumerate(lines):
        if not _may_belong(line, lines[index - 1] if index else "---"):
            break
        if line.strip() and not line.lstrip().startswith("#"):
            end = index + 1
    return "\n".join(lines[:end]), "\n".join(lines[end:]), first_line + end


def _may_belong(line: str, previous: str) -> bool:
    if not line.strip() or line[0] in " \t#":
        return True
    if _LIST_ITEM.match(line):
        return bool(previous.strip())  # a list right under a field; after a blank line, the body's
    return _FIELD.match(line) is not None
