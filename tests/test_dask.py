"""--executor dask (kg/distributed.py) on a LocalCluster of two worker processes: the same
graph as a local build, input order, skipped documents, streaming, one model load per
worker, and the command line's errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed: pip install 'kgbuild[dask]'")

import dask  # noqa: E402
import rdflib  # noqa: E402
from rdflib.compare import isomorphic  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

import kg.distributed as kd  # noqa: E402
from kg import rdfio  # noqa: E402
from kg.api import build, extract_documents  # noqa: E402
from kg.cli import EXIT_CLUSTER, EXIT_MODEL, EXIT_USAGE, app  # noqa: E402
from kg.link.kb import KBError  # noqa: E402
from kg.model import DocResult, Document, Skipped  # noqa: E402
from kg.nlp import ModelNotFound  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
SENTENCE = "President Joe Biden spoke with Prime Minister Benjamin Netanyahu on Monday."


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    """Two single-threaded worker processes on 127.0.0.1, shared by the module. A task
    whose worker dies fails at once (allowed-failures 0), so the crash test is quick."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                     host="127.0.0.1", dashboard_address=":0") as local:
        yield local


@pytest.fixture
def client(cluster) -> Iterator[distributed.Client]:
    with distributed.Client(cluster, set_as_default=False) as c:
        yield c


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def ntriples(path: Path) -> list[str]:
    return sorted(rdfio.to_ntriples(rdfio.read_triples(path)).splitlines())


def in_batches_of_one(monkeypatch) -> None:
    """examples/corpus has five documents: batches of one spread them over both workers."""
    monkeypatch.setattr(kd, "extract_documents_dask",
                        functools.partial(kd.extract_documents_dask, batch_size=1))


def documents(n: int) -> list[Document]:
    return [Document(id=f"doc{i}", text=SENTENCE, date=dt.date(2024, 4, 15)) for i in range(n)]


def ident(item: DocResult | Skipped) -> str:
    return item.path if isinstance(item, Skipped) else item.document.id


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the same graph --------------------------------------------------------------------

def test_same_graph_as_local_and_one_load_per_worker(cluster, client, tmp_path, monkeypatch):
    in_batches_of_one(monkeypatch)
    local = build([CORPUS], tmp_path / "local.nt")
    remote = build([CORPUS], tmp_path / "dask.nt", executor="dask",
                   scheduler=cluster.scheduler_address)
    assert remote.conforms and not remote.skipped
    assert sum(remote.events.values()) > 0 and remote.entities > 0
    assert (remote.documents, remote.entities, remote.events) == \
        (local.documents, local.entities, local.events)
    assert ntriples(tmp_path / "dask.nt") == ntriples(tmp_path / "local.nt")
    assert isomorphic(rdflib.Graph().parse(tmp_path / "dask.nt", format="nt"),
                      rdflib.Graph().parse(tmp_path / "local.nt", format="nt"))
    # both workers took part, each loaded the pipeline once, and a second build with the
    # same settings loads nothing again
    first = client.run(kd.worker_status)
    assert len(first) == 2 and all(s["batches"] > 0 for s in first.values())
    assert all(s["loads"] == 1 for s in first.values())
    build([CORPUS], executor="dask", scheduler=cluster.scheduler_address, validate=False)
    again = client.run(kd.worker_status)
    assert {w: s["loads"] for w, s in again.items()} == {w: s["loads"] for w, s in first.items()}
    assert sum(s["documents"] for s in again.values()) == \
        sum(s["documents"] for s in first.values()) + local.documents


def test_a_client_is_used_and_left_open(client):
    results = list(kd.extract_documents_dask(documents(3), client, batch_size=2))
    assert [ident(r) for r in results] == ["doc0", "doc1", "doc2"]
    assert client.status == "running"


# -- order, skipped documents, streaming -------------------------------------------------

def test_input_order_and_a_bad_document_is_skipped(cluster):
    docs = documents(7)
    # extraction fails on it (a date that is not a date), locally too
    docs[2] = dataclasses.replace(docs[2], id="bad-date", date="yesterday")
    # parsing fails on it: its batch is retried one document at a time on the worker
    docs[5] = Document(id="no-text", text=None)
    results = list(kd.extract_documents_dask(docs, cluster.scheduler_address, batch_size=2))
    assert [ident(r) for r in results] == [d.id for d in docs]
    skipped = {r.path: r.reason for r in results if isinstance(r, Skipped)}
    assert set(skipped) == {"bad-date", "no-text"}
    assert "kgbuild failed on it" in skipped["no-text"]
    good = [r for r in results if isinstance(r, DocResult)]
    assert all(r.events for r in good)
    # the same results as the local path, Skipped reason included
    here = list(extract_documents([d for d in docs if d.id != "no-text"]))
    there = [r for r in results if ident(r) != "no-text"]
    assert [ident(r) for r in here] == [ident(r) for r in there]
    assert [r.reason for r in here if isinstance(r, Skipped)] == [skipped["bad-date"]]
    assert [len(r.events) for r in here if isinstance(r, DocResult)] == \
        [len(r.events) for r in good]


