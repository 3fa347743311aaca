"""Tests of kg.eval: tiny hand-written graphs and gold files with literal expectations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.eval import (
    EvalResult,
    evaluate,
    fold_name,
    fold_quote,
    load_gold,
    quotes_match,
    surname,
)

PREFIXES = """\
@prefix kgo: <https://w3id.org/kgbuild/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix : <https://w3id.org/kgbuild/resource/> .

:doc_a a kgo:Document ; dcterms:identifier "a.txt" .
:doc_b a kgo:Document ; dcterms:identifier "b.txt" .

:biden a kgo:Person ; rdfs:label "Joe Biden" ; skos:altLabel "Biden" ; owl:sameAs wd:Q6279 .
:bibi a kgo:Person ; rdfs:label "Benjamin Netanyahu" ; owl:sameAs wd:Q43723 .
:iran a kgo:Location ; rdfs:label "Iran" ; owl:sameAs wd:Q794 .
:israel a kgo:Location ; rdfs:label "Israel" ; owl:sameAs wd:Q801 .
:kirby a kgo:Person ; rdfs:label "John Kirby" .
:g7 a kgo:Organization ; rdfs:label "G7 leaders" .
"""

ENTITIES = {
    "entities": {
        "Joe Biden": {"qid": "Q6279", "aliases": ["Biden", "the president"]},
        "Benjamin Netanyahu": {"qid": "Q43723", "aliases": ["Netanyahu"]},
        "Iran": {"qid": "Q794", "aliases": ["Tehran"]},
        "Israel": {"qid": "Q801", "aliases": []},
        "United States": {"qid": "Q30", "aliases": ["US"]},
        "G7": {"qid": "Q1764511", "aliases": ["G7 leaders"]},
        "John Kirby": {"aliases": ["Kirby"]},
    },
    "absent_entities": {},
}


def gold(relation: str, agent: str, **kw: object) -> dict[str, object]:
    """One gold line of document a.txt, asserted and required unless told otherwise."""
    line: dict[str, object] = {
        "doc": "a.txt",
        "relation": relation,
        "agent": agent,
        "factuality": "asserted",
        "optional": False,
    }
    if relation != "stated":
        line.update(date=None, evidence=f"{agent} {relation}")
    line.update(kw)
    return line


def run(
    tmp_path: Path, events: str, lines: list[dict[str, object]], entities: bool = True
) -> EvalResult:
    """Write the graph (PREFIXES + events), the gold and its entities file; evaluate."""
    graph = tmp_path / "graph.ttl"
    graph.write_text(PREFIXES + events, encoding="utf-8")
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    if entities:
        (tmp_path / "gold.entities.json").write_text(json.dumps(ENTITIES), encoding="utf-8")
    return evaluate(graph, gold_path)


def counts(result: EvalResult, relation: str) -> tuple[int, int, int]:
    c = result.relations[relation]
    return c.tp, c.fp, c.fn


# --------------------------------------------------------------------------- folding


def test_fold_name() -> None:
    assert fold_name("  The   United\tStates ") == "united states"
    assert fold_name("THE PRESIDENT") == "president"
    assert fold_name("Theresa May") == "theresa may"


def test_fold_quote() -> None:
    assert fold_quote("“We don’t  seek\na ‘wider’ war”") == "we dont seek a wider war"


def test_surname_only_for_person_names() -> None:
    assert surname("Benjamin Netanyahu") == ("netanyahu",)
    assert surname("United States") is None
    assert surname("White House official") is None
    assert surname("Iran") is None
    assert surname("senior Biden administration official") is None


def test_quotes_match_containment_and_overlap() -> None:
    gold_quote = "We don’t seek a wider conflict."
    assert quotes_match(gold_quote, 'He said "we don\'t seek a wider conflict." Then he left')
    # 4 of the longer one's 7 words are shared: 57 % > 50 %
    assert quotes_match(gold_quote, "we do not seek any wider conflict")
    # a long quote shares common words with a short one, but not most of its own
    assert not quotes_match("Tomorrow, I will convene my fellow G7 leaders",
                            "My team will engage with their counterparts across the region. "
                            "And we will stay in close touch with Israel's leaders.")
    # 2 of 6 shared: 33 %
    assert not quotes_match(gold_quote, "a conflict is looming over the region")
    # containment is by whole words
    assert not quotes_match("value", "the values were high and rising fast")


# --------------------------------------------------------------------------- matching


def test_perfect_match_gives_f1_one(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Conversation ; kgo:agent :biden ; kgo:participant :bibi ;
    kgo:factuality kgo:Asserted ; kgo:date "2024-04-13"^^xsd:date ;
    prov:wasDerivedFrom :doc_a .
:e2 a kgo:Attack ; kgo:agent :iran ; kgo:target :israel ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
:e3 a kgo:Convening ; kgo:agent :biden ; kgo:participant :g7 ;
    kgo:factuality kgo:Future ; kgo:date "2024-04-14"^^xsd:date ; prov:wasDerivedFrom :doc_a .
:e4 a kgo:Statement ; kgo:agent :kirby ; kgo:quote "We don't seek a wider conflict" ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    lines = [
        gold("spoke_with", "Joe Biden", others=["Benjamin Netanyahu"], date="2024-04-13"),
        gold("attacked", "Iran", others=["Israel"]),
        gold("convened", "Joe Biden", others=["G7"], factuality="future", date="2024-04-14"),
        gold("stated", "John Kirby", quote="We don’t seek a wider conflict."),
    ]
    result = run(tmp_path, events, lines)
    for relation in ("spoke_with", "attacked", "convened", "stated"):
        assert counts(result, relation) == (1, 0, 0)
    assert result.micro.f1 == 1.0
    assert result.false_assertions == []
    assert (result.factuality.correct, result.factuality.total) == (4, 4)
    assert (result.date.correct, result.date.total) == (3, 3)
    table = result.render(verbose=False)
    assert table.splitlines()[0].split() == [
        "relation", "tp", "fp", "fn", "precision", "recall", "f1"
    ]  # fmt: skip
    assert "micro          4   0   0       1.00    1.00  1.00" in table
    assert "false assertions: 0" in table
    assert "factuality accuracy: 1.00 (4/4)   date accuracy: 1.00 (3/3)" in table


def test_spoke_with_reversed_roles_match(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Conversation ; kgo:agent :bibi ; kgo:participant :biden ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    result = run(tmp_path, events, [gold("spoke_with", "Joe Biden", others=["Netanyahu"])])
    assert counts(result, "spoke_with") == (1, 0, 0)


def test_attacked_reversed_roles_do_not_match(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Attack ; kgo:agent :israel ; kgo:target :iran ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    result = run(tmp_path, events, [gold("attacked", "Iran", others=["Israel"])])
    assert counts(result, "attacked") == (0, 1, 1)


def test_surname_contained_in_label_matches(tmp_path: Path) -> None:
    events = """
