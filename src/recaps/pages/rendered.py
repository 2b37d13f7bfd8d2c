"""A page as rendered: its Markdown, its meta (escaped as MkDocs needs it), and where its Markdown
has the templates' own raw HTML blocks, which skip Python-Markdown (recaps.pages.blocks)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import yaml
from markupsafe import Markup

from .blocks import block_spans
from ..content.models import LANGUAGES


@dataclass(frozen=True)
class RenderedPage:
    src_uri: str
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)  # HTML-escaped: MkDocs writes it unescaped
    source: str | None = None  # the content file it is made from, for messages
    translated: bool = True  # False: the French content stands in for a missing translation
    section: str | None = None  # the programme a page belongs to, for its navigation
    title: str = ""
    languages: tuple[str, ...] = LANGUAGES  # languages this page really exists in
    description: str = ""
    published: str | None = None  # ISO date of a recap's publication
    blocks: tuple[tuple[int, int], ...] = ()  # where `markdown` has the templates' raw HTML blocks


# Stands for an editor's body while a template renders (no template tests the body's value).
BODY_MARK = Markup("\x00recaps-body\x00")


def escaped(meta: dict[str, Any]) -> dict[str, Any]:
    """Page meta with its texts HTML-escaped: MkDocs and Material write them into HTML unescaped."""
    def escape_value(value: Any) -> Any:
        if isinstance(value, str):
            return html.escape(value)
        if isinstance(value, list):
            return [escape_value(v) for v in value]
        return value

    return {key: escape_value(value) for key, value in meta.items() if value}


def with_front_matter(page: "RenderedPage") -> str:
    """The page as one Markdown file, its meta as YAML front matter (for golden files, previews)."""
    front = yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=True, width=10_000)
    return "---\n" + front + "---\n\n" + page.markdown


def with_body(rendered: str, editor_body: str) -> tuple[str, list[tuple[int, int]]]:
    """The template's output with the editor's body where the template wrote ``body``, and where
    the template's own raw HTML blocks are: the body goes in after they are found, so that only
    the templates' blocks count (a block around the body is left to Python-Markdown)."""
    pieces = rendered.split(BODY_MARK)
    marks, at = [], 0
    for piece in pieces[:-1]:
        at += len(piece)
        marks.append(at)
        at += len(BODY_MARK)
    shift = len(editor_body) - len(BODY_MARK)
    spans = []
    for start, end in block_spans(rendered):
        if not any(start <= mark < end for mark in marks):
            bodies = sum(1 for mark in marks if mark < start)  # put in before this block
            spans.append((start + shift * bodies, end + shift * bodies))
    return str(editor_body).join(pieces), spans
