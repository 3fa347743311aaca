"""``kgbuild load`` against a real triple store: Virtuoso Open Source 7 from Debian.

A throwaway Virtuoso (``virtuoso-t``, package virtuoso-opensource-7-bin, which ``.ci/run``
installs) is started on free 127.0.0.1 ports with a fresh database in a temporary folder,
and stopped afterwards. Graphs are loaded through the SPARQL 1.1 Graph Store HTTP
Protocol (``/sparql-graph-crud-auth``, HTTP Digest as dba/dba, the password of a fresh
database), then SELECT queries, the example queries among them, must give the same rows
in Virtuoso (``/sparql`` with ``default-graph-uri``) as in pyoxigraph over the same file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from typer.testing import CliRunner

from kg import rdfio
from kg.cli import EXIT_OUTPUT, app
from kg.load import LoadError, load, read_graphs
from kg.model import DocResult, Document, Entity, EntityType, Event, Evidence, Factuality, Relation
from kg.rdf import GraphBuilder
from kg.vocab import prefixes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
USER, PASSWORD = "dba", "dba"  # a fresh Virtuoso database's administrator
STARTUP_SECONDS = 90


def virtuoso_binary() -> str | None:
    """``virtuoso-t`` on PATH or where the Debian and OpenLink packages put it."""
    found = shutil.which("virtuoso-t")
    if found:
        return found
    for candidate in ("/usr/bin/virtuoso-t", "/usr/lib/virtuoso-opensource-7/bin/virtuoso-t",
                      "/usr/local/virtuoso-opensource/bin/virtuoso-t",
                      "/opt/virtuoso-opensource/bin/virtuoso-t"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {dir}
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@dataclass
class Virtuoso:
    base: str
    startup: float

    @property
    def sparql(self) -> str:
        return f"{self.base}/sparql"

    @property
    def crud(self) -> str:
        """The Graph Store endpoint that wants HTTP Digest credentials."""
        return f"{self.base}/sparql-graph-crud-auth"

    def select(self, query: str, graph: str) -> tuple[list[str], set[tuple[str, ...]]]:
        response = requests.post(
            self.sparql, data={"query": query, "default-graph-uri": graph},
            headers={"Accept": "application/sparql-results+json"}, timeout=60)
        assert response.ok, f"{response.status_code}: {response.text[:500]}"
        data = response.json()
        names = data["head"]["vars"]
        rows = {tuple(_json_term(b.get(v)) for v in names)
                for b in data["results"]["bindings"]}
        return names, rows

    def count(self, graph: str) -> int:
        _, rows = self.select(f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}",
                              graph)
        [(n,)] = rows
        return int(n.split("^^")[0])

    def dump(self, graph: str) -> list[ox.Triple]:
        """The graph as the Graph Store endpoint gives it back (GET)."""
        response = requests.get(self.crud, params={"graph": graph},
                                headers={"Accept": "application/n-triples"},
                                auth=requests.auth.HTTPDigestAuth(USER, PASSWORD), timeout=60)
        assert response.ok, response.text[:300]
        return list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    binary = virtuoso_binary()
    if binary is None:
        pytest.skip("virtuoso-t is not installed (apt-get install virtuoso-opensource-7-bin; "
                    ".ci/run does it)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(dir=folder, sql_port=sql_port, http_port=http_port),
                   encoding="utf-8")
    base = f"http://127.0.0.1:{http_port}"
    log = open(folder / "stdout.log", "wb")  # noqa: SIM115 (closed in the finally)
    started = time.monotonic()
    process = subprocess.Popen([binary, "+configfile", str(ini), "+foreground"], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"virtuoso-t exited with {process.returncode}:\n"
                            + _tail(folder / "stdout.log"))
            if time.monotonic() - started > STARTUP_SECONDS:
                pytest.fail(f"virtuoso-t did not answer on {base} within {STARTUP_SECONDS} s:\n"
                            + _tail(folder / "stdout.log"))
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{base}/sparql", params={"query": "ASK {}"},
                                timeout=2).status_code == 200:
                    break
            time.sleep(0.2)
        yield Virtuoso(base, time.monotonic() - started)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def _tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


# -- terms as strings, the same way for both stores -------------------------------------


def _json_term(binding: dict | None) -> str:
    if binding is None:
        return ""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return value
    if kind == "bnode":
        return "_:"
    if "xml:lang" in binding:
        return f"{value}@{binding['xml:lang']}"
    datatype = binding.get("datatype")
    return f"{value}^^{datatype}" if datatype and datatype != XSD_STRING else value


def _ox_term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:"
    if term.language:
        return f"{term.value}@{term.language}"
    datatype = term.datatype.value
    return f"{term.value}^^{datatype}" if datatype != XSD_STRING else term.value


def oxigraph_select(path: Path, query: str) -> tuple[list[str], set[tuple[str, ...]]]:
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object)
                      for t in rdfio.read_triples(path))
    result = store.query(query)
    names = [v.value for v in result.variables]
    return names, {tuple(_ox_term(row[name]) for name in names) for row in result}


def with_prefixes(query: str) -> str:
    """The query, with kgbuild's prefixes declared where it does not declare them."""
    missing = [f"PREFIX {name}: <{iri}>" for name, iri in prefixes().items()
               if not re.search(rf"(?im)^\s*PREFIX\s+{name}:", query)]
    return "\n".join([*missing, query])