:pm a kgo:Person ; rdfs:label "Prime Minister Netanyahu" .
:e1 a kgo:Conversation ; kgo:agent :biden ; kgo:participant :pm ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    result = run(
        tmp_path, events, [gold("spoke_with", "Joe Biden", others=["Benjamin Netanyahu"])],
        entities=False,
    )  # fmt: skip
    assert counts(result, "spoke_with") == (1, 0, 0)


def test_surname_rule_ignores_non_person_names(tmp_path: Path) -> None:
    events = """
:gulf a kgo:Location ; rdfs:label "Gulf States" .
:e1 a kgo:Attack ; kgo:agent :gulf ; kgo:target :iran ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    result = run(tmp_path, events, [gold("attacked", "United States", others=["Iran"])])
    assert counts(result, "attacked") == (0, 1, 1)


def test_wikidata_id_matches(tmp_path: Path) -> None:
    events = """
:x a kgo:Person ; rdfs:label "Bibi" ; owl:sameAs wd:Q43723 .
:e1 a kgo:Conversation ; kgo:agent :biden ; kgo:participant :x ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    lines = [gold("spoke_with", "Joe Biden", others=["Benjamin Netanyahu"])]
    assert counts(run(tmp_path, events, lines), "spoke_with") == (1, 0, 0)
    # without the entities file the gold has no qid, and "Bibi" matches no name
    (tmp_path / "gold.entities.json").unlink()
    assert counts(run(tmp_path, events, lines, entities=False), "spoke_with") == (0, 1, 1)


