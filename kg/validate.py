"""Checking a graph against the vocabulary: SHACL shapes and the OWL ontology.

Two checks, for two kinds of mistakes:

* :func:`validate_triples` / :func:`validate_file` / :func:`validate_store` run the SHACL
  shapes of ``shapes/kgbuild.shacl.ttl`` (pyshacl, no inference): the closed-world
  contract of docs/vocabulary.md -- cardinalities, datatypes, allowed values, the classes
  of linked nodes. The result is a :class:`ValidationReport` whose
  :meth:`~ValidationReport.render` says, one line per problem, which node broke which
  rule on which property.

  A graph is validated in pieces of a few thousand nodes (:data:`PIECE_NODES`), so time
  grows linearly and memory stays flat however large the graph: the shapes look one step
  from a node (its own triples, the ``rdf:type`` of the nodes it points to, and the
  triples of the inverse paths the shapes name), so a piece holding some nodes with that
  neighbourhood gives those nodes the same results as the whole graph. A graph with
  blank-node subjects is validated whole.
* :func:`check_ontology` runs the HermiT reasoner (owlready2, needs Java) over
  ``ontology/kgbuild.ttl``, optionally with extra Turtle such as a graph kgbuild wrote,
  and reports whether the whole is logically consistent (a node in two disjoint classes,
  two factuality values, a confidence outside [0, 1] ... make it inconsistent).
"""

from __future__ import annotations

import functools
import itertools
import os
import shutil
import subprocess
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import SH
from rdflib.term import BNode, Node, URIRef

from kg import resources, vocab
from kg.rdfio import read_triples

SHAPES_IRI = "https://w3id.org/kgbuild/shapes#"

#: what went wrong, by SHACL constraint component (the rest say "constraint not met")
_PROBLEMS: dict[str, str] = {
    "MinCountConstraintComponent": "missing value",
    "MaxCountConstraintComponent": "too many values",
    "DatatypeConstraintComponent": "wrong datatype",
    "ClassConstraintComponent": "wrong class",
    "NodeKindConstraintComponent": "wrong kind of node",
    "InConstraintComponent": "value not allowed",
    "HasValueConstraintComponent": "required value missing",
    "PatternConstraintComponent": "value does not match the pattern",
    "MinInclusiveConstraintComponent": "value too small",
    "MaxInclusiveConstraintComponent": "value too large",
    "LessThanOrEqualsConstraintComponent": "value greater than its upper bound",
    "QualifiedMinCountConstraintComponent": "missing class",
    "QualifiedMaxCountConstraintComponent": "too many classes",
    "EqualsConstraintComponent": "values differ",
    "DisjointConstraintComponent": "overlapping values",
}


@dataclass
class Violation:
    """One SHACL result: a node that breaks one rule of one shape.

    ``focus_node``, ``shape`` and ``path`` are IRIs (``_:id`` for blank nodes; an inverse
    path is ``^`` + IRI); ``value`` is the offending value in N-Triples syntax
    (``<iri>`` or ``"1.5"^^<...#decimal>``), or None where the rule is about the node as
    a whole (a missing property, too many values).
    """

    focus_node: str
    shape: str
    path: str | None
    value: str | None
    message: str
    severity: str


@dataclass
class ValidationReport:
    """The outcome of a SHACL validation. Warnings do not make a graph non-conformant."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def render(self, limit: int = 20) -> str:
        """A readable report: a summary line, then one line per problem (``limit`` of them).

        Each line says which node, which property, what is wrong, and which shape::

            event:3f2a kgo:agent: too many values: An event has exactly one kgo:agent ...
              [kgs:Event-agent]
        """
        errors = sum(1 for v in self.violations if v.severity == "Violation")
        others = len(self.violations) - errors
        head = "conforms" if self.conforms else "does not conform"
        summary = f"SHACL: the graph {head}: {errors} violation(s)"
        if others:
            summary += f", {others} warning(s)/info(s)"
        lines = [summary]
        lines += [_render_violation(v) for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"… and {len(self.violations) - limit} more")
        return "\n".join(lines)


@dataclass
class OntologyReport:
    """The outcome of an OWL reasoning run (HermiT) over the ontology and extra data."""

    consistent: bool
    message: str
    unsatisfiable: list[str] = field(default_factory=list)


class ReasonerError(RuntimeError):
    """The reasoner could not run: Java is missing, or HermiT failed (not: inconsistent)."""


# --------------------------------------------------------------------------- SHACL


@functools.cache
def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes, parsed once per process (treat as read-only)."""
    graph = rdflib.Graph()
    graph.parse(resources.shapes_dir() / "kgbuild.shacl.ttl", format="turtle")
    return graph


