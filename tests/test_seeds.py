"""End to end on the five seed articles of ../shared (skipped where ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import build, rdfio
from kg.eval import evaluate
from kg.vocab import KGO, RDF_TYPE, RDFS, SKOS, prefixes

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpora" / "seeds"
GOLD = SHARED / "gold" / "seeds.jsonl"

pytestmark = pytest.mark.skipif(
    not (SEEDS.is_dir() and GOLD.is_file()),
    reason="../shared (seed corpus and gold) is not present beside the repository")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds") / "seeds.ttl"
    return build([SEEDS], output=out), out


def test_seeds_build_validates_with_all_four_classes(seeds):
    result, _ = seeds
    assert result.documents == 5 and not result.skipped
    assert result.validation.conforms, result.validation.render()
    classes = {t.object for t in result.triples if t.predicate == RDF_TYPE}
    assert {KGO.Conversation, KGO.Attack, KGO.Convening, KGO.Statement} <= classes
    assert KGO.Evidence in classes and KGO.Document in classes


@pytest.mark.parametrize("fmt", ["jsonld", "nt", "nq", "trig"])
def test_every_format_parses_back_to_the_same_triples(seeds, tmp_path, fmt):
    result, turtle = seeds
    out = tmp_path / f"seeds{rdfio.FORMATS[fmt][1][0]}"
    rdfio.write_graph(result.triples, out, fmt, prefixes())
    assert rdfio.to_ntriples(rdfio.read_triples(out)) == \
        rdfio.to_ntriples(rdfio.read_triples(turtle))


def test_seed_scores_meet_the_quality_targets(seeds):
    """The targets of the extraction-quality issue: micro F1 >= 0.85, each relation's F1
    >= 0.75, no false assertion, factuality and date accuracy >= 0.9."""
    _, turtle = seeds
    scores = evaluate(turtle, GOLD)
    report = scores.render(verbose=True)
    assert scores.micro.f1 >= 0.85, report
    assert all(scores.relations[r].f1 >= 0.75 for r in scores.relations), report
    assert scores.false_assertions == [], report
    assert scores.factuality.value >= 0.9, report
    assert scores.date.value >= 0.9, report


def test_no_entity_from_teasers_links_or_credits(seeds):
    """Names that occur only in teasers, "See also" links and credits are not entities."""
    result, _ = seeds
    absent = json.loads((SHARED / "gold" / "seeds.entities.json").read_text())[
        "absent_entities"]
    labels = {t.object.value for t in result.triples
              if t.predicate in (RDFS.label, SKOS.altLabel)}
    names = {name for names in absent.values() for name in names}
    assert names and not any(name in label for name in names for label in labels)


MERGED = """
PREFIX kgo: <https://w3id.org/kgbuild/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?agent ?other ?date ?fact (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
  ?event a ?class ; kgo:agent/rdfs:label ?agent ; kgo:factuality ?fact ;
         prov:wasDerivedFrom ?doc .
  ?event kgo:participant|kgo:target ?p . ?p rdfs:label ?other .
  OPTIONAL { ?event kgo:date ?date }
  VALUES ?class { %s }
} GROUP BY ?event ?agent ?other ?date ?fact
"""


def _merged(turtle, cls: str, agent: str, other: str, either_way: bool = False) -> list[tuple]:
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    rows = store.query(MERGED % cls)
    return sorted((r["date"].value if r["date"] else "", r["fact"].value.split("#")[1],
                   int(r["docs"].value))
                  for r in rows if (r["agent"].value, r["other"].value) == (agent, other)
                  or either_way and (r["agent"].value, r["other"].value) == (other, agent))


def test_the_five_reports_merge_into_one_call_one_attack_and_one_g7_meeting(seeds):
    """Issue 5: one Conversation of Biden and Netanyahu for 13/14 April from all five
    articles and another for 4 April; one Attack by Iran on Israel from all five; one
    Convening of the G7 by Biden, asserted because one article reports it held."""
    _, turtle = seeds
    assert _merged(turtle, "kgo:Conversation", "Joe Biden", "Benjamin Netanyahu",
                   either_way=True) == [
        ("2024-04-04", "Asserted", 1), ("2024-04-13", "Asserted", 5)]
    assert _merged(turtle, "kgo:Attack", "Iran", "Israel") == [("2024-04-13", "Asserted", 5)]
    assert _merged(turtle, "kgo:Convening", "Joe Biden", "G7") == [
        ("2024-04-14", "Asserted", 4)]


def test_one_entity_per_person_and_country(seeds):
    result, _ = seeds
    labels = [t.object.value for t in result.triples if t.predicate == RDFS.label]
    for name in ("Joe Biden", "Benjamin Netanyahu", "Iran", "Israel", "United States"):
        assert labels.count(name) == 1, name
