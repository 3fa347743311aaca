"""Extraction: one parsed document in, its entities and event mentions out.

:func:`extract_document` wires the parts: entities (:mod:`kg.entities`), quotes and
their speakers (:mod:`kg.extract.quotes`), the other relations
(:mod:`kg.extract.relations`), then each mention's factuality
(:mod:`kg.extract.factuality`), date (:mod:`kg.extract.dates`) and evidence sentence.
Mentions of one happening within the document are merged by :mod:`kg.merge`.
"""

from __future__ import annotations

from kg.entities import DocEntities, find_entities
from kg.extract import syntax
from kg.extract.dates import event_date
from kg.extract.factuality import factuality
from kg.extract.quotes import find_quotes
from kg.extract.relations import find_relations
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.merge import merge_events
from kg.model import DocResult, Document, Event, Evidence, Factuality, Relation
from kg.nlp import Segment


def _evidence(document: Document, segment: Segment, start: int, end: int,
              fact: Factuality) -> Evidence:
    text = segment.doc.text[start:end]
    return Evidence(doc_id=document.id, text=text, start=segment.offset + start,
                    end=segment.offset + end, factuality=fact)


def extract_document(document: Document, segments: list[Segment], lexicon: Lexicon,
                     gazetteer: Gazetteer) -> DocResult:
    """The entities and events of one document."""
    ents = find_entities(segments, lexicon, gazetteer)
    events: list[Event] = []
    for quote in find_quotes(segments, ents, lexicon):
        if quote.speaker is None:
            continue
        fact = factuality(quote.verb, lexicon) if quote.verb is not None and \
            quote.verb.doc is quote.segment.doc else Factuality.ASSERTED
        evidence = _evidence(document, quote.segment, *quote.evidence, fact)
        confidence = 0.9 if quote.verb is not None else 0.7
        events.append(Event(Relation.STATED, quote.speaker, quotes=(quote.text,),
                            factuality=fact, confidence=confidence, evidence=[evidence]))
    for segment in segments:
        for found in find_relations(segment.doc, ents, lexicon):
            fact = factuality(found.trigger, lexicon, found.agent_token)
            date, day = event_date(found.trigger, document.date,
                                   future=fact == Factuality.FUTURE)
            start, end = syntax.sentence_bounds(found.trigger.sent)
            evidence = _evidence(document, segment, start, end, fact)
            events.append(Event(found.relation, found.agent, found.others, factuality=fact,
                                date=date, confidence=found.confidence, evidence=[evidence],
                                day=day))
    used = _used_entities(events, ents)
    return DocResult(document=document, entities=used, events=merge_events(events))


def _used_entities(events: list[Event], ents: DocEntities) -> dict:
    """Every named entity of the document, and the unnamed ones that take part in events."""
    keys = {e.agent for e in events} | {k for e in events for k in e.others}
    return {k: v for k, v in ents.entities.items() if k in keys or not k.startswith("u:")}


__all__ = ["extract_document"]
