"""The public vocabulary's IRIs, in one place (see ontology/kgbuild.ttl and
../shared/docs/vocabulary.md). Terms are pyoxigraph ``NamedNode`` objects.

Code never glues IRIs from strings elsewhere: it asks a :class:`Namespace` here.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

DEFAULT_BASE = "https://w3id.org/kgbuild/resource/"


class Namespace:
    """``KGO.agent`` or ``KGO["agent"]`` gives the NamedNode of that term."""

    def __init__(self, iri: str) -> None:
        self.iri = iri

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return NamedNode(self.iri + name)

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self.iri + name)

    def __str__(self) -> str:
        return self.iri


KGO = Namespace("https://w3id.org/kgbuild/ontology#")
WD = Namespace("http://www.wikidata.org/entity/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

RDF_TYPE = RDF.type


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes for the serialisers: the vocabulary's, and one per kind of resource."""
    return {
        "kgo": KGO.iri,
        "wd": WD.iri,
        "prov": PROV.iri,
        "dcterms": DCTERMS.iri,
        "skos": SKOS.iri,
        "owl": OWL.iri,
        "rdf": RDF.iri,
        "rdfs": RDFS.iri,
        "xsd": XSD.iri,
        "doc": base + "doc/",
        "entity": base + "entity/",
        "event": base + "event/",
        "evidence": base + "evidence/",
    }
