"""The page HTML as the search index reads it: each label set apart from its value.

Material's search keeps the text of a page and drops most tags, so a list of facts
(``<dt>Lieu</dt><dd>Lyon</dd>``) reached readers' results glued: "LieuLyon". Before a page is
divided into search sections, each ``</dt>`` gets a colon after it (with French spacing in the
French index) and a fact followed by another gets " · ": "Lieu : Lyon · Accueillie par : La Ruche
industrielle". A line break becomes a space. Only the index's copy of the HTML changes, never
the page; what is added is plain text, which the section parsers escape like any other.
"""

from __future__ import annotations

import re

COLON = {"fr": "\u202f: "}  # the other languages: ": "
BETWEEN_FACTS = " · "
_TERM_END = re.compile(r"</dt>\s*")
_FACT_END = re.compile(r"</dd>((?:\s+|</div>|<div\b[^>]*>)*)(?=<dt[\s>])")
_DIV = re.compile(r"</?div\b[^>]*>")
_LINE_BREAK = re.compile(r"<br\s*/?>")


def readable(html: str, lang: str) -> str:
    """``html`` with labels apart from values and line breaks as spaces, for the search index."""
    if "</dt>" in html:
        colon = COLON.get(lang, ": ")
        html = _TERM_END.sub(lambda m: "</dt>" + (" " if m.string[m.start() - 1] == ":" else colon), html)
        html = _FACT_END.sub(lambda m: "</dd>" + BETWEEN_FACTS + "".join(_DIV.findall(m.group(1))), html)
    if "<br" in html:
        html = _LINE_BREAK.sub(lambda m: m.group(0) + " ", html)
    return html
