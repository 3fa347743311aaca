"""Events and entities merge across documents (kg.merge), whatever the order of the files."""

from __future__ import annotations

import datetime as dt
import random

from kg import rdfio
from kg.merge import consolidate
from kg.model import DocResult, Document, Entity, EntityType, Event, Evidence, Factuality, Relation
from kg.rdf import GraphBuilder

A, N = Factuality.ASSERTED, Factuality.NEGATED
D = dt.date


def person(key: str, label: str, wikidata: str | None = None) -> Entity:
    return Entity(key, label, EntityType.PERSON, {label}, wikidata)


def doc(doc_id: str, date: dt.date | None, *events: tuple, entities=None,
        url: str | None = None) -> DocResult:
    """A document whose events are (relation, agent, others, date, factuality[, start])."""
    document = Document(doc_id, "", date=date, url=url)
    people = entities or {"P:lopez": person("P:lopez", "Maria Lopez"),
                          "P:carter": person("P:carter", "Ben Carter"),
                          "P:reyes": person("P:reyes", "Ana Reyes")}
    out = []
    for i, (relation, agent, others, when, fact, *start) in enumerate(events):
        at = start[0] if start else 100 * i
        ev = Evidence(doc_id, f"sentence {at}", at, at + 10, fact)
        out.append(Event(relation, agent, tuple(others), factuality=fact, date=when,
                         evidence=[ev]))
    return DocResult(document, people, out)


CALL = Relation.SPOKE_WITH


def test_one_call_reported_by_three_articles_is_one_event_with_all_evidence():
    results = [
        doc("a.txt", D(2024, 4, 14), (CALL, "P:lopez", ["P:carter"], D(2024, 4, 13), A)),
        doc("b.txt", D(2024, 4, 14), (CALL, "P:carter", ["P:lopez"], None, A)),
        doc("c.txt", D(2024, 4, 15), (CALL, "P:lopez", ["P:carter"], D(2024, 4, 14), A)),
    ]
    [event] = consolidate(results).events
    assert event.doc_ids == ["a.txt", "b.txt", "c.txt"]
    assert len(event.evidence) == 3
    # the date the most articles give, the earliest among equals; each mention keeps its own
    assert event.date == D(2024, 4, 13)
    assert [ev.date for ev in event.evidence] == [D(2024, 4, 13), None, D(2024, 4, 14)]


def test_dates_a_day_apart_are_one_event_across_articles_but_never_chain():
    results = [
        doc("a.txt", None, (CALL, "P:lopez", ["P:carter"], D(2024, 4, 13), A)),
        doc("b.txt", None, (CALL, "P:lopez", ["P:carter"], D(2024, 4, 14), A)),
        doc("c.txt", None, (CALL, "P:lopez", ["P:carter"], D(2024, 4, 15), A)),
    ]
    events = consolidate(results).events
    assert sorted(e.doc_ids for e in events) == [["a.txt", "b.txt"], ["c.txt"]]


def test_one_article_that_names_two_days_names_two_events():
    results = [doc("a.txt", None, (CALL, "P:lopez", ["P:carter"], D(2024, 4, 13), A),
                   (CALL, "P:lopez", ["P:carter"], D(2024, 4, 14), A))]
    assert len(consolidate(results).events) == 2


def test_an_undated_mention_joins_the_event_nearest_its_articles_date():
    # the 4 April call and the 13 April call; a report of 14 April that gives no date
    # speaks of the recent one
    results = [
        doc("a.txt", D(2024, 4, 14), (CALL, "P:lopez", ["P:carter"], D(2024, 4, 4), A),
            (CALL, "P:lopez", ["P:carter"], D(2024, 4, 13), A)),
        doc("b.txt", D(2024, 4, 14), (CALL, "P:lopez", ["P:carter"], None, A)),
    ]
    events = {e.date: e.doc_ids for e in consolidate(results).events}
    assert events == {D(2024, 4, 4): ["a.txt"], D(2024, 4, 13): ["a.txt", "b.txt"]}


def test_an_undated_article_is_read_against_its_neighbours_dates():
    results = [
        doc("news/a.txt", D(2024, 4, 14), (CALL, "P:lopez", ["P:carter"], D(2024, 4, 4), A),
            (CALL, "P:lopez", ["P:carter"], D(2024, 4, 13), A)),
        doc("news/b.txt", D(2024, 4, 15)),
        doc("news/c.txt", None, (CALL, "P:lopez", ["P:carter"], None, A)),
    ]
    events = {e.date: e.doc_ids for e in consolidate(results).events}
    assert events[D(2024, 4, 13)] == ["news/a.txt", "news/c.txt"]


