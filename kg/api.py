"""The Python API: :func:`build` runs the whole pipeline; the CLI is a thin shell over it.

    from kg import build
    result = build(["corpus/"], output="graph.ttl")
    print(result.summary())

Stages, in one direction: read (:mod:`kg.corpus`) → parse (:mod:`kg.nlp`) → extract
(:mod:`kg.extract`) → link (:mod:`kg.link`), these three in batches of documents, here
or in worker processes (:mod:`kg.workers`) → keep each document's result in a store
(:mod:`kg.store`: the user's ``--store``, else a temporary one) → merge across documents
(:mod:`kg.merge`) and map to RDF (:mod:`kg.rdf`) as a stream into the store's default
graph → validate it piece by piece (:mod:`kg.validate`) → write it as a stream
(:mod:`kg.rdfio`). Nothing but the work in hand is held in memory, so memory stays flat
whatever the size of the corpus.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from pyoxigraph import Triple

from kg import memory, rdfio
from kg.corpus import iter_corpus
from kg.link import make_linker
from kg.model import DocResult, Document, Relation, Skipped
from kg.store import DocumentStore, document_fingerprint, pipeline_fingerprint
from kg.vocab import DEFAULT_BASE, prefixes
from kg.workers import extract_documents  # the per-document stream, in the API too

#: where the per-document work runs
EXECUTORS = ("local", "dask")


class _Clock:
    """Seconds spent in each phase of a build."""

    def __init__(self, phases: dict[str, float]) -> None:
        self.phases = phases
        self.last = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.phases[phase] = now - self.last
        self.last = now


@dataclass
class BuildResult:
    """What a build did: counts for the summary, the graph, and its validation report."""

    documents: int = 0
    #: with a store: documents parsed in this run, taken unchanged from the store, and
    #: withdrawn because they left the corpus
    parsed: int = 0
    reused: int = 0
    withdrawn: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    entities: int = 0
    events: Counter = field(default_factory=Counter)
    #: the merged graph's triples, when the build was asked to keep them (keep_triples)
    triples: list[Triple] = field(default_factory=list, repr=False)
    triple_count: int = 0
    validation: object = None  # kg.validate.ValidationReport, or None when not validated
    seconds: float = 0.0
    #: seconds per phase: read and extract, merge, validate, write
    phases: dict[str, float] = field(default_factory=dict)
    output: str | None = None

    @property
    def conforms(self) -> bool:
        return self.validation is None or self.validation.conforms

    def summary(self) -> str:
        lines = [f"documents read: {self.documents}"]
        if self.reused or self.withdrawn:
            lines.append(f"  parsed {self.parsed}, unchanged {self.reused}, "
                         f"withdrawn {self.withdrawn}")
        if self.skipped:
            lines.append(f"files skipped: {len(self.skipped)}")
            lines.extend(f"  {s.path}: {s.reason}" for s in self.skipped)
        else:
            lines.append("files skipped: 0")
        lines.append(f"entities: {self.entities}")
        per = ", ".join(f"{r.value} {self.events.get(r.value, 0)}" for r in Relation)
        lines.append(f"events: {sum(self.events.values())} ({per})")
        lines.append(f"triples: {self.triple_count}")
        if self.validation is not None:
            lines.append("validation: " + ("conforms" if self.validation.conforms else
                                            f"{len(self.validation.violations)} violations"))
        lines.append(f"seconds: {self.seconds:.1f}")
        if self.phases:
            lines.append("  " + ", ".join(f"{name} {seconds:.1f}"
                                          for name, seconds in self.phases.items()))
        return "\n".join(lines)


def _update_store(kept: DocumentStore, documents: Iterable[Document],
                  extracted: Callable[[Iterable[Document]], Iterator[DocResult]],
                  result: BuildResult, pipeline: str,
                  on_document: Callable[[Document], None] | None) -> None:
    """Parse the new and changed documents into the store; withdraw the ones gone."""
    held = kept.fingerprints()
    seen: set[str] = set()
    fresh: dict[str, str] = {}

    def changed() -> Iterator[Document]:
        for document in documents:
            seen.add(document.id)
            fingerprint = document_fingerprint(document, pipeline)
            if held.get(document.id) == fingerprint:
                result.documents += 1
                result.reused += 1
                if on_document:
                    on_document(document)
            else:
                fresh[document.id] = fingerprint
                yield document

    for doc_result in extracted(changed()):
        kept.put(doc_result, fresh[doc_result.document.id])
    for doc_id in sorted(held.keys() - seen):
        kept.withdraw(doc_id)
        result.withdrawn += 1


def build(
    corpus: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str] | None = None,
    fmt: str | None = None,
    *,
    model: str | None = None,
    validate: bool = True,
    base: str = DEFAULT_BASE,
    lexicons: Iterable[str | os.PathLike[str]] = (),
    boilerplate: Iterable[str | os.PathLike[str]] = (),
    n_process: int = 1,
    linker: str = "kb",
    kbs: Iterable[str | os.PathLike[str]] = (),
    on_document: Callable[[Document], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    store: str | os.PathLike[str] | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    keep_triples: bool = True,
) -> BuildResult:
    """Build the graph of a corpus; write it to ``output`` when one is given.

    ``corpus``: files or folders. ``fmt``: an output format name (default: from the
    output's extension). Raises :class:`kg.corpus.CorpusError` when the corpus cannot be
    read at all, :class:`kg.nlp.ModelNotFound` when the spaCy model is missing,
    :class:`kg.rdfio.FormatError` for an unknown format and :class:`kg.link.kb.KBError`
    for a knowledge base that cannot be opened. ``linker``: ``kb`` (offline, the
    default), ``wikidata`` (online) or ``none``; ``kbs``: the user's knowledge bases,
    which win over the bundled one. A file that cannot be read is
    skipped, reported through ``on_skip`` and counted. ``store``: a folder that keeps
    what each document gave (:mod:`kg.store`), so that a later build parses only new and
    changed documents; it then also holds the merged graph. ``executor``: ``local`` (this
    machine: this process, or ``n_process`` worker processes started afresh, which
    needs the ``if __name__ == "__main__":`` guard in a script that calls this) or
    ``dask`` (the per-document work runs on the
    dask.distributed cluster whose scheduler is at ``scheduler``, see
    :mod:`kg.distributed`); the graph is the same either way. ``keep_triples``: also
    return the graph's triples in ``BuildResult.triples`` (a list in memory: leave it
    off for a large corpus, whose graph streams from the store to ``output``).
    """
    started = time.perf_counter()
    if executor not in EXECUTORS:
        raise ValueError(f"unknown executor {executor!r}: use one of {', '.join(EXECUTORS)}")
    out_format = rdfio.format_for(output, fmt) if output is not None or fmt else None
    if output is not None:
        rdfio.check_output(output)
    make_linker(linker, kbs)  # a knowledge base that cannot be opened fails here, first
    result = BuildResult(output=str(output) if output is not None else None)
    paths = [os.fspath(p) for p in corpus]

    def documents() -> Iterator[Document]:
        for item in iter_corpus(paths, boilerplate_files=list(boilerplate)):
            if isinstance(item, Skipped):
                result.skipped.append(item)
                if on_skip:
                    on_skip(item)
            else:
                yield item

    def counted(results: Iterator[DocResult | Skipped]) -> Iterator[DocResult]:
        for doc_result in results:
            if isinstance(doc_result, Skipped):
                result.skipped.append(doc_result)
                if on_skip:
                    on_skip(doc_result)
                continue
            result.documents += 1
            result.parsed += 1
            if on_document:
                on_document(doc_result.document)
            yield doc_result

    def extracted(docs: Iterable[Document]) -> Iterator[DocResult]:
        if executor == "dask":
            from kg.distributed import extract_documents_dask

            return counted(extract_documents_dask(docs, scheduler, model=model,
                                                  lexicons=lexicons, linker=linker, kbs=kbs))
        return counted(extract_documents(docs, model, lexicons, n_process=n_process,
                                         linker=linker, kbs=kbs))

    clock = _Clock(result.phases)
    with contextlib.ExitStack() as stack:
        if store is None:  # a store for this run only: merging streams through it
            store = stack.enter_context(tempfile.TemporaryDirectory(prefix="kgbuild-"))
        kept = stack.enter_context(DocumentStore(store, base))
        _update_store(kept, documents(), extracted, result,
                      pipeline_fingerprint(model, lexicons, linker, kbs), on_document)
        clock.lap("read and extract")
        memory.release()  # the model and the parses are gone: hand their memory back
        merged = kept.merge()
        result.entities, result.events = merged.entities, merged.events
        result.triple_count = merged.triples
        if keep_triples:
            result.triples = list(kept.triples())
        clock.lap("merge")
        kept.reopen()  # what merging made RocksDB keep is not needed any more
        if validate:
            from kg.validate import validate_store

            result.validation = validate_store(kept.store)
            clock.lap("validate")
        if output is not None:
            rdfio.write_stream(kept.triples(), output, out_format or "turtle", prefixes(base))
            clock.lap("write")
    result.seconds = time.perf_counter() - started
    return result
