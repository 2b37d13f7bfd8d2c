"""The HTML pages as written out: smaller, without the indentation of the theme's templates, which
a browser ignores, and without Material's empty tabindex attributes.

Every run of white space that holds a line break becomes one line break. Outside elements that
show white space as written (pre, textarea, code) or hold another language (script, style),
a browser renders both the same: a single space. On a large site this is a sixth of the HTML.
"""

from __future__ import annotations

import re

_VERBATIM = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_BREAK_AND_SPACE = re.compile(r"\n\s+")


def strip_indentation(html: str) -> str:
    out = []
    last = 0
    for kept in _VERBATIM.finditer(html):
        out.append(_BREAK_AND_SPACE.sub("\n", html[last : kept.start()]))
        out.append(kept.group())
        last = kept.end()
    out.append(_BREAK_AND_SPACE.sub("\n", html[last:]))
    return "".join(out)


def finished_html(output: str) -> str:
    """A page's HTML (or 404.html's) as it is written out."""
    # Material writes tabindex="" on the labels of navigation sections: not a valid value
    # (Nu Html Checker), and the same as no tabindex at all.
    return strip_indentation(output.replace(' tabindex=""', ""))
