"""The characters a text of the site may not contain, and how to say so.

Control characters have no business in a text file, and some are invisible where they do harm:
the Unicode line and paragraph separators, which YAML counts as line breaks and editors do not
see, and the bidirectional controls, which reorder the text readers see. The file reader refuses
them in the text itself (``decoding``); the front matter's values, the addresses and the Markdown
bodies refuse the bidirectional controls however they are written (an escape in YAML, a
character reference in HTML).
"""

from __future__ import annotations

import re

from ..messages import Message, message

# Bidirectional embeddings, overrides and isolates: invisible, they reorder the text around them
# as readers see it (a right-to-left override before "gpj.exe" shows "exe.jpg") in every page,
# menu and feed that shows it, and a recap never needs them. The marks U+200E, U+200F and U+061C
# are accepted: each acts as one invisible letter of a direction, which can only place
# punctuation next to a right-to-left name correctly, never reverse or hide text.
BIDI_CONTROLS = {
    0x202A: message("left-to-right embedding"),
    0x202B: message("right-to-left embedding"),
    0x202C: message("pop directional formatting"),
    0x202D: message("left-to-right override"),
    0x202E: message("right-to-left override"),
    0x2066: message("left-to-right isolate"),
    0x2067: message("right-to-left isolate"),
    0x2068: message("first strong isolate"),
    0x2069: message("pop directional isolate"),
}
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")

# Characters a text file has no business containing: C0 controls but tab and line feed (carriage
# returns are line endings, made line feeds before this check), DEL, C1 controls, the Unicode
# line and paragraph separators, and the bidirectional controls (BIDI_CONTROLS).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# The UTF-8 bytes of what _CONTROL matches: C0 controls and DEL, C1 controls (U+0080 to U+009F),
# U+2028 to U+202E and U+2066 to U+2069. Carriage returns are line endings and tabs and line
# feeds are text.
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_CONTROL_UTF8 = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


def bidi_control(text: str) -> Message | None:
    """What is wrong with ``text`` if it holds a bidirectional control, else None."""
    match = _BIDI.search(text)
    return None if match is None else bidi_message(ord(match.group()))


def bidi_message(code: int) -> Message:
    return message("contains the invisible bidirectional control {code} ({name}), which reorders the text "
                   "readers see: remove it", code=f"U+{code:04X}", name=BIDI_CONTROLS[code])


def control_message(code: int) -> Message:
    return message("contains the invisible control character {code}: remove it", code=f"U+{code:04X}")


def control_character(text: str) -> tuple[int, Message] | None:
    """The line and description of the first character ``text`` may not contain, if any."""
    match = _CONTROL.search(text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    code = ord(match.group())
    if code == 0:
        return line, message("contains a NUL character (byte 0x00): remove it")
    if code == 0x2028:
        return line, message("contains an invisible line separator (U+2028): replace it with a line break or a space")
    if code == 0x2029:
        return line, message("contains an invisible paragraph separator (U+2029): replace it with a line break or "
                             "a space")
    if code in BIDI_CONTROLS:
        return line, bidi_message(code)
    return line, control_message(code)


def may_hold_control_characters(data: bytes) -> bool:
    """Whether valid UTF-8 ``data`` may hold a character ``control_character`` finds.

    A quick test: deleting printable ASCII leaves whole multi-byte characters side by side, and
    what little is left is searched (the text's own search is 5x slower)."""
    return _CONTROL_UTF8.search(data.translate(None, _PRINTABLE_ASCII)) is not None
