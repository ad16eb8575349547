"""Publication dates from date lines and file names.

A regular expression handles the forms news pages print ("2023-03-22",
"Wednesday, March 22, 2023", "22 March 2023 10:42 GMT"); anything it does not
recognise as a whole line is not a date line, which keeps sentences that merely
contain a date in the body. Ambiguous numeric forms (03/04/2023) are refused
rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = (
    r"(?:(?:\s*[,|–—-]\s*|\s+)(?:at\s+)?[0-2]?\d[:.h][0-5]\d(?::[0-5]\d)?"
    r"(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d\d:?\d\d|Z))?)?"
)
_PREFIX = (
    r"(?P<prefix>(?:date|dated|published|posted|first published|last updated|updated|"
    r"created)(?:\s+on)?\s*[:\-–]?\s*)?"
)
_FORMS = [
    _YEAR + r"-(?P<mnum>[01]?\d)-" + _DAY + r"(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?",
    _YEAR + r"/(?P<mnum>[01]?\d)/" + _DAY,
    _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,
    _WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR,
    _DAY + r"\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)",
]
_DATE_LINE = [re.compile(_PREFIX + form + _TIME + r"\.?", re.IGNORECASE) for form in _FORMS]
_INLINE_PREFIX = re.compile(
    r"^(?:date|published|posted)\s*:?\s*(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]?\d)-"
    + _DAY + r"\s+",
    re.IGNORECASE,
)
_FILENAME = re.compile(
    r"(?<![0-9A-Za-z])(?P<year>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<mnum>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?![0-9A-Za-z])"
)
#: Dates before this are not publication dates of web news.
EARLIEST_YEAR = 1990


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["mon"].lower()]
    try:
        value = date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
    if not EARLIEST_YEAR <= value.year <= date.today().year + 1:
        return None
    return value.isoformat()


def parse_date_line(line: str) -> tuple[str, str] | None:
    """(YYYY-MM-DD, prefix word) when the whole line is a date line, else None."""
    stripped = line.strip()
    if len(stripped) > 80:
        return None
    for pattern in _DATE_LINE:
        match = pattern.fullmatch(stripped)
        if match:
            iso = _iso(match)
            if iso:
                prefix = (match.group("prefix") or "").strip().lower()
                return iso, prefix
    return None


def split_inline_date(line: str) -> tuple[str, str] | None:
    """'date 2021-11-25 Weeks after…' → ('2021-11-25', 'Weeks after…')."""
    match = _INLINE_PREFIX.match(line)
    if not match:
        return None
    iso = _iso(match)
    return (iso, line[match.end():]) if iso else None


def date_from_filename(path: str) -> str | None:
    name = re.split(r"[\\/]", path)[-1]
    match = _FILENAME.search(name)
    return _iso(match) if match else None


def normalise_date(value: str | None) -> str | None:
    """A date given as input metadata (JSONL `date`, HTML meta) → YYYY-MM-DD or None."""
    if not value:
        return None
    head = value.strip()[:40]
    parsed = parse_date_line(head)
    if parsed:
        return parsed[0]
    match = re.match(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)", head)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    return None
