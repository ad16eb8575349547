"""Run the stages over input paths and write the results to the store.

`process_batch` is the pure part (raw documents in, articles and failures out);
`run_job` wraps it for engines (local processes or Dask workers) and writes the
result as a Parquet part; `ingest` owns discovery, batching, merging parts into
the store in order, corpus steps and progress. Everything is streamed: only a
few batches are in memory or in flight at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article, RawDoc
from .clean import clean_batch
from .config import PipelineConfig
from .engines import Engine, get_engine
from .errors import Code, DyadscopeError, Failure, InputError
from .parts import failures_from_table, marks_from_table, marks_table, read_part, to_tables, write_part
from .read import discover, display_path, read_file
from .registry import corpus_steps, stages
from .store import Store
from .store.records import InputMark

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
    #: Files skipped because an earlier run stored them completely with the same settings.
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        """True when anything was stored or found already stored (exit code 0)."""
        return self.stored + self.present + self.unchanged > 0

    def reasons(self) -> dict[str, int]:
        """Failure counts by code and message template, for the end summary."""
        counts: dict[str, int] = {}
        for f in self.failures:
            counts[f.code] = counts.get(f.code, 0) + 1
        return counts


def process_batch(raws: list[RawDoc], config: PipelineConfig) -> tuple[list[Article], list[Failure]]:
    """Clean, then run every configured article stage. Pure: no store, no I/O.

    An article met twice in the batch (a file named twice, a repeated JSONL line)
    goes through the stages once; the repeat is passed on without records, so the
    store counts it as already present and no stage has to know about repeats.
    """
    cleaned, failures = clean_batch(raws, config)
    articles: list[Article] = []
    repeats: list[Article] = []
    seen: set[str] = set()
    for article in cleaned:
        (repeats if article.id in seen else articles).append(article)
        seen.add(article.id)
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
    for article in articles:
        article.doc = None  # parses stay in the worker; they are large and never stored
    return articles + repeats, failures


def run_corpus_steps(store: Store, new_ids: list[str], config: PipelineConfig,
                     engine: Engine | None = None) -> None:
    """Corpus-wide steps over the store after new articles arrived; then the ids
    leave the pending list (see Store.merge). Steps may spread work over `engine`."""
    for name in config.corpus_steps:
        corpus_steps.get(name)(store, new_ids, config, engine=engine)
    store.steps_done(new_ids)


@dataclass
class Job:
    """One batch for a worker: everything it needs, nothing it must share."""

    seq: int
    raws: list[RawDoc]
    read_failures: list[Failure]
    marks: list[InputMark]
    config: PipelineConfig
    parts_dir: str
    #: Input files whose last document is in this batch (for progress).
    files_done: int = 0


@dataclass
class PartDone:
    seq: int
    path: str
    files_done: int


def run_job(job: Job) -> PartDone:
    """Worker side: process a batch and write it as a Parquet part. Pure but for the part."""
    articles, failures = process_batch(job.raws, job.config)
    tables = to_tables(articles, job.read_failures + failures)
    tables["inputs"] = marks_table(job.marks)
    part = write_part(Path(job.parts_dir), job.seq, tables)
    return PartDone(job.seq, str(part), job.files_done)


def config_hash(config: PipelineConfig) -> str:
    """Settings that change what is stored; a file stored under other settings is redone."""
    data = config.model_dump(exclude={"batch_size", "strict", "workers", "engine", "scheduler"})
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _jobs(files: list[str], config: PipelineConfig, parts_dir: Path,
          cfg_hash: str) -> Iterator[Job]:
    seq = 0
    job = Job(seq, [], [], [], config, str(parts_dir))
    for path in files:
        count, failed = 0, False
        for item in read_file(path, config):
            if isinstance(item, Failure):
                if config.strict:
                    raise InputError(Code.USAGE, reason=item.line())
                job.read_failures.append(item)
                failed = True
            else:
                job.raws.append(item)
                count += 1
            if len(job.raws) >= config.batch_size:
                yield job
                seq += 1
                job = Job(seq, [], [], [], config, str(parts_dir))
        job.files_done += 1
        mark = _input_mark(path, count, cfg_hash) if not failed else None
        if mark is not None:
            job.marks.append(mark)
    if job.raws or job.read_failures or job.files_done:
        yield job


def _input_mark(path: str, count: int, cfg_hash: str) -> InputMark | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return InputMark(display_path(path), st.st_size, st.st_mtime_ns, cfg_hash, count)


def _unchanged(files: list[str], done: dict[tuple[str, int, int], int]) -> set[str]:
    """Files stored completely by an earlier run under the same settings."""
    out: set[str] = set()
    for path in files:
        try:
            st = os.stat(path)
        except OSError:
            continue
        if (display_path(path), st.st_size, st.st_mtime_ns) in done:
            out.add(path)
    return out


#: Below this much input, starting worker processes (each loads spaCy) costs more
#: than it saves; measured with benchmarks/bench_engines.py on 2 cores.
SMALL_INPUT_BYTES = 1_000_000


def _workers(config: PipelineConfig, files: list[str]) -> int | None:
    """Explicit --workers wins; otherwise all cores, but one for tiny inputs."""
    if config.workers is not None or config.engine != "local":
        return config.workers
    total = 0
    for path in files:
        try:
            total += os.stat(path).st_size
        except OSError:
            continue
        if total >= SMALL_INPUT_BYTES:
            return None
    return 1


def parts_root(store: Store) -> Path:
    """Where parts wait to be merged: beside the store file, so a resumed run finds them."""
    if store.path == ":memory:":
        return Path(tempfile.mkdtemp(prefix="dyadscope-parts-"))
    return Path(store.path + ".parts")


def _merge(store: Store, part: Path, run_id: int, summary: IngestSummary,
           config: PipelineConfig, engine: Engine) -> None:
    tables = read_part(part)
    marks = marks_from_table(tables.pop("inputs", None))
    fresh, present = store.merge(tables, run_id, marks)
    summary.stored += len(fresh)
    summary.present += present
    summary.failures.extend(failures_from_table(tables["failures"]))
    if fresh:
        run_corpus_steps(store, fresh, config, engine)
    shutil.rmtree(part, ignore_errors=True)


def _merge_leftovers(store: Store, root: Path, run_id: int, summary: IngestSummary,
                     config: PipelineConfig, engine: Engine) -> None:
    """Parts a killed run wrote but did not merge: complete (renamed into place), so merge."""
    if not root.is_dir():
        return
    for part in sorted(root.glob("*/part-*")):
        log.info("merging part left by an interrupted run: %s", part)
        _merge(store, part, run_id, summary, config, engine)


def ingest(paths: list[str], store: Store, config: PipelineConfig | None = None, *,
           progress: Progress | None = None, command: str = "ingest",
           engine: Engine | None = None, rescan: bool = False) -> IngestSummary:
    """Read, process and store every article under `paths`; returns what happened.

    Resumable: parts left by a killed run are merged first, and files an earlier
    run stored completely under the same settings are skipped (unless `rescan`:
    the skip keys on path, size and modification time, not on content).
    """
    config = config or PipelineConfig()
    found = discover(paths)
    run_id = store.start_run(command=command, paths=list(paths), config=config.to_json())
    summary = IngestSummary(run_id=run_id, ignored=found.ignored)
    root = parts_root(store)
    status = "failed"
    own_engine = engine is None
    if engine is None:
        engine = get_engine(config.engine, workers=_workers(config, found.files),
                            scheduler=config.scheduler)
    try:
        pending = store.pending_steps()
        if pending:
            log.info("running corpus steps left by an interrupted run for %d articles", len(pending))
            run_corpus_steps(store, pending, config, engine)
        _merge_leftovers(store, root, run_id, summary, config, engine)
        if found.failures:
            store.write_batch([], found.failures, run_id)
            summary.failures.extend(found.failures)
        cfg_hash = config_hash(config)
        skip = set() if rescan else _unchanged(found.files, store.done_inputs(cfg_hash))
        summary.unchanged = len(skip)
        todo = [f for f in found.files if f not in skip]
        done_files = len(skip)
        parts_dir = root / f"run-{run_id}"
        for part in engine.map(run_job, _jobs(todo, config, parts_dir, cfg_hash)):
            _merge(store, Path(part.path), run_id, summary, config, engine)
            done_files += part.files_done
            summary.files_seen = done_files
            if progress is not None:
                progress(done_files, len(found.files), "")
        summary.files_seen = len(found.files)
        shutil.rmtree(parts_dir, ignore_errors=True)
        with contextlib.suppress(OSError):
            root.rmdir()  # only when empty: another run's parts stay
        status = "done"
    finally:
        if own_engine:
            engine.close()
        store.finish_run(run_id, status=status, files_seen=summary.files_seen,
                         stored=summary.stored, present=summary.present,
                         skipped=len(summary.failures))
    return summary