@functools.cache
def _inverse_predicates() -> tuple[ox.NamedNode, ...]:
    """The predicates the shapes follow backwards: inverse paths, and the predicates
    whose objects they target."""
    shapes = shapes_graph()
    found = {str(p) for kind in (SH.inversePath, SH.targetObjectsOf)
             for p in shapes.objects(None, kind) if isinstance(p, URIRef)}
    return tuple(ox.NamedNode(p) for p in sorted(found))


def to_rdflib(triples: Iterable[ox.Triple]) -> rdflib.Graph:
    """An rdflib Graph of pyoxigraph triples, by way of N-Triples (fast in both libraries)."""
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    if data:
        graph.parse(data=data, format="nt")
    return graph


#: how many nodes are validated together (see the module docstring)
PIECE_NODES = 2000


def validate_triples(triples: Iterable[ox.Triple]) -> ValidationReport:
    """Validate a graph against the kgbuild SHACL shapes (no inference)."""
    store = ox.Store()
    own: dict[ox.NamedNode | ox.BlankNode, list[ox.Triple]] = defaultdict(list)
    for t in triples:
        own[t.subject].append(t)
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for ts in own.values() for t in ts)
    return _validate(store, iter(own.items()))


def validate_file(path: str | os.PathLike[str], fmt: str | None = None) -> ValidationReport:
    """Validate a graph file in any format :mod:`kg.rdfio` reads (by extension or ``fmt``)."""
    return validate_triples(read_triples(path, fmt))


def validate_store(store: ox.Store) -> ValidationReport:
    """Validate the default graph of an on-disk pyoxigraph store, which hands out each
    subject's triples together, so that only one piece is ever in memory."""
    quads = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    subjects = ((subject, [ox.Triple(q.subject, q.predicate, q.object) for q in group])
                for subject, group in itertools.groupby(quads, key=lambda q: q.subject))
    return _validate(store, subjects)


def _validate(store: ox.Store, subjects: Iterator[tuple[ox.NamedNode | ox.BlankNode,
                                                        list[ox.Triple]]]) -> ValidationReport:
    """Validate the store's default graph piece by piece; ``subjects`` gives each subject
    with its triples, each once."""
    if store.query("ASK { ?s ?p ?o FILTER(isBlank(?s)) }"):
        return validate_graph(to_rdflib(t for _, ts in subjects for t in ts))
    violations: list[Violation] = []
    for nodes, triples in _pieces(store, subjects, PIECE_NODES):
        # the neighbours in the piece are checked too, and fail for want of their own
        # triples: only the piece's nodes' results count (pyshacl's focus_nodes option
        # cannot do this: it also filters the value nodes of sh:qualifiedValueShape)
        wanted = {URIRef(n.value) for n in nodes}
        report = validate_graph(to_rdflib(_neighbourhood(store, nodes, triples)), wanted)
        violations.extend(report.violations)
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms=conforms, violations=sorted(violations, key=_sort_key))


def _pieces(store: ox.Store, subjects: Iterator[tuple[ox.NamedNode, list[ox.Triple]]],
            size: int) -> Iterator[tuple[list[ox.NamedNode], list[ox.Triple]]]:
    """The graph's nodes, ``size`` at a time, each piece with its nodes' own triples: the
    subjects, then the IRIs that are only ever objects (shapes may target them, as
    sh:targetObjectsOf does)."""
    while piece := list(itertools.islice(subjects, size)):
        yield [node for node, _ in piece], [t for _, ts in piece for t in ts]
    leaves = [row["o"] for row in store.query(
        "SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER(isIRI(?o)) "
        "FILTER NOT EXISTS { ?o ?q ?r } }")]
    for start in range(0, len(leaves), size):
        yield leaves[start:start + size], []


