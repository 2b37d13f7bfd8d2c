"""Which HTML attributes a body may hold, wherever they come from: no event handler, no style but
a table column's alignment, and link and image addresses that are http(s), mailto or relative.

Addresses are judged by nh3 (the ammonia sanitizer): an address it keeps is allowed.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import nh3

from ..messages import Message, message

URL_SCHEMES = frozenset({"http", "https", "mailto"})  # and relative addresses
# Attributes whose value browsers load or follow as an address.
URL_ATTRIBUTES = frozenset({
    "action", "archive", "background", "cite", "codebase", "data", "dynsrc", "formaction", "href",
    "icon", "longdesc", "lowsrc", "manifest", "ping", "poster", "profile", "src", "srcset",
    "usemap", "xlink:href",
})
# The only style Markdown writes itself: the alignment of table columns.
_TABLE_ALIGN = re.compile(r"^text-align: (left|right|center);?$")

CACHED_LENGTH = 500  # longer tags and addresses are checked, not remembered


def attribute_problem(tag: str, name: str, value: str | None) -> Message | None:
    """What is wrong with an attribute whatever the tag, or None."""
    if name.startswith("on"):
        return message("HTML attribute '{attribute}' on <{tag}> is not allowed: event handlers run scripts",
                       attribute=name, tag=tag)
    if name == "style" and not (tag in ("th", "td") and _TABLE_ALIGN.match(value or "")):
        return message("HTML attribute 'style' on <{tag}> is not allowed: the site's style sheet sets the styles",
                       tag=tag)
    if name in URL_ATTRIBUTES and value is not None and not url_allowed(value):
        return url_problem(name, value)
    return None


def url_allowed(url: str) -> bool:
    """Whether nh3 keeps ``url`` as a link address: http(s), mailto, or relative."""
    return _url_allowed_cached(url) if len(url) <= CACHED_LENGTH else _url_allowed(url)


def url_problem(attribute: str, value: str) -> Message:
    if attribute == "href":
        return message("link address '{address}' is not allowed: use an http://, https:// or mailto: address, or a "
                       "relative link", address=shown(value))
    if attribute == "src":
        return message("image address '{address}' is not allowed: use an http://, https:// or mailto: address, or a "
                       "relative link", address=shown(value))
    return message("address in '{attribute}' '{address}' is not allowed: use an http://, https:// or mailto: "
                   "address, or a relative link", attribute=attribute, address=shown(value))


def shown(text: str, limit: int = 60) -> str:
    """``text`` as a message quotes it: on one line, cut at ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _url_allowed(url: str) -> bool:
    probe = f'<a href="{html.escape(url, quote=True)}">x</a>'
    cleaned = nh3.clean(probe, tags={"a"}, attributes={"a": {"href"}}, url_schemes=set(URL_SCHEMES), link_rel=None)
    return "href=" in cleaned


_url_allowed_cached = lru_cache(maxsize=4096)(_url_allowed)
