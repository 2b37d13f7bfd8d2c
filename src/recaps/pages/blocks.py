"""The raw HTML blocks of a generated page, which Python-Markdown need not parse.

The renderer writes a page's structure (facts, notion cards, quotes, timeline) as raw HTML
blocks in the Markdown it hands over. Python-Markdown copies such a block unchanged, but only
after running it through an HTML parser, and on a large site that parsing costs more than the
Markdown itself. So the renderer notes where its own blocks are (never in an editor's body),
and before conversion each is swapped for a one-word paragraph that is swapped back after.
The HTML is the same either way (a test builds both ways and compares every page).
"""

from __future__ import annotations

import html
import re

# Block-level tags our templates open a block with: Python-Markdown keeps such a block as is.
_OPENING = re.compile(r"<(div|dl|figure|ol|ul|p|nav|section|aside|table|blockquote)(?:\s[^<>]*)?>")
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\b")
_ID = re.compile(r'\sid="([^"<>]*)"')
TOKEN = "recapsblock"


def block_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has whole raw HTML blocks: one element, alone between blank lines."""
    spans = []
    position = 0
    for chunk in text.split("\n\n"):
        start = position + len(chunk) - len(chunk.lstrip("\n"))
        block = chunk.strip("\n")
        position += len(chunk) + 2
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


def hide(markdown: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, list[str]]:
    """``markdown`` with each block replaced by a placeholder word, and the blocks in order."""
    if not spans or TOKEN in markdown:
        return markdown, []
    parts, blocks, last = [], [], 0
    for index, (start, end) in enumerate(spans):
        parts.append(markdown[last:start])
        parts.append(f"{TOKEN}{index}z")
        blocks.append(markdown[start:end])
        last = end
    parts.append(markdown[last:])
    return "".join(parts), blocks


def restore(page_html: str, blocks: list[str]) -> str:
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


def anchor_ids(blocks: list[str]) -> set[str]:
    """The ids the blocks give their elements, which links may point to."""
    return {html.unescape(match) for block in blocks for match in _ID.findall(block)}
