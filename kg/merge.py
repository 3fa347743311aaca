"""Consolidation: mentions of one happening become one event, across the corpus.

One mechanism serves a document and a corpus. Two mentions are the same event when they
have the same class, the same parties (for a conversation in either role), the same quoted
words for a statement, compatible factuality (a planned meeting and the held one are one
event; a negated event is never merged with one that is not) and compatible dates:

- within one article, equal dates (an article that names two days names two events);
- across articles of one publisher (the host of their URLs), equal dates too: they
  keep one clock;
- across other articles, dates at most a day apart (a call late on Saturday in
  Washington is Sunday in Israel, and reports date it by either clock);
- a mention without a date joins an event of its own article, or one that other
  articles date within a week of its article's date (news reports what is recent): the
  one nearest that date (for an undated article, its neighbours' date), else the first
  in order. An article without any date to go by joins the first in order.

A dated mention joins the event, among those it agrees with, whose dates lie nearest its
own. It must agree with every dated mention already there, so dates a day apart never
chain into a week. The merged event keeps every evidence node; its
factuality is the strongest of its evidence, its date the one most articles give (the
earliest among equals).

:func:`consolidate` also gives entities their graph-wide keys (a Wikidata id, else type and
name; an unnamed entity stays within its document) and merges them. Everything here is
independent of the order in which documents arrive.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from kg.model import DocResult, Document, Entity, Event, Evidence, Factuality, Relation, strongest

#: the dated articles beside an undated one must lie within this many days of each other
#: for their dates to tell the undated one's year
YEAR_SPAN_DAYS = 92

#: how far apart (in days) two articles may date one event
CLOCK_SLACK_DAYS = 1

#: how far (in days) from its article's date an undated mention may find its event in
#: other articles
RECENT_DAYS = 7


def _quote_key(event: Event) -> tuple[str, ...]:
    return tuple(" ".join(q.lower().split()) for q in event.quotes)


def identity(event: Event) -> tuple:
    """What two mentions must share to be one event (dates and factuality aside), as
    plain values in a fixed order (a key that is the same on every run)."""
    if event.relation == Relation.SPOKE_WITH:
        parties: tuple = (tuple(sorted({event.agent, *event.others})),)
    else:
        parties = (event.agent, tuple(sorted(set(event.others))))
    return (event.relation.value, parties, _quote_key(event),
            event.factuality == Factuality.NEGATED)


def _day(event: Event) -> tuple[int, int] | None:
    return (event.date.month, event.date.day) if event.date else event.day


def _dated(event: Event) -> bool:
    return _day(event) is not None


def _doc(event: Event) -> str:
    return event.evidence[0].doc_id


def publisher(document: Document) -> str | None:
    """The host of the document's URL, which tells whose clock its dates keep."""
    host = urlsplit(document.url).hostname if document.url else None
    return host.removeprefix("www.") if host else None


def _dates_agree(a: Event, b: Event, publishers: dict[str, str | None]) -> bool:
    """Whether two dated mentions can be one event."""
    one_clock = _doc(a) == _doc(b) or publishers.get(_doc(a)) is not None and \
        publishers.get(_doc(a)) == publishers.get(_doc(b))
    if one_clock:
        return _day(a) == _day(b) and (not (a.date and b.date) or a.date == b.date)
    if a.date and b.date:
        return abs((a.date - b.date).days) <= CLOCK_SLACK_DAYS
    return _day(a) == _day(b)  # a day without a year: only the same day


def _order(event: Event) -> tuple:
    first = min(event.evidence, key=lambda ev: (ev.doc_id, ev.start))
    return (first.doc_id, first.start, first.end, event.relation.value, event.agent)


