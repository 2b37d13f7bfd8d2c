"""The limits that keep every Markdown conversion fast: the worst body within them converts (and
is checked) fast, a body past one is refused at its line, and hostile bodies are answered at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import markdown
import pytest

from recaps.content.conversion import EXTENSIONS
from recaps.content.markup import check_body
from recaps.content.markup_limits import (
    MAX_ABBREVIATIONS,
    MAX_BRACKETS,
    MAX_BRACKETS_PER_PARAGRAPH,
    MAX_CHARACTERS,
    MAX_DEPTH,
    MAX_FENCES,
    MAX_HEADINGS,
    MAX_OPEN_ANGLES,
    limit_problem,
)

# Measured on the test machine (2 shared cores): the slowest of these converts in about 1.2 s
# and is checked in about 1.5 s. The bounds leave room for a busy machine; past the limits, the
# same bodies take minutes (see test_hostile_bodies_are_answered_at_once).
CONVERT_SECONDS = 3.0
CHECK_SECONDS = 5.0
N = MAX_CHARACTERS
B = MAX_BRACKETS_PER_PARAGRAPH
TOO_SLOW = "make the Markdown text too slow to convert"
LITERAL_BRACKET = "write a '[' that opens no link as '\\['"
NESTED = "the Markdown text is nested too deeply (lists or quotes inside each other)"


def fill(unit: str, size: int = N) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def brackets(paragraph: str) -> str:
    """As many paragraphs of ``paragraph`` (B brackets each) as the body may hold, then emphasis."""
    assert paragraph.count("[") == B
    body = (paragraph.rstrip("\n") + "\n\n") * (MAX_BRACKETS // B)
    return body + fill("*a", N - len(body))


def deepest(line: str, end: str = "a\n") -> str:
    """``line`` repeated as many times as a line may nest, then ``end``."""
    depth = 1
    while depth < 2 * MAX_DEPTH and limit_problem(line * (depth + 1) + end) is None:
        depth += 1
    return line * depth + end


def nested_lines(indent: str) -> str:
    lines = ""
    depth = 0
    while depth < 2 * MAX_DEPTH and limit_problem(lines + indent * (depth + 1) + "- a\n") is None:
        lines += indent * depth + "- a\n"
        depth += 1
    return fill(lines)


def block(line: str, count: int) -> str:
    """``count`` times ``line`` (a heading or rule), each followed by a long line, with no blank line."""
    other = "x" * (N // count - len(line) - 2)
    return "".join(f"{line.format(i)}\n{other}\n" for i in range(count))[:N]


WORST = {
    # Linear, the most costly per character.
    "emphasis": fill("*a"),
    "mixed emphasis": fill("*_"),
    "strong": fill("**a*"),
    "backslashes": fill("\\"),
    "code spans": fill("`a"),
    "character references": fill("&#1;"),
    "attribute lists": fill("x {: .a }\n\n"),
    "closed tags": fill("<span>"),
    "line breaks": fill("<br>"),
    "comments": fill("<!-- a -->\n"),
    "processing instructions": fill("<?x>\n\n"),
    "autolinks": fill("<http://a.b>"),
    "links": fill('<a href="x">'),
    "blocks of HTML": fill("<div>\n\n"),
    "a table": fill("|a|b|\n|-|-|\n" + "|*x*|`y`|\n" * 200 + "\n"),
    # Brackets: read against each other within a paragraph.
    "brackets": brackets("[" * B),
    "image brackets": brackets("![" * B),
    "footnote brackets": brackets("[^" * B),
    "reference brackets": brackets("[x][" * (B // 2)),
    "link brackets": brackets("[a](" * B),
    "nested brackets": brackets("[" * (B // 2) + "]" * (B // 2) + "[" * (B // 2)),
    "brackets on lines": brackets("[\n" * B),
    # '<' left open: Markdown looks for its end through the rest of the text.
    "open tags": "<a \n\n" * MAX_OPEN_ANGLES + fill("a\n\n", N - 5 * MAX_OPEN_ANGLES),
    "open tags on a line": "<a " * MAX_OPEN_ANGLES + "\n\n" + fill("*a", N - 3 * MAX_OPEN_ANGLES - 2),
    "open comments": "<!--\n\n" * MAX_OPEN_ANGLES + fill("a\n\n", N - 6 * MAX_OPEN_ANGLES),
    # Headings and rules: a paragraph is split at each.
    "headings in one paragraph": block("# h{}", MAX_HEADINGS),
    "rules in one paragraph": block("---", MAX_HEADINGS),
    "underlined headings": fill("a\n=\n", 4 * MAX_HEADINGS),
    "headings": "".join(f"# h{i}\n\n{'x' * 90}\n\n" for i in range(MAX_HEADINGS))[:N],
    # Code fences: the text is gone through again at each.
    "code fences": "```\n" * MAX_FENCES + fill("a\n", N - 4 * MAX_FENCES),
    "tilde fences": "~~~\na\n~~~\n" * (MAX_FENCES // 2) + fill("*a", N - 10 * (MAX_FENCES // 2)),
    # Abbreviations: each is looked for in the whole text.
    "abbreviations": "".join(f"*[A{i}]: x\n" for i in range(MAX_ABBREVIATIONS)) + "\n" + fill("A1 ", N - 1300),
    # Nesting: each level is converted again inside the one above.
    "quotes": fill(deepest("> ")),
    "quotes without spaces": fill(deepest(">")),
    "numbered lists": fill(deepest("1. ")),
    "lists": fill(deepest("- ")),
    "lists and quotes": fill(deepest("- > ")),
    "lists by tabs": nested_lines("\t"),
    "lists by spaces": nested_lines("    "),
    "admonitions": fill("".join("    " * i + "!!! note\n" for i in range(MAX_DEPTH))),
    "details": fill("".join("    " * i + "??? note\n" for i in range(MAX_DEPTH))),
    "definition lists": fill("".join("    " * i + "a\n" + "    " * i + ":   b\n\n" for i in range(MAX_DEPTH))),
}


@pytest.mark.parametrize("name", sorted(WORST))
def test_the_worst_body_within_the_limits_converts_fast(name: str) -> None:
    body = WORST[name]
    assert len(body) <= MAX_CHARACTERS
    assert limit_problem(body) is None
    md = markdown.Markdown(extensions=list(EXTENSIONS))
    start = time.perf_counter()
    md.convert(body)
    assert time.perf_counter() - start < CONVERT_SECONDS
    start = time.perf_counter()
    check_body("p.fr.md", body)
    assert time.perf_counter() - start < CHECK_SECONDS


def test_the_worst_cases_are_as_large_as_the_limits_allow() -> None:
    assert min(len(body) for name, body in WORST.items() if "underlined" not in name) > 0.9 * MAX_CHARACTERS
    assert WORST["brackets"].count("[") == MAX_BRACKETS
    assert WORST["numbered lists"].startswith("1. " * 13 + "a\n")  # 13 markers, and 13 spaces: 3 levels


def test_html_nested_deeper_than_python_can_recurse_is_refused() -> None:
    body = "<div markdown>\n\n" * 1200 + "x\n\n" + "</div>\n\n" * 1200
    start = time.perf_counter()
    assert [str(e) for e in check_body("p.fr.md", body, 10)] == [f"p.fr.md:10: {NESTED}"]
    assert time.perf_counter() - start < CHECK_SECONDS


def messages(body: str) -> list[str]:
    return [str(error) for error in check_body("p.fr.md", body, 10)]


def test_each_limit_is_reported_at_its_line() -> None:
    intro = "Intro.\n\n"  # the body's lines 10 and 11: the problems below are at line 12
    assert messages(intro + "[" * (B + 1)) == [
        f"p.fr.md:12: more than {B} '[' in one paragraph {TOO_SLOW}: separate paragraphs with a blank line, or {LITERAL_BRACKET}"
    ]
    assert messages(intro + ("[" * B + "\n\n") * 11) == [
        f"p.fr.md:10: more than 1,000 '[' {TOO_SLOW}: split it into several pages, or {LITERAL_BRACKET}"
    ]
    assert messages(intro + "a < b, <b>c</b>\n" * 20 + "<a\n" * (MAX_OPEN_ANGLES + 1)) == [
        f"p.fr.md:42: more than {MAX_OPEN_ANGLES} tags with no '>' after them on their line {TOO_SLOW}: "
        "finish each tag on its line, and write a '<' that starts no tag as '&lt;'"
    ]
    assert messages(intro + "# Titre\n\n---\n\n" * 150 + "Fin\n===\n") == [
        f"p.fr.md:10: more than 300 headings and rules {TOO_SLOW}: split it into several pages"
    ]
    assert messages(intro + "```\ncode\n```\n\n" * 100 + "~~~\n") == [
        f"p.fr.md:10: more than 200 code fences (``` or ~~~) {TOO_SLOW}: split it into several pages"
    ]
    assert messages(intro + "*[A]: a\n\n" * (MAX_ABBREVIATIONS + 1)) == [
        f"p.fr.md:10: more than 100 abbreviations (*[...]: lines) {TOO_SLOW}: keep those the text uses"
    ]
    assert messages(intro + "Texte.\n" * (N // 7)) == [
        "p.fr.md:10: the Markdown text is longer than 30,000 characters: split it into several pages"
    ]
    assert messages(intro + "- a\n" + "    - a\n" + "        " * 2 + "> " * 15 + "b\n") == [f"p.fr.md:14: {NESTED}"]
    assert messages(intro + "\t" * (MAX_DEPTH + 1) + "a\n") == [f"p.fr.md:12: {NESTED}"]


def test_one_past_each_limit_with_nothing_else_around_is_refused() -> None:
    # The searches before the counts (is there a '<' at all, more lines than headings allowed,
    # a line starting with enough characters to be nested that deep) must not miss a body that
    # holds exactly one too many, and nothing more.
    assert messages("<a " * (MAX_OPEN_ANGLES + 1)) == [
        f"p.fr.md:10: more than {MAX_OPEN_ANGLES} tags with no '>' after them on their line {TOO_SLOW}: "
        "finish each tag on its line, and write a '<' that starts no tag as '&lt;'"
    ]
    assert messages("# h\n" * (MAX_HEADINGS + 1)) == [
        f"p.fr.md:10: more than 300 headings and rules {TOO_SLOW}: split it into several pages"
    ]
    assert messages("~~~\n" * (MAX_FENCES + 1)) == [
        f"p.fr.md:10: more than 200 code fences (``` or ~~~) {TOO_SLOW}: split it into several pages"
    ]
    assert messages("*[A]: a\n \n" * (MAX_ABBREVIATIONS + 1)) == [
        f"p.fr.md:10: more than 100 abbreviations (*[...]: lines) {TOO_SLOW}: keep those the text uses"
    ]
    assert messages("[" * (B + 1)) == [
        f"p.fr.md:10: more than {B} '[' in one paragraph {TOO_SLOW}: separate paragraphs with a blank line, or {LITERAL_BRACKET}"
    ]
    for unit in ("\t", ">", "- ", "1. ", "    "):
        assert messages("a\n" + unit * (MAX_DEPTH + 1) + "b\n") == [f"p.fr.md:11: {NESTED}"], unit
    assert messages("a\n" + "\t" * MAX_DEPTH + "b\n") == []


def test_what_real_text_holds_is_within_the_limits() -> None:
    body = (
        "# Titre\n\n" + "Un paragraphe avec [un lien](https://example.org) et <br> un retour.\n" * 40 + "\n"
        + "- [a](a.md)\n" * 90 + "\n" + "a < b et c > d, x <= y\n" * 30 + "\n"
        + "```python\nif a < b:\n    print([1, 2, [3]])\n```\n\n" * 50
        + "- un\n    - deux\n        - trois\n            - quatre\n\n                  code indenté\n"
    )
    assert len(body) < MAX_CHARACTERS and limit_problem(body) is None


HOSTILE = {
    "brackets": "'[' * 100_000",
    "brackets on lines": "'[\\n' * 20_000",
    "open tags": "'<a \\n\\n' * 5_000",
    "headings in one paragraph": "''.join(f'# h{i}\\n' for i in range(20_000))",
    "underlined headings": "'a\\n=\\n' * 10_000",
    "code fences": "'```\\n' * 20_000",
    "abbreviations": "''.join(f'*[A{i}]: x\\n' for i in range(3_000)) + 'A1 ' * 1_000",
    "numbered lists": "'1. ' * 5_000",
    "quotes": "'> ' * 5_000",
    "emphasis, 2 MB": "'*a' * 1_000_000",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_bodies_are_answered_at_once(name: str) -> None:
    # In a process of its own, so that a conversion that does not return fails the test instead
    # of hanging it: without the limits, each of these takes from a minute to hours.
    code = textwrap.dedent(f"""
        import time
        import markdown
        from recaps.content.conversion import EXTENSIONS
        from recaps.content.markup import check_body
        body = {HOSTILE[name]}
        start = time.perf_counter()
        errors = check_body("p.fr.md", body)
        elapsed = time.perf_counter() - start
        if not errors:  # accepted: the build would convert it
            markdown.Markdown(extensions=list(EXTENSIONS)).convert(body)
        assert len(errors) == 1, errors
        print(round(elapsed, 3))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) < 1.0
