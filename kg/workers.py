"""The per-document work of a build (parse, extract, link), in batches of documents,
wherever it runs: in this process (``-j 1``), in a pool of local worker processes
(``-j N``), or on the workers of a Dask cluster (:mod:`kg.distributed`). One mechanism
for all three, so that the graph is the same whichever runs it.

- :class:`Settings`: what a worker needs for a build's work (the model's name, the
  lexicons' contents, the linker and its knowledge bases) and the versions it must match.
- :class:`Pipeline`: those settings loaded (model, lexicon, gazetteer, linker).
  :meth:`Pipeline.run` parses and extracts one batch inside a spaCy memory zone, so the
  strings and lexemes of the batch's words are forgotten after it. Without the zone a
  process's vocabulary grows with every new word of the corpus (about 50 lexemes per
  White House document), and its memory with it.
- :func:`run_batch`: the task each batch is in a worker process; the pipeline is loaded
  once per process (a module-level cache) and reused.
- :func:`in_order`: the client side shared by the local pool and Dask: a bounded window
  of batches out, results back in input order, the input read only as batches go out.
- :func:`extract_documents`: the stream of results, in one process or in a local pool.
  The pool's processes are started fresh (``spawn``), not forked from a process that
  holds the store's threads; each loads the model itself, and the main process never
  loads it.
"""

from __future__ import annotations

import concurrent.futures
import importlib.metadata
import importlib.util
import itertools
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from kg.model import DocResult, Document, Skipped

#: documents per batch sent to a worker process: small enough that a few hundred
#: documents keep two processes evenly busy, large enough that sending a batch costs
#: nothing next to parsing it
BATCH_SIZE = 8

#: documents per batch in this process (one memory zone each): leaving a zone costs a
#: little, so larger batches (on 120 White House documents, batches of 8 took 37.7-39.8
#: s, of 64 36.2-36.4 s; without zones 35.9-38.2 s)
BATCH_SIZE_HERE = 64

#: batches out at once, per worker process, when not given
IN_FLIGHT_PER_WORKER = 2


def paragraphs_per_parse(n_process: int) -> int:
    """Paragraphs per spaCy batch. In one process, 64 (a little faster than 16). With
    several, 16: a batch's working memory is kept by its process afterwards, and each
    of several processes holds its own (on 1,500 White House documents with -j 2, peak
    memory 444 MiB with 16, 582 and 602 MiB with 64)."""
    return 64 if n_process == 1 else 16


class WorkerDied(RuntimeError):
    """A worker process ended (killed, out of memory, crashed) while running a batch."""


def failed(document: Document, exc: Exception) -> Skipped:
    """The skip of a document that kgbuild failed on."""
    return Skipped(document.path or document.id,
                   f"kgbuild failed on it ({type(exc).__name__}: {exc}); the rest was "
                   "built; please report this bug with the file")


# -- what a build sends to the workers ---------------------------------------------------

