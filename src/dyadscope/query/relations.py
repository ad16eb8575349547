"""The relation view: one dyad's periods (see `dyadscope.relations`)."""

from __future__ import annotations

from typing import Any

from ..relations import relation
from ..relations.index import Freq
from ..store import Store
from .common import rows_out


def list_relation(store: Store, a: str, b: str, freq: Freq = "month", *, directed: bool = False,
                  include_flagged: bool = False) -> list[dict[str, Any]]:
    """`RelationRow` dicts for the dyad A-B, oldest period first."""
    return rows_out(relation(store, a, b, freq, directed=directed, include_flagged=include_flagged).rows)
