"""The OWL ontology (declarations, OWL 2 DL hygiene, HermiT) and the JSON-LD context."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg import rdfio, resources, vocab
from kg.validate import check_ontology, java_available

KGO = rdflib.Namespace("https://w3id.org/kgbuild/ontology#")
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
ONTOLOGY_IRI = rdflib.URIRef("https://w3id.org/kgbuild/ontology")

# The public vocabulary, term by term, as docs/vocabulary.md lists it.
VOCABULARY_CLASSES = [
    "Document",
    "Entity",
    "Person",
    "Organization",
    "Location",
    "Group",
    "Event",
    "Conversation",
    "Attack",
    "Convening",
    "Statement",
    "Evidence",
]
VOCABULARY_OBJECT_PROPERTIES = [
    "agent",
    "participant",
    "target",
    "factuality",
    "evidence",
    "spokeWith",
    "attacked",
    "convened",
    "stated",
]
VOCABULARY_DATATYPE_PROPERTIES = ["quote", "date", "confidence", "text", "start", "end"]
VOCABULARY_INDIVIDUALS = ["Asserted", "Future", "Negated", "Hypothetical"]
#: reused terms the graph uses, with the kind of OWL property they are declared as
REUSED_TERMS = {
    "http://purl.org/dc/terms/identifier": OWL.AnnotationProperty,
    "http://purl.org/dc/terms/title": OWL.AnnotationProperty,
    "http://purl.org/dc/terms/date": OWL.AnnotationProperty,
    "http://purl.org/dc/terms/source": OWL.AnnotationProperty,
    "http://www.w3.org/2004/02/skos/core#altLabel": OWL.AnnotationProperty,
    "http://www.w3.org/ns/prov#wasDerivedFrom": OWL.ObjectProperty,
}
#: rdfs:label and owl:sameAs are built into OWL: used, never declared
BUILT_IN_TERMS = [RDFS.label, OWL.sameAs]

#: the datatypes of the OWL 2 datatype map that the ontology may use in axioms
OWL2_DATATYPES = {
    XSD.string,
    XSD.decimal,
    XSD.integer,
    XSD.nonNegativeInteger,
    XSD.dateTime,
    XSD.boolean,
    XSD.double,
    RDFS.Literal,
}

needs_java = pytest.mark.skipif(
    not java_available(), reason="Java is missing: HermiT (owlready2) needs a java runtime"
)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(resources.ontology_file(), format="turtle")
    return graph


def test_ontology_parses_and_names_itself(ontology: rdflib.Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert not list(ontology.objects(ONTOLOGY_IRI, OWL.imports))


@pytest.mark.parametrize(
    ("names", "kind"),
    [
        (VOCABULARY_CLASSES, OWL.Class),
        (VOCABULARY_OBJECT_PROPERTIES, OWL.ObjectProperty),
        (VOCABULARY_DATATYPE_PROPERTIES, OWL.DatatypeProperty),
        (VOCABULARY_INDIVIDUALS, OWL.NamedIndividual),
    ],
    ids=["classes", "object properties", "datatype properties", "factuality values"],
)
def test_every_vocabulary_term_is_declared_with_label_and_comment(
    ontology: rdflib.Graph, names: list[str], kind: rdflib.URIRef
) -> None:
    for name in names:
        term = KGO[name]
        assert (term, RDF.type, kind) in ontology, f"kgo:{name} is not a {kind}"
        assert ontology.value(term, RDFS.label), f"kgo:{name} has no rdfs:label"
        assert ontology.value(term, RDFS.comment), f"kgo:{name} has no rdfs:comment"


def test_reused_terms_are_declared_with_label_and_comment(ontology: rdflib.Graph) -> None:
    for iri, kind in REUSED_TERMS.items():
        term = rdflib.URIRef(iri)
        assert (term, RDF.type, kind) in ontology, f"{iri} is not a {kind}"
        assert ontology.value(term, RDFS.label) and ontology.value(term, RDFS.comment), iri
    for term in BUILT_IN_TERMS:
        assert not list(ontology.triples((term, None, None))), f"{term} is redeclared"


def test_every_kgo_term_in_the_file_has_label_and_comment(ontology: rdflib.Graph) -> None:
    terms = {s for s in ontology.subjects() if isinstance(s, rdflib.URIRef) and s in KGO}
    names = (
        VOCABULARY_CLASSES
        + VOCABULARY_OBJECT_PROPERTIES
        + VOCABULARY_DATATYPE_PROPERTIES
        + VOCABULARY_INDIVIDUALS
    )
    assert {KGO[name] for name in names} <= terms
    for term in terms:
        assert ontology.value(term, RDFS.label), f"{term} has no rdfs:label"
        assert ontology.value(term, RDFS.comment), f"{term} has no rdfs:comment"


def test_factuality_is_the_four_distinct_values(ontology: rdflib.Graph) -> None:
    values = {KGO[name] for name in VOCABULARY_INDIVIDUALS}
    [enumeration] = ontology.objects(KGO.Factuality, OWL.equivalentClass)
    assert set(Collection(ontology, ontology.value(enumeration, OWL.oneOf))) == values
    [different] = ontology.subjects(RDF.type, OWL.AllDifferent)
    members = ontology.value(different, OWL.distinctMembers)
    assert set(Collection(ontology, members)) == values
    assert all((v, RDF.type, KGO.Factuality) in ontology for v in values)


def test_disjoint_entity_and_event_classes(ontology: rdflib.Graph) -> None:
    groups = [
        set(Collection(ontology, ontology.value(node, OWL.members)))
        for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    entity_classes = {KGO.Person, KGO.Organization, KGO.Location, KGO.Group}
    event_classes = {KGO.Conversation, KGO.Attack, KGO.Convening, KGO.Statement}
    assert entity_classes in groups
    assert event_classes in groups
    for cls in entity_classes:
        assert (cls, RDFS.subClassOf, KGO.Entity) in ontology
    for cls in event_classes:
        assert (cls, RDFS.subClassOf, KGO.Event) in ontology


def test_agent_is_functional_and_spoke_with_symmetric(ontology: rdflib.Graph) -> None:
    assert (KGO.agent, RDF.type, OWL.FunctionalProperty) in ontology
    assert (KGO.agent, RDFS.domain, KGO.Event) in ontology
    assert (KGO.agent, RDFS.range, KGO.Entity) in ontology
    assert (KGO.spokeWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert (KGO.stated, RDFS.range, KGO.Statement) in ontology


def test_event_is_not_a_prov_activity(ontology: rdflib.Graph) -> None:
    """Event nodes carry prov:wasDerivedFrom (domain prov:Entity, disjoint with Activity)."""
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    assert (KGO.Event, RDFS.subClassOf, prov.Activity) not in ontology
    assert (KGO.agent, RDFS.subPropertyOf, prov.wasAssociatedWith) not in ontology


def test_owl2_dl_hygiene(ontology: rdflib.Graph) -> None:
    """One kind per property, and only datatypes of the OWL 2 datatype map in axioms."""
    kinds = [OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty]
    for prop in set(ontology.subjects(RDF.type, None)):
        declared = [k for k in kinds if (prop, RDF.type, k) in ontology]
        assert len(declared) <= 1, f"{prop} is declared as {declared}"
    used = set(ontology.objects(None, RDFS.range)) | set(ontology.objects(None, OWL.onDatatype))
    used |= set(ontology.objects(None, OWL.someValuesFrom))
    datatypes = {d for d in used if isinstance(d, rdflib.URIRef) and str(d).startswith(str(XSD))}
    assert datatypes <= OWL2_DATATYPES, datatypes - OWL2_DATATYPES


# ----------------------------------------------------------------- HermiT

EXAMPLE = """
@prefix kgo: <https://w3id.org/kgbuild/ontology#> .
@prefix kgr: <https://w3id.org/kgbuild/resource/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .

