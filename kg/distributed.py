"""The per-document work on a Dask cluster: ``kgbuild CORPUS -o OUT --executor dask
--scheduler tcp://HOST:8786``.

This module owns the client side and the worker side of that one thing:

- **Client side** (:func:`extract_documents_dask`, called by :func:`kg.api.build`):
  connect to an existing dask.distributed scheduler (:func:`connect`), cut the document
  stream into batches, keep a bounded number of batches on the cluster (memory stays
  constant whatever the corpus size; the input iterator is read only as batches are
  sent), and yield the results in input order, exactly as
  :func:`kg.api.extract_documents` does locally. Merging, RDF, validation and writing
  stay on the client, in :func:`kg.api.build`.
- **Worker side** (:func:`_run_batch`): each worker process loads the spaCy model, the
  lexicon, the gazetteer and the linker once (a module-level cache, keyed by the build's
  :class:`Settings`) and reuses them for every batch. It parses with
  :func:`kg.nlp.parse_documents`, extracts with :func:`kg.extract.extract_document` and
  links with the linker of :func:`kg.link.make_linker`, like the local path.

What travels: the user's lexicons go as file contents (they are small); the knowledge
bases (SQLite files, possibly gigabytes) go as absolute paths, which must be readable on
every worker (a shared file system, or the same files at the same paths). Before a
worker parses anything it checks that it runs the same kgbuild code and data, spaCy and
model versions as the client, so the graph is the one a local run gives.

Failures: a document on which extraction fails comes back as a :class:`Skipped` (as
locally); a batch whose parsing fails is retried one document at a time on the worker,
so that only the bad document is skipped. Everything else raises a :class:`DaskError`
(or :class:`kg.nlp.ModelNotFound` / :class:`kg.link.kb.KBError` for a worker without the
model or a knowledge base) that names the scheduler, the worker or the documents.

dask.distributed is an optional dependency (``pip install 'kgbuild[dask]'``): this module
imports without it, and says so when it is needed.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import itertools
import os
import socket
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.model import DocResult, Document, Skipped

if TYPE_CHECKING:  # pragma: no cover
    import distributed

#: documents per task: small enough that a few documents keep every worker busy, large
#: enough that scheduling costs nothing next to parsing
BATCH_SIZE = 8

#: batches on the cluster at once, per worker thread, when not given
IN_FLIGHT_PER_THREAD = 2

INSTALL_HINT = "pip install 'kgbuild[dask]'"


class DaskError(RuntimeError):
    """The Dask cluster cannot be used: dask is not installed, the scheduler cannot be
    reached, or the cluster failed during the run."""


class DaskNotInstalled(DaskError):
    """dask.distributed is not installed on this machine."""


class SchedulerAddressError(DaskError, ValueError):
    """The scheduler address is not of the form tcp://HOST:PORT."""


class SchedulerUnreachable(DaskError):
    """No scheduler answers at the address, or it has no workers."""


class ClusterMismatch(DaskError):
    """A worker runs other kgbuild code or data, or another spaCy or model version."""


class WorkerDied(DaskError):
    """A worker process ended (killed, out of memory, crashed) while running a batch."""


def require_distributed():
    """The ``distributed`` module; raises :class:`DaskNotInstalled`, which says how to
    install it, when it is missing."""
    try:
        import distributed
    except ImportError as exc:
        raise DaskNotInstalled(
            f"--executor dask needs dask.distributed, which is not installed ({exc}): "
            f"{INSTALL_HINT}") from None
    return distributed


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


# -- the worker side ---------------------------------------------------------------------

_LOCK = threading.Lock()  # one batch at a time per worker process, whatever its threads
_loaded: _Pipeline | None = None
_status = {"loads": 0, "batches": 0, "documents": 0}


def _where() -> str:
    try:
        from distributed import get_worker

        return f"the Dask worker {get_worker().address}"
    except (ImportError, ValueError):
        return f"process {os.getpid()}"


