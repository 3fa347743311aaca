"""The JSON-LD output, read by a JSON-LD processor (pyld: expanded and converted to RDF),
holds the same graph as the Turtle output of the same triples, and needs no network."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from pyld import jsonld
from rdflib.compare import isomorphic

from kg import rdfio
from kg.model import DocResult, Document, Entity, EntityType, Event, Evidence, Factuality, Relation
from kg.rdf import GraphBuilder
from kg.vocab import KGO, XSD, prefixes

NASTY = 'line one\nline two \\ backslash """ triple > angle <tag> “curly” 🚀 é\t\x0b end'
QUOTE = 'He said "no" — «ünïcödé», then: \'fine\'\r\nend'


def varied_graph() -> list[ox.Triple]:
    """Two documents, so that events merge across them (several documents, dated evidence),
    with every event class and factuality, Wikidata links, decimals, integers, dates, and
    literals full of what breaks writers: quotes, newlines, backslashes, non-ASCII, emoji."""
    first = Document(id='dir/odd name "1".txt', text=NASTY, title=NASTY,
                     date=dt.date(2024, 4, 14), url="https://example.org/a?b=c&d=e#f")
    second = Document(id="näive/ünïcode.md", text=QUOTE, title=QUOTE, date=dt.date(2024, 4, 13))
    entities = {
        "P:x": Entity("P:x", 'Dr. "Quote" \\ Person\n', EntityType.PERSON, {NASTY}),
        "P:b": Entity("P:b", "Joe Biden", EntityType.PERSON, {"Biden", "President Biden"},
                      wikidata="Q6279", link_confidence=0.97),
        "P:n": Entity("P:n", "Benjamin Netanyahu", EntityType.PERSON, set(),
                      wikidata="Q43723", link_confidence=0.9),
        "L:i": Entity("L:i", "Israel", EntityType.LOCATION, {"Jewish state"},
                      wikidata="Q801", link_confidence=1.0),
        "L:r": Entity("L:r", "Iran", EntityType.LOCATION, set(), wikidata="Q794",
                      link_confidence=0.875),
        "O:g": Entity("O:g", "G7", EntityType.ORGANIZATION, {"Group of Seven"}),
        "G:m": Entity("G:m", "Iranian-backed militias", EntityType.GROUP),
    }

    def ev(doc: Document, start: int, end: int, fact: Factuality) -> Evidence:
        return Evidence(doc.id, doc.text[start:end] or QUOTE, start, end, fact)

    A, F, H, N = (Factuality.ASSERTED, Factuality.FUTURE, Factuality.HYPOTHETICAL,
                  Factuality.NEGATED)

    def events(doc: Document) -> list[Event]:
        return [
            Event(Relation.SPOKE_WITH, "P:b", ("P:n",), date=dt.date(2024, 4, 13),
                  confidence=0.92, evidence=[ev(doc, 0, 9, A)]),
            Event(Relation.ATTACKED, "L:r", ("L:i",), date=dt.date(2024, 4, 13),
                  confidence=1.0, evidence=[ev(doc, 10, 20, A)]),
        ]

    only_first = [
        Event(Relation.STATED, "P:x", quotes=(NASTY, QUOTE), confidence=0.333,
              evidence=[ev(first, 0, len(NASTY), A)]),
        Event(Relation.CONVENED, "P:b", ("O:g",), factuality=F, date=dt.date(2024, 4, 14),
              confidence=0.05, evidence=[ev(first, 21, 30, F)]),
        Event(Relation.ATTACKED, "L:i", ("L:r", "G:m"), factuality=H, confidence=0.5,
              evidence=[ev(first, 31, 40, H)]),
        Event(Relation.ATTACKED, "P:b", ("L:r",), factuality=N, confidence=0.0,
              evidence=[ev(first, 41, 50, N)]),
    ]
    results = [DocResult(first, entities, events(first) + only_first),
               DocResult(second, entities, events(second))]
    return list(GraphBuilder().triples(results))