def _neighbourhood(store: ox.Store, nodes: list[ox.NamedNode],
                   triples: list[ox.Triple]) -> Iterator[ox.Triple]:
    """What the shapes may look at for these nodes: their triples, the types of what they
    point to, and the triples that reach them over the predicates the shapes follow
    backwards."""
    default = ox.DefaultGraph()
    yield from triples
    pointed = {t.object for t in triples if not isinstance(t.object, ox.Literal)}
    for node in pointed:
        for quad in store.quads_for_pattern(node, vocab.RDF_TYPE, None, default):
            yield ox.Triple(quad.subject, quad.predicate, quad.object)
    for node in nodes:
        for predicate in _inverse_predicates():
            for quad in store.quads_for_pattern(None, predicate, node, default):
                yield ox.Triple(quad.subject, quad.predicate, quad.object)


def validate_graph(graph: rdflib.Graph, only: set[URIRef] | None = None) -> ValidationReport:
    """Validate an rdflib Graph; the graph is neither copied nor changed. ``only``: report
    the results of these focus nodes only (the graph still conforms or not as a whole)."""
    import pyshacl

    conforms, results, _ = pyshacl.validate(
        graph,
        shacl_graph=shapes_graph(),
        inference="none",
        inplace=True,
        allow_warnings=True,
        allow_infos=True,
    )
    return ValidationReport(conforms=bool(conforms),
                            violations=_violations(results, graph, only))


def _violations(results: rdflib.Graph, data: rdflib.Graph,
                only: set[URIRef] | None = None) -> list[Violation]:
    found = [_violation(results, node, data) for node in results.objects(None, SH.result)
             if only is None or results.value(node, SH.focusNode) in only]
    return sorted(found, key=_sort_key)


def _sort_key(v: Violation) -> tuple[int, str, str, str, str]:
    return (v.severity != "Violation", v.focus_node, v.path or "", v.shape, v.value or "")


def _violation(results: rdflib.Graph, result: Node, data: rdflib.Graph) -> Violation:
    focus = results.value(result, SH.focusNode)
    shape = results.value(result, SH.sourceShape)
    value = results.value(result, SH.value)
    component = results.value(result, SH.sourceConstraintComponent)
    severity = results.value(result, SH.resultSeverity)
    path = _path_text(results.value(result, SH.resultPath), shape)
    message = _message(results, result, component)
    if (
        value is None
        and path
        and component in (SH.MinCountConstraintComponent, SH.MaxCountConstraintComponent)
    ):
        message += f" (found {_count(data, focus, path)})"
    return Violation(
        focus_node=_node_text(focus),
        shape=_node_text(shape),
        path=path,
        value=value.n3() if value is not None else None,
        message=message,
        severity=_local_name(severity) if severity is not None else "Violation",
    )


def _message(results: rdflib.Graph, result: Node, component: Node | None) -> str:
    texts = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    text = " ".join(texts) or "constraint not met"
    problem = _PROBLEMS.get(_local_name(component) if component is not None else "")
    return f"{problem}: {text}" if problem else text


