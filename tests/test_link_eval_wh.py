"""The linking evaluation on the White House readouts (scripts/link_eval_wh.py): the gold
derived from titles with tiny synthetic tables, and the scoring of a tiny graph. The ids
here are made up; only the last test reads the shared tables (skipped without them)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_TABLES = ROOT.parent / "shared" / "wikidata"

# made-up ids for the synthetic tables
JAPAN, KOREA, GEORGIA, GEORGIA_US, TURKEY, UK, CHINA, TAIWAN, MEXICO, NM = (
    "Q9000001", "Q9000002", "Q9000003", "Q9000004", "Q9000005", "Q9000006", "Q9000007",
    "Q9000008", "Q9000009", "Q9000010")
KISHIDA, SMITH_JP, SMITH_GB, MARTIN, BIDEN, HARRIS, NETANYAHU, DOE = (
    "Q9100001", "Q9100002", "Q9100003", "Q9100004", "Q9100005", "Q9100006", "Q9100007",
    "Q9100008")

TITLES = ["president", "prime minister", "vice president", "chancellor", "governor",
          "foreign secretary", "foreign minister", "national security advisor", "king"]


@pytest.fixture(scope="module")
def lew():
    spec = importlib.util.spec_from_file_location("link_eval_wh",
                                                  ROOT / "scripts" / "link_eval_wh.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def write_tables(folder: Path) -> Path:
    (folder / "everypolitician").mkdir(parents=True)
    (folder / "us_congress_legislators").mkdir()
    (folder / "countries.csv").write_text(
        "id,name,iso2,native,nationality,wikiDataId\n"
        f"1,Japan,JP,日本,Japanese,{JAPAN}\n"
        f'2,South Korea,KR,대한민국,"South Korean",{KOREA}\n'
        f"3,Georgia,GE,საქართველო,Georgian,{GEORGIA}\n"
        f"4,Turkey,TR,Türkiye,Turkish,{TURKEY}\n"
        f'5,United Kingdom,GB,United Kingdom,"British, UK",{UK}\n'
        f"6,China,CN,中国,Chinese,{CHINA}\n"
        f'7,Taiwan,TW,臺灣,"Chinese, Taiwanese",{TAIWAN}\n'
        f"8,Mexico,MX,México,Mexican,{MEXICO}\n", encoding="utf-8")
    (folder / "states.csv").write_text(
        "id,name,country_code,wikiDataId\n"
        f"1,Georgia,US,{GEORGIA_US}\n"
        f"2,New Mexico,US,{NM}\n", encoding="utf-8")
    (folder / "everypolitician" / "politicians_wikidata.csv").write_text(
        "wikidata,name,name_en,country,country_code,aliases\n"
        f"{KISHIDA},KISHIDA Fumio,Fumio Kishida,Japan,JP,Fumio Kishida\n"
        f"{SMITH_JP},John Smith,John Smith,Japan,JP,\n"
        f"{SMITH_GB},John Smith,,United Kingdom,GB,Johnny Smith\n"
        f"{MARTIN},Micheál Martin,Micheál Martin,Ireland,IE,\n"
        f"{NETANYAHU},Benjamin Netanyahu,Benjamin Netanyahu,Israel,IL,Bibi Netanyahu\n"
        f"{DOE},Jane Doe,Jane Doe,United Kingdom,GB-NIR,\n", encoding="utf-8")
    (folder / "us_congress_legislators" / "executive.yaml").write_text(
        f"""- id: {{wikidata: {BIDEN}}}
  name: {{first: Joseph, middle: Robinette, last: Biden, suffix: Jr., nickname: Joe}}
- id: {{wikidata: {HARRIS}}}
  name: {{first: Kamala, middle: D., last: Harris, official_full: Kamala D. Harris}}
