"""What the Markdown under the front matter may contain: a small set of raw HTML, safe addresses.

Editors may write the little inline HTML Markdown has no syntax for (``<br>``, ``<abbr title>``,
``<sup>``, ``<span lang>``…), never anything that runs or loads code (``<script>``, ``<iframe>``,
event handlers, ``javascript:`` addresses) or restyles the page (``style=``).

The body is converted with Python-Markdown and the same extensions as the site (``mkdocs.yml``)
so that what counts as code, as raw HTML and as a link is exactly what the build will see:

- every fragment of raw HTML Markdown passes through (its "stash") is checked tag by tag against
  the allowlist, with nh3 (the ammonia sanitizer) deciding which tags, attributes and addresses
  survive, and ``html.parser`` naming what did not;
- the HTML Markdown itself generates (links, images, attributes written with ``{: ...}``) is
  checked for event handlers, styles and addresses with schemes other than http(s) and mailto.

Python-Markdown is not linear on hostile input (thousands of ``[`` in one paragraph take
minutes), so each conversion runs under a time limit; a body that exceeds it is reported.
"""

from __future__ import annotations

import ctypes
import html
import re
import sys
import threading
import xml.etree.ElementTree as etree
from contextlib import contextmanager
from functools import lru_cache
from html.parser import HTMLParser
from typing import Iterator

import markdown
import markdown.util
import nh3

from .errors import ContentError

# mkdocs.yml's markdown_extensions, without md_in_html: the allowed raw HTML is inline only, so a
# block such as <div markdown> is refused whole rather than parsed.
EXTENSIONS = (
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
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
# The only style Markdown writes itself: the alignment of table columns.
_TABLE_ALIGN = re.compile(r"^text-align: (left|right|center);?$")

TIME_LIMIT = 3.0  # seconds for one body; real recaps take a few milliseconds
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
    walker = _Walker()
    walker.feed_all(cleaned)
    starts = [item for item in walker.items if item.kind == "start"]
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


class _Walker(HTMLParser):
    """Every start tag, end tag and declaration of an HTML text, with its line (from 1)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[_Item] = []

    def feed_all(self, text: str) -> None:
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.items.append(_Item("start", tag, attrs, self.getpos()[0], self.get_starttag_text() or f"<{tag}>"))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.items.append(_Item("end", tag, [], self.getpos()[0], f"</{tag}>"))

    def handle_decl(self, decl: str) -> None:
        self.items.append(_Item("decl", "", [], self.getpos()[0], f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self.items.append(_Item("decl", "", [], self.getpos()[0], f"<?{data}>"))

    def unknown_decl(self, data: str) -> None:
        self.items.append(_Item("decl", "", [], self.getpos()[0], f"<![{data}]>"))


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
    """Finds, in order, where snippets of the body are, skipping code: line numbers in the body."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.masked = _mask_code(body)
        self.lowered = self.masked.lower()
        self.cursors: dict[str, int] = {}

    def line_of(self, *snippets: str) -> int:
        """0-based line of the next occurrence of the first snippet found; 0 if none is."""
        for snippet in snippets:
            if not snippet:
                continue
            needle = snippet.lower()
            start = self.cursors.get(needle, 0)
            position = self.lowered.find(needle, start)
            if position < 0:
                position = self.lowered.find(needle)
            if position < 0:
                continue
            self.cursors[needle] = position + 1
            return self.masked.count("\n", 0, position)
        return 0


# ---------------------------------------------------------------------------------------------
# Time limit


class _TooSlow(BaseException):
    """Raised asynchronously in the converting thread; BaseException so that no handler eats it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block (with _TooSlow) if it runs longer than ``seconds``, in any thread."""
    set_async_exc = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)
    if set_async_exc is None:  # pragma: no cover - not CPython
        yield
        return
    thread = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def interrupt() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                set_async_exc(thread, ctypes.py_object(_TooSlow))

    timer = threading.Timer(seconds, interrupt)
    timer.daemon = True
    try:  # the interrupt may come while the timer starts: it is raised out of the with statement
        timer.start()
        yield
    finally:
        timer.cancel()
        with lock:
            state["active"] = False
            if state["fired"]:
                set_async_exc(thread, None)  # not raised yet: withdraw it


# ---------------------------------------------------------------------------------------------
# The check


# Extensions that stash HTML they generate themselves (highlighted code): not the editor's HTML.
_GENERATING_MODULES = frozenset({
    "pymdownx.superfences", "markdown.extensions.fenced_code", "markdown.extensions.codehilite",
})


class _RecordingStash(markdown.util.HtmlStash):
    """Markdown's store of raw HTML, noting which fragments come from the text itself."""

    def __init__(self) -> None:
        super().__init__()
        self.raw: list[str] = []

    def reset(self) -> None:
        super().reset()
        self.raw = []

    def store(self, html: str | etree.Element) -> str:
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller not in _GENERATING_MODULES:
            self.raw.append(html if isinstance(html, str) else etree.tostring(html, encoding="unicode"))
        return super().store(html)


_converters = threading.local()


