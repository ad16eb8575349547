"""A small registry of named, versioned components.

Readers, cleaners, stages and engines are looked up by names such as
`dyadscope.clean.v1`, so a user can swap one for their own without patching the
package. Built-ins are registered in one explicit place (`register_builtins`),
not as a side effect of importing a module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from .errors import Code, UsageError

T = TypeVar("T")


class Registry(Generic[T]):
    """Name → component, for one kind of component."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str, item: T, *, replace: bool = False) -> T:
        if name in self._items and not replace:
            raise ValueError(f"{self.kind} {name!r} is already registered")
        self._items[name] = item
        return item

    def __call__(self, name: str) -> Callable[[T], T]:
        """Decorator form: `@stages("my.stage.v1")`."""

        def deco(item: T) -> T:
            return self.register(name, item)

        return deco

    def get(self, name: str) -> T:
        register_builtins()
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise UsageError(
                Code.USAGE, reason=f"unknown {self.kind} {name!r} (known: {known})"
            ) from None

    def names(self) -> list[str]:
        register_builtins()
        return sorted(self._items)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())


#: Article stages: `fn(articles, config) -> (articles, failures)`, pure, picklable.
stages: Registry[Callable[..., object]] = Registry("stage")
#: Readers keyed by file suffix: `fn(path, config) -> iterator of RawDoc | Failure`.
readers: Registry[Callable[..., object]] = Registry("reader")

#: Corpus steps run after each stored batch: `fn(store, new_ids, config) -> None`.
#: They see the whole store (provenance index, story and event groups) and must be
#: idempotent: running one twice over the same ids changes nothing.
corpus_steps: Registry[Callable[..., object]] = Registry("corpus step")
#: Tables of per-article records written with each new article (see store/records.py).
record_tables: Registry[Any] = Registry("record table")

_builtins_done = False


def _register_actors_quotes() -> None:
    from . import actors, quotes
    from .actors import borrow

    stages.register("dyadscope.actors.v1", actors.link_batch)
    stages.register("dyadscope.quotes.v1", quotes.extract_batch)
    record_tables.register("mentions", actors.MENTIONS)
    record_tables.register("quotes", quotes.QUOTES)
    corpus_steps.register("dyadscope.actor_borrow.v1", borrow.borrow_step)


def register_builtins() -> None:
    """Register everything the package ships; idempotent."""
    global _builtins_done
    if _builtins_done:
        return
    _builtins_done = True
    from . import nlp
    from .read import formats

    stages.register("dyadscope.nlp.v1", nlp.parse_batch)
    _register_actors_quotes()
    for suffix, fn in formats.READERS.items():
        readers.register(suffix, fn)
    _register_provenance()
    _register_events()


def _register_provenance() -> None:
    from .provenance import provenance_step

    corpus_steps.register("dyadscope.provenance.v1", provenance_step)


def _register_events() -> None:
    from . import events
    from .events import groups, store

    stages.register("dyadscope.events.v1", events.extract_batch)
    corpus_steps.register("dyadscope.event_groups.v1", groups.group_events)
    record_tables.register("events", store.EVENTS_TABLE)
