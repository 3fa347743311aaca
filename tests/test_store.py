"""Incremental builds with --store (kg.store), and the same graph whatever the file order.

The articles are written here; each build's NLP is counted (``BuildResult.parsed``) and, on
a run that must parse nothing, the model loader is made to fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.nlp
from kg import rdfio
from kg.api import build
from kg.cli import app
from kg.store import DocumentStore, extraction_sources, result_from_json, result_to_json
from kg.vocab import DEFAULT_BASE

ARTICLES = {
    "a.txt": "date 2024-05-12\nPresident Joe Biden spoke with Prime Minister Benjamin "
             "Netanyahu by phone on Saturday, the White House said.\n",
    "b.txt": "date 2024-05-12\nJoe Biden and Benjamin Netanyahu spoke on Saturday. "
             "“We will stand together,” Biden said after the call.\n",
    "c.txt": "date 2024-05-13\nRussia attacked Ukraine with drones on Sunday, officials in "
             "Kyiv said.\n",
}
EXTRA = ("d.txt", "date 2024-05-13\nIsraeli Prime Minister Benjamin Netanyahu told Joe "
                  "Biden in a phone call on Saturday that Israel would respond.\n")


def write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def fresh(folder: Path) -> str:
    """The sorted N-Triples of a build without a store."""
    return rdfio.to_ntriples(build([folder], validate=False).triples)


def test_a_stored_corpus_parses_only_what_changed_and_gives_the_fresh_graph(
        tmp_path: Path, monkeypatch):
    corpus = write(tmp_path / "corpus", ARTICLES)
    store = tmp_path / "store"
    first = build([corpus], store=store)
    assert (first.parsed, first.reused, first.documents) == (3, 0, 3)
    assert first.conforms
    assert rdfio.to_ntriples(first.triples) == fresh(corpus)

    def no_model(*args, **kwargs):
        raise AssertionError("an unchanged corpus must not load the model")

    with monkeypatch.context() as m:
        m.setattr(kg.nlp, "load_pipeline", no_model)
        again = build([corpus], store=store, validate=False)
    assert (again.parsed, again.reused, again.withdrawn) == (0, 3, 0)
    assert rdfio.to_ntriples(again.triples) == rdfio.to_ntriples(first.triples)

    write(corpus, dict([EXTRA]))
    added = build([corpus], store=store, validate=False)
    assert (added.parsed, added.reused) == (1, 3)
    assert rdfio.to_ntriples(added.triples) == fresh(corpus)

    (corpus / "c.txt").write_text(ARTICLES["c.txt"].replace("drones", "missiles"),
                                  encoding="utf-8")
    changed = build([corpus], store=store, validate=False)
    assert (changed.parsed, changed.reused) == (1, 3)
    assert "missiles" in rdfio.to_ntriples(changed.triples)

    (corpus / "c.txt").unlink()
    gone = build([corpus], store=store, validate=False)
    assert (gone.parsed, gone.reused, gone.withdrawn) == (0, 3, 1)
    assert rdfio.to_ntriples(gone.triples) == fresh(corpus)
    assert "Ukraine" not in rdfio.to_ntriples(gone.triples)


def test_the_store_holds_the_merged_graph_and_each_documents_part(tmp_path: Path):
    corpus = write(tmp_path / "corpus", ARTICLES)
    result = build([corpus], store=tmp_path / "store", validate=False)
    with DocumentStore(tmp_path / "store", DEFAULT_BASE) as kept:
        default = list(kept.store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))
        assert rdfio.to_ntriples(default) == rdfio.to_ntriples(result.triples)
        assert len(list(kept.store.named_graphs())) == 3
        for stored in kept.results():  # the stored part round-trips
            assert result_to_json(result_from_json(result_to_json(stored))) == \
                result_to_json(stored)


def test_one_call_reported_twice_is_one_event_in_the_graph(tmp_path: Path):
    corpus = write(tmp_path / "corpus", {k: ARTICLES[k] for k in ("a.txt", "b.txt")})
    result = build([corpus], validate=False)
    assert result.events["spoke_with"] == 1
    text = rdfio.to_ntriples(result.triples)
    event = next(line.split()[0] for line in text.splitlines()
                 if line.endswith("<https://w3id.org/kgbuild/ontology#Conversation> ."))
    derived = [line for line in text.splitlines()
               if line.startswith(event) and "wasDerivedFrom" in line]
    assert len(derived) == 2


def test_two_runs_and_another_file_order_give_the_same_graph(tmp_path: Path):
    corpus = write(tmp_path / "corpus", {**ARTICLES, EXTRA[0]: EXTRA[1]})
    files = sorted(corpus.iterdir())
    one = rdfio.to_ntriples(build(files, validate=False).triples)
    assert rdfio.to_ntriples(build(files, validate=False).triples) == one
    assert rdfio.to_ntriples(build(files[::-1], validate=False).triples) == one


@pytest.mark.slow
def test_two_processes_give_the_same_graph_as_one(tmp_path: Path):
    corpus = write(tmp_path / "corpus", {**ARTICLES, EXTRA[0]: EXTRA[1]})
    one = rdfio.to_ntriples(build([corpus], validate=False).triples)
    assert rdfio.to_ntriples(build([corpus], validate=False, n_process=2).triples) == one


def test_cli_store_without_output_and_errors(tmp_path: Path):
    corpus = write(tmp_path / "corpus", {"a.txt": ARTICLES["a.txt"]})
    runner = CliRunner()
    done = runner.invoke(app, [str(corpus), "--store", str(tmp_path / "s"), "-q"])
    assert done.exit_code == 0, done.output
    again = runner.invoke(app, [str(corpus), "--store", str(tmp_path / "s")])
    assert "parsed 0, unchanged 1" in again.output
    neither = runner.invoke(app, [str(corpus)])
    assert neither.exit_code == 2 and "--store" in neither.output
    (tmp_path / "file").write_text("x")
    bad = runner.invoke(app, [str(corpus), "--store", str(tmp_path / "file")])
    assert bad.exit_code == 3 and "not a store folder" in bad.output


def test_the_fingerprint_follows_extraction_code_and_data_not_the_rest():
    package = Path(kg.api.__file__).resolve().parent
    sources = {p.relative_to(package).as_posix() for p in extraction_sources()}
    assert {"corpus.py", "nlp.py", "entities.py", "syntax.py", "extract/relations.py",
            "extract/factuality.py", "link/linker.py", "data/lexicon.yaml"} <= sources
    assert not {"cli.py", "api.py", "store.py", "query.py", "load.py", "rdf.py",
                "validate.py", "eval.py"} & sources


def test_the_store_merges_as_a_stream_what_consolidate_merges_in_memory(tmp_path: Path):
    import datetime as dt

    from test_merge import CALL, A, N, doc, person

    from kg.merge import consolidate
    from kg.model import Entity, EntityType, Relation
    from kg.rdf import GraphBuilder

    official = {"u:official": Entity("u:official", "senior official", EntityType.PERSON,
                                     anonymous=True),
                "P:biden": person("P:biden", "Biden", "Q6279"),
                "P:lopez": person("P:lopez", "Maria Lopez"),
                "P:carter": person("P:carter", "Ben Carter")}
    results = [
        doc(f"news/d{i}.txt", dt.date(2024, 4, 10 + i % 3) if i % 4 else None,
            (CALL, "P:lopez", ["P:carter"], dt.date(2024, 4, 9 + i % 4) if i % 2 else None, A),
            (Relation.ATTACKED, "P:biden", ["P:carter"], None, N if i % 3 == 0 else A, 300),
            (CALL, "u:official", ["P:biden"], None, A, 500),
            entities=official, url=f"https://site{i % 2}.example/{i}")
        for i in range(12)]
    expected = rdfio.to_ntriples(GraphBuilder().triples(results))
    assert len(consolidate(results).events) > 12
    with DocumentStore(tmp_path / "store", DEFAULT_BASE) as kept:
        for result in results[::-1]:
            kept.put(result, "fingerprint")
        merged = kept.merge()
        assert rdfio.to_ntriples(kept.triples()) == expected
        assert merged.triples == len(expected.splitlines())
        entity_type = "<https://w3id.org/kgbuild/ontology#Entity> ."
        assert merged.entities == sum(line.endswith(entity_type) for line in expected.splitlines())
        # only the documents' graphs are left (the scratch table was elsewhere); merging
        # again gives the same graph
        assert len(list(kept.store.named_graphs())) == len(results)
        kept.merge()
        assert rdfio.to_ntriples(kept.triples()) == expected
