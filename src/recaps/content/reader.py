"""Files to raw front matter and body, with the line of every key.

The YAML is read event by event rather than with ``yaml.load`` so that we keep the line of each
key, reject what YAML should not do in editorial content (anchors and aliases, which allow
"billion laughs" expansion; merge keys; explicit tags such as ``!!python/object``; duplicate keys,
which PyYAML accepts silently; unbounded nesting or size), and never build anything but plain
data. Files are opened without following them out of the repository, without blocking on pipes
and devices, and never read past ``MAX_FILE_BYTES``.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

try:  # libyaml's parser is several times faster; the pure-Python one gives the same events.
    _Parser = yaml.cyaml.CParser  # the parser alone: events are all this module reads
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 16
MAX_KEY_LENGTH = 100
MAX_VALUES = 5_000  # values in one front matter (a long session has a few hundred)
MAX_REGISTRY_VALUES = 100_000  # values in a registry such as sessions/people.yml
ALLOWED_EXPLICIT_TAGS = {"tag:yaml.org,2002:str"}
MERGE_TAG = "tag:yaml.org,2002:merge"

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
_ScalarEvent, _MappingStartEvent, _SequenceStartEvent = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEndEvent, _SequenceEndEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent
_constructor = yaml.constructor.SafeConstructor()


def _tag_problem(line: int, tag: str) -> _YamlProblem:
    written = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
    return _YamlProblem(line, f"YAML tags such as '{written}' are not allowed: remove the tag")


# First characters of the plain scalars YAML may read as something else than text.
_RESOLVED_FIRST = frozenset(key for key in _resolver.yaml_implicit_resolvers if key is not None)


def _scalar_value(event: yaml.ScalarEvent, line: int) -> Any:
    if event.tag is None and (not event.implicit[0] or event.value[:1] not in _RESOLVED_FIRST):
        return event.value  # quoted, or plain text no resolver claims: a string, as resolve() says
    if event.tag not in (None, "!") and event.tag not in ALLOWED_EXPLICIT_TAGS:
        raise _tag_problem(line, event.tag)
    if event.tag in ALLOWED_EXPLICIT_TAGS or event.tag == "!":
        return event.value
    tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == "tag:yaml.org,2002:str":
        return event.value
    if tag == MERGE_TAG:
        return event.value  # only special as a key, where it is refused
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    construct = _constructor.yaml_constructors.get(tag)
    if construct is None:  # pragma: no cover - every implicit tag of the resolver has one
        return event.value
    try:
        return construct(_constructor, node)
    except (ValueError, OverflowError, ArithmeticError, yaml.YAMLError):
        # "2025-02-30" looks like a date but is not one; an integer of 5,000 digits is more than
        # Python converts: keep the text, the schema says why.
        return event.value


def _key(event: yaml.ScalarEvent, line: int) -> str:
    """A mapping key: always the text as written (`1:` is field '1', `true:` field 'true')."""
    if event.tag not in (None, "!") and event.tag not in ALLOWED_EXPLICIT_TAGS:
        raise _tag_problem(line, event.tag)
    plain = not event.style  # libyaml says '' where the pure-Python parser says None
    if event.tag is None and plain and event.value == "<<":
        raise _YamlProblem(line, "YAML merge keys (<<) are not allowed: write the fields out")
    if event.value.strip() == "":
        raise _YamlProblem(line, "a field name is missing before ':'")
    if len(event.value) > MAX_KEY_LENGTH:
        raise _YamlProblem(
            line, f"a field name longer than {MAX_KEY_LENGTH} characters: check the quotes and colons on this line"
        )
    return event.value


_OTHER_LINE_BREAKS = ("\x85", "\u2028", "\u2029")  # looked for one by one: 40 times a regex's speed


class _LazyLines:
    """``_Lines``, built only when a line must be found from an offset (errors, odd line breaks)."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text, self.first_line, self.lines = text, first_line, None

    def __call__(self, mark) -> int:
        if self.lines is None:
            self.lines = _Lines(self.text, self.first_line)
        return self.lines(mark)