def _path_text(path: Node | None, shape: Node | None) -> str | None:
    """A result path as an IRI, or ``^IRI`` for an inverse path (read from the shapes)."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    shapes = shapes_graph()
    declared = shapes.value(shape, SH.path) if shape is not None else None
    for candidate in (declared, path):
        if candidate is None:
            continue
        inverse = shapes.value(candidate, SH.inversePath)
        if isinstance(inverse, URIRef):
            return "^" + str(inverse)
    return _node_text(path)


def _count(data: rdflib.Graph, focus: Node | None, path: str) -> int:
    if focus is None:
        return 0
    if path.startswith("^"):
        return sum(1 for _ in data.subjects(URIRef(path[1:]), focus))
    return sum(1 for _ in data.objects(focus, URIRef(path)))


def _node_text(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _local_name(node: Node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@functools.cache
def _render_prefixes() -> tuple[tuple[str, str], ...]:
    """Prefixes for the report, longest namespace first so the most specific one wins."""
    names = dict(vocab.prefixes())
    names["kgs"] = SHAPES_IRI
    return tuple(sorted(names.items(), key=lambda item: -len(item[1])))


def _compact(iri: str) -> str:
    """``kgo:agent`` for a known namespace, ``<iri>`` otherwise; ``^`` paths kept."""
    if iri.startswith("^"):
        return "^" + _compact(iri[1:])
    if iri.startswith("_:"):
        return iri
    for prefix, namespace in _render_prefixes():
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and local and "/" not in local and "#" not in local:
            return f"{prefix}:{local}"
    return f"<{iri}>"


def _compact_value(value: str, width: int = 80) -> str:
    """A value for the report: IRIs and datatypes compacted, long literals shortened."""
    if value.startswith("<") and value.endswith(">"):
        return _compact(value[1:-1])
    suffix = ""
    if "^^<" in value and value.endswith(">"):
        value, datatype = value.rsplit("^^<", 1)
        suffix = "^^" + _compact(datatype[:-1])
    if len(value) > width:
        value = value[: width - 2] + "…" + value[-1]
    return value + suffix


def _render_violation(v: Violation) -> str:
    where = _compact(v.focus_node)
    if v.path:
        where += f" {_compact(v.path)}"
    text = f"{where}: {v.message}"
    if v.value is not None:
        text += f" (value: {_compact_value(v.value)})"
    level = "" if v.severity == "Violation" else f", {v.severity.lower()}"
    return f"- {text} [{_compact(v.shape)}{level}]"


# --------------------------------------------------------------------------- OWL


@functools.cache
def java_available() -> bool:
    """Whether the Java runtime that owlready2 runs HermiT with can be started."""
    import owlready2

    java = shutil.which(owlready2.JAVA_EXE) or (
        owlready2.JAVA_EXE if os.access(owlready2.JAVA_EXE, os.X_OK) else None
    )
    if not java:
        return False
    try:
        done = subprocess.run([java, "-version"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def check_ontology(extra_turtle: str | None = None) -> OntologyReport:
    """Run HermiT over the ontology, plus ``extra_turtle`` (individuals, axioms) if given.

    Raises :class:`ReasonerError` when Java is missing or the reasoner fails. Literals of
    datatypes outside the OWL 2 datatype map (``xsd:date``) are accepted and not reasoned
    about: the SHACL shapes check them.
    """
    if not java_available():
        raise ReasonerError("Java is not available: HermiT (owlready2) needs a `java` on PATH")
    graph = rdflib.Graph()
    graph.parse(resources.ontology_file(), format="turtle")
    if extra_turtle:
        graph.parse(data=extra_turtle, format="turtle")
    with tempfile.TemporaryDirectory(prefix="kgbuild-owl-") as tmp:
        source = Path(tmp) / "ontology.nt"
        graph.serialize(destination=source, format="nt", encoding="utf-8")
        return _run_hermit(source)


def _run_hermit(source: Path) -> OntologyReport:
    import owlready2

    world = owlready2.World()
    try:
        world.get_ontology(source.as_uri()).load()
        started = time.perf_counter()
        try:
            owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
        except owlready2.OwlReadyInconsistentOntologyError:
            seconds = time.perf_counter() - started
            return OntologyReport(
                consistent=False,
                message=f"inconsistent: HermiT found a contradiction ({seconds:.1f} s); look "
                "for a node in two disjoint classes, two values of a functional property "
                "(kgo:agent, kgo:factuality, ...), a confidence outside [0, 1], or a "
                "property used outside its domain",
            )
        except owlready2.OwlReadyJavaError as exc:
            raise ReasonerError(f"HermiT failed: {exc}") from exc
        seconds = time.perf_counter() - started
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes())
    finally:
        world.close()
    return _consistent_report(unsatisfiable, seconds)


def _consistent_report(unsatisfiable: list[str], seconds: float) -> OntologyReport:
    if unsatisfiable:
        names = ", ".join(_compact(iri) for iri in unsatisfiable)
        message = f"consistent, but unsatisfiable classes: {names} ({seconds:.1f} s)"
    else:
        message = f"consistent (HermiT, {seconds:.1f} s)"
    return OntologyReport(consistent=True, message=message, unsatisfiable=unsatisfiable)
