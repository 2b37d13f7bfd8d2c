"""Level-1 headings in a body (recaps.content.headings, through the body check): a page's title is
its only <h1>, so a recap, a programme or a partner may have none in its body, a hand-written page
one, its title."""

from __future__ import annotations

import pytest

from recaps.content.markup import check_body

RECAP = "sessions/parcours-demo/session-1.fr.md"
SECOND_TITLE = ("a level-1 heading ('#', or a line underlined with '===') makes a second title on the page, "
                "which has its title from the front matter: start it with '##' to make it a section")


def _errors(body: str, path: str = RECAP, body_line: int = 10) -> list[str]:
    return [str(error) for error in check_body(path, body, body_line)]


@pytest.mark.parametrize("body, line", [
    ("Le récit.\n\n# Une partie\n\nLa suite.", 12),
    ("#Hashtag en tête de ligne", 10),  # Python-Markdown needs no space after '#'
    ("Une partie\n===\n\nLa suite.", 10),  # underlined: at the line of its text
    ("Une partie\n=\n", 10),
    ("Le récit.\n\n- # Dans une liste", 12),
    ("> # Dans une citation", 10),
    ("!!! note\n    # Dans un encadré", 11),
    ("# *Une* `partie` [liée](https://example.org/) #", 10),
    ("#", 10),  # an empty heading is a heading
])
def test_a_level_one_heading_in_a_recap_is_reported_at_its_line(body: str, line: int) -> None:
    assert _errors(body) == [f"{RECAP}:{line}: {SECOND_TITLE}"]


@pytest.mark.parametrize("body", [
    "Le récit.\n\n## Une section\n\n### Une sous-section",
    "```\n# du code\n```",
    "~~~~\n# du code\n~~~~",
    "    # du code indenté",
    "Le `# code` d'une ligne.",
    " # un espace avant",
    "\\# échappé",
    "Le récit\nen deux lignes\n===",  # Python-Markdown underlines one line only
    "Le récit.\n\n===\n",  # a line of '=' after a blank line is text
    "Le récit = la suite.",
    "| a |\n|---|\n| # b |",
])
def test_what_is_no_level_one_heading_is_not_reported(body: str) -> None:
    assert _errors(body) == []


def test_each_heading_is_at_its_own_line_and_code_between_is_skipped() -> None:
    body = "# Première\n\n```\n# pas un titre\n```\n\nTexte\n\n# Deuxième\n\nTroisième\n===\n"
    assert _errors(body) == [f"{RECAP}:{line}: {SECOND_TITLE}" for line in (10, 18, 20)]


def test_a_heading_written_twice_is_reported_twice_at_each_line() -> None:
    assert _errors("# Même\n\n# Même\n") == [f"{RECAP}:10: {SECOND_TITLE}", f"{RECAP}:12: {SECOND_TITLE}"]


def test_a_hand_written_page_has_its_title_and_no_other() -> None:
    body = "# Guide de rédaction\n\nTexte.\n\n## Une section\n\n# Un autre titre\n\nEncore\n===\n"
    second = ("a second level-1 heading ('#', or a line underlined with '==='): the page's title (line 3) "
              "is its only one; start this one with '##' to make it a section")
    assert _errors(body, "docs/guide.fr.md", 3) == [f"docs/guide.fr.md:9: {second}", f"docs/guide.fr.md:11: {second}"]
    assert _errors("# Guide de rédaction\n\nTexte.", "docs/guide.fr.md", 3) == []


def test_the_heading_is_found_with_the_other_problems_of_the_body() -> None:
    errors = _errors("# Titre\n\n<script>x</script>")
    assert errors[-1] == f"{RECAP}:10: {SECOND_TITLE}"
    assert len(errors) == 2 and "<script>" in errors[0]


def test_a_partner_or_programme_body_is_held_to_the_same_rule() -> None:
    assert _errors("# Titre", "partners/atelier-nord.fr.md") == [f"partners/atelier-nord.fr.md:10: {SECOND_TITLE}"]
    assert _errors("# Titre", "sessions/parcours-demo/programme.en.md") == [
        f"sessions/parcours-demo/programme.en.md:10: {SECOND_TITLE}"]
