"""The commands speak the editor's language: French when the locale is French (LANG...) or with
--lang fr, English otherwise; exact outputs through click's test runner."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from recaps.cli import main

NBSP, NNBSP = "\u00a0", "\u202f"  # before ':' and inside « »; before ';', '?' and '!'
FRENCH = {"LANG": "fr_FR.UTF-8"}
SESSION_FR = "sessions/parcours-demo/session-1.fr.md"
PROGRAMME_EN = "sessions/parcours-demo/programme.en.md"
PARTNER_EN = "partners/atelier-nord.en.md"


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(main, ["-C", str(root), *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _break_the_host(tree: Path) -> None:
    session = tree / SESSION_FR
    session.write_text(session.read_text(encoding="utf-8").replace("host: atelier-nord", "host: atelier-du-nord"),
                       encoding="utf-8")


def test_check_speaks_french_when_the_locale_is_french(tree: Path) -> None:
    result = run(tree, "check", env=FRENCH)
    assert (result.exit_code, result.output) == (
        0, f"OK{NBSP}: 1 programme, 1 récit de session, 1 partenaire, 2 personnes, 0 page{NNBSP}; aucune erreur\n")


def test_lang_wins_over_the_locale_both_ways(tree: Path) -> None:
    assert run(tree, "check", "--lang", "en", env=FRENCH).output == (
        "OK: 1 programme, 1 session recap, 1 partner, 2 people, 0 pages; no errors\n")
    assert run(tree, "check", "--lang", "fr", env={"LANG": "en_GB.UTF-8"}).output.startswith(f"OK{NBSP}: 1 programme")
    assert run(tree, "check", env={"LANG": "fr_FR.UTF-8", "LC_ALL": "en_US.UTF-8"}).output.startswith("OK: ")


def test_check_reports_every_error_in_french(tree: Path) -> None:
    _break_the_host(tree)
    programme = tree / PROGRAMME_EN
    programme.write_text(programme.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    result = run(tree, "check", "--lang", "fr")
    assert (result.exit_code, result.output) == (1, (
        f"{PROGRAMME_EN}:2: titel: champ inconnu{NNBSP}; vouliez-vous dire «{NBSP}title{NBSP}»{NNBSP}?\n"
        f"{SESSION_FR}:10: host: pas de partenaire «{NBSP}atelier-du-nord{NBSP}» dans partners/{NNBSP}; "
        f"vouliez-vous dire «{NBSP}atelier-nord{NBSP}»{NNBSP}?\n"
        "2 erreurs trouvées\n"
    ))


def test_check_says_a_yaml_mistake_in_plain_words_in_both_languages(tree: Path) -> None:
    session = tree / SESSION_FR
    session.write_text(session.read_text(encoding="utf-8").replace('title: "Se rencontrer"', "title: Climat: agir"),
                       encoding="utf-8")
    assert run(tree, "check", "--lang", "fr").output == (
        f"{SESSION_FR}:5: un «{NBSP}:{NBSP}» de cette ligne ne peut pas être lu{NBSP}: si la valeur contient "
        f"«{NBSP}:{NBSP}», mettez toute la valeur entre guillemets droits (\"…\"){NNBSP}; sinon vérifiez que cette "
        f"ligne est en retrait comme ses voisines et que la ligne au-dessus a son «{NBSP}:{NBSP}»\n"
        "1 erreur trouvée\n"
    )
    assert run(tree, "check", "--lang", "en").output == (
        f"{SESSION_FR}:5: a ':' on this line cannot be read: if the value contains ': ', put the whole value in double "
        "quotes; otherwise check that this line is indented like its neighbours and that the line above has its ':'\n"
        "1 error found\n"
    )


def test_status_in_french(tree: Path) -> None:
    assert run(tree, "mark-translated", PROGRAMME_EN).exit_code == 0
    (tree / PARTNER_EN).rename(tree / "partners/atelier-sud.en.md")
    result = run(tree, "status", "--strict", env=FRENCH)
    assert (result.exit_code, result.output) == (1, (
        "TYPE        ID                       ÉTAT       FICHIER\n"
        "programme   parcours-demo            complète   sessions/parcours-demo/programme.en.md\n"
        "session     parcours-demo/session-1  en cours   sessions/parcours-demo/session-1.en.md\n"
        "partenaire  atelier-nord             manquante  partners/atelier-nord.en.md\n"
        "partenaire  atelier-sud              orpheline  partners/atelier-sud.en.md\n"
        f"4 éléments{NBSP}: 1 complète, 1 manquante, 1 en cours, 0 périmée, 1 orpheline\n"
        f"Que faire (FICHIER{NBSP}: le fichier du tableau){NBSP}:\n"
        "  manquante  traduisez le français dans FICHIER (pour une session ou un partenaire, `recaps new` écrit "
        "FICHIER à remplir), puis lancez `recaps mark-translated FICHIER`\n"
        "  en cours   une fois FICHIER traduit, lancez `recaps mark-translated FICHIER`\n"
        f"  orpheline  FICHIER n’a pas de source française{NBSP}: écrivez le fichier français à côté, ou supprimez "
        "FICHIER\n"
        f"(1 erreur trouvée dans le contenu{NBSP}: lancez `recaps check` pour le détail)\n"
        f"--strict{NBSP}: 1 traduction complète sur 4{NNBSP}; faites ce qui est dit ci-dessus pour les autres, puis "
        "relancez `recaps status --strict`\n"
    ))


def test_new_and_its_refusals_in_french(tree: Path) -> None:
    result = run(tree, "new", "session", "parcours-demo", "2", "--lang", "fr")
    assert (result.exit_code, result.output) == (0, (
        f"créé{NBSP}: sessions/parcours-demo/session-2.fr.md\n"
        f"créé{NBSP}: sessions/parcours-demo/session-2.en.md\n"
        "Remplissez le fichier français, lancez `recaps check`, puis traduisez le fichier anglais.\n"
    ))
    again = run(tree, "new", "session", "parcours-demo", "2", env=FRENCH)
    assert (again.exit_code, again.output) == (1, (
        f"erreur{NBSP}: sessions/parcours-demo/session-2.fr.md et sessions/parcours-demo/session-2.en.md existent "
        f"déjà{NNBSP}; rien n’a été écrit (`recaps status` dit ce qu’il reste à faire pour chaque traduction)\n"
    ))
    partner = run(tree, "new", "partner", "partners/la-ruche.fr.md", "--lang", "fr")
    assert (partner.exit_code, partner.output) == (1, (
        f"erreur{NBSP}: 'partners/la-ruche.fr.md' est un chemin, pas l’identifiant d’un partenaire{NBSP}: donnez "
        f"l’identifiant seul{NBSP}: recaps new partner la-ruche\n"
    ))


def test_mark_translated_in_french(tree: Path) -> None:
    result = run(tree, "mark-translated", "--lang", "fr", PARTNER_EN, "partners/nope.en.md")
    assert (result.exit_code, result.output) == (1, (
        f"{PARTNER_EN}: marqué comme traduction de partners/atelier-nord.fr.md (version 9b25c6a3d0f1)\n"
        "partners/nope.en.md: n’existe pas\n"
    ))


def test_outside_a_repository_the_refusal_is_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"], env=FRENCH)
    assert (result.exit_code, result.output) == (1, (
        f"erreur{NBSP}: pas de dépôt recaps ici (pas de sessions/people.yml dans {tmp_path} ni dans un dossier "
        f"au-dessus){NBSP}: lancez recaps dans un dépôt, ou indiquez-le avec -C CHEMIN\n"
    ))


def test_build_refusals_and_failures_in_french(tree: Path) -> None:
    epoch = run(tree, "build", "--lang", "fr", env={"SOURCE_DATE_EPOCH": "demain"})
    assert (epoch.exit_code, epoch.output) == (1, (
        f"erreur{NBSP}: SOURCE_DATE_EPOCH vaut 'demain'{NBSP}: ce doit être un nombre entier de secondes depuis le "
        "1970-01-01 00:00 UTC (ce qu’affiche `date +%s`, au plus 4294967295), ou ne pas être défini\n"
    ))
    folder = run(tree, "build", "--site-dir", str(tree / "sessions"), env=FRENCH)
    assert (folder.exit_code, folder.output) == (1, (
        f"erreur{NBSP}: impossible d’écrire le site dans {(tree / 'sessions').resolve()}{NBSP}: c’est le dossier "
        f"sessions/ du dépôt{NNBSP}; choisissez un autre --site-dir (par défaut, site/ dans le dépôt)\n"
    ))
    address = run(tree, "build", "--site-url", "ftp://example.org/", "--lang", "fr")
    assert address.exit_code == 2
    assert address.stderr.splitlines()[-1] == (  # click's own frame stays in English
        "Error: Invalid value for '--site-url': doit commencer par http:// ou https://, par exemple "
        "https://example.org/"
    )
    _break_the_host(tree)
    content = run(tree, "build", "--lang", "fr")
    assert (content.exit_code, content.output) == (1, (
        f"{SESSION_FR}:10: host: pas de partenaire «{NBSP}atelier-du-nord{NBSP}» dans partners/{NNBSP}; "
        f"vouliez-vous dire «{NBSP}atelier-nord{NBSP}»{NNBSP}?\n"
        "1 erreur trouvée\n"
    ))
    assert not (tree / "site").exists()


def test_serve_says_a_busy_port_in_french(tree: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(tree, "serve", "--port", str(port), env=FRENCH)
    assert (result.exit_code, result.output) == (1, (
        f"erreur{NBSP}: impossible de servir sur 127.0.0.1:{port}{NBSP}: Address already in use{NNBSP}; essayez un "
        "autre --port\n"
    ))


def test_serve_prints_its_rebuilds_and_shows_the_error_page_in_the_editor_s_language(tree: Path, tmp_path: Path,
                                                                                     capsys) -> None:
    from recaps.commands.serve import Rebuild

    _break_the_host(tree)
    rebuild = Rebuild(tree.resolve(), tmp_path / "served", "fr")
    (tmp_path / "served").mkdir()
    rebuild()
    assert capsys.readouterr().out == (
        f"{SESSION_FR}:10: host: pas de partenaire «{NBSP}atelier-du-nord{NBSP}» dans partners/{NNBSP}; "
        f"vouliez-vous dire «{NBSP}atelier-nord{NBSP}»{NNBSP}?\n"
        "1 erreur trouvée\n"
        f"L’aperçu montre ces erreurs à la place de ses pages{NNBSP}; corrigez les problèmes ci-dessus et enregistrez.\n"
    )
    page = rebuild.error_page.decode("utf-8")
    assert '<html lang="fr">' in page and "<h1>Le contenu a des erreurs</h1>" in page
    assert (f'<p class="message">pas de partenaire «{NBSP}atelier-du-nord{NBSP}» dans partners/{NNBSP}; vouliez-vous '
            f"dire «{NBSP}atelier-nord{NBSP}»{NNBSP}?</p>") in page
    english = Rebuild(tree.resolve(), tmp_path / "served", "en")
    english()
    assert capsys.readouterr().out.endswith(
        "1 error found\nThe preview shows these errors in place of its pages; fix the problems above and save.\n")
    assert "<h1>The content has errors</h1>" in english.error_page.decode("utf-8")