def test_a_plan_and_its_holding_are_one_event_but_a_negated_one_stays_apart():
    meet = Relation.CONVENED
    results = [
        doc("a.txt", D(2024, 4, 13), (meet, "P:lopez", ["P:carter"], D(2024, 4, 14),
                                      Factuality.FUTURE)),
        doc("b.txt", D(2024, 4, 15), (meet, "P:lopez", ["P:carter"], None, A)),
        doc("c.txt", D(2024, 4, 15), (meet, "P:lopez", ["P:carter"], None, N)),
    ]
    events = sorted(consolidate(results).events, key=lambda e: e.factuality.strength)
    assert [(e.factuality, e.doc_ids) for e in events] == [
        (N, ["c.txt"]), (A, ["a.txt", "b.txt"])]
    assert events[1].date == D(2024, 4, 14)


def test_different_parties_or_relations_stay_apart():
    results = [
        doc("a.txt", None, (CALL, "P:lopez", ["P:carter"], None, A)),
        doc("b.txt", None, (CALL, "P:lopez", ["P:reyes"], None, A),
            (Relation.ATTACKED, "P:lopez", ["P:carter"], None, A)),
    ]
    assert len(consolidate(results).events) == 3


def test_entities_merge_by_wikidata_id_else_by_name_and_unnamed_ones_stay_home():
    a = {"P:joe biden": person("P:joe biden", "Joe Biden", "Q6279"),
         "u:official": Entity("u:official", "senior official", EntityType.PERSON,
                              anonymous=True)}
    b = {"P:biden": person("P:biden", "Biden", "Q6279"),
         "u:official": Entity("u:official", "senior official", EntityType.PERSON,
                              anonymous=True)}
    c = {"P:biden": person("P:biden", "Biden", "Q6279")}
    graph = consolidate([doc("a.txt", None, entities=a), doc("b.txt", None, entities=b),
                         doc("c.txt", None, entities=c)])
    assert graph.entities["Q6279"].label == "Biden"  # the name most documents give
    assert graph.labels["Q6279"] == {"Joe Biden", "Biden"}
    assert sum(1 for k in graph.entities if k.endswith("u:official")) == 2


def test_the_graph_is_the_same_whatever_the_order_of_the_documents():
    results = [
        doc(f"d{i}.txt", D(2024, 4, 10 + i % 3),
            (CALL, "P:lopez", ["P:carter"], D(2024, 4, 9 + i % 4) if i % 2 else None, A),
            (Relation.ATTACKED, "P:reyes", ["P:carter"], None, N if i % 3 == 0 else A, 300))
        for i in range(12)]
    first = rdfio.to_ntriples(GraphBuilder().triples(results))
    for seed in range(3):
        shuffled = [DocResult(r.document, dict(r.entities),
                              [Event(e.relation, e.agent, e.others, e.quotes, e.factuality,
                                     e.date, e.confidence, list(e.evidence))
                               for e in r.events])
                    for r in results]
        random.Random(seed).shuffle(shuffled)
        assert rdfio.to_ntriples(GraphBuilder().triples(shuffled)) == first


def test_an_undated_mention_months_after_any_dated_report_is_an_event_of_its_own():
    results = [
        doc("a.txt", D(2021, 6, 2), (CALL, "P:lopez", ["P:carter"], D(2021, 6, 1), A)),
        doc("b.txt", D(2022, 3, 9), (CALL, "P:lopez", ["P:carter"], None, A)),
        doc("c.txt", D(2022, 3, 10), (CALL, "P:carter", ["P:lopez"], None, A)),
        doc("d.txt", D(2022, 9, 1), (CALL, "P:carter", ["P:lopez"], None, A)),
    ]
    events = sorted(e.doc_ids for e in consolidate(results).events)
    assert events == [["a.txt"], ["b.txt", "c.txt"], ["d.txt"]]


def test_one_publishers_articles_keep_one_clock():
    # a call on the 28th and a meeting on the 29th, each reported that day by the same
    # publisher, are two events; other publishers may date one event a day apart
    site = "https://www.example.gov/briefing-room/{}"
    results = [
        doc("a.md", D(2022, 6, 28), (CALL, "P:lopez", ["P:carter"], D(2022, 6, 28), A),
            url=site.format("a")),
        doc("b.md", D(2022, 6, 29), (CALL, "P:lopez", ["P:carter"], D(2022, 6, 29), A),
            url=site.format("b")),
        doc("c.md", D(2022, 6, 30), (CALL, "P:lopez", ["P:carter"], D(2022, 6, 29), A),
            url="https://news.example.org/c"),
    ]
    events = sorted(e.doc_ids for e in consolidate(results).events)
    assert events == [["a.md"], ["b.md", "c.md"]]
