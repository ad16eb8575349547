"""Direct-quote runs: the text strictly between quotation marks, paragraph by paragraph.

Works on the raw text, before any parse, because spaCy's tokens hide the cases
that matter here: a closing mark with a space before it (`worsening “.`, left by
machine translation), a closing glyph used as an opening one, an opening mark
that a paragraph never closes (a quote running on into the next paragraph, or
a mark the translator lost), apostrophes that share a glyph with the closing
single quote (`Ukraine’s`), and stray marks that delimit nothing.

Conventions (tests/labelled/quotes/README.md): one run per contiguous quoted
stretch; nested quotes stay inside their outer run; a run whose paragraph ends
before its closing mark ends at the paragraph's last non-space character, and
when the next paragraph re-opens with the same kind of mark the two fragments
form one chain (a multi-paragraph quote) that shares one attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: opening mark -> closing marks accepted for it. '“' closes '“' only in the machine-translation
#: form (space or punctuation before it, no letter after it), checked in `_closes`.
CLOSERS: dict[str, str] = {
    "“": "”\"“",
    "„": "“”",
    "«": "»",
    "‘": "’",
    "\"": "\"",
    "”": "”\"",
}
#: Marks that open a multi-paragraph continuation of a run opened with the key.
FAMILY: dict[str, str] = {"“": "“”\"", "„": "„", "«": "«", "‘": "‘", "\"": "\"“", "”": "“”"}
QUOTE_CHARS = "\"“”«»„‘’‚‹›"
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass
class Run:
    """One quoted stretch: `text[start:end]`, between the marks at `open` and `close`."""

    start: int
    end: int
    open: int
    close: int | None
    paragraph: int
    chain: int

    @property
    def outer_end(self) -> int:
        """First character after the closing mark (or after the run when it has none)."""
        return self.close + 1 if self.close is not None else self.end


def _opens(line: str, i: int) -> bool:
    c = line[i]
    prev = line[i - 1] if i > 0 else " "
    rest = line[i + 1:].strip()
    if not rest or rest[0] in QUOTE_CHARS and len(rest) == 1:
        return False
    nxt = line[i + 1]
    if c in "“«„":
        return not prev.isalnum()
    if c == "‘":
        return not prev.isalnum() and (nxt.isalnum() or nxt in "“\"")
    if c == "\"":
        return True
    if c == "”":  # a closing glyph used to open: '”The region wants …'
        return (prev.isspace() or i == 0) and nxt.isalpha()
    return False


def _closes(line: str, k: int, opener: str) -> bool:
    c = line[k]
    if c not in CLOSERS[opener]:
        return False
    prev = line[k - 1] if k > 0 else " "
    nxt = line[k + 1] if k + 1 < len(line) else " "
    if opener == "‘":  # an apostrophe between letters is not a closing mark
        return not (prev.isalnum() and nxt.isalnum())
    if opener == "“" and c == "“":  # 'worsening “.' : the opening glyph left as a closing mark
        return not nxt.isalnum()
    return True


def _scan_line(line: str, base: int, paragraph: int) -> list[tuple[Run, str]]:
    runs: list[tuple[Run, str]] = []
    i = 0
    while i < len(line):
        if line[i] not in CLOSERS or not _opens(line, i):
            i += 1
            continue
        opener = line[i]
        k = i + 1
        while k < len(line) and not _closes(line, k, opener):
            k += 1
        if k < len(line):
            run = Run(base + i + 1, base + k, base + i, base + k, paragraph, -1)
        else:
            end = len(line.rstrip())
            run = Run(base + i + 1, base + end, base + i, None, paragraph, -1)
        if line[i + 1:k].strip():
            runs.append((run, opener))
        i = k + 1
    return runs


def find_runs(text: str) -> list[Run]:
    """Every direct-quote run in `text`, in order, with multi-paragraph chains numbered."""
    runs: list[Run] = []
    openers: list[str] = []
    lines = list(_PARAGRAPH.finditer(text))
    for n, match in enumerate(lines):
        for run, opener in _scan_line(match.group(), match.start(), n):
            runs.append(run)
            openers.append(opener)
    chain = 0
    for j, run in enumerate(runs):
        prev = runs[j - 1] if j else None
        continues = (prev is not None and prev.close is None and prev.paragraph == run.paragraph - 1
                     and run.open == lines[run.paragraph].start() + _indent(lines[run.paragraph].group())
                     and text[run.open] in FAMILY[openers[j - 1]])
        if not continues:
            chain += 1
        run.chain = chain
    return runs


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