# -- the graphs --------------------------------------------------------------------------

TRICKY = 'He said "no"\nthen left \\ — «ünïcödé» 🚀 é\t\x0b end'


def sample_graph() -> list[ox.Triple]:
    """A hand-made graph on which every example query has answers, with literals that
    break naive writers and readers: quotes, newlines, backslashes, non-ASCII, an emoji,
    xsd:date and xsd:decimal values, and Joe Biden linked to wd:Q6279."""
    text = ("Friedrich Merz spoke with Emmanuel Macron and Donald Tusk. Russia attacked "
            "Kharkiv. Keir Starmer convened European leaders. " + TRICKY
            + ' Merz said: "Europe must carry more of its own weight."')
    europe_at = text.index(" Merz said")
    call = Document(id="call.txt", text=text, title=f"Call «{TRICKY}»",
                    date=dt.date(2025, 3, 2), url="https://example.org/call?a=1&b=2")
    other = Document(id='dir/odd "name".md', text="Biden spoke with Netanyahu. Russia "
                     "attacked Kharkiv again. Merz called Tusk.", date=dt.date(2024, 4, 14))

    def person(key: str, label: str, **kw) -> Entity:
        return Entity(key, label, EntityType.PERSON, **kw)

    entities = {
        "merz": person("merz", "Friedrich Merz", alt_labels={"Merz", "Bundeskanzler Merz"},
                       wikidata="Q566257", link_confidence=0.9),
        "macron": person("macron", "Emmanuel Macron", wikidata="Q3052772",
                         link_confidence=0.875),
        "tusk": person("tusk", "Donald Tusk", wikidata="Q946", link_confidence=0.95),
        "europe": Entity("europe", "Europe", EntityType.LOCATION, alt_labels={"EU"}),
        "starmer": person("starmer", "Keir Starmer"),
        "russia": Entity("russia", "Russia", EntityType.LOCATION, wikidata="Q159",
                         link_confidence=1.0),
        "ukraine": Entity("ukraine", "Ukraine", EntityType.LOCATION),
        "kharkiv": Entity("kharkiv", "Kharkiv", EntityType.LOCATION),
        "poland": Entity("poland", "Poland", EntityType.LOCATION),
        "lithuania": Entity("lithuania", "Lithuania", EntityType.LOCATION),
        "leaders": Entity("leaders", "European leaders", EntityType.GROUP),
        "odd": person("odd", TRICKY, alt_labels={'"quoted"', "Zoë"}),
    }

    def evidence(doc: Document, start: int, end: int, fact: Factuality) -> Evidence:
        return Evidence(doc.id, doc.text[start:end], start, end, fact)

    A, F, H, N = (Factuality.ASSERTED, Factuality.FUTURE, Factuality.HYPOTHETICAL,
                  Factuality.NEGATED)
    events = [
        Event(Relation.SPOKE_WITH, "merz", ("macron", "tusk"), date=dt.date(2025, 3, 2),
              confidence=0.92, evidence=[evidence(call, 0, 58, A)]),
        Event(Relation.STATED, "merz", quotes=("Nobody else will do it for us.", TRICKY),
              confidence=0.8, evidence=[evidence(call, 0, 58, A)]),
        Event(Relation.STATED, "merz", quotes=("Europe must carry more of its own weight.",),
              confidence=0.75, evidence=[evidence(call, europe_at + 1, len(text), A)]),
        Event(Relation.ATTACKED, "russia", ("kharkiv",), date=dt.date(2025, 3, 1),
              confidence=0.875, evidence=[evidence(call, 59, 83, A),
                                          evidence(other, 28, 57, A)]),
        Event(Relation.ATTACKED, "ukraine", ("russia",), confidence=0.5,
              evidence=[evidence(call, 59, 70, A)]),
        Event(Relation.CONVENED, "starmer", ("leaders",), date=dt.date(2025, 3, 9),
              factuality=F, confidence=0.7, evidence=[evidence(call, 84, 126, F)]),
        Event(Relation.CONVENED, "starmer", ("leaders",), date=dt.date(2025, 3, 2),
              confidence=1.0, evidence=[evidence(call, 84, 127, A)]),
        Event(Relation.ATTACKED, "poland", ("russia",), factuality=N, confidence=0.6,
              evidence=[evidence(call, 127, 140, N)]),
        Event(Relation.ATTACKED, "russia", ("lithuania",), factuality=H, confidence=0.35,
              evidence=[evidence(call, 59, 83, H)]),
        Event(Relation.STATED, "odd", quotes=(TRICKY,), factuality=A, confidence=0.05,
              evidence=[evidence(call, 127, len(text), A)]),
    ]
    biden = {
        "biden": person("biden", "Joe Biden", wikidata="Q6279", link_confidence=0.97),
        "netanyahu": person("netanyahu", "Benjamin Netanyahu", wikidata="Q43723",
                            link_confidence=0.9),
    }
    biden["merz"], biden["tusk"] = entities["merz"], entities["tusk"]
    biden_events = [
        Event(Relation.SPOKE_WITH, "biden", ("netanyahu",), date=dt.date(2024, 4, 13),
              confidence=0.9, evidence=[evidence(other, 0, 27, A)]),
        Event(Relation.SPOKE_WITH, "merz", ("tusk",), confidence=0.66,
              evidence=[evidence(other, 58, len(other.text), A)]),
    ]
    results = [DocResult(call, entities, events), DocResult(other, biden, biden_events)]
    return list(GraphBuilder().triples(results))


