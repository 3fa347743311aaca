"""Every output format holds the same triples, whatever the text; writes are atomic."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from kg import rdfio
from kg.model import DocResult, Document, Entity, EntityType, Event, Evidence, Factuality, Relation
from kg.nlp import add_components, load_for_extraction, load_pipeline, paragraphs, parse_documents
from kg.rdf import GraphBuilder
from kg.vocab import prefixes

NASTY = 'line one\nline two \\ backslash """ triple > angle <tag> “curly” 🚀 é\t\x0b end'


def nasty_graph() -> list:
    """A hand-made result whose every literal carries characters that break naive writers."""
    document = Document(id='dir/odd name "1".txt', text=NASTY, title=NASTY,
                        date=dt.date(2024, 4, 14), url="https://example.org/a?b=c&d=>")
    evidence = Evidence(document.id, NASTY, 0, len(NASTY), Factuality.ASSERTED)
    speaker = Entity("P:x", 'Dr. "Quote" \\ Person\n', EntityType.PERSON, {NASTY})
    event = Event(Relation.STATED, "P:x", quotes=(NASTY,), evidence=[evidence])
    result = DocResult(document, {"P:x": speaker}, [event])
    return list(GraphBuilder().triples([result]))


@pytest.mark.parametrize("fmt", list(rdfio.FORMATS))
def test_nasty_text_round_trips_in_every_format(tmp_path: Path, fmt: str):
    triples = nasty_graph()
    ext = rdfio.FORMATS[fmt][1][0]
    out = tmp_path / f"g{ext}"
    rdfio.write_graph(triples, out, fmt, prefixes())
    assert rdfio.to_ntriples(rdfio.read_triples(out)) == rdfio.to_ntriples(triples)


def test_jsonld_uses_short_keys(tmp_path: Path):
    out = tmp_path / "g.jsonld"
    rdfio.write_graph(nasty_graph(), out, "jsonld", prefixes())
    text = out.read_text(encoding="utf-8")
    assert '"agent"' in text and '"quote"' in text and '"@context"' in text


def test_failed_write_keeps_the_previous_file(tmp_path: Path, monkeypatch):
    out = tmp_path / "g.ttl"
    out.write_text("previous graph\n", encoding="utf-8")

    def broken(triples, fmt, prefixes):
        raise KeyboardInterrupt  # as if Ctrl-C came while serialising

    monkeypatch.setattr(rdfio, "serialize", broken)
    with pytest.raises(KeyboardInterrupt):
        rdfio.write_graph(nasty_graph(), out, "turtle", prefixes())
    assert out.read_text(encoding="utf-8") == "previous graph\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_interrupted_rename_leaves_no_temporary_file(tmp_path: Path, monkeypatch):
    out = tmp_path / "g.ttl"
    out.write_text("previous graph\n", encoding="utf-8")

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(rdfio.os, "replace", crash)
    with pytest.raises(OSError):
        rdfio.write_atomic(b"new", out)
    assert out.read_text(encoding="utf-8") == "previous graph\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_long_paragraphs_are_cut_at_sentence_ends():
    text = "Short first.\n" + " ".join(f"Sentence number {i} is here." for i in range(200))
    pieces = list(paragraphs(text, max_chars=500))
    assert all(len(p) <= 500 for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert all(p.rstrip().endswith(".") for _, p in pieces)


def test_long_paragraphs_are_not_cut_after_an_initial_or_an_abbreviation():
    sentence = "Mr. Lee of the U.S. Department of State met Gen. J. Smith on Jan. 5 in St. Louis. "
    text = sentence * 20
    pieces = list(paragraphs(text, max_chars=300))
    assert len(pieces) > 1
    assert all(p == sentence * (len(p) // len(sentence)) for _, p in pieces)


def test_document_longer_than_max_length_is_parsed_in_pieces():
    nlp = load_pipeline()
    nlp.max_length = 2_000
    try:
        text = "\n".join("Russia attacked Ukraine. " * 20 for _ in range(10))
        assert len(text) > nlp.max_length
        [(document, segments)] = list(parse_documents(nlp, [Document("long", text)]))
        assert len(segments) >= 10
        assert sum(len(s.doc) for s in segments) > 0
    finally:
        nlp.max_length = 1_000_000


def test_a_negated_and_an_asserted_event_of_one_sentence_are_two_nodes():
    """The same parties in the same sentence, once denied and once not ("there were no
    calls … Biden and Xi have not spoken"): two events, so two IRIs."""
    document = Document(id="d.txt", text="x")
    people = {k: Entity(k, k, EntityType.PERSON) for k in ("P:a", "P:b")}
    events = [Event(Relation.SPOKE_WITH, "P:a", ("P:b",), factuality=fact,
                    evidence=[Evidence("d.txt", "x", 0, 1, fact)])
              for fact in (Factuality.ASSERTED, Factuality.NEGATED)]
    triples = list(GraphBuilder().triples([DocResult(document, people, events)]))
    from kg.validate import validate_triples

    assert validate_triples(triples).conforms


def test_written_file_has_ordinary_permissions(tmp_path: Path):
    out = tmp_path / "g.ttl"
    rdfio.write_atomic(b"x", out)
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_table_attribute_ruler_gives_spacys_annotations():
    """The pipeline a build runs (kg.nlp.load_for_extraction) matches the attribute
    ruler's patterns by table look-ups (kg.ruler); every token gets the parts of speech,
    tags, morphology, lemmas and dependencies that spaCy's own matching gives, the
    exceptions ("ain't", "gonna", "'s") and whitespace tokens included."""
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    text = ("The ministers were meeting in Geneva;  she's gonna call him, ain't she?\n"
            "Biden spoke with leaders, told reporters and had talks. Iran’s drones struck "
            "bases — better than the best ones — and the children said “We went.” "
            "I'd've said no; y'all can't, cause it's 5 p.m. on Sept. 3rd, isn't it?")
    stock, ours = add_components(load_pipeline()), load_for_extraction()
    assert "match" in vars(ours.get_pipe("attribute_ruler"))  # the table matching is on
    assert "match" not in vars(stock.get_pipe("attribute_ruler"))
    columns = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
    for piece in (text, text.upper(), text.lower(), " ", ""):
        want, got = stock(piece), ours(piece)
        assert [t.text for t in got] == [t.text for t in want]
        assert (got.to_array(columns) == want.to_array(columns)).all()
        assert [str(t.morph) for t in got] == [str(t.morph) for t in want]