def test_alias_from_entities_file_matches(tmp_path: Path) -> None:
    events = """
:t a kgo:Location ; rdfs:label "Tehran" .
:e1 a kgo:Attack ; kgo:agent :t ; kgo:target :israel ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    result = run(tmp_path, events, [gold("attacked", "Iran", others=["Israel"])])
    assert counts(result, "attacked") == (1, 0, 0)


def test_one_of_others_is_enough(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Attack ; kgo:agent :israel ; kgo:target :iran, :biden ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    line = gold("attacked", "Israel", others=["Iranian military commanders", "Iran"])
    assert counts(run(tmp_path, events, [line]), "attacked") == (1, 0, 0)


def test_quote_matches_by_containment(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Statement ; kgo:agent :kirby ;
    kgo:quote "As the president has said, we don’t  seek a WIDER conflict in the region" ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    result = run(tmp_path, events, [gold("stated", "John Kirby", quote="we don't seek a wider")])
    assert counts(result, "stated") == (1, 0, 0)


def test_quote_matches_by_overlap_and_any_of_several_quotes(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Statement ; kgo:agent :kirby ;
    kgo:quote "something else entirely", "we do not seek any wider conflict" ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    line = gold("stated", "John Kirby", quote="We don’t seek a wider conflict.")
    assert counts(run(tmp_path, events, [line]), "stated") == (1, 0, 0)


def test_quote_needs_the_speaker_too(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Statement ; kgo:agent :biden ; kgo:quote "We don't seek a wider conflict" ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    line = gold("stated", "John Kirby", quote="We don’t seek a wider conflict.")
    assert counts(run(tmp_path, events, [line]), "stated") == (0, 1, 1)


def test_empty_gold_agent_matches_any_speaker(tmp_path: Path) -> None:
    events = """
:crowd a kgo:Group ; rdfs:label "crowd" .
:e1 a kgo:Statement ; kgo:agent :crowd ; kgo:quote "Death to Israel!" ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    line = gold("stated", "", quote="Death to Israel!", optional=True)
    result = run(tmp_path, events, [line])
    assert counts(result, "stated") == (0, 0, 0)
    assert result.false_positives == []


# --------------------------------------------------------------------------- counting


