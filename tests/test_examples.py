"""The example corpus builds, validates, and its SPARQL queries give the expected answers."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import build
from kg.model import Relation

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def example_build():
    return build([ROOT / "examples" / "corpus"])


@pytest.fixture(scope="module")
def store(example_build) -> ox.Store:
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in example_build.triples)
    return store


def test_example_corpus_validates_and_has_every_relation(example_build):
    assert example_build.validation.conforms, example_build.validation.render()
    assert example_build.documents == 5
    assert {r.value for r in Relation} <= set(example_build.events)


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_query_gives_expected_answer(store: ox.Store, query: Path):
    with open(query.with_suffix(".expected.csv"), encoding="utf-8", newline="") as fh:
        expected = [tuple(row) for row in csv.reader(fh)]
    result = store.query(query.read_text(encoding="utf-8"))
    header = tuple(v.value for v in result.variables)
    rows = [tuple(term.value for term in row) for row in result]
    assert [header, *rows] == expected


def test_every_query_has_an_expected_answer():
    assert QUERIES
    assert all(q.with_suffix(".expected.csv").is_file() for q in QUERIES)