@pytest.fixture(scope="module")
def small_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graphs") / "small.ttl"
    rdfio.write_graph(sample_graph(), path, "turtle", prefixes())
    return path


@pytest.fixture(scope="module")
def example_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus's graph, written as TriG (a quad format)."""
    from kg import build

    path = tmp_path_factory.mktemp("graphs") / "example.trig"
    build([ROOT / "examples" / "corpus"], path, validate=False)
    return path


SMALL = "https://example.org/kgbuild-test/small"
EXAMPLE = "https://example.org/kgbuild-test/example"


@pytest.fixture(scope="module")
def loaded(virtuoso: Virtuoso, small_file: Path, example_file: Path) -> Virtuoso:
    """The small graph loaded by the function (in chunks), the example graph by the CLI."""
    seen: list[int] = []
    result = load(small_file, virtuoso.crud, graph=SMALL, user=USER, password=PASSWORD,
                  replace=True, chunk_size=25, on_progress=lambda s, t, g: seen.append(s))
    assert result.triples == len(set(rdfio.read_triples(small_file)))
    assert result.requests == len(seen) > 2 and seen[-1] == result.triples
    cli = run("load", str(example_file), "--endpoint", virtuoso.crud, "--graph", EXAMPLE,
              "--user", USER, "--password", PASSWORD, "--replace")
    assert cli.exit_code == 0, cli.output
    assert "triples" in cli.stdout
    return virtuoso


def run(*args: str, env: dict[str, str | None] | None = None):
    return CliRunner().invoke(app, list(args), env={"KGBUILD_PASSWORD": None,
                                                    "KGBUILD_USER": None, **(env or {})})


# -- the tests ---------------------------------------------------------------------------


def test_virtuoso_starts_quickly(virtuoso: Virtuoso):
    print(f"Virtuoso answered after {virtuoso.startup:.1f} s")
    assert virtuoso.startup < STARTUP_SECONDS


