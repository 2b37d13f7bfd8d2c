"""The reader: front matter split, line map, and what YAML may not do in editorial content."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from recaps.content.errors import ContentError
from recaps.content.decoding import decode
from recaps.content.reader import RawDocument, read_markdown, read_yaml_file, split_front_matter
from recaps.content import yaml_lines
from recaps.content.yaml_lines import MAX_DEPTH, YamlProblem, parse_yaml


def problem(text: str, first_line: int = 1) -> tuple[int, str]:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text, first_line)
    return caught.value.line, str(caught.value.message)


# --- line map ------------------------------------------------------------------------------------


def test_line_map_of_keys_list_items_and_nested_values() -> None:
    text = (
        "id: session-1\n"            # 2
        "notions:\n"                 # 3
        "  - title: Écouter\n"       # 4
        "    text: Prendre le temps\n"  # 5
        "  - title: Coopérer\n"      # 6
        "dates:\n"                   # 7
        "  start: 2025-01-16\n"      # 8
        "  end: 2025-01-17\n"        # 9
        "tags: [a, b]\n"             # 10
    )
    data, lines = parse_yaml(text, first_line=2)
    assert data == {
        "id": "session-1",
        "notions": [{"title": "Écouter", "text": "Prendre le temps"}, {"title": "Coopérer"}],
        "dates": {"start": datetime.date(2025, 1, 16), "end": datetime.date(2025, 1, 17)},
        "tags": ["a", "b"],
    }
    assert lines == {
        (): 2,
        ("id",): 2,
        ("notions",): 3,
        ("notions", 0): 4,
        ("notions", 0, "title"): 4,
        ("notions", 0, "text"): 5,
        ("notions", 1): 6,
        ("notions", 1, "title"): 6,
        ("dates",): 7,
        ("dates", "start"): 8,
        ("dates", "end"): 9,
        ("tags",): 10,
        ("tags", 0): 10,
        ("tags", 1): 10,
    }


def test_line_of_falls_back_to_the_closest_written_ancestor() -> None:
    doc = RawDocument("p", {}, lines={(): 2, ("notions",): 3, ("notions", 0): 4})
    assert doc.line_of(("notions", 0, "text")) == 4
    assert doc.line_of(("notions", 5, "title")) == 3
    assert doc.line_of(("city",)) == 2
    assert RawDocument("p", {}).line_of(("city",)) == 1


def test_split_front_matter_gives_body_and_file_lines() -> None:
    text = "---\nid: x\ntitle: Titre\n---\n\n## Récit\n"
    doc, errors = split_front_matter("a.fr.md", text)
    assert errors == []
    assert doc == RawDocument(
        "a.fr.md", {"id": "x", "title": "Titre"}, "\n## Récit\n", 5, {(): 2, ("id",): 2, ("title",): 3}
    )


def test_front_matter_may_end_with_three_dots() -> None:
    doc, errors = split_front_matter("a.fr.md", "---\nid: x\n...\nbody")
    assert errors == [] and doc.meta == {"id": "x"} and doc.body == "body"


# --- scalars -------------------------------------------------------------------------------------


def test_scalars_are_plain_data_and_impossible_dates_stay_text() -> None:
    data, _ = parse_yaml("a: 2025-02-30\nb: 2025-02-28\nc: 5\nd: 1.5\ne: null\nf: true\ng: !!str 12\n")
    assert data == {
        "a": "2025-02-30",
        "b": datetime.date(2025, 2, 28),
        "c": 5,
        "d": 1.5,
        "e": None,
        "f": True,
        "g": "12",
    }


def test_non_text_keys_become_text() -> None:
    data, _ = parse_yaml("1: a\n2025-01-01: b\n")
    assert data == {"1": "a", "2025-01-01": "b"}


# --- encodings and line endings ------------------------------------------------------------------


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    (tmp_path / "a.fr.md").write_bytes(b"\xef\xbb\xbf---\r\nid: x\r\ncity: Lyon\r\n---\r\nLe r\xc3\xa9cit.\r\n")
    doc, errors = read_markdown(tmp_path, "a.fr.md")
    assert errors == []
    assert doc == RawDocument("a.fr.md", {"id": "x", "city": "Lyon"}, "Le récit.\n", 5, {(): 2, ("id",): 2, ("city",): 3})


def test_old_mac_line_endings_are_accepted() -> None:
    assert decode("p", b"---\rid: x\r---\r") == ("---\nid: x\n---\n", [])


def test_latin1_is_refused_with_its_line() -> None:
    assert decode("a.fr.md", b"---\nid: x\ncity: Orl\xe9ans\n") == (
        None,
        [ContentError("a.fr.md", 3, "", "is not UTF-8 text (byte 0xe9, 'é' in Windows-1252); save it as UTF-8")],
    )


def test_binary_is_refused() -> None:
    assert decode("a.fr.md", b"\x89PNG\x00\x00") == (
        None,
        [ContentError("a.fr.md", 0, "", "is a binary file, not UTF-8 text")],
    )


# --- front matter shape --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "the file is empty: it must start with front matter between '---' lines"),
        ("\n  \n", 1, "the file is empty: it must start with front matter between '---' lines"),
        ("id: x\n---\nbody", 1, "front matter is missing: the file must start with a line '---'"),
        ("---\nid: x\nbody", 1, "front matter is never closed: add a line '---' after it"),
        ("---\n---\nbody", 1, "front matter is empty"),
        ("---\n# only a comment\n---\nbody", 1, "front matter is empty"),
        ("---\n- a\n- b\n---\n", 2, "front matter must be fields written as 'name: value' lines"),
        ("---\njust text\n---\n", 2, "front matter must be fields written as 'name: value' lines"),
    ],
)
def test_front_matter_shape(text: str, line: int, message: str) -> None:
    document, errors = split_front_matter("a.fr.md", text)
    assert document is None
    assert [str(error) for error in errors] == [str(ContentError("a.fr.md", line, "", message))]


def test_registry_must_be_a_mapping(tmp_path: Path) -> None:
    (tmp_path / "people.yml").write_text("- a\n- b\n", encoding="utf-8")
    assert read_yaml_file(tmp_path, "people.yml") == (
        None,
        [ContentError("people.yml", 1, "", "must be fields written as 'name: value' lines")],
    )


def test_registry_is_one_document_only(tmp_path: Path) -> None:
    (tmp_path / "people.yml").write_text("people: []\n---\npeople: []\n", encoding="utf-8")
    assert read_yaml_file(tmp_path, "people.yml") == (
        None,
        [ContentError("people.yml", 2, "", "a second set of fields starts here, after a line '---' or '...': the file "
                                        "holds one; remove the line")],
    )


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import recaps.content.files

    monkeypatch.setattr(recaps.content.files, "MAX_FILE_BYTES", 1_048_576)
    (tmp_path / "big.fr.md").write_bytes(b"-" * 1_572_864)
    assert read_markdown(tmp_path, "big.fr.md") == (
        None,
        [ContentError("big.fr.md", 0, "", "is too large (1.5 MB; the limit is 1 MB)")],
    )


# --- what YAML may not do ------------------------------------------------------------------------


def test_duplicate_key_names_both_lines() -> None:
    assert problem("city: Lyon\ntitle: T\ncity: Lille\n", first_line=2) == (
        4,
        "field 'city' is written twice (also at line 2): keep one",
    )


def test_duplicate_key_in_a_nested_mapping() -> None:
    assert problem("dates:\n  start: 2025-01-16\n  start: 2025-01-17\n") == (
        3,
        "field 'start' is written twice (also at line 2): keep one",
    )


def test_same_key_in_two_list_items_is_fine() -> None:
    data, _ = parse_yaml("notions:\n  - title: A\n  - title: B\n")
    assert data == {"notions": [{"title": "A"}, {"title": "B"}]}


ANCHOR = ("a value cannot start with '&' (YAML would read it as a name given to the value): put the whole value in "
          "double quotes")


def test_anchor_is_rejected() -> None:
    assert problem("a: &x Lyon\nb: Lille\n") == (1, ANCHOR)


def test_alias_is_rejected() -> None:
    assert problem("a: Lyon\nb: *x\n") == (2, "a value cannot start with '*' (YAML would read it as a copy of another "
                                           "value): put the whole value in double quotes")


def test_billion_laughs_is_rejected_at_its_first_anchor() -> None:
    text = 'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: &c [*b, *b]\n'
    assert problem(text) == (1, ANCHOR)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('a: !!python/object:os.system ["echo hi"]\n', "'!!python/object:os.system' before a value is not allowed: "
                                                      "remove it (a value that starts with '!' goes in double quotes)"),
        ("a: !!python/name:os.system\n", "'!!python/name:os.system' before a value is not allowed: remove it (a value "
                                         "that starts with '!' goes in double quotes)"),
        ("a: !!binary aGVsbG8=\n", "'!!binary' before a value is not allowed: remove it (a value that starts with '!' "
                                   "goes in double quotes)"),
        ("a: !!map {b: c}\n", "'!!map' before a value is not allowed: remove it (a value that starts with '!' goes in "
                              "double quotes)"),
        ("a: !custom value\n", "'!custom' before a value is not allowed: remove it (a value that starts with '!' goes in "
                               "double quotes)"),
    ],
)
def test_explicit_tags_are_rejected(text: str, message: str) -> None:
    assert problem(text) == (1, message)


def test_depth_limit() -> None:
    # The top mapping is the first level; MAX_DEPTH - 1 nested lists fit, one more does not.
    fits = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert parse_yaml(fits)[0] is not None
    too_deep = "a: b\nc: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    assert problem(too_deep) == (2, "the fields are nested more than 16 levels deep")
    assert MAX_DEPTH == 16


def test_key_must_be_plain_text() -> None:
    assert problem("? [a]\n: 1\n") == (1, "a field name must be plain text, not a list or a group of fields")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: b\n\tc: d\n", 2, "this line is indented with a tab: indent it with spaces only"),
        ("a:\n\t- b\n", 2, "this line is indented with a tab: indent it with spaces only"),
        (
            "title: Se rencontrer : premiers pas\n",
            1,
            "a ':' on this line cannot be read: if the value contains ': ', put the whole value in double quotes; "
            "otherwise check that this line is indented like its neighbours and that the line above has its ':'",
        ),
        ('a: b\nc: "unclosed\nd: e\n', 2, "a quoted value starts on this line but its closing quote is missing"),
        ("a: @handle\n", 1, "a value cannot start with '@': put the whole value in double quotes"),
        ("a: `code`\n", 1, "a value cannot start with '`': put the whole value in double quotes"),
        (
            "title: x\n- y\n",
            2,
            "this line does not read as a field ('name: value'): check it and the lines above for a missing quote, "
            "text after a closing quote, or a line indented more or less than its neighbours",
        ),
        (
            "tags:\n  - a\n  b: c\n",
            3,
            "this line does not read as an item of the list above it ('- value'): indent it like the other items",
        ),
        (
            "tags: [a, b\ncity: x\n",
            1,
            "the list in brackets ([...]) that starts on this line is not closed with ']', or its items are not "
            "separated by commas: check the brackets and commas, or put a value that holds one of [ ] , in double quotes",
        ),
        (
            "x: {a: 1\ny: 2\n",
            1,
            "the fields in braces ({...}) that start on this line are not closed with '}', or not separated by commas: "
            "check the braces and commas, or put a value that holds one of { } , in double quotes",
        ),
        (
            "title: x\ncity\nz: 1\n",
            2,
            "this line has no ':' after its field name: write it 'name: value' (or indent it, if it continues the value "
            "above)",
        ),
        (
            'title: "a\\q"\n',
            1,
            "a backslash (\\) in a value in double quotes starts a special character: write \\\\ for the backslash "
            "itself, or put the value in single quotes",
        ),
        ("a: - b\n", 1, "a list item ('- ') cannot start here: put each item on a line of its own under the field, or "
                        "put a value that starts with '- ' in double quotes"),
        ("a: ]\n", 1, "a value is missing or cannot start here: if the value starts with one of [ ] { } , put the whole "
                      "value in double quotes"),
        ("title: |0\n  x\n", 1, "a text of several lines starts here ('|' or '>'): nothing but a digit from 1 to 9, '+' "
                                "or '-' may follow the '|' or '>' on this line; write the text on the lines below, "
                                "indented"),
        ("a: &\n", 1, "a value cannot start with '&': put the whole value in double quotes"),
    ],
)
@pytest.mark.parametrize("parser", ["libyaml", "pure-python"])
def test_parse_errors_are_worded_for_editors(text: str, line: int, message: str, parser: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # PyYAML's own parser, used where libyaml is not built, words its errors otherwise: the same advice.
    if parser == "pure-python":
        monkeypatch.setattr(yaml_lines, "_Parser", yaml.SafeLoader)
    assert problem(text) == (line, message)


def test_parse_error_lines_count_from_the_file() -> None:
    doc, errors = split_front_matter("a.fr.md", "---\nid: x\ntitle: a : b\n---\n")
    assert doc is None
    assert [(e.line, str(e.message)[:33]) for e in errors] == [(3, "a ':' on this line cannot be read")]


# --- hostile input -------------------------------------------------------------------------------


def test_keys_are_the_text_as_written() -> None:
    data, lines = parse_yaml("1: a\ntrue: b\nnull: c\non: d\n0x1F: e\n")
    assert data == {"1": "a", "true": "b", "null": "c", "on": "d", "0x1F": "e"}
    assert lines[("on",)] == 4


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\n<<: {b: 2}\n", 2, "'<<' cannot be a field name: write the fields out one by one"),
        ('a: 1\n"": 2\n', 2, "a field name is missing before ':'"),
        ("a: 1\n" + "k" * 101 + ": 2\n", 2, "a field name longer than 100 characters: check the quotes and colons on this line"),
        ("a: 1\n--- # two\nb: 2\n", 2, "a second set of fields starts here, after a line '---' or '...': the file "
                                     "holds one; remove the line"),
        ("%TAG !p! tag:yaml.org,2002:python/\n---\na: !p!name:os.system\n", 3,
         "'!!python/name:os.system' before a value is not allowed: remove it (a value that starts with '!' goes in "
         "double quotes)"),
        ("a: " + "[" * 100_000 + "\n", 1, "the fields are nested more than 16 levels deep"),
        ("a: " + "{b: " * 10_000 + "\n", 1, "the fields are nested more than 16 levels deep"),
    ],
)
def test_what_else_yaml_may_not_do(text: str, line: int, message: str) -> None:
    assert problem(text) == (line, message)


def test_a_merge_key_is_only_special_as_a_key() -> None:
    assert parse_yaml('a: "<<"\nb: <<\n')[0] == {"a": "<<", "b": "<<"}


def test_value_count_is_bounded() -> None:
    assert problem("tags: [" + "x, " * 5000 + "x]\n") == (
        1, "more than 5,000 values: this is not editorial content"
    )
    assert parse_yaml("tags: [" + "x, " * 5000 + "x]\n", max_values=10_000)[0]["tags"][-1] == "x"


def test_numbers_too_large_for_python_stay_text() -> None:
    data, _ = parse_yaml("a: " + "9" * 5000 + "\nb: 1.0e+400\nc: 1e400\n")
    assert data == {"a": "9" * 5000, "b": float("inf"), "c": "1e400"}


def test_lines_count_only_line_feeds() -> None:
    # YAML also breaks lines at U+0085, U+2028 and U+2029; editors' line numbers do not.
    # The parser stops at the end of the text, after the last line feed: line 4, not 5.
    assert problem("a: 'x\u2028y'\nb: 1\nc: [\n") == (4, (
        "a list in brackets ([...]) or fields in braces ({...}) are not closed: check the brackets and braces of this "
        "line and the lines above, or put a value that holds one of [ ] { } in double quotes"))


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"\xff\xfe-\x00-\x00-\x00", 0, "is UTF-16 text; save it as UTF-8"),
        (b"\xfe\xff\x00-\x00-", 0, "is UTF-16 text; save it as UTF-8"),
        (b"\xff\xfe\x00\x00-\x00\x00\x00", 0, "is UTF-32 text; save it as UTF-8"),
        ("---\nid: x\n".encode("utf-16-le"), 0, "is UTF-16 text; save it as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 0, "is a binary file (a PNG image), not UTF-8 text"),
        (b"%PDF-1.7\n", 0, "is a binary file (a PDF document), not UTF-8 text"),
        (b"PK\x03\x04\x14\x00", 0, "is a binary file (a ZIP archive (or a Word or OpenDocument file)), not UTF-8 text"),
        (b"---\nmission: \x93Relier\x94\n", 2, "is not UTF-8 text (byte 0x93, '\u201c' in Windows-1252); save it as UTF-8"),
        (b"---\ntitle: a\x00b\n", 2, "contains a NUL character (byte 0x00): remove it"),
        (b"---\n\ntitle: a\x1b[2Jb\n", 3, "contains the invisible control character U+001B: remove it"),
        (b"---\r\ntitle: a\x07\r\n", 2, "contains the invisible control character U+0007: remove it"),
        (b"a\xc2\x85b", 1, "contains the invisible control character U+0085: remove it"),
        ("a\n\nb\u2028c".encode(), 3, "contains an invisible line separator (U+2028): replace it with a line break or a space"),
        ("a\u2029".encode(), 1, "contains an invisible paragraph separator (U+2029): replace it with a line break or a space"),
    ],
)
def test_decode_refuses_what_is_not_utf8_text(data: bytes, line: int, message: str) -> None:
    assert decode("a.fr.md", data) == (None, [ContentError("a.fr.md", line, "", message)])


def test_decode_keeps_tabs_and_line_breaks() -> None:
    assert decode("a", b"a\tb\r\nc\rd\n") == ("a\tb\nc\nd\n", [])


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.fr.md")
    assert read_markdown(tmp_path, "pipe.fr.md") == (
        None, [ContentError("pipe.fr.md", 0, "", "is not a regular file (a pipe, socket or device): remove it")]
    )


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.fr.md").mkdir()
    assert read_markdown(tmp_path, "x.fr.md") == (None, [ContentError("x.fr.md", 0, "", "is a folder, not a file")])


def test_a_symlink_out_of_the_root_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "outside.yml").write_text("people: []\n", encoding="utf-8")
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "people.yml").symlink_to(tmp_path / "outside.yml")
    assert read_yaml_file(tmp_path / "repo", "people.yml") == (
        None, [ContentError("people.yml", 0, "", "is a symbolic link pointing outside the repository")]
    )


def test_a_file_over_the_limit_is_refused_from_its_size_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import recaps.content.files

    with open(tmp_path / "big.fr.md", "wb") as handle:
        handle.truncate(50 * 1_048_576)  # sparse: 50 MB by its size, nothing on disk
    read = []
    monkeypatch.setattr(recaps.content.files.os, "read", lambda fd, n: read.append(n) or os.read(fd, n))
    assert read_markdown(tmp_path, "big.fr.md") == (
        None, [ContentError("big.fr.md", 0, "", "is too large (50.0 MB; the limit is 2 MB)")]
    )
    assert read == []


def test_a_file_that_cannot_be_opened_is_reported(tmp_path, monkeypatch) -> None:
    # Tests run as root, where file permissions do not apply: the refusal is simulated at os.open.
    from recaps.content import files

    (tmp_path / "partners").mkdir()
    (tmp_path / "partners" / "x.fr.md").write_text("---\nid: x\n---\n", encoding="utf-8")

    def refuse(path, flags, *args):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(files.os, "open", refuse)
    data, errors = files.read_bytes(tmp_path, "partners/x.fr.md")
    assert data is None
    assert [str(e) for e in errors] == ["partners/x.fr.md: cannot be read: Permission denied"]


def test_a_symlink_that_stays_inside_the_root_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.yml").write_text("people: []\n", encoding="utf-8")
    (tmp_path / "people.yml").symlink_to(tmp_path / "real.yml")
    document, errors = read_yaml_file(tmp_path, "people.yml")
    assert errors == [] and document.meta == {"people": []}


def test_a_file_in_a_folder_linked_out_of_the_root_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "people.yml").write_text("people: []\n", encoding="utf-8")
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "sessions").symlink_to(tmp_path / "elsewhere")
    assert read_yaml_file(tmp_path / "repo", "sessions/people.yml") == (
        None, [ContentError("sessions/people.yml", 0, "", "is a symbolic link pointing outside the repository")]
    )


def test_a_file_longer_than_its_size_said_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # It grew between fstat and read: the reader asks for one byte more than fstat said, and reads on.
    import os

    import recaps.content.files

    text = "people:\n" + "".join(f"  - id: p{i}\n    name: P {i}\n" for i in range(5000))
    (tmp_path / "people.yml").write_text(text, encoding="utf-8")
    real_fstat = os.fstat

    class Smaller:
        def __init__(self, info: os.stat_result) -> None:
            self.st_mode, self.st_size = info.st_mode, 10

    monkeypatch.setattr(recaps.content.files.os, "fstat", lambda fd: Smaller(real_fstat(fd)))
    document, errors = read_yaml_file(tmp_path, "people.yml")
    assert errors == [] and len(document.meta["people"]) == 5000


def test_short_reads_do_not_cut_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Network and FUSE file systems may return less than asked before the end of the file.
    import os

    import recaps.content.files

    text = "people:\n" + "".join(f"  - id: p{i}\n    name: P {i}\n" for i in range(5000))
    (tmp_path / "people.yml").write_text(text, encoding="utf-8")
    real_read = os.read
    monkeypatch.setattr(recaps.content.files.os, "read", lambda fd, n: real_read(fd, min(n, 4096)))
    document, errors = read_yaml_file(tmp_path, "people.yml")
    assert errors == [] and len(document.meta["people"]) == 5000


def test_without_o_nofollow_a_link_out_of_the_root_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import recaps.content.files

    monkeypatch.setattr(recaps.content.files, "_NOFOLLOW", 0)  # as on Windows
    (tmp_path / "outside.yml").write_text("people: []\n", encoding="utf-8")
    (tmp_path / "repo" / "sessions").mkdir(parents=True)
    (tmp_path / "repo" / "sessions" / "people.yml").symlink_to(tmp_path / "outside.yml")
    assert read_yaml_file(tmp_path / "repo", "sessions/people.yml") == (
        None, [ContentError("sessions/people.yml", 0, "", "is a symbolic link pointing outside the repository")]
    )