class _Lines:
    """Line numbers from character offsets: YAML also breaks lines at U+0085, U+2028 and U+2029."""

    def __init__(self, text: str, first_line: int) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.first_line = first_line

    def __call__(self, mark) -> int:
        if mark is None:
            return self.first_line
        return bisect.bisect_right(self.starts, mark.index) - 1 + self.first_line


def parse_yaml(
    text: str, first_line: int = 1, max_values: int = MAX_VALUES, problems: list | None = None
) -> tuple[Any, dict[Location, int]]:
    """Parse one YAML document into plain data and the line of every value.

    ``first_line`` is the file line of the YAML text's first line. Raises ``_YamlProblem``.
    Given a ``problems`` list, a key written twice is noted there instead, its first value kept
    and the rest read on, so that the file's other errors are reported in the same run.
    """
    lines: dict[Location, int] = {}
    # Each frame: [container, location, pending_key, seen_keys]
    stack: list[list] = []
    root: Any = None
    documents = 0
    values = 0
    line_at = _LazyLines(text, first_line)
    # Usually libyaml's own line count is right; YAML's other line breaks need the text itself.
    own_lines = not any(line_break in text for line_break in _OTHER_LINE_BREAKS)
    last_line = text.count("\n") + first_line

    def line_of(event) -> int:  # written out in the loop where it runs for every value
        return min(event.start_mark.line + first_line, last_line) if own_lines else line_at(event.start_mark)

    # The loop below runs once per value of every file: the usual cases are written out inline
    # (a plain key, a string, a value attached to its mapping or list), the rest in helpers.
    parser = _Parser(text)
    get_event = parser.get_event
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is _ScalarEvent:
                line = min(event.start_mark.line + first_line, last_line) if own_lines else line_at(event.start_mark)
                if event.anchor is not None:
                    raise _YamlProblem(line, "YAML anchors (&name) are not allowed: write the value out")
                if stack:
                    frame = stack[-1]
                    container = frame[0]
                    if frame[2] is _NO_KEY and type(container) is dict:
                        key = event.value
                        if event.tag is not None or key == "<<" or len(key) > MAX_KEY_LENGTH or not key or key.isspace():
                            key = _key(event, line)
                        seen = frame[3]
                        if key in seen:
                            problem = _YamlProblem(
                                line, f"field '{key}' is written twice (also at line {seen[key]}): keep one"
                            )
                            if problems is None:
                                raise problem
                            problems.append(problem)
                            frame[2] = _DUPLICATE
                            continue
                        seen[key] = line
                        frame[2] = key
                        lines[frame[1] + (key,)] = line
                        continue
                values += 1  # keys are not counted: each has its value
                if values > max_values:
                    raise _YamlProblem(line, f"more than {max_values:,} values: this is not editorial content")
                if event.tag is None and (not event.implicit[0] or event.value[:1] not in _RESOLVED_FIRST):
                    value = event.value  # quoted, or plain text no resolver claims: a string
                else:
                    value = _scalar_value(event, line)
                if not stack:
                    root = value
                    lines[()] = line
                elif type(container) is list:
                    lines[frame[1] + (len(container),)] = line
                    container.append(value)
                else:
                    if frame[2] is not _DUPLICATE:
                        container[frame[2]] = value
                    frame[2] = _NO_KEY
            elif kind is _MappingStartEvent or kind is _SequenceStartEvent:
                line = min(event.start_mark.line + first_line, last_line) if own_lines else line_at(event.start_mark)
                if event.anchor is not None:
                    raise _YamlProblem(line, "YAML anchors (&name) are not allowed: write the value out")
                if stack and stack[-1][2] is _NO_KEY and type(stack[-1][0]) is dict:
                    raise _YamlProblem(line, "a key must be plain text, not a list or a mapping")
                values += 1
                if values > max_values:
                    raise _YamlProblem(line, f"more than {max_values:,} values: this is not editorial content")
                tag = event.tag
                if tag not in (None, "!") and not event.implicit:
                    raise _tag_problem(line, tag)
                if len(stack) >= MAX_DEPTH:
                    raise _YamlProblem(line, f"nested more than {MAX_DEPTH} levels deep")
                child: Any = {} if kind is _MappingStartEvent else []
                if not stack:
                    root = child
                    location: Location = ()
                    lines[()] = line
                else:
                    frame = stack[-1]
                    container = frame[0]
                    if type(container) is list:
                        location = frame[1] + (len(container),)
                        lines[location] = line
                        container.append(child)
                    else:
                        location = frame[1] + (frame[2],)
                        if frame[2] is not _DUPLICATE:
                            container[frame[2]] = child
                        frame[2] = _NO_KEY
                stack.append([child, location, _NO_KEY, {}])
            elif kind is _MappingEndEvent or kind is _SequenceEndEvent:
                stack.pop()
            elif event is None or kind is yaml.StreamEndEvent:
                break
            elif kind is yaml.AliasEvent:
                raise _YamlProblem(line_of(event), "YAML aliases (*name) are not allowed: write the value out")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _YamlProblem(line_of(event), "only one YAML document is allowed here")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = line_at(mark)
        problem = exc.problem or exc.context or "invalid YAML"
        text_lines = text.split("\n")
        mark_line = line - first_line
        source_line = text_lines[mark_line] if mark and 0 <= mark_line < len(text_lines) else ""
        indent = source_line[: len(source_line) - len(source_line.lstrip())]
        at_mark = text[mark.index : mark.index + 1] if mark else ""
        if "\\t" in problem or "tab character" in problem or "\t" in indent or at_mark == "\t":
            problem = "a tab character cannot be used for indentation in YAML; use spaces"
        elif problem == "exceeded maximum nesting depth":  # libyaml's own limit, in flow collections
            raise _YamlProblem(line, f"nested more than {MAX_DEPTH} levels deep") from None
        elif exc.context == "while scanning a quoted scalar" and exc.context_mark:
            line = line_at(exc.context_mark)
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
    except RecursionError:  # pragma: no cover - MAX_DEPTH stops nesting long before
        raise _YamlProblem(first_line, f"nested more than {MAX_DEPTH} levels deep") from None
    finally:
        parser.dispose()
    return root, lines


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()
_DUPLICATE = _NoKey()  # the pending key was written twice: its value is read and dropped


