"""The linker: which Wikidata entity, if any, a document's entity is.

For each named entity of a document it gathers candidates by name from its sources
(the user's knowledge bases first, then the bundled one, or the online API), keeps those
of a compatible type (a person never links to a country), and scores each:

- prominence, the candidate's prior (a country over a town of the same name);
- +0.1 when a name is the candidate's own label rather than an alias;
- +0.3 when the candidate belongs to a country the document names or the person's title
  names (a legislator of Japan in an article about Japan, "Israeli Prime Minister …");
- +0.3 when the KB knows the candidate's offices and one was held on the document's date
  (the president in office, not a namesake).

The best candidate is linked when its score reaches a threshold and beats the
second by a margin; otherwise the entity stays unlinked, since a wrong link is worse than
none. The link's confidence grows with the score and the margin. A person whose title
names a country links only to a person of that country; a person named only by title
and surname ("PM Netanyahu") links only when one person of the countries in context
bears that surname. A linked entity keeps the name the text gives it.

Places are linked before people and organisations, so that the countries a document
names are known when people are scored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.link.kb import KBEntity, name_key
from kg.model import DocResult, Entity, EntityType

LABEL_BONUS = 0.1
COUNTRY_BONUS = 0.3
OFFICE_BONUS = 0.3
MARGIN = 0.25
#: the score a candidate needs: a person's name alone (a legislator somewhere,
#: prominence 0.4) is not enough without the document's country or the office's date
THRESHOLD = 0.6
#: what is linked; groups ("security aides") and anonymous sources are not
LINKED_TYPES = frozenset({EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION})


class CandidateSource(Protocol):
    """Anything that finds Wikidata entities by name: a KB file, the online API."""

    def candidates(self, name: str, surname: bool = False) -> list[KBEntity]: ...


@dataclass(frozen=True)
class Link:
    entity: KBEntity
    confidence: float


def _names(entity: Entity) -> list[str]:
    """The names to look an entity up by: its label and other names; for a person only
    full names (a surname alone names too many people)."""
    names = [entity.label, *sorted(entity.alt_labels)]
    if entity.type == EntityType.PERSON:
        names = [n for n in names if len(n.split()) > 1 and not _titled(n, entity)]
    return list(dict.fromkeys(names))


def _titled(name: str, entity: Entity) -> bool:
    """A title before a name ("PM Netanyahu", "Israeli Prime Minister Benjamin
    Netanyahu") rather than a longer form of the name ("Joseph R. Biden")."""
    words = name.split()
    if len(words) < 2 or words[-1] != entity.label.split()[-1]:
        return False
    first = words[0].lower().rstrip(".")
    lexicon = load_lexicon()
    gazetteer = load_gazetteer()
    return first in lexicon.title_words or first in lexicon.title_modifiers or \
        gazetteer.demonym(words[0]) is not None or gazetteer.lookup(words[0]) is not None


#: words of address before a name that name no office ("Mr. Sherman", "Dr. Biden")
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "miss"})
#: the words a title may give each office the knowledge base records
OFFICE_WORDS = {"representative": {"representative", "rep", "congressman", "congresswoman",
                                   "congressmember", "member"},
                "senator": {"senator", "sen"},
                "president": {"president"},
                "vice president": {"president"}}


def _other_office(candidate: KBEntity, entity: Entity, date: dt.date | None) -> bool:
    """Does every title the text gives the person name an office other than the one the
    candidate held on the document's date ("Deputy Secretary Sherman" is not Brad
    Sherman, a representative then)? A candidate whose office of that day the knowledge
    base does not know, or a name with no title of office, is no conflict."""
    if date is None or entity.type != EntityType.PERSON:
        return False
    held = [o.role for o in candidate.offices if o.held_on(date)]
    if not held or any(r not in OFFICE_WORDS for r in held):
        return False
    allowed = set().union(*(OFFICE_WORDS[r] for r in held))
    heads = load_lexicon().title_heads
    titles = []
    for name in (entity.label, *entity.alt_labels):
        if not _titled(name, entity):
            continue
        words = [w.lower() for w in name.split()[:-1]]
        head = next((w.rstrip(".") for w in reversed(words)
                     if w in heads or w + "." in heads), None)
        if head is not None and head not in HONORIFICS:
            titles.append(head)
    return bool(titles) and not any(t in allowed for t in titles)


def _title_countries(entity: Entity) -> set[str]:
    """The countries a person's titles name: "Israeli" in "Israeli Prime Minister
    Benjamin Netanyahu", "Japan" in "Prime Minister of Japan Fumio Kishida"."""
    gazetteer = load_gazetteer()
    found = set()
    surname = entity.label.split()[-1]
    for name in entity.alt_labels:
        words = name.split()
        if surname not in words or len(words) <= len(entity.label.split()):
            continue
        for word in words[: words.index(surname)]:
            place = gazetteer.demonym(word) or gazetteer.lookup(word)
            if place is not None and place.qid:
                found.add(place.qid)
    return found


