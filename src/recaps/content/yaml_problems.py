"""What the YAML parser's syntax errors mean for an editor, in plain words, at the line to fix.

libyaml (and PyYAML's pure-Python parser, which words its errors its own way) says what it
expected in its grammar's terms: "mapping values are not allowed in this context", "did not find
expected key". Each usual error is told here as what is wrong on the line and what to do, with
the line where the editor can see it (the line where a quote or a list begins, rather than the
line where the parser noticed its end is missing). An error not foreseen keeps the parser's words
in parentheses, after the plain advice.
"""

from __future__ import annotations

from typing import Callable

import yaml

from ..messages import Message, message

# Braces are written {{ and }}: the texts are format strings (recaps.messages).
# Where the parser was when it failed, as each parser words it, and what the editor should check.
_BY_CONTEXT: dict[str, Message] = {
    "while parsing a block mapping": message(
        "this line does not read as a field ('name: value'): check it and the lines above for a missing "
        "quote, text after a closing quote, or a line indented more or less than its neighbours"),
    "while parsing a block collection": message(
        "this line does not read as an item of the list above it ('- value'): indent it like the other items"),
    "while scanning a block scalar": message(
        "a text of several lines starts here ('|' or '>'): nothing but a digit from 1 to 9, '+' or '-' may follow "
        "the '|' or '>' on this line; write the text on the lines below, indented"),
    "while parsing a flow node": message(
        "a list in brackets ([...]) or fields in braces ({{...}}) are not closed: check the brackets and braces of "
        "this line and the lines above, or put a value that holds one of [ ] {{ }} in double quotes"),
    "while parsing a block node": message(
        "a value is missing or cannot start here: if the value starts with one of [ ] {{ }} , put the whole value "
        "in double quotes"),
}
# Where the parser says where the trouble began (context_mark): that line is the one reported.
_BEGUN_AT: dict[str, Message] = {
    "while scanning a quoted scalar": message(
        "a quoted value starts on this line but its closing quote is missing"),
    "while parsing a flow sequence": message(
        "the list in brackets ([...]) that starts on this line is not closed with ']', or its items are not "
        "separated by commas: check the brackets and commas, or put a value that holds one of [ ] , in double quotes"),
    "while parsing a flow mapping": message(
        "the fields in braces ({{...}}) that start on this line are not closed with '}}', or not separated by "
        "commas: check the braces and commas, or put a value that holds one of {{ }} , in double quotes"),
    "while scanning a simple key": message(
        "this line has no ':' after its field name: write it 'name: value' (or indent it, if it continues the "
        "value above)"),
}
_QUOTED_SCALAR = ("while scanning a quoted scalar", "while scanning a double-quoted scalar",
                  "while scanning a single-quoted scalar", "while parsing a quoted scalar")


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, line_at: Callable[[yaml.Mark | None], int],
                   first_line: int) -> tuple[int, Message]:
    """The file line to report and what the parser's error means there, in the editor's words.

    ``line_at`` gives the file line of a mark of the parser; ``first_line`` is the file line of
    the text's first line."""
    mark = exc.problem_mark or exc.context_mark
    line = line_at(mark)
    problem = exc.problem or exc.context or ""
    context = exc.context or ""
    if _is_tab_problem(problem, text, mark, line - first_line):
        return line, message("this line is indented with a tab: indent it with spaces only")
    if context in _QUOTED_SCALAR and any(word in problem for word in ("escape", "hexadecimal", "hexdecimal")):
        return line, message(
            "a backslash (\\) in a value in double quotes starts a special character: write \\\\ for the "
            "backslash itself, or put the value in single quotes")
    if context in _QUOTED_SCALAR and exc.context_mark is not None:
        return line_at(exc.context_mark), _BEGUN_AT["while scanning a quoted scalar"]
    if context in _BEGUN_AT and exc.context_mark is not None:
        return line_at(exc.context_mark), _BEGUN_AT[context]
    explained = _explained(problem, text, mark) or _BY_CONTEXT.get(context)
    if explained is not None:
        return line, explained
    return line, message(
        "the fields cannot be read from this line: check it and the lines above for a missing quote or ':', "
        "or a wrong indentation (the YAML reader says: {problem})", problem=problem or "invalid YAML")


def _explained(problem: str, text: str, mark: yaml.Mark | None) -> Message | None:
    """What the parser's usual problems, whatever the context, mean for the editor; None for the others."""
    if problem.startswith("mapping values are not allowed"):
        return message(
            "a ':' on this line cannot be read: if the value contains ': ', put the whole value in double "
            "quotes; otherwise check that this line is indented like its neighbours and that the line above "
            "has its ':'")
    if "sequence entries are not allowed" in problem:
        return message(
            "a list item ('- ') cannot start here: put each item on a line of its own under the field, or put "
            "a value that starts with '- ' in double quotes")
    if "cannot start any token" in problem:
        character = text[mark.index] if mark is not None and mark.index < len(text) else "?"
        return message("a value cannot start with '{character}': put the whole value in double quotes",
                       character=character)
    if "tag handle" in problem or "directive" in problem:
        character = "!" if "tag" in problem else "%"
        return message("a value cannot start with '{character}': put the whole value in double quotes",
                       character=character)
    if "alphabetic or numeric character" in problem:  # '&' or '*' with no name after it
        character = text[mark.index - 1] if mark is not None and 0 < mark.index <= len(text) else "&"
        return message("a value cannot start with '{character}': put the whole value in double quotes",
                       character=character if character in "&*" else "&")
    return None


def _is_tab_problem(problem: str, text: str, mark: yaml.Mark | None, line_index: int) -> bool:
    """Whether the parser's error comes from a tab in the indentation, however it words it."""
    if "\\t" in problem or "tab character" in problem:
        return True
    if mark is None:
        return False
    text_lines = text.split("\n")
    source_line = text_lines[line_index] if 0 <= line_index < len(text_lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip())]
    return "\t" in indent or text[mark.index : mark.index + 1] == "\t"