def test_optional_only_match_counts_neither_way(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Statement ; kgo:agent :kirby ; kgo:quote "ironclad" ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    result = run(tmp_path, events, [gold("stated", "John Kirby", quote="ironclad", optional=True)])
    assert counts(result, "stated") == (0, 0, 0)
    assert result.micro.f1 == 0.0
    assert result.misses == [] and result.false_positives == []


def test_duplicate_prediction_is_a_false_positive(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Attack ; kgo:agent :iran ; kgo:target :israel ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
:e2 a kgo:Attack ; kgo:agent :iran ; kgo:target :israel ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    result = run(tmp_path, events, [gold("attacked", "Iran", others=["Israel"])])
    assert counts(result, "attacked") == (1, 1, 0)
    c = result.relations["attacked"]
    assert (c.precision, c.recall) == (0.5, 1.0)
    assert c.f1 == pytest.approx(2 / 3)


def test_bipartite_matching_prefers_required_line(tmp_path: Path) -> None:
    # The optional line comes first in the file and matches the single prediction too.
    events = """
:e1 a kgo:Attack ; kgo:agent :iran ; kgo:target :israel ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    lines = [
        gold("attacked", "Iran", others=["Israel"], optional=True, evidence="earlier strike"),
        gold("attacked", "Iran", others=["Israel"], evidence="Iran launched drones"),
    ]
    result = run(tmp_path, events, lines)
    assert counts(result, "attacked") == (1, 0, 0)


def test_bipartite_matching_is_maximum(tmp_path: Path) -> None:
    # e1 (Biden-Netanyahu) fits both lines; e2 only the first: both lines are matched.
    events = """
:e1 a kgo:Conversation ; kgo:agent :biden ; kgo:participant :bibi ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
:e2 a kgo:Conversation ; kgo:agent :biden ; kgo:participant :kirby ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    lines = [
        gold("spoke_with", "Joe Biden", others=["Benjamin Netanyahu", "John Kirby"]),
        gold("spoke_with", "Joe Biden", others=["Benjamin Netanyahu"]),
    ]
    assert counts(run(tmp_path, events, lines), "spoke_with") == (2, 0, 0)


def test_matching_prefers_agreeing_dates(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Conversation ; kgo:agent :biden ; kgo:participant :bibi ;
    kgo:factuality kgo:Asserted ; kgo:date "2024-04-04"^^xsd:date ; prov:wasDerivedFrom :doc_a .
:e2 a kgo:Conversation ; kgo:agent :biden ; kgo:participant :bibi ;
    kgo:factuality kgo:Asserted ; kgo:date "2024-04-14"^^xsd:date ; prov:wasDerivedFrom :doc_a .
"""
    lines = [
        gold("spoke_with", "Joe Biden", others=["Benjamin Netanyahu"], date="2024-04-14"),
        gold("spoke_with", "Joe Biden", others=["Benjamin Netanyahu"], date="2024-04-04"),
    ]
    result = run(tmp_path, events, lines)
    assert (result.date.correct, result.date.total) == (2, 2)


def test_asserted_prediction_of_negated_line_is_false_assertion(tmp_path: Path) -> None:
    events = """
:us a kgo:Location ; rdfs:label "US" .
:e1 a kgo:Attack ; kgo:agent :us ; kgo:target :iran ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    line = gold("attacked", "United States", others=["Iran"], factuality="negated", optional=True)
    result = run(tmp_path, events, [line])
    assert len(result.false_assertions) == 1
    assert result.false_assertions[0].gold.factuality == "negated"
    assert counts(result, "attacked") == (0, 0, 0)  # paired with the optional line
    table = result.render(verbose=False)
    assert "false assertions: 1" in table
    assert "a.txt  attacked  US → Iran  [asserted]" in table


def test_uncertain_line_counts_as_hypothetical(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Attack ; kgo:agent :israel ; kgo:target :iran ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
:e2 a kgo:Attack ; kgo:agent :israel ; kgo:target :iran ;
    kgo:factuality kgo:Hypothetical ; prov:wasDerivedFrom :doc_b .
"""
    lines = [
        gold("attacked", "Israel", others=["Iran"], factuality="uncertain", optional=True),
        gold("attacked", "Israel", others=["Iran"], factuality="uncertain", doc="b.txt"),
    ]
    result = run(tmp_path, events, lines)
    assert [fa.prediction.event.rsplit("/", 1)[-1] for fa in result.false_assertions] == ["e1"]
    assert (result.factuality.correct, result.factuality.total) == (1, 1)


def test_no_false_assertion_when_paired_with_asserted_line(tmp_path: Path) -> None:
    # The prediction fits both the asserted and the negated line; it is paired with the
    # asserted one, so it asserts nothing false.
    events = """
:e1 a kgo:Attack ; kgo:agent :iran ; kgo:target :israel ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
"""
    lines = [
        gold("attacked", "Iran", others=["Israel"], factuality="negated", optional=True),
        gold("attacked", "Iran", others=["Israel"]),
    ]
    result = run(tmp_path, events, lines)
    assert result.false_assertions == []
    assert counts(result, "attacked") == (1, 0, 0)


def test_factuality_is_taken_per_document_from_evidence(tmp_path: Path) -> None:
    # Asserted as an event (from b.txt), but negated in a.txt: no false assertion in a.txt.
    events = """
:e1 a kgo:Attack ; kgo:agent :iran ; kgo:target :israel ;
    kgo:factuality kgo:Asserted ;
    prov:wasDerivedFrom :doc_a, :doc_b ;
    kgo:evidence :ev1, :ev2 .
:ev1 a kgo:Evidence ; dcterms:source :doc_a ; kgo:factuality kgo:Negated ;
    kgo:text "Iran did not attack Israel." .
:ev2 a kgo:Evidence ; dcterms:source :doc_b ; kgo:factuality kgo:Asserted ;
    kgo:text "Iran attacked Israel." .
"""
    lines = [
        gold("attacked", "Iran", others=["Israel"], factuality="negated"),
        gold("attacked", "Iran", others=["Israel"], doc="b.txt"),
    ]
    result = run(tmp_path, events, lines)
    assert result.false_assertions == []
    assert counts(result, "attacked") == (2, 0, 0)
    assert (result.factuality.correct, result.factuality.total) == (2, 2)


def test_evidence_source_alone_places_event_in_document(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Attack ; kgo:agent :iran ; kgo:target :israel ;
    kgo:factuality kgo:Asserted ; kgo:evidence :ev1 .
:ev1 a kgo:Evidence ; dcterms:source :doc_b ; kgo:factuality kgo:Future ;
    kgo:text "Iran will attack Israel." .
"""
    line = gold("attacked", "Iran", others=["Israel"], doc="b.txt", factuality="future")
    result = run(tmp_path, events, [line])
    assert counts(result, "attacked") == (1, 0, 0)
    assert (result.factuality.correct, result.factuality.total) == (1, 1)


def test_factuality_and_date_accuracy(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Conversation ; kgo:agent :biden ; kgo:participant :bibi ;
    kgo:factuality kgo:Asserted ; kgo:date "2024-04-13"^^xsd:date ; prov:wasDerivedFrom :doc_a .
:e2 a kgo:Attack ; kgo:agent :iran ; kgo:target :israel ;
    kgo:factuality kgo:Future ; prov:wasDerivedFrom :doc_a .
:e3 a kgo:Convening ; kgo:agent :biden ; kgo:participant :g7 ;
    kgo:factuality kgo:Future ; kgo:date "2024-04-15"^^xsd:date ; prov:wasDerivedFrom :doc_a .
:e4 a kgo:Statement ; kgo:agent :kirby ; kgo:quote "ironclad" ;
    kgo:factuality kgo:Asserted ; kgo:date "2024-04-13"^^xsd:date ; prov:wasDerivedFrom :doc_a .
"""
    lines = [
        gold("spoke_with", "Joe Biden", others=["Netanyahu"], date="2024-04-13"),  # both right
        gold("attacked", "Iran", others=["Israel"]),  # factuality wrong; null date = missing
        gold("convened", "Joe Biden", others=["G7"], factuality="future", date="2024-04-14"),
        gold("stated", "John Kirby", quote="ironclad"),  # no date field: not in date accuracy
    ]
    result = run(tmp_path, events, lines)
    assert (result.factuality.correct, result.factuality.total) == (3, 4)
    assert (result.date.correct, result.date.total) == (2, 3)
    assert "factuality accuracy: 0.75 (3/4)   date accuracy: 0.67 (2/3)" in result.render(False)


def test_missing_document_counts_as_misses(tmp_path: Path) -> None:
    events = """
:doc_c a kgo:Document ; dcterms:identifier "c.txt" .
:e1 a kgo:Attack ; kgo:agent :iran ; kgo:target :israel ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_a .
:e2 a kgo:Attack ; kgo:agent :israel ; kgo:target :iran ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_c .
"""
    lines = [
        gold("attacked", "Iran", others=["Israel"]),
        gold("attacked", "Iran", others=["Israel"], doc="z.txt"),
        gold("stated", "John Kirby", quote="ironclad", doc="z.txt"),
    ]
    result = run(tmp_path, events, lines)
    assert counts(result, "attacked") == (1, 0, 1)
    assert counts(result, "stated") == (0, 0, 1)
    assert result.missing_docs == ["z.txt"]
    assert [(g.doc, g.relation) for g in result.misses] == [
        ("z.txt", "attacked"),
        ("z.txt", "stated"),
    ]
    assert (result.ignored_events, result.ignored_docs) == (1, 1)
    table = result.render(verbose=True)
    assert "gold document(s) absent from the graph, counted as missed: z.txt" in table
    assert "note: 1 predicted event(s) from 1 document(s) not in the gold were ignored" in table
    assert "z.txt  stated  John Kirby → “ironclad”  [asserted]" in table


def test_document_ids_fall_back_to_file_name(tmp_path: Path) -> None:
    events = """
:doc_s a kgo:Document ; dcterms:identifier "seeds/s.txt" .
:e1 a kgo:Attack ; kgo:agent :iran ; kgo:target :israel ;
    kgo:factuality kgo:Asserted ; prov:wasDerivedFrom :doc_s .
"""
    result = run(tmp_path, events, [gold("attacked", "Iran", others=["Israel"], doc="s.txt")])
    assert counts(result, "attacked") == (1, 0, 0)


def test_verbose_render_and_to_dict(tmp_path: Path) -> None:
    events = """
:e1 a kgo:Attack ; kgo:agent :israel ; kgo:target :iran ;
    kgo:factuality kgo:Asserted ; kgo:evidence :ev1 ; prov:wasDerivedFrom :doc_a .
:ev1 a kgo:Evidence ; dcterms:source :doc_a ; kgo:factuality kgo:Asserted ;
    kgo:text "Israel struck Iran." .
"""
    line = gold("attacked", "Iran", others=["Israel"], evidence="Iran launched drones")
    result = run(tmp_path, events, [line])
    table = result.render(verbose=True)
    assert "misses (1):" in table
    assert "a.txt  attacked  Iran → Israel  [asserted]  evidence: “Iran launched drones”" in table
    assert "false positives (1):" in table
    assert "a.txt  attacked  Israel → Iran  [asserted]  evidence: “Israel struck Iran.”" in table
    assert "misses" not in result.render(verbose=False)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["relations"]["attacked"] == {
        "tp": 0, "fp": 1, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0
    }  # fmt: skip
    assert data["micro"]["fn"] == 1
    assert data["misses"][0]["evidence"] == "Iran launched drones"
    assert data["false_positives"][0]["others"] == ["Iran"]
    assert data["factuality_accuracy"] == {"accuracy": None, "correct": 0, "total": 0}


def test_bad_gold_line_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc": "a.txt", "relation": "kissed", "agent": "X"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: unknown relation"):
        load_gold(path)


# --------------------------------------------------------------------------- real gold

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _turtle_of(line: dict[str, object], n: int) -> str:
    """A perfect prediction of one gold line, as Turtle."""
    fact = {"uncertain": "Hypothetical"}.get(str(line["factuality"]), str(line["factuality"]))
    names = [str(line["agent"]) or "someone", *[str(o) for o in line.get("others") or []]]
    ttl = "".join(f":p{n}_{i} rdfs:label {json.dumps(x)} .\n" for i, x in enumerate(names))
    ttl += f":doc{n} dcterms:identifier {json.dumps(line['doc'])} .\n"
    cls = {"spoke_with": "Conversation", "attacked": "Attack", "convened": "Convening"}
    ttl += f":e{n} a kgo:{cls.get(str(line['relation']), 'Statement')} ; kgo:agent :p{n}_0 ; "
    if line["relation"] == "stated":
        ttl += f"kgo:quote {json.dumps(line['quote'])} ; "
    else:
        ttl += f"kgo:participant :p{n}_1 ; kgo:target :p{n}_1 ; "
    if line.get("date"):
        ttl += f'kgo:date "{line["date"]}"^^xsd:date ; '
    return ttl + f"kgo:factuality kgo:{fact.capitalize()} ; prov:wasDerivedFrom :doc{n} .\n"


def test_real_gold_parses_and_scores_itself_perfectly(tmp_path: Path) -> None:
    gold_path = SHARED / "gold" / "seeds.jsonl"
    if not gold_path.exists():
        pytest.skip(f"the shared gold is not available at {gold_path}")
    lines = load_gold(gold_path)
    assert len(lines) == sum(1 for x in gold_path.read_text(encoding="utf-8").splitlines() if x)
    assert {g.relation for g in lines} == {"spoke_with", "attacked", "convened", "stated"}
    biden = next(g.agent for g in lines if g.agent.display == "Joe Biden")
    assert "Q6279" in biden.qids and "president" in biden.names
    records = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x]
    graph = tmp_path / "perfect.ttl"
    graph.write_text(
        PREFIXES + "".join(_turtle_of(r, n) for n, r in enumerate(records)), encoding="utf-8"
    )
    result = evaluate(graph, gold_path)
    assert result.micro.f1 == 1.0
    assert result.false_assertions == []
    assert result.factuality.correct == result.factuality.total > 0
    assert result.date.correct == result.date.total > 0
