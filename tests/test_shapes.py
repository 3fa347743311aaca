"""The SHACL shapes and kg.validate: a valid graph conforms; each rule has a failing case."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

import kg.validate
from kg import rdfio, vocab
from kg.validate import (
    SHAPES_IRI,
    ValidationReport,
    Violation,
    to_rdflib,
    validate_file,
    validate_graph,
    validate_store,
    validate_triples,
)

PREFIXES = """
@prefix kgo: <https://w3id.org/kgbuild/ontology#> .
@prefix doc: <https://w3id.org/kgbuild/resource/doc/> .
@prefix entity: <https://w3id.org/kgbuild/resource/entity/> .
@prefix event: <https://w3id.org/kgbuild/resource/event/> .
@prefix evidence: <https://w3id.org/kgbuild/resource/evidence/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
"""

#: one event of each class, every kind of entity, two documents, their evidence and
#: the shortcut triples of the asserted events
VALID = """
doc:d1 a kgo:Document ;
    dcterms:identifier "world/2024-04-13.txt" ;
    dcterms:title "Biden speaks with Netanyahu" ;
    dcterms:date "2024-04-13"^^xsd:date ;
    dcterms:source <https://example.com/news/1> .
doc:d2 a kgo:Document ; dcterms:identifier "d2" .

entity:biden a kgo:Person , kgo:Entity ;
    rdfs:label "Joe Biden" ;
    skos:altLabel "Biden" , "President Joe Biden" ;
    owl:sameAs wd:Q6279 .
entity:bibi a kgo:Person , kgo:Entity ; rdfs:label "Benjamin Netanyahu" ; owl:sameAs wd:Q43723 .
entity:iran a kgo:Location , kgo:Entity ; rdfs:label "Iran" ; owl:sameAs wd:Q794 .
entity:israel a kgo:Location , kgo:Entity ; rdfs:label "Israel" .
entity:g7 a kgo:Organization , kgo:Entity ; rdfs:label "G7" .
entity:leaders a kgo:Group , kgo:Entity ; rdfs:label "G7 leaders" .

event:c1 a kgo:Conversation , kgo:Event ;
    kgo:agent entity:biden ;
    kgo:participant entity:bibi ;
    kgo:factuality kgo:Asserted ;
    kgo:date "2024-04-13"^^xsd:date ;
    kgo:confidence 0.92 ;
    prov:wasDerivedFrom doc:d1 , doc:d2 ;
    kgo:evidence evidence:c1a , evidence:c1b .
evidence:c1a a kgo:Evidence ;
    dcterms:source doc:d1 ;
    kgo:text "Biden spoke with Netanyahu on Saturday." ;
    kgo:start 0 ; kgo:end 39 ;
    kgo:factuality kgo:Asserted .
evidence:c1b a kgo:Evidence ;
    dcterms:source doc:d2 ;
    kgo:text "The two leaders spoke by phone." ;
    kgo:start 120 ; kgo:end 151 ;
    kgo:factuality kgo:Asserted .

event:a1 a kgo:Attack , kgo:Event ;
    kgo:agent entity:iran ;
    kgo:target entity:israel ;
    kgo:factuality kgo:Asserted ;
    kgo:confidence 0.8 ;
    prov:wasDerivedFrom doc:d1 ;
    kgo:evidence evidence:a1 .
evidence:a1 a kgo:Evidence ;
    dcterms:source doc:d1 ; kgo:text "Iran attacked Israel." ;
    kgo:start 40 ; kgo:end 61 ; kgo:factuality kgo:Asserted .

event:v1 a kgo:Convening , kgo:Event ;
    kgo:agent entity:biden ;
    kgo:participant entity:leaders ;
    kgo:factuality kgo:Future ;
    kgo:confidence 0.6 ;
    prov:wasDerivedFrom doc:d1 ;
    kgo:evidence evidence:v1 .
