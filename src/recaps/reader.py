"""Files to raw front matter and body, with the line of every key.

The YAML is read event by event rather than with ``yaml.load`` so that we keep the line of each
key, reject what YAML should not do in editorial content (anchors and aliases, which allow
"billion laughs" expansion; explicit tags such as ``!!python/object``; duplicate keys, which
PyYAML accepts silently; unbounded nesting), and never build anything but plain data.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

try:  # libyaml's parser is several times faster; the pure-Python one gives the same events.
    _Parser = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 16
ALLOWED_EXPLICIT_TAGS = {"tag:yaml.org,2002:str"}

Location = tuple  # a path into the data: ("notions", 0, "title")


@dataclass
class RawDocument:
    """Front matter as plain data, the Markdown body, and where each value was written."""

    path: str
    meta: dict[str, Any]
    body: str = ""
    body_line: int = 1
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int:
        """Line of the value at ``location``, or of its closest written ancestor."""
        location = tuple(location)
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return self.lines.get((), 1)


class _YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


def _tag_problem(line: int, tag: str) -> _YamlProblem:
    written = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
    return _YamlProblem(line, f"YAML tags such as '{written}' are not allowed: remove the tag")


def _scalar_value(event: yaml.ScalarEvent, line: int) -> Any:
    if event.tag not in (None, "!") and event.tag not in ALLOWED_EXPLICIT_TAGS:
        raise _tag_problem(line, event.tag)
    if event.tag in ALLOWED_EXPLICIT_TAGS or event.tag == "!":
        return event.value
    tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == "tag:yaml.org,2002:str":
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return _constructor.yaml_constructors[tag](_constructor, node)
    except (ValueError, OverflowError):
        # "2025-02-30" looks like a date but is not one: keep the text, the schema says why.
        return event.value


def _plain(value: Any) -> str:
    if isinstance(value, (datetime.date, bool, int, float)) or value is None:
        return str(value)
    return "a " + type(value).__name__


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[Location, int]]:
    """Parse one YAML document into plain data and the line of every value.

    ``first_line`` is the file line of the YAML text's first line. Raises ``_YamlProblem``.
    """
    lines: dict[Location, int] = {}
    # Each frame: [container, location, pending_key, seen_keys]
    stack: list[list] = []
    root: Any = None
    documents = 0

    def line_of(event) -> int:
        return event.start_mark.line + first_line

    def attach(value: Any, event) -> None:
        nonlocal root
        line = line_of(event)
        if not stack:
            root = value
            lines[()] = line
            return
        frame = stack[-1]
        container, location = frame[0], frame[1]
        if isinstance(container, list):
            lines[location + (len(container),)] = line
            container.append(value)
            return
        if frame[2] is _NO_KEY:
            if isinstance(value, (dict, list)):
                raise _YamlProblem(line, "a key must be plain text, not a list or a mapping")
            key = value if isinstance(value, str) else _plain(value)
            if key in frame[3]:
                raise _YamlProblem(
                    line, f"field '{key}' is written twice (also at line {frame[3][key]}): keep one"
                )
            frame[3][key] = line
            frame[2] = key
            lines[location + (key,)] = line
            return
        container[frame[2]] = value
        frame[2] = _NO_KEY

    try:
        for event in yaml.parse(text, Loader=_Parser):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _YamlProblem(line_of(event), "only one YAML document is allowed here")
                continue
            if isinstance(event, yaml.AliasEvent):
                raise _YamlProblem(
                    line_of(event), "YAML aliases (*name) are not allowed: write the value out"
                )
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                raise _YamlProblem(
                    line_of(event), "YAML anchors (&name) are not allowed: write the value out"
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                tag = event.tag
                if tag not in (None, "!") and not event.implicit:
                    raise _tag_problem(line_of(event), tag)
                if len(stack) >= MAX_DEPTH:
                    raise _YamlProblem(
                        line_of(event), f"nested more than {MAX_DEPTH} levels deep"
                    )
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                location = _location_for_child(stack, lines)
                attach(container, event)
                stack.append([container, location, _NO_KEY, {}])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
            elif isinstance(event, yaml.ScalarEvent):
                attach(_scalar_value(event, line_of(event)), event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        text_lines = text.split("\n")
        source_line = text_lines[mark.line] if mark and mark.line < len(text_lines) else ""
        indent = source_line[: len(source_line) - len(source_line.lstrip())]
        at_mark = source_line[mark.column : mark.column + 1] if mark else ""
        if "\\t" in problem or "tab character" in problem or "\t" in indent or at_mark == "\t":
            problem = "a tab character cannot be used for indentation in YAML; use spaces"
        elif exc.context == "while scanning a quoted scalar" and exc.context_mark:
            line = exc.context_mark.line + first_line
            problem = "a quoted value starts on this line but its closing quote is missing"
        elif problem.startswith("mapping values are not allowed"):
            problem += " (if a value contains ': ', put the whole value in double quotes)"
        elif problem in ("did not find expected key", "did not find expected '-' indicator") or problem.startswith("expected <block end>"):
            problem += " (check this line and the ones above for a missing quote or a wrong indentation)"
        elif "cannot start any token" in problem:
            problem += " (if a value starts with @ or `, put the whole value in double quotes)"
        raise _YamlProblem(line, f"YAML does not parse: {problem}") from None
    except yaml.YAMLError as exc:
        raise _YamlProblem(first_line, f"YAML does not parse: {exc}") from None
    return root, lines


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()


def _location_for_child(stack: list[list], lines: dict) -> Location:
    """Location of the container about to be attached to the top of the stack."""
    if not stack:
        return ()
    container, location, key, _ = stack[-1]
    if isinstance(container, list):
        return location + (len(container),)
    return location + (key,)


def decode(path: str, data: bytes) -> tuple[str | None, list[ContentError]]:
    """Bytes to text: UTF-8 (a BOM is fine), any line endings; refuse binary files."""
    if b"\x00" in data:
        return None, [ContentError(path, 0, "", "is a binary file, not UTF-8 text")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            ContentError(path, line, "", f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8")
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split_front_matter(path: str, text: str) -> tuple[RawDocument | None, list[ContentError]]:
    """Split a Markdown file into YAML front matter (between '---' lines) and its body."""
    lines = text.split("\n")
    if not text.strip():
        return None, [ContentError(path, 1, "", "the file is empty: it must start with front matter between '---' lines")]
    if not lines or lines[0].rstrip() != "---":
        return None, [
            ContentError(path, 1, "", "front matter is missing: the file must start with a line '---'")
        ]
    end = next(
        (i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None
    )
    if end is None:
        return None, [
            ContentError(path, 1, "", "front matter is never closed: add a line '---' after it")
        ]
    yaml_text = "\n".join(lines[1:end])
    try:
        meta, where = parse_yaml(yaml_text, first_line=2)
    except _YamlProblem as problem:
        return None, [ContentError(path, problem.line, "", problem.message)]
    if meta is None:
        return None, [ContentError(path, 1, "", "front matter is empty")]
    if not isinstance(meta, dict):
        return None, [
            ContentError(path, 2, "", "front matter must be a mapping of fields ('name: value' lines)")
        ]
    body = "\n".join(lines[end + 1 :])
    return RawDocument(path, meta, body, end + 2, where), []


def read_bytes(root: Path, rel_path: str) -> tuple[bytes | None, list[ContentError]]:
    full = root / rel_path
    try:
        size = os.stat(full).st_size
        if size > MAX_FILE_BYTES:
            return None, [
                ContentError(
                    rel_path,
                    0,
                    "",
                    f"is too large ({size / 1_048_576:.1f} MB; the limit is "
                    f"{MAX_FILE_BYTES // 1_048_576} MB)",
                )
            ]
        with open(full, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1), []
    except OSError as exc:
        return None, [ContentError(rel_path, 0, "", f"cannot be read: {exc.strerror}")]


def read_markdown(
    root: Path, rel_path: str, front_matter_required: bool = True
) -> tuple[RawDocument | None, list[ContentError]]:
    data, errors = read_bytes(root, rel_path)
    if data is None:
        return None, errors
    text, errors = decode(rel_path, data)
    if text is None:
        return None, errors
    if not front_matter_required and not text.startswith("---"):
        return RawDocument(rel_path, {}, text, 1, {}), []
    return split_front_matter(rel_path, text)


def read_yaml_file(root: Path, rel_path: str) -> tuple[RawDocument | None, list[ContentError]]:
    """A registry file: the whole file is one YAML mapping."""
    data, errors = read_bytes(root, rel_path)
    if data is None:
        return None, errors
    text, errors = decode(rel_path, data)
    if text is None:
        return None, errors
    try:
        meta, where = parse_yaml(text, first_line=1)
    except _YamlProblem as problem:
        return None, [ContentError(rel_path, problem.line, "", problem.message)]
    if not isinstance(meta, dict):
        return None, [ContentError(rel_path, 1, "", "must be a YAML mapping")]
    return RawDocument(rel_path, meta, "", 1, where), []
