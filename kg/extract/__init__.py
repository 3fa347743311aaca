"""Extraction: one parsed document in, its entities and event mentions out.

:func:`extract_document` wires the parts: entities (:mod:`kg.entities`), quotes and
their speakers (:mod:`kg.extract.quotes`), the other relations
(:mod:`kg.extract.relations`), then each mention's factuality
(:mod:`kg.extract.factuality`), date (:mod:`kg.extract.dates`) and evidence sentence.
Mentions of one happening within the document are merged by :mod:`kg.merge`.
"""

from __future__ import annotations

from dataclasses import replace

from kg import syntax
from kg.entities import DocEntities, Role, find_entities
from kg.extract.dates import When, event_date, is_past, reporting_verb
from kg.extract.factuality import factuality
from kg.extract.quotes import Quote, find_quotes
from kg.extract.relations import find_relations, nominal_triggers
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.merge import merge_events
from kg.model import DocResult, Document, Event, Evidence, Factuality, Relation
from kg.nlp import Segment


def _evidence(document: Document, segment: Segment, start: int, end: int,
              fact: Factuality) -> Evidence:
    # (the document's own characters: the parsed text has plain spaces for no-break ones)
    text = document.text[segment.offset + start:segment.offset + end]
    return Evidence(doc_id=document.id, text=text, start=segment.offset + start,
                    end=segment.offset + end, factuality=fact)


def _sentence_evidence(document: Document, segment: Segment, token,
                       fact: Factuality) -> Evidence:
    start, end = syntax.sentence_bounds(token.sent)
    return _evidence(document, segment, start, end, fact)


def _when(trigger, fact: Factuality, ents: DocEntities, lexicon: Lexicon,
          document: Document) -> When:
    """The event's date. Inside a quote, relative dates count from when it was said. A
    past event reported without a date of its own takes the date of its report ("said on
    Saturday that he had spoken with …")."""
    reference = ents.reference_dates.get(ents.pos(trigger), document.date)
    when = event_date(trigger, reference, future=fact == Factuality.FUTURE)
    if when.stated or fact != Factuality.ASSERTED or not is_past(trigger):
        return when
    verb = reporting_verb(trigger, lexicon.speech_verbs)
    return event_date(verb, reference) if verb is not None else when


def _of_alternatives(fact: Factuality, alternatives: str | None) -> Factuality:
    """What a mention with alternatives tells of each: "Biden or Harris spoke with him"
    says one of them did, not that Biden did (Hypothetical); "neither Biden nor Harris
    met her" denies both (Negated)."""
    if alternatives == "nor":
        return Factuality.NEGATED
    if alternatives == "or" and fact in (Factuality.ASSERTED, Factuality.FUTURE):
        return Factuality.HYPOTHETICAL
    return fact


def _said(quote: Quote, lexicon: Lexicon) -> Factuality:
    """The factuality of a quote's saying: its verb's, except that quoting someone ("and
    I'll quote him: “…”") tells of words they said before, whatever the quoting's own."""
    verb = quote.verb
    if verb is None or verb.doc is not quote.segment.doc or \
            verb.lemma_.lower() in lexicon.speaker_object_verbs:
        return Factuality.ASSERTED
    return factuality(verb, lexicon)


def extract_document(document: Document, segments: list[Segment], lexicon: Lexicon,
                     gazetteer: Gazetteer) -> DocResult:
    """The entities and events of one document."""
    ents = find_entities(segments, lexicon, gazetteer)
    events: list[Event] = []
    for quote in find_quotes(segments, ents, lexicon, document.date):
        if quote.speaker is None:
            continue
        fact = _said(quote, lexicon)
        if fact == Factuality.FUTURE:
            continue  # "they will say, “…”", "I'll say, “…”": words no one has said yet
            # are how someone would put it, by habit or in a case imagined; no statement
        evidence = _evidence(document, quote.segment, *quote.evidence, fact)
        confidence = 0.9 if quote.verb is not None else 0.7
        events.append(Event(Relation.STATED, quote.speaker, quotes=(quote.text,),
                            factuality=fact, confidence=confidence, evidence=[evidence]))
    used_triggers = set()
    open_nominals: set[int] = set()  # ids of events told only by an undated nominal
    for segment in segments:
        for found in find_relations(segment.doc, ents, lexicon):
            fact = _of_alternatives(factuality(found.trigger, lexicon, found.agent_token),
                                    found.alternatives)
            when = _when(found.trigger, fact, ents, lexicon, document)
            reference = ents.reference_dates.get(ents.pos(found.trigger), document.date)
            if fact == Factuality.ASSERTED and when.date and reference and \
                    when.date > reference:
                fact = Factuality.FUTURE  # "Biden's meeting with Xi tomorrow"
            elif fact == Factuality.FUTURE and when.date and reference and \
                    when.date < reference:
                fact = Factuality.ASSERTED  # "December 15-16: Donfried consults EU partners",
                # listed in January: an event dated before its report has happened
            evidence = _sentence_evidence(document, segment, found.trigger, fact)
            events.append(Event(found.relation, found.agent, found.others, factuality=fact,
                                date=when.date, confidence=found.confidence,
                                evidence=[evidence], day=when.day))
            used_triggers.add(ents.pos(found.trigger))
            if fact == Factuality.ASSERTED and _open_nominal(found.trigger, when):
                open_nominals.add(id(events[-1]))
    _ahead_as_told(events, open_nominals)
    events = merge_events(events)
    _date_bare_mentions(document, segments, ents, lexicon, events, used_triggers)
    used = _used_entities(events, ents)
    return DocResult(document=document, entities=used, events=events)