def _without_namesake_parts(candidates: list[KBEntity]) -> list[KBEntity]:
    """A bare name means the whole, not a part named after it: a country over its own
    province of the same name ("Panama"), a city over the region named after it
    ("Damascus", "Tehran")."""
    countries = {c.qid for c in candidates if c.kind == "country"}
    cities = {(c.country, name_key(c.label)) for c in candidates if c.kind == "city"}
    return [c for c in candidates
            if not (c.kind != "country" and c.country in countries)
            and not (c.kind == "region" and (c.country, name_key(c.label)) in cities)]


class Linker:
    """Links the entities of one document at a time (:meth:`link`)."""

    def __init__(self, sources: Sequence[CandidateSource]) -> None:
        self.sources = list(sources)

    def candidates(self, entity: Entity, countries: set[str] = frozenset()) -> list[KBEntity]:
        """Type-compatible candidates from the first source that has any: the user's
        knowledge bases win over the bundled one.

        A person named only by title and surname ("PM Netanyahu") is looked up by
        surname among the people of the countries in context; the one such person, if
        there is exactly one, is the candidate."""
        names = _names(entity)
        by_surname = entity.type == EntityType.PERSON and not names and any(
            _titled(n, entity) for n in entity.alt_labels)
        if by_surname:
            names = [entity.label.split()[-1]]
        for source in self.sources:
            found: dict[str, KBEntity] = {}
            for name in names:  # the label first: other names only when it finds nothing
                for candidate in source.candidates(name, surname=by_surname):
                    if candidate.type == entity.type:
                        found.setdefault(candidate.qid, candidate)
                if found:
                    break
            if by_surname:
                local = [c for c in found.values() if c.country in countries]
                found = {c.qid: c for c in local} if len(local) == 1 else {}
            if found:
                return _without_namesake_parts(list(found.values()))
        return []

    def score(self, candidate: KBEntity, names: set[str], countries: set[str],
              date: dt.date | None) -> float:
        """``names``: the keys of the entity's own names (:func:`name_key`)."""
        score = candidate.prominence
        if name_key(candidate.label) in names:
            score += LABEL_BONUS
        if candidate.country and candidate.country in countries - {candidate.qid}:
            score += COUNTRY_BONUS
        if date is not None and any(o.held_on(date) for o in candidate.offices):
            score += OFFICE_BONUS
        return score

    def choose(self, entity: Entity, countries: set[str],
               date: dt.date | None) -> Link | None:
        titled = _title_countries(entity) if entity.type == EntityType.PERSON else set()
        context = countries | titled
        candidates = [c for c in self.candidates(entity, context)
                      if not (titled and c.country and c.country not in titled)
                      and not _other_office(c, entity, date)]
        names = {name_key(n) for n in _names(entity)}
        scored = sorted(((self.score(c, names, context, date), c.qid, c)
                         for c in candidates), key=lambda s: (-s[0], s[1]))
        if not scored:
            return None
        best, _, chosen = scored[0]
        margin = best - scored[1][0] if len(scored) > 1 else 1.0
        if best < THRESHOLD or margin < MARGIN:
            return None
        confidence = min(best, 1.0) * (0.5 + 0.5 * min(margin, 1.0))
        return Link(chosen, round(min(confidence, 0.99), 2))

    def link(self, result: DocResult) -> None:
        """Link the entities of a document in place.

        Places first, twice: the second time each place sees the countries that the
        other places of the first time belong to ("Damascus" in an article about Syria).
        Then people and organisations, in the light of all linked places."""
        entities = [e for e in result.entities.values()
                    if not e.anonymous and e.type in LINKED_TYPES]
        places = sorted((e for e in entities if e.type == EntityType.LOCATION),
                        key=lambda e: e.key)
        others = sorted((e for e in entities if e.type != EntityType.LOCATION),
                        key=lambda e: e.key)
        date = result.document.date
        links: dict[str, Link] = {}
        for _ in range(2):
            links = {e.key: link for e in places
                     if (link := self.choose(e, _context(links, e.key), date))}
        countries = _context(links, None)
        links |= {e.key: link for e in others if (link := self.choose(e, countries, date))}
        for entity in entities:
            if entity.key in links:
                _apply(entity, links[entity.key])


def _context(links: dict[str, Link], own: str | None) -> set[str]:
    """The countries of the places linked in a document, but for the entity's own."""
    return {link.entity.country or link.entity.qid for key, link in links.items()
            if key != own}


def _apply(entity: Entity, link: Link) -> None:
    """The entity keeps the name the text gives it; it gains the link."""
    entity.wikidata = link.entity.qid
    entity.link_confidence = link.confidence

