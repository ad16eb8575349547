"""Relations: how a dyad is trending, cooperation against conflict, period by period.

Counted over event groups (one real-world event, however many articles report it),
never over articles, so a story copied five times counts once. The index of a
period is the mean Goldstein score of its groups (-10 conflict … +10 cooperation);
negated and hypothetical events are left out unless asked for. An undirected dyad
(A-B) takes both directions; `directed=True` takes only A acting on B.
"""

from .index import Relation, Trend, relation, trend

__all__ = ["Relation", "Trend", "relation", "trend"]
