"""Entities within one document: mentions, clusters, canonical names, titles, pronouns.

:func:`find_entities` turns the NER spans of a parsed document into one
:class:`~kg.model.Entity` per referent: "Biden", "Joe Biden" and "President Joe Biden"
are one person whose label is "Joe Biden"; "US", "U.S." and "the United States" are one
country. NER errors are corrected on the way ("Biden" tagged ORG is the person Biden when
the document names a person Biden; "Defense Lloyd Austin" tagged ORG is Lloyd Austin;
a contraction tagged GPE is dropped).

The resulting :class:`DocEntities` answers one question for the relation extractors:
which entity does this token stand for? (:meth:`DocEntities.resolve`), covering names,
titles ("the Israeli prime minister"), pronouns ("he said"), demonyms standing for their
country when it acts ("Iranian missiles"), anonymous sources ("a senior administration
official") and collectives ("his national security team").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from kg.gazetteer import Gazetteer, fold
from kg.lexicon import Lexicon
from kg.marks import quote_spans
from kg.model import Entity, EntityType
from kg.nlp import Segment

#: title words that do not name one office holder by themselves
ROLE_EXCLUDED = {"leader", "counterpart", "chief", "head", "chair", "official", "general",
                 "commander", "director", "representative", "speaker", "minister"}
NAME_LABELS = {"PERSON": EntityType.PERSON, "ORG": EntityType.ORGANIZATION,
               "GPE": EntityType.LOCATION, "LOC": EntityType.LOCATION,
               "FAC": EntityType.LOCATION}
SUBJECTS = {"nsubj", "nsubjpass"}
QUOTE_CHARS = set("\"“”‘’«»")

Pos = tuple[int, int]  # (segment index, token index)


class Role:
    """What an argument does in an event; decides how freely a phrase is resolved."""

    PARTY = "party"  # someone spoken with or convened
    ACTOR = "actor"  # an attacker: "Iranian missiles" stand for Iran
    TARGET = "target"  # what is attacked: "Israeli territory" is Israel
    SPEAKER = "speaker"


@dataclass
class Mention:
    pos: Pos
    end: int  # token index after the last token, in the same segment
    text: str  # the surface text
    name: str  # the cleaned name ("Joe Biden" for "President Joe Biden's")
    type: EntityType
    key: str = ""
    is_subject: bool = False
    in_quote: bool = False


@dataclass
class DocEntities:
    """The entities of one document and the map from tokens to them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[Pos, str] = field(default_factory=dict)
    titles: dict[str, set[str]] = field(default_factory=dict)  # person key -> title phrases
    segments: dict[int, int] = field(default_factory=dict)  # id(spaCy Doc) -> segment index
    first_person: dict[Pos, str] = field(default_factory=dict)  # "I" in a quote -> speaker
    quoted: set[Pos] = field(default_factory=set)  # tokens inside quotation marks
    anonymous: dict[Pos, str] = field(default_factory=dict)  # role noun -> anonymous source
    #: tokens inside a quote whose time is known -> that time ("Tomorrow, I will …" said
    #: on Saturday is Sunday, whatever the article's date)
    reference_dates: dict[Pos, object] = field(default_factory=dict)
    lexicon: Lexicon | None = None
    gazetteer: Gazetteer | None = None

    # -- positions ----------------------------------------------------------------

    def pos(self, token) -> Pos:
        return (self.segments[id(token.doc)], token.i)

    def is_named(self, key: str) -> bool:
        """A named entity, as opposed to an anonymous source or a collective."""
        return not key.startswith("u:")

    def entity_at(self, token) -> str | None:
        """The entity whose name covers this token, if any."""
        return self.by_token.get(self.pos(token))

    # -- resolution ---------------------------------------------------------------

    def resolve(self, token, role: str = Role.PARTY) -> list[str]:
        """The entities a noun phrase headed by ``token`` stands for ([] if none).

        Coordinated phrases ("Israel, Jordan and the U.S.") give one entity each.
        """
        keys: list[str] = []
        for head in [token, *_conjuncts(token)]:
            key = self._resolve_one(head, role)
            if key and key not in keys:
                keys.append(key)
        return keys

    def _resolve_one(self, token, role: str) -> str | None:
        lex = self.lexicon
        assert lex is not None
        key = self.entity_at(token)
        if key:
            return self._metonymy(key, role)
        pos = self.pos(token)
        if pos in self.first_person:
            return self.first_person[pos]
        lower = token.lower_
        if token.pos_ == "PRON" or lower in lex.person_pronouns:
            return self._pronoun(token) if lower in lex.person_pronouns else None
        inner = self._name_head(token) or self._inner_name(token, role)
        if inner:
            return inner
        title = self._title(token) or self._role(token)
        if title:
            return title
        if pos in self.anonymous:
            return self.anonymous[pos]
        if role in (Role.ACTOR, Role.TARGET):
            country = self._demonym(token) or self._demonym_country(token)
            if country:
                return country
        if role == Role.TARGET:
            place = self._place_of(token)
            if place:
                return place
        if token.pos_ != "PROPN" and (lower in lex.group_heads or
                                      token.lemma_.lower() in lex.group_heads):
            return self._group(token)
        return None

    def _name_head(self, token) -> str | None:
        """The last word of a name the recogniser cut short ("Andrés Manuel López" +
        "Obrador", "Moon Jae" + "-in", "Abdullah" + "II"): a capitalised head whose
        compounds are a person's name is that person; "the Biden Administration" is not."""
        lex = self.lexicon
        if token.lower_ in lex.org_words or token.lower_ in lex.group_heads or \
                token.lower_ in lex.anonymous_heads:
            return None
        if not (token.pos_ == "PROPN" or token.text[:1].isupper() or
                (token.i > 0 and token.nbor(-1).text == "-")):
            return None
        for child in token.children:
            if child.dep_ == "compound" and child.i == token.i - 1 or (
                    child.dep_ == "compound" and child.i >= token.i - 3):
                key = self.entity_at(child)
                if key and self.entities[key].type == EntityType.PERSON:
                    return key
        return None

    def _metonymy(self, key: str, role: str) -> str:
        """A capital that acts or speaks is its country's government ("Tehran's attack",
        "Washington said"); a capital that is attacked is the city."""
        entity = self.entities[key]
        if role == Role.TARGET or entity.type != EntityType.LOCATION or self.gazetteer is None:
            return key
        country = self.gazetteer.capital(entity.label)
        if country is None or self.gazetteer.lookup(entity.label) is not None:
            return key
        return self._add_place(country.label, country.type)

    def _inner_name(self, token, role: str) -> str | None:
        """A name inside a phrase that stands for the whole phrase: an apposition ("his
        counterpart Yoav Gallant"), or the organisation or country of a collective ("G7
        leaders", "the leaders of the G7"). A modifier that is a person does not stand for
        the phrase ("the Biden administration", "a Biden aide")."""
        lex = self.lexicon
        for child in token.children:
            if child.dep_ == "appos":
                key = self.entity_at(child) or self._inner_name(child, role)
                if key:
                    return key
        if token.lower_ in lex.title_words and token.lower_ not in lex.anonymous_heads:
            # "President of Finland Sauli Niinistö": the person the title is written for
            # (a name after the title; one before it is an affiliation: "a Biden aide")
            after = [t for c in token.children if c.i > token.i and c.dep_ not in ("conj", "cc")
                     for t in c.subtree]
            for part in after:
                key = self.entity_at(part)
                if key and self.entities[key].type == EntityType.PERSON:
                    return key
        collective = token.lemma_.lower() in lex.group_heads or token.lower_ in lex.group_heads
        if not collective:
            return None
        for child in token.children:
            if child.dep_ in ("compound", "nmod"):
                candidates = [child]
            elif child.dep_ == "prep" and child.lower_ == "of":
                candidates = [c for c in child.children if c.dep_ == "pobj"]
            else:
                continue
            for candidate in candidates:
                key = self.entity_at(candidate)
                if key and self.entities[key].type != EntityType.PERSON:
                    return key
        return None

    def _place_of(self, token) -> str | None:
        """ "struck an oil depot in Russia's Belgorod region": the place attacked."""
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "near", "outside"):
                continue
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                for part in obj.subtree:
                    key = self.entity_at(part)
                    if key and self.entities[key].type == EntityType.LOCATION:
                        return key
        return None

    def _pronoun(self, token) -> str | None:
        """The person a he/she/his/him/her stands for: the nearest person named before it,
        a subject preferred (the subject of the clause is who "he" usually continues)."""
        here = self.pos(token)
        outside = here not in self.quoted
        best: Mention | None = None
        for mention in reversed(self.mentions):
            if mention.pos >= here or self.entities[mention.key].type != EntityType.PERSON:
                continue
            if outside and mention.in_quote:
                continue  # a name inside someone's quote is not who "he" is outside it
            if here[0] - mention.pos[0] > 3:
                break
            if best is None:
                best = mention
            if mention.is_subject:
                # a subject in the same or the previous paragraph wins over a nearer object
                return mention.key if here[0] - mention.pos[0] <= 1 else best.key
        return best.key if best else None

    def _title(self, token) -> str | None:
        """"the president", "the Israeli prime minister": the person with that title."""
        words = [t.lower_ for t in token.subtree
                 if t.i <= token.i and t.dep_ not in ("det", "poss", "case", "punct")]
        phrase = " ".join(words)
        titles = self.lexicon.titles
        core = next((phrase[i:] for i in _suffix_starts(phrase) if phrase[i:] in titles), None)
        if core is None or core in ("official", "leader", "counterpart"):
            return None
        modifiers = set(phrase[: len(phrase) - len(core)].split())
        here = self.pos(token)
        candidates = [k for k, ts in self.titles.items() if any(_ends_with(t, core) for t in ts)]
        if not candidates:
            return None

        def score(key: str) -> tuple:
            title_words = {w for t in self.titles[key] for w in t.split()}
            last = max((m.pos for m in self.mentions if m.key == key and m.pos < here),
                       default=(-1, -1))
            return (len(modifiers & title_words), last)

        return max(candidates, key=score)

    def _role(self, token) -> str | None:
        """ "The President" when the document names no president: a person known by role
        only, an entity of its own labelled by the role (a knowledge base may tell who)."""
        lex = self.lexicon
        if token.tag_ not in ("NN", "NNP") or token.lower_ not in lex.title_words or \
                token.lower_ in lex.anonymous_heads or token.lower_ in ROLE_EXCLUDED:
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children):
            return None
        return self._add_unnamed(_phrase_label(token), EntityType.PERSON, anonymous=True)

    def _demonym(self, token) -> str | None:
        """ "Israeli" in "an Israeli strike": the country of a demonym standing for it."""
        place = self.gazetteer.demonym(token.text) if token.pos_ in ("ADJ", "PROPN") else None
        return self._add_place(place.label, place.type) if place else None

    def _demonym_country(self, token) -> str | None:
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                key = self.entity_at(child)
                if key and self.entities[key].type == EntityType.LOCATION:
                    return key
                place = self.gazetteer.demonym(child.text) if self.gazetteer else None
                if place:
                    return self._add_place(place.label, place.type, child.text)
        return None

    def _group(self, token) -> str:
        """A collective named by a phrase ("his national security team"); "a group of
        business executives" is named by what follows "of"."""
        if token.lemma_.lower() in self.lexicon.quantity_heads:
            for obj in (o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children if o.dep_ == "pobj"):
                return self._add_unnamed(_phrase_label(obj), EntityType.GROUP, anonymous=True)
        return self._add_unnamed(_phrase_label(token), EntityType.GROUP, anonymous=True)

    # -- building -----------------------------------------------------------------

    def _add_unnamed(self, label: str, etype: EntityType, anonymous: bool) -> str:
        key = "u:" + fold(label)
        if key not in self.entities:
            self.entities[key] = Entity(key=key, label=label, type=etype, anonymous=anonymous)
        return key

    def _add_place(self, label: str, etype: EntityType, surface: str | None = None) -> str:
        key = _key(etype, label)
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(key=key, label=label, type=etype)
        return key


