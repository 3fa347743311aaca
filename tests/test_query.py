"""kgbuild query: SPARQL over a graph file or a store folder, its output formats, its
errors, and every example query of examples/queries/ on a small hand-made graph."""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg import query as kq
from kg import rdfio, vocab
from kg.cli import EXIT_INPUT, EXIT_OUTPUT, EXIT_USAGE, app
from kg.model import DocResult, Document, Entity, EntityType, Event, Evidence, Factuality, Relation
from kg.rdf import GraphBuilder
from kg.vocab import DEFAULT_BASE, RDF_TYPE, prefixes

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "examples" / "queries"
KGO = "https://w3id.org/kgbuild/ontology#"
A, F, N = Factuality.ASSERTED, Factuality.FUTURE, Factuality.NEGATED
ODD = 'Dr. "Odd"\nNewline \\ 🚀 东京'  # a label that must stay on one table row


def run(*args: str):
    return CliRunner().invoke(app, list(args))


# -- the graph ---------------------------------------------------------------------------

def small_graph() -> list[ox.Triple]:
    """Three documents on which every example query has an answer: a call reported twice
    (merged into one event of two documents), an attack reported twice, statements about
    Europe by its label and by an alternative name, events on 2025-03-02."""
    call = Document("call.txt", "…", "Merz and Tusk", dt.date(2025, 3, 2))
    wire = Document("wire.txt", "…", "Wire", dt.date(2025, 3, 1))
    strikes = Document("strikes.md", "…", "Strikes", dt.date(2025, 2, 11))

    def person(key: str, label: str, qid: str | None = None, alts=()) -> Entity:
        return Entity(key, label, EntityType.PERSON, set(alts), qid, 0.9 if qid else None)

    def place(key: str, label: str, qid: str | None = None, alts=()) -> Entity:
        return Entity(key, label, EntityType.LOCATION, set(alts), qid, 0.9 if qid else None)

    merz = person("merz", "Friedrich Merz", "Q566257", {"Merz"})
    tusk = person("tusk", "Donald Tusk", "Q946")
    macron = person("macron", "Emmanuel Macron")
    starmer = person("starmer", "Keir Starmer")
    zelensky = person("zelensky", "Volodymyr Zelensky")
    odd = person("odd", ODD)
    europe = place("europe", "Europe", alts={"Old Continent"})
    russia = place("russia", "Russia", "Q159")
    ukraine = place("ukraine", "Ukraine", "Q212")
    poland = place("poland", "Poland", "Q36")
    kharkiv = place("kharkiv", "Kharkiv")
    leaders = Entity("leaders", "European leaders", EntityType.GROUP)

    def ev(doc: Document, start: int, text: str, fact: Factuality = A) -> Evidence:
        return Evidence(doc.id, text, start, start + len(text), fact)

    call_events = [
        Event(Relation.SPOKE_WITH, "tusk", ("merz",), date=dt.date(2025, 2, 28),
              confidence=0.9, evidence=[ev(call, 0, "Tusk spoke with Merz on Friday.")]),
        Event(Relation.SPOKE_WITH, "merz", ("macron",), factuality=F,
              date=dt.date(2025, 3, 2), evidence=[ev(call, 40, "Merz will call Macron.", F)]),
        Event(Relation.STATED, "merz", quotes=("Europe has to carry more of its own weight",),
              evidence=[ev(call, 80, "“Europe has to carry more of its own weight,” he said.")]),
        Event(Relation.STATED, "merz", quotes=("Nobody else will do it for us.",),
              evidence=[ev(call, 140, "“Nobody else will do it for us,” Merz said of the "
                                      "Old Continent.")]),
        Event(Relation.STATED, "merz", quotes=("Taxes will fall.",),
              evidence=[ev(call, 220, "“Taxes will fall,” Merz said.")]),
        Event(Relation.STATED, "starmer", quotes=("Europe must step up",),
              evidence=[ev(call, 260, "“Europe must step up,” Starmer said.")]),
        Event(Relation.CONVENED, "starmer", ("leaders",), date=dt.date(2025, 3, 2),
              evidence=[ev(call, 300, "Starmer convened European leaders on Sunday.")]),
        Event(Relation.SPOKE_WITH, "starmer", ("zelensky",),
              evidence=[ev(call, 350, "Starmer met Zelensky.")]),
        Event(Relation.STATED, "odd", quotes=(ODD,), evidence=[ev(call, 380, ODD)]),
    ]
    wire_events = [
        Event(Relation.SPOKE_WITH, "merz", ("tusk",), date=dt.date(2025, 2, 28),
              confidence=0.8, evidence=[ev(wire, 0, "Merz and Tusk spoke on Friday.")]),
        Event(Relation.ATTACKED, "russia", ("kharkiv",), date=dt.date(2025, 2, 11),
              evidence=[ev(wire, 40, "Russia struck Kharkiv on 11 February.")]),
    ]
    strike_events = [
        Event(Relation.ATTACKED, "russia", ("kharkiv",), date=dt.date(2025, 2, 11),
              evidence=[ev(strikes, 0, "Russia launched drones at Kharkiv overnight.")]),
        Event(Relation.ATTACKED, "ukraine", ("russia",), date=dt.date(2025, 2, 10),
              evidence=[ev(strikes, 50, "Ukrainian drones struck Russia.")]),
        Event(Relation.ATTACKED, "poland", ("russia",), factuality=N,
              evidence=[ev(strikes, 90, "Poland will not strike Russia.", N)]),
    ]
    entities = {e.key: e for e in (merz, tusk, macron, starmer, zelensky, odd, europe,
                                   russia, ukraine, poland, kharkiv, leaders)}
    results = [DocResult(call, entities, call_events), DocResult(wire, entities, wire_events),
               DocResult(strikes, entities, strike_events)]
    return list(GraphBuilder().triples(results))