def test_every_triple_arrives_unchanged(loaded: Virtuoso, small_file: Path,
                                        example_file: Path):
    for graph, path in ((SMALL, small_file), (EXAMPLE, example_file)):
        expected = rdfio.read_triples(path)
        assert loaded.count(graph) == len(set(expected))
        assert rdfio.to_ntriples(loaded.dump(graph)) == rdfio.to_ntriples(expected)


QUERIES = {
    "labels": "SELECT ?entity ?label WHERE { ?entity rdfs:label ?label }",
    "alt-labels": "SELECT ?entity ?alt WHERE { ?entity skos:altLabel ?alt }",
    "same-as": "SELECT ?entity ?wd ?c WHERE { ?entity owl:sameAs ?wd ; "
               "kgo:linkConfidence ?c }",
    "biden-by-wikidata": "SELECT ?class ?other ?date WHERE { ?biden owl:sameAs wd:Q6279 . "
                         "?event kgo:agent ?biden ; a ?class ; kgo:date ?date ; "
                         "kgo:participant/rdfs:label ?other FILTER (?class != kgo:Event) }",
    "events": "SELECT ?event ?class ?fact ?date ?confidence WHERE { ?event a ?class ; "
              "kgo:factuality ?fact ; kgo:confidence ?confidence "
              "OPTIONAL { ?event kgo:date ?date } }",
    "quotes": "SELECT ?speaker ?quote WHERE { ?event kgo:agent/rdfs:label ?speaker ; "
              "kgo:quote ?quote }",
    "evidence": "SELECT ?ev ?text ?start ?end ?doc WHERE { ?ev a kgo:Evidence ; "
                "kgo:text ?text ; kgo:start ?start ; kgo:end ?end ; "
                "dcterms:source/dcterms:identifier ?doc }",
    "documents": "SELECT ?id ?title ?date ?url WHERE { ?doc a kgo:Document ; "
                 "dcterms:identifier ?id OPTIONAL { ?doc dcterms:title ?title } "
                 "OPTIONAL { ?doc dcterms:date ?date } OPTIONAL { ?doc dcterms:source ?url } }",
    "after-a-date": "SELECT ?event ?date WHERE { ?event kgo:date ?date "
                    'FILTER (?date >= "2025-03-01"^^xsd:date) }',
    "sure-events": "SELECT ?event ?c WHERE { ?event kgo:confidence ?c FILTER (?c >= 0.875) }",
    "by-tricky-label": f"SELECT ?alt WHERE {{ ?e rdfs:label {ox.Literal(TRICKY)} ; "
                       "skos:altLabel ?alt }",
    "per-class": "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class",
    "shortcuts": "SELECT ?a ?p ?b WHERE { ?a ?p ?b "
                 "FILTER (?p IN (kgo:spokeWith, kgo:attacked, kgo:convened, kgo:stated)) }",
}


@pytest.mark.parametrize("name", list(QUERIES))
def test_queries_agree_on_the_small_graph(loaded: Virtuoso, small_file: Path, name: str):
    query = with_prefixes(QUERIES[name])
    names, expected = oxigraph_select(small_file, query)
    assert expected, f"{name} has no answer on the test graph: a weak test"
    assert loaded.select(query, SMALL) == (names, expected)


@pytest.mark.parametrize("query", EXAMPLE_QUERIES, ids=[q.stem for q in EXAMPLE_QUERIES])
def test_example_queries_agree(loaded: Virtuoso, small_file: Path, example_file: Path,
                               query: Path):
    """Every query of examples/queries/, on the small graph and on the example corpus's."""
    text = with_prefixes(query.read_text(encoding="utf-8"))
    answered = 0
    for path, iri in ((small_file, SMALL), (example_file, EXAMPLE)):
        names, expected = oxigraph_select(path, text)
        answered += bool(expected)
        assert loaded.select(text, iri) == (names, expected), f"{query.name} on {path.name}"
    assert answered, f"{query.name} has no answer on either graph: a weak comparison"


def test_from_clause_selects_the_graph(loaded: Virtuoso):
    query = with_prefixes("SELECT ?name FROM <%s> WHERE { ?e owl:sameAs wd:Q6279 ; "
                          "rdfs:label ?name }")
    assert loaded.select(query % SMALL, SMALL)[1] == {("Joe Biden",)}
    assert loaded.select(query % EXAMPLE, EXAMPLE)[1] == set()