_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)
_BOMS = (  # UTF-32 first: its little-endian mark starts like UTF-16's
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
# Characters a text file has no business containing: C0 controls but tab and line feed (carriage
# returns are line endings, made line feeds before this check), DEL, C1 controls, the Unicode
# line and paragraph separators, which YAML counts as line breaks and editors do not see, and the
# bidirectional controls (BIDI_CONTROLS).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# Bidirectional embeddings, overrides and isolates: invisible, they reorder the text around them
# as readers see it (a right-to-left override before "gpj.exe" shows "exe.jpg") in every page,
# menu and feed that shows it, and a recap never needs them. The marks U+200E, U+200F and U+061C
# are accepted: each acts as one invisible letter of a direction, which can only place
# punctuation next to a right-to-left name correctly, never reverse or hide text.
BIDI_CONTROLS = {
    0x202A: "left-to-right embedding",
    0x202B: "right-to-left embedding",
    0x202C: "pop directional formatting",
    0x202D: "left-to-right override",
    0x202E: "right-to-left override",
    0x2066: "left-to-right isolate",
    0x2067: "right-to-left isolate",
    0x2068: "first strong isolate",
    0x2069: "pop directional isolate",
}
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def bidi_control(text: str) -> str | None:
    """What is wrong with ``text`` if it holds a bidirectional control, else None."""
    match = _BIDI.search(text)
    return None if match is None else bidi_message(ord(match.group()))


def bidi_message(code: int) -> str:
    return (f"contains the invisible bidirectional control U+{code:04X} ({BIDI_CONTROLS[code]}), "
            "which reorders the text readers see: remove it")


def _utf16_without_mark(data: bytes) -> bool:
    head = data[:512]
    even, odd = head[0::2], head[1::2]
    return len(head) >= 4 and (even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd))


