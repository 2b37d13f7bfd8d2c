"""Where a front matter never closed seems to end (recaps.content.unclosed), and what the check
reads of such a file and of one whose front matter does not parse (split_markdown)."""

from __future__ import annotations

import pytest

from recaps.content.front_matter import split_front_matter, split_markdown
from recaps.content.unclosed import leading_front_matter


@pytest.mark.parametrize(
    ("text", "front_matter", "body", "body_line"),
    [
        # The usual recap: fields, a blank line, a paragraph.
        ("id: x\ntitle: T\n\nLe récit.\n", "id: x\ntitle: T", "\nLe récit.\n", 4),
        # Indented lines and a list right under its field belong; a comment too.
        ("dates:\n  start: 1\ntags:\n- a\n# note\nid: x\nTexte", "dates:\n  start: 1\ntags:\n- a\n# note\nid: x",
         "Texte", 8),
        # After a blank line, '- ' starts the body's Markdown list.
        ("id: x\n\n- un point\n", "id: x", "\n- un point\n", 3),
        # A heading reads as a YAML comment: with the blank lines before the body's text, it goes to the body.
        ("id: x\n\n## Titre\n\nTexte", "id: x", "\n## Titre\n\nTexte", 3),
        # A French colon, a name of two words, a quoted or numeric start: text, not fields.
        ("id: x\nNote : ceci", "id: x", "Note : ceci", 3),
        ("id: x\nLe récit: ceci", "id: x", "Le récit: ceci", 3),
        ("id: x\n2025: une année", "id: x", "2025: une année", 3),
        # A tab-indented line belongs: the YAML reader says what is wrong with it.
        ("dates:\n\tstart: 1\n", "dates:\n\tstart: 1", "", 4),
        # The whole file, when nothing in it cannot be front matter.
        ("id: x", "id: x", "", 3),
        # Nothing, when the first line already cannot be.
        ("Le récit.", "", "Le récit.", 2),
        # 'Note:' is a field as far as a reader of lines can tell: the editor is told where it stopped.
        ("id: x\n\nNote: ceci\n\nTexte", "id: x\n\nNote: ceci", "\nTexte", 5),
    ],
)
def test_the_front_matter_ends_before_the_first_line_that_cannot_belong(
    text: str, front_matter: str, body: str, body_line: int
) -> None:
    assert leading_front_matter(text, first_line=2) == (front_matter, body, body_line)


def test_a_front_matter_never_closed_is_read_as_far_as_it_can_be_and_said_so() -> None:
    parts = split_markdown("a.fr.md", "---\nid: x\ncity: Lyon\n\nLe récit.\n")
    assert not parts.closed
    assert (parts.document.meta, parts.document.lines) == ({"id": "x", "city": "Lyon"}, {(): 2, ("id",): 2, ("city",): 3})
    assert (parts.body, parts.body_line) == ("\nLe récit.\n", 4)
    assert (parts.document.body, parts.document.body_line) == ("\nLe récit.\n", 4)
    assert [str(e) for e in parts.errors] == [
        "a.fr.md:1: front matter is never closed: add a line '---' where it ends (read here up to line 3)"
    ]


def test_a_front_matter_never_closed_whose_yaml_does_not_parse_still_has_its_body() -> None:
    parts = split_markdown("a.fr.md", "---\nid: x\ndates:\n\tstart: 2025-01-16\n\nLe récit.\n")
    assert parts.document is None and (parts.body, parts.body_line) == ("\nLe récit.\n", 5)
    assert [str(e) for e in parts.errors] == [
        "a.fr.md:1: front matter is never closed: add a line '---' where it ends (read here up to line 4)",
        "a.fr.md:4: this line is indented with a tab: indent it with spaces only",
    ]


def test_a_front_matter_never_closed_with_nothing_to_read_says_so_as_before() -> None:
    parts = split_markdown("a.fr.md", "---\nLe récit.\n")
    assert parts.document is None and (parts.body, parts.body_line) == ("Le récit.\n", 2)
    assert [str(e) for e in parts.errors] == ["a.fr.md:1: front matter is never closed: add a line '---' after it"]


@pytest.mark.parametrize(
    "text",
    ["---\nid: x\ndates:\n\tstart: 1\n---\nLe récit.\n", "---\n---\nLe récit.\n", "---\n- a\n---\nLe récit.\n"],
)
def test_a_closed_front_matter_that_does_not_read_still_has_its_body(text: str) -> None:
    parts = split_markdown("a.fr.md", text)
    assert parts.closed and parts.document is None and parts.errors
    assert (parts.body, parts.body_line) == ("Le récit.\n", text.count("\n"))


@pytest.mark.parametrize("text", ["", "id: x\n---\nLe récit.\n"])
def test_without_an_opening_line_there_is_no_body_to_check(text: str) -> None:
    parts = split_markdown("a.fr.md", text)
    assert parts.document is None and parts.body is None and parts.errors


def test_split_front_matter_gives_no_document_for_a_front_matter_never_closed() -> None:
    # mark-translated and new rely on it: a file whose front matter is not read whole is never rewritten.
    document, errors = split_front_matter("a.fr.md", "---\nid: x\ncity: Lyon\n\nLe récit.\n")
    assert document is None
    assert [str(e) for e in errors] == ["a.fr.md:1: front matter is never closed: add a line '---' after it"]
