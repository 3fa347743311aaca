"""The RDF edge: the model's dataclasses mapped onto the public vocabulary.

This is the one module that turns :class:`~kg.model.DocResult` objects into triples
(pyoxigraph terms, never strings glued into IRIs or literals). IRIs are deterministic,
made from content hashes under a base IRI:

- ``doc/<hash of the document id>``
- ``entity/<Wikidata id>`` for a linked entity, else ``entity/<hash of type and name>``
  (so one person is one node across documents), or, for an unnamed entity (an anonymous
  source, a collective), a hash that includes its document;
- ``event/<hash of class, parties, quote, day and first evidence in the corpus>``
- ``evidence/<hash of event, document and offsets>``
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Triple

from kg.merge import consolidate
from kg.model import DocResult, Document, Entity, Event, Evidence, Factuality, Relation
from kg.vocab import DCTERMS, DEFAULT_BASE, KGO, OWL, PROV, RDF_TYPE, RDFS, SKOS, WD, XSD

EVENT_CLASS = {
    Relation.SPOKE_WITH: KGO.Conversation,
    Relation.ATTACKED: KGO.Attack,
    Relation.CONVENED: KGO.Convening,
    Relation.STATED: KGO.Statement,
}
OTHER_ROLE = {
    Relation.SPOKE_WITH: KGO.participant,
    Relation.ATTACKED: KGO.target,
    Relation.CONVENED: KGO.participant,
}
SHORTCUT = {
    Relation.SPOKE_WITH: KGO.spokeWith,
    Relation.ATTACKED: KGO.attacked,
    Relation.CONVENED: KGO.convened,
}
FACTUALITY = {
    Factuality.ASSERTED: KGO.Asserted,
    Factuality.FUTURE: KGO.Future,
    Factuality.HYPOTHETICAL: KGO.Hypothetical,
    Factuality.NEGATED: KGO.Negated,
}


def digest(*parts: object) -> str:
    """A short stable hash of the parts (the same on every run and machine)."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _iri(value: str) -> NamedNode | None:
    try:
        return NamedNode(value)
    except ValueError:
        return None


def _date(value) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def _decimal(value: float) -> Literal:
    return Literal(str(Decimal(str(round(value, 3))).normalize()), datatype=XSD.decimal)


def _integer(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


class GraphBuilder:
    """Accumulates documents' results and yields the triples of the whole graph."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base

    # -- IRIs -----------------------------------------------------------------------

    def doc_iri(self, doc_id: str) -> NamedNode:
        return NamedNode(f"{self.base}doc/{digest(doc_id)}")

    def entity_iri(self, global_key: str) -> NamedNode:
        if global_key.startswith("Q") and global_key[1:].isdigit():
            return NamedNode(f"{self.base}entity/{global_key}")
        return NamedNode(f"{self.base}entity/{digest(global_key)}")

    def event_iri(self, event: Event) -> NamedNode:
        """From what makes the event itself (class, parties, words, date, negation) and
        its first mention in the corpus: the same on every run, whatever the order of
        the files."""
        first = min(event.evidence, key=lambda ev: (ev.doc_id, ev.start, ev.end))
        day = event.date.isoformat() if event.date else event.day
        negated = event.factuality == Factuality.NEGATED  # never one event with the others
        parts = (event.relation.value, event.agent, sorted(event.others), event.quotes, day,
                 negated, first.doc_id, first.start, first.end)
        return NamedNode(f"{self.base}event/{digest(*parts)}")

    def evidence_iri(self, event_iri: NamedNode, evidence: Evidence) -> NamedNode:
        part = digest(event_iri.value, evidence.doc_id, evidence.start, evidence.end)
        return NamedNode(f"{self.base}evidence/{part}")

    # -- triples --------------------------------------------------------------------

    def document_triples(self, document: Document) -> Iterator[Triple]:
        node = self.doc_iri(document.id)
        yield Triple(node, RDF_TYPE, KGO.Document)
        yield Triple(node, DCTERMS.identifier, Literal(document.id))
        if document.title:
            yield Triple(node, DCTERMS.title, Literal(document.title))
        if document.date:
            yield Triple(node, DCTERMS.date, _date(document.date))
        source = _iri(document.url) if document.url else None
        if source is not None:  # a URL that is not an IRI is left out
            yield Triple(node, DCTERMS.source, source)

    def entity_triples(self, node: NamedNode, entity: Entity,
                       alt_labels: Iterable[str]) -> Iterator[Triple]:
        yield Triple(node, RDF_TYPE, KGO[entity.type.value])
        yield Triple(node, RDF_TYPE, KGO.Entity)
        yield Triple(node, RDFS.label, Literal(entity.label))
        for alt in sorted(set(alt_labels) - {entity.label}):
            yield Triple(node, SKOS.altLabel, Literal(alt))
        if entity.wikidata:
            yield Triple(node, OWL.sameAs, WD[entity.wikidata])
            yield Triple(node, KGO.linkConfidence, _decimal(entity.link_confidence or 0.5))

    def event_triples(self, event: Event) -> Iterator[Triple]:
        """An event of the consolidated graph (its parties are graph-wide keys)."""
        node = self.event_iri(event)
        agent = self.entity_iri(event.agent)
        yield Triple(node, RDF_TYPE, EVENT_CLASS[event.relation])
        yield Triple(node, RDF_TYPE, KGO.Event)
        yield Triple(node, KGO.agent, agent)
        others = [self.entity_iri(k) for k in event.others]
        if event.relation in OTHER_ROLE:
            for other in others:
                yield Triple(node, OTHER_ROLE[event.relation], other)
        for quote in event.quotes:
            yield Triple(node, KGO.quote, Literal(quote))
        yield Triple(node, KGO.factuality, FACTUALITY[event.factuality])
        if event.date:
            yield Triple(node, KGO.date, _date(event.date))
        yield Triple(node, KGO.confidence, _decimal(event.confidence))
        for doc_id in event.doc_ids:
            yield Triple(node, PROV.wasDerivedFrom, self.doc_iri(doc_id))
        for evidence in event.evidence:
            ev = self.evidence_iri(node, evidence)
            yield Triple(node, KGO.evidence, ev)
            yield Triple(ev, RDF_TYPE, KGO.Evidence)
            yield Triple(ev, DCTERMS.source, self.doc_iri(evidence.doc_id))
            yield Triple(ev, KGO.text, Literal(evidence.text))
            yield Triple(ev, KGO.start, _integer(evidence.start))
            yield Triple(ev, KGO.end, _integer(evidence.end))
            yield Triple(ev, KGO.factuality, FACTUALITY[evidence.factuality])
            if evidence.date:
                yield Triple(ev, KGO.reportedDate, _date(evidence.date))
        if event.factuality == Factuality.ASSERTED:
            if event.relation == Relation.STATED:
                yield Triple(agent, KGO.stated, node)
            else:
                for other in others:
                    yield Triple(agent, SHORTCUT[event.relation], other)
                    if event.relation == Relation.SPOKE_WITH:
                        yield Triple(other, KGO.spokeWith, agent)

    def triples(self, results: Iterable[DocResult]) -> Iterator[Triple]:
        """All triples of the graph of these documents' results, merged across documents
        (:func:`kg.merge.consolidate`)."""
        graph = consolidate(results)
        for document in graph.documents:
            yield from self.document_triples(document)
        for event in graph.events:
            yield from self.event_triples(event)
        for gkey, entity in graph.entities.items():
            yield from self.entity_triples(self.entity_iri(gkey), entity, graph.labels[gkey])
