"""What an open-and-save in the editing interface does to the files: Decap writes the YAML again
its own way (`format: yaml-frontmatter`: its serialiser has no options but the keys' order,
which is the fields'), yet both files of session 5 and of each partner read back as they were,
front matter and body. What still changes textually goes to test-artifacts/editing/round-trip.diff."""

from __future__ import annotations

import difflib

import pytest

from decap_editing import ARTIFACTS, SESSIONS, Editing, file_text, publish, split
from processes import wait_for

ENTRIES = [  # (collection, slug, its files' stem, the label of its first text field)
    ("sessions-parcours-cec-industries", "session-5", f"{SESSIONS}/session-5", "Titre"),
    ("partners", "la-ruche-industrielle", "partners/la-ruche-industrielle", "Nom"),
    ("partners", "the-week", "partners/the-week", "Nom"),
]
DIFFS = ARTIFACTS / "round-trip.diff"


@pytest.fixture(scope="module")
def diffs():
    found: list[str] = []
    yield found
    DIFFS.write_text("".join(found), encoding="utf-8")
    print(f"\nwhat Decap's saving changes in the text: {DIFFS}")


@pytest.mark.parametrize("collection,slug,stem,label", ENTRIES, ids=[slug for _, slug, _, _ in ENTRIES])
def test_an_open_and_save_keeps_both_files_as_they_read(page, editing: Editing, diffs, collection: str, slug: str,
                                                        stem: str, label: str) -> None:
    paths = [f"{stem}.fr.md", f"{stem}.en.md"]
    page.goto(f"{editing.base}/admin/#/collections/{collection}/entries/{slug}")
    field = page.get_by_label(label, exact=True).first
    field.wait_for()
    value = field.input_value()
    # Changed and saved, then put back and saved (Decap saves nothing that is as it loaded it).
    for typed in (value + " x", value):
        written = {path: (editing.root / path).stat().st_mtime_ns for path in paths}
        page.reload()
        field.wait_for()
        field.fill(typed)
        publish(page)
        for path in paths:
            wait_for(lambda: (editing.root / path).stat().st_mtime_ns != written[path], 10, f"{path} written")
    for path in paths:
        assert split(file_text(editing, path)) == split(editing.original[path]), path
        diffs.extend(difflib.unified_diff(editing.original[path].splitlines(keepends=True),
                                          file_text(editing, path).splitlines(keepends=True), path, path + " (Decap)"))