class _Pipeline:
    """The model, lexicon, gazetteer and linker of one :class:`Settings`, loaded once."""

    def __init__(self, settings: Settings) -> None:
        from kg.gazetteer import load_gazetteer
        from kg.lexicon import load_lexicon
        from kg.link import make_linker
        from kg.link.kb import KBError
        from kg.nlp import ModelNotFound, load_pipeline

        where = _where()
        mine = dict(_environment(settings.model))
        wrong = [f"{what}: {mine.get(what)} there, {theirs} on the client"
                 for what, theirs in settings.environment if mine.get(what) != theirs]
        if wrong:
            raise ClusterMismatch(
                f"{where} does not run what this machine runs ({'; '.join(wrong)}): "
                "install the same kgbuild, spaCy and model versions on every worker, and "
                "restart the workers after an upgrade (a worker keeps the code it started "
                "with)")
        self.settings = settings
        self._lexicon_dir = tempfile.TemporaryDirectory(prefix="kgbuild-lexicons-")
        paths = []
        for i, (name, data) in enumerate(settings.lexicons):
            path = Path(self._lexicon_dir.name) / f"{i}-{name}"
            path.write_bytes(data)
            paths.append(path)
        try:
            self.nlp = load_pipeline(settings.model)
        except ModelNotFound as exc:
            raise ModelNotFound(f"on {where}: {exc}") from None
        self.lexicon = load_lexicon(paths)
        self.gazetteer = load_gazetteer()
        try:
            self.linker = make_linker(settings.linker, settings.kbs)
        except KBError as exc:
            raise KBError(f"on {where}: {exc} (every --kb file must be readable at the "
                          "same absolute path on every worker)") from None

    def close(self) -> None:
        for source in getattr(self.linker, "sources", ()):
            if callable(getattr(source, "close", None)):
                source.close()
        self._lexicon_dir.cleanup()

    def run(self, documents: list[Document]) -> list[DocResult | Skipped]:
        from kg.api import failed

        try:
            return list(self._extract(documents))
        except Exception as exc:
            if len(documents) == 1:
                return [failed(documents[0], exc)]
        # parsing failed (extraction failures are caught per document): isolate the
        # document, so that only it is skipped
        return [result for document in documents for result in self.run([document])]

    def _extract(self, documents: list[Document]) -> Iterator[DocResult | Skipped]:
        from kg.api import extract_parsed
        from kg.nlp import parse_documents

        return extract_parsed(parse_documents(self.nlp, documents), self.lexicon,
                              self.gazetteer, self.linker)


def _pipeline(settings: Settings) -> _Pipeline:
    """This process's pipeline for ``settings``, loaded on first use. Only the last one
    is kept: a model is large, and a cluster may serve builds with other settings."""
    global _loaded
    if _loaded is None or _loaded.settings != settings:
        if _loaded is not None:
            _loaded.close()
            _loaded = None
        _loaded = _Pipeline(settings)
        _status["loads"] += 1
    return _loaded


def _run_batch(settings: Settings, documents: list[Document]) -> list[DocResult | Skipped]:
    """The task each batch is: runs on a worker."""
    with _LOCK:
        results = _pipeline(settings).run(documents)
        _status["batches"] += 1
        _status["documents"] += len(documents)
    return results


def worker_status() -> dict[str, int]:
    """How often this process loaded a pipeline, and the batches and documents it ran:
    ``client.run(kg.distributed.worker_status)`` asks every worker."""
    return {**_status, "pid": os.getpid()}


# -- the client side ---------------------------------------------------------------------

def check_address(address: str) -> str:
    """``address`` as dask reads it (``HOST:PORT`` means ``tcp://HOST:PORT``); raises
    :class:`SchedulerAddressError` when it is not a scheduler address."""
    scheme, sep, rest = address.partition("://")
    if not sep:
        scheme, rest = "tcp", address
    host, colon, port = rest.rpartition(":")
    if scheme in ("tcp", "tls") and not (colon and host and port.isdigit()):
        raise SchedulerAddressError(
            f"--scheduler {address}: not a scheduler address; give tcp://HOST:PORT, as "
            "'dask scheduler' prints it (e.g. tcp://10.0.0.5:8786)")
    return f"{scheme}://{rest}"


def _connect_timeout(timeout: float | None) -> float:
    if timeout is not None:
        return timeout
    import dask
    from dask.utils import parse_timedelta

    return parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), "s")


def _probe(address: str, timeout: float) -> None:
    """A plain TCP connection first: a refused port or an unknown host fails at once and
    says so, instead of after dask's retries."""
    scheme, _, rest = address.partition("://")
    if scheme not in ("tcp", "tls"):
        return
    host, _, port = rest.rpartition(":")
    host = host.strip("[]")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout):
            pass
    except socket.gaierror as exc:
        raise SchedulerUnreachable(f"no Dask scheduler at {address}: unknown host {host} "
                                   f"({exc.strerror or exc})") from None
    except OSError as exc:
        reason = "timed out" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
        raise SchedulerUnreachable(
            f"no Dask scheduler answers at {address} ({reason}): is 'dask scheduler' "
            "running there, and is the port open from this machine?") from None


