"""The store every build goes through: ``--store DIR`` keeps it for incremental builds,
and without it a build uses a temporary one, so that nothing grows in memory with the
corpus.

An Oxigraph store (pyoxigraph, RocksDB on disk) in DIR holds:

- in its default graph, the merged graph of the whole corpus, as ``-o`` would write it:
  what ``kgbuild query DIR …`` sees;
- per document, a named graph (its name is the document's IRI, ``kgr:doc/…``) with the
  document's description and what extraction found in it: a fingerprint of the document
  and of the pipeline that read it, and the document's result as JSON (``kgi:result``),
  from which the corpus is merged again without any NLP.

A run reads the corpus, parses only the documents whose fingerprint is new or changed,
withdraws the documents that are gone, and merges everything again (merging is cheap, and
a run interrupted half-way is repaired by the next). Merging is a stream
(:meth:`DocumentStore.merge`): a scratch table groups every document's entities and
events by their merge keys, each group is merged alone, and the merged graph is written a
flushed batch at a time. The pipeline's fingerprint covers
the code and data that reading and extraction use (found by following their imports),
the model, the lexicons and the linker: an upgrade of those re-reads the corpus, while a
change to the command line, to RDF or to validation does not.
"""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import itertools
import json
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import memory
from kg.merge import (
    ReferenceDates,
    document_mentions,
    identity,
    merge_entity,
    merge_events,
    publisher,
)
from kg.model import (
    DocResult,
    Document,
    Entity,
    EntityType,
    Event,
    Evidence,
    Factuality,
    Relation,
)
from kg.rdf import GraphBuilder, digest
from kg.vocab import DCTERMS, Namespace

#: internal bookkeeping terms, never part of the public vocabulary
KGI = Namespace("https://w3id.org/kgbuild/internal#")
FORMAT = 1  # of the stored JSON; a change re-reads the corpus


class StoreError(Exception):
    """The store cannot be opened or is not a kgbuild store."""


# -- a document's result as JSON ---------------------------------------------------------

def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _entity_data(e: Entity) -> dict:
    return {"key": e.key, "label": e.label, "type": e.type.value,
            "alt_labels": sorted(e.alt_labels), "wikidata": e.wikidata,
            "link_confidence": e.link_confidence, "anonymous": e.anonymous}


def _entity_from(e: dict) -> Entity:
    return Entity(e["key"], e["label"], EntityType(e["type"]), set(e["alt_labels"]),
                  e["wikidata"], e["link_confidence"], e["anonymous"])


def _event_data(ev: Event) -> dict:
    return {"relation": ev.relation.value, "agent": ev.agent, "others": list(ev.others),
            "quotes": list(ev.quotes), "factuality": ev.factuality.value,
            "date": _date(ev.date), "confidence": ev.confidence,
            "day": list(ev.day) if ev.day else None,
            "evidence": [[x.text, x.start, x.end, x.factuality.value, _date(x.date)]
                         for x in ev.evidence]}


def _event_from(ev: dict, doc_id: str) -> Event:
    return Event(Relation(ev["relation"]), ev["agent"], tuple(ev["others"]),
                 tuple(ev["quotes"]), Factuality(ev["factuality"]), _parse_date(ev["date"]),
                 ev["confidence"],
                 [Evidence(doc_id, text, start, end, Factuality(fact), _parse_date(date))
                  for text, start, end, fact, date in ev["evidence"]],
                 tuple(ev["day"]) if ev["day"] else None)


