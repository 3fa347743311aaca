"""The per-document work on a Dask cluster: ``kgbuild CORPUS -o OUT --executor dask
--scheduler tcp://HOST:8786``.

This module owns the client side of that one thing (:func:`extract_documents_dask`,
called by :func:`kg.api.build`): connect to an existing dask.distributed scheduler
(:func:`connect`), cut the document stream into batches, keep a bounded number of
batches on the cluster (memory stays constant whatever the corpus size; the input
iterator is read only as batches are sent), and yield the results in input order, as the
local path does (:func:`kg.workers.in_order` for both). Merging, RDF, validation and
writing stay on the client, in :func:`kg.api.build`.

The worker side is the local one (:func:`kg.workers.run_batch`): each worker process
loads the spaCy model, the lexicon, the gazetteer and the linker once (a module-level
cache, keyed by the build's :class:`kg.workers.Settings`) and reuses them for every
batch, each parsed inside a spaCy memory zone.

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

import itertools
import os
import socket
import uuid
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kg import workers
from kg.model import DocResult, Document, Skipped
from kg.workers import Settings, in_order, run_batch, span, worker_status

__all__ = ["ClusterMismatch", "DaskError", "Settings", "WorkerDied", "connect",
           "extract_documents_dask", "run_batch", "worker_status"]

if TYPE_CHECKING:  # pragma: no cover
    import distributed

#: documents per task: small enough that a few documents keep every worker busy, large
#: enough that scheduling costs nothing next to parsing
BATCH_SIZE = workers.BATCH_SIZE

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


class WorkerDied(DaskError, workers.WorkerDied):
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


def _results(future: Any, batch: list[Document]) -> list[DocResult | Skipped]:
    """A batch's results, or an error that says what failed where."""
    from distributed import KilledWorker

    from kg.link.kb import KBError
    from kg.nlp import ModelNotFound

    try:
        return future.result()
    except KilledWorker as exc:
        raise WorkerDied(
            f"a Dask worker process died while parsing {span(batch)} ({exc}): look in the "
            "workers' logs; a worker that runs out of memory is killed by its nanny "
            "(dask worker --memory-limit)") from exc
    except (DaskError, ModelNotFound, KBError):
        raise
    except Exception as exc:
        raise DaskError(f"the Dask cluster failed on {span(batch)}: "
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
    stream = workers.batches(documents, batch_size)
    first = next(stream, None)
    if first is None:  # nothing to read: no cluster needed
        return
    settings = Settings.make(model, lexicons, linker, kbs)
    client, owned = connect(scheduler, timeout=timeout)
    try:
        window = max_in_flight or IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        run = uuid.uuid4().hex[:8]
        numbers = itertools.count()

        def submit(batch: list[Document]) -> Any:
            return client.submit(run_batch, settings, batch, pure=False,
                                 key=f"kgbuild-batch-{run}-{next(numbers)}")

        yield from in_order(itertools.chain([first], stream), submit, _results, window)
    finally:
        if owned:
            client.close()
