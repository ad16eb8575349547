"""One reader per input format. Each yields `RawDoc`s and `Failure`s.

Readers never hold more than one article in memory: files are refused by size
before they are read, JSONL is read line by line with a bounded line length,
WARC record by record. A bad line or record is a failure for that line or
record; the rest of the file is still read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from typing import IO, Any

from ..article import RawDoc
from ..config import PipelineConfig
from ..errors import Code, Failure, InputError
from .decode import decode

Item = RawDoc | Failure
Reader = Callable[[str, str, PipelineConfig], Iterator[Item]]


def _size_label(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n:,} bytes"


def _read_bounded(path: str, limit: int) -> bytes:
    """Read a whole file, refusing it (E105) before reading when over `limit`."""
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise InputError(Code.TOO_LARGE, size=_size_label(size), limit=_size_label(limit))
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except IsADirectoryError as exc:
        raise InputError(Code.UNREADABLE, path=path, reason="it is a directory") from exc
    except OSError as exc:
        raise InputError(Code.UNREADABLE, path=path, reason=exc.strerror or str(exc)) from exc
    if len(data) > limit:  # grew while we looked, or a special file
        raise InputError(Code.TOO_LARGE, size=f"over {_size_label(limit)}", limit=_size_label(limit))
    return data


def _guarded(stored: str, fn: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    try:
        yield from fn()
    except InputError as err:
        yield Failure.from_error(err, path=stored, record=None, stage="read")


def read_text(path: str, stored: str, config: PipelineConfig) -> Iterator[Item]:
    def run() -> Iterator[Item]:
        text, warnings = decode(_read_bounded(path, config.max_article_bytes))
        yield RawDoc(path=stored, record=None, kind="text", content=text, warnings=warnings)

    return _guarded(stored, run)


def read_html(path: str, stored: str, config: PipelineConfig) -> Iterator[Item]:
    def run() -> Iterator[Item]:
        html, warnings = decode(_read_bounded(path, config.max_html_bytes), html=True)
        yield RawDoc(path=stored, record=None, kind="html", content=html, warnings=warnings)

    return _guarded(stored, run)


_JSONL_FIELDS = ("id", "url", "title", "date", "outlet")


def read_jsonl(path: str, stored: str, config: PipelineConfig) -> Iterator[Item]:
    def run() -> Iterator[Item]:
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed in the finally below
        except OSError as exc:
            raise InputError(Code.UNREADABLE, path=path, reason=exc.strerror or str(exc)) from exc
        try:
            yield from _jsonl_lines(fh, stored, config)
        finally:
            fh.close()

    return _guarded(stored, run)


def _jsonl_lines(fh: IO[bytes], stored: str, config: PipelineConfig) -> Iterator[Item]:
    limit = config.max_html_bytes
    lineno = 0
    any_line = False
    while True:
        line = fh.readline(limit + 1)
        if not line:
            break
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (chunk := fh.readline(1 << 20)) and not chunk.endswith(b"\n"):
                pass
            err = InputError(Code.TOO_LARGE, size=f"over {_size_label(limit)}",
                             limit=_size_label(limit))
            yield Failure.from_error(err, path=stored, record=str(lineno), stage="read")
            continue
        if not line.strip():
            continue
        any_line = True
        try:
            yield _jsonl_record(line, lineno, stored, config)
        except InputError as err:
            yield Failure.from_error(err, path=stored, record=str(lineno), stage="read")
    if not any_line:
        raise InputError(Code.EMPTY)


def _jsonl_record(line: bytes, lineno: int, stored: str, config: PipelineConfig) -> RawDoc:
    try:
        obj = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(Code.DECODE, reason=f"line is not UTF-8 ({exc.reason})") from exc
    except ValueError as exc:
        raise InputError(Code.JSONL_MALFORMED, reason=str(exc)) from exc
    if not isinstance(obj, dict):
        raise InputError(Code.JSONL_NOT_OBJECT)
    meta: dict[str, str | None] = {}
    for key in _JSONL_FIELDS:
        value: Any = obj.get(key)
        if value is None or value == "":
            meta[key] = None
        elif isinstance(value, str | int) and not isinstance(value, bool):
            meta[key] = str(value).strip()
        else:
            raise InputError(Code.JSONL_BAD_FIELD, field=key, expected="a string")
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        kind, body, limit = "text", text, config.max_article_bytes
    elif isinstance(html, str) and html.strip():
        kind, body, limit = "html", html, config.max_html_bytes
    else:
        raise InputError(Code.JSONL_NO_TEXT)
    size = len(body.encode("utf-8"))
    if size > limit:
        raise InputError(Code.TOO_LARGE, size=_size_label(size), limit=_size_label(limit))
    content, warnings = decode(body.encode("utf-8"), html=kind == "html")
    return RawDoc(
        path=stored,
        record=meta["id"] or str(lineno),
        kind=kind,  # type: ignore[arg-type]
        content=content,
        url=meta["url"],
        title=meta["title"],
        date=meta["date"],
        outlet=meta["outlet"],
        warnings=warnings,
    )


def read_warc(path: str, stored: str, config: PipelineConfig) -> Iterator[Item]:
    def run() -> Iterator[Item]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed in the finally below
        except OSError as exc:
            raise InputError(Code.UNREADABLE, path=path, reason=exc.strerror or str(exc)) from exc
        count = 0
        try:
            head = fh.read(5)
            if not (head.startswith(b"\x1f\x8b") or head.startswith((b"WARC/", b"http:", b"https"))):
                raise InputError(Code.WARC_MALFORMED, reason="it does not start with a WARC header")
            fh.seek(0)
            for rec in ArchiveIterator(fh):
                item = _warc_record(rec, stored, config)
                if item is not None:
                    count += 1
                    yield item
        except ArchiveLoadFailed as exc:
            raise InputError(Code.WARC_MALFORMED, reason=str(exc).splitlines()[0]) from exc
        except (ValueError, OSError, EOFError) as exc:
            err = InputError(Code.WARC_RECORD, reason=str(exc) or type(exc).__name__)
            yield Failure.from_error(err, path=stored, record=f"after {count}", stage="read")
        finally:
            fh.close()
        if count == 0:
            raise InputError(Code.NO_TEXT, detail="no HTML or text response records in the WARC")

    return _guarded(stored, run)


def _warc_record(rec: Any, stored: str, config: PipelineConfig) -> Item | None:
    if rec.rec_type not in ("response", "resource"):
        return None
    ctype = ""
    if rec.http_headers is not None:
        ctype = rec.http_headers.get_header("Content-Type") or ""
        status = rec.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    ctype = ctype.lower()
    if "html" in ctype:
        kind = "html"
    elif ctype.startswith("text/plain"):
        kind = "text"
    else:
        return None
    record_id = rec.rec_headers.get_header("WARC-Record-ID")
    limit = config.max_html_bytes if kind == "html" else config.max_article_bytes
    try:
        data = rec.content_stream().read(limit + 1)
        if len(data) > limit:
            raise InputError(Code.TOO_LARGE, size=f"over {_size_label(limit)}",
                             limit=_size_label(limit))
        content, warnings = decode(data, html=kind == "html")
    except InputError as err:
        return Failure.from_error(err, path=stored, record=record_id, stage="read")
    return RawDoc(
        path=stored,
        record=record_id,
        kind=kind,  # type: ignore[arg-type]
        content=content,
        url=rec.rec_headers.get_header("WARC-Target-URI"),
        warnings=warnings,
    )


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".warc": read_warc,
    ".warc.gz": read_warc,
    ".arc.gz": read_warc,
}
