"""Plain text: bytes -> str (UTF-8, BOM, cp1252/latin-1 fallback), newlines normalised.

Binary and empty inputs become a :class:`~wirecoder.records.Skip` with the reason;
a file larger than the settings allow is refused before it is read.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from ..records import Article, Skip
from ..settings import Settings

log = logging.getLogger(__name__)


def unreadable(source: str, exc: OSError) -> Skip:
    """The skip recorded for a file that cannot be opened or read (every reader says it the same way)."""
    return Skip(source, f"cannot read it: {exc.strerror or exc}")


BYTES_PER_CHAR = 4  # UTF-8 needs at most 4 bytes a character: a larger file cannot fit max_chars
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_BOM = b"\xef\xbb\xbf"
_SNIFF_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, and what had to be done to decode it."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` -> ``\\n`` (offsets are always into the normalised text)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def binary_reason(head: bytes) -> str | None:
    """Why the first bytes of an input look binary, or None when they look like text."""
    if not head:
        return None
    if b"\x00" in head:
        return "it looks binary (NUL bytes), not text"
    controls = len(_CONTROL.findall(head))
    if controls > max(2, len(head) // 100):
        return f"it looks binary ({controls} control characters in the first {len(head)} bytes), not text"
    return None


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode ``data``: UTF-8 (a BOM is dropped), else cp1252, else latin-1.

    A fallback is logged as a warning and recorded in the notes."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as exc:
        where = exc.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        note = (f"not valid UTF-8 (byte {where}); decoded as {encoding}: check the characters "
                f"or convert the file to UTF-8")
        log.warning("%s: %s", source, note)
        return Decoded(normalise_newlines(text), encoding, (note,))
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def too_large(size: int, settings: Settings, per_char: int = BYTES_PER_CHAR) -> str | None:
    """The skip reason for an input of ``size`` bytes that cannot fit ``max_chars``."""
    limit = settings.max_chars * per_char
    if size <= limit:
        return None
    return (f"{size / 1e6:.1f} MB is larger than the limit of {limit / 1e6:.1f} MB for "
            f"{settings.max_chars:,} characters (raise WIRECODER_MAX_CHARS)")


def text_reason(text: str, settings: Settings) -> str | None:
    """Why decoded ``text`` cannot be an article (empty, too short, too long), or None."""
    n = len(text.strip())
    if n == 0:
        return "it is empty (only whitespace)"
    if n < settings.min_chars:
        return f"it has only {n} characters of text (fewer than {settings.min_chars}), not an article"
    if len(text) > settings.max_chars:
        return (f"it has {len(text):,} characters, more than the limit of {settings.max_chars:,} "
                "(raise WIRECODER_MAX_CHARS)")
    return None


def text_from_bytes(data: bytes, source: str, settings: Settings, *,
                    url: str | None = None) -> Article | Skip:
    """An Article from the bytes of a plain-text input, or a Skip saying why not."""
    reason = binary_reason(data[:_SNIFF_BYTES])
    if reason:
        return Skip(source, reason)
    decoded = decode_bytes(data, source)
    reason = text_reason(decoded.text, settings)
    if reason:
        return Skip(source, reason)
    return Article(text=decoded.text, source=source, url=url, notes=decoded.notes)


def read_text_file(path: Path, settings: Settings) -> Article | Skip:
    """Read one plain-text file (its size is checked before it is read)."""
    source = str(path)
    try:
        reason = too_large(path.stat().st_size, settings)
        if reason:
            return Skip(source, reason)
        data = path.read_bytes()
    except OSError as exc:
        return unreadable(source, exc)
    return text_from_bytes(data, source, settings)
