"""Property tests: whatever the text, the content core returns a model or errors, never raises.

Inputs are arbitrary text, YAML dumped from arbitrary plain data, and random mutations of the
real recap of session 5. Every error is located at a sane line: 0 (the whole file) up to the
file's last line plus one. Derandomized, no example database: the same examples on every run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import Phase, HealthCheck, given, settings
from hypothesis import strategies as st

from recaps.content.errors import ContentError
from recaps.content.loader import load_site
from recaps.content.markup import check_body
from recaps.content.models import Page, Partner, PeopleRegistry, Programme, Session, TagRegistry
from recaps.content.decoding import decode
from recaps.content.reader import RawDocument, split_front_matter
from recaps.content.yaml_lines import YamlProblem, parse_yaml
from recaps.content.validation import validate

REPO = Path(__file__).resolve().parents[2]
BASE = REPO / "tests" / "golden" / "check" / "_base"
REAL_SESSION = (REPO / "sessions/parcours-cec-industries/session-5.fr.md").read_text(encoding="utf-8")
SESSION = "sessions/parcours-demo/session-1.fr.md"
MODELS = [Programme, Session, Partner, Page, PeopleRegistry, TagRegistry]

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    # No shrinking: a failure is reported at once with the input that failed, rather than after
    # minutes of minimising it (which once outlasted a whole CI run).
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- strategies ---------------------------------------------------------------------------------

# Characters editors and attackers write: YAML and Markdown punctuation, accents, controls,
# separators, surrogates excluded (files are bytes decoded as UTF-8).
_ALPHABET = st.characters(codec="utf-8")
_INTERESTING = st.sampled_from(
    ["---", "...", ":", ": ", "- ", "[", "]", "{", "}", "&a", "*a", "!!python/name:os.system", "<<: ",
     "\n", "\t", "\r\n", "\x00", "\x1b", "\u2028", "\ufeff", "#", "'", '"', "|", ">", "<script>", "[x](javascript:y)",
     "```", "`", "\\", "%TAG", "? ", "é", "’", "2025-02-30", "1e400", "9" * 40, "<br>", "{: onclick=x}"]
)
texts = st.lists(st.one_of(st.text(_ALPHABET, max_size=20), _INTERESTING), max_size=40).map("".join)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(_ALPHABET, max_size=30), st.dates(), st.sampled_from(["session-1", "atelier-nord", "fr", "en", ""]),
)
keys = st.one_of(
    st.sampled_from(["id", "title", "number", "dates", "start", "end", "notions", "quotes", "text", "speaker",
                     "people", "tags", "label", "fr", "en", "name", "role", "next_session", "translation_of"]),
    st.text(_ALPHABET, min_size=1, max_size=12),
)
plain_data = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=6)),
    max_leaves=30,
)
mappings = st.dictionaries(keys, plain_data, max_size=12)


@st.composite
def mutated_session(draw: st.DrawFn) -> str:
    """The real recap of session 5, with a few random cuts, insertions, swaps and duplications."""
    text = REAL_SESSION
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "swap", "duplicate", "truncate", "replace"]))
        lines = text.split("\n")
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        j = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind == "delete":
            position = draw(st.integers(0, len(text)))
            text = text[:position] + text[position + draw(st.integers(1, 40)):]
        elif kind == "insert":
            position = draw(st.integers(0, len(text)))
            text = text[:position] + draw(texts) + text[position:]
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif kind == "duplicate":
            lines.insert(j, lines[i])
            text = "\n".join(lines)
        elif kind == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        else:
            lines[i] = draw(texts)
            text = "\n".join(lines)
    return text


def front_matter(data: dict, body: str = "") -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body


documents = st.one_of(
    texts,
    mutated_session(),
    st.builds(front_matter, mappings, texts),
    mappings.map(lambda data: yaml.safe_dump(data, allow_unicode=True)),
)

# --- checks -------------------------------------------------------------------------------------


def line_count(text: str) -> int:
    return text.count("\n") + 1


def assert_sane(errors: list[ContentError], text: str, path: str | None = None) -> None:
    assert isinstance(errors, list)
    for error in errors:
        assert isinstance(error, ContentError)
        assert path is None or error.path == path
        assert 0 <= error.line <= line_count(text) + 1, (error, line_count(text))
        assert "\n" not in str(error)  # one error, one line


# --- properties ---------------------------------------------------------------------------------


@SETTINGS
@given(documents)
def test_split_front_matter_returns_a_document_or_errors(text: str) -> None:
    doc, errors = split_front_matter("a.fr.md", text)
    assert doc is not None or errors
    if doc is not None:  # the only errors that come with a document: keys written twice
        assert all("is written twice" in str(error.message) for error in errors)
    assert_sane(errors, text, "a.fr.md")
    if doc is not None:
        assert isinstance(doc.meta, dict)
        assert all(1 <= line <= line_count(text) for line in doc.lines.values())
        assert 1 <= doc.body_line <= line_count(text) + 1


@SETTINGS
@given(documents)
def test_parse_yaml_returns_plain_data_or_a_located_problem(text: str) -> None:
    try:
        data, lines = parse_yaml(text, first_line=1)
    except YamlProblem as problem:
        assert 1 <= problem.line <= line_count(text) + 1
        assert problem.message
        return
    assert all(1 <= line <= line_count(text) for line in lines.values())
    assert data is None or isinstance(data, (dict, list, str, int, float, bool)) or hasattr(data, "isoformat")


@SETTINGS
@given(st.binary(max_size=300) | texts.map(lambda t: t.encode("utf-8")))
def test_decode_returns_text_or_an_error(data: bytes) -> None:
    text, errors = decode("a.fr.md", data)
    assert (text is None) == bool(errors)
    assert_sane(errors, data.decode("utf-8", "replace"), "a.fr.md")


@SETTINGS
@given(documents, st.sampled_from(MODELS))
def test_validate_returns_a_model_or_errors(text: str, model: type) -> None:
    doc, errors = split_front_matter("a.fr.md", text)
    if doc is None:
        return
    content, errors = validate(model, doc)
    assert (content is None) == bool(errors)
    assert_sane(errors, text, "a.fr.md")


@SETTINGS
@given(mappings, st.sampled_from(MODELS))
def test_validate_arbitrary_data(data: dict, model: type) -> None:
    content, errors = validate(model, RawDocument("a.fr.md", data))
    assert (content is None) == bool(errors)
    assert_sane(errors, "", "a.fr.md")


@SETTINGS
@given(texts | mutated_session().map(lambda t: t.split("---", 2)[-1]))
def test_check_body_returns_errors_within_the_body(body: str) -> None:
    errors = check_body("a.fr.md", body, 5)
    assert_sane(errors, "\n" * 4 + body, "a.fr.md")
    assert all(error.line >= 5 for error in errors)


@pytest.fixture(scope="module")
def site_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("property") / "repo"
    shutil.copytree(BASE, root)
    return root


@settings(SETTINGS, max_examples=100, suppress_health_check=[*SETTINGS.suppress_health_check, HealthCheck.function_scoped_fixture])
@given(text=documents)
def test_load_site_reports_errors_for_any_session_file(site_tree: Path, text: str) -> None:
    (site_tree / SESSION).write_bytes(text.encode("utf-8", "surrogatepass"))
    site, report = load_site(site_tree)
    for error in report.errors:
        assert isinstance(error, ContentError)
        file = site_tree / error.path
        if file.is_file():
            assert 0 <= error.line <= line_count(file.read_bytes().decode("utf-8", "replace")) + 1, error
    rendered = report.render()
    assert rendered.endswith("found") and len(rendered.splitlines()) == len(report.lines()) + 1
    if not report:
        assert [s.id for s in site.sessions] == ["session-1"]
