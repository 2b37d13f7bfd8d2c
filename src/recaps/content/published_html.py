"""The check of the HTML a body is published as, parsed as a browser parses it (html5lib).

Every element and attribute of the parsed body is checked: tags Markdown writes itself
(``GENERATED_HTML``) or the editors' allowlist keeps (``raw_html``), no event handler, no style
but a table column's alignment, no address with a scheme other than http(s) and mailto
(``html_attributes``); comments and declarations a browser does not end where ``-->`` or ``>``
seems to end them are refused, and so is a tag the body leaves unfinished. Whatever a browser
would find, this finds too, whether Markdown wrote it or the editor's raw HTML hid it.
"""

from __future__ import annotations

import html
from collections import Counter

import html5lib

from .findings import MAX_PROBLEMS, Findings
from .html_attributes import URL_ATTRIBUTES, attribute_problem, shown
from .raw_html import ALLOWED_HTML, Signature, signature, tag_problem
from ..messages import Message, message

# What Markdown and the extensions above write themselves (headings, lists, tables, code,
# admonitions, details, definition lists, images): allowed in the converted body, not as raw HTML.
GENERATED_HTML = frozenset({
    "blockquote", "code", "dd", "details", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "img", "li", "ol", "p", "pre", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul",
})

# What html5lib reports, parsing the published body, that the allowlist of elements cannot see:
# comments a browser ends elsewhere than the text suggests (<!-->, --!>), declarations and
# processing instructions (read as comments, which any other parser may read otherwise), and a
# tag the body leaves unfinished (which would swallow the page after it).
_MALFORMED_COMMENT = frozenset({
    "incorrect-comment", "unexpected-bang-after-double-dash-in-comment", "unexpected-char-in-comment",
    "unexpected-dash-after-double-dash-in-comment", "unexpected-space-after-double-dash-in-comment",
})
_UNCLOSED_COMMENT = frozenset({
    "eof-in-comment", "eof-in-comment-double-dash", "eof-in-comment-end-bang-state", "eof-in-comment-end-dash",
    "eof-in-comment-end-space-state",
})
_DECLARATION = frozenset({
    "expected-dashes-or-doctype", "expected-tag-name-but-got-question-mark", "unexpected-doctype",
    "eof-in-doctype", "eof-in-doctype-name", "expected-doctype-name-but-got-eof",
})
_UNFINISHED_TAG = frozenset({
    "eof-in-tag-name", "eof-in-attribute-name", "eof-in-attribute-value-double-quote",
    "eof-in-attribute-value-no-quotes", "eof-in-attribute-value-single-quote",
    "expected-attribute-name-but-got-eof", "expected-attribute-value-but-got-eof",
    "expected-end-of-tag-name-but-got-eof",
})


def check_published(published: str, checked: Counter[Signature], findings: Findings) -> None:
    """Note what a browser would find in ``published`` that is not allowed, each problem once.

    An element ``raw_html`` checked already (``checked``: same name, same attributes, the same
    check) is not checked again; everything else is, whether Markdown wrote it or a browser reads
    it where the editor's tags did not show it.
    """
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    document = parser.parseFragment(published, container="div")
    for element in document.iter():
        if element is document or not isinstance(element.tag, str):  # comments: see the errors below
            continue
        _check_element(element, checked, findings)
        if findings.full:
            del findings.errors[MAX_PROBLEMS:]  # one element may have had several
            return
    for (line, column), code, _ in parser.errors:
        snippet = _snippet_at(published, line, column)
        problem = _parse_problem(code, snippet)
        if problem is None:
            continue
        findings.add_once(problem, snippet, snippet[:4])
        if findings.full:
            return


def _check_element(element, checked: Counter[Signature], findings: Findings) -> None:
    is_html, tag = _local_name(element.tag)
    attributes = element.attrib.items()
    written = signature(tag, attributes)
    if is_html and checked[written] > 0:
        checked[written] -= 1
        return
    if not is_html or tag not in ALLOWED_HTML and tag not in GENERATED_HTML:
        if is_html or tag in ("svg", "math"):  # inside SVG and MathML: the <svg> or <math> is reported
            findings.add_once(tag_problem(tag), f"<{tag}")
        return
    for name, value in attributes:
        problem = attribute_problem(tag, name, value)
        if problem is None:
            continue
        if name in URL_ATTRIBUTES and value:
            findings.add_once(problem, value, html.escape(value, quote=False), value[:20])
        else:
            findings.add_once(problem, f"{name}=", name)


def _local_name(tag: str) -> tuple[bool, str]:
    """Whether an element is HTML (not SVG or MathML), and its name without the namespace."""
    if tag.startswith("{"):
        return False, tag.rsplit("}", 1)[1]
    return True, tag


def _parse_problem(code: str, snippet: str) -> Message | None:
    quoted = shown(snippet)
    if code in _MALFORMED_COMMENT:
        return message("HTML comment '{html}' is not allowed: a browser may end it elsewhere than at '-->'; write "
                       "comments as <!-- text -->, with no '--' inside", html=quoted)
    if code in _UNCLOSED_COMMENT:
        return message("HTML comment '{html}' is not closed: write comments as <!-- text -->, with no '--' inside",
                       html=quoted)
    if code in _DECLARATION:
        return message("raw HTML '{html}' is not allowed", html=quoted)
    if code in _UNFINISHED_TAG:
        return message("raw HTML '{html}' is not finished: end the tag with '>' and close its quotes", html=quoted)
    return None


def _snippet_at(text: str, line: int, column: int) -> str:
    """The markup around a position of ``text`` (line from 1): from its '<' to the next '>'."""
    lines = text.split("\n")
    offset = sum(len(previous) + 1 for previous in lines[: line - 1]) + column
    start = max(text.rfind("<", 0, offset), 0)
    end = text.find(">", max(start, offset - 1))
    return text[start : end + 1] if end >= 0 else text[start:]
