"""The editors' commands, through click's test runner, on temporary content trees."""

from __future__ import annotations

import contextlib
from pathlib import Path

from click.testing import CliRunner, Result

from recaps.cli import main

PROGRAMME_EN = "sessions/parcours-demo/programme.en.md"
SESSION_FR = "sessions/parcours-demo/session-1.fr.md"
SESSION_EN = "sessions/parcours-demo/session-1.en.md"
PARTNER_EN = "partners/atelier-nord.en.md"
ALL_EN = (PROGRAMME_EN, SESSION_EN, PARTNER_EN)


def run(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(main, ["-C", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def run_in(folder: Path, *args: str) -> Result:
    """The command run from ``folder``, without -C: the repository is found from there."""
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, list(args), prog_name="recaps")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- check ---------------------------------------------------------------------------------------


def test_check_ok_summary(tree: Path) -> None:
    result = run(tree, "check")
    assert (result.exit_code, result.output) == (
        0,
        "OK: 1 programme, 1 session recap, 1 partner, 2 people, 0 pages; no errors\n",
    )


def test_check_counts_in_the_singular_and_with_pages(tree: Path) -> None:
    people = tree / "sessions/people.yml"
    people.write_text(people.read_text(encoding="utf-8").split("  - id: paul-durand")[0], encoding="utf-8")
    (tree / SESSION_FR).write_text(
        (tree / SESSION_FR).read_text(encoding="utf-8").replace("speaker: paul-durand", "speaker: anne-martin"),
        encoding="utf-8",
    )
    partner = tree / "partners/atelier-nord.fr.md"
    partner.write_text(partner.read_text(encoding="utf-8").replace("people: [paul-durand]", "people: []"), encoding="utf-8")
    (tree / "docs").mkdir()
    (tree / "docs/about.fr.md").write_text("# À propos\n", encoding="utf-8")
    (tree / "docs/legal.fr.md").write_text("---\ntitle: Mentions légales\n---\nTexte.\n", encoding="utf-8")
    result = run(tree, "check")
    assert (result.exit_code, result.output) == (
        0,
        "OK: 1 programme, 1 session recap, 1 partner, 1 person, 2 pages; no errors\n",
    )


def test_check_with_errors_exits_1(tree: Path) -> None:
    (tree / "partners/atelier-nord.en.md").unlink()
    (tree / "partners/atelier-nord.fr.md").unlink()
    result = run(tree, "check")
    assert (result.exit_code, result.output) == (
        1,
        f"{SESSION_FR}:10: host: no partner 'atelier-nord' in partners/; none is listed there yet\n"
        f"{SESSION_FR}:23: partners[1]: no partner 'atelier-nord' in partners/; none is listed there yet\n"
        "2 errors found\n",
    )


# --- status and mark-translated ------------------------------------------------------------------


WHAT_TO_DO = "What to do (FILE: the file in the table):\n"
MISSING_STEP = (
    "  missing      translate the French into FILE (for a session or a partner, `recaps new` writes FILE "
    "to fill in), then run `recaps mark-translated FILE`\n"
)
IN_PROGRESS_STEP = "  in progress  once FILE is translated, run `recaps mark-translated FILE`\n"


def test_status_complete_missing_in_progress_orphan(tree: Path) -> None:
    assert run(tree, "mark-translated", str(tree / PROGRAMME_EN)).exit_code == 0
    (tree / PARTNER_EN).rename(tree / "partners/atelier-sud.en.md")
    result = run(tree, "status")
    assert (result.exit_code, result.output) == (
        0,
        "KIND       ID                       STATE        FILE\n"
        "programme  parcours-demo            complete     sessions/parcours-demo/programme.en.md\n"
        "session    parcours-demo/session-1  in progress  sessions/parcours-demo/session-1.en.md\n"
        "partner    atelier-nord             missing      partners/atelier-nord.en.md\n"
        "partner    atelier-sud              orphan       partners/atelier-sud.en.md\n"
        "4 items: 1 complete, 1 missing, 1 in progress, 0 stale, 1 orphan\n"
        + WHAT_TO_DO + MISSING_STEP + IN_PROGRESS_STEP +
        "  orphan       FILE has no French source: write the French file beside it, or delete FILE\n"
        "(1 error found in the content: run `recaps check` for details)\n",
    )
    result = run(tree, "status", "--strict")
    assert result.exit_code == 1
    assert result.output.endswith(
        "(1 error found in the content: run `recaps check` for details)\n"
        "--strict: 1 of 4 translations complete; do what is said above for the others, then run "
        "`recaps status --strict` again\n"
    )


def test_status_stale_once_the_french_changes_after_marking(tree: Path) -> None:
    assert run(tree, "mark-translated", *(str(tree / f) for f in ALL_EN)).exit_code == 0
    french = tree / SESSION_FR
    french.write_text(french.read_text(encoding="utf-8").replace("Le récit de la session.", "Le récit, revu."), encoding="utf-8")
    result = run(tree, "status", "--strict")
    assert (result.exit_code, result.output) == (
        1,
        "KIND       ID                       STATE     FILE\n"
        "programme  parcours-demo            complete  sessions/parcours-demo/programme.en.md\n"
        "session    parcours-demo/session-1  stale     sessions/parcours-demo/session-1.en.md\n"
        "partner    atelier-nord             complete  partners/atelier-nord.en.md\n"
        "3 items: 2 complete, 0 missing, 0 in progress, 1 stale, 0 orphan\n"
        "What to do (FILE: the file in the table):\n"
        "  stale  the French changed since FILE was marked: update FILE, then run `recaps mark-translated FILE`\n"
        "--strict: 2 of 3 translations complete; do what is said above for the others, then run "
        "`recaps status --strict` again\n",
    )


def test_status_strict_passes_only_when_everything_is_complete(tree: Path) -> None:
    assert run(tree, "status", "--strict").exit_code == 1
    assert run(tree, "mark-translated", *(str(tree / f) for f in ALL_EN)).exit_code == 0
    result = run(tree, "status", "--strict")
    assert (result.exit_code, result.output) == (
        0,
        "KIND       ID                       STATE     FILE\n"
        "programme  parcours-demo            complete  sessions/parcours-demo/programme.en.md\n"
        "session    parcours-demo/session-1  complete  sessions/parcours-demo/session-1.en.md\n"
        "partner    atelier-nord             complete  partners/atelier-nord.en.md\n"
        "3 items: 3 complete, 0 missing, 0 in progress, 0 stale, 0 orphan\n",
    )


def test_status_strict_fails_on_content_errors_even_when_complete(tree: Path) -> None:
    assert run(tree, "mark-translated", *(str(tree / f) for f in ALL_EN)).exit_code == 0
    people = tree / "sessions/people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("id: anne-martin", "id: anne"), encoding="utf-8")
    result = run(tree, "status", "--strict")
    assert result.exit_code == 1
    assert result.output.endswith(
        "3 items: 3 complete, 0 missing, 0 in progress, 0 stale, 0 orphan\n"
        "(1 error found in the content: run `recaps check` for details)\n"
    )


def test_mark_translated_then_editing_the_french_makes_it_stale(tree: Path) -> None:
    before = (tree / SESSION_EN).read_text(encoding="utf-8")
    result = run(tree, "mark-translated", str(tree / SESSION_EN))
    assert (result.exit_code, result.output) == (
        0,
        f"{SESSION_EN}: marked as translating {SESSION_FR} (version 7e8ba44e22cd)\n",
    )
    after = (tree / SESSION_EN).read_text(encoding="utf-8")
    assert after == before.replace("---\n\nThe story", "translation_of: 7e8ba44e22cd\n---\n\nThe story")
    assert "session    parcours-demo/session-1  complete" in run(tree, "status").output

    french = tree / SESSION_FR
    french.write_text(french.read_text(encoding="utf-8").replace("Le récit de la session.", "Le récit, revu."), encoding="utf-8")
    assert "session    parcours-demo/session-1  stale" in run(tree, "status").output

    # A neutral fact (the dates) changes nothing for the translator.
    french.write_text(french.read_text(encoding="utf-8").replace("Le récit, revu.", "Le récit de la session."), encoding="utf-8")
    french.write_text(french.read_text(encoding="utf-8").replace("end: 2025-01-17", "end: 2025-01-18"), encoding="utf-8")
    assert "session    parcours-demo/session-1  complete" in run(tree, "status").output


def test_a_version_copied_in_upper_case_is_still_complete(tree: Path) -> None:
    assert run(tree, "mark-translated", str(tree / SESSION_EN)).exit_code == 0
    english = tree / SESSION_EN
    english.write_text(english.read_text(encoding="utf-8").replace("7e8ba44e22cd", "7E8BA44E22CD"), encoding="utf-8")
    assert "translation_of: 7E8BA44E22CD\n" in english.read_text(encoding="utf-8")
    assert "session    parcours-demo/session-1  complete     sessions/parcours-demo/session-1.en.md\n" in (
        run(tree, "status").output
    )


def test_mark_translated_accepts_paths_relative_to_the_root(tree: Path) -> None:
    result = run(tree, "mark-translated", PARTNER_EN)
    assert result.exit_code == 0
    assert result.output.startswith(f"{PARTNER_EN}: marked as translating partners/atelier-nord.fr.md (version ")


def test_mark_translated_refuses_what_it_cannot_mark(tree: Path) -> None:
    (tree / "partners/broken.fr.md").write_text("---\nid: broken\n", encoding="utf-8")
    (tree / "partners/broken.en.md").write_text("---\nname: Broken\n---\n", encoding="utf-8")
    (tree / "partners/latin.fr.md").write_text("---\nid: latin\n---\n", encoding="utf-8")
    (tree / "partners/latin.en.md").write_bytes(b"---\nname: \"Caf\xe9\"\n---\n")
    (tree / "partners/open.fr.md").write_text("---\nid: open\n---\n", encoding="utf-8")
    (tree / "partners/open.en.md").write_text("---\nname: Open\n\nBody\n", encoding="utf-8")
    before = snapshot(tree)
    result = run(
        tree, "mark-translated", "partners/atelier-nord.fr.md", "partners/nope.en.md",
        "partners/broken.en.md", "partners/latin.en.md", "partners/open.en.md",
    )
    assert (result.exit_code, result.output) == (
        1,
        "partners/atelier-nord.fr.md: not an English translation (the file name must end in .en.md)\n"
        "partners/nope.en.md: does not exist\n"
        "partners/broken.fr.md:1: front matter is never closed: add a line '---' after it\n"
        "partners/latin.en.md:2: is not UTF-8 text (byte 0xe9, 'é' in Windows-1252); save it as UTF-8\n"
        "partners/open.en.md:1: front matter is never closed: add a line '---' after it\n",
    )
    assert snapshot(tree) == before


def test_mark_translated_refuses_a_translation_not_finished(tree: Path) -> None:
    """Nothing translated yet (as `recaps new` wrote it), or a notion or quote short: `complete`
    would be untrue, and the English page would show French."""
    assert run(tree, "new", "partner", "atelier-sud").exit_code == 0
    fill(tree / "partners/atelier-sud.fr.md", [('name: ""', 'name: "Sud"'), ('city: ""', "city: Nîmes"),
                                               ("website: https://", "website: https://sud.example"),
                                               ('mission: ""', 'mission: "Relier."')])
    session = tree / SESSION_EN
    session.write_text(session.read_text(encoding="utf-8").replace(
        'quotes:\n  - text: "Let us start together."\n', "quotes: []\n"), encoding="utf-8")
    french = tree / SESSION_FR
    french.write_text(french.read_text(encoding="utf-8").replace(
        "quotes:\n", '  - title: "Coopérer"\n    text: "Faire ensemble."\nquotes:\n'), encoding="utf-8")
    before = snapshot(tree)
    result = run(tree, "mark-translated", "partners/atelier-sud.en.md", SESSION_EN)
    assert (result.exit_code, result.output) == (
        1,
        "partners/atelier-sud.en.md: nothing is translated yet: translate partners/atelier-sud.fr.md "
        "into it, then mark it\n"
        f"{SESSION_EN}:6: notions: the French source has 2, this translation has 1: translate each one, in the same order\n"
        f"{SESSION_EN}:9: quotes: the French source has 1, this translation has 0: translate each one, in the same order\n",
    )
    assert snapshot(tree) == before


# --- new -----------------------------------------------------------------------------------------


def test_new_session_creates_both_files_and_the_editors_to_do_list(tree: Path) -> None:
    result = run(tree, "new", "session", "parcours-demo", "2")
    assert (result.exit_code, result.output) == (
        0,
        "created sessions/parcours-demo/session-2.fr.md\n"
        "created sessions/parcours-demo/session-2.en.md\n"
        "Fill in the French file, run `recaps check`, then translate the English one.\n",
    )
    assert (tree / "sessions/parcours-demo/session-2.fr.md").is_file()
    assert (tree / "sessions/parcours-demo/session-2.en.md").is_file()
    check = run(tree, "check")
    new = "sessions/parcours-demo/session-2.fr.md"
    # The English file, untouched, is a missing translation: no error.
    assert (check.exit_code, check.output) == (
        1,
        f"{new}:6: title: must not be empty\n"
        f"{new}:8: dates.start: write the date in place of YYYY-MM-DD, e.g. 2025-01-16\n"
        f"{new}:9: dates.end: write the date in place of YYYY-MM-DD, e.g. 2025-01-16\n"
        f"{new}:10: city: must not be empty\n"
        f"{new}:11: host: must not be empty\n"
        f"{new}:13: published: write the date in place of YYYY-MM-DD, e.g. 2025-01-16\n"
        f"{new}:15: question: must not be empty\n"
        f"{new}:16: summary: must not be empty\n"
        f"{new}:18: notions[1].title: must not be empty\n"
        f"{new}:19: notions[1].text: must not be empty\n"
        f"{new}:21: quotes[1].speaker: must not be empty\n"
        f"{new}:23: quotes[1].text: must not be empty\n"
        f"{new}:27: next_session.note: must not be empty\n"
        "13 errors found\n",
    )


def fill(path: Path, replacements: list[tuple[str, str]]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


FILLED_FRENCH = [
    ('title: ""', 'title: "Coopérer"'),
    ("start: YYYY-MM-DD", "start: 2025-03-10"),
    ("end: YYYY-MM-DD", "end: 2025-03-11"),
    ('city: ""', "city: Lille"),
    ('host: ""', "host: atelier-nord"),
    ("published: YYYY-MM-DD", "published: 2025-04-01"),
    ('question: ""', 'question: "Comment coopérer ?"'),
    ('summary: ""', 'summary: "La deuxième session."'),
    ('title: ""', 'title: "Ensemble"'),
    ('text: ""', 'text: "Faire ensemble."'),
    ('speaker: ""', "speaker: paul-durand"),
    ('text: ""', 'text: "Coopérons."'),
    ('note: ""', 'note: "La dernière."'),
]


def test_new_session_once_filled_passes_and_publishes_while_the_english_is_untouched(tree: Path) -> None:
    assert run(tree, "new", "session", "parcours-demo", "2").exit_code == 0
    fill(tree / "sessions/parcours-demo/session-2.fr.md", FILLED_FRENCH)
    en = "sessions/parcours-demo/session-2.en.md"
    check = run(tree, "check")
    assert (check.exit_code, check.output) == (
        0,
        "OK: 1 programme, 2 session recaps, 1 partner, 2 people, 0 pages; no errors\n",
    )
    assert f"session    parcours-demo/session-2  missing      {en}\n" in run(tree, "status").output
    # Partly translated: the English file is checked, and what it lacks is reported.
    fill(tree / en, [('title: ""', 'title: "Cooperating"')])
    check = run(tree, "check")
    assert (check.exit_code, check.output) == (
        1,
        f"{en}:7: question: must not be empty\n"
        f"{en}:8: summary: must not be empty\n"
        f"{en}:10: notions[1].title: must not be empty\n"
        f"{en}:11: notions[1].text: must not be empty\n"
        f"{en}:13: quotes[1].text: must not be empty\n"
        f"{en}:15: next_session.note: must not be empty\n"
        "6 errors found\n",
    )
    fill(tree / en, [
        ('question: ""', 'question: "How do we cooperate?"'),
        ('summary: ""', 'summary: "The second session."'),
        ('title: ""', 'title: "Together"'),
        ('text: ""', 'text: "Doing things together."'),
        ('text: ""', 'text: "Let us cooperate."'),
        ('note: ""', 'note: "The last one."'),
    ])
    check = run(tree, "check")
    assert (check.exit_code, check.output) == (
        0,
        "OK: 1 programme, 2 session recaps, 1 partner, 2 people, 0 pages; no errors\n",
    )
    assert f"session    parcours-demo/session-2  in progress  {en}\n" in run(tree, "status").output


def test_new_session_writes_the_english_file_again_where_the_french_one_exists(tree: Path) -> None:
    """The English file deleted (or emptied by a web editor): `recaps new` writes it again,
    with a place for each notion and quote of the French, and keeps the French."""
    assert run(tree, "new", "session", "parcours-demo", "2").exit_code == 0
    french = tree / "sessions/parcours-demo/session-2.fr.md"
    fill(french, FILLED_FRENCH + [
        ("quotes:", 'notions_two:\nquotes:'),
    ])
    fill(french, [("notions_two:\n", '  - title: "Écouter"\n    text: "Prendre le temps."\n')])
    english = tree / "sessions/parcours-demo/session-2.en.md"
    english.unlink()
    before = french.read_bytes()
    result = run(tree, "new", "session", "parcours-demo", "2")
    assert (result.exit_code, result.output) == (
        0,
        "kept sessions/parcours-demo/session-2.fr.md (it exists)\n"
        "created sessions/parcours-demo/session-2.en.md\n"
        "Translate the French into sessions/parcours-demo/session-2.en.md, then run "
        "`recaps mark-translated sessions/parcours-demo/session-2.en.md`.\n",
    )
    assert french.read_bytes() == before
    text = english.read_text(encoding="utf-8")
    assert 'notions:  # The key notions the session leaves, each a title and a text. Same number and order as the French.\n' \
        '  - title: ""\n    text: ""\n  - title: ""\n    text: ""\nquotes:' in text
    assert 'quotes:  # Translation of each quote, same number and order as the French.\n  - text: ""\nnext_session:' in text
    assert run(tree, "check").exit_code == 0

    english.write_text("\n", encoding="utf-8")
    result = run(tree, "new", "session", "parcours-demo", "2")
    assert result.output.startswith(
        "kept sessions/parcours-demo/session-2.fr.md (it exists)\n"
        "wrote sessions/parcours-demo/session-2.en.md (it held only whitespace)\n"
    )
    assert english.read_text(encoding="utf-8") == text


def test_new_session_refuses_to_overwrite(tree: Path) -> None:
    before = snapshot(tree)
    result = run(tree, "new", "session", "parcours-demo", "1")
    assert (result.exit_code, result.output) == (
        1,
        "error: sessions/parcours-demo/session-1.fr.md and sessions/parcours-demo/session-1.en.md "
        "already exist; nothing was written (`recaps status` says what each translation needs next)\n",
    )
    assert snapshot(tree) == before
    (tree / "sessions/parcours-demo/session-2.en.md").write_text("mine\n", encoding="utf-8")
    result = run(tree, "new", "session", "parcours-demo", "2")
    assert result.output.startswith(
        "created sessions/parcours-demo/session-2.fr.md\nkept sessions/parcours-demo/session-2.en.md (it exists)\n"
    )
    assert (tree / "sessions/parcours-demo/session-2.en.md").read_text(encoding="utf-8") == "mine\n"


def test_new_session_unknown_programme_or_number(tree: Path) -> None:
    before = snapshot(tree)
    result = run(tree, "new", "session", "parcours-essai", "2")
    assert (result.exit_code, result.output) == (
        1,
        "error: no programme 'parcours-essai' (sessions/parcours-essai/programme.fr.md does not exist); "
        "known programmes: parcours-demo\n",
    )
    result = run(tree, "new", "session", "parcours-demo", "4")
    assert (result.exit_code, result.output) == (1, "error: session 4 is outside the programme's 3 planned sessions\n")
    assert snapshot(tree) == before


def test_new_session_last_one_announces_no_next_session(tree: Path) -> None:
    assert run(tree, "new", "session", "parcours-demo", "3").exit_code == 0
    french = (tree / "sessions/parcours-demo/session-3.fr.md").read_text(encoding="utf-8")
    english = (tree / "sessions/parcours-demo/session-3.en.md").read_text(encoding="utf-8")
    assert "\nnext_session:" not in french and "\n# next_session:" in french
    assert "next_session" not in english


def test_new_partner_creates_both_files_and_the_editors_to_do_list(tree: Path) -> None:
    result = run(tree, "new", "partner", "atelier-sud")
    assert (result.exit_code, result.output) == (
        0,
        "created partners/atelier-sud.fr.md\n"
        "created partners/atelier-sud.en.md\n"
        "Fill in the French file, run `recaps check`, then translate the English one.\n",
    )
    check = run(tree, "check")
    assert (check.exit_code, check.output) == (
        1,
        "partners/atelier-sud.fr.md:4: name: must not be empty\n"
        "partners/atelier-sud.fr.md:6: city: must not be empty\n"
        "partners/atelier-sud.fr.md:7: website: 'https://' is not a web address: use http://, https:// or mailto:\n"
        "partners/atelier-sud.fr.md:8: mission: must not be empty\n"
        "4 errors found\n",
    )
    fill(tree / "partners/atelier-sud.fr.md", [
        ('name: ""', 'name: "L’Atelier du Sud"'),
        ('city: ""', "city: Marseille"),
        ("website: https://", "website: https://atelier-sud.example"),
        ('mission: ""', 'mission: "Relier les industriels du Sud."'),
    ])
    fill(tree / "partners/atelier-sud.en.md", [
        ('name: ""', 'name: "L’Atelier du Sud"'),
        ('mission: ""', 'mission: "Connecting manufacturers in the South."'),
    ])
    check = run(tree, "check")
    assert (check.exit_code, check.output) == (
        0,
        "OK: 1 programme, 1 session recap, 2 partners, 2 people, 0 pages; no errors\n",
    )


def test_new_partner_refuses_an_invalid_id_or_an_existing_one(tree: Path) -> None:
    before = snapshot(tree)
    for bad in ("Atelier-Sud", "atelier_sud", "atelier sud", "café", "atelier-"):
        result = run(tree, "new", "partner", bad)
        assert (result.exit_code, result.output) == (
            1,
            f"error: '{bad}' is not a valid id: use lowercase letters a-z, digits and hyphens\n",
        )
    result = run(tree, "new", "partner", "atelier-nord")
    assert (result.exit_code, result.output) == (
        1,
        "error: partners/atelier-nord.fr.md and partners/atelier-nord.en.md already exist; nothing was written "
        "(`recaps status` says what each translation needs next)\n",
    )
    assert snapshot(tree) == before


def test_mark_translated_refuses_a_file_outside_the_repository(tree: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.en.md"
    outside.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = run(tree, "mark-translated", str(outside))
    assert (result.exit_code, result.output) == (1, f"{outside}: is not inside the repository ({tree.resolve()})\n")
    assert outside.read_text(encoding="utf-8") == "---\ntitle: x\n---\n"


# --- finding the repository ----------------------------------------------------------------------


def test_every_command_finds_the_repository_from_a_subfolder(tree: Path) -> None:
    programme = tree / "sessions/parcours-demo"
    for args in (["check"], ["status"], ["status", "--strict"]):
        from_root, from_below = run(tree, *args), run_in(programme, *args)
        assert (from_below.exit_code, from_below.output) == (from_root.exit_code, from_root.output)
    assert run_in(tree / "partners", "check").output == (
        "OK: 1 programme, 1 session recap, 1 partner, 2 people, 0 pages; no errors\n"
    )
    # A file named as tab completion types it, from where the editor is.
    result = run_in(programme, "mark-translated", "session-1.en.md", "../../partners/atelier-nord.en.md")
    assert (result.exit_code, result.output) == (
        0,
        f"{SESSION_EN}: marked as translating {SESSION_FR} (version 7e8ba44e22cd)\n"
        f"{PARTNER_EN}: marked as translating partners/atelier-nord.fr.md (version 9b25c6a3d0f1)\n",
    )
    result = run_in(tree / "sessions", "new", "session", "parcours-demo/", "2")
    assert (result.exit_code, result.output) == (
        0,
        "created sessions/parcours-demo/session-2.fr.md\n"
        "created sessions/parcours-demo/session-2.en.md\n"
        "Fill in the French file, run `recaps check`, then translate the English one.\n",
    )


def test_a_docs_folder_named_sessions_is_not_taken_for_the_repository(tree: Path) -> None:
    (tree / "docs/sessions").mkdir(parents=True)
    (tree / "docs/sessions/agenda.fr.md").write_text("# Agenda\n", encoding="utf-8")
    result = run_in(tree / "docs", "check")
    assert (result.exit_code, result.output) == (
        0,
        "OK: 1 programme, 1 session recap, 1 partner, 2 people, 1 page; no errors\n",
    )


def test_outside_a_repository_every_command_says_so(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "sessions").mkdir(parents=True)  # a folder of that name is not enough
    for args in (["check"], ["status"], ["mark-translated", "a.en.md"], ["new", "partner", "atelier-sud"],
                 ["build"], ["serve"]):
        result = run_in(elsewhere, *args)
        assert (result.exit_code, result.output) == (
            1,
            f"error: not a recaps repository (no sessions/people.yml in {elsewhere} or any folder above it): "
            "run recaps inside one, or point at it with -C PATH\n",
        ), args
    assert list(elsewhere.rglob("*")) == [elsewhere / "sessions"]
    # Help needs no repository.
    result = run_in(elsewhere, "check", "--help")
    assert result.exit_code == 0 and result.output.startswith("Usage: recaps check [OPTIONS]\n")


def test_a_current_folder_removed_meanwhile_is_one_line(tree: Path) -> None:
    gone = tree / "sessions/gone"
    gone.mkdir()
    with contextlib.chdir(gone):
        gone.rmdir()
        result = CliRunner().invoke(main, ["check"])
    assert (result.exit_code, result.output) == (
        1,
        "error: the current folder cannot be read (No such file or directory): go to the repository, "
        "or point at it with -C PATH\n",
    )


def test_C_pointing_at_a_folder_that_is_not_a_repository(tree: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(empty, "check")
    assert (result.exit_code, result.output) == (
        1,
        f"error: {empty} is not a recaps repository (it has no sessions/people.yml): "
        "point -C at the folder that holds sessions/\n",
    )
    # -C names the repository itself: a folder inside one is refused, not searched upwards.
    result = run(tree / "sessions", "status")
    assert (result.exit_code, result.output) == (
        1,
        f"error: {tree / 'sessions'} is not a recaps repository (it has no sessions/people.yml): "
        "point -C at the folder that holds sessions/\n",
    )
    result = CliRunner().invoke(main, ["-C", str(tmp_path / "missing"), "check"])
    assert result.exit_code == 2
    assert result.output.endswith(f"Error: Invalid value for '-C' / '--root': Directory '{tmp_path / 'missing'}' does not exist.\n")


# --- new: what tab completion types ---------------------------------------------------------------


def test_new_session_takes_the_programme_folder_as_completion_types_it(tree: Path) -> None:
    for number, given in ((2, "parcours-demo/"), (3, "sessions/parcours-demo/")):
        result = run(tree, "new", "session", given, str(number))
        assert (result.exit_code, result.output) == (
            0,
            f"created sessions/parcours-demo/session-{number}.fr.md\n"
            f"created sessions/parcours-demo/session-{number}.en.md\n"
            "Fill in the French file, run `recaps check`, then translate the English one.\n",
        )
        french = (tree / f"sessions/parcours-demo/session-{number}.fr.md").read_text(encoding="utf-8")
        assert french.splitlines()[3].startswith("programme: parcours-demo  # ")
    assert sorted(p.name for p in (tree / "sessions/parcours-demo").iterdir()) == [
        "programme.en.md", "programme.fr.md", "session-1.en.md", "session-1.fr.md",
        "session-2.en.md", "session-2.fr.md", "session-3.en.md", "session-3.fr.md",
    ]


def test_new_session_refuses_a_programme_that_is_not_an_id(tree: Path) -> None:
    before = snapshot(tree)
    for given in ("x/../x", "parcours-demo/../parcours-demo", "../sessions/parcours-demo", "./parcours-demo",
                  str(tree / "sessions/parcours-demo"), "sessions/parcours-demo/session-1.fr.md", ".", ".."):
        result = run(tree, "new", "session", given, "2")
        assert (result.exit_code, result.output) == (
            1,
            f"error: '{given}' is a path, not a programme id (the name of its folder in sessions/); "
            "known programmes: parcours-demo\n",
        ), given
    for given, shown in (("Parcours-Demo", "'Parcours-Demo'"), ("parcours_demo", "'parcours_demo'"),
                         ("parcours-demo\n", "'parcours-demo\\n'"), ("", "''")):
        result = run(tree, "new", "session", given, "2")
        assert (result.exit_code, result.output) == (
            1,
            f"error: {shown} is not a valid id: use lowercase letters a-z, digits and hyphens; "
            "known programmes: parcours-demo\n",
        ), given
    assert snapshot(tree) == before


def test_new_partner_refuses_a_path_or_a_file_name_and_says_which_id_to_give(tree: Path) -> None:
    before = snapshot(tree)
    for given, what in (("partners/atelier-sud.fr.md", "a path"), ("partners/atelier-sud", "a path"),
                        ("atelier-sud/", "a path"), ("atelier-sud.en.md", "a file name"),
                        ("atelier-sud.md", "a file name")):
        result = run(tree, "new", "partner", given)
        assert (result.exit_code, result.output) == (
            1,
            f"error: '{given}' is {what}, not a partner id: give the id alone: recaps new partner atelier-sud\n",
        ), given
    for given, what in (("../atelier", "a path"), ("partners/Atelier.fr.md", "a path"), ("Atelier.fr.md", "a file name")):
        result = run(tree, "new", "partner", given)
        assert (result.exit_code, result.output) == (
            1,
            f"error: '{given}' is {what}, not a partner id: give the id alone, "
            "in lowercase letters a-z, digits and hyphens\n",
        ), given
    result = run(tree, "new", "partner", "atelier-sud\n")
    assert (result.exit_code, result.output) == (
        1,
        "error: 'atelier-sud\\n' is not a valid id: use lowercase letters a-z, digits and hyphens\n",
    )
    assert snapshot(tree) == before


# --- editors' leftovers ---------------------------------------------------------------------------


LEFTOVERS = ("{name}~", "#{name}#", ".#{name}", ".{name}.swp", "{name}.swp", "{name}.swo", "{name}.bak",
             "{name}.BAK")


def test_check_ignores_editors_backups_and_locks_everywhere(tree: Path) -> None:
    (tree / "docs/assets").mkdir(parents=True)
    (tree / "docs/a-propos.fr.md").write_text("# À propos\n", encoding="utf-8")
    (tree / "docs/assets/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    for source in (tree / SESSION_FR, tree / "partners/atelier-nord.fr.md", tree / "docs/a-propos.fr.md",
                   tree / "docs/assets/logo.png"):
        for leftover in LEFTOVERS:
            (source.parent / leftover.format(name=source.name)).write_bytes(b"\xff not UTF-8, not published\n")
    (tree / "docs/.#a-propos.fr.md").unlink()
    (tree / "docs/.#a-propos.fr.md").symlink_to("editor@host.4242:1700000000")  # Emacs' lock: a dangling link
    for cache in ("Thumbs.db", "desktop.ini", ".DS_Store"):
        (tree / "docs/assets" / cache).write_bytes(b"\x00")
    result = run(tree, "check")
    assert (result.exit_code, result.output) == (
        0,
        "OK: 1 programme, 1 session recap, 1 partner, 2 people, 1 page; no errors\n",
    )

# --- build and serve: option and environment values --------------------------------------------


def test_serve_refuses_a_port_out_of_range(tree: Path) -> None:
    for port in ("70000", "0", "-1"):
        result = CliRunner().invoke(main, ["-C", str(tree), "serve", "--port", port])
        assert result.exit_code == 2
        assert result.stderr.splitlines()[-1] == (
            f"Error: Invalid value for '--port': {port} is not in the range 1<=x<=65535."
        )
        assert "Traceback" not in result.output


def test_build_and_serve_refuse_a_source_date_epoch_that_is_not_a_number_of_seconds(copy_repo) -> None:
    tree = copy_repo("source-date-epoch")
    site = tree / "site"
    for value, shown in (("demain", "'demain'"), ("", "''"), ("1.5", "'1.5'"), ("-5", "'-5'"), (" 12", "' 12'"),
                         ("١٢", "'١٢'"), ("4294967296", "'4294967296'")):
        for command in ("build", "serve"):
            result = CliRunner().invoke(main, ["-C", str(tree), command], env={"SOURCE_DATE_EPOCH": value})
            assert (result.exit_code, result.output) == (1, (
                f"error: SOURCE_DATE_EPOCH is {shown}: it must be a whole number of seconds since "
                "1970-01-01 00:00 UTC (what `date +%s` prints, at most 4294967295), or be unset\n"
            ))
    assert not site.exists()
    result = CliRunner().invoke(main, ["-C", str(tree), "build", "--site-url", "https://recaps.example.org/"],
                                env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.exit_code == 0, result.output
    assert "<lastmod>2023-11-14</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")
