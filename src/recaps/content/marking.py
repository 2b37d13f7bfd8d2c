"""Marking a translation: the version of its French source written into an English file.

``recaps mark-translated`` writes ``translation_of: <version>`` (``translation.source_version``)
in the English file's front matter, changing nothing else of its text: not its comments, its
line endings or its byte order mark.
"""

from __future__ import annotations

import re


def with_source_version(text: str, version: str) -> str:
    """The English file's text with ``translation_of`` set to ``version``; the rest untouched."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    bom = ""
    if lines and lines[0].startswith("\ufeff"):
        bom, lines[0] = "\ufeff", lines[0][1:]
    # Quoted where YAML would read a number: decimal digits alone (0123: octal), or digits
    # around an "e", a float to YAML 1.2 readers such as Decap CMS's (5e12: 5,000,000,000,000).
    number_like = version.isdigit() or re.fullmatch(r"[0-9]+e[0-9]+", version) is not None
    entry = f'translation_of: "{version}"' if number_like else f"translation_of: {version}"
    end = _front_matter_end(lines)
    if end is None:
        return bom + newline.join(["---", entry, "---", *lines])
    at = next((i for i in range(1, end) if lines[i].startswith("translation_of:")), None)
    if at is None:
        lines.insert(end, entry)
    else:
        lines[at] = entry
    return bom + newline.join(lines)


def _front_matter_end(lines: list[str]) -> int | None:
    """The line that closes the front matter, if the text starts with one."""
    if not lines or lines[0].rstrip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