kgr:event\\/e1 a kgo:Conversation , kgo:Event ;
    kgo:agent kgr:entity\\/Q6279 ;
    kgo:participant kgr:entity\\/Q43723 ;
    kgo:factuality kgo:Asserted ;
    kgo:date "2024-04-13"^^xsd:date ;
    kgo:confidence 0.92 ;
    prov:wasDerivedFrom kgr:doc\\/d1 ;
    kgo:evidence kgr:evidence\\/v1 .
kgr:event\\/e2 a kgo:Statement , kgo:Event ;
    kgo:agent kgr:entity\\/Q6279 ;
    kgo:quote "ironclad" ;
    kgo:factuality kgo:Future ;
    kgo:confidence 0.5 ;
    prov:wasDerivedFrom kgr:doc\\/d1 ;
    kgo:evidence kgr:evidence\\/v1 .
kgr:doc\\/d1 a kgo:Document ;
    dcterms:identifier "d1.txt" ;
    dcterms:date "2024-04-14"^^xsd:date ;
    dcterms:source <https://example.com/1> .
kgr:evidence\\/v1 a kgo:Evidence ;
    dcterms:source kgr:doc\\/d1 ;
    kgo:text "Biden spoke with Netanyahu." ;
    kgo:start 0 ; kgo:end 27 ;
    kgo:factuality kgo:Asserted .
