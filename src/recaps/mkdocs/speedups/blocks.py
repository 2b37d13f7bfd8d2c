"""The templates' raw HTML blocks of a page, hidden from Python-Markdown and put back.

The templates write a page's structure (facts, notion cards, quotes, timeline) as raw HTML
blocks in the Markdown they render. Python-Markdown copies such a block unchanged, but only
after running it through an HTML parser, and on a large site that parsing costs more than the
Markdown itself. So before conversion each whole block is swapped for a one-word paragraph,
swapped back after. This module finds the blocks in the page's Markdown itself, and leaves to
Python-Markdown:

- the editor's body, wherever the page shows it (its raw HTML is the editor's, and is found by
  looking for the body as written in the page's content file);
- everything from the first element with Markdown inside on: md_in_html reads what such an
  element holds (a French stand-in's whole page, under its notice), and would not write a
  block inside it back as it was.

The HTML is the same either way (tests/builds/test_hidden_blocks.py converts every real page both
ways, and compare-sites compares every page of a built site).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from ...content.sitemodel import Site

# Block-level tags our templates open a block with: Python-Markdown keeps such a block as is.
_OPENING = re.compile(r"<(div|dl|figure|ol|ul|p|nav|section|aside|table|blockquote)(?:\s[^<>]*)?>")
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\b")
_MARKDOWN_ELEMENT = re.compile(r"<[a-zA-Z][^<>]*\smarkdown\b[^<>]*>")
_ID = re.compile(r'\sid="([^"<>]*)"')
TOKEN = "recapsblock"


def editor_bodies(site: Site) -> dict[str, str]:
    """The body of every content file of the site, by its path (a page's ``RenderedPage.source``)."""
    items = [*site.programmes.values(), *site.sessions, *site.partners.values(), *site.pages.values()]
    return {item.paths[lang]: document.body for item in items for lang, document in item.documents.items()}


def block_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has whole raw HTML blocks, each one element alone between blank lines,
    before the first element with Markdown inside."""
    markdown_inside = _MARKDOWN_ELEMENT.search(text)
    limit = markdown_inside.start() if markdown_inside else len(text)
    spans = []
    position = 0
    for chunk in text.split("\n\n"):
        start = position + len(chunk) - len(chunk.lstrip("\n"))
        block = chunk.strip("\n")
        position += len(chunk) + 2
        if start + len(block) > limit:
            break
        opening = _OPENING.match(block)
        if opening is None or _MARKDOWN_ATTRIBUTE.search(opening.group()):
            continue
        tag = opening.group(1)
        closing = f"</{tag}>"
        if not block.endswith(closing):
            continue
        opened = len(re.findall(rf"<{tag}[\s>]", block))
        if opened != block.count(closing):
            continue
        spans.append((start, start + len(block)))
    return spans


def _places(text: str, body: str) -> list[tuple[int, int]]:
    """Where ``text`` shows ``body`` (none for a blank body, which holds no block)."""
    if not body.strip():
        return []
    found = []
    at = text.find(body)
    while at != -1:
        found.append((at, at + len(body)))
        at = text.find(body, at + 1)
    return found


def hide_blocks(markdown: str, body: str = "") -> tuple[str, list[str]]:
    """``markdown`` with each of its templates' blocks replaced by a placeholder word, and the
    blocks in order; ``body`` is the editor's, left as it is wherever the page shows it."""
    if TOKEN in markdown:
        return markdown, []
    bodies = _places(markdown, body)
    spans = [(start, end) for start, end in block_spans(markdown)
             if not any(start < body_end and body_start < end for body_start, body_end in bodies)]
    parts, blocks, last = [], [], 0
    for index, (start, end) in enumerate(spans):
        parts.append(markdown[last:start])
        parts.append(f"{TOKEN}{index}z")
        blocks.append(markdown[start:end])
        last = end
    parts.append(markdown[last:])
    return "".join(parts), blocks


def restore_blocks(page_html: str, blocks: list[str]) -> str:
    """The converted page with the blocks back in place of their placeholder paragraphs."""
    if not blocks:
        return page_html
    pieces = re.split(rf"<p>{TOKEN}(\d+)z</p>", page_html)
    if len(pieces) != 2 * len(blocks) + 1:
        raise ValueError(f"{len(blocks)} HTML blocks were hidden, {len(pieces) // 2} came back")
    for i in range(1, len(pieces), 2):
        pieces[i] = blocks[int(pieces[i])] + "\n"  # as Python-Markdown writes a raw block...
    joined = "".join(pieces)
    return joined[:-1] if pieces[-1] == "" else joined  # ...but for the page's last


def anchor_ids(blocks: Iterable[str]) -> set[str]:
    """The ids the blocks give their elements, which links may point to."""
    return {html.unescape(match) for block in blocks for match in _ID.findall(block)}
