"""YAML text to plain data, with the line of every key and list item.

The YAML is read event by event (PyYAML's events, from libyaml's parser where PyYAML has it)
rather than with ``yaml.load``, so that we keep the line of each key and refuse what YAML should
not do in editorial content: anchors and aliases (which allow "billion laughs" expansion), merge
keys, explicit tags such as ``!!python/object``, duplicate keys (which PyYAML accepts silently),
keys that are lists or mappings, and unbounded nesting or size. Nothing but plain data is built:
mappings, lists, strings, and the numbers, booleans, dates and nulls YAML's resolver reads.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

import yaml

from .errors import ContentError
from .yaml_problems import syntax_problem
from ..messages import Message, Number, message

try:  # libyaml's parser is several times faster; the pure-Python one gives the same events.
    _Parser = yaml.cyaml.CParser  # the parser alone: events are all this module reads
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

MAX_DEPTH = 16
MAX_KEY_LENGTH = 100
MAX_VALUES = 5_000  # values in one front matter (a long session has a few hundred)
ALLOWED_EXPLICIT_TAGS = {"tag:yaml.org,2002:str"}
MERGE_TAG = "tag:yaml.org,2002:merge"

Location = tuple  # a path into the data: ("notions", 0, "title")

_ANCHOR = message("a value cannot start with '&' (YAML would read it as a name given to the value): put the whole "
                  "value in double quotes")
_ALIAS = message("a value cannot start with '*' (YAML would read it as a copy of another value): put the whole value "
                 "in double quotes")
_TOO_DEEP = message("the fields are nested more than {depth} levels deep", depth=MAX_DEPTH)


class YamlProblem(Exception):
    """What is wrong with a YAML text, at a file line."""

    def __init__(self, line: int, message: Message) -> None:
        super().__init__(str(message))
        self.line = line
        self.message = message

    def error(self, path: str) -> ContentError:
        return ContentError(path, self.line, "", self.message)


def parse_yaml(
    text: str, first_line: int = 1, max_values: int = MAX_VALUES, problems: list | None = None
) -> tuple[Any, dict[Location, int]]:
    """Parse one YAML document into plain data and the line of every value.

    ``first_line`` is the file line of the YAML text's first line. Raises ``YamlProblem``.
    Given a ``problems`` list, a key written twice is noted there instead, its first value kept
    and the rest read on, so that the file's other errors are reported in the same run.
    """
    lines = _Lines(text, first_line)
    parser = _Parser(text)
    reader = _Reader(parser.get_event, lines, max_values, problems)
    try:
        root = reader.document()
    except yaml.MarkedYAMLError as exc:
        if exc.problem == "exceeded maximum nesting depth":  # libyaml's own limit, in flow collections
            raise YamlProblem(lines.at(exc.problem_mark or exc.context_mark), _TOO_DEEP) from None
        raise YamlProblem(*syntax_problem(exc, text, lines.at, first_line)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, message(
            "the fields cannot be read: check them for a missing quote or ':', or a wrong indentation (the YAML "
            "reader says: {problem})", problem=str(exc))) from None
    except RecursionError:  # pragma: no cover - MAX_DEPTH stops nesting long before
        raise YamlProblem(first_line, _TOO_DEEP) from None
    finally:
        parser.dispose()
    return root, reader.lines


_OTHER_LINE_BREAKS = ("\x85", "\u2028", "\u2029")  # looked for one by one: 40 times a regex's speed


class _Lines:
    """File lines of the parser's marks.

    libyaml counts lines as editors do, unless the text holds YAML's other line breaks (U+0085,
    U+2028, U+2029), which it counts too: then, and for errors, a line is found from the mark's
    offset in the text.
    """

    def __init__(self, text: str, first_line: int) -> None:
        self.text, self.first_line = text, first_line
        self.last_line = text.count("\n") + first_line
        self.counted_by_parser = not any(line_break in text for line_break in _OTHER_LINE_BREAKS)
        self.starts: list[int] | None = None  # offsets of the lines, once needed

    def of(self, event: yaml.Event) -> int:
        """The line where ``event`` starts."""
        if self.counted_by_parser:
            return min(event.start_mark.line + self.first_line, self.last_line)
        return self.at(event.start_mark)

    def at(self, mark: yaml.Mark | None) -> int:
        """The line of ``mark`` from its offset (the first line if there is no mark)."""
        if mark is None:
            return self.first_line
        if self.starts is None:
            self.starts = [0] + [match.end() for match in re.finditer("\n", self.text)]
        return bisect.bisect_right(self.starts, mark.index) - 1 + self.first_line


_DUPLICATE = object()  # in a location, stands for a key written twice: its value is read and dropped
_NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent)


class _Reader:
    """Plain data and the line of every value, read from the parser's events in order.

    Each mapping and list is read by a call of its own, to its end event: the calls nest as the
    data does (at most MAX_DEPTH deep), each knowing where its values go (``location``).
    """

    def __init__(self, get_event, lines: _Lines, max_values: int, problems: list | None) -> None:
        self.next_event, self.line_of = get_event, lines.of
        self.max_values, self.problems = max_values, problems
        self.lines: dict[Location, int] = {}
        self.values = 0

    def document(self) -> Any:
        """The stream's one document (None if it is empty)."""
        root, documents = None, 0
        while True:
            event = self.next_event()
            if event is None or type(event) is yaml.StreamEndEvent:
                return root
            if type(event) is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem(self.line_of(event), message(
                        "a second set of fields starts here, after a line '---' or '...': the file holds one; "
                        "remove the line"))
            elif isinstance(event, _NODE_EVENTS):
                self.lines[()] = self.line_of(event)
                root = self.value(event, (), 0)

    def value(self, event: yaml.Event, location: Location, depth: int) -> Any:
        """The value ``event`` starts, read to its end. ``depth``: the mappings and lists around it."""
        if type(event) is yaml.AliasEvent:
            raise YamlProblem(self.line_of(event), _ALIAS)
        if event.anchor is not None:
            raise YamlProblem(self.line_of(event), _ANCHOR)
        self.values += 1  # keys are not counted: each has its value
        if self.values > self.max_values:
            raise YamlProblem(self.line_of(event), message("more than {count} values: this is not editorial content",
                                                            count=Number(self.max_values)))
        if type(event) is yaml.ScalarEvent:
            return _scalar_value(event, self.line_of)
        if event.tag not in (None, "!") and not event.implicit:
            raise _tag_problem(self.line_of(event), event.tag)
        if depth >= MAX_DEPTH:
            raise YamlProblem(self.line_of(event), _TOO_DEEP)
        if type(event) is yaml.MappingStartEvent:
            return self.mapping(location, depth + 1)
        return self.sequence(location, depth + 1)

    def mapping(self, location: Location, depth: int) -> dict[str, Any]:
        """A mapping's keys and values, to its end; the line of each key stands for its value's."""
        mapping: dict[str, Any] = {}
        while True:
            event = self.next_event()
            if type(event) is yaml.MappingEndEvent:
                return mapping
            key, line = self.key(event), self.line_of(event)
            if key in mapping:
                self.written_twice(key, line, self.lines[location + (key,)])
                self.value(self.next_event(), location + (_DUPLICATE,), depth)
                continue
            self.lines[location + (key,)] = line
            mapping[key] = self.value(self.next_event(), location + (key,), depth)

    def sequence(self, location: Location, depth: int) -> list[Any]:
        """A list's items, to its end, with the line of each."""
        items: list[Any] = []
        while True:
            event = self.next_event()
            if type(event) is yaml.SequenceEndEvent:
                return items
            self.lines[location + (len(items),)] = self.line_of(event)
            items.append(self.value(event, location + (len(items),), depth))

    def key(self, event: yaml.Event) -> str:
        """A mapping key: always the text as written (`1:` is field '1', `true:` field 'true')."""
        if type(event) is yaml.AliasEvent:
            raise YamlProblem(self.line_of(event), _ALIAS)
        if event.anchor is not None:
            raise YamlProblem(self.line_of(event), _ANCHOR)
        if type(event) is not yaml.ScalarEvent:
            raise YamlProblem(self.line_of(event), message(
                "a field name must be plain text, not a list or a group of fields"))
        if event.tag not in (None, "!") and event.tag not in ALLOWED_EXPLICIT_TAGS:
            raise _tag_problem(self.line_of(event), event.tag)
        plain = not event.style  # libyaml says '' where the pure-Python parser says None
        if event.tag is None and plain and event.value == "<<":
            raise YamlProblem(self.line_of(event), message("'<<' cannot be a field name: write the fields out one "
                                                           "by one"))
        if not event.value or event.value.isspace():
            raise YamlProblem(self.line_of(event), message("a field name is missing before ':'"))
        if len(event.value) > MAX_KEY_LENGTH:
            raise YamlProblem(self.line_of(event), message(
                "a field name longer than {count} characters: check the quotes and colons on this line",
                count=MAX_KEY_LENGTH))
        return event.value

    def written_twice(self, key: str, line: int, first: int) -> None:
        """A key written twice: a problem noted, the first value kept, or raised if none may be noted."""
        problem = YamlProblem(line, message("field '{key}' is written twice (also at line {line}): keep one",
                                            key=key, line=first))
        if self.problems is None:
            raise problem
        self.problems.append(problem)


