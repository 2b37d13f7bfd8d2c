"""Comments in a body that the build reads as instructions: Material's tags listing.

Material's tags plugin (mkdocs.yml's ``tags``, ``listings_directive`` left as it is) puts a list of
tagged pages wherever a page's Markdown holds a comment ``<!-- material/tags ... -->``, any case,
code included; the site's tag pages have theirs. In a body, such a comment would list pages in a
recap, or fail the build when what follows the word is not a listing's configuration: refused.
"""

from __future__ import annotations

import itertools
import re

from .errors import ContentError
from .findings import MAX_PROBLEMS
from ..messages import message

# Material's own pattern (material.plugins.tags.structure.listing.manager), up to the directive.
_LISTING = re.compile(r"<!--\s*?material/tags", re.IGNORECASE)


def listing_directives(path: str, body: str, body_line: int) -> list[ContentError]:
    """Each comment of ``body`` that Material would read as a tags listing, at its line."""
    if "<!--" not in body:
        return []
    return [ContentError(path, body_line + body.count("\n", 0, match.start()), "", message(
        "a comment '<!-- material/tags' is where Material puts a list of tagged pages (the site's tag "
        "pages have theirs), and the build reads it even in code: remove it"))
        for match in itertools.islice(_LISTING.finditer(body), MAX_PROBLEMS)]