@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to do a build's per-document work, and the client's
    versions to check the worker against. Equal settings share a loaded pipeline."""

    model: str | None
    lexicons: tuple[tuple[str, bytes], ...]  # (file name, contents)
    linker: str
    kbs: tuple[str, ...]  # absolute paths, readable on every worker
    environment: tuple[tuple[str, str | None], ...] = field(default=())

    @classmethod
    def make(cls, model: str | None = None,
             lexicons: Iterable[str | os.PathLike[str]] = (), linker: str = "kb",
             kbs: Iterable[str | os.PathLike[str]] = ()) -> Settings:
        """The settings of a build, made on the client: the lexicons are read (and checked,
        with the errors of a local build), the model is named, the KB paths made
        absolute."""
        from kg.lexicon import load_lexicon

        paths = [Path(p) for p in lexicons]
        load_lexicon(paths)
        model = model or _default_model()
        return cls(model=model,
                   lexicons=tuple((p.name, p.read_bytes()) for p in paths),
                   linker=linker,
                   kbs=tuple(os.path.abspath(p) for p in kbs),
                   environment=_environment(model))


def _default_model() -> str | None:
    """The model a local build would load when none is named, if it is installed here:
    naming it keeps every worker on the same one."""
    from kg.nlp import DEFAULT_MODELS

    for name in DEFAULT_MODELS:
        try:
            if importlib.util.find_spec(name) is not None:
                return name
        except (ImportError, ValueError):
            continue
    return None


def _version(distribution: str | None) -> str | None:
    if not distribution:
        return None
    try:
        return importlib.metadata.version(distribution)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None


@cache
def _code_fingerprint() -> str:
    from kg.store import pipeline_fingerprint

    return pipeline_fingerprint(None, (), "", ())


def _environment(model: str | None) -> tuple[tuple[str, str | None], ...]:
    """What must be equal on the client and the workers for the graph to be the same."""
    return (("kgbuild code and data", _code_fingerprint()),
            ("spaCy", _version("spacy")),
            (f"model {model}", _version(model)))


# -- the work --------------------------------------------------------------------------

def _dask_worker() -> str | None:
    """The address of the Dask worker this runs on, if it runs on one."""
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return None


class Pipeline:
    """The model, lexicon, gazetteer and linker of one :class:`Settings`, loaded once."""

    def __init__(self, settings: Settings) -> None:
        from kg.gazetteer import load_gazetteer
        from kg.lexicon import load_lexicon
        from kg.link import make_linker
        from kg.link.kb import KBError
        from kg.nlp import ModelNotFound, load_for_extraction

        worker = _dask_worker()
        where = f"the Dask worker {worker}" if worker else f"process {os.getpid()}"
        mine = dict(_environment(settings.model))
        wrong = [f"{what}: {mine.get(what)} there, {theirs} on the client"
                 for what, theirs in settings.environment if mine.get(what) != theirs]
        if wrong:  # only on a cluster: a local worker runs this very code
            from kg.distributed import ClusterMismatch

            raise ClusterMismatch(
                f"{where} does not run what this machine runs ({'; '.join(wrong)}): "
                "install the same kgbuild, spaCy and model versions on every worker, and "
                "restart the workers after an upgrade (a worker keeps the code it started "
                "with)")
        self.settings = settings
        try:
            self.nlp = load_for_extraction(settings.model)
        except ModelNotFound as exc:
            if worker:
                raise ModelNotFound(f"on {where}: {exc}") from None
            raise
        # the lexicons are read at once, so their files live only while loading: a pool's
        # worker process ends without running exit handlers, and would leave them behind
        with tempfile.TemporaryDirectory(prefix="kgbuild-lexicons-") as folder:
            paths = []
            for i, (name, data) in enumerate(settings.lexicons):
                path = Path(folder) / f"{i}-{name}"
                path.write_bytes(data)
                paths.append(path)
            self.lexicon = load_lexicon(paths)
        self.gazetteer = load_gazetteer()
        try:
            self.linker = make_linker(settings.linker, settings.kbs)
        except KBError as exc:
            if worker:
                raise KBError(f"on {where}: {exc} (every --kb file must be readable at "
                              "the same absolute path on every worker)") from None
            raise

    def close(self) -> None:
        for source in getattr(self.linker, "sources", ()):
            if callable(getattr(source, "close", None)):
                source.close()

    def run(self, documents: list[Document],
            paragraphs: int = 64) -> list[DocResult | Skipped]:
        """The results of a batch, in order. A document on which extraction fails comes
        back as a :class:`Skipped`; a batch whose parsing fails is run again one
        document at a time, so that only the bad document is skipped."""
        try:
            with self.nlp.memory_zone():  # nothing of the batch's Docs may outlive it
                return list(self._extract(documents, paragraphs))
        except Exception as exc:
            if len(documents) == 1:
                return [failed(documents[0], exc)]
        return [result for document in documents
                for result in self.run([document], paragraphs)]

    def _extract(self, documents: list[Document],
                 paragraphs: int) -> Iterator[DocResult | Skipped]:
        from kg.extract import extract_document
        from kg.nlp import parse_documents

        for document, segments in parse_documents(self.nlp, documents, paragraphs):
            try:
                result = extract_document(document, segments, self.lexicon, self.gazetteer)
                if self.linker is not None:
                    self.linker.link(result)
                yield result
            except Exception as exc:  # a bug must not cost the rest of the corpus
                yield failed(document, exc)


_LOCK = threading.Lock()  # one batch at a time per worker process, whatever its threads
_loaded: Pipeline | None = None
_status = {"loads": 0, "batches": 0, "documents": 0}


def _pipeline(settings: Settings) -> Pipeline:
    """This process's pipeline for ``settings``, loaded on first use. Only the last one
    is kept: a model is large, and a cluster may serve builds with other settings."""
    global _loaded
    if _loaded is None or _loaded.settings != settings:
        if _loaded is not None:
            _loaded.close()
            _loaded = None
        _loaded = Pipeline(settings)
        _status["loads"] += 1
    return _loaded


def run_batch(settings: Settings, documents: list[Document],
              paragraphs: int = 64) -> list[DocResult | Skipped]:
    """The task each batch is: runs in a worker process."""
    with _LOCK:
        results = _pipeline(settings).run(documents, paragraphs)
        _status["batches"] += 1
        _status["documents"] += len(documents)
    return results


def worker_status() -> dict[str, int]:
    """How often this process loaded a pipeline, and the batches and documents it ran."""
    return {**_status, "pid": os.getpid()}


# -- the client side ---------------------------------------------------------------------

def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """``documents`` in lists of ``size``, read only as each list is asked for."""
    documents = iter(documents)
    while batch := list(itertools.islice(documents, size)):
        yield batch


F = TypeVar("F")


def in_order(batches: Iterable[list[Document]], submit: Callable[[list[Document]], F],
             result: Callable[[F, list[Document]], list[DocResult | Skipped]],
             window: int) -> Iterator[DocResult | Skipped]:
    """Submit each batch (``submit`` returns a future), keep at most ``window`` batches
    out, and yield their results (``result`` waits for one) in input order. The batches
    are read only as they are submitted; on an error, or when the caller stops reading,
    the batches still out are cancelled."""
    pending: deque[tuple[F, list[Document]]] = deque()
    try:
        for batch in batches:
            pending.append((submit(batch), batch))
            if len(pending) >= window:
                yield from result(*pending.popleft())
        while pending:
            yield from result(*pending.popleft())
    finally:
        for future, _ in pending:
            future.cancel()  # type: ignore[attr-defined]


def span(batch: list[Document]) -> str:
    """The documents of a batch, for an error message."""
    names = [d.path or d.id for d in batch]
    return names[0] if len(names) == 1 else f"{len(names)} documents ({names[0]} … {names[-1]})"


def _pool_result(future: concurrent.futures.Future,
                 batch: list[Document]) -> list[DocResult | Skipped]:
    try:
        return future.result()
    except concurrent.futures.process.BrokenProcessPool as exc:
        raise WorkerDied(
            f"a kgbuild worker process died while parsing {span(batch)} ({exc}); if the "
            "machine ran out of memory, run with fewer processes (-j)") from None


def _start_worker() -> None:
    """Set up a worker process of the local pool. Ctrl-C reaches every process of the
    terminal's group: a worker stops at once, without the traceback each would print, and
    the main process stops the build. A build killed otherwise (``kill``, the machine's
    out-of-memory killer) leaves its workers orphaned; each stops within a second of
    its parent's end, rather than parse on for nobody."""
    signal.signal(signal.SIGINT, lambda *_: os._exit(130))
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True,
                     name="kgbuild-parent-watch").start()


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_WATCH_SECONDS)
    os._exit(1)