def _key(etype: EntityType, label: str) -> str:
    return f"{etype.value[0]}:{fold(label)}"


def _suffix_starts(phrase: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(phrase) if ch == " "]


def _ends_with(title: str, core: str) -> bool:
    return title == core or title.endswith(" " + core)


def _conjuncts(token) -> list:
    out = []
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _phrase_label(token) -> str:
    """The words of a noun phrase without determiners, possessives, numbers and clauses
    ("a senior Biden administration official" -> "senior Biden administration official")."""
    keep = []
    for t in token.subtree:
        if t.i > token.i:
            break
        if t.dep_ in ("det", "poss", "case", "punct", "nummod", "predet") or t.like_num:
            continue
        if t.head.dep_ == "poss" and t.head.i < token.i:
            continue
        keep.append(t.text)
    return " ".join(keep) or token.text


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------------------------------
# finding and clustering names


def _clean_span(span, lex: Lexicon) -> tuple[int, int]:
    """Token bounds of a name without determiners, trailing possessives and titles.

    A person's name loses the titles before it ("President Joe Biden"); another name loses
    only determiners and trailing role words ("Israel Defense Forces spokesperson"),
    since "Middle East" or "Defense Cabinet" are part of the name.
    """
    doc = span.doc
    start, end = span.start, span.end
    titles = lex.title_words
    leading = titles | lex.title_modifiers if span.label_ == "PERSON" else set()
    leading = leading | {"the", "a", "an"}

    def word(token) -> str:
        return token.lower_.rstrip(".") if token.lower_.rstrip(".") in titles else token.lower_

    def trailing(token) -> bool:
        return token.tag_ == "POS" or token.is_punct or (
            span.label_ == "PERSON" and token.lower_ in lex.name_suffixes)

    while end - start > 1 and trailing(doc[end - 1]):
        end -= 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    while end - start > 1 and (word(doc[start]) in leading or doc[start].lower_ in leading):
        start += 1
    while end - start > 1 and span.label_ != "PERSON" and (
            word(doc[end - 1]) in titles or doc[end - 1].lower_ in titles):
        end -= 1
    return start, end


