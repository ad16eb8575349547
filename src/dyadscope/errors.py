"""The coded error catalogue.

Every problem a user can meet has a stable code, a message that names the input
and a hint that says what to do. Codes are stable across releases so that users
can grep their failures table; add new codes at the end of a block, never reuse one.
The runner records (path, record, stage, code, message) for each failure and goes
on with the batch; only usage errors and store errors stop a run.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Code(Enum):
    """(code, template, hint). Templates are formatted with keyword arguments."""

    # E1xx: reading input
    PATH_NOT_FOUND = ("E101", "no such file or directory: {path}", "check the path and quoting")
    UNREADABLE = (
        "E102",
        "cannot read {path}: {reason}",
        "check the file's permissions, or that it is not a special file",
    )
    EMPTY = ("E103", "the file is empty", "nothing to do; remove it from the batch")
    BINARY = (
        "E104",
        "looks like binary data ({kind}), not text",
        "only .txt, .html, .jsonl and .warc(.gz) files are read",
    )
    TOO_LARGE = (
        "E105",
        "{size} exceeds the limit of {limit} for one article",
        "raise max_article_bytes / max_html_bytes in the config if it really is one article",
    )
    UNSUPPORTED = (
        "E106",
        "unsupported file type {suffix!r}",
        "use .txt, .html/.htm, .jsonl or .warc/.warc.gz",
    )
    DECODE = ("E107", "cannot decode the text: {reason}", "save the file as UTF-8")
    JSONL_MALFORMED = (
        "E110",
        "line is not valid JSON: {reason}",
        "each line must be one JSON object",
    )
    JSONL_NOT_OBJECT = ("E111", "line is JSON but not an object", "each line must be a JSON object")
    JSONL_NO_TEXT = (
        "E112",
        "record has neither a 'text' nor an 'html' string",
        "give the article body in 'text' (plain) or 'html'",
    )
    JSONL_BAD_FIELD = ("E113", "field {field!r} must be {expected}", "fix or drop that field")
    WARC_MALFORMED = ("E120", "not a readable WARC file: {reason}", "check the file is WARC 1.0/1.1")
    WARC_RECORD = ("E121", "WARC record cannot be read: {reason}", "the rest of the file was read")
    DUPLICATE_INPUT = (
        "E130",
        "the same file was named twice in this run",
        "it was read once; nothing to do",
    )

    # E2xx: cleaning
    NO_TEXT = (
        "E201",
        "no article text left after cleaning ({detail})",
        "the page may be a list, a login wall or only boilerplate",
    )
    HTML_EXTRACT = ("E202", "HTML could not be parsed: {reason}", "check the page is HTML")

    # E3xx: store
    STORE_BUSY = (
        "E301",
        "the store {path} is in use by another dyadscope process",
        "wait for it to finish, or use another --db",
    )
    STORE_SCHEMA = (
        "E302",
        "the store {path} has schema version {found}, newer than this dyadscope ({known})",
        "upgrade dyadscope",
    )
    STORE_OPEN = ("E303", "cannot open the store {path}: {reason}", "check the path and permissions")

    # E4xx: configuration and usage
    CONFIG = ("E401", "invalid configuration: {reason}", "see `dyadscope --help` and docs/config")
    USAGE = ("E402", "{reason}", "see --help")
    ACTORS_FILE = (
        "E403",
        "cannot read the actor file {path}: {reason}",
        "give a TSV with a header row or a JSON list of objects, with at least 'alias' and 'code'",
    )

    # E9xx: bugs
    INTERNAL = (
        "E901",
        "internal error in stage {stage}: {reason}",
        "please report it with the input that caused it",
    )

    @property
    def code(self) -> str:
        return self.value[0]

    @property
    def hint(self) -> str:
        return self.value[2]

    def format(self, **kwargs: object) -> str:
        return self.value[1].format(**kwargs)


class DyadscopeError(Exception):
    """Base for all errors the library raises on purpose; carries a catalogue code."""

    exit_code = 1

    def __init__(self, code: Code, **kwargs: object) -> None:
        self.code = code
        self.kwargs = kwargs
        self.message = code.format(**kwargs)
        super().__init__(f"{code.code} {self.message} ({code.hint})")


class InputError(DyadscopeError):
    """One input (file, line, record) cannot be used; the batch goes on."""


class StoreError(DyadscopeError):
    """The store cannot be used; the run stops without writing."""


class UsageError(DyadscopeError):
    """The user asked for something malformed."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that could not be processed, as recorded in the failures table."""

    path: str
    record: str | None
    stage: str
    code: str
    message: str

    @classmethod
    def from_error(
        cls, err: DyadscopeError, *, path: str, record: str | None, stage: str
    ) -> Failure:
        return cls(path=path, record=record, stage=stage, code=err.code.code, message=err.message)

    def line(self) -> str:
        where = self.path if self.record is None else f"{self.path}#{self.record}"
        return f"{where}: {self.code} {self.message}"
