"""Run the stages over input paths and write the results to the store.

`process_batch` is the pure part (raw documents in, articles and failures out)
that engines call on workers; `ingest` owns discovery, batching, the store and
progress. Everything is streamed: only one batch of articles is in memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .article import Article, RawDoc
from .clean import clean_batch
from .config import PipelineConfig
from .errors import Code, DyadscopeError, Failure, InputError
from .read import discover, read_file
from .registry import corpus_steps, stages
from .store import Store

log = logging.getLogger(__name__)

#: progress(done_files, total_files, current_path)
Progress = Callable[[int, int, str], None]
StageFn = Callable[[list[Article], PipelineConfig], tuple[list[Article], list[Failure]]]


@dataclass
class IngestSummary:
    run_id: int
    files_seen: int = 0
    stored: int = 0
    present: int = 0
    failures: list[Failure] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when anything was stored or found already stored (exit code 0)."""
        return self.stored + self.present > 0

    def reasons(self) -> dict[str, int]:
        """Failure counts by code and message template, for the end summary."""
        counts: dict[str, int] = {}
        for f in self.failures:
            counts[f.code] = counts.get(f.code, 0) + 1
        return counts


def process_batch(raws: list[RawDoc], config: PipelineConfig) -> tuple[list[Article], list[Failure]]:
    """Clean, then run every configured article stage. Pure: no store, no I/O."""
    articles, failures = clean_batch(raws, config)
    for name in config.stages:
        fn: StageFn = stages.get(name)  # type: ignore[assignment]
        try:
            articles, more = fn(articles, config)
        except DyadscopeError:
            raise
        except Exception as exc:
            if config.strict:
                raise
            log.exception("stage %s failed on a batch", name)
            err = InputError(Code.INTERNAL, stage=name, reason=f"{type(exc).__name__}: {exc}")
            more = [Failure.from_error(err, path=a.path, record=a.record, stage=name)
                    for a in articles]
            articles = []
        failures.extend(more)
    return articles, failures


def run_corpus_steps(store: Store, new_ids: list[str], config: PipelineConfig) -> None:
    """Corpus-wide steps over the store after new articles arrived."""
    for name in config.corpus_steps:
        corpus_steps.get(name)(store, new_ids, config)


def _batches(files: list[str], config: PipelineConfig, summary: IngestSummary,
             progress: Progress | None) -> Iterator[tuple[list[RawDoc], list[Failure]]]:
    raws: list[RawDoc] = []
    failures: list[Failure] = []
    for done, path in enumerate(files, start=1):
        for item in read_file(path, config):
            if isinstance(item, Failure):
                if config.strict:
                    raise InputError(Code.USAGE, reason=item.line())
                failures.append(item)
            else:
                raws.append(item)
            if len(raws) >= config.batch_size:
                yield raws, failures
                raws, failures = [], []
        summary.files_seen = done
        if progress is not None:
            progress(done, len(files), path)
    if raws or failures:
        yield raws, failures


def ingest(paths: list[str], store: Store, config: PipelineConfig | None = None, *,
           progress: Progress | None = None, command: str = "ingest") -> IngestSummary:
    """Read, clean and store every article under `paths`; returns what happened."""
    config = config or PipelineConfig()
    found = discover(paths)
    run_id = store.start_run(command=command, paths=list(paths), config=config.to_json())
    summary = IngestSummary(run_id=run_id, failures=list(found.failures), ignored=found.ignored)
    if found.failures:
        store.write_batch([], found.failures, run_id)
    status = "failed"
    try:
        for raws, read_failures in _batches(found.files, config, summary, progress):
            articles, failures = process_batch(raws, config)
            failures = read_failures + failures
            fresh, present = store.write_batch(articles, failures, run_id)
            summary.stored += len(fresh)
            summary.present += present
            summary.failures.extend(failures)
            if fresh:
                run_corpus_steps(store, fresh, config)
        status = "done"
    finally:
        store.finish_run(run_id, status=status, files_seen=summary.files_seen,
                         stored=summary.stored, present=summary.present,
                         skipped=len(summary.failures))
    return summary
