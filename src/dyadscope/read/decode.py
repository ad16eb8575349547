"""Bytes to text: encodings, binary sniffing, mojibake.

News files arrive as UTF-8 (with or without BOM), UTF-16 from Windows tools, or
cp1252 from old CMSes; scraped pages are often double-encoded. We decode
strictly where we can, fall back where we must, say so in a warning, and let
ftfy repair mojibake. Binary files are refused with the kind we recognised.
"""

from __future__ import annotations

import codecs
import re

import ftfy

from ..errors import Code, InputError

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "OLE document"),
)
#: Share of control bytes (other than tab/newline/CR/FF) above which data is not text.
#: Real text has essentially none; 5 % tolerates a few stray bytes in old files.
_CONTROL_SHARE = 0.05
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffe]")
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)
_MAX_FTFY_PASSES = 5
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-:.]+)""", re.I)


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of `data`, or None when it may be text."""
    head = data[:8192]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "data with NUL bytes"
    if head and len(_CONTROL.findall(head)) / len(head) > _CONTROL_SHARE:
        return "data with control bytes"
    return None


def decode(data: bytes, *, html: bool = False) -> tuple[str, list[str]]:
    """Decode `data` to normalised text; returns (text, warnings).

    Raises InputError E104 for binary data and E103 for empty input.
    """
    warnings: list[str] = []
    if not data.strip():
        raise InputError(Code.EMPTY)
    kind = sniff_binary(data)
    if kind is not None:
        raise InputError(Code.BINARY, kind=kind)
    text = _decode_bytes(data, html, warnings)
    return normalise(text), warnings


def _decode_bytes(data: bytes, html: bool, warnings: list[str]) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(Code.DECODE, reason=f"bad UTF-16: {exc.reason}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"), errors="replace")
            except LookupError:
                warnings.append(f"unknown declared charset {declared.group(1)!r}")
    warnings.append("not valid UTF-8; decoded as cp1252")
    return data.decode("latin-1").translate(_CP1252_TABLE)


def _cp1252_table() -> dict[int, str]:
    """latin-1 → cp1252 for 0x80–0x9F; the five bytes cp1252 leaves undefined keep
    their latin-1 meaning, so no byte is dropped."""
    table: dict[int, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


_CP1252_TABLE = _cp1252_table()


def normalise(text: str) -> str:
    """Repair mojibake, unify line ends, drop control characters.

    Idempotent: normalise(normalise(x)) == normalise(x), which clean relies on.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TEXT_CONTROL.sub("", text).replace("\u00a0", " ")
    # ftfy repairs one layer of mojibake per call; repeat until nothing changes
    # (bounded: each layer shortens the text) so the result is a fixed point.
    for _ in range(_MAX_FTFY_PASSES):
        fixed = _TEXT_CONTROL.sub("", ftfy.fix_text(text, _FTFY)).replace("\u00a0", " ")
        if fixed == text:
            break
        text = fixed
    return text
