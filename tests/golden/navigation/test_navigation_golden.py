"""Golden tests of the navigation each page shows (recaps.pages.navigation), one YAML file a case.

A case holds ``input``: the site's pages as the navigation sees them (the fields of
``SitePages``) and the ``current`` page; then, last in the file, either ``output``: the tree
the current page shows (a page by its src_uri, a section as ``{label: [its pages]}``), or
``error``: the message of the ValueError raised on that input. `RECAPS_REGENERATE=1` rewrites
what follows the input from the current code; review the diff before committing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from recaps.pages.navigation import Item, SitePages, page_navigation

HERE = Path(__file__).parent
CASES = sorted(path.name for path in HERE.glob("*.yml"))
_RESULT = re.compile(r"^(output|error):", re.MULTILINE)


def _plain(items: tuple[Item, ...]) -> list:
    return [item if isinstance(item, str) else {item.label: list(item.children)} for item in items]


def _result(case: dict) -> dict:
    given = dict(case["input"])
    current = given.pop("current")
    try:
        pages = SitePages(
            lang=given.pop("lang"),
            pages=frozenset(given.pop("pages")),
            hand_written=frozenset(given.pop("hand_written", [])),
            programmes={pid: tuple(uris) for pid, uris in given.pop("programmes", {}).items()},
            tag_pages=frozenset(given.pop("tag_pages", [])),
        )
    except ValueError as exc:
        return {"error": str(exc)}
    assert not given, f"unknown input: {sorted(given)}"
    return {"output": _plain(page_navigation(pages, current))}


def test_there_are_cases() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize("name", CASES)
def test_navigation(name: str) -> None:
    path = HERE / name
    text = path.read_text(encoding="utf-8")
    case = yaml.safe_load(text)
    result = _result(case)
    expected = {key: case[key] for key in ("output", "error") if key in case}
    if os.environ.get("RECAPS_REGENERATE") == "1" and result != expected:
        found = _RESULT.search(text)
        kept = text[: found.start()] if found else text.rstrip("\n") + "\n"
        dumped = yaml.safe_dump(result, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
        path.write_text(kept + dumped, encoding="utf-8", newline="\n")
        pytest.fail(f"{path} rewritten: review the change, then run the tests without RECAPS_REGENERATE")
    assert result == expected