#: how often a worker process looks whether the build that started it still runs
PARENT_WATCH_SECONDS = 1.0


def extract_documents(
    documents: Iterable[Document],
    model: str | None = None,
    lexicons: Iterable[str | os.PathLike[str]] = (),
    n_process: int = 1,
    linker: str = "none",
    kbs: Iterable[str | os.PathLike[str]] = (),
    batch_size: int | None = None,
    window: int | None = None,
) -> Iterator[DocResult | Skipped]:
    """Parse, extract and link a stream of documents, in input order: in this process
    when ``n_process`` is 1, else in that many worker processes. ``linker`` and ``kbs``:
    as in :func:`kg.link.make_linker` (no linking by default). ``batch_size``: documents
    per batch (default :data:`BATCH_SIZE_HERE` in this process, :data:`BATCH_SIZE` in
    a pool); ``window``: batches out at once (default two per process).

    A document on which extraction fails (a bug) comes out as a :class:`Skipped` that
    says so, and the stream goes on. Raises :class:`kg.nlp.ModelNotFound` when the model
    is not installed, :class:`kg.link.kb.KBError` for a knowledge base that cannot be
    opened, :class:`WorkerDied` when a worker process is killed."""
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1, not {n_process}")
    stream = batches(documents, batch_size or (BATCH_SIZE if n_process > 1
                                               else BATCH_SIZE_HERE))
    first = next(stream, None)
    if first is None:  # nothing to read: the model is not even loaded
        return
    settings = Settings.make(model, lexicons, linker, kbs)
    stream = itertools.chain([first], stream)
    paragraphs = paragraphs_per_parse(n_process)
    if n_process == 1:
        pipeline = Pipeline(settings)
        try:
            for batch in stream:
                yield from pipeline.run(batch, paragraphs)
        finally:
            pipeline.close()
        return
    pool = concurrent.futures.ProcessPoolExecutor(
        n_process, mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker)
    try:
        yield from in_order(stream, lambda batch: pool.submit(run_batch, settings, batch,
                                                              paragraphs),
                            _pool_result, window or IN_FLIGHT_PER_WORKER * n_process)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