def _is_name(tokens, lex: Lexicon) -> bool:
    text = "".join(t.text_with_ws for t in tokens).strip()
    if not any(ch.isalpha() for ch in text) or not any(ch.isupper() for ch in text):
        return False
    if any(ch in QUOTE_CHARS for ch in text):
        return False
    vocabulary = lex.title_words | lex.title_modifiers | lex.name_suffixes | {"the", "of", "and"}
    return not all(t.lower_ in vocabulary for t in tokens)


def _title_start(span, lex: Lexicon) -> int:
    """Where the title written before a name begins ("Israeli Prime Minister" in "Israeli
    Prime Minister Benjamin Netanyahu"); the name's own start when there is none."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ in lex.title_words or doc[i].lower_ in lex.title_modifiers
                      or doc[i].ent_type_ in ("NORP", "GPE", "ORG")):
        i -= 1
    first = i + 1
    while first < span.start and doc[first].lower_ in ("and", "of", "the", "a", "an"):
        first += 1
    if not any(t.lower_ in lex.title_words for t in doc[first:span.start]):
        return span.start
    return first


def _title_phrases(span, lex: Lexicon) -> set[str]:
    """Titles written before a person's name ("Israeli Prime Minister Benjamin Netanyahu")
    or in apposition ("John Kirby, White House national security spokesman", "Netanyahu,
    the prime minister of Israel")."""
    doc = span.doc
    found: set[str] = set()
    first = _title_start(span, lex)
    words = [t.lower_ for t in doc[first:span.start]]
    if words:
        found.add(" ".join(words))
    root = span.root
    for appos in [c for c in root.children if c.dep_ == "appos"] + (
            [root.head] if root.dep_ == "appos" else []):
        phrase = " ".join(t.lower_ for t in appos.subtree
                          if t.dep_ not in ("det", "poss", "punct", "cc") and t.i <= appos.i)
        if any(_ends_with(phrase, t) for t in lex.titles):
            found.add(phrase)
        # "the prime minister of Israel": the title is the head and its compound words
    return {f for f in found if any(w in lex.title_words for w in f.split())}


def find_entities(segments: list[Segment], lexicon: Lexicon, gazetteer: Gazetteer) -> DocEntities:
    """Cluster the named mentions of one document into entities."""
    result = DocEntities(lexicon=lexicon, gazetteer=gazetteer)
    result.segments = {id(s.doc): s.index for s in segments}
    for segment in segments:
        for start, end in quote_spans(segment.doc.text):
            result.quoted.update((segment.index, t.i) for t in segment.doc
                                 if start <= t.idx < end)
    raw: list[tuple[Mention, object]] = []
    for segment in segments:
        spans = _repaired_names(segment.doc, lexicon)
        for span in [*spans, *_titled_names(segment.doc, lexicon, gazetteer)]:
            if NAME_LABELS.get(span.label_) is None:
                continue
            for part, part_type in _split_misread(span, lexicon, gazetteer):
                start, end = _clean_span(part, lexicon)
                tokens = part.doc[start:end]
                if not _is_name(tokens, lexicon):
                    continue
                covered = _with_suffixes(part.doc, end, lexicon) if part_type == \
                    EntityType.PERSON else end
                mention = Mention(
                    pos=(segment.index, start), end=covered, text=part.text, name=tokens.text,
                    type=part_type, is_subject=any(t.dep_ in SUBJECTS for t in part),
                )
                raw.append((mention, part))
    _cluster(result, raw, lexicon, gazetteer)
    _untagged_names(result, segments)
    _anonymous_sources(result, segments, lexicon)
    for mention in result.mentions:
        mention.in_quote = mention.pos in result.quoted
    return result


def _anonymous_sources(result: DocEntities, segments: list[Segment], lex: Lexicon) -> None:
    """People named by their role only ("a senior administration official"). Each is an
    entity of its own, typed Person (or Group when plural) and labelled by its role; a
    definite "the official" is the last one of that role named before."""
    seen: dict[str, str] = {}  # head word -> key of the last anonymous source with it
    for segment in segments:
        for token in segment.doc:
            pos = (segment.index, token.i)
            if pos in result.by_token or token.pos_ not in ("NOUN", "PROPN") or \
                    token.lower_ not in lex.anonymous_heads:
                continue
            if any(c.dep_ == "appos" for c in token.children):
                continue  # "the spokesman, John Kirby": named by the apposition
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                           for c in token.children)
            if definite and token.lower_ in seen:
                result.anonymous[pos] = seen[token.lower_]
                continue
            label = _phrase_label(token)
            etype = EntityType.GROUP if token.tag_ in ("NNS", "NNPS") else EntityType.PERSON
            key = result._add_unnamed(label, etype, anonymous=True)
            result.anonymous[pos] = seen[token.lower_] = key


