"""Plain-text boilerplate: the lines scrapers and content farms leave around an article.

Patterns are matched against whole lines (after trimming), never inside a
sentence, so article text that merely mentions "share" or "labels" survives.
Tail markers open a comment or related-links section: from such a line to the
end, everything goes, but only in the second half of the text, where comment
sections are; earlier they are removed as single lines (so that cleaning twice
changes nothing).
"""

from __future__ import annotations

import re

_LINE_PATTERNS = [
    r"leave a (reply|comment)( cancel reply)?",
    r"cancel reply",
    r"%d bloggers like this:?",
    r"like this:?",
    r"like loading\.{0,3}",
    r"loading\.{2,3}",
    r"share this( article| story| post| page)?:?",
    r"share( on| via| to)? (facebook|twitter|x|linkedin|whatsapp|telegram|email|reddit)",
    r"click to (share|email|print)\b.*",
    r"(share|tweet|email|print|pin it|whatsapp|telegram|reddit|linkedin|facebook)",
    r"(follow( us)?|tweet)( @[\w.]+)?( on (twitter|x|facebook|instagram))?( tweet)?",
    r"follow @[\w.]+( tweet)?",
    r"view (the )?original( article| post)?",
    r"labels?:[\s,]*(\S.*)?",
    r"tags?:[\s,]*(\S.*)?",
    r"filed under:.*",
    r"posted (by|in|on) .{0,80}",
    r"(subscribe|sign up)( now)?( to| for)? (our|the) .{0,40}(newsletter|updates|channel)\.?",
    r"subscribe( now)?",
    r"subscribe to: post comments \(atom\)",
    r"(newer|older) post( (newer|older) post)?( home)?",
    r"post a comment",
    r"no comments:?",
    r"email this ?blogthis!.*",
    r"(related|recommended|more) (posts|articles|stories|reading|from .{1,30}):?",
    r"you (may|might) also like:?",
    r"read more:?",
    r"advertisement",
    r"scroll to continue( with content)?",
    r"skip to (main )?content",
    r"your email address will not be published\.?.*",
    r"required fields are marked.*",
    r"notify me of .{1,40} by email\.?",
    r"save my name, email,? and website .*",
    r"(©|\(c\)|copyright)\s*.{0,80}all rights reserved\.?",
    r"all rights reserved\.?",
    r"(accept|reject) (all )?cookies",
    r"this (website|site) uses cookies.*",
    r"print (this )?(article|page|story)",
]
_LINE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS), re.IGNORECASE)

_TAIL_PATTERNS = [
    r"leave a (reply|comment)( cancel reply)?",
    r"post a comment",
    r"%d bloggers like this:?",
    r"\d+ (comments?|responses?|replies|thoughts on .*)",
    r"comments?( \(\d+\))?:?",
    r"(related|recommended) (posts|articles|stories):?",
    r"you (may|might) also like:?",
]
_TAIL = re.compile("|".join(f"(?:{p})" for p in _TAIL_PATTERNS), re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    return bool(_LINE.fullmatch(stripped) or _TAIL.fullmatch(stripped))


def strip_boilerplate(lines: list[str]) -> list[str]:
    """Lines without boilerplate; a comment section in the second half is cut off."""
    half = len(lines) // 2
    for i, line in enumerate(lines):
        if i >= half and _TAIL.fullmatch(line.strip()):
            lines = lines[:i]
            break
    return [line for line in lines if not is_boilerplate(line)]