@dataclass
class _Cluster:
    """The mentions of one event, in text order."""

    members: list[Event] = field(default_factory=list)

    def accepts(self, event: Event, publishers: dict[str, str | None]) -> bool:
        return all(_dates_agree(m, event, publishers) for m in self.members if _dated(m))

    def dates(self) -> list[dt.date]:
        return [m.date for m in self.members if m.date]

    def distance(self, reference: dt.date | None) -> int:
        dates = self.dates()
        if reference is None or not dates:
            return 0
        return min(abs((d - reference).days) for d in dates)

    def may_hold(self, event: Event, references: dict[str, dt.date | None]) -> bool:
        """Whether an undated mention may be of this event (see the module docstring)."""
        reference = references.get(_doc(event))
        if reference is None or any(_doc(m) == _doc(event) for m in self.members):
            return True
        if self.dates():
            return self.distance(reference) <= RECENT_DAYS
        others = [references.get(_doc(m)) for m in self.members]
        return all(r is not None and abs((r - reference).days) <= RECENT_DAYS for r in others)

    def event(self) -> Event:
        first = self.members[0]
        evidence = _unique_evidence([ev for m in self.members for ev in m.evidence])
        date = _most_reported([(m.date, _doc(m)) for m in self.members if m.date])
        day = _most_reported([(m.day, _doc(m)) for m in self.members if m.day])
        return Event(first.relation, first.agent, first.others, first.quotes,
                     strongest([ev.factuality for ev in evidence]), date,
                     max(m.confidence for m in self.members), evidence,
                     None if date else day)


def _most_reported(values: list[tuple]) -> object:
    """The value the most documents give; among equals the least."""
    docs: dict[object, set[str]] = defaultdict(set)
    for value, doc in values:
        docs[value].add(doc)
    if not docs:
        return None
    return min(docs, key=lambda v: (-len(docs[v]), v))


def merge_events(events: Iterable[Event],
                 references: dict[str, dt.date | None] | None = None,
                 publishers: dict[str, str | None] | None = None) -> list[Event]:
    """Merge mentions of the same happening; the result is in text order.

    ``references``: the date that an undated mention of each document is read against
    (by default none: it joins the first compatible event); ``publishers``: each
    document's publisher (:func:`publisher`), where known."""
    references = references or {}
    publishers = publishers or {}
    pending = sorted(events, key=_order)
    clusters: dict[tuple, list[_Cluster]] = defaultdict(list)
    for event in (e for e in pending if _dated(e)):
        group = clusters[identity(event)]
        fits = [c for c in group if c.accepts(event, publishers)]
        if not fits:
            group.append(_Cluster())
            fits = group[-1:]
        min(fits, key=lambda c: c.distance(event.date)).members.append(event)
    for event in (e for e in pending if not _dated(e)):
        group = clusters[identity(event)]
        candidates = [c for c in group if c.may_hold(event, references)]
        if not candidates:
            group.append(_Cluster())
            candidates = group[-1:]
        reference = references.get(_doc(event))
        min(candidates, key=lambda c: c.distance(reference)).members.append(event)
    merged = [c.event() for group in clusters.values() for c in group]
    return sorted(merged, key=_order)


def _unique_evidence(evidence: list[Evidence]) -> list[Evidence]:
    """One evidence node per sentence: two triggers of one event in one sentence are one
    mention, with the stronger factuality."""
    best: dict[tuple, Evidence] = {}
    for ev in evidence:
        key = (ev.doc_id, ev.start, ev.end)
        if key not in best or ev.factuality.strength > best[key].factuality.strength:
            best[key] = ev
    return [best[k] for k in sorted(best)]