def _untagged_names(result: DocEntities, segments: list[Segment]) -> None:
    """Names the recogniser missed in one place but found in another: a capitalised
    "Starmer" read as a common noun is the Keir Starmer the document names elsewhere."""
    names: dict[str, str] = {}
    for key, entity in result.entities.items():
        if entity.type == EntityType.PERSON:
            words = entity.label.split()
            names.setdefault(words[-1], key)
            names.setdefault(entity.label, key)
    added = False
    for segment in segments:
        for token in segment.doc:
            pos = (segment.index, token.i)
            if pos in result.by_token or token.text not in names or token.pos_ not in (
                    "PROPN", "NOUN", "ADJ") or not token.text[:1].isupper():
                continue
            key = names[token.text]
            result.by_token[pos] = key
            result.mentions.append(Mention(pos, token.i + 1, token.text, token.text,
                                           EntityType.PERSON, key,
                                           is_subject=token.dep_ in SUBJECTS))
            added = True
    if added:
        result.mentions.sort(key=lambda m: m.pos)


PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "del", "della", "dos", "du", "bin",
             "bint", "al", "el", "ibn", "le", "la", "ter"}


def _repaired_names(doc, lex: Lexicon) -> list:
    """The recogniser's spans, with persons' names made whole: a name cut after a particle
    ("Ursula von der" + "Leyen") is joined to what follows it, and a first name left out
    ("Luiz" + "Inácio Lula da Silva") is joined to the rest."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    out = []
    i = 0
    while i < len(ents):
        span = ents[i]
        if span.label_ == "PERSON":
            start, end = span.start, span.end
            while start > 0 and _first_name(doc[start - 1], lex) and \
                    doc[start - 1].ent_type_ == "":
                start -= 1
            if doc[end - 1].lower_ in PARTICLES and i + 1 < len(ents) and \
                    ents[i + 1].start == end:
                end = ents[i + 1].end
                i += 1
            span = Span(doc, start, end, label="PERSON")
        out.append(span)
        i += 1
    return out


def _first_name(token, lex: Lexicon) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.dep_ == "compound" \
        and token.lower_ not in lex.title_words and token.lower_ not in lex.title_modifiers


def _titled_names(doc, lex: Lexicon, gaz: Gazetteer) -> list:
    """Names the recogniser missed after a title ("His Majesty King Abdullah II",
    "Speaker Pelosi"): the capitalised words that follow a capitalised title, when no
    entity covers them and they name no organisation or place."""
    from spacy.tokens import Span

    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    spans = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not (token.text[:1].isupper() and token.lower_ in lex.title_words):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].pos_ == "PROPN" and j not in covered and \
                doc[j].text[:1].isupper() and doc[j].lower_ not in lex.title_words:
            j += 1
        words = doc[i + 1:j]
        if len(words) and not any(t.lower_ in lex.org_words for t in words) and \
                gaz.lookup(words.text) is None and gaz.demonym(words.text) is None:
            spans.append(Span(doc, i + 1, j, label="PERSON"))
        i = max(j, i + 1)
    return spans


def _with_suffixes(doc, end: int, lex: Lexicon) -> int:
    """The end of a person's mention with its suffix ("Biden, Jr."), which is part of the
    mention though not of the name."""
    i = end
    while i < len(doc) and (doc[i].lower_ in lex.name_suffixes or (
            doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in lex.name_suffixes)):
        i += 1
    return i


def _split_misread(span, lex: Lexicon, gaz: Gazetteer) -> list:
    """The recogniser sometimes glues a country to the name that follows it ("President
    of Finland Sauli Niinistö" gives the ORG "Finland Sauli Niinistö"): a span that starts
    with a known place and goes on with capitalised words that name no organisation is
    read as that place and a person. Other spans are kept whole, with their label's type."""
    etype = NAME_LABELS[span.label_]
    if span.label_ in ("ORG", "GPE") and len(span) >= 3:
        for cut in range(1, len(span) - 1):
            head, rest = span[:cut], span[cut:]
            if gaz.lookup(head.text) and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                             and t.lower_ not in lex.org_words for t in rest):
                return [(head, EntityType.LOCATION), (rest, EntityType.PERSON)]
    return [(span, etype)]