def test_the_input_is_read_lazily_with_a_bounded_window(cluster):
    pulled = 0

    def stream() -> Iterator[Document]:
        nonlocal pulled
        for document in documents(12):
            pulled += 1
            yield document

    batch, window = 2, 2
    seen = 0
    for _ in kd.extract_documents_dask(stream(), cluster.scheduler_address,
                                       batch_size=batch, max_in_flight=window):
        seen += 1
        assert pulled <= seen + batch * window
    assert seen == pulled == 12


def test_nothing_to_read_needs_no_cluster():
    assert list(kd.extract_documents_dask([], "tcp://127.0.0.1:1")) == []


# -- errors ------------------------------------------------------------------------------

def test_a_worker_without_the_model(cluster):
    with pytest.raises(ModelNotFound, match="on the Dask worker tcp://127.0.0.1"):
        list(kd.extract_documents_dask(documents(1), cluster.scheduler_address,
                                       model="no_such_model_kgbuild"))


def test_a_knowledge_base_missing_on_the_workers(cluster, tmp_path):
    with pytest.raises(KBError, match="same absolute path on every worker"):
        list(kd.extract_documents_dask(documents(1), cluster.scheduler_address,
                                       kbs=[tmp_path / "nowhere.kb"]))


def test_a_worker_with_other_versions_refuses(client):
    settings = kd.Settings.make()
    other = dataclasses.replace(settings, environment=(("spaCy", "0.0.1"),))
    with pytest.raises(kd.ClusterMismatch, match="spaCy: .* there, 0.0.1 on the client"):
        client.submit(kd.run_batch, other, documents(1), pure=False).result()


def test_no_scheduler_there():
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(kd.SchedulerUnreachable, match=address):
        list(kd.extract_documents_dask(documents(1), address))
    with pytest.raises(kd.SchedulerAddressError):
        kd.check_address("no-port-here")
    assert kd.check_address("10.0.0.5:8786") == "tcp://10.0.0.5:8786"


def test_cli_builds_on_the_cluster(cluster, tmp_path):
    out = tmp_path / "out.nt"
    result = cli(str(CORPUS), "-o", str(out), "--executor", "dask",
                 "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.stderr
    assert "documents read: 5" in result.stderr and "validation: conforms" in result.stderr
    local = tmp_path / "local.nt"
    assert cli(str(CORPUS), "-o", str(local), "-q").exit_code == 0
    assert ntriples(out) == ntriples(local)


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--executor", "dask"], EXIT_USAGE, "--executor dask needs --scheduler ADDRESS"),
    (["--scheduler", "tcp://127.0.0.1:8786"], EXIT_USAGE, "add --executor dask"),
    (["--executor", "spark"], EXIT_USAGE, "use one of local, dask"),
    (["--executor", "dask", "--scheduler", "nonsense"], EXIT_USAGE, "tcp://HOST:PORT"),
    (["--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786", "-j", "2"], EXIT_USAGE,
     "-j/--processes is for --executor local"),
])
def test_cli_usage_errors(tmp_path, args, code, message):
    result = cli(str(CORPUS), "-o", str(tmp_path / "g.nt"), *args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_cli_no_scheduler_there(tmp_path):
    address = f"tcp://127.0.0.1:{free_port()}"
    result = cli(str(CORPUS), "-o", str(tmp_path / "g.nt"), "--executor", "dask",
                 "--scheduler", address)
    assert result.exit_code == EXIT_CLUSTER
    assert f"no Dask scheduler answers at {address}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "g.nt").exists()


def test_cli_worker_without_the_model(cluster, tmp_path):
    result = cli(str(CORPUS), "-o", str(tmp_path / "g.nt"), "--executor", "dask",
                 "--scheduler", cluster.scheduler_address, "--model", "no_such_model_kgbuild")
    assert result.exit_code == EXIT_MODEL
    assert "on the Dask worker" in result.stderr


def test_cli_without_dask_installed(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    result = cli(str(CORPUS), "-o", str(tmp_path / "g.nt"), "--executor", "dask",
                 "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == EXIT_CLUSTER
    assert "pip install 'kgbuild[dask]'" in result.stderr


def test_a_scheduler_without_workers():
    no_workers = "has no workers .*'dask worker tcp://127.0.0.1:"
    with distributed.LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=":0") \
            as empty, pytest.raises(kd.SchedulerUnreachable, match=no_workers):
        list(kd.extract_documents_dask(documents(1), empty.scheduler_address, timeout=1))


# last: it kills a worker process (its nanny starts a new one)
def test_a_worker_crash_is_a_clear_error(cluster, monkeypatch):
    def crash(settings, batch):
        os._exit(1)

    monkeypatch.setattr(kd, "run_batch", crash)
    with pytest.raises(kd.WorkerDied, match="a Dask worker process died while parsing doc0"):
        list(kd.extract_documents_dask(documents(1), cluster.scheduler_address))
