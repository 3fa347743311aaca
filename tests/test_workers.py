"""The per-document work in batches (kg/workers.py): in one process and in a local pool
of worker processes, the same results in input order; bad documents skipped; the input
read lazily; a worker that dies is a clear error; Ctrl-C stops every process and leaves
no file; a batch's words do not stay in the vocabulary (the memory zone)."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import workers
from kg.model import DocResult, Document, Skipped
from kg.nlp import ModelNotFound

SENTENCE = "President Joe Biden spoke with Prime Minister Benjamin Netanyahu on Monday."


def documents(n: int, sentence: str = SENTENCE) -> list[Document]:
    return [Document(id=f"doc{i}", text=sentence, date=dt.date(2024, 4, 15))
            for i in range(n)]


def ident(item: DocResult | Skipped) -> str:
    return item.path if isinstance(item, Skipped) else item.document.id


def with_bad_ones(n: int) -> list[Document]:
    docs = documents(n)
    # extraction fails on it (a date that is not a date)
    docs[2] = dataclasses.replace(docs[2], id="bad-date", date="yesterday")  # type: ignore[arg-type]
    # parsing fails on it: its batch is run again one document at a time
    docs[5] = Document(id="no-text", text=None)  # type: ignore[arg-type]
    return docs


def summary(results: list[DocResult | Skipped]) -> list[tuple[str, object]]:
    return [(ident(r), r.reason if isinstance(r, Skipped) else
             sorted((e.relation.value, e.agent, e.others, e.quotes) for e in r.events))
            for r in results]


def test_one_process_keeps_order_and_skips_the_bad_documents():
    docs = with_bad_ones(7)
    results = list(workers.extract_documents(docs, batch_size=3))
    assert [ident(r) for r in results] == [d.id for d in docs]
    skipped = {r.path: r.reason for r in results if isinstance(r, Skipped)}
    assert set(skipped) == {"bad-date", "no-text"}
    assert all("kgbuild failed on it" in reason for reason in skipped.values())
    assert all(r.events for r in results if isinstance(r, DocResult))


def test_a_batch_does_not_change_what_a_document_gives():
    docs = with_bad_ones(7)
    one_by_one = list(workers.extract_documents(docs, batch_size=1))
    assert summary(list(workers.extract_documents(docs, batch_size=4))) == summary(one_by_one)


@pytest.mark.slow
def test_two_processes_give_what_one_gives_in_order():
    docs = with_bad_ones(9)
    here = list(workers.extract_documents(docs, batch_size=2))
    pool = list(workers.extract_documents(docs, n_process=2, batch_size=2))
    assert summary(pool) == summary(here)


def test_the_words_of_a_batch_leave_the_vocabulary():
    """Without the memory zone, every new word of the corpus stays in the vocabulary's
    strings for the life of the process, and memory grows with the corpus."""
    settings = workers.Settings.make(linker="none")
    pipeline = workers.Pipeline(settings)
    try:
        strings = pipeline.nlp.vocab.strings
        word = "Zqxwvorth"
        assert word not in strings
        results = pipeline.run(documents(1, f"{word} spoke with Prime Minister Benjamin "
                                            "Netanyahu on Monday."))
        assert [type(r) for r in results] == [DocResult]
        assert word not in strings
        # the control: parsed outside a zone, the word stays
        pipeline.nlp(f"{word} spoke.")
        assert word in strings
    finally:
        pipeline.close()


def test_a_loaded_pipeline_keeps_no_temporary_files(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch):
    """A pool's worker process ends without running exit handlers (and a killed one in
    any case): the user's lexicons, sent as bytes, are on disk only while loading."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text("relations:\n  spoke_with:\n    verbs:\n      parley: {prep: [with]}\n",
                       encoding="utf-8")
    pipeline = workers.Pipeline(workers.Settings.make(lexicons=[lexicon], linker="none"))
    try:
        assert "parley" in pipeline.lexicon.verbs
        assert list((tmp_path / "tmp").iterdir()) == []
    finally:
        pipeline.close()


@pytest.mark.slow
def test_the_pool_reads_its_input_lazily():
    pulled = 0

    def stream() -> Iterator[Document]:
        nonlocal pulled
        for document in documents(12):
            pulled += 1
            yield document

    batch, window = 2, 2
    seen = 0
    for _ in workers.extract_documents(stream(), n_process=2, batch_size=batch,
                                       window=window):
        seen += 1
        assert pulled <= seen + batch * window
    assert seen == pulled == 12


def test_nothing_to_read_starts_nothing():
    assert list(workers.extract_documents([], model="no_such_model_kgbuild",
                                          n_process=2)) == []


@pytest.mark.parametrize("n_process", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_a_missing_model_is_said_as_such(n_process):
    with pytest.raises(ModelNotFound, match="no_such_model_kgbuild is not installed"):
        list(workers.extract_documents(documents(1), model="no_such_model_kgbuild",
                                       n_process=n_process))


@pytest.mark.slow
def test_a_worker_that_dies_is_a_clear_error():
    stream = workers.extract_documents(documents(40), n_process=2, batch_size=1)
    first = next(stream)
    assert ident(first) == "doc0"
    for child in multiprocessing.active_children():
        os.kill(child.pid, signal.SIGKILL)
    with pytest.raises(workers.WorkerDied, match=r"worker process died while parsing doc\d+"):
        list(stream)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    """Running, not a zombie that nobody has reaped yet (in a container without init)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _corpus(tmp_path: Path) -> Path:
    """300 documents: enough that the workers are still parsing when the build is stopped."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(300):
        (corpus / f"{i:03}.txt").write_text(f"date 2024-04-15\n\n{SENTENCE} " * 20,
                                            encoding="utf-8")
    return corpus


def _build(corpus: Path, out: Path, **popen) -> subprocess.Popen:
    """``kgbuild corpus -o out -j 2`` in a process group of its own."""
    return subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import app; app()", str(corpus), "-o", str(out),
         "-j", "2", "-q"], start_new_session=True, stdout=subprocess.DEVNULL, **popen)


def _started_workers(build: subprocess.Popen) -> list[int]:
    """The build's worker processes, once they are loaded and parsing."""
    deadline = time.monotonic() + 120
    while len(_children(build.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    workers_ = _children(build.pid)
    assert len(workers_) >= 2, "the worker processes did not start"
    time.sleep(5)  # the workers load the model and parse
    return workers_


def _still_alive(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [pid for pid in pids if _alive(pid)]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_ctrl_c_stops_every_process_and_writes_nothing(tmp_path: Path):
    out = tmp_path / "graph.nt"
    build = _build(_corpus(tmp_path), out, stderr=subprocess.PIPE,
                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        workers_ = _started_workers(build)
        os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        _, err = build.communicate(timeout=30)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert build.returncode != 0
    assert not out.exists() and not list(tmp_path.glob("*.tmp*"))
    assert b"Traceback" not in err
    assert not _still_alive(workers_, 10)  # a worker inside a parse stops when it returns


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_a_build_killed_outright_leaves_no_worker_running(tmp_path: Path):
    """SIGKILL gives the main process no chance to stop its pool: the orphaned workers
    must notice and stop by themselves."""
    build = _build(_corpus(tmp_path), tmp_path / "graph.nt", stderr=subprocess.DEVNULL)
    try:
        workers_ = _started_workers(build)
        build.kill()
        build.wait(timeout=30)
        assert not _still_alive(workers_, 15)  # a second's watch; a batch may be mid-parse
    finally:  # the workers stay in the build's process group, orphaned or not
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)
