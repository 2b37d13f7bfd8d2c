"""A body converted to HTML as the site converts it, noting the raw HTML the editor wrote.

The converter has the site's extensions (``mkdocs.yml``) and puts raw HTML back in as the build
does, so that what is checked is the HTML that is published; its store of raw HTML (Markdown's
"stash") notes each fragment as it is stored, so that the editor's own HTML can be checked as
written.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as etree

import markdown
import markdown.preprocessors
import markdown.util

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


def convert(body: str) -> tuple[str, list[str]]:
    """The HTML the build publishes for ``body`` (raw HTML put back) and the editor's raw HTML.

    Raises whatever Markdown raises; the converter is then dropped (its state cannot be trusted
    again) and a new one made for the next body.
    """
    md = _converter()
    try:
        published = md.convert(body)
    except BaseException:
        _converters.md = None
        raise
    return published, md.htmlStash.editors_fragments()


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


def _converter() -> markdown.Markdown:
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
