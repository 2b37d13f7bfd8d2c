"""The Jinja environment that renders a site's pages: the site's own templates first, then recaps'.

A file ``overrides/recaps/<name>.md.j2`` in the repository replaces recaps' template ``<name>.md.j2``
for that site (``session.md.j2``, ``_macros.md.j2``...), as ``overrides/`` replaces Material's
templates; ``{% include "recaps/<name>.md.j2" %}`` still reaches recaps' own, to wrap it. These
templates are code the site trusts, like Material's overrides: content never is, and no content
is ever compiled as a template. Autoescaping and StrictUndefined apply to overrides too.

The new-file templates of ``recaps new`` (``new-session.fr.md.j2``...) are not looked up here:
they write the fields the schema asks for, and stay recaps' own (recaps.scaffold).
"""

from __future__ import annotations

import html
import os
import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..content.errors import printable

OVERRIDES = "overrides/recaps"  # relative to the repository root
_OWN = "recaps"  # the prefix that names recaps' own template, from an override

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~^=-])")


class TemplateError(Exception):
    """A page template that cannot be rendered, in one line: its file, line and why."""


def md_escape(value: Any) -> Markup:
    """Text for a Markdown context: Markdown punctuation backslash-escaped, then < > & escaped."""
    text = _MD_SPECIAL.sub(r"\\\1", str(value).replace("\n", " "))
    return Markup(html.escape(text, quote=False))


# What HTML and Markdown may read as syntax in a text: written as character references, which a
# browser reads back as the characters, and Markdown leaves alone wherever the attribute lands.
_ATTRIBUTE_SPECIAL = frozenset('&<>"\'\\`*_[](){}!#|~^=')


def attribute_text(value: Any) -> Markup:
    """Text for an HTML attribute value that may stand in a Markdown paragraph (an image's alt):
    a link or an attribute list written in it stays text, and cannot close the attribute."""
    return Markup("".join(f"&#{ord(c)};" if c in _ATTRIBUTE_SPECIAL else c for c in str(value)))


def md_with_code(value: Any) -> Markup:
    """Text whose `backquoted` parts are code spans, the rest escaped as by ``md_escape``."""
    parts = str(value).split("`")
    if len(parts) % 2 == 0:  # an odd number of backquotes: no code span is meant
        return md_escape(value)
    return Markup("".join(md_code(part) if i % 2 else md_escape(part) for i, part in enumerate(parts)))


def md_code(value: Any) -> Markup:
    """A Markdown code span (Markdown escapes its HTML itself)."""
    text = str(value).replace("\n", " ")
    fence = "``" if "`" in text else "`"
    return Markup(f"{fence} {text} {fence}" if fence == "``" else f"`{text}`")


@dataclass(frozen=True)
class PageTemplates:
    """The page templates of one site: ``render(name, **context)`` gives a page's Markdown."""

    env: jinja2.Environment
    overrides: str | None  # the site's folder of templates, absolute

    def render(self, name: str, **context: Any) -> str:
        """Template ``name`` rendered with ``context``. TemplateError, naming the file and line,
        if a template of the site does not compile or fails while rendering; recaps' own
        templates fail as bugs do, with their traceback."""
        try:
            return self.env.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as exc:
            if not self._is_sites(exc.filename):
                raise
            raise TemplateError(self._where(exc.filename, exc.lineno) + exc.message) from None
        except Exception as exc:  # raised by a template's code: StrictUndefined, a filter, an include...
            # Jinja writes the template's file and line into the traceback of what it raises.
            frames = [f for f in traceback.extract_tb(exc.__traceback__) if self._is_sites(f.filename)]
            if not frames:
                raise
            if isinstance(exc, jinja2.TemplateNotFound):
                why = f"no template named {exc.name!r}"
            elif isinstance(exc, RecursionError):  # {% extends "session.md.j2" %} in session.md.j2
                own = f"{_OWN}/{Path(frames[-1].filename).name}"
                why = f"includes or extends itself; recaps' own template is {own!r}"
            else:
                why = str(exc) if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
            raise TemplateError(self._where(frames[-1].filename, frames[-1].lineno) + why) from None

    def where(self, name: str) -> str:
        """Where template ``name`` is, to begin a message about it: the site's file, or recaps' own."""
        filename = self.env.get_template(name).filename
        return self._where(filename, None) if self._is_sites(filename) else f"recaps' own {name}: page template: "

    def _is_sites(self, filename: str | None) -> bool:
        return self.overrides is not None and filename is not None \
            and os.path.abspath(filename).startswith(self.overrides + os.sep)

    def _where(self, filename: str, line: int | None) -> str:
        """``overrides/recaps/<name>:<line>: page template: `` for a file of the site's templates."""
        shown = OVERRIDES + "/" + Path(os.path.abspath(filename)).relative_to(self.overrides).as_posix()
        return printable(f"{shown}:{line}: page template: " if line else f"{shown}: page template: ")


def page_templates(root: Path | str | None) -> PageTemplates:
    """The page templates of the site at ``root``: its ``overrides/recaps/`` first, then recaps'
    own (None: recaps' own only).

    Made afresh for every rendering, so that an edited override is always read; each template
    is then compiled once, not checked on disk for every page.
    """
    own = jinja2.PackageLoader("recaps.pages", "templates")
    loaders: list[jinja2.BaseLoader] = [own, jinja2.PrefixLoader({_OWN: own})]
    overrides = os.path.abspath(Path(root) / OVERRIDES) if root is not None else None
    if overrides is not None:
        loaders.insert(0, jinja2.FileSystemLoader(overrides))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )
    env.filters["md"] = md_escape
    env.filters["attribute"] = attribute_text
    env.filters["code"] = md_code
    env.filters["md_with_code"] = md_with_code
    return PageTemplates(env, overrides)
