"""A page as rendered: its Markdown, its meta (escaped as MkDocs needs it), and what the engine
needs to know about it (its source file, languages, title, description, date)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import yaml

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


def listing_arguments(tag: str) -> str:
    """Material's listing options for one tag, as YAML inside an HTML comment: every character
    but letters, digits and spaces written as an escape, so that no label can end the comment."""
    escaped = "".join(
        c if c.isascii() and (c.isalnum() or c == " ") else f"\\U{ord(c):08x}" for c in tag
    )
    return '{ include: ["' + escaped + '"] }'