def _folder(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[0] if "/" in doc_id else ""


class ReferenceDates:
    """The date each document is read against: its own, or for an undated one the median
    date of the dated articles in its folder when those lie within a few months of each
    other (it is taken to be of their time); else none.

    Fed documents' folders and dates one at a time (:meth:`add`), it keeps only the dates
    (a few bytes each), so a corpus of any size can be read as a stream."""

    def __init__(self) -> None:
        self._dated: dict[str, array] = defaultdict(lambda: array("l"))
        self._medians: dict[str, dt.date | None] = {}

    def add(self, doc_id: str, date: dt.date | None) -> None:
        if date:
            self._dated[_folder(doc_id)].append(date.toordinal())
            self._medians.pop(_folder(doc_id), None)

    def of(self, doc_id: str, date: dt.date | None) -> dt.date | None:
        """The reference date of a document with this id and own date."""
        if date:
            return date
        folder = _folder(doc_id)
        if folder not in self._medians:
            days = sorted(self._dated.get(folder, ()))
            near = bool(days) and days[-1] - days[0] <= YEAR_SPAN_DAYS
            self._medians[folder] = dt.date.fromordinal(days[len(days) // 2]) if near else None
        return self._medians[folder]


def reference_dates(documents: Iterable[Document]) -> dict[str, dt.date | None]:
    """Each document's reference date (:class:`ReferenceDates`), by document id."""
    documents = list(documents)
    references = ReferenceDates()
    for document in documents:
        references.add(document.id, document.date)
    return {d.id: references.of(d.id, d.date) for d in documents}


def _give_years(result: DocResult, reference: dt.date | None) -> None:
    """Give a year to days named without one ("on April 14th") in an undated article:
    the year that puts the day nearest the article's reference date. Relative dates ("on
    Saturday") are not resolved this way: they need the article's own date."""
    from kg.extract.dates import nearest_year  # kg.extract imports this module

    if result.document.date or reference is None:
        return
    for event in result.events:
        if event.date is None and event.day is not None:
            event.date = nearest_year(*event.day, reference)


# -- the corpus ------------------------------------------------------------------------

def global_key(entity: Entity, doc_id: str) -> str:
    """The graph-wide identity of a document's entity: its Wikidata id, else its key
    (type and name); an unnamed entity is never merged outside its document."""
    if entity.wikidata:
        return entity.wikidata
    if entity.key.startswith("u:"):
        return f"{doc_id}\x1f{entity.key}"
    return entity.key


def document_mentions(result: DocResult, reference: dt.date | None
                      ) -> tuple[list[tuple[str, Entity]], list[Event]]:
    """What one document brings to the corpus graph: its entities under their graph-wide
    keys (in the document's order), and its events with graph-wide keys as parties and
    each evidence node dated as its article dates the event. Years are first given to
    the days of an undated article (this changes the result's events)."""
    _give_years(result, reference)
    doc_id = result.document.id
    keys = {k: global_key(e, doc_id) for k, e in result.entities.items()}
    entities = [(keys[k], e) for k, e in result.entities.items()]
    events = [replace(e, agent=keys[e.agent], others=tuple(keys[o] for o in e.others),
                      evidence=[replace(ev, date=e.date) for ev in e.evidence])
              for e in result.events]
    return entities, events


def merge_entity(gkey: str, mentions: list[Entity]) -> tuple[Entity, set[str]]:
    """One entity of the graph from its documents' entities (in document order), and
    every name they give it. Its label is the name most documents give (among equals,
    the longest), its link confidence the surest of the documents' links; the rest is
    the first document's."""
    labels = Counter(e.label for e in mentions)
    label = max(labels.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
    names = {name for e in mentions for name in (e.label, *e.alt_labels)}
    confidences = [e.link_confidence for e in mentions if e.link_confidence is not None]
    entity = replace(mentions[0], key=gkey, label=label,
                     link_confidence=max(confidences) if confidences else None)
    return entity, names


@dataclass
class Consolidated:
    """A corpus's graph before RDF: documents, merged entities (by graph-wide key) and
    merged events whose agent and others are graph-wide keys."""

    documents: list[Document]
    entities: dict[str, Entity]
    labels: dict[str, set[str]]  # every name given to each entity
    events: list[Event]


def consolidate(results: Iterable[DocResult]) -> Consolidated:
    """Merge documents' results into one graph, in memory (:mod:`kg.store` does the same
    as a stream): entities by :func:`merge_entity`, events by :func:`merge_events`."""
    results = sorted(results, key=lambda r: r.document.id)
    references = reference_dates(r.document for r in results)
    mentions: dict[str, list[Entity]] = defaultdict(list)
    events: list[Event] = []
    for result in results:
        entities, doc_events = document_mentions(result, references[result.document.id])
        for gkey, entity in entities:
            mentions[gkey].append(entity)
        events.extend(doc_events)
    merged = {gkey: merge_entity(gkey, mentions[gkey]) for gkey in sorted(mentions)}
    publishers = {r.document.id: publisher(r.document) for r in results}
    return Consolidated([r.document for r in results],
                        {gkey: entity for gkey, (entity, _) in merged.items()},
                        {gkey: names for gkey, (_, names) in merged.items()},
                        merge_events(events, references, publishers))
