"""The fast paths give what their plain definitions give, whatever the input.

Each was rewritten for speed (`recaps check` and `recaps build` on a large site): the
control-character test on bytes, the closing line of the front matter found by a search, the
translatable content built in one pass, French spacing that skips the searches a text cannot
need, the lines that may make a heading searched from line breaks. Each is compared here with
the definition it replaced, written out plainly.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from recaps.content.models import NEUTRAL_FIELDS, Page, Partner, Programme, Session
from recaps.content.errors import ContentError
from recaps.content.characters import control_character, may_hold_control_characters
from recaps.content.reader import RawDocument, split_front_matter
from recaps.content.yaml_lines import YamlProblem, parse_yaml
from recaps.content.headings import may_have_level_one
from recaps.content.translation import translatable_content
from recaps.pages.i18n import french_typography_html
from recaps.messages import message

from test_never_crash import SETTINGS  # tests/property is on the path, as for every test folder

# Characters around each boundary of what is refused: C0, DEL, C1, U+2028/2029, the bidirectional
# controls U+202A-U+202E and U+2066-U+2069, and their neighbours (the accepted marks U+200F and
# U+061C among them), with accents, typographic marks and a character outside the BMP.
NEAR_CONTROLS = ("a \t\n\r\x00\x07\x0b\x0c\x1b\x1f\x7f\x80\x85\x9f\xa0é’«\u2027\u2028\u2029\u202a\u202e\u202f"
                 "\u2065\u2066\u2069\u206a\u200f\u061c€😀\ufeff\u0100")


@SETTINGS
@given(st.text(alphabet=NEAR_CONTROLS, max_size=40))
def test_the_bytes_test_finds_a_control_character_exactly_when_the_text_search_does(text: str) -> None:
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    assert may_hold_control_characters(text.encode("utf-8")) == (control_character(normalised) is not None)


def _split_by_lines(path: str, text: str) -> tuple:
    """The definition: the front matter ends at the first line after the first whose stripped
    text is '---' or '...'; the YAML is the lines between, the body the lines after."""
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, [ContentError(path, 1, "", message("front matter is never closed: add a line '---' after it"))]
    problems: list = []
    meta, where = parse_yaml("\n".join(lines[1:end]), first_line=2, problems=problems)
    return RawDocument(path, meta, "\n".join(lines[end + 1 :]), end + 2, where), problems


LINES = ["---", "...", "--- ", "---\t", "...\x0c", "---\xa0", "...\u2003",  # closing lines
         " ---", "----", "..", "-- -", "# ---", "a: 1", "b: [x]", "title: '---'", "", " "]


@SETTINGS
@given(st.lists(st.sampled_from(LINES), max_size=8), st.sampled_from(["", "\n", "\n\n"]))
def test_the_front_matter_ends_at_the_first_closing_line(lines: list[str], end: str) -> None:
    text = "\n".join(["---", *lines]) + end
    try:
        expected, problems = _split_by_lines("a.fr.md", text)
    except YamlProblem:
        return  # not a front matter the comparison can use: the YAML between does not parse
    doc, errors = split_front_matter("a.fr.md", text)
    if expected is None:
        assert (doc, errors) == (None, problems)
    elif isinstance(expected.meta, dict):
        assert (doc.meta, doc.body, doc.body_line, doc.lines) == (expected.meta, expected.body, expected.body_line, expected.lines)
        assert [(e.line, e.message) for e in errors] == [(p.line, p.message) for p in problems]
    else:
        assert doc is None and errors


def _translatable(model: type, meta: dict, body: str) -> dict:
    """The definition: the front matter, each neutral fact deleted where it is, and the body."""
    data = {"copy": copy.deepcopy(meta)}
    for path in NEUTRAL_FIELDS[model]:
        _delete(data["copy"], path.split("."))
    data["copy"].pop("translation_of", None)
    return {"front_matter": data["copy"], "body": body.strip()}


def _delete(data: Any, parts: list[str]) -> None:
    head, rest = parts[0], parts[1:]
    if head == "*":
        if type(data) is list:
            for item in data:
                _delete(item, rest)
        return
    if type(data) is dict and head in data:
        if rest:
            _delete(data[head], rest)
        else:
            del data[head]


KEYS = ["id", "quotes", "speaker", "lang", "text", "next_session", "number", "dates", "*", "translation_of"]
leaves = st.sampled_from([1, "x", None, True, "2025-01-01"])
front_matter = st.recursive(
    leaves, lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(KEYS), children, max_size=4),
    max_leaves=20,
)


# Shaped as the models are (quotes with speakers, a next session with its number), or not.
quote = st.fixed_dictionaries({}, optional={"speaker": leaves, "lang": leaves, "text": leaves, "*": front_matter})
shaped = st.fixed_dictionaries({}, optional={
    "id": leaves, "title": leaves, "number": leaves, "dates": front_matter, "tags": front_matter,
    "translation_of": leaves, "people": front_matter, "city": leaves, "*": front_matter,
    "speaker": front_matter, "lang": leaves, "notions": front_matter,
    "quotes": st.lists(quote | front_matter, max_size=3) | st.fixed_dictionaries({"*": quote}) | front_matter,
    "next_session": st.fixed_dictionaries({}, optional={"number": leaves, "dates": front_matter, "note": leaves}) | front_matter,
})


@SETTINGS
@given(shaped, st.sampled_from([Session, Partner, Programme, Page]))
def test_translatable_content_is_the_source_without_its_neutral_facts(meta: dict, model: type) -> None:
    before = copy.deepcopy(meta)
    assert translatable_content(model, RawDocument("a.fr.md", meta, " Corps \n")) == _translatable(model, meta, " Corps \n")
    assert meta == before  # the source is left as it was


def _french_spacing(text: str) -> str:
    """The definition: outside URLs, the spaces typed before ; : ! ? » become one narrow
    no-break space, and a guillemet always gets one on its inner side."""
    nnbsp = "\u202f"
    parts = re.split(r"(\b(?:https?|ftp|mailto):\S*)", text, flags=re.IGNORECASE)
    for i in range(0, len(parts), 2):
        part = re.sub(r"[ \u00a0\u202f]+([;:!?»])", nnbsp + r"\1", parts[i])
        part = re.sub(r"«[ \u00a0\u202f]*", "«" + nnbsp, part)
        parts[i] = re.sub(r"(?<=[^\s\u00a0\u202f])»", nnbsp + "»", part)
    return "".join(parts)


def _spaced_references(text: str) -> str:
    """The definition: a space written as a reference is the character it stands for."""
    return re.sub(r"&(?:nbsp|#160|#[xX]0*[aA]0|#8239|#[xX]0*202[fF]);",
                  lambda m: "\u202f" if "202f" in m.group().lower() or m.group() == "&#8239;" else "\u00a0", text)


# Pieces of French text: punctuation, every kind of space, references, URLs, schemes in other
# cases, and the letters re.IGNORECASE takes for i and s (İ ı ſ).
SPACING_PIECES = [" ", "\u00a0", "\u202f", "\t", "\n", ";", ":", "!", "?", "«", "»", "a", "é", "x:y",
                  "http:", "HTTPS:", "httpſ:", "ftp:", "FtP:", "mailto:", "maılto:", "maİlto:", "xhttp:",
                  "//s.fr/a", "&nbsp;", "&#160;", "&#xa0;", "&#8239;", "&#X202F;", "&amp;", "tp", "ps", "to"]


@SETTINGS
@given(st.lists(st.sampled_from(SPACING_PIECES), max_size=12))
# A guillemet in each kind of URL, which spacing would change outside one.
@example(["a ", "http:", "«", "b"])
@example(["a ", "HTTPS:", "«", "b"])
@example(["a ", "httpſ:", "«", "b"])
@example(["a ", "FtP:", "»", "b"])
@example(["a ", "mailto:", "«", "b"])
@example(["a ", "maİlto:", "»"])
def test_french_spacing_is_its_definition(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert french_typography_html(f"<p>{text}</p>") == f"<p>{_french_spacing(_spaced_references(text))}</p>"


HEADING_PIECES = ["\n", "\r", " ", "\t", "#", "##", "=", "==", "-", "*", "+", ">", ":", ".", ")", "1", "a", "é"]


@SETTINGS
@given(st.lists(st.sampled_from(HEADING_PIECES), max_size=14))
def test_a_line_that_may_make_a_heading_is_found_as_its_definition_finds_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    # The definition: some line, once its markers and indentation are left aside, starts with a
    # single '#' or is a line of '='.
    definition = re.search(r"^[ \t>*+\-:.)0-9]*(?:#(?!#)|=+[ \t]*$)", text, re.MULTILINE) is not None
    assert may_have_level_one(text) == definition
