"""A file's bytes to text: UTF-8 only (a BOM is fine), any line endings, no control characters.

What is refused is named for the editor: a binary file (an image, a PDF, a Word document...),
UTF-16 or UTF-32 text, a byte that is not UTF-8 (with the Windows-1252 character it likely was),
an invisible control character (``characters``).
"""

from __future__ import annotations

from .characters import control_character, may_hold_control_characters
from .errors import ContentError
from ..messages import Message, message

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", message("a PNG image")),
    (b"\xff\xd8\xff", message("a JPEG image")),
    (b"GIF87a", message("a GIF image")),
    (b"GIF89a", message("a GIF image")),
    (b"%PDF-", message("a PDF document")),
    (b"PK\x03\x04", message("a ZIP archive (or a Word or OpenDocument file)")),
    (b"\x1f\x8b", message("a gzip archive")),
    (b"\xd0\xcf\x11\xe0", message("an old Microsoft Office document")),
    (b"{\\rtf", message("an RTF document")),
)
_BOMS = (  # UTF-32 first: its little-endian mark starts like UTF-16's
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(path: str, data: bytes) -> tuple[str | None, list[ContentError]]:
    """Bytes to text: UTF-8 (a BOM is fine), any line endings; refuse binary files and other encodings."""
    not_utf8 = _other_format(data)
    if not_utf8 is not None:
        return None, [ContentError(path, 0, "", not_utf8)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [_undecodable(path, data, exc)]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if may_hold_control_characters(data):
        found = control_character(text)
        if found is not None:
            return None, [ContentError(path, found[0], "", found[1])]
    return text, []


def _other_format(data: bytes) -> Message | None:
    """What ``data`` is if its first bytes show it is not UTF-8 text, else None."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return message("is a binary file ({kind}), not UTF-8 text", kind=kind)
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return message("is {encoding} text; save it as UTF-8", encoding=encoding)
    if b"\x00" in data and _utf16_without_mark(data):
        return message("is {encoding} text; save it as UTF-8", encoding="UTF-16")
    return None


def _utf16_without_mark(data: bytes) -> bool:
    head = data[:512]
    even, odd = head[0::2], head[1::2]
    return len(head) >= 4 and (even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd))


def _undecodable(path: str, data: bytes, exc: UnicodeDecodeError) -> ContentError:
    """Not UTF-8: at the line of the first bad byte, with the character it means in Windows-1252."""
    if b"\x00" in data:
        return ContentError(path, 0, "", message("is a binary file, not UTF-8 text"))
    line = data[: exc.start].count(b"\n") + 1
    byte = data[exc.start]
    try:
        meant = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        meant = ""
    if meant.isprintable() and meant:
        return ContentError(path, line, "", message(
            "is not UTF-8 text (byte {byte}, '{character}' in Windows-1252); save it as UTF-8",
            byte=f"0x{byte:02x}", character=meant))
    return ContentError(path, line, "", message("is not UTF-8 text (byte {byte}); save it as UTF-8", byte=f"0x{byte:02x}"))
