"""Level-1 headings in a body: a page's title is its only ``<h1>``.

The page of a recap, a programme or a partner has its title from its template (``# {{ title }}``),
so a level-1 heading in its body would be a second one; a hand-written page in docs/ may start
with its title as a level-1 heading, and have no other.

A level-1 heading is found as the build makes it: Python-Markdown takes ``# Title`` and
``#Title``, in a list, a quote or an admonition too, and a line underlined with ``===``, but not
``# Title`` indented, nor anything in code. So a body where some line could be one (code left
out, ``findings.mask_code``) is converted as the site converts it, and each ``<h1>`` it makes is
put at the first line left that could write it, by its text.
"""

from __future__ import annotations

import html
import re

from .findings import Locator

# A line that might make a level-1 heading, once quote, list and definition markers and the
# indentation are left aside: a single '#', or a line of '='. Python-Markdown decides which do.
_MAYBE_HEADING_SOURCE = r"[ \t>*+\-:.)0-9]*(?:#(?!#)|=+[ \t]*(?=\n|\Z))"
_MAYBE_HEADING = re.compile(_MAYBE_HEADING_SOURCE)  # matched at a line's start
# Searched in "\n" + text: from each line break, where a search for "^" would try every position.
_MAYBE_HEADING_AFTER_BREAK = re.compile("\n" + _MAYBE_HEADING_SOURCE)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_MARKERS = re.compile(r"^[ \t>*+\-:.)0-9]*")


def may_have_level_one(text: str) -> bool:
    """Whether a line of ``text`` (a body, or a body with its code masked) might make a level-1 heading."""
    return _MAYBE_HEADING_AFTER_BREAK.search("\n" + text) is not None


def level_one_lines(body: str, locator: Locator, published: str, most: int) -> list[int]:
    """The 0-based line of each level-1 heading that ``published``, the HTML of ``body``, holds:
    the first ``most`` of them."""
    texts = [_words(html.unescape(_TAG.sub("", inner))) for inner in _H1.findall(published)[:most]]
    if not texts:
        return []
    lines = body.split("\n")
    candidates = [_candidate(lines, number) for number, line in enumerate(locator.masked.split("\n"))
                  if _MAYBE_HEADING.match(line)]
    found = []
    start = 0
    for text in texts:
        at = next((i for i in range(start, len(candidates)) if text in candidates[i][1]), start)
        if at >= len(candidates):
            break
        found.append(candidates[at][0])
        start = at + 1
    return found


def _candidate(lines: list[str], line: int) -> tuple[int, str]:
    """The line of a heading that ``line`` might make, and the words it would say: the rest of a
    '#' line, or the line before a line of '=', which it underlines."""
    rest = _MARKERS.sub("", lines[line], count=1)
    if rest.startswith("#") or line == 0:
        return line, _words(rest)
    return line - 1, _words(_MARKERS.sub("", lines[line - 1], count=1))


def _words(text: str) -> str:
    """Letters and digits only, case folded: the same for a heading as written and as made."""
    return "".join(character for character in text.casefold() if character.isalnum())
