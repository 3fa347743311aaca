"""The narrow waist of the pipeline: plain dataclasses and no RDF.

Readers produce :class:`Document`; extraction produces :class:`Entity`, :class:`Event`
and :class:`Evidence` gathered per document in a :class:`DocResult`; the RDF edge
(:mod:`kg.rdf`) consumes them. Nothing here imports spaCy or an RDF library.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Relation(StrEnum):
    """The four relations, by the names the gold files and the CLI use."""

    SPOKE_WITH = "spoke_with"
    ATTACKED = "attacked"
    CONVENED = "convened"
    STATED = "stated"


class Factuality(StrEnum):
    """Whether the text says an event happened (see vocabulary: kgo:factuality)."""

    ASSERTED = "asserted"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"

    @property
    def strength(self) -> int:
        """Asserted over Future over Hypothetical over Negated."""
        return _STRENGTH[self]


_STRENGTH = {
    Factuality.ASSERTED: 3,
    Factuality.FUTURE: 2,
    Factuality.HYPOTHETICAL: 1,
    Factuality.NEGATED: 0,
}


def strongest(values: list[Factuality] | set[Factuality]) -> Factuality:
    """The event-level factuality of several mentions."""
    return max(values, key=lambda f: f.strength)


class EntityType(StrEnum):
    """The disjoint entity classes of the vocabulary."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    LOCATION = "Location"
    GROUP = "Group"


@dataclass(frozen=True)
class Document:
    """One source article as kgbuild read it.

    ``text`` is the text after front matter, markup and boilerplate were removed:
    evidence offsets point into it.
    """

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    path: str | None = None  # the file it came from, for messages only


@dataclass(frozen=True)
class Skipped:
    """A file or record that could not be read, and why."""

    path: str
    reason: str


@dataclass
class Entity:
    """One referent within a document (a cluster of mentions).

    ``key`` is local to the document; :mod:`kg.merge` maps it to a graph-wide key.
    ``anonymous`` marks unnamed sources ("a senior administration official"), which
    are never merged with anything outside their document.
    """

    key: str
    label: str
    type: EntityType
    alt_labels: set[str] = field(default_factory=set)
    wikidata: str | None = None
    link_confidence: float | None = None  # how sure the link to ``wikidata`` is
    anonymous: bool = False


@dataclass(frozen=True)
class Evidence:
    """One mention of an event: the sentence that states it, with offsets into the text,
    and the date its document gives the event (set when documents are merged)."""

    doc_id: str
    text: str
    start: int
    end: int
    factuality: Factuality
    date: dt.date | None = None


@dataclass
class Event:
    """One happening: who did what to whom, when, and how sure the text is of it.

    ``agent`` and ``others`` are entity keys. ``others`` are participants for
    spoke_with and convened, targets for attacked, and empty for stated, whose words
    are in ``quotes``.
    """

    relation: Relation
    agent: str
    others: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    factuality: Factuality = Factuality.ASSERTED
    date: dt.date | None = None
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)
    #: (month, day) when the text names a day but no year can be told ("on April 4th" in
    #: an undated article): never written out, but it keeps two such events apart and
    #: lets them join a dated report of the same day.
    day: tuple[int, int] | None = None

    @property
    def doc_ids(self) -> list[str]:
        return sorted({ev.doc_id for ev in self.evidence})


@dataclass
class DocResult:
    """What extraction found in one document."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