def test_post_adds_and_replace_replaces(loaded: Virtuoso, tmp_path: Path):
    graph = "https://example.org/kgbuild-test/replace"
    first, second = tmp_path / "first.nt", tmp_path / "second.jsonld"
    triples = sample_graph()
    rdfio.write_graph(triples[:40], first, "nt", prefixes())
    rdfio.write_graph(triples[30:60], second, "jsonld", prefixes())
    assert load(first, loaded.crud, graph=graph, user=USER, password=PASSWORD).triples == 40
    result = run("load", str(second), "--endpoint", loaded.crud, "--graph", graph,
                 "--user", USER, env={"KGBUILD_PASSWORD": PASSWORD})
    assert result.exit_code == 0, result.output
    assert loaded.count(graph) == len(set(triples[:60]))  # POST merges: 40 + 30 - 10
    result = run("load", str(second), "--endpoint", loaded.crud, "--graph", graph,
                 "--user", USER, "--password", PASSWORD, "--replace", "--chunk-size", "7")
    assert result.exit_code == 0, result.output
    assert "replaced 30 triples" in result.stdout
    assert rdfio.to_ntriples(loaded.dump(graph)) == rdfio.to_ntriples(triples[30:60])


def test_named_graphs_of_a_quad_file_go_to_their_own_graph(loaded: Virtuoso, tmp_path: Path):
    triples = sample_graph()
    g1, g2 = "https://example.org/kgbuild-test/g1", "https://example.org/kgbuild-test/g2"
    default = "https://example.org/kgbuild-test/default"
    quads = ([ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g1)) for t in triples[:5]]
             + [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g2))
                for t in triples[5:8]]
             + [ox.Quad(t.subject, t.predicate, t.object) for t in triples[8:10]])
    path = tmp_path / "named.nq"
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    assert {k: len(v) for k, v in read_graphs(path).items()} == {g1: 5, g2: 3, None: 2}
    result = load(path, loaded.crud, graph=default, user=USER, password=PASSWORD)
    assert result.graphs == {g1: 5, g2: 3, default: 2}
    assert (loaded.count(g1), loaded.count(g2), loaded.count(default)) == (5, 3, 2)


def test_wrong_password_is_a_clear_error(loaded: Virtuoso, small_file: Path):
    graph = "https://example.org/kgbuild-test/never"
    result = run("load", str(small_file), "--endpoint", loaded.crud, "--graph", graph,
                 "--user", USER, "--password", "not-the-password")
    assert result.exit_code == EXIT_OUTPUT
    assert "refused the credentials of user 'dba' (HTTP 401)" in result.stderr
    assert "--password" in result.stderr
    assert loaded.count(graph) == 0
    with pytest.raises(LoadError, match="asks for credentials"):
        load(small_file, loaded.crud, graph=graph)


def test_anonymous_endpoint_explains_the_auth_endpoint(loaded: Virtuoso, small_file: Path):
    result = run("load", str(small_file), "--endpoint", f"{loaded.base}/sparql-graph-crud",
                 "--graph", "https://example.org/kgbuild-test/never")
    assert result.exit_code == EXIT_OUTPUT
    assert "HTTP 403" in result.stderr and "sparql-graph-crud-auth" in result.stderr


def test_virtuoso_has_no_default_graph_to_load_into(loaded: Virtuoso, small_file: Path):
    with pytest.raises(LoadError, match="give --graph"):
        load(small_file, loaded.crud, user=USER, password=PASSWORD)


def test_nothing_listening_is_a_clear_error(small_file: Path):
    port = free_port()  # bound, then released: nothing listens there
    endpoint = f"http://127.0.0.1:{port}/sparql-graph-crud-auth"
    result = run("load", str(small_file), "--endpoint", endpoint, "--graph", SMALL)
    assert result.exit_code == EXIT_OUTPUT
    assert f"no store answered at {endpoint}" in result.stderr


def test_the_installed_command(loaded: Virtuoso, small_file: Path):
    """The real entry point in a child process, the password from the environment."""
    graph = "https://example.org/kgbuild-test/process"
    env = {**os.environ, "KGBUILD_PASSWORD": PASSWORD}
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "load", str(small_file), "--endpoint", loaded.crud,
         "--graph", graph, "--user", USER], env=env, capture_output=True, text=True,
        timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    n = len(set(rdfio.read_triples(small_file)))
    assert done.stdout.startswith(f"loaded {n} triples at {loaded.crud}")
    assert loaded.count(graph) == n
