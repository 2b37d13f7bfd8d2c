"""What the Markdown under the front matter may contain: a small set of raw HTML, safe addresses.

Editors may write the little inline HTML Markdown has no syntax for (``<br>``, ``<abbr title>``,
``<sup>``, ``<span lang>``…), never anything that runs or loads code (``<script>``, ``<iframe>``,
event handlers, ``javascript:`` addresses) or restyles the page (``style=``).

The body is converted with Python-Markdown and the same extensions as the site (``mkdocs.yml``),
raw HTML put back in as the build does, so that what is checked is the HTML that is published:

- every fragment of raw HTML Markdown passes through (its "stash") is read tag by tag, as a
  browser reads it (html5lib's tokenizer, which follows the HTML5 specification), against the
  allowlist, with nh3 (the ammonia sanitizer) deciding which tags, attributes and addresses
  survive: these errors name what the editor wrote, at its line;
- the whole converted body is then parsed as a browser parses it (html5lib), and every element
  and attribute of the result is checked: tags Markdown writes itself or the allowlist keeps,
  no event handler, no style but a table column's alignment, no address with a scheme other
  than http(s) and mailto; comments and declarations a browser does not end where ``-->`` or
  ``>`` seems to end them are refused. Whatever a browser would find, this finds too.

Python-Markdown is not linear on hostile input (thousands of ``[`` in one paragraph take
minutes): a body is first held to the limits of ``markup_limits``, which keep its conversion fast,
here and in the build; a body past one is reported, and not converted.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from collections import Counter
from functools import lru_cache

import html5lib
import markdown
import markdown.preprocessors
import markdown.util
import nh3
from html5lib._tokenizer import HTMLTokenizer  # the parser's own tokenizer: tags with their lines
from html5lib.constants import tokenTypes

from .errors import ContentError
from .markup_limits import limit_problem
from .characters import BIDI_CONTROLS

# mkdocs.yml's markdown_extensions: the body is converted as the build converts it.
EXTENSIONS = (
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
)

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
URL_SCHEMES = frozenset({"http", "https", "mailto"})  # and relative addresses
# Attributes whose value browsers load or follow as an address.
URL_ATTRIBUTES = frozenset({
    "action", "archive", "background", "cite", "codebase", "data", "dynsrc", "formaction", "href",
    "icon", "longdesc", "lowsrc", "manifest", "ping", "poster", "profile", "src", "srcset",
    "usemap", "xlink:href",
})
# What Markdown and the extensions above write themselves (headings, lists, tables, code,
# admonitions, details, definition lists, images): allowed in the converted body, not as raw HTML.
GENERATED_HTML = frozenset({
    "blockquote", "code", "dd", "details", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "img", "li", "ol", "p", "pre", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul",
})
# The only style Markdown writes itself: the alignment of table columns.
_TABLE_ALIGN = re.compile(r"^text-align: (left|right|center);?$")

MAX_PROBLEMS = 20  # per body: past that, the rest is more of the same

_ALLOWED_LIST = ", ".join(f"<{tag}>" for tag in sorted(ALLOWED_HTML))
_URL_ADVICE = "use an http://, https:// or mailto: address, or a relative link"


def _nh3_attributes() -> dict[str, set[str]]:
    return {"*": set(), **{tag: set(attributes) for tag, attributes in ALLOWED_HTML.items()}}


CACHED_LENGTH = 500  # longer tags and addresses are checked, not remembered


def _sanitized_start_tag(text: str) -> tuple[str | None, frozenset[str]]:
    """What nh3 keeps of a start tag: its name (None if dropped) and the attributes left."""
    return _sanitized_start_tag_cached(text) if len(text) <= CACHED_LENGTH else _sanitize_start_tag(text)


def url_allowed(url: str) -> bool:
    """Whether nh3 keeps ``url`` as a link address: http(s), mailto, or relative."""
    return _url_allowed_cached(url) if len(url) <= CACHED_LENGTH else _url_allowed(url)


def _sanitize_start_tag(text: str) -> tuple[str | None, frozenset[str]]:
    cleaned = nh3.clean(
        text,
        tags=set(ALLOWED_HTML),
        attributes=_nh3_attributes(),
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    starts = [item for item in _tags(cleaned) if item.kind == "start"]
    if not starts:
        return None, frozenset()
    return starts[0].name, frozenset(name for name, _ in starts[0].attributes)


def _url_allowed(url: str) -> bool:
    probe = f'<a href="{html.escape(url, quote=True)}">x</a>'
    cleaned = nh3.clean(probe, tags={"a"}, attributes={"a": {"href"}}, url_schemes=set(URL_SCHEMES), link_rel=None)
    return "href=" in cleaned


_sanitized_start_tag_cached = lru_cache(maxsize=4096)(_sanitize_start_tag)
_url_allowed_cached = lru_cache(maxsize=4096)(_url_allowed)


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


def _shown(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Locating a finding in the body


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def _mask_code(body: str) -> str:
    """The body with fenced code and code spans blanked out (same length, same lines)."""
    out = []
    fence = None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            out.append(" " * len(line))
            continue
        if match:
            fence = match.group(1)
            out.append(" " * len(line))
            continue
        out.append(_CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
    return "\n".join(out)


class _Locator:
    """Finds, in order, where snippets of the body are, skipping code: line numbers in the body.

    A snippet is looked for as written, then with the body's character references decoded
    (``&#106;avascript:`` is where a link to ``javascript:`` was written)."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.masked = _mask_code(body)
        self.lowered = self.masked.lower()
        # Line by line, so that lines stay lines (a reference to a line break stands in a line).
        self.decoded = "\n".join(
            html.unescape(line).replace("\n", " ").replace("\r", " ") if "&" in line else line
            for line in self.masked.split("\n")
        ).lower()
        self.cursors: dict[tuple[bool, str], int] = {}

    def line_of(self, *snippets: str) -> int:
        """0-based line of the next occurrence of the first snippet found; 0 if none is."""
        for snippet in snippets:
            if not snippet:
                continue
            needle = snippet.lower()
            for decoded, text in ((False, self.lowered), (True, self.decoded)):
                start = self.cursors.get((decoded, needle), 0)
                position = text.find(needle, start)
                if position < 0:
                    position = text.find(needle)
                if position < 0:
                    continue
                self.cursors[(decoded, needle)] = position + 1
                return text.count("\n", 0, position)
        return 0


# ---------------------------------------------------------------------------------------------
# The check


class _RecordingStash(markdown.util.HtmlStash):
    """Markdown's store of raw HTML, noting each fragment as it was stored, as text.

    md_in_html stores the elements of a ``<div markdown>`` block, whose content it converts
    afterwards: noted as stored, each is the tag the editor wrote, not what Markdown made of its
    content."""

    def __init__(self) -> None:
        super().__init__()
        self.raw: list[str] = []
        self.code_fragments = 0

    def reset(self) -> None:
        super().reset()
        self.raw = []
        self.code_fragments = 0

    def store(self, html: str | etree.Element) -> str:
        self.raw.append(html if isinstance(html, str) else etree.tostring(html, encoding="unicode"))
        return super().store(html)

    def editors_fragments(self) -> list[str]:
        """The raw HTML of the text itself: what was stored after fenced code."""
        return self.raw[self.code_fragments :]


class _AfterFencedCode(markdown.preprocessors.Preprocessor):
    """Notes how many fragments the stash holds once fenced code is converted.

    Fenced code (pymdownx.superfences, priority 25) is converted and stored first; the raw HTML of
    the text is stored later, from the next preprocessor on (html_block, priority 20). So the
    fragments stored before this one runs are highlighted code, HTML Markdown wrote itself."""

    PRIORITY = 22

    def run(self, lines: list[str]) -> list[str]:
        self.md.htmlStash.code_fragments = self.md.htmlStash.html_counter
        return lines


_converters = threading.local()


def _markdown() -> markdown.Markdown:
    """A converter as the site's, noting each fragment of raw HTML in its stash.

    Building one costs more than converting a recap: each thread keeps one, reset between bodies.
    """
    md = getattr(_converters, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=list(EXTENSIONS))
        md.htmlStash = _RecordingStash()
        md.preprocessors.register(_AfterFencedCode(md), "recaps_after_fenced_code", _AfterFencedCode.PRIORITY)
        _converters.md = md
    md.reset()
    return md


# Only these can make Markdown write a tag, an attribute or an address: raw HTML and autolinks
# (<), inline, reference and image links (]( ]: ][), attribute lists ({).
_MAY_MAKE_MARKUP = ("<", "](", "]:", "][", "{")


def _plain(body: str) -> bool:
    """A body of text, headings, lists and emphasis: nothing to check.

    Such a body cannot make Markdown write a tag, an attribute or an address, so it need not be
    converted here; real recaps are almost all like this.
    """
    # One-character searches first: they are many times faster than the two-character ones.
    return not ("<" in body or "{" in body or ("]" in body and any(marker in body for marker in _MAY_MAKE_MARKUP)))


def _convert(md: markdown.Markdown, body: str) -> tuple[str, list[str]]:
    """The HTML the build publishes for ``body`` (raw HTML put back) and the editor's raw HTML."""
    published = md.convert(body)
    return published, md.htmlStash.editors_fragments()


def _url_problem(attribute: str, value: str) -> str:
    what = {"href": "link address", "src": "image address"}.get(attribute, f"address in '{attribute}'")
    return f"{what} '{_shown(value)}' is not allowed: {_URL_ADVICE}"


def _attribute_problem(tag: str, name: str, value: str | None) -> str | None:
    """What is wrong with an attribute whatever the tag, or None."""
    if name.startswith("on"):
        return f"HTML attribute '{name}' on <{tag}> is not allowed: event handlers run scripts"
    if name == "style" and not (tag in ("th", "td") and _TABLE_ALIGN.match(value or "")):
        return f"HTML attribute 'style' on <{tag}> is not allowed: the site's style sheet sets the styles"
    if name in URL_ATTRIBUTES and value is not None and not url_allowed(value):
        return _url_problem(name, value)
    return None


def _tag_problem(tag: str) -> str:
    return f"HTML tag <{tag}> is not allowed (allowed: {_ALLOWED_LIST})"


def _raw_problems(item: _Item) -> list[str]:
    """What is wrong with one tag of raw HTML."""
    tag = item.name
    if item.kind == "end":
        return [] if tag in ALLOWED_HTML else [_tag_problem(tag)]
    if ":" in tag and not url_allowed(tag):  # <javascript:alert(1)>: an autolink to a bad scheme
        return [_url_problem("href", item.text.strip("<>"))]
    kept_tag, kept = _sanitized_start_tag(item.text)
    if tag not in ALLOWED_HTML or kept_tag != tag:
        return [_tag_problem(tag)]
    problems = []
    for name, value in item.attributes:
        if name in kept:
            continue
        problem = _attribute_problem(tag, name, value)
        if problem is None:
            allowed = ", ".join(sorted(ALLOWED_HTML[tag])) or "none"
            problem = f"HTML attribute '{name}' on <{tag}> is not allowed (allowed on <{tag}>: {allowed})"
        problems.append(problem)
    return problems


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
_COMMENT_ADVICE = "write comments as <!-- text -->, with no '--' inside"


def _parse_problem(code: str, snippet: str) -> str | None:
    shown = _shown(snippet)
    if code in _MALFORMED_COMMENT:
        return f"HTML comment '{shown}' is not allowed: a browser may end it elsewhere than at '-->'; {_COMMENT_ADVICE}"
    if code in _UNCLOSED_COMMENT:
        return f"HTML comment '{shown}' is not closed: {_COMMENT_ADVICE}"
    if code in _DECLARATION:
        return f"raw HTML '{shown}' is not allowed"
    if code in _UNFINISHED_TAG:
        return f"raw HTML '{shown}' is not finished: end the tag with '>' and close its quotes"
    return None


def _snippet_at(text: str, line: int, column: int) -> str:
    """The markup around a position of ``text`` (line from 1): from its '<' to the next '>'."""
    lines = text.split("\n")
    offset = sum(len(previous) + 1 for previous in lines[: line - 1]) + column
    start = max(text.rfind("<", 0, offset), 0)
    end = text.find(">", max(start, offset - 1))
    return text[start : end + 1] if end >= 0 else text[start:]


def _signature(tag: str, attributes) -> tuple:
    return (tag, tuple(sorted(attributes)))


def _local_name(tag: str) -> tuple[bool, str]:
    """Whether an element is HTML (not SVG or MathML), and its name without the namespace."""
    if tag.startswith("{"):
        return False, tag.rsplit("}", 1)[1]
    return True, tag


def check_body(path: str, body: str, body_line: int = 1) -> list[ContentError]:
    """Every raw HTML tag, attribute and link address in ``body`` that is not allowed.

    A body past one of the limits of ``markup_limits`` is not converted: that is its one error.
    ``body_line`` is the file line of the body's first line; errors carry file lines.
    """
    if not body.strip():
        return []
    problem = limit_problem(body)
    if problem is not None:
        line, message = problem
        return [ContentError(path, body_line + line, "", message)]
    references = _bidi_references(path, body, body_line) if "&#" in body else []
    if _plain(body):
        return references
    md = _markdown()
    try:
        return references + _check(md, path, body, body_line)
    except RecursionError:
        _converters.md = None  # interrupted mid-conversion: its state cannot be trusted again
        return [ContentError(path, body_line, "",
                             "the Markdown text is nested too deeply (lists or quotes inside each other)")]
    except Exception as exc:  # noqa: BLE001 - whatever Markdown chokes on is the editor's to fix
        _converters.md = None
        return [ContentError(path, body_line, "", f"the Markdown text cannot be converted: {_shown(str(exc))}")]


_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")


def _bidi_references(path: str, body: str, body_line: int) -> list[ContentError]:
    """Character references that write a bidirectional control (``&#x202E;``): the reader refuses
    the character itself, and a browser decodes the reference into it. Code is text: skipped."""
    errors = []
    masked = _mask_code(body)
    for match in _NUMERIC_REFERENCE.finditer(masked):
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if code in BIDI_CONTROLS:
            errors.append(ContentError(
                path, body_line + masked.count("\n", 0, match.start()), "",
                f"the character reference '{match.group()}' writes the invisible bidirectional control "
                f"U+{code:04X} ({BIDI_CONTROLS[code]}), which reorders the text readers see: remove it"))
    return errors[:MAX_PROBLEMS]


def _check(md: markdown.Markdown, path: str, body: str, body_line: int) -> list[ContentError]:
    published, fragments = _convert(md, body)
    locator = _Locator(body)
    errors: list[ContentError] = []

    # The editor's raw HTML, tag by tag: named as written, at its line.
    reported_tags: set[str] = set()
    checked: Counter[tuple] = Counter()  # the raw start tags checked here: (name, attributes)
    for fragment in fragments:
        items = _tags(fragment)
        first = fragment.strip().split("\n")[0]
        base = locator.line_of(fragment.strip(), first, f"<{items[0].name}" if items else "")
        for item in items:
            if item.kind == "end" and item.name in reported_tags:
                continue
            if item.kind == "start":
                checked[_signature(item.name, item.attributes)] += 1
            for message in _raw_problems(item):
                if item.kind == "start":
                    reported_tags.add(item.name)
                errors.append(ContentError(path, body_line + base + item.line - 1, "", message))
            if len(errors) >= MAX_PROBLEMS:
                return errors

    # The published HTML as a browser parses it. An element the loop above checked already (same
    # name, same attributes: the same check) is not checked again; everything else is, whether
    # Markdown wrote it or a browser reads it where the tags above did not show it.
    def report_once(message: str, *snippets: str) -> None:
        error = ContentError(path, body_line + locator.line_of(*snippets), "", message)
        if error not in errors:
            errors.append(error)

    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    document = parser.parseFragment(published, container="div")
    for element in document.iter():
        if element is document or not isinstance(element.tag, str):  # comments: see the errors below
            continue
        is_html, tag = _local_name(element.tag)
        signature = _signature(tag, element.attrib.items())
        if is_html and checked[signature] > 0:
            checked[signature] -= 1
            continue
        if not is_html or tag not in ALLOWED_HTML and tag not in GENERATED_HTML:
            if is_html or tag in ("svg", "math"):  # inside SVG and MathML: the <svg> or <math> is reported
                report_once(_tag_problem(tag), f"<{tag}")
            continue
        for name, value in element.attrib.items():
            problem = _attribute_problem(tag, name, value)
            if problem is None:
                continue
            if name in URL_ATTRIBUTES and value:
                report_once(problem, value, html.escape(value, quote=False), value[:20])
            else:
                report_once(problem, f"{name}=", name)
        if len(errors) >= MAX_PROBLEMS:
            return errors[:MAX_PROBLEMS]
    for (line, column), code, _ in parser.errors:
        snippet = _snippet_at(published, line, column)
        message = _parse_problem(code, snippet)
        if message is None:
            continue
        report_once(message, snippet, snippet[:4])
        if len(errors) >= MAX_PROBLEMS:
            return errors
    return errors
