"""The SVG charts: well-formed, escaped, deterministic, honest about empty data."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from dyadscope.report.charts import nice_max, relation_chart
from dyadscope.report.network import layout, network_chart

SVG = "{http://www.w3.org/2000/svg}"


def _rows(n: int) -> list[dict[str, object]]:
    return [{"period": f"2023-{m:02d}", "events": 4, "quad1": m % 3, "quad2": 1, "quad3": 1, "quad4": m % 2,
             "index": (m - 6) / 3, "sources": m % 4} for m in range(1, n + 1)]


def test_relation_chart_draws_one_stack_per_period() -> None:
    root = ET.fromstring(relation_chart(_rows(12)))
    assert root.tag == f"{SVG}svg"
    bars = [r for r in root.iter(f"{SVG}rect") if (r.get("class") or "").startswith("q")]
    assert len(bars) == sum(1 for r in _rows(12) for q in (1, 2, 3, 4) if r[f"quad{q}"])
    assert len(list(root.iter(f"{SVG}polyline"))) == 2  # index and sources


def test_labels_from_the_data_are_escaped() -> None:
    rows = _rows(1)
    rows[0]["period"] = "<script>alert(1)</script>"
    svg = relation_chart(rows, title="<b>x</b>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg
    ET.fromstring(svg)


def test_empty_chart_says_so() -> None:
    assert "no events" in relation_chart([])


@given(st.floats(min_value=0.001, max_value=1e9))
def test_nice_max_is_at_or_above_and_within_a_factor_of_ten(value: float) -> None:
    top = nice_max(value)
    assert value <= top <= value * 10 + 1e-9


def test_network_is_deterministic_and_links_nodes() -> None:
    nodes = [{"code": c, "weight": w} for c, w in (("CHN", 9), ("RUS", 7), ("USA", 5), ("<x>", 1))]
    edges = [{"a": "CHN", "b": "RUS", "weight": 6, "tone": 0.8},
             {"a": "USA", "b": "CHN", "weight": 3, "tone": -0.6}]
    first = network_chart(nodes, edges, href=lambda c: f"/dyads?a={c}")
    assert first == network_chart(nodes, edges, href=lambda c: f"/dyads?a={c}")
    root = ET.fromstring(first)
    assert len(list(root.iter(f"{SVG}circle"))) == 4 and len(list(root.iter(f"{SVG}line"))) == 2
    assert "&lt;x&gt;" in first and "<x>" not in first
    pos = layout(4, [(0, 1, 6.0), (2, 0, 3.0)])
    assert pos.shape == (4, 2) and pos.min() >= 0 and pos.max() <= 1