_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()
# First characters of the plain scalars YAML may read as something else than text.
_RESOLVED_FIRST = frozenset(key for key in _resolver.yaml_implicit_resolvers if key is not None)


def _scalar_value(event: yaml.ScalarEvent, line_of) -> Any:
    """A scalar as YAML's safe loader reads it (a string, number, boolean, date or null);
    ``line_of`` gives the line of an event, should its tag be refused."""
    if event.tag is None and (not event.implicit[0] or event.value[:1] not in _RESOLVED_FIRST):
        return event.value  # quoted, or plain text no resolver claims: a string, as resolve() says
    if event.tag is not None:  # '!' (a string) or an explicit tag
        if event.tag != "!" and event.tag not in ALLOWED_EXPLICIT_TAGS:
            raise _tag_problem(line_of(event), event.tag)
        return event.value
    return _resolved(event.value)


# Numbers and booleans only in the forms both YAML versions read alike. YAML 1.1 (PyYAML's
# resolver) reads `10:30` as 630 (base 60), `1_000` as 1000, `yes`, `no`, `on`, `off` as booleans,
# where YAML 1.2, which Decap CMS writes (unquoted), reads text; `0x1F`, `010` (octal in 1.1, ten in
# 1.2) and `.inf` are numbers in both, but differently or for no field of ours. All are text, as written.
_BOTH_VERSIONS = {
    "tag:yaml.org,2002:int": re.compile(r"[-+]?(?:0|[1-9][0-9]*)"),
    "tag:yaml.org,2002:float": re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"),
    "tag:yaml.org,2002:bool": re.compile(r"true|True|TRUE|false|False|FALSE"),
}


@functools.lru_cache(maxsize=4096)  # dates, numbers and names recur from file to file
def _resolved(value: str) -> Any:
    """A plain scalar as YAML's resolver reads it: a number, boolean, date, null, or the text
    (also where only YAML 1.1 reads a number or a boolean: _BOTH_VERSIONS)."""
    tag = _resolver.resolve(yaml.ScalarNode, value, (True, False))
    construct = _constructor.yaml_constructors.get(tag)
    if tag in ("tag:yaml.org,2002:str", MERGE_TAG) or construct is None:
        return value  # a merge key is only special as a key, where it is refused
    if tag in _BOTH_VERSIONS and not _BOTH_VERSIONS[tag].fullmatch(value):
        return value
    try:
        return construct(_constructor, yaml.ScalarNode(tag, value))
    except (ValueError, OverflowError, ArithmeticError, yaml.YAMLError):
        # "2025-02-30" looks like a date but is not one; an integer of 5,000 digits is more than
        # Python converts: keep the text, the schema says why.
        return value


def _tag_problem(line: int, tag: str) -> YamlProblem:
    written = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
    return YamlProblem(line, message("'{tag}' before a value is not allowed: remove it (a value that starts "
                                     "with '!' goes in double quotes)", tag=written))
