"""Extraction of each relation in its plain forms, with sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import extract_document
from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.model import Document, EntityType
from kg.nlp import load_pipeline, parse_documents


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def extract(nlp, text: str, date: dt.date | None = None):
    document = Document(id="t.txt", text=text, date=date)
    [(doc, segments)] = list(parse_documents(nlp, [document]))
    return extract_document(doc, segments, load_lexicon(), load_gazetteer())


def events(result):
    """(relation, agent, others, factuality, date, quotes) of each event, labels for keys."""
    label = {k: e.label for k, e in result.entities.items()}
    return {
        (e.relation.value, label[e.agent], tuple(sorted(label[o] for o in e.others)),
         e.factuality.value, e.date.isoformat() if e.date else None, e.quotes)
        for e in result.events
    }


def test_spoke_with_verb(nlp):
    result = extract(nlp, "Chancellor Olaf Scholz spoke with President Emmanuel Macron.")
    assert events(result) == {
        ("spoke_with", "Olaf Scholz", ("Emmanuel Macron",), "asserted", None, ())}


def test_told_is_a_conversation(nlp):
    result = extract(nlp, "Joe Biden told Benjamin Netanyahu that the talks would go on.")
    assert ("spoke_with", "Joe Biden", ("Benjamin Netanyahu",), "asserted", None, ()) in \
        events(result)


def test_attacked_verb_and_passive(nlp):
    active = extract(nlp, "Russia attacked Ukraine in February.")
    assert ("attacked", "Russia", ("Ukraine",), "asserted", None, ()) in events(active)
    passive = extract(nlp, "Israel was attacked by Iran on Saturday.", dt.date(2024, 4, 14))
    assert ("attacked", "Iran", ("Israel",), "asserted", "2024-04-13", ()) in events(passive)


def test_launched_missiles_at(nlp):
    result = extract(nlp, "Iran launched hundreds of missiles at Israel.")
    assert ("attacked", "Iran", ("Israel",), "asserted", None, ()) in events(result)


def test_nominal_attack_with_possessor(nlp):
    result = extract(nlp, "Officials condemned Russia's attack on Ukraine.")
    assert ("attacked", "Russia", ("Ukraine",), "asserted", None, ()) in events(result)


def test_will_convene_is_future(nlp):
    result = extract(nlp, "President Joe Biden will convene the G7 on Sunday.",
                     dt.date(2024, 4, 13))
    assert ("convened", "Joe Biden", ("G7",), "future", "2024-04-14", ()) in events(result)


def test_meeting_a_team_is_a_convening(nlp):
    result = extract(nlp, "Joe Biden met with his national security team.")
    [(relation, agent, others, *_)] = events(result)
    assert (relation, agent) == ("convened", "Joe Biden")
    assert others == ("national security team",)


def test_negated_and_conditional_attacks_are_not_asserted(nlp):
    negated = extract(nlp, "Germany did not attack France.")
    assert {e[3] for e in events(negated)} == {"negated"}
    conditional = extract(nlp, "If Russia attacks Poland, NATO will respond.")
    assert {e[3] for e in events(conditional) if e[0] == "attacked"} == {"hypothetical"}


def test_quote_said_after(nlp):
    result = extract(nlp, "“We will keep working together,” John Kirby said.")
    assert events(result) == {
        ("stated", "John Kirby", (), "asserted", None, ("We will keep working together",))}


def test_quote_pronoun_continues_named_speaker(nlp):
    text = ("Defense Secretary Lloyd Austin spoke to reporters.\n"
            "“We do not seek conflict,” he said. “We will defend our forces.”")
    result = extract(nlp, text)
    quotes = {e[5][0]: e[1] for e in events(result) if e[0] == "stated"}
    assert quotes == {"We do not seek conflict": "Lloyd Austin",
                      "We will defend our forces.": "Lloyd Austin"}


def test_names_of_one_person_are_one_entity(nlp):
    result = extract(nlp, "President Joe Biden spoke with Netanyahu. Biden said little.")
    people = [e for e in result.entities.values() if e.type == EntityType.PERSON]
    biden = next(e for e in people if e.label == "Joe Biden")
    assert "Biden" in biden.alt_labels
    assert sum(1 for e in people if "Biden" in e.label) == 1


def test_country_aliases_are_one_entity(nlp):
    result = extract(nlp, "The U.S. and the United States are one country; so is the US.")
    places = [e for e in result.entities.values() if e.type == EntityType.LOCATION]
    assert [e.label for e in places] == ["United States"]


def test_evidence_offsets_point_into_the_text(nlp):
    text = "A first paragraph.\n\nRussia attacked Ukraine again."
    result = extract(nlp, text)
    [event] = result.events
    [evidence] = event.evidence
    assert text[evidence.start:evidence.end] == evidence.text == "Russia attacked Ukraine again."