def connect(scheduler: str | distributed.Client | None = None, *,
            timeout: float | None = None) -> tuple[distributed.Client, bool]:
    """A client of the cluster, and whether the caller owns it (and closes it).

    ``scheduler``: an address (``tcp://HOST:8786``), a connected ``distributed.Client``
    (used as it is, not closed), or None: the current default client, else the address
    in dask's configuration (``DASK_SCHEDULER_ADDRESS``). ``timeout``: seconds to wait for
    the scheduler and for a first worker (default: dask's
    ``distributed.comm.timeouts.connect``, 30 s)."""
    distributed = require_distributed()
    seconds = _connect_timeout(timeout)
    client = scheduler if isinstance(scheduler, distributed.Client) else None
    if client is None and scheduler is None:
        try:
            client = distributed.default_client()
        except ValueError:
            import dask

            scheduler = dask.config.get("scheduler-address", None)
            if not scheduler:
                raise SchedulerAddressError(
                    "no Dask scheduler given: pass its address, e.g. scheduler="
                    "'tcp://10.0.0.5:8786' (--scheduler on the command line), as 'dask "
                    "scheduler' prints it") from None
    owned = client is None
    if client is None:
        address = check_address(str(scheduler))
        _probe(address, seconds)
        try:
            client = distributed.Client(address, timeout=seconds, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise SchedulerUnreachable(f"cannot connect to the Dask scheduler at {address}: "
                                       f"{exc}") from None
    try:  # without a worker, the first batch would wait for ever
        client.wait_for_workers(1, timeout=seconds)
    except Exception:
        address = getattr(getattr(client, "scheduler", None), "address", scheduler)
        if owned:
            client.close()
        raise SchedulerUnreachable(
            f"the Dask scheduler at {address} has no workers (waited {seconds:g} s): start "
            f"some with 'dask worker {address} --nworkers N --nthreads 1'") from None
    return client, owned


def _batches(documents: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(itertools.islice(documents, size)):
        yield batch


def _span(batch: list[Document]) -> str:
    names = [d.path or d.id for d in batch]
    return names[0] if len(names) == 1 else f"{len(names)} documents ({names[0]} … {names[-1]})"


def _results(future: Any, batch: list[Document]) -> list[DocResult | Skipped]:
    """A batch's results, or an error that says what failed where."""
    from distributed import KilledWorker

    from kg.link.kb import KBError
    from kg.nlp import ModelNotFound

    try:
        return future.result()
    except KilledWorker as exc:
        raise WorkerDied(
            f"a Dask worker process died while parsing {_span(batch)} ({exc}): look in the "
            "workers' logs; a worker that runs out of memory is killed by its nanny "
            "(dask worker --memory-limit)") from exc
    except (DaskError, ModelNotFound, KBError):
        raise
    except Exception as exc:
        raise DaskError(f"the Dask cluster failed on {_span(batch)}: "
                        f"{type(exc).__name__}: {exc}") from exc


def extract_documents_dask(
    documents: Iterable[Document],
    scheduler: str | distributed.Client | None = None,
    *,
    model: str | None = None,
    lexicons: Iterable[str | os.PathLike[str]] = (),
    linker: str = "kb",
    kbs: Iterable[str | os.PathLike[str]] = (),
    batch_size: int = BATCH_SIZE,
    max_in_flight: int | None = None,
    timeout: float | None = None,
) -> Iterator[DocResult | Skipped]:
    """Parse, extract and link a stream of documents on the Dask cluster at
    ``scheduler``: what :func:`kg.api.extract_documents` does locally, with the same
    results in the same (input) order.

    Documents go to the workers in batches of ``batch_size``; at most ``max_in_flight``
    batches (default: two per worker thread) are on the cluster or waiting to be
    yielded, and ``documents`` is read only as batches are sent. ``scheduler`` and
    ``timeout``: see :func:`connect`. Raises :class:`DaskError` (and its subclasses) when
    the cluster cannot be used, :class:`kg.nlp.ModelNotFound` when a worker lacks the
    model, :class:`kg.link.kb.KBError` when it cannot open a knowledge base."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    if max_in_flight is not None and max_in_flight < 1:
        raise ValueError(f"max_in_flight must be at least 1, not {max_in_flight}")
    batches = _batches(iter(documents), batch_size)
    first = next(batches, None)
    if first is None:  # nothing to read: no cluster needed
        return
    settings = Settings.make(model, lexicons, linker, kbs)
    client, owned = connect(scheduler, timeout=timeout)
    pending: deque[tuple[Any, list[Document]]] = deque()
    try:
        window = max_in_flight or IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        run = uuid.uuid4().hex[:8]
        for number, batch in enumerate(itertools.chain([first], batches)):
            future = client.submit(_run_batch, settings, batch, pure=False,
                                   key=f"kgbuild-batch-{run}-{number}")
            pending.append((future, batch))
            if len(pending) >= window:
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())
    finally:
        for future, _ in pending:  # an error, or the caller stopped reading
            future.cancel()
        if owned:
            client.close()