evidence:v1 a kgo:Evidence ;
    dcterms:source doc:d1 ; kgo:text "Biden will convene G7 leaders." ;
    kgo:start 62 ; kgo:end 92 ; kgo:factuality kgo:Future .

event:s1 a kgo:Statement , kgo:Event ;
    kgo:agent entity:biden ;
    kgo:quote "Our commitment to Israel's security is ironclad" ;
    kgo:factuality kgo:Asserted ;
    kgo:confidence 1.0 ;
    prov:wasDerivedFrom doc:d1 ;
    kgo:evidence evidence:s1 .
evidence:s1 a kgo:Evidence ;
    dcterms:source doc:d1 ; kgo:text "\\"Our commitment ...\\", Biden said." ;
    kgo:start 93 ; kgo:end 93 ; kgo:factuality kgo:Asserted .

entity:biden kgo:spokeWith entity:bibi ; kgo:stated event:s1 .
entity:bibi kgo:spokeWith entity:biden .
entity:iran kgo:attacked entity:israel .
"""


def _parse(turtle: str) -> set[ox.Triple]:
    return set(ox.parse((PREFIXES + turtle).encode(), format=ox.RdfFormat.TURTLE))


def graph(add: str = "", remove: str = "") -> list[ox.Triple]:
    """The valid graph with the triples of ``remove`` taken out and those of ``add`` put in."""
    dropped = _parse(remove)
    base = _parse(VALID)
    assert dropped <= base, f"not in the valid graph: {dropped - base}"
    return sorted((base - dropped) | _parse(add), key=str)


def iri(curie: str) -> str:
    if curie.startswith("https://"):
        return curie
    prefix, local = curie.split(":", 1)
    return {**vocab.prefixes(), "kgs": SHAPES_IRI}[prefix] + local


def _matching(report: ValidationReport, focus: str, path: str | None) -> list[Violation]:
    return [
        v
        for v in report.violations
        if v.focus_node == iri(focus) and (path is None or v.path == path)
    ]


def test_valid_graph_conforms() -> None:
    report = validate_triples(graph())
    assert report.conforms, report.render()
    assert report.violations == []


def test_event_date_title_and_url_are_optional() -> None:
    report = validate_triples(
        graph(
            remove='event:c1 kgo:date "2024-04-13"^^xsd:date . '
            'doc:d1 dcterms:title "Biden speaks with Netanyahu" ; '
            "dcterms:source <https://example.com/news/1> ."
        )
    )
    assert report.conforms, report.render()


KGO = "https://w3id.org/kgbuild/ontology#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

#: (case, add, remove, focus node, path, shape, words the message must contain)
# fmt: off
FAILING = [
    ("missing agent", "", "event:c1 kgo:agent entity:biden .",
     "event:c1", KGO + "agent", "Event-agent", "missing value"),
    ("two agents", "event:a1 kgo:agent entity:bibi .", "",
     "event:a1", KGO + "agent", "Event-agent", "too many values"),
    ("agent not an entity", "event:a1 kgo:agent doc:d1 .", "event:a1 kgo:agent entity:iran .",
     "event:a1", KGO + "agent", "Event-agent", "wrong class"),
    ("confidence 1.5", "event:c1 kgo:confidence 1.5 .", "event:c1 kgo:confidence 0.92 .",
     "event:c1", KGO + "confidence", "Event-confidence", "too large"),
    ("confidence negative", "event:c1 kgo:confidence -0.1 .", "event:c1 kgo:confidence 0.92 .",
     "event:c1", KGO + "confidence", "Event-confidence", "too small"),
    ("confidence as double", "event:c1 kgo:confidence 9.2e-1 .",
     "event:c1 kgo:confidence 0.92 .",
     "event:c1", KGO + "confidence", "Event-confidence", "wrong datatype"),
    ("no confidence", "", "event:c1 kgo:confidence 0.92 .",
     "event:c1", KGO + "confidence", "Event-confidence", "missing value"),
    ("sameAs not Wikidata", "entity:biden owl:sameAs <http://dbpedia.org/resource/Joe_Biden> .",
     "entity:biden owl:sameAs wd:Q6279 .",
     "entity:biden", "http://www.w3.org/2002/07/owl#sameAs", "Entity-sameAs", "pattern"),
    ("sameAs to a Wikidata property", "entity:biden owl:sameAs wd:P31 .",
     "entity:biden owl:sameAs wd:Q6279 .",
     "entity:biden", "http://www.w3.org/2002/07/owl#sameAs", "Entity-sameAs", "pattern"),
    ("two sameAs", "entity:biden owl:sameAs wd:Q1 .", "",
     "entity:biden", "http://www.w3.org/2002/07/owl#sameAs", "Entity-sameAs", "too many"),
    ("Statement without quote", "",
     "event:s1 kgo:quote \"Our commitment to Israel's security is ironclad\" .",
     "event:s1", KGO + "quote", "Statement-quote", "missing value"),
    ("quote on a Conversation", 'event:c1 kgo:quote "hello" .', "",
     "event:c1", KGO + "quote", "NoQuote-quote", "Only a kgo:Statement"),
    ("bad factuality value", "event:c1 kgo:factuality kgo:Maybe .",
     "event:c1 kgo:factuality kgo:Asserted .",
     "event:c1", KGO + "factuality", "Event-factuality", "not allowed"),
    ("two factualities", "event:c1 kgo:factuality kgo:Negated .", "",
     "event:c1", KGO + "factuality", "Event-factuality", "too many"),
    ("bad evidence factuality", 'evidence:a1 kgo:factuality "asserted" .',
     "evidence:a1 kgo:factuality kgo:Asserted .",
     "evidence:a1", KGO + "factuality", "Evidence-factuality", "not allowed"),
    ("evidence end < start", "evidence:a1 kgo:end 39 .", "evidence:a1 kgo:end 61 .",
     "evidence:a1", KGO + "start", "Evidence-start", "upper bound"),
    ("negative start", "evidence:c1a kgo:start -1 .", "evidence:c1a kgo:start 0 .",
     "evidence:c1a", KGO + "start", "Evidence-start", "too small"),
    ("offset as string", 'evidence:c1a kgo:end "39" .', "evidence:c1a kgo:end 39 .",
     "evidence:c1a", KGO + "end", "Evidence-end", "wrong datatype"),
    ("evidence without text", "", 'evidence:a1 kgo:text "Iran attacked Israel." .',
     "evidence:a1", KGO + "text", "Evidence-text", "missing value"),
    ("evidence source not a document", "evidence:a1 dcterms:source <https://example.com/x> .",
     "evidence:a1 dcterms:source doc:d1 .",
     "evidence:a1", DCT + "source", "Evidence-source", "wrong class"),
    ("evidence of no event", "", "event:a1 kgo:evidence evidence:a1 .",
     "evidence:a1", "^" + KGO + "evidence", "Evidence-event", "missing value"),
    ("Person without label", "", 'entity:bibi rdfs:label "Benjamin Netanyahu" .',
     "entity:bibi", "http://www.w3.org/2000/01/rdf-schema#label", "Entity-label",
     "missing value"),
    ("two labels", 'entity:bibi rdfs:label "Bibi" .', "",
     "entity:bibi", "http://www.w3.org/2000/01/rdf-schema#label", "Entity-label", "too many"),
    ("Person and Location", "entity:biden a kgo:Location .", "",
     "entity:biden", RDF_TYPE, "Entity-class", "too many classes"),
    ("Entity without class", "", "entity:g7 a kgo:Organization .",
     "entity:g7", RDF_TYPE, "Entity-class", "missing class"),
    ("Organization not typed kgo:Entity", "", "entity:g7 a kgo:Entity .",
     "entity:g7", RDF_TYPE, "Entity-isEntity", "kgo:Entity"),
    ("Event not typed kgo:Event", "", "event:a1 a kgo:Event .",
     "event:a1", RDF_TYPE, "Event-isEvent", "kgo:Event"),
    ("Attack and Statement", "event:a1 a kgo:Statement .", "",
     "event:a1", RDF_TYPE, "Event-class", "too many classes"),
    ("event without document", "", "event:a1 prov:wasDerivedFrom doc:d1 .",
     "event:a1", "http://www.w3.org/ns/prov#wasDerivedFrom", "Event-derivedFrom",
     "missing value"),
    ("event without evidence", "", "event:a1 kgo:evidence evidence:a1 .",
     "event:a1", KGO + "evidence", "Event-evidence", "missing value"),
    ("event date not a date", 'event:a1 kgo:date "13 April 2024" .', "",
     "event:a1", KGO + "date", "Event-date", "wrong datatype"),
    ("Attack without target", "", "event:a1 kgo:target entity:israel .",
     "event:a1", KGO + "target", "Attack-target", "missing value"),
    ("participant on an Attack", "event:a1 kgo:participant entity:israel .", "",
     "event:a1", KGO + "participant", "NoParticipant-participant", "Only a kgo:Conversation"),
    ("target on a Conversation", "event:c1 kgo:target entity:israel .", "",
     "event:c1", KGO + "target", "NoTarget-target", "Only a kgo:Attack"),
    ("Conversation without participant", "", "event:c1 kgo:participant entity:bibi .",
     "event:c1", KGO + "participant", "PartyEvent-participant", "missing value"),
    ("document without identifier", "", 'doc:d2 dcterms:identifier "d2" .',
     "doc:d2", DCT + "identifier", "Document-identifier", "missing value"),
    ("document date not a date", 'doc:d2 dcterms:date "2024-04-13T10:00:00"^^xsd:dateTime .',
     "", "doc:d2", DCT + "date", "Document-date", "wrong datatype"),
    ("document URL as a string", 'doc:d2 dcterms:source "https://example.com/2" .', "",
     "doc:d2", DCT + "source", "Document-source", "wrong kind of node"),
    ("spokeWith one way only", "", "entity:bibi kgo:spokeWith entity:biden .",
     "entity:bibi", "^" + KGO + "spokeWith", "SpokeWith-symmetric", "symmetric"),
    ("attacked from a non-entity", "doc:d1 kgo:attacked entity:israel .", "",
     "doc:d1", None, "AttackedShape", "kgo:attacked"),
    ("attacked a non-entity", "entity:iran kgo:attacked doc:d1 .", "",
     "doc:d1", None, "AttackedShape", "kgo:attacked"),
    ("convened a node with no triples", "entity:biden kgo:convened <https://example.com/x> .", "",
     "https://example.com/x", None, "ConvenedShape", "kgo:convened"),
    ("stated to a non-statement", "entity:bibi kgo:stated event:c1 .", "",
     "entity:bibi", KGO + "stated", "Stated-statement", "kgo:Statement"),
]
# fmt: on


@pytest.mark.parametrize(
    ("add", "remove", "focus", "path", "shape", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in FAILING],
)
def test_each_rule_has_a_failing_example(
    add: str, remove: str, focus: str, path: str | None, shape: str, words: str
) -> None:
    report = validate_triples(graph(add=add, remove=remove))
    assert not report.conforms
    found = _matching(report, focus, path)
    assert found, report.render()
    assert any(v.shape == iri("kgs:" + shape) for v in found), report.render()
    assert any(words in v.message for v in found), report.render()
    assert all(v.severity == "Violation" for v in found)


def test_report_names_node_property_shape_and_value() -> None:
    report = validate_triples(
        graph(add="event:c1 kgo:confidence 1.5 .", remove="event:c1 kgo:confidence 0.92 .")
    )
    [violation] = report.violations
    assert violation.value == '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    text = report.render()
    assert text.startswith("SHACL: the graph does not conform: 1 violation(s)")
    line = text.splitlines()[1]
    assert line.startswith("- event:c1 kgo:confidence: value too large:")
    assert '(value: "1.5"^^xsd:decimal)' in line
    assert line.endswith("[kgs:Event-confidence]")


def test_count_problems_say_how_many_were_found() -> None:
    report = validate_triples(graph(add="event:a1 kgo:agent entity:bibi ."))
    [violation] = [v for v in report.violations if v.path == KGO + "agent"]
    assert violation.message.endswith("(found 2)")
    assert violation.value is None


def test_render_limits_the_lines() -> None:
    removed = " ".join(
        f'entity:{name} rdfs:label "{label}" .'
        for name, label in [
            ("biden", "Joe Biden"),
            ("bibi", "Benjamin Netanyahu"),
            ("iran", "Iran"),
            ("israel", "Israel"),
            ("g7", "G7"),
        ]
    )
    report = validate_triples(graph(remove=removed))
    assert len(report.violations) == 5
    lines = report.render(limit=2).splitlines()
    assert len(lines) == 4
    assert lines[-1] == "… and 3 more"
    assert all("rdfs:label" in line for line in lines[1:3])


def test_agent_among_participants_is_a_warning_only() -> None:
    report = validate_triples(graph(add="event:c1 kgo:participant entity:biden ."))
    assert report.conforms
    [warning] = report.violations
    assert warning.severity == "Warning"
    assert warning.focus_node == iri("event:c1")
    assert "1 warning" in report.render().splitlines()[0]
    assert report.render().splitlines()[1].endswith(", warning]")


def test_nodes_of_other_base_iris_are_checked_and_shown_in_full() -> None:
    report = validate_triples(
        graph(add="<https://example.org/kg/entity/x> a kgo:Person , kgo:Entity .")
    )
    assert not report.conforms
    assert "- <https://example.org/kg/entity/x> rdfs:label: missing value" in report.render()


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("turtle", ".ttl"), ("nt", ".nt"), ("jsonld", ".jsonld")]
)
def test_validate_file(tmp_path, fmt: str, suffix: str) -> None:
    path = tmp_path / f"graph{suffix}"
    path.write_bytes(rdfio.serialize(graph(), fmt, vocab.prefixes()))
    assert validate_file(path).conforms
    bad = graph(remove="event:c1 kgo:agent entity:biden .")
    path.write_bytes(rdfio.serialize(bad, fmt, vocab.prefixes()))
    report = validate_file(path, fmt)
    assert not report.conforms
    assert "event:c1 kgo:agent: missing value" in report.render()


def test_empty_graph_conforms() -> None:
    assert validate_triples([]) == ValidationReport(conforms=True, violations=[])


# ----------------------------------------------------------------- a large graph


def synthetic_graph(events: int, entities: int = 500, documents: int = 1000) -> list[ox.Triple]:
    """A valid graph of ``events`` events (about 25 triples each with their evidence)."""
    triples: list[ox.Triple] = []
    for i in range(entities):
        triples += _entity_triples(i)
    for i in range(documents):
        doc = _node("doc", i)
        triples += [
            ox.Triple(doc, vocab.RDF_TYPE, vocab.KGO.Document),
            ox.Triple(doc, vocab.DCTERMS.identifier, ox.Literal(f"doc{i}.txt")),
        ]
    for i in range(events):
        triples += _event_triples(i, entities, documents)
    return triples


def _node(kind: str, i: int | str) -> ox.NamedNode:
    return ox.NamedNode(f"{vocab.DEFAULT_BASE}{kind}/{i}")


def _entity_triples(i: int) -> list[ox.Triple]:
    node = _node("entity", i)
    cls = ("Person", "Organization", "Location", "Group")[i % 4]
    return [
        ox.Triple(node, vocab.RDF_TYPE, vocab.KGO.Entity),
        ox.Triple(node, vocab.RDF_TYPE, vocab.KGO[cls]),
        ox.Triple(node, vocab.RDFS.label, ox.Literal(f"Entity {i}")),
        ox.Triple(node, vocab.SKOS.altLabel, ox.Literal(f"E{i}")),
        ox.Triple(node, vocab.OWL.sameAs, vocab.WD[f"Q{i + 1}"]),
    ]


def _event_triples(i: int, entities: int, documents: int) -> list[ox.Triple]:
    cls, role, shortcut = [
        ("Conversation", "participant", "spokeWith"),
        ("Attack", "target", "attacked"),
        ("Convening", "participant", "convened"),
    ][i % 3]
    event, agent = _node("event", i), _node("entity", i % entities)
    other = _node("entity", (i + 1 + i // entities) % entities)
    decimal = ox.NamedNode(vocab.XSD.iri + "decimal")
    triples = [
        ox.Triple(event, vocab.RDF_TYPE, vocab.KGO.Event),
        ox.Triple(event, vocab.RDF_TYPE, vocab.KGO[cls]),
        ox.Triple(event, vocab.KGO.agent, agent),
        ox.Triple(event, vocab.KGO[role], other),
        ox.Triple(event, vocab.KGO.factuality, vocab.KGO.Asserted),
        ox.Triple(event, vocab.KGO.confidence, ox.Literal("0.75", datatype=decimal)),
        ox.Triple(agent, vocab.KGO[shortcut], other),
    ]
    if shortcut == "spokeWith":
        triples.append(ox.Triple(other, vocab.KGO.spokeWith, agent))
    for j in range(2):
        triples += _evidence_triples(event, f"{i}-{j}", _node("doc", (i + 7 * j) % documents))
    return triples


def _evidence_triples(event: ox.NamedNode, key: str, doc: ox.NamedNode) -> list[ox.Triple]:
    node = _node("evidence", key)
    integer = ox.NamedNode(vocab.XSD.iri + "integer")
    return [
        ox.Triple(event, vocab.PROV.wasDerivedFrom, doc),
        ox.Triple(event, vocab.KGO.evidence, node),
        ox.Triple(node, vocab.RDF_TYPE, vocab.KGO.Evidence),
        ox.Triple(node, vocab.DCTERMS.source, doc),
        ox.Triple(node, vocab.KGO.text, ox.Literal(f"Sentence {key}.")),
        ox.Triple(node, vocab.KGO.start, ox.Literal("0", datatype=integer)),
        ox.Triple(node, vocab.KGO.end, ox.Literal("12", datatype=integer)),
        ox.Triple(node, vocab.KGO.factuality, vocab.KGO.Asserted),
    ]


@pytest.mark.slow
def test_a_100k_triple_graph_validates() -> None:
    # how long validation takes, as a share of a build, is measured by scripts/bench.py
    triples = synthetic_graph(events=4000)
    assert len(set(triples)) > 95_000
    report = validate_triples(triples)
    assert report.conforms, report.render()


def _everything_broken() -> list[ox.Triple]:
    adds = " ".join(case[1] for case in FAILING)
    removes = set().union(*(_parse(case[2]) for case in FAILING))
    return sorted((_parse(VALID) - removes) | _parse(adds), key=str)


@pytest.mark.parametrize("piece", [1, 3, 1000])
def test_validating_in_pieces_finds_what_the_whole_graph_gives(monkeypatch, piece: int) -> None:
    triples = _everything_broken()
    whole = validate_graph(to_rdflib(triples))
    assert len({v.focus_node for v in whole.violations}) >= 9
    monkeypatch.setattr(kg.validate, "PIECE_NODES", piece)
    pieces = validate_triples(triples)
    assert pieces.violations == sorted(whole.violations, key=kg.validate._sort_key)
    assert pieces.conforms is whole.conforms is False


def test_an_on_disk_store_is_validated_in_pieces(monkeypatch, tmp_path) -> None:
    triples = _everything_broken()
    store = ox.Store(str(tmp_path / "store"))
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    monkeypatch.setattr(kg.validate, "PIECE_NODES", 2)
    assert validate_store(store) == validate_triples(triples)
    store.clear()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in graph())
    assert validate_store(store).conforms