def _open_nominal(trigger, when: When) -> bool:
    """A nominal mention with no date, in a clause that is not in the past ("whether he
    plans to bring up the case at the meeting with the GCC", "fallout for her meeting
    with Speaker McCarthy"): the text takes the meeting for granted but does not say
    whether it has happened."""
    if trigger.pos_ not in ("NOUN", "PROPN") or when.stated or when.day:
        return False
    verb = syntax.governing_verb(trigger)
    return verb is None or not is_past(verb)


def _ahead_as_told(events: list[Event], open_nominals: set[int]) -> None:
    """An open nominal mention of a happening that the document otherwise tells only as
    lying ahead ("the President will meet the GCC leaders on Saturday … bring up his case
    at the meeting with the GCC") is of that happening: it lies ahead too."""
    def between(event: Event) -> tuple:  # (a meeting may be told as talks or as a convening)
        if event.relation == Relation.ATTACKED:
            return ("attacked", event.agent, tuple(sorted(event.others)))
        return ("meeting", tuple(sorted({event.agent, *event.others})))

    told: dict[tuple, set[Factuality]] = {}
    for event in events:
        if id(event) not in open_nominals and event.relation != Relation.STATED:
            told.setdefault(between(event), set()).add(event.factuality)
    for event in events:
        if id(event) in open_nominals and told.get(between(event)) == {Factuality.FUTURE}:
            event.factuality = Factuality.FUTURE
            event.evidence = [replace(ev, factuality=Factuality.FUTURE) for ev in event.evidence]


#: how far (in characters) a dated mention that names no one may lie from the event it
#: dates: within a news story, not across a long briefing ("the January 6th attack" an
#: hour of questions after a Houthi strike is another attack)
BARE_MENTION_REACH = 3000


def _date_bare_mentions(document: Document, segments: list[Segment], ents: DocEntities,
                        lexicon: Lexicon, events: list[Event], used: set) -> None:
    """ "following April 13th's attack": a dated mention that names no one refers to the
    document's one undated event of that class, if it has exactly one; it gives that
    event its date and a mention."""
    for segment in segments:
        named: set[str] | None = None  # the entities the paragraph names, when needed
        for relation, noun in nominal_triggers(segment.doc, lexicon):
            if ents.pos(noun) in used:
                continue
            reference = ents.reference_dates.get(ents.pos(noun), document.date)
            when = event_date(noun, reference, own=True)
            if when.date is None and when.day is None:
                continue
            fact = factuality(noun, lexicon)
            if fact != Factuality.ASSERTED:
                continue
            agent = _own_agent(noun, ents)
            here = segment.offset + noun.idx
            if named is None:
                named = {ents.by_token[(segment.index, t.i)] for t in segment.doc
                         if (segment.index, t.i) in ents.by_token}
            open_events = [e for e in events if e.relation == relation and e.date is None
                           and e.day is None and e.factuality == Factuality.ASSERTED
                           and agent in (None, e.agent) and any(
                               abs(ev.start - here) <= BARE_MENTION_REACH for ev in e.evidence)
                           and named & {e.agent, *e.others}]
            # (its paragraph must name a party of the event: "the assault on 7th of
            # October" among remarks on Ukraine is not Russia's invasion)
            if len(open_events) != 1:
                continue
            event = open_events[0]
            event.date, event.day = when.date, when.day
            event.evidence.append(_sentence_evidence(document, segment, noun, fact))
            event.evidence.sort(key=lambda ev: (ev.start, ev.end))


def _own_agent(noun, ents: DocEntities) -> str | None:
    """The agent a nominal mention names itself ("Iran's attack"), if any."""
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound"):
            keys = ents.resolve(child, Role.ACTOR)
            if keys:
                return keys[0]
    return None


def _used_entities(events: list[Event], ents: DocEntities) -> dict:
    """Every named entity of the document, and the unnamed ones that take part in events."""
    keys = {e.agent for e in events} | {k for e in events for k in e.others}
    return {k: v for k, v in ents.entities.items() if k in keys or not k.startswith("u:")}


__all__ = ["extract_document"]
