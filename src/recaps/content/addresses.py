"""URL claims: where each item will be published, and who holds an address first.

Two sources published at the same URL would overwrite each other; so would a source published at
an address the site generates itself (the home page, the indexes, a tag's page). Each address is
held by the first to claim it; whoever claims it after is reported.
"""

from __future__ import annotations

from . import urls
from .errors import ErrorReport
from .models import SOURCE_LANGUAGE
from ..messages import Message, message


class Addresses:
    """Where each item will be published: two sources at the same URL would overwrite each other."""

    def __init__(self, report: ErrorReport) -> None:
        self.report = report
        self.owners: dict[str, tuple[Message | str, bool]] = {
            urls.url_of(uri): (what, True) for uri, what in urls.GENERATED.items()
        }

    def generated(self, src_uri: str, what: Message) -> None:
        self.owners.setdefault(urls.url_of(src_uri), (what, True))

    def claim(self, src_uri: str, paths: dict[str, str]) -> None:
        if SOURCE_LANGUAGE not in paths:
            return  # a translation without its source is not published
        path = paths[SOURCE_LANGUAGE]
        url = urls.url_of(src_uri)
        owner = self.owners.get(url)
        if owner is None:
            self.owners[url] = (path, False)
            return
        what, generated = owner
        if generated:
            problem = message("would be published at /{url}, the address of {what}: rename or move it", url=url, what=what)
        else:
            problem = message("would be published at /{url}, like {file}: rename or move one of them", url=url, file=what)
        self.report.add(path, 0, "", problem)
