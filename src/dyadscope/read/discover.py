"""Turn the PATH arguments of `dyadscope ingest` into a list of input files.

Folders are walked recursively (hidden entries skipped), globs are expanded,
single files are taken as named. The result is sorted so that two runs over the
same input see files in the same order. A path that does not exist becomes a
failure, not an exception: the rest of the batch still runs.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Code, Failure, InputError

#: Suffixes read when walking a folder. A file named explicitly is read whatever
#: its suffix (and refused with E106 when no reader fits).
SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".warc", ".warc.gz", ".arc.gz")


def suffix_of(path: str) -> str:
    """The reader suffix of a path, with compound suffixes such as .warc.gz."""
    name = os.path.basename(path).lower()
    for suffix in (".warc.gz", ".arc.gz"):
        if name.endswith(suffix):
            return suffix
    return os.path.splitext(name)[1]


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    #: Files met while walking folders whose type we do not read (images, PDFs…).
    ignored: list[str] = field(default_factory=list)


def discover(paths: list[str]) -> Discovery:
    found = Discovery()
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.realpath(path)
        if key in seen:
            return
        seen.add(key)
        found.files.append(path)

    for arg in paths:
        matches = sorted(glob.glob(arg, recursive=True)) if glob.has_magic(arg) else [arg]
        if not matches or not any(os.path.lexists(m) for m in matches):
            err = InputError(Code.PATH_NOT_FOUND, path=arg)
            found.failures.append(Failure.from_error(err, path=arg, record=None, stage="read"))
            continue
        for match in matches:
            if os.path.isdir(match):
                for file in _walk(match):
                    if suffix_of(file) in SUFFIXES:
                        add(file)
                    else:
                        found.ignored.append(file)
            else:
                add(match)
    return found


def _walk(root: str) -> list[str]:
    out: list[str] = []
    stack = [root]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            out.append(current)  # the reader will report it as unreadable
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            else:
                out.append(entry.path)
    out.sort()
    return out


def display_path(path: str) -> str:
    """The path as stored: relative to the working directory when inside it, so
    stores and listings carry no machine-specific prefix."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
