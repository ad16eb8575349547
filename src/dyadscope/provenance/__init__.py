"""Provenance: exact, near, spun and translated copies linked to their original; story groups.

One report counted many times inflates everything downstream, so every copy
is linked to the version judged original (`copy_of`, with its kind, score,
evidence and the reason that version was judged original), and articles that
report the same event independently are grouped into stories. It runs as a
corpus step after each stored batch (`dyadscope.provenance.v1`), on the clean
text, without the spaCy parse; its index lives in the store so new batches are
compared with everything stored without rebuilding anything.
"""

from .step import provenance_step

__all__ = ["provenance_step"]
