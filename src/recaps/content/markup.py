"""The check of a Markdown body: what the text under the front matter may make of the page.

Editors may write the little inline HTML Markdown has no syntax for, never anything that runs or
loads code or restyles the page. :func:`check_body` runs the checks in order, each in its own
module:

1. ``markup_limits``: Python-Markdown is not linear on hostile input (thousands of ``[`` in one
   paragraph take minutes), so a body is first held to limits that keep its conversion fast,
   here and in the build; a body past one is reported, and not converted;
2. character references that write a bidirectional control (``&#x202E;``), which a browser
   decodes into the character the reader refuses (``characters``);
3. ``conversion``: the body converted as the build converts it, unless nothing in it can make
   Markdown write a tag, an attribute or an address (most recaps);
4. ``raw_html``: the editor's raw HTML, tag by tag, against the allowlist, at its line;
5. ``published_html``: the whole converted body as a browser parses it, every element and
   attribute, and the comments and declarations a browser reads otherwise than they seem;
6. ``headings``: a level-1 heading, which would be a second title on the page (a hand-written
   page in docs/ may have one, its title);
7. ``directives``: a comment that the build reads as an instruction (Material's tags listing).

Each error is at the file line where the editor wrote what it names (``findings``).
"""

from __future__ import annotations

import re

from .characters import BIDI_CONTROLS
from .conversion import convert
from .directives import listing_directives
from .errors import ContentError
from .findings import MAX_PROBLEMS, Findings, Locator
from .headings import level_one_lines, may_have_level_one
from .html_attributes import shown
from .markup_limits import limit_problem
from .published_html import check_published
from .raw_html import check_fragments
from .tree import DOCS_DIR
from ..messages import message

__all__ = ["MAX_PROBLEMS", "check_body"]

# Only these can make Markdown write a tag, an attribute or an address: raw HTML and autolinks
# (<), inline, reference and image links (]( ]: ][), attribute lists ({).
_MAY_MAKE_MARKUP = ("<", "](", "]:", "][", "{")
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")


def check_body(path: str, body: str, body_line: int = 1) -> list[ContentError]:
    """Every raw HTML tag, attribute and link address in ``body`` that is not allowed, every
    level-1 heading a page must not have, and every comment the build would take for an instruction.

    A body past one of the limits of ``markup_limits`` is not converted: that is its one error.
    ``body_line`` is the file line of the body's first line; errors carry file lines.
    """
    if not body or body.isspace():
        return []
    problem = limit_problem(body)
    if problem is not None:
        line, said = problem
        return [ContentError(path, body_line + line, "", said)]
    errors = listing_directives(path, body, body_line)
    plain = _plain(body)
    headings = may_have_level_one(body)
    if plain and "&#" not in body and not headings:
        return errors
    locator = Locator(body)  # code masked once, for every check below
    if "&#" in body:
        errors += _bidi_references(path, locator.masked, body_line)
    try:
        published = None
        if not plain:
            published, found = _check(path, body, body_line, locator)
            errors += found
        if headings and may_have_level_one(locator.masked):
            errors += _level_one_headings(path, body, body_line, locator, published)
    except RecursionError:
        return [ContentError(path, body_line, "", message(
            "the Markdown text is nested too deeply (lists or quotes inside each other)"))]
    except Exception as exc:  # noqa: BLE001 - whatever Markdown chokes on is the editor's to fix
        return [ContentError(path, body_line, "", message("the Markdown text cannot be converted: {reason}",
                                                          reason=shown(str(exc))))]
    return errors


def _plain(body: str) -> bool:
    """A body of text, headings, lists and emphasis: nothing to check.

    Such a body cannot make Markdown write a tag, an attribute or an address, so it need not be
    converted here; real recaps are almost all like this.
    """
    # One-character searches first: they are many times faster than the two-character ones.
    return not ("<" in body or "{" in body or ("]" in body and any(marker in body for marker in _MAY_MAKE_MARKUP)))


def _bidi_references(path: str, masked: str, body_line: int) -> list[ContentError]:
    """Character references that write a bidirectional control (``&#x202E;``): the reader refuses
    the character itself, and a browser decodes the reference into it. Code (blanked out in
    ``masked``) is text: skipped."""
    errors = []
    for match in _NUMERIC_REFERENCE.finditer(masked):
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if code in BIDI_CONTROLS:
            errors.append(ContentError(
                path, body_line + masked.count("\n", 0, match.start()), "", message(
                    "the character reference '{reference}' writes the invisible bidirectional control {code} "
                    "({name}), which reorders the text readers see: remove it",
                    reference=match.group(), code=f"U+{code:04X}", name=BIDI_CONTROLS[code])))
    return errors[:MAX_PROBLEMS]


def _check(path: str, body: str, body_line: int, locator: Locator) -> tuple[str, list[ContentError]]:
    """The body's HTML as published, and what is wrong with the HTML and addresses it holds."""
    published, fragments = convert(body)
    findings = Findings(path, body_line, locator)
    checked = check_fragments(fragments, findings)
    if not findings.full:
        check_published(published, checked, findings)
    return published, findings.errors


def _level_one_headings(path: str, body: str, body_line: int, locator: Locator,
                        published: str | None) -> list[ContentError]:
    """Each level-1 heading of the body, past the one a hand-written page may have (its title)."""
    if published is None:
        published, _ = convert(body)
    title_in_body = path.startswith(DOCS_DIR + "/")
    lines = level_one_lines(body, locator, published, MAX_PROBLEMS + title_in_body)
    if title_in_body:
        title = message("a second level-1 heading ('#', or a line underlined with '==='): the page's title "
                        "(line {line}) is its only one; start this one with '##' to make it a section",
                        line=body_line + lines[0]) if lines else None
        lines = lines[1:]
    else:
        title = message("a level-1 heading ('#', or a line underlined with '===') makes a second title on "
                        "the page, which has its title from the front matter: start it with '##' to make it a section")
    return [ContentError(path, body_line + line, "", title) for line in lines[:MAX_PROBLEMS]]
