"""Benchmarks: `make bench` (python -m benchmarks).

They print their figures; no test depends on timing."""
