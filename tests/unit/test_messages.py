"""Messages in the editors' language: English ids, French from the catalogue, the locale's choice."""

from __future__ import annotations

from recaps.content.errors import ContentError, ErrorReport
from recaps.messages import language_of_environment, message


def test_a_message_is_said_in_french_from_the_catalogue_and_in_english_as_written():
    text = message("front matter is never closed: add a line '---' after it")
    assert text.in_language("en") == "front matter is never closed: add a line '---' after it"
    assert text.in_language("fr") == "l’en-tête (front matter) n’est jamais fermé : ajoutez une ligne « --- » après lui"
    assert str(text) == "front matter is never closed: add a line '---' after it"


def test_fields_are_filled_in_after_translation():
    assert message("{count} errors found", count=3).in_language("fr") == "3 erreurs trouvées"
    assert message("{count} errors found", count=3).in_language("en") == "3 errors found"


def test_a_message_the_catalogue_lacks_is_said_in_english():
    assert message("no such message {x}", x="y").in_language("fr") == "no such message y"


def test_a_report_prints_in_the_language_asked():
    report = ErrorReport()
    report.add("sessions/p/session-1.fr.md", 1, "", message("front matter is never closed: add a line '---' after it"))
    report.add("sessions/p/session-1.fr.md", 4, "title", "plain text")
    assert report.render("fr") == (
        "sessions/p/session-1.fr.md:1: l’en-tête (front matter) n’est jamais fermé : ajoutez une ligne « --- » après lui\n"
        "sessions/p/session-1.fr.md:4: title: plain text\n"
        "2 erreurs trouvées"
    )
    assert report.render() == (
        "sessions/p/session-1.fr.md:1: front matter is never closed: add a line '---' after it\n"
        "sessions/p/session-1.fr.md:4: title: plain text\n"
        "2 errors found"
    )


def test_errors_with_messages_and_strings_sort_together():
    first = ContentError("a.md", 1, "", message("b"))
    second = ContentError("a.md", 1, "", "a")
    assert sorted([first, second]) == [second, first]


def test_the_language_comes_from_the_locale_as_gettext_reads_it():
    assert language_of_environment({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert language_of_environment({"LANG": "en_GB.UTF-8"}) == "en"
    assert language_of_environment({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}) == "en"
    assert language_of_environment({"LC_MESSAGES": "fr_CA", "LANG": "C"}) == "fr"
    assert language_of_environment({}) == "en"
