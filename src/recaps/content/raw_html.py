"""The raw HTML an editor may write in a body: a few inline tags Markdown has no syntax for.

Editors may write ``<br>``, ``<abbr title>``, ``<sup>``, ``<span lang>``… (``ALLOWED_HTML``), never
anything that runs or loads code (``<script>``, ``<iframe>``, event handlers, ``javascript:``
addresses) or restyles the page (``style=``). Each fragment of raw HTML that Markdown passes
through is read tag by tag, as a browser reads it (html5lib's tokenizer, which follows the HTML5
specification), and nh3 (the ammonia sanitizer) decides which tags and attributes survive: the
errors name what the editor wrote, at its line.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import nh3
from html5lib._tokenizer import HTMLTokenizer  # the parser's own tokenizer: tags with their lines
from html5lib.constants import tokenTypes

from .findings import Findings
from .html_attributes import CACHED_LENGTH, URL_SCHEMES, attribute_problem, url_allowed, url_problem
from ..messages import Message, message

# Raw HTML editors may write: tag -> its allowed attributes. A subset of nh3.ALLOWED_TAGS.
ALLOWED_HTML: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "abbr": frozenset({"title"}),
    "br": frozenset(),
    "cite": frozenset(),
    "em": frozenset(),
    "kbd": frozenset(),
    "mark": frozenset(),
    "q": frozenset(),
    "small": frozenset(),
    "span": frozenset({"lang"}),
    "strong": frozenset(),
    "sub": frozenset(),
    "sup": frozenset(),
}
_ALLOWED_LIST = ", ".join(f"<{tag}>" for tag in sorted(ALLOWED_HTML))

Signature = tuple  # a start tag's name and sorted attributes: ("a", (("href", "x"),))


def tag_problem(tag: str) -> Message:
    return message("HTML tag <{tag}> is not allowed (allowed: {allowed})", tag=tag, allowed=_ALLOWED_LIST)


def signature(tag: str, attributes) -> Signature:
    return (tag, tuple(sorted(attributes)))


def check_fragments(fragments: list[str], findings: Findings) -> Counter[Signature]:
    """Note what is wrong with each tag of the editor's raw HTML, named as written, at its line;
    return the start tags checked, as signatures (a tag may be written several times)."""
    reported_tags: set[str] = set()
    checked: Counter[Signature] = Counter()
    for fragment in fragments:
        items = _tags(fragment)
        first = fragment.strip().split("\n")[0]
        base = findings.locator.line_of(fragment.strip(), first, f"<{items[0].name}" if items else "")
        for item in items:
            if item.kind == "end" and item.name in reported_tags:
                continue
            if item.kind == "start":
                checked[signature(item.name, item.attributes)] += 1
            for problem in _problems(item):
                if item.kind == "start":
                    reported_tags.add(item.name)
                findings.add(base + item.line - 1, problem)
            if findings.full:
                return checked
    return checked


class _Item:
    __slots__ = ("kind", "name", "attributes", "line", "text")

    def __init__(self, kind: str, name: str, attributes: list, line: int, text: str) -> None:
        self.kind, self.name, self.attributes, self.line, self.text = kind, name, attributes, line, text


_START_TAGS = frozenset({tokenTypes["StartTag"], tokenTypes["EmptyTag"]})
_END_TAG = tokenTypes["EndTag"]
_PARSE_ERROR = tokenTypes["ParseError"]


def _tags(text: str) -> list[_Item]:
    """Every start and end tag of an HTML text as a browser's tokenizer reads it, with its line
    (from 1) and its source text. Comments, declarations and text are left out."""
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    tokenizer = HTMLTokenizer(text)
    items: list[_Item] = []
    begin = (1, 0)  # where the token being read started: after the last one (its errors aside)
    for token in tokenizer:
        if token["type"] == _PARSE_ERROR:
            continue
        end = tokenizer.stream.position()
        if token["type"] in _START_TAGS or token["type"] == _END_TAG:
            source = text[line_starts[begin[0] - 1] + begin[1] : line_starts[end[0] - 1] + end[1]]
            start = token["type"] in _START_TAGS
            attributes = list(token["data"].items()) if start else []
            items.append(_Item("start" if start else "end", token["name"], attributes, begin[0], source))
        begin = end
    return items


def _problems(item: _Item) -> list[Message]:
    """What is wrong with one tag of raw HTML."""
    tag = item.name
    if item.kind == "end":
        return [] if tag in ALLOWED_HTML else [tag_problem(tag)]
    if ":" in tag and not url_allowed(tag):  # <javascript:alert(1)>: an autolink to a bad scheme
        return [url_problem("href", item.text.strip("<>"))]
    kept_tag, kept = _sanitized_start_tag(item.text)
    if tag not in ALLOWED_HTML or kept_tag != tag:
        return [tag_problem(tag)]
    problems = []
    for name, value in item.attributes:
        if name in kept:
            continue
        problem = attribute_problem(tag, name, value)
        if problem is None:
            allowed = ", ".join(sorted(ALLOWED_HTML[tag])) or message("none")
            problem = message("HTML attribute '{attribute}' on <{tag}> is not allowed (allowed on <{tag}>: {allowed})",
                              attribute=name, tag=tag, allowed=allowed)
        problems.append(problem)
    return problems


def _sanitized_start_tag(text: str) -> tuple[str | None, frozenset[str]]:
    """What nh3 keeps of a start tag: its name (None if dropped) and the attributes left."""
    return _sanitized_start_tag_cached(text) if len(text) <= CACHED_LENGTH else _sanitize_start_tag(text)


def _sanitize_start_tag(text: str) -> tuple[str | None, frozenset[str]]:
    cleaned = nh3.clean(
        text,
        tags=set(ALLOWED_HTML),
        attributes={"*": set(), **{tag: set(attributes) for tag, attributes in ALLOWED_HTML.items()}},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    starts = [item for item in _tags(cleaned) if item.kind == "start"]
    if not starts:
        return None, frozenset()
    return starts[0].name, frozenset(name for name, _ in starts[0].attributes)


_sanitized_start_tag_cached = lru_cache(maxsize=4096)(_sanitize_start_tag)