#: every example query's answer on the small graph, as CSV rows (header first); a new
#: query in examples/queries/ needs its answer here
EXPECTED: dict[str, list[list[str]]] = {
    "who-spoke-with": [["name", "date", "factuality", "documents"],
                       ["Donald Tusk", "2025-02-28", "Asserted", "2"],
                       ["Emmanuel Macron", "2025-03-02", "Future", "1"]],
    "attacks-by-several-sources": [["attacker", "target", "date", "factuality", "documents"],
                                   ["Russia", "Kharkiv", "2025-02-11", "Asserted", "2"]],
    "said-about": [["date", "quote", "doc"],
                   ["2025-03-02", "Europe has to carry more of its own weight", "call.txt"],
                   ["2025-03-02", "Nobody else will do it for us.", "call.txt"]],
    "events-on-date": [["class", "agent", "factuality"],
                       [KGO + "Convening", "Keir Starmer", KGO + "Asserted"],
                       [KGO + "Conversation", "Friedrich Merz", KGO + "Future"]],
    "events-by-wikidata-id": [["class", "agent", "date", "factuality", "documents"],
                              ["Conversation", "Donald Tusk", "2025-02-28", "Asserted", "2"]],
    "statements-by": [["quote", "doc"],
                      ["Europe has to carry more of its own weight", "call.txt"],
                      ["Nobody else will do it for us.", "call.txt"],
                      ["Taxes will fall.", "call.txt"]],
    "attacks": [["attacker", "target"], ["Russia", "Kharkiv"], ["Ukraine", "Russia"]],
    "planned-and-not": [["agent", "other", "factuality"],
                        ["Friedrich Merz", "Emmanuel Macron", KGO + "Future"],
                        ["Poland", "Russia", KGO + "Negated"]],
}

#: a triple only in a named graph of the store: no query may see it
HIDDEN = ox.Quad(ox.NamedNode(DEFAULT_BASE + "entity/hidden"),
                 ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                 ox.Literal("Hidden Person"), ox.NamedNode(DEFAULT_BASE + "doc/internal"))


@pytest.fixture(scope="module")
def triples() -> list[ox.Triple]:
    return small_graph()