def refuse(url: str, options: dict | None = None) -> dict:
    """The document loader: the output must need none (its @context is embedded)."""
    raise AssertionError(f"the JSON-LD processor tried to load {url}: the output must "
                         "embed its @context and need no network")


def to_rdf(document: dict) -> str:
    return jsonld.to_rdf(document, {"format": "application/n-quads",
                                    "documentLoader": refuse})


@pytest.fixture(scope="module")
def triples() -> list[ox.Triple]:
    return varied_graph()


@pytest.fixture(scope="module")
def written(triples, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("jsonld")
    rdfio.write_graph(triples, folder / "g.jsonld", "jsonld", prefixes())
    rdfio.write_graph(triples, folder / "g.ttl", "turtle", prefixes())
    return folder / "g.jsonld", folder / "g.ttl"


def test_the_graph_has_what_the_check_is_about(triples):
    """So that the comparison below covers each kind of term it claims to."""
    datatypes = {t.object.datatype for t in triples if isinstance(t.object, ox.Literal)}
    assert {XSD.date, XSD.decimal, XSD.integer, XSD.string} <= datatypes
    classes = {t.object for t in triples if t.predicate.value.endswith("#type")}
    assert {KGO.Conversation, KGO.Attack, KGO.Convening, KGO.Statement} <= classes
    factualities = {t.object for t in triples if t.predicate == KGO.factuality}
    assert {KGO.Asserted, KGO.Future, KGO.Hypothetical, KGO.Negated} <= factualities
    assert any(t.predicate.value.endswith("#sameAs") for t in triples)
    assert any(t.predicate == KGO.reportedDate for t in triples)  # a merged event
    derived = [t for t in triples if t.predicate.value.endswith("wasDerivedFrom")]
    assert len({t.subject for t in derived}) < len(derived)  # an event of two documents
    literals = "".join(t.object.value for t in triples if isinstance(t.object, ox.Literal))
    assert all(c in literals for c in '\n\r\t\x0b"\\🚀«é')
    assert not any(isinstance(term, ox.BlankNode) for t in triples
                   for term in (t.subject, t.object))


def test_jsonld_embeds_its_context(written):
    document = json.loads(written[0].read_text(encoding="utf-8"))
    assert isinstance(document["@context"], dict), "the @context must be embedded, not a URL"
    assert "@graph" in document


def test_jsonld_read_by_pyld_is_the_turtle_graph(written, triples):
    jsonld_path, ttl_path = written
    nquads = to_rdf(json.loads(jsonld_path.read_text(encoding="utf-8")))
    from_pyld = [ox.Triple(q.subject, q.predicate, q.object)
                 for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)]
    assert all(q.graph_name == ox.DefaultGraph()
               for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    from_turtle = rdfio.read_triples(ttl_path)
    # no blank nodes: the two must be the same triples, term for term
    assert rdfio.to_ntriples(from_pyld) == rdfio.to_ntriples(from_turtle)
    assert rdfio.to_ntriples(from_turtle) == rdfio.to_ntriples(triples)
    # and rdflib, a third reader, agrees
    by_pyld = rdflib.Graph().parse(data=nquads, format="nt")  # default graph only
    by_rdflib = rdflib.Graph().parse(ttl_path, format="turtle")
    assert len(by_pyld) == len(by_rdflib) == len(set(triples))
    assert isomorphic(by_pyld, by_rdflib)


def test_a_remote_context_would_fail_loudly(written):
    """The check above would catch an output that points at its context by URL."""
    document = json.loads(written[0].read_text(encoding="utf-8"))
    document["@context"] = "https://w3id.org/kgbuild/context.jsonld"
    with pytest.raises(jsonld.JsonLdError) as caught:
        to_rdf(document)
    chain, error = [], caught.value
    while error is not None:
        chain.append(str(error))
        error = error.__cause__ or getattr(error, "cause", None)
    assert "tried to load https://w3id.org/kgbuild/context.jsonld" in " ".join(chain)