def _markdown() -> markdown.Markdown:
    """A converter leaving raw HTML as placeholders and noting each fragment in its stash.

    Building one costs more than converting a recap: each thread keeps one, reset between bodies.
    """
    md = getattr(_converters, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=list(EXTENSIONS))
        md.postprocessors.deregister("raw_html")
        md.htmlStash = _RecordingStash()
        _converters.md = md
    md.reset()
    return md


# Only these can make Markdown write a tag, an attribute or an address: raw HTML and autolinks
# (<), inline, reference and image links (]( ]: ][), attribute lists ({).
_MAY_MAKE_MARKUP = ("<", "](", "]:", "][", "{")
# What makes Python-Markdown slow or deeply recursive: runs of brackets, deep nesting.
# Searched in "\n" + body: each line's start is then a newline, which the search jumps to.
_DEEP_NESTING = re.compile(r"\n(?:[ \t]*(?:[-*+>]|\d+[.)])[ \t]+){6,}|\n[ \t]{24,}\S")


def _plain(body: str) -> bool:
    """A body of text, headings, short lists and emphasis: nothing to check, nothing slow.

    Such a body cannot make Markdown write a tag, an attribute or an address, nor take long to
    convert, so it need not be converted here; real recaps are almost all like this.
    """
    # One-character searches first: they are many times faster than the two-character ones.
    if "<" in body or "{" in body or ("]" in body and any(marker in body for marker in _MAY_MAKE_MARKUP)):
        return False
    return (
        body.count("[") < 100
        and not _DEEP_NESTING.search("\n" + body)
    )


def _convert(md: markdown.Markdown, body: str) -> tuple[str, list[str]]:
    """Markdown's own HTML (raw HTML left as placeholders) and the raw HTML fragments."""
    generated = md.convert(body)
    return generated, md.htmlStash.raw


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


def _raw_problems(item: _Item) -> list[str]:
    """What is wrong with one tag of raw HTML."""
    if item.kind == "decl":
        return [f"raw HTML '{_shown(item.text)}' is not allowed"]
    tag = item.name
    if item.kind == "end":
        return [] if tag in ALLOWED_HTML else [f"HTML tag <{tag}> is not allowed (allowed: {_ALLOWED_LIST})"]
    if ":" in tag and not url_allowed(tag):  # <javascript:alert(1)>: an autolink to a bad scheme
        return [_url_problem("href", item.text.strip("<>"))]
    kept_tag, kept = _sanitized_start_tag(item.text)
    if tag not in ALLOWED_HTML or kept_tag != tag:
        return [f"HTML tag <{tag}> is not allowed (allowed: {_ALLOWED_LIST})"]
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


def check_body(path: str, body: str, body_line: int = 1) -> list[ContentError]:
    """Every raw HTML tag, attribute and link address in ``body`` that is not allowed.

    ``body_line`` is the file line of the body's first line; errors carry file lines.
    """
    if not body.strip() or _plain(body):
        return []
    md = _markdown()  # outside the time limit: it may import the extensions
    try:
        try:
            with _time_limit(TIME_LIMIT):
                return _check(md, path, body, body_line)
        except BaseException:
            _converters.md = None  # interrupted mid-conversion: its state cannot be trusted again
            raise
    except _TooSlow:
        return [ContentError(path, body_line, "",
                             f"the Markdown text takes more than {TIME_LIMIT:g} seconds to check: look for "
                             "very long paragraphs, long runs of '[' or '<', or thousands of headings")]
    except RecursionError:
        return [ContentError(path, body_line, "",
                             "the Markdown text is nested too deeply (lists or quotes inside each other)")]
    except Exception as exc:  # noqa: BLE001 - whatever Markdown chokes on is the editor's to fix
        return [ContentError(path, body_line, "", f"the Markdown text cannot be converted: {_shown(str(exc))}")]


def _check(md: markdown.Markdown, path: str, body: str, body_line: int) -> list[ContentError]:
    generated, fragments = _convert(md, body)
    locator = _Locator(body)
    errors: list[ContentError] = []

    def report(message: str, *snippets: str) -> None:
        errors.append(ContentError(path, body_line + locator.line_of(*snippets), "", message))

    reported_tags: set[str] = set()
    for fragment in fragments:
        walker = _Walker()
        walker.feed_all(fragment)
        base = locator.line_of(fragment.strip(), fragment.strip().split("\n")[0])
        for item in walker.items:
            if item.kind == "end" and item.name in reported_tags:
                continue
            for message in _raw_problems(item):
                if item.kind == "start":
                    reported_tags.add(item.name)
                errors.append(ContentError(path, body_line + base + item.line - 1, "", message))
            if len(errors) >= MAX_PROBLEMS:
                return errors

    walker = _Walker()
    walker.feed_all(generated)
    for item in walker.items:
        if item.kind != "start":
            continue
        for name, value in item.attributes:
            problem = _attribute_problem(item.name, name, value)
            if problem is None:
                continue
            if name in URL_ATTRIBUTES and value:
                report(problem, value, html.escape(value, quote=False), value[:20])
            else:
                report(problem, f"{name}=", name)
            if len(errors) >= MAX_PROBLEMS:
                return errors
    return errors
