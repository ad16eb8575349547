"""Language identification with py3langid (its model ships in the package)."""

from __future__ import annotations

#: Below this many letters the guess is noise; we say "unknown" (None) instead.
MIN_LETTERS = 20
#: Classify on the opening only: enough for a stable guess, bounded cost.
SAMPLE_CHARS = 3000


def detect_language(text: str) -> str | None:
    import py3langid

    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    lang, _score = py3langid.classify(sample)
    return str(lang)