def _cluster(result: DocEntities, raw: list, lex: Lexicon, gaz: Gazetteer) -> None:
    # full person names first: every later "Biden" can then find its "Joe Biden"
    persons: dict[str, tuple[str, str]] = {}  # folded full name -> (key, label)
    surnames: dict[str, list[tuple[str, str]]] = {}  # folded surname -> (key, label)s
    for mention, _span in raw:
        words = mention.name.split()
        if mention.type == EntityType.PERSON and len(words) > 1:
            folded = fold(mention.name)
            if folded not in persons:
                persons[folded] = (_key(EntityType.PERSON, mention.name), mention.name)
                surnames.setdefault(fold(words[-1]), []).append(persons[folded])
    for mention, span in raw:
        key, label, etype = _assign(mention, persons, surnames, gaz)
        if key is None:
            continue
        mention.key = key
        entity = result.entities.get(key)
        if entity is None:
            entity = result.entities[key] = Entity(key=key, label=label, type=etype)
        elif etype == EntityType.PERSON and len(label) > len(entity.label) and \
                len(label.split()) >= len(entity.label.split()):
            entity.label = label
        for surface in (mention.text, mention.name):
            clean = surface.strip()
            for suffix in ("'s", "’s"):
                clean = clean.removesuffix(suffix)
            clean = clean.removeprefix("the ").removeprefix("The ")
            if clean and clean != entity.label:
                entity.alt_labels.add(clean)
        result.mentions.append(mention)
        seg, start = mention.pos
        for i in range(start, mention.end):
            result.by_token[(seg, i)] = key
        if etype == EntityType.PERSON:
            titles = _title_phrases(span, lex)
            if titles:
                result.titles.setdefault(key, set()).update(titles)
            first = _title_start(span, lex)
            if first < span.start:  # "President Joe Biden" is a name of Joe Biden too
                entity.alt_labels.add(f"{span.doc[first:span.start].text} {mention.name}")
    for entity in result.entities.values():
        entity.alt_labels.discard(entity.label)


