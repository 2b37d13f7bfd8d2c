"""Rewrite the field reference in README.md from the models (tests/test_readme.py checks it)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from recaps.pages.render import field_reference_markdown

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- field-reference:start -->", "<!-- field-reference:end -->"


def with_reference(text: str) -> str:
    body = field_reference_markdown("en").split("\n", 2)[2].strip()  # drop the page title
    body = re.sub(r"^## (.*?) \{: #[^}]*\}$", r"### \1", body, flags=re.MULTILINE)
    return re.sub(
        re.escape(START) + r".*?" + re.escape(END),
        lambda _: f"{START}\n{body}\n{END}",
        text,
        flags=re.DOTALL,
    )


if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    updated = with_reference(text)
    README.write_text(updated, encoding="utf-8")
    sys.exit(0)
