"""Event dates: explicit dates and relative ones resolved against the publication date.

The rules follow tests/labelled/events/README.md ("Dates"): a weekday is the most
recent such day on or before publication, "last week" the Monday of the previous
ISO week, a month without a year the most recent such month not after publication.
Each resolved date carries its precision (day, week, month, year) and its basis
(explicit, relative, or publication when the sentence gives no time at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
#: Ordered: the first alternative that matches at a position wins, so longer forms come first.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("mdy", _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?:of\s+)?" + _YEAR + r")?\b"),
    ("dmy", r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
    ("my", r"\b(?:(?:in|since|from|during|by|until|early|late|mid-?|last|this|of)\s+)?" + _MONTH
     + r"(?:\s+(?:of\s+)?" + _YEAR + r")?\b"),
    ("weekday", r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"),
    ("deictic", r"\b(?P<deictic>yesterday|today|tonight|this morning|this afternoon|this evening|"
     r"last night|overnight)\b"),
    ("rel", r"\b(?P<rel>last|this|next|past|previous|coming)\s+(?P<unit>week|month|year|weekend)\b"),
    ("year", r"\b(?:in|since|during|by|of|early|late|until)\s+" + _YEAR + r"\b"),
]
_REGEX = re.compile("|".join(f"(?P<k_{name}>{pat.replace('(?P<', f'(?P<{name}_')})"
                             for name, pat in _PATTERNS), re.IGNORECASE)
#: A capitalised month name that is also a common word is only a date next to a day or year.
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "sep", "oct", "dec"}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression in the text, resolved: character span, date, precision, basis."""

    start: int
    end: int
    text: str
    date: str
    precision: str
    basis: str


def _g(m: re.Match[str], kind: str, name: str) -> str | None:
    return m.group(f"{kind}_{name}")


def _month_day(published: date | None, month: int, day: int | None, year: int | None) -> date | None:
    """A month (and day) without a year: the most recent one not after publication."""
    if year is None:
        if published is None:
            return None
        # Later in the same month stays in this year (a scheduled event); a later month is last year's.
        year = published.year if month <= published.month else published.year - 1
    try:
        return date(year, month, day or 1)
    except ValueError:
        return None


def _relative(kind: str, m: re.Match[str], pub: date) -> tuple[date, str] | None:
    if kind == "weekday":
        wd = WEEKDAYS[(_g(m, kind, "wd") or "").lower()]
        return pub - timedelta(days=(pub.weekday() - wd) % 7), "day"
    if kind == "deictic":
        word = (_g(m, kind, "deictic") or "").lower()
        back = 1 if word in ("yesterday", "last night") else 0
        return pub - timedelta(days=back), "day"
    rel = (_g(m, kind, "rel") or "").lower()
    unit = (_g(m, kind, "unit") or "").lower()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit in ("week", "weekend"):
        monday = pub - timedelta(days=pub.weekday())
        return monday + timedelta(weeks=step), "week"
    if unit == "month":
        y, mo = pub.year, pub.month + step
        y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
        return date(y, mo, 1), "month"
    return date(pub.year + step, 1, 1), "year"


def _resolve(kind: str, m: re.Match[str], pub: date | None) -> tuple[date, str, str] | None:
    if kind == "iso":
        try:
            return date(int(_g(m, kind, "y") or 0), int(_g(m, kind, "m") or 0),
                        int(_g(m, kind, "d") or 0)), "day", "explicit"
        except ValueError:
            return None
    if kind in ("mdy", "dmy", "my"):
        month = MONTHS[(_g(m, kind, "month") or "").lower().rstrip(".")]
        day_text = _g(m, kind, "day") if kind != "my" else None
        year_text = _g(m, kind, "year")
        if kind == "my" and year_text is None and not m.group(0)[0].isupper() and " " not in m.group(0):
            return None
        day = int(day_text) if day_text else None
        year = int(year_text) if year_text else None
        d = _month_day(pub, month, day, year)
        if d is None:
            return None
        basis = "explicit" if year else "relative"
        return d, "day" if day else "month", basis
    if kind == "year":
        return date(int(_g(m, kind, "year") or 0), 1, 1), "year", "explicit"
    if pub is None:
        return None
    res = _relative(kind, m, pub)
    return (res[0], res[1], "relative") if res else None


def _plausible(kind: str, m: re.Match[str]) -> bool:
    """Reject 'may' the verb and 'March' the noun unless a day or year stands beside them."""
    if kind not in ("my", "mdy", "dmy"):
        return True
    month = (_g(m, kind, "month") or "")
    if not month[:1].isupper():
        return False
    if kind == "my" and month.lower() in _AMBIGUOUS_MONTHS and not _g(m, kind, "year"):
        lead = m.group(0).split()[0].lower()
        return lead in ("in", "since", "from", "during", "until", "early", "late", "last", "this")
    return True


#: Basis of a relative expression in an article without a publication date (date left empty).
UNRESOLVED = "unresolved"


def find_dates(text: str, published: str | None, offset: int = 0, *,
               keep_unresolved: bool = False) -> list[DateMention]:
    """Every time expression in `text` (offsets shifted by `offset`), resolved against `published`.

    Without a publication date relative expressions cannot be resolved; with
    `keep_unresolved` they are returned with an empty date and basis "unresolved".
    """
    pub = date.fromisoformat(published) if published else None
    out: list[DateMention] = []
    for m in _REGEX.finditer(text):
        kind = next(k[2:] for k, v in m.groupdict().items() if k.startswith("k_") and v is not None)
        if not _plausible(kind, m):
            continue
        res = _resolve(kind, m, pub)
        if res is None:
            if pub is None and keep_unresolved and kind not in ("iso", "year"):
                # kept so that a copy can resolve it later against its original's date
                out.append(DateMention(offset + m.start(), offset + m.end(), m.group(0), "", "", UNRESOLVED))
            continue
        d, precision, basis = res
        out.append(DateMention(offset + m.start(), offset + m.end(), m.group(0), d.isoformat(),
                               precision, basis))
    return out


def publication_date(published: str | None) -> tuple[str | None, str | None, str | None]:
    """(date, precision, basis) for an event whose sentence gives no time."""
    if not published:
        return None, None, None
    return published, "day", "publication"