def result_to_json(result: DocResult) -> str:
    """The document's result without its text (merging never needs it)."""
    doc = result.document
    data = {
        "document": {"id": doc.id, "title": doc.title, "date": _date(doc.date), "url": doc.url},
        "entities": [_entity_data(e) for e in result.entities.values()],
        "events": [_event_data(ev) for ev in result.events],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def result_from_json(text: str) -> DocResult:
    data = json.loads(text)
    d = data["document"]
    document = Document(d["id"], "", d["title"], _parse_date(d["date"]), d["url"])
    entities = {e["key"]: _entity_from(e) for e in data["entities"]}
    events = [_event_from(ev, document.id) for ev in data["events"]]
    return DocResult(document, entities, events)


def document_fingerprint(document: Document, pipeline: str) -> str:
    """Changes when the document or the pipeline that reads it changes."""
    return digest(FORMAT, pipeline, document.id, document.text, document.title,
                  _date(document.date), document.url)


#: where reading and extraction begin; the fingerprint follows their imports
EXTRACTION_ROOTS = ("kg.corpus", "kg.nlp", "kg.extract", "kg.link")


def _module_file(package: Path, name: str) -> Path | None:
    parts = name.split(".")[1:]
    for candidate in (package.joinpath(*parts, "__init__.py"),
                      package.joinpath(*parts).with_suffix(".py")):
        if parts and candidate.is_file():
            return candidate
    return None


def extraction_sources() -> list[Path]:
    """The files whose content decides what a document gives: the kg modules that
    reading and extraction import (followed through their imports, so a new module is
    covered without a list to keep), the subpackages' modules and the package data."""
    package = Path(__file__).resolve().parent
    seen: set[Path] = set()
    todo = [f for name in EXTRACTION_ROOTS if (f := _module_file(package, name))]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        if path.name == "__init__.py":
            todo.extend(path.parent.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and \
                    node.module.split(".")[0] == "kg":
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names if a.name.split(".")[0] == "kg"]
            todo.extend(f for n in names if (f := _module_file(package, n)))
    data = [p for p in (package / "data").rglob("*") if p.is_file()]
    return sorted(seen | set(data))


def pipeline_fingerprint(model: str | None, lexicons: Iterable[str | os.PathLike[str]],
                         linker: str, kbs: Iterable[str | os.PathLike[str]]) -> str:
    """What decides a document's result besides the document: kgbuild's reading and
    extraction code and its data (:func:`extraction_sources`), the model's name, the
    user's lexicons, the linker and its knowledge bases. The rest of kgbuild (the command
    line, merging across documents, RDF, validation) can change without re-reading."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in extraction_sources():
        h.update(str(path.relative_to(package)).encode())
        h.update(path.read_bytes())
    h.update(f"\x1f{model}\x1f{linker}".encode())
    for path in [*lexicons, *kbs]:
        p = Path(path)
        h.update(str(p).encode())
        h.update(p.read_bytes() if p.is_file() else b"")
    return h.hexdigest()[:20]


# -- the store ---------------------------------------------------------------------------

class DocumentStore:
    """An open store (a context manager: the store is flushed and closed on exit)."""

    def __init__(self, path: str | os.PathLike[str], base: str) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: is a file, not a store folder; give a folder "
                             "(kgbuild creates it)")
        try:
            self.store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc}); is another "
                             "kgbuild using it, or is the folder not a kgbuild store?") from exc
        self.builder = GraphBuilder(base)
        self.unflushed = 0  # quads put since the last flush

    def __enter__(self) -> DocumentStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.flush()
        del self.store

    def reopen(self) -> None:
        """Close the store and open it again. RocksDB keeps what it has read and written
        (its caches, table readers and write buffers) for as long as the store is open,
        in proportion to the store, and glibc keeps what it frees: after merging the
        White House corpus that was 150-190 MB, which this hands back before the next
        phase."""
        self.store.flush()
        del self.store
        memory.release()
        self.store = ox.Store(str(self.path))

    def fingerprints(self) -> dict[str, str]:
        """Document id -> fingerprint of what the store holds."""
        out = {}
        for quad in self.store.quads_for_pattern(None, KGI.fingerprint, None, None):
            graph = quad.graph_name
            ids = self.store.quads_for_pattern(quad.subject, KGI.documentId, None, graph)
            for id_quad in ids:
                out[id_quad.object.value] = quad.object.value
        return out

    def put(self, result: DocResult, fingerprint: str) -> None:
        """Replace what the store holds of this document."""
        node = self.builder.doc_iri(result.document.id)
        self.withdraw(result.document.id)
        quads = [ox.Quad(t.subject, t.predicate, t.object, node)
                 for t in self.builder.document_triples(result.document)]
        quads += [ox.Quad(node, KGI.documentId, ox.Literal(result.document.id), node),
                  ox.Quad(node, KGI.fingerprint, ox.Literal(fingerprint), node),
                  ox.Quad(node, KGI.result, ox.Literal(result_to_json(result)), node)]
        self.store.extend(quads)
        self.unflushed += len(quads)
        if self.unflushed >= _Batch.SIZE // 10:  # see _Batch.flush
            self.store.flush()
            self.unflushed = 0

    def withdraw(self, doc_id: str) -> None:
        """Forget a document that is no longer in the corpus."""
        node = self.builder.doc_iri(doc_id)
        if self.store.contains_named_graph(node):
            self.store.remove_graph(node)

    def results(self) -> Iterator[DocResult]:
        """Every stored document's result, one at a time (in the store's order)."""
        for quad in self.store.quads_for_pattern(None, KGI.result, None, None):
            yield result_from_json(quad.object.value)

    def merge(self) -> Merged:
        """Make the default graph the merged graph of every stored document, as
        :func:`kg.merge.consolidate` would in memory, but as a stream: each document's
        entities and events go to a scratch table under their merge keys, which hands
        them back grouped, and each group is merged on its own."""
        merged = Merged()
        _clear(self.store, ox.DefaultGraph())
        with tempfile.TemporaryDirectory(prefix="kgbuild-merge-",
                                         ignore_cleanup_errors=True) as folder, \
                _Batch(self.store) as out, _Scratch(Path(folder)) as scratch:
            references = self._references()
            for result in self.results():
                document = result.document
                reference = references.of(document.id, document.date)
                out.add(self.builder.document_triples(document))
                self._mentions(result, reference, scratch)
            for gkey, rows in scratch.groups(_ENTITY):
                mentions = sorted(json.loads(row) for row in rows)
                entity, names = merge_entity(gkey, [_entity_from(m[3]) for m in mentions])
                out.add(self.builder.entity_triples(self.builder.entity_iri(gkey), entity,
                                                    names))
                merged.entities += 1
            for _, rows in scratch.groups(_EVENT):
                mentions = [json.loads(row) for row in sorted(rows)]
                references_of = {m["doc"]: _parse_date(m["reference"]) for m in mentions}
                publishers = {m["doc"]: m["publisher"] for m in mentions}
                events = [_event_from(m["event"], m["doc"]) for m in mentions]
                for event in merge_events(events, references_of, publishers):
                    out.add(self.builder.event_triples(event))
                    merged.events[event.relation.value] += 1
        merged.triples = self.count()
        return merged

    def _references(self) -> ReferenceDates:
        references = ReferenceDates()
        for quad in self.store.quads_for_pattern(None, KGI.documentId, None, None):
            dates = self.store.quads_for_pattern(quad.subject, DCTERMS.date, None,
                                                 quad.graph_name)
            date = next((_parse_date(d.object.value) for d in dates), None)
            references.add(quad.object.value, date)
        return references

    def _mentions(self, result: DocResult, reference: dt.date | None,
                  scratch: _Scratch) -> None:
        """A document's entities and events into the scratch table under their merge
        keys."""
        doc_id = result.document.id
        entities, events = document_mentions(result, reference)
        for index, (gkey, entity) in enumerate(entities):
            data = [doc_id, index, gkey, _entity_data(entity)]
            scratch.add(_ENTITY, gkey, json.dumps(data, ensure_ascii=False, sort_keys=True))
        source = publisher(result.document)
        for event in events:
            data = {"doc": doc_id, "reference": _date(reference), "publisher": source,
                    "event": _event_data(event)}
            scratch.add(_EVENT, digest(*identity(event)),
                        json.dumps(data, ensure_ascii=False, sort_keys=True))

    def count(self) -> int:
        """Triples in the merged graph."""
        rows = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(rows))["n"].value)

    def triples(self) -> Iterator[ox.Triple]:
        """The merged graph's triples, each subject's together and sorted (the subjects in
        the store's order, the same on every run)."""
        for _, quads in _grouped(self.store, ox.DefaultGraph()):
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
            yield from sorted(triples, key=lambda t: (str(t.predicate), str(t.object)))


@dataclass
class Merged:
    """What :meth:`DocumentStore.merge` made: entities, events by relation, triples."""

    entities: int = 0
    events: Counter = field(default_factory=Counter)
    triples: int = 0


#: the kinds of rows of the scratch table where merging keeps each document's entities
#: and events under their keys
_ENTITY, _EVENT = 0, 1


class _Scratch:
    """A table on disk (SQLite, in a temporary folder) of (kind, merge key, mention):
    rows go in as documents are read and come back grouped by key. SQLite sorts through
    its index on disk with a small page cache, so memory stays flat whatever the corpus
    (a second RocksDB store here took memory in proportion to the corpus)."""

    SIZE = 20_000

    def __init__(self, folder: Path) -> None:
        self.db = sqlite3.connect(folder / "scratch.sqlite")
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -8000",
                       "temp_store = FILE"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.execute("CREATE TABLE mention (kind INTEGER, key TEXT, data TEXT)")
        self.pending: list[tuple[int, str, str]] = []
        self.indexed = False

    def __enter__(self) -> _Scratch:
        return self

    def __exit__(self, *exc) -> None:
        self.db.close()

    def add(self, kind: int, key: str, data: str) -> None:
        self.pending.append((kind, key, data))
        if len(self.pending) >= self.SIZE:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO mention VALUES (?, ?, ?)", self.pending)
        self.db.commit()
        self.pending = []

    def groups(self, kind: int) -> Iterator[tuple[str, list[str]]]:
        """(key, the mentions' data in the order they came) for each key of a kind, in
        key order."""
        if not self.indexed:
            self._flush()
            self.db.execute("CREATE INDEX by_key ON mention (kind, key)")
            self.indexed = True
        rows = self.db.execute("SELECT key, data FROM mention WHERE kind = ? "
                               "ORDER BY key, rowid", (kind,))
        for key, group in itertools.groupby(rows, key=lambda row: row[0]):
            yield key, [data for _, data in group]


def _clear(store: ox.Store, graph: ox.DefaultGraph) -> None:
    """Empty a graph a batch at a time (clear_graph would do it in one transaction, which
    holds the whole graph in memory)."""
    while batch := list(itertools.islice(store.quads_for_pattern(None, None, None, graph),
                                         _Batch.SIZE)):
        for quad in batch:
            store.remove(quad)
        store.flush()


def _grouped(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph
             ) -> Iterator[tuple[ox.NamedNode, list[ox.Quad]]]:
    """The quads of a graph, subject by subject (an on-disk store keeps a graph's quads
    sorted by subject)."""
    quads = store.quads_for_pattern(None, None, None, graph)
    for subject, group in itertools.groupby(quads, key=lambda q: q.subject):
        yield subject, list(group)


class _Batch:
    """Writes quads (or the default graph's triples) to a store a batch at a time: one
    transaction and one flush per batch keep memory flat however many there are."""

    SIZE = 20_000

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.pending: list[ox.Quad] = []

    def __enter__(self) -> _Batch:
        return self

    def add(self, items: Iterable[ox.Quad | ox.Triple]) -> None:
        for item in items:
            if isinstance(item, ox.Triple):
                item = ox.Quad(item.subject, item.predicate, item.object, ox.DefaultGraph())
            self.pending.append(item)
            if len(self.pending) >= self.SIZE:
                self.flush()

    def flush(self) -> None:
        if self.pending:
            self.store.extend(self.pending)
            self.pending = []
            # to disk now: else RocksDB keeps up to 64 MB of writes per index in memory
            self.store.flush()

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.flush()