@pytest.fixture(scope="module")
def graph(triples, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "small.ttl"
    rdfio.write_graph(triples, path, "turtle", prefixes())
    return path


def make_store(path: Path, triples: list[ox.Triple]) -> Path:
    store = ox.Store(str(path))
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    store.add(HIDDEN)
    # a conversation with Merz in a named graph: who-spoke-with must not list it
    ghost = ox.NamedNode(DEFAULT_BASE + "event/ghost")
    graph = HIDDEN.graph_name
    store.extend(ox.Quad(ghost, p, o, graph) for p, o in [
        (RDF_TYPE, vocab.KGO.Conversation),
        (vocab.KGO.agent, ox.NamedNode(DEFAULT_BASE + "entity/Q566257")),
        (vocab.KGO.participant, HIDDEN.subject), (vocab.KGO.factuality, vocab.KGO.Asserted),
        (vocab.PROV.wasDerivedFrom, graph)])
    store.flush()
    del store
    gc.collect()
    return path


@pytest.fixture(scope="module")
def store(triples, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("store") / "store", triples)


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


# -- the example queries -----------------------------------------------------------------

def test_every_example_query_is_checked_here():
    names = sorted(p.stem for p in QUERIES.glob("*.rq"))
    assert names and names == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_query_answers_on_a_graph_file_and_on_a_store(graph: Path, store: Path,
                                                               name: str):
    path = QUERIES / f"{name}.rq"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ") and "ORDER BY" in text  # a header, a deterministic order
    assert "To change it" in text
    assert rows(kq.query(graph, path, "csv")) == EXPECTED[name]
    assert rows(kq.query(store, path, "csv")) == EXPECTED[name]


def test_example_query_through_the_command_line(store: Path):
    result = run("query", f"{store}/", str(QUERIES / "who-spoke-with.rq"), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert rows(result.stdout.encode()) == EXPECTED["who-spoke-with"]


# -- sources -----------------------------------------------------------------------------

@pytest.mark.parametrize("ext", [".ttl", ".jsonld", ".nt", ".nq", ".trig", ".nt.gz"])
def test_every_graph_format_gives_the_same_answer(triples, tmp_path: Path, ext: str):
    path = tmp_path / f"g{ext}"
    fmt = rdfio.format_for(path)
    data = rdfio.serialize(triples, fmt, prefixes())
    if ext.endswith(".gz"):
        import gzip

        data = gzip.compress(data)
    path.write_bytes(data)
    answer = kq.query(path, QUERIES / "who-spoke-with.rq", "csv")
    assert rows(answer) == EXPECTED["who-spoke-with"]


def test_named_graphs_of_a_store_are_invisible(store: Path, graph: Path):
    assert b"Hidden Person" not in kq.query(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "csv")
    in_graphs = "SELECT ?n WHERE { GRAPH ?g { ?s rdfs:label ?n } }"
    assert rows(kq.query(store, in_graphs, "csv")) == [["n"]]
    # and the store does hold it, so the test can fail
    reader = ox.Store.read_only(str(store))
    assert HIDDEN in set(reader.quads_for_pattern(None, None, None, HIDDEN.graph_name))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert kq.query(store, count, "csv") == kq.query(graph, count, "csv")


def test_a_query_neither_changes_nor_locks_a_store(triples, tmp_path: Path):
    path = make_store(tmp_path / "store", triples)

    def snapshot() -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()}

    before = snapshot()
    assert run("query", str(path), "ASK { ?s ?p ?o }").stdout == "true\n"
    assert snapshot() == before
    writer = ox.Store(str(path))  # a build may open the store while a query runs
    try:
        result = run("query", str(path), "SELECT ?n WHERE { ?p rdfs:label ?n } "
                     "ORDER BY ?n LIMIT 1", "-f", "csv")
        assert result.exit_code == 0, result.stderr
        assert result.stdout.splitlines() == ["n", "Donald Tusk"]
        writer.add(ox.Quad(HIDDEN.subject, HIDDEN.predicate, ox.Literal("new")))
    finally:
        del writer
        gc.collect()


# -- formats -----------------------------------------------------------------------------

WHO = QUERIES / "who-spoke-with.rq"
PEOPLE = ("SELECT ?e ?name ?date WHERE { ?e a kgo:Person ; rdfs:label ?name "
          "OPTIONAL { ?e ^kgo:agent/kgo:date ?date } } ORDER BY ?name ?date")


def test_table_is_aligned_with_short_iris_and_one_line_a_row(graph: Path):
    lines = kq.query(graph, PEOPLE).decode("utf-8").splitlines()
    assert lines[0].split() == ["e", "name", "date"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[-1] == f"({len(lines) - 3} rows)"
    tusk = next(line for line in lines if "Donald Tusk" in line)
    assert tusk.split() == ["entity:Q946", "Donald", "Tusk", "2025-02-28"]
    odd = next(line for line in lines if "Dr." in line)
    assert odd.index("Dr.") == lines[0].index("name") == tusk.index("Donald")
    assert 'Dr. "Odd"\\nNewline \\ 🚀 东京' in odd  # escaped newline, one row
    # an unbound date is blank, and a wide character takes two columns
    zelensky = next(line for line in lines if "Volodymyr Zelensky" in line)
    assert zelensky.endswith("Volodymyr Zelensky")
    assert all(kq._width(line) <= kq._width(lines[1]) for line in lines[:-1])


def test_table_of_an_empty_answer(graph: Path):
    text = kq.query(graph, "SELECT ?x WHERE { ?x a kgo:Nothing } ORDER BY ?x").decode()
    assert text == "x\n-\n(0 rows)\n"


def test_csv_and_tsv_are_sparql_results_with_full_iris(graph: Path):
    table = rows(kq.query(graph, PEOPLE, "csv"))
    assert table[0] == ["e", "name", "date"]
    assert [DEFAULT_BASE + "entity/Q946", "Donald Tusk", "2025-02-28"] in table
    assert ["", ODD, ""] not in table and any(row[1] == ODD for row in table)
    tsv = kq.query(graph, PEOPLE, "tsv").decode("utf-8").splitlines()
    assert tsv[0] == "?e\t?name\t?date"
    assert f'<{DEFAULT_BASE}entity/Q946>\t"Donald Tusk"\t' in "\n".join(tsv)
    assert len(tsv) == len(table)  # the newline in a label is escaped in TSV


def test_json_results(graph: Path):
    answer = json.loads(kq.query(graph, WHO, "json"))
    assert answer["head"]["vars"] == ["name", "date", "factuality", "documents"]
    first = answer["results"]["bindings"][0]
    assert first["name"] == {"type": "literal", "value": "Donald Tusk"}
    assert first["documents"]["value"] == "2"
    assert first["date"]["datatype"].endswith("#date")


@pytest.mark.parametrize(("fmt", "true", "false"), [
    ("table", "true\n", "false\n"),
    ("json", '{"head":{},"boolean":true}\n', '{"head":{},"boolean":false}\n'),
    ("csv", "true\n", "false\n"),
])
def test_ask(graph: Path, fmt: str, true: str, false: str):
    yes = run("query", str(graph), "ASK { entity:Q946 kgo:spokeWith entity:Q566257 }",
              "--format", fmt)
    no = run("query", str(graph), "ASK { entity:Q946 kgo:attacked entity:Q566257 }",
             "--format", fmt)
    assert (yes.exit_code, no.exit_code) == (0, 0)
    assert (yes.stdout, no.stdout) == (true, false)
    if fmt == "json":
        assert json.loads(yes.stdout)["boolean"] is True


CONSTRUCT = "CONSTRUCT { ?a kgo:talkedTo ?b } WHERE { ?a kgo:spokeWith ?b }"


@pytest.mark.parametrize(("fmt", "rdf"), [("table", ox.RdfFormat.TURTLE),
                                          ("turtle", ox.RdfFormat.TURTLE),
                                          ("nt", ox.RdfFormat.N_TRIPLES)])
def test_construct_gives_sorted_triples(graph: Path, triples, fmt: str, rdf):
    data = kq.query(graph, CONSTRUCT, fmt)
    got = list(ox.parse(data, format=rdf))
    spoke = ox.NamedNode(KGO + "spokeWith")
    expected = {(t.subject, t.object) for t in triples if t.predicate == spoke}
    assert {(t.subject, t.object) for t in got} == expected and len(expected) == 4
    assert {t.predicate.value for t in got} == {KGO + "talkedTo"}
    if fmt != "nt":
        assert b"@prefix entity:" in data and b"entity:Q566257" in data
    else:
        assert data.decode().splitlines() == sorted(data.decode().splitlines())


def test_describe(graph: Path):
    data = kq.query(graph, "DESCRIBE entity:Q566257", "nt")
    got = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    assert ox.Literal("Friedrich Merz") in {t.object for t in got}
    assert {t.subject.value for t in got} == {DEFAULT_BASE + "entity/Q566257"}


def test_prefixes_are_predeclared_and_a_query_may_declare_its_own(graph: Path):
    bare = "SELECT ?n WHERE { ?e owl:sameAs wd:Q946 ; rdfs:label ?n } ORDER BY ?n"
    declared = ("PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
                "PREFIX wd: <http://www.wikidata.org/entity/>\n" + bare)
    assert rows(kq.query(graph, bare, "csv")) == [["n"], ["Donald Tusk"]]
    assert rows(kq.query(graph, declared, "csv")) == [["n"], ["Donald Tusk"]]
    # a query's own declaration wins over the predeclared one
    other = "PREFIX wd: <http://example.org/nothing/>\n" + bare
    assert rows(kq.query(graph, other, "csv")) == [["n"]]
    kgr = ('SELECT ?n WHERE { ?e rdfs:label ?n FILTER (?e = IRI(CONCAT(STR(kgr:), '
           '"entity/Q946"))) }')
    assert rows(kq.query(graph, kgr, "csv")) == [["n"], ["Donald Tusk"]]
    assert rows(kq.query(graph, "SELECT ?n WHERE { entity:Q946 rdfs:label ?n }", "csv")) \
        == [["n"], ["Donald Tusk"]]
    assert set(kq.query_prefixes()) >= {"kgo", "kgr", "wd", "prov", "dcterms", "skos", "owl",
                                        "rdf", "rdfs", "xsd"}


def test_output_file(graph: Path, tmp_path: Path):
    out = tmp_path / "who.csv"
    result = run("query", str(graph), str(WHO), "-f", "csv", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert rows(out.read_bytes()) == EXPECTED["who-spoke-with"]


def test_help_teaches_with_examples():
    result = run("query", "--help")
    assert result.exit_code == 0
    assert "kgbuild query graph.ttl 'SELECT" in result.stdout
    assert "kgbuild query store/ examples/queries/who-spoke-with.rq --format csv" in result.stdout
    assert "Exit codes" in result.stdout


# -- errors ------------------------------------------------------------------------------

def fails(code: int, *args: str) -> str:
    result = run("query", *args)
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("kgbuild: ")
    return result.stderr


def test_missing_source(tmp_path: Path):
    message = fails(EXIT_INPUT, str(tmp_path / "nope.ttl"), "ASK {}")
    assert "nope.ttl: no such file or folder" in message
    assert len(message.strip().splitlines()) == 1


def test_a_folder_that_is_not_a_store_is_left_alone(tmp_path: Path):
    folder = tmp_path / "notastore"
    folder.mkdir()
    message = fails(EXIT_INPUT, str(folder), "ASK {}")
    assert "notastore is a folder but not a kgbuild store" in message
    assert list(folder.iterdir()) == []  # nothing created in it


def test_unparsable_graph_file(tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle\n", encoding="utf-8")
    message = fails(EXIT_INPUT, str(bad), "ASK {}")
    assert "bad.ttl: cannot be parsed as turtle" in message


def test_unknown_graph_extension(tmp_path: Path):
    odd = tmp_path / "graph.xyz"
    odd.write_text("x", encoding="utf-8")
    assert "graph.xyz: not a graph file" in fails(EXIT_USAGE, str(odd), "ASK {}")


def test_syntax_error_in_a_query_file(graph: Path, tmp_path: Path):
    rq = tmp_path / "broken.rq"
    rq.write_text("# a comment\nSELECT ?x WHERE {\n  ?x ?y ?z ?w\n} ORDER BY ?x\n",
                  encoding="utf-8")
    message = fails(EXIT_USAGE, str(graph), str(rq)).splitlines()
    # pyoxigraph's message on one line, where it is, and the line with a caret under it
    assert message[0].startswith(f"kgbuild: {rq}, line 4, column ")
    assert "SPARQL syntax error: expected " in message[0]
    column = int(message[0].split(", column ")[1].split(":")[0])
    assert message[1:] == ["    } ORDER BY ?x", " " * (3 + column) + "^"]


def test_syntax_error_at_the_end_of_a_query(graph: Path):
    message = fails(EXIT_USAGE, str(graph), "SELECT ?x WHERE {\n  ?x ?y\n")
    assert message.startswith("kgbuild: the query, at its end (line 3, column 1): SPARQL "
                              "syntax error: expected")
    assert len(message.splitlines()) == 1


def test_undeclared_prefix_is_named(graph: Path):
    message = fails(EXIT_USAGE, str(graph), "SELECT ?x WHERE { ?x foo:bar <urn:x:y> }")
    assert "the query, line 1" in message and "undeclared prefix foo:" in message
    assert "PREFIX foo:" in message and "kgo" in message


def test_missing_query_file(graph: Path, tmp_path: Path):
    message = fails(EXIT_INPUT, str(graph), str(tmp_path / "who.rq"))
    assert "who.rq: no such query file" in message


def test_an_update_is_refused(graph: Path):
    message = fails(EXIT_USAGE, str(graph), "PREFIX ex: <http://example.org/>\n"
                                            "INSERT DATA { ex:a ex:b ex:c }")
    assert "SPARQL update (INSERT)" in message and "only reads" in message


@pytest.mark.parametrize(("query", "fmt", "says"), [
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "xml", "unknown --format 'xml'"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "nt", "--format nt is for CONSTRUCT"),
    (CONSTRUCT, "csv", "--format csv is for SELECT"),
])
def test_wrong_format(graph: Path, query: str, fmt: str, says: str):
    assert says in fails(EXIT_USAGE, str(graph), query, "--format", fmt)


def test_output_that_cannot_be_written(graph: Path, tmp_path: Path):
    message = fails(EXIT_OUTPUT, str(graph), "ASK {}", "-o", str(tmp_path / "no" / "a.txt"))
    assert "does not exist" in message