kgr:entity\\/Q6279 a kgo:Person , kgo:Entity ;
    rdfs:label "Joe Biden" ; skos:altLabel "Biden" ; owl:sameAs wd:Q6279 ;
    kgo:spokeWith kgr:entity\\/Q43723 ; kgo:stated kgr:event\\/e2 .
kgr:entity\\/Q43723 a kgo:Person , kgo:Entity ;
    rdfs:label "Benjamin Netanyahu" ; owl:sameAs wd:Q43723 .
"""

#: the PROV-O and SEM axioms that the alignments could clash with
PROV_AND_SEM = """
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
prov:Activity a owl:Class ; owl:disjointWith prov:Entity .
prov:Agent a owl:Class .
prov:Person rdfs:subClassOf prov:Agent .
prov:Organization rdfs:subClassOf prov:Agent .
prov:wasDerivedFrom rdfs:domain prov:Entity ; rdfs:range prov:Entity .
prov:wasAssociatedWith a owl:ObjectProperty ;
    rdfs:domain prov:Activity ; rdfs:range prov:Agent .
sem:hasActor rdfs:range sem:Actor .
sem:Event rdfs:subClassOf sem:Core .
sem:Actor rdfs:subClassOf sem:Core .
"""


@needs_java
def test_hermit_finds_the_ontology_consistent() -> None:
    report = check_ontology()
    assert report.consistent, report.message
    assert report.unsatisfiable == []
    assert report.message.startswith("consistent")


@needs_java
def test_hermit_finds_example_data_consistent_with_prov_and_sem() -> None:
    report = check_ontology(EXAMPLE + PROV_AND_SEM)
    assert report.consistent, report.message
    assert report.unsatisfiable == []


@needs_java
def test_event_as_prov_activity_would_be_inconsistent() -> None:
    """Why kgo:Event is not aligned as a sub-class of prov:Activity."""
    wrong = "<https://w3id.org/kgbuild/ontology#Event> rdfs:subClassOf prov:Activity ."
    assert not check_ontology(EXAMPLE + PROV_AND_SEM + wrong).consistent


@needs_java
@pytest.mark.parametrize(
    "extra",
    [
        "kgr:entity\\/Q6279 a kgo:Location .",
        "kgr:event\\/e1 kgo:factuality kgo:Negated .",
        "kgr:event\\/e1 a kgo:Attack .",
        "kgr:event\\/e2 kgo:participant kgr:entity\\/Q43723 .",
        "kgr:event\\/e1 kgo:confidence 1.5 .",
        "kgr:event\\/e1 kgo:agent kgr:doc\\/d1 .",
    ],
    ids=[
        "Person and Location",
        "two factualities",
        "Conversation and Attack",
        "participant of a Statement",
        "confidence 1.5",
        "a document as agent",
    ],
)
def test_hermit_reports_inconsistency(extra: str) -> None:
    report = check_ontology(EXAMPLE + extra)
    assert not report.consistent
    assert report.message.startswith("inconsistent")


# ----------------------------------------------------------------- JSON-LD context


@pytest.fixture(scope="module")
def example_triples() -> list[ox.Triple]:
    return list(ox.parse(EXAMPLE.encode(), format=ox.RdfFormat.TURTLE))


def test_context_round_trips_to_the_same_graph(tmp_path, example_triples) -> None:
    path = tmp_path / "graph.jsonld"
    path.write_bytes(rdfio.serialize(example_triples, "jsonld", vocab.prefixes()))
    back = rdfio.read_triples(path)
    assert rdfio.to_ntriples(back) == rdfio.to_ntriples(example_triples)


def test_context_compacts_events_to_short_keys(example_triples) -> None:
    document = json.loads(rdfio.serialize(example_triples, "jsonld", vocab.prefixes()))
    nodes = {node["@id"]: node for node in document["@graph"]}
    event = nodes["kgr:event/e1"]
    assert sorted(event["@type"]) == ["Conversation", "Event"]
    assert event["agent"] == "kgr:entity/Q6279"
    assert event["participant"] == ["kgr:entity/Q43723"]
    assert event["factuality"] == "Asserted"
    assert event["date"] == "2024-04-13"
    assert event["confidence"] == "0.92"
    assert event["wasDerivedFrom"] == ["kgr:doc/d1"]
    assert event["evidence"] == ["kgr:evidence/v1"]
    assert nodes["kgr:event/e2"]["quote"] == ["ironclad"]
    person = nodes["kgr:entity/Q6279"]
    assert person["sameAs"] == "wd:Q6279"
    assert person["altLabel"] == ["Biden"]
    assert person["stated"] == ["kgr:event/e2"]
    evidence = nodes["kgr:evidence/v1"]
    assert (evidence["start"], evidence["end"], evidence["source"]) == ("0", "27", "kgr:doc/d1")
    assert nodes["kgr:doc/d1"]["published"] == "2024-04-14"


def test_context_has_a_term_for_every_vocabulary_term() -> None:
    with open(resources.context_file(), encoding="utf-8") as fh:
        context = json.load(fh)["@context"]
    expanded = {value if isinstance(value, str) else value["@id"] for value in context.values()}
    names = (
        VOCABULARY_CLASSES
        + VOCABULARY_OBJECT_PROPERTIES
        + VOCABULARY_DATATYPE_PROPERTIES
        + VOCABULARY_INDIVIDUALS
    )
    for name in names:
        assert f"kgo:{name}" in expanded, name
    for prefix in ("kgo", "kgr", "wd", "prov", "dcterms", "skos", "owl", "rdfs", "xsd"):
        assert prefix in context
    for curie in (
        "dcterms:identifier",
        "dcterms:title",
        "dcterms:date",
        "dcterms:source",
        "skos:altLabel",
        "prov:wasDerivedFrom",
        "rdfs:label",
        "owl:sameAs",
    ):
        assert curie in expanded, curie


def test_without_java_the_reasoner_is_reported_missing(monkeypatch) -> None:
    import owlready2

    from kg import validate

    monkeypatch.setattr(owlready2, "JAVA_EXE", "/nonexistent/bin/java")
    validate.java_available.cache_clear()
    try:
        assert not validate.java_available()
        with pytest.raises(validate.ReasonerError, match="Java is not available"):
            check_ontology()
    finally:
        validate.java_available.cache_clear()