""", encoding="utf-8")
    return folder


@pytest.fixture
def tables(lew, tmp_path):
    return lew.load_tables(write_tables(tmp_path / "tables"))


@pytest.fixture
def parser(lew, tables):
    return lew.TitleParser(tables, TITLES, common={"call", "meeting", "leaders", "better"})


def found(parser, title):
    return {(m.type, m.name): (m.status, m.qid) for m in parser.parse(title)}


def test_fold_name(lew):
    assert lew.fold_name("The U.K.") == lew.fold_name("UK") == "uk"
    assert lew.fold_name("Recep Tayyıp Erdoğan") == "recep tayyip erdogan"
    assert lew.fold_name("Tamim Al-Thani") == lew.fold_name("tamim al thani")
    assert lew.fold_name("Micheál  Martin") == "micheal martin"


def test_tables(tables):
    assert tables.person_ids("Fumio Kishida") == tables.person_ids("Kishida Fumio") == {KISHIDA}
    assert tables.person_ids("Joe Biden") == tables.person_ids("Joseph R. Biden") == {BIDEN}
    assert tables.person_ids("Joseph Robinette Biden") == {BIDEN}
    assert tables.person_ids("John Smith") == {SMITH_JP, SMITH_GB}
    assert tables.person_ids("John Smith", {"JP"}) == {SMITH_JP}
    assert tables.person_ids("Jane Doe", {"GB"}) == {DOE}  # GB-NIR is in GB
    assert tables.country_ids("Türkiye") == tables.country_ids("Turkiye") == {TURKEY}
    assert tables.country_ids("Georgia") == {GEORGIA, GEORGIA_US}  # a US state: ambiguous
    assert tables.country_ids("Mexico") == {MEXICO}  # its own region México is no rival
    assert tables.country_ids("Republic of Korea") == set()  # no table says so
    assert tables.demonyms["uk"] == {UK}


def test_people_and_countries_of_a_title(parser):
    got = found(parser, "Readout of President Joseph R.\u00a0Biden, Jr.\u2019s Call with Prime "
                        "Minister Fumio Kishida of\u00a0Japan")
    assert got == {("Person", "Joseph R. Biden"): ("id", BIDEN),
                   ("Person", "Fumio Kishida"): ("id", KISHIDA),
                   ("Location", "Japan"): ("id", JAPAN)}


def test_one_word_names_are_seen_but_get_no_id(parser):
    got = found(parser, "Readout of President Biden's Meeting with President Yoon of the "
                        "Republic of Korea")
    assert got[("Person", "Biden")] == ("surname-only", None)
    assert got[("Person", "Yoon")] == ("surname-only", None)
    assert got[("Location", "Republic of Korea")] == ("unknown", None)
    assert not any(name == "Korea" for _, name in got)


def test_a_country_the_title_gives_chooses_among_namesakes(parser):
    assert found(parser, "Readout of Call with Prime Minister John Smith")[
        ("Person", "John Smith")] == ("ambiguous", None)
    assert found(parser, "Readout of Call with Prime Minister John Smith of Japan")[
        ("Person", "John Smith")] == ("id", SMITH_JP)
    assert found(parser, "Readout of Call with Japanese Prime Minister John Smith")[
        ("Person", "John Smith")] == ("id", SMITH_JP)
    assert found(parser, "Readout of Call with Prime Minister Fumio Kishida of Turkey")[
        ("Person", "Fumio Kishida")] == ("country-mismatch", None)


def test_demonyms_and_long_forms(parser):
    got = {(m.type, m.name, m.form, m.status) for m in parser.parse(
        "Readout of Vice President Kamala Harris's Meeting with U.K. Foreign Secretary "
        "John Smith and Chinese Foreign Minister Wang Yi")}
    assert ("Location", "United Kingdom", "U.K.", "id") in got
    assert ("Location", "Chinese", None, "ambiguous") in got  # China or Taiwan
    assert ("Person", "John Smith", None, "id") in got  # the UK's
    assert ("Person", "Kamala Harris", None, "id") in got
    assert found(parser, "Readout of Meeting with President Erdogan of Türkiye")[
        ("Location", "Türkiye")] == ("id", TURKEY)


def test_country_names_inside_longer_names_are_not_countries(parser):
    assert found(parser, "Readout from Communities in Action: Building A Better Georgia") == {}
    got = found(parser, "Readout of Call with Governor Jane Roe of New Mexico")
    assert ("Location", "Mexico") not in got
    assert found(parser, "Readout of the U.S.-Japan Dialogue") == {}
    assert found(parser, "Readout of Call with Governor Jim Kemp of Georgia")[
        ("Location", "Georgia")][0] == "ambiguous"


def test_common_words_are_trimmed_and_titles_learnt(lew, tables):
    parser = lew.TitleParser(tables, TITLES, common={"call", "meeting"})
    parser.learn("Readout of President Biden's Meeting with Taoiseach Micheál Martin")
    assert parser.learnt == {"taoiseach": 1}
    got = found(parser, "Readout of President Biden Call with Taoiseach Leo Varadkar")
    assert got == {("Person", "Biden"): ("surname-only", None),
                   ("Person", "Leo Varadkar"): ("unknown", None)}


def write_corpus(folder: Path) -> Path:
    docs = {
        "statements/2023-01/a.md": ("Readout of President Joe\u00a0Biden\u2019s Call with "
                                    "Prime Minister Fumio Kishida of Japan",
                                    "President Biden spoke with Prime Minister Kishida."),
        "statements/2023-02/b.md": ("Readout of Vice President Harris's Meeting with Prime "
                                    "Minister John Smith", "The Vice President met him."),
        "statements/2023-03/c.md": ("Remarks by President Biden", "Thank you all."),
    }
    for path, (title, body) in docs.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\ntitle: \"{title}\"\ndate: '2023-01-02'\n---\n\n{body}\n"
                          "The meeting was a call. A meeting.\n", encoding="utf-8")
    return folder


def test_gold_from_a_corpus(lew, tables, tmp_path):
    readouts, common = lew.read_corpus(write_corpus(tmp_path / "corpus"))
    assert [r.path for r in readouts] == ["statements/2023-01/a.md", "statements/2023-02/b.md"]
    assert "meeting" in common and "biden" not in common
    result = lew.build_gold(readouts, tables, common, titles=TITLES)
    got = {(r["doc"], r["name"], r["qid"], r["type"]) for r in result.records}
    assert got == {("statements/2023-01/a.md", "Joe Biden", BIDEN, "Person"),
                   ("statements/2023-01/a.md", "Fumio Kishida", KISHIDA, "Person"),
                   ("statements/2023-01/a.md", "Japan", JAPAN, "Location")}
    summary = result.summary()
    assert summary["readout_titles"] == 2
    assert summary["by_type"]["Person"]["names_seen"] == 4  # Biden, Kishida, Harris, Smith
    assert summary["by_type"]["Person"]["with_id"] == 2
    assert summary["by_type"]["Person"]["statuses"] == {"id": 2, "surname-only": 1,
                                                        "ambiguous": 1}


def test_gold_and_docs_commands(lew, tmp_path, capsys):
    corpus = write_corpus(tmp_path / "corpus")
    tables = write_tables(tmp_path / "tables")
    gold = tmp_path / "eval" / "gold.jsonl"
    assert lew.main(["gold", str(corpus), "-o", str(gold), "--tables", str(tables)]) == 0
    records = [json.loads(line) for line in gold.read_text().splitlines()]
    assert {r["qid"] for r in records} >= {BIDEN, KISHIDA, JAPAN}
    text = gold.read_text()
    assert "spoke with" not in text and "Readout of" not in text  # facts only
    assert "readout titles: 2" in capsys.readouterr().out
    assert lew.main(["docs", str(corpus)]) == 0
    assert capsys.readouterr().out.split() == ["statements/2023-01/a.md",
                                               "statements/2023-02/b.md"]
    assert lew.main(["docs", str(corpus), "--gold", str(gold)]) == 0
    assert capsys.readouterr().out.split() == ["statements/2023-01/a.md"]


GRAPH = f"""
@prefix kgo: <https://w3id.org/kgbuild/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix r: <https://w3id.org/kgbuild/resource/> .