def control_character(text: str) -> tuple[int, str] | None:
    """The line and description of the first character ``text`` may not contain, if any."""
    match = _CONTROL.search(text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    code = ord(match.group())
    if code == 0:
        return line, "contains a NUL character (byte 0x00): remove it"
    if code in (0x2028, 0x2029):
        name = "line" if code == 0x2028 else "paragraph"
        return line, f"contains an invisible {name} separator (U+{code:04X}): replace it with a line break or a space"
    if code in BIDI_CONTROLS:
        return line, bidi_message(code)
    return line, f"contains the invisible control character U+{code:04X}: remove it"


def decode(path: str, data: bytes) -> tuple[str | None, list[ContentError]]:
    """Bytes to text: UTF-8 (a BOM is fine), any line endings; refuse binary files and other encodings."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return None, [ContentError(path, 0, "", f"is a binary file ({kind}), not UTF-8 text")]
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return None, [ContentError(path, 0, "", f"is {encoding} text; save it as UTF-8")]
    if b"\x00" in data and _utf16_without_mark(data):
        return None, [ContentError(path, 0, "", "is UTF-16 text; save it as UTF-8")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            return None, [ContentError(path, 0, "", "is a binary file, not UTF-8 text")]
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        try:
            meant = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            meant = ""
        hint = f", '{meant}' in Windows-1252" if meant.isprintable() and meant else ""
        return None, [
            ContentError(path, line, "", f"is not UTF-8 text (byte 0x{byte:02x}{hint}); save it as UTF-8")
        ]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _may_hold_control_characters(data):
        found = control_character(text)
        if found is not None:
            return None, [ContentError(path, found[0], "", found[1])]
    return text, []


# The UTF-8 bytes of what _CONTROL matches: C0 controls and DEL, C1 controls (U+0080 to U+009F),
# U+2028 to U+202E and U+2066 to U+2069. Carriage returns are line endings and tabs and line
# feeds are text.
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_CONTROL_UTF8 = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


def _may_hold_control_characters(data: bytes) -> bool:
    """A quick test on valid UTF-8: deleting printable ASCII leaves whole multi-byte characters
    side by side, and what little is left is searched (the text's own search is 5x slower)."""
    return _CONTROL_UTF8.search(data.translate(None, _PRINTABLE_ASCII)) is not None


# A line closing the front matter: '---' or '...', maybe followed by spaces (as str.rstrip drops),
# found from the line break before it, which the search jumps to (far faster than a '^' search).
_CLOSING_LINE = re.compile(r"\n(?:---|\.\.\.)[^\S\n]*(?=\n|\Z)")


def split_front_matter(path: str, text: str) -> tuple[RawDocument | None, list[ContentError]]:
    """Split a Markdown file into YAML front matter (between '---' lines) and its body."""
    if not text.strip():
        return None, [ContentError(path, 1, "", "the file is empty: it must start with front matter between '---' lines")]
    first_break = text.find("\n")
    if first_break < 0:
        first_break = len(text)
    if text[:first_break].rstrip() != "---":
        return None, [
            ContentError(path, 1, "", "front matter is missing: the file must start with a line '---'")
        ]
    closing = _CLOSING_LINE.search(text, first_break)
    if closing is None:
        return None, [
            ContentError(path, 1, "", "front matter is never closed: add a line '---' after it")
        ]
    yaml_text = text[first_break + 1 : closing.start()]
    try:
        problems: list[_YamlProblem] = []
        meta, where = parse_yaml(yaml_text, first_line=2, problems=problems)
    except _YamlProblem as problem:
        return None, _located(path, [*problems, problem])
    if meta is None:
        return None, [ContentError(path, 1, "", "front matter is empty")]
    if not isinstance(meta, dict):
        return None, [
            ContentError(path, 2, "", "front matter must be a mapping of fields ('name: value' lines)")
        ]
    body = text[closing.end() + 1 :]
    body_line = text.count("\n", 0, closing.start()) + 3  # two lines after the one that ends there
    return RawDocument(path, meta, body, body_line, where), _located(path, problems)


def _too_large(rel_path: str, size: int) -> ContentError:
    tenths = -(-size * 10 // 1_048_576)  # rounded up: 2 MB and one byte is 2.1 MB, not 2.0
    return ContentError(
        rel_path, 0, "", f"is too large ({tenths / 10:.1f} MB; the limit is {MAX_FILE_BYTES // 1_048_576} MB)"
    )


@functools.lru_cache(maxsize=4096)
def _realpath(path: str) -> str:
    return os.path.realpath(path)


@functools.lru_cache(maxsize=4096)
def _folder_inside(root: str, folder: str) -> bool:
    return within(_realpath(root), _realpath(folder))


def forget_real_paths() -> None:
    """Resolve folders again: called at the start of each load, which sees the tree as it is."""
    _realpath.cache_clear()
    _folder_inside.cache_clear()


_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def within(real_root: str, real_path: str) -> bool:
    """Whether ``real_path`` is ``real_root`` or under it (both already resolved)."""
    return os.path.commonpath([real_root, real_path]) == real_root


def _outside(rel_path: str) -> ContentError:
    return ContentError(rel_path, 0, "", "is a symbolic link pointing outside the repository")


def _unreadable(rel_path: str, exc: OSError) -> ContentError:
    return ContentError(rel_path, 0, "", f"cannot be read: {exc.strerror or exc}")


def read_bytes(root: Path, rel_path: str) -> tuple[bytes | None, list[ContentError]]:
    """The bytes of a regular file inside ``root``, at most MAX_FILE_BYTES of them."""
    full = os.path.join(root, rel_path)
    # The file's folder is resolved and checked once per load; the file itself is opened without
    # following a symbolic link, and only a link is resolved in full (then followed if it stays inside).
    if not _folder_inside(str(root), os.path.dirname(full)):
        return None, [_outside(rel_path)]
    real_root = _realpath(str(root))
    if not _NOFOLLOW and not within(real_root, os.path.realpath(full)):  # no O_NOFOLLOW (Windows)
        return None, [_outside(rel_path)]
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        descriptor = os.open(full, _FLAGS | _NOFOLLOW)
    except OSError as exc:
        if not (_NOFOLLOW and os.path.islink(full)):
            return None, [_unreadable(rel_path, exc)]
        if not within(real_root, os.path.realpath(full)):
            return None, [_outside(rel_path)]
        try:
            descriptor = os.open(full, _FLAGS)
        except OSError as exc:
            return None, [_unreadable(rel_path, exc)]
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            return None, [ContentError(rel_path, 0, "", "is a folder, not a file")]
        if not stat.S_ISREG(info.st_mode):
            return None, [ContentError(rel_path, 0, "", "is not a regular file (a pipe, socket or device): remove it")]
        if info.st_size > MAX_FILE_BYTES:
            return None, [_too_large(rel_path, info.st_size)]
        chunks, size = [], 0
        # First what fstat says and one byte more (a file that grew since is noticed), then on
        # until a read returns nothing: some file systems return less than asked before the end.
        wanted = info.st_size + 1
        while size <= MAX_FILE_BYTES:
            chunk = os.read(descriptor, min(wanted, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            wanted = 65536
        if size > MAX_FILE_BYTES:  # it grew since fstat
            return None, [_too_large(rel_path, size)]
        return b"".join(chunks), []
    except OSError as exc:
        return None, [_unreadable(rel_path, exc)]
    finally:
        os.close(descriptor)


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
        problems: list[_YamlProblem] = []
        meta, where = parse_yaml(text, first_line=1, max_values=MAX_REGISTRY_VALUES, problems=problems)
    except _YamlProblem as problem:
        return None, _located(rel_path, [*problems, problem])
    if not isinstance(meta, dict):
        return None, [ContentError(rel_path, 1, "", "must be a YAML mapping")]
    return RawDocument(rel_path, meta, "", 1, where), _located(rel_path, problems)


def _located(path: str, problems: list[_YamlProblem]) -> list[ContentError]:
    return [ContentError(path, problem.line, "", problem.message) for problem in problems]
