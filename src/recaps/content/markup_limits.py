"""Limits on a Markdown body, checked before it is converted, that keep every conversion fast.

Python-Markdown is not linear on hostile input: it reads the ``[`` of one paragraph against each
other (thousands take minutes), looks for the end of every ``<`` left open through the rest of
the text, splits a paragraph line by line at each heading or rule, goes through the whole text
again at each code fence, matches every abbreviation against the whole text, and recurses into
nested lists and quotes. Each of these is bounded here, by counting on the body as written (code
included: what is code is Markdown's to decide), and the body's length bounds the rest, which is
linear. ``tests/unit/test_markup_limits.py`` converts the worst case at each limit and measures it.

The build converts every body with Python-Markdown too: a body within these limits is fast there
as well. Real recaps stay far below them (a long one is 10,000 characters, a few dozen links).
"""

from __future__ import annotations

import re

from ..messages import Message, Number, message

MAX_CHARACTERS = 30_000  # in one body: about 5,000 words
MAX_BRACKETS_PER_PARAGRAPH = 100  # '[' between two blank lines
MAX_BRACKETS = 1_000  # '[' in one body
MAX_OPEN_ANGLES = 10  # tags begun ('<a', '<!', '</') with no '>' after them on their line
MAX_HEADINGS = 300  # lines that are headings, rules or heading underlines
MAX_FENCES = 200  # ``` and ~~~ (a block of code has two)
MAX_ABBREVIATIONS = 100  # *[ABBR]: definitions
MAX_DEPTH = 16  # levels of lists, quotes and indentation (4 columns a level) at the start of a line


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TAG_START = re.compile(r"<[A-Za-z!?/]")  # what HTML reads as a tag, a comment or a declaration
# After the quotes and indentation that start a line: '#', or a line of rule or underline
# characters only ('---', '* * *', '===', '=').
_HEADING = re.compile(r"\n[ \t>]*(?:#|[-=*_][-=*_ \t]*(?=\n|$))")
_ABBREVIATION = "\n*["
# What starts a line and nests what follows: a quote, a list marker, indentation. Only lines
# starting with at least MAX_DEPTH such characters are measured.
_NESTING_START = re.compile(r"\n(?:[ \t>]|(?:[-*+:]|\d{1,9}[.)])(?=[ \t]))" + "{%d}" % MAX_DEPTH)
_MARKER = re.compile(r"(?:[-*+:]|\d{1,9}[.)])(?=[ \t])")
_NESTING = re.compile(r"(?:[ \t>]|(?:[-*+:]|\d{1,9}[.)])(?=[ \t]))*")
# A line _NESTING_START finds starts with at least MAX_DEPTH of these characters: a quick search
# for such a line first (most bodies have none) spares the slower one.
_MAY_NEST_DEEPLY = re.compile(r"\n[ \t>*+:0-9.)-]{%d}" % MAX_DEPTH)


def limit_problem(body: str) -> tuple[int, Message] | None:
    """The first limit ``body`` goes past, as (0-based line in the body, message), or None."""
    text = "\n" + body  # every line starts after a "\n": the searches jump from one to the next
    depth = _too_deep(text)
    if depth is not None:
        return depth, message("the Markdown text is nested too deeply (lists or quotes inside each other)")
    problem = _brackets_problem(body) or _open_tags_problem(body)
    if problem is not None:
        return problem
    # Each count is looked for first: a search stops at the first one, a count reads the whole text.
    if text.count("\n") > MAX_HEADINGS and len(_HEADING.findall(text)) > MAX_HEADINGS:  # a heading is a line
        return 0, message("more than {count} headings and rules make the Markdown text too slow to convert: split "
                          "it into several pages", count=Number(MAX_HEADINGS))
    if ("```" in body or "~~~" in body) and body.count("```") + body.count("~~~") > MAX_FENCES:
        return 0, message("more than {count} code fences (``` or ~~~) make the Markdown text too slow to convert: "
                          "split it into several pages", count=Number(MAX_FENCES))
    if _ABBREVIATION in text and text.count(_ABBREVIATION) > MAX_ABBREVIATIONS:
        return 0, message("more than {count} abbreviations (*[...]: lines) make the Markdown text too slow to "
                          "convert: keep those the text uses", count=Number(MAX_ABBREVIATIONS))
    if len(body) > MAX_CHARACTERS:
        return 0, message("the Markdown text is longer than {count} characters: split it into several pages",
                          count=Number(MAX_CHARACTERS))
    return None


def _brackets_problem(body: str) -> tuple[int, Message] | None:
    """Too many '[' in a paragraph (at its first line), or in the body."""
    if "[" not in body or body.count("[") <= MAX_BRACKETS_PER_PARAGRAPH:
        return None
    line = 0
    for paragraph in _BLANK_LINE.split(body):
        if paragraph.count("[") > MAX_BRACKETS_PER_PARAGRAPH:
            return line + _leading_newlines(paragraph), message(
                "more than {count} '[' in one paragraph make the Markdown text too slow to convert: separate "
                "paragraphs with a blank line, or write a '[' that opens no link as '\\['",
                count=Number(MAX_BRACKETS_PER_PARAGRAPH))
        line += paragraph.count("\n") + 2
    if body.count("[") > MAX_BRACKETS:
        return 0, message("more than {count} '[' make the Markdown text too slow to convert: split it into several "
                          "pages, or write a '[' that opens no link as '\\['", count=Number(MAX_BRACKETS))
    return None


def _open_tags_problem(body: str) -> tuple[int, Message] | None:
    """Too many tags begun with no '>' after them on their line (at the line that makes one too many)."""
    if "<" not in body or body.count("<") <= MAX_OPEN_ANGLES:
        return None
    count = 0
    for number, line in enumerate(body.split("\n")):
        count += len(_TAG_START.findall(line, line.rfind(">") + 1))
        if count > MAX_OPEN_ANGLES:
            return number, message(
                "more than {count} tags with no '>' after them on their line make the Markdown text too slow to "
                "convert: finish each tag on its line, and write a '<' that starts no tag as '&lt;'",
                count=Number(MAX_OPEN_ANGLES))
    return None


def _leading_newlines(paragraph: str) -> int:
    return len(paragraph) - len(paragraph.lstrip("\n"))


def _too_deep(text: str) -> int | None:
    """The 0-based body line of the first line nested deeper than MAX_DEPTH, or None."""
    candidate = _MAY_NEST_DEEPLY.search(text)
    if candidate is None:
        return None
    for start in _NESTING_START.finditer(text, candidate.start()):
        prefix = _NESTING.match(text, start.start() + 1).group()
        levels = prefix.count(">") + len(_MARKER.findall(prefix)) + (prefix.count(" ") + 4 * prefix.count("\t")) // 4
        if levels > MAX_DEPTH:
            return text.count("\n", 0, start.start())
    return None
