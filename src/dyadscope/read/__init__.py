"""Read stage: paths in, `RawDoc`s and `Failure`s out, one file at a time."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import PipelineConfig
from ..errors import Code, Failure, InputError
from .discover import Discovery, discover, display_path, suffix_of
from .formats import Item

__all__ = ["Discovery", "Item", "discover", "display_path", "read_file"]


def read_file(path: str, config: PipelineConfig) -> Iterator[Item]:
    """Every article in one input file, or the failure that stopped it."""
    from ..registry import readers

    stored = display_path(path)
    suffix = suffix_of(path)
    if suffix not in readers.names():
        err = InputError(Code.UNSUPPORTED, suffix=suffix or "(none)")
        yield Failure.from_error(err, path=stored, record=None, stage="read")
        return
    yield from readers.get(suffix)(path, stored, config)  # type: ignore[misc]
