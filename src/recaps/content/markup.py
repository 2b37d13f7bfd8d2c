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
   attribute, and the comments and declarations a browser reads otherwise than they seem.

Each error is at the file line where the editor wrote what it names (``findings``).
"""

from __future__ import annotations

import re

from .characters import BIDI_CONTROLS
from .conversion import convert
from .errors import ContentError
from .findings import MAX_PROBLEMS, Findings, Locator
from .html_attributes import shown
from .markup_limits import limit_problem
from .published_html import check_published
from .raw_html import check_fragments
from ..messages import message

__all__ = ["MAX_PROBLEMS", "check_body"]

# Only these can make Markdown write a tag, an attribute or an address: raw HTML and autolinks
# (<), inline, reference and image links (]( ]: ][), attribute lists ({).
_MAY_MAKE_MARKUP = ("<", "](", "]:", "][", "{")
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")


def check_body(path: str, body: str, body_line: int = 1) -> list[ContentError]:
    """Every raw HTML tag, attribute and link address in ``body`` that is not allowed.

    A body past one of the limits of ``markup_limits`` is not converted: that is its one error.
    ``body_line`` is the file line of the body's first line; errors carry file lines.
    """
    if not body or body.isspace():
        return []
    problem = limit_problem(body)
    if problem is not None:
        line, said = problem
        return [ContentError(path, body_line + line, "", said)]
    plain = _plain(body)
    if plain and "&#" not in body:
        return []
    locator = Locator(body)  # code masked once, for both checks below
    references = _bidi_references(path, locator.masked, body_line) if "&#" in body else []
    if plain:
        return references
    try:
        return references + _check(path, body, body_line, locator)
    except RecursionError:
        return [ContentError(path, body_line, "", message(
            "the Markdown text is nested too deeply (lists or quotes inside each other)"))]
    except Exception as exc:  # noqa: BLE001 - whatever Markdown chokes on is the editor's to fix
        return [ContentError(path, body_line, "", message("the Markdown text cannot be converted: {reason}",
                                                          reason=shown(str(exc))))]


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


def _check(path: str, body: str, body_line: int, locator: Locator) -> list[ContentError]:
    published, fragments = convert(body)
    findings = Findings(path, body_line, locator)
    checked = check_fragments(fragments, findings)
    if not findings.full:
        check_published(published, checked, findings)
    return findings.errors
