"""Messages in the editors' language: English ids, French from the catalogue, the locale's choice."""

from __future__ import annotations

from recaps.content.errors import ContentError, ErrorReport
from recaps.messages import Number, in_language, language_of_environment, message, message_of, plural_message

NBSP, NNBSP = "\u00a0", "\u202f"


def test_a_message_is_said_in_french_from_the_catalogue_and_in_english_as_written():
    text = message("front matter is never closed: add a line '---' after it")
    assert text.in_language("en") == "front matter is never closed: add a line '---' after it"
    assert text.in_language("fr") == f"l’en-tête n’est jamais fermé{NBSP}: ajoutez une ligne «{NBSP}---{NBSP}» après lui"
    assert str(text) == "front matter is never closed: add a line '---' after it"


def test_fields_are_filled_in_after_translation_and_a_message_in_a_field_is_said_in_the_same_language():
    said = message("no person '{id}' in {file}; {hint}", id="jean-dupont", file="sessions/people.yml",
                   hint=message("did you mean '{id}'?", id="jean-dupond"))
    assert said.in_language("en") == "no person 'jean-dupont' in sessions/people.yml; did you mean 'jean-dupond'?"
    assert said.in_language("fr") == (f"pas de personne «{NBSP}jean-dupont{NBSP}» dans sessions/people.yml{NNBSP}; "
                                      f"vouliez-vous dire «{NBSP}jean-dupond{NBSP}»{NNBSP}?")


def test_plural_forms_follow_each_language_zero_is_singular_in_french():
    def found(count: int, lang: str) -> str:
        return plural_message("{count} error found", "{count} errors found", count).in_language(lang)

    assert [found(count, "en") for count in (0, 1, 2)] == ["0 errors found", "1 error found", "2 errors found"]
    assert [found(count, "fr") for count in (0, 1, 2)] == ["0 erreur trouvée", "1 erreur trouvée", "2 erreurs trouvées"]


def test_numbers_are_written_the_language_s_way():
    assert Number(5000).in_language("en") == "5,000"
    assert Number(5000).in_language("fr") == f"5{NNBSP}000"
    assert Number(2.1, decimals=1).in_language("fr") == "2,1"
    assert Number(50, decimals=1).in_language("en") == "50.0"
    assert plural_message("{count} error found", "{count} errors found", 1234).in_language("en") == "1,234 errors found"


def test_a_message_the_catalogue_lacks_is_said_in_english():
    assert message("no such message {x}", x="y").in_language("fr") == "no such message y"
    assert plural_message("{count} no such thing", "{count} no such things", 2).in_language("fr") == "2 no such things"


def test_what_is_not_a_message_is_the_same_in_every_language():
    assert in_language("plain text", "fr") == "plain text"
    assert in_language(42, "fr") == "42"
    error = ContentError("a.fr.md", 3, "title", message("must not be empty"))
    assert in_language(error, "fr") == "a.fr.md:3: title: ne doit pas être vide"


def test_an_exception_raised_with_a_message_gives_it_back():
    assert message_of(ValueError(message("must not be empty"))).in_language("fr") == "ne doit pas être vide"
    assert message_of(ValueError("plain")) == "plain"


def test_a_report_prints_in_the_language_asked():
    report = ErrorReport()
    report.add("sessions/p/session-1.fr.md", 1, "", message("front matter is never closed: add a line '---' after it"))
    report.add("sessions/p/session-1.fr.md", 4, "title", "plain text")
    assert report.render("fr") == (
        f"sessions/p/session-1.fr.md:1: l’en-tête n’est jamais fermé{NBSP}: ajoutez une ligne «{NBSP}---{NBSP}» "
        "après lui\n"
        "sessions/p/session-1.fr.md:4: title: plain text\n"
        "2 erreurs trouvées"
    )
    assert report.render() == (
        "sessions/p/session-1.fr.md:1: front matter is never closed: add a line '---' after it\n"
        "sessions/p/session-1.fr.md:4: title: plain text\n"
        "2 errors found"
    )


def test_errors_with_messages_and_strings_sort_together():
    first = ContentError("a.fr.md", 1, "", message("b"))
    second = ContentError("a.fr.md", 1, "", "a")
    assert sorted([first, second]) == [second, first]


def test_an_error_is_the_same_whether_its_message_waits_or_is_written_out():
    waiting = ContentError("a.fr.md", 1, "title", message("must not be empty"))
    assert waiting == ContentError("a.fr.md", 1, "title", "must not be empty")
    assert len({waiting, ContentError("a.fr.md", 1, "title", "must not be empty")}) == 1
    assert waiting != ContentError("a.fr.md", 2, "title", "must not be empty")


def test_the_language_comes_from_the_locale_as_gettext_reads_it():
    assert language_of_environment({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert language_of_environment({"LANG": "en_GB.UTF-8"}) == "en"
    assert language_of_environment({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}) == "en"
    assert language_of_environment({"LC_MESSAGES": "fr_CA", "LANG": "C"}) == "fr"
    assert language_of_environment({"LC_ALL": "", "LANG": "fr_BE.UTF-8"}) == "fr"
    assert language_of_environment({"LANG": "C.UTF-8"}) == "en"
    assert language_of_environment({}) == "en"