r:doc1 a kgo:Document ; dct:identifier "statements/a.md" .
r:doc2 a kgo:Document ; dct:identifier "statements/b.md" .
r:doc3 a kgo:Document ; dct:identifier "statements/c.md" .

<https://w3id.org/kgbuild/resource/entity/{BIDEN}> a kgo:Person, kgo:Entity ;
    rdfs:label "Joe Biden" ; skos:altLabel "President Biden" ; owl:sameAs wd:{BIDEN} .
r:e2 a kgo:Person, kgo:Entity ; rdfs:label "Fumio Kishida" ; owl:sameAs wd:{SMITH_JP} .
r:e3 a kgo:Location, kgo:Entity ; rdfs:label "Japan" .
<https://w3id.org/kgbuild/resource/entity/{NETANYAHU}> a kgo:Person, kgo:Entity ;
    rdfs:label "Netanyahu" ; skos:altLabel "Prime Minister Netanyahu" .
r:e5 a kgo:Location, kgo:Entity ; rdfs:label "the U.K." ; owl:sameAs wd:{UK} .
r:e6 a kgo:Person, kgo:Entity ; rdfs:label "Jill Biden" ; owl:sameAs wd:Q9999999 .
"""


def gold_records():
    return [
        {"doc": "statements/a.md", "name": "Joseph R. Biden", "qid": BIDEN, "type": "Person",
         "names": ["Joe Biden", "Joseph Biden"]},
        {"doc": "statements/b.md", "name": "Joe Biden", "qid": BIDEN, "type": "Person"},
        {"doc": "statements/a.md", "name": "Fumio Kishida", "qid": KISHIDA, "type": "Person"},
        {"doc": "statements/a.md", "name": "Japan", "qid": JAPAN, "type": "Location"},
        {"doc": "statements/b.md", "name": "Benjamin Netanyahu", "qid": NETANYAHU,
         "type": "Person"},
        {"doc": "statements/c.md", "name": "United Kingdom", "qid": UK, "type": "Location",
         "form": "U.K."},
        {"doc": "statements/c.md", "name": "Kamala Harris", "qid": HARRIS, "type": "Person"},
        {"doc": "other/z.md", "name": "Turkey", "qid": TURKEY, "type": "Location"},
    ]


def test_person_variants(lew):
    titles = {"prime", "minister", "president"}
    assert lew.person_variant("Joseph Biden", "Joseph R. Biden, Jr.", titles)
    assert lew.person_variant("Prime Minister Netanyahu", "Benjamin Netanyahu", titles)
    assert not lew.person_variant("Jill Biden", "Joseph R. Biden", titles)
    assert not lew.person_variant("Joe Biden", "Joseph R. Biden", titles)  # via table names


def test_score_a_tiny_graph(lew, tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    nodes, docs = lew.load_graph(path)
    assert docs == {"statements/a.md", "statements/b.md", "statements/c.md"}
    assert nodes[f"https://w3id.org/kgbuild/resource/entity/{NETANYAHU}"].links == {NETANYAHU}
    result = lew.score(nodes, gold_records(), lew.KBIndex(None), docs,
                       titles={"prime", "minister", "president"})
    # gold names: Joseph R. Biden, Joe Biden, Fumio Kishida, Japan, Benjamin Netanyahu,
    # United Kingdom, Kamala Harris (Turkey's document is not in the graph)
    assert result["gold_names"] == 7 and result["gold_documents"] == 3
    assert result["graph_holds"] == 6  # all but Kamala Harris
    # distinct (node, gold qid, link): Biden (once for its two gold names), Kishida ->
    # wrong, Netanyahu (its IRI), the U.K.; Jill Biden's node is no form of Joseph R. Biden
    assert (result["links"], result["links_right"]) == (4, 3)
    assert result["correct"] == 4  # the two Bidens, Netanyahu, the U.K.; not Japan
    assert result["recall_kb"] == pytest.approx(4 / 7)
    assert result["recall_graph"] == pytest.approx(4 / 6)
    assert [w[:3] for w in result["wrong"]] == [("Fumio Kishida", KISHIDA, SMITH_JP)]
    misses = {m[0]: m[2] for m in result["misses"]}
    assert misses == {"Fumio Kishida": SMITH_JP, "Japan": "unlinked",
                      "Kamala Harris": "no node"}


def test_score_with_a_kb(lew, tmp_path, capsys):
    from kg.link.kb import KBEntity, write_kb
    from kg.model import EntityType

    kb = tmp_path / "kb.sqlite"
    write_kb([KBEntity(BIDEN, "Joe Biden", EntityType.PERSON),
              KBEntity(JAPAN, "Japan", EntityType.LOCATION),
              KBEntity(UK, "United Kingdom", EntityType.LOCATION)], kb)
    graph = tmp_path / "graph.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in gold_records()), encoding="utf-8")
    assert lew.main(["score", str(graph), "--gold", str(gold), "--kb", str(kb), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    # the KB holds Biden (two gold names), Japan and the UK: Kishida's wrong link is not
    # counted in the precision, Japan is a miss
    assert result["kb_holds"] == 4
    assert (result["links"], result["links_right"]) == (2, 2)  # Biden, the U.K.
    assert result["precision_all"] == pytest.approx(3 / 4)
    assert result["recall_kb"] == pytest.approx(3 / 4)
    assert lew.main(["score", str(graph), "--gold", str(gold), "--kb", str(kb), "-v"]) == 0
    out = capsys.readouterr().out
    assert "MISS  'Japan': expected" in out and "precision 1.000" in out


def test_link_documents(lew, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    folder = tmp_path / "linked"
    assert lew.link_documents(corpus, ["statements/2023-01/a.md"], folder) == 1
    assert (folder / "statements/2023-01/a.md").is_symlink()


@pytest.mark.skipif(not (SHARED_TABLES / "countries.csv").is_file(),
                    reason="../shared/wikidata (the shared id tables) is not present")
def test_the_shared_tables(lew):
    tables = lew.load_tables(SHARED_TABLES)
    assert len(tables.person_ids("Fumio Kishida", {"JP"})) == 1
    assert tables.person_ids("Kishida Fumio") == tables.person_ids("Fumio Kishida")
    assert len(tables.person_ids("Joseph R. Biden")) == 1
    assert tables.person_ids("Joe Biden") == tables.person_ids("Joseph R. Biden")
    assert len(tables.country_ids("Japan")) == 1
    assert tables.country_ids("Türkiye") == tables.country_ids("Turkey")
    assert tables.country_ids("Republic of Korea") == set()
    assert len(tables.country_ids("Georgia")) > 1  # the country and the US state


def test_spread(lew):
    paths = [f"d{i:02}" for i in range(10)]
    assert lew.spread(paths, 3) == ["d00", "d03", "d06"]
    assert lew.spread(paths, 0) == paths and lew.spread(paths, 20) == paths
