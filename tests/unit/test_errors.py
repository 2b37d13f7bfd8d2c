"""Error lines stay one line each, readable in a terminal, and a broken file does not flood them."""

from __future__ import annotations

from recaps.content.errors import MAX_LINES_PER_FILE, ContentError, ErrorReport, printable


def test_control_characters_bidi_overrides_and_undecodable_bytes_are_escaped() -> None:
    assert printable("a\x1b[2Jb\nc\td\u202ee\u2028f\udce9g") == "a\\x1b[2Jb\\x0ac\\x09d\\u202ee\\u2028f\\xe9g"
    assert printable("Café – l’atelier « nord » 🌱") == "Café – l’atelier « nord » 🌱"


def test_an_error_prints_on_one_line_whatever_its_parts() -> None:
    error = ContentError("partners/a\nb.fr.md", 3, "ti\x1btle", "'x\ny' is wrong")
    assert str(error) == "partners/a\\x0ab.fr.md:3: ti\\x1btle: 'x\\x0ay' is wrong"


def test_errors_per_file_are_capped_but_counted() -> None:
    report = ErrorReport()
    for line in range(1, MAX_LINES_PER_FILE + 21):
        report.add("a.fr.md", line, "", "bad")
    report.add("b.fr.md", 1, "", "also bad")
    lines = report.lines()
    assert len(lines) == MAX_LINES_PER_FILE + 2
    assert lines[MAX_LINES_PER_FILE] == "a.fr.md: … and 20 more errors in this file"
    assert lines[-1] == "b.fr.md:1: also bad"
    assert report.summary() == f"{MAX_LINES_PER_FILE + 21} errors found"