def _assign(mention: Mention, persons: dict, surnames: dict, gaz: Gazetteer):
    """(key, label, type) of a mention, or (None, None, None) when it names nothing."""
    words = mention.name.split()
    folded = fold(mention.name)
    if folded in persons:
        key, label = persons[folded]
        return key, label, EntityType.PERSON
    for i in range(1, len(words) - 1):  # "Defense Lloyd Austin" tagged ORG
        suffix = fold(" ".join(words[i:]))
        if suffix in persons:
            key, label = persons[suffix]
            return key, label, EntityType.PERSON
    place = gaz.lookup(mention.name)
    if len(words) == 1 or mention.type == EntityType.PERSON:
        known = surnames.get(fold(words[-1]))
        # "Biden" tagged ORG or GPE is the person Biden when the document names one;
        # "Jordan" tagged GPE stays the country
        if known and (mention.type != EntityType.LOCATION or place is None):
            key, label = known[-1]
            return key, label, EntityType.PERSON
    if mention.type == EntityType.PERSON:
        return _key(EntityType.PERSON, mention.name), mention.name, EntityType.PERSON
    if place is None and mention.type == EntityType.ORGANIZATION:
        place = gaz.capital(mention.name)  # "Washington" as an actor is its government
    if place is not None:
        return _key(place.type, place.label), place.label, place.type
    return _key(mention.type, mention.name), mention.name, mention.type
