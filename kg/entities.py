"""Entities within one document, and which of them a token stands for.

:func:`find_entities` gathers the document's names (clustered by :mod:`kg.names`: one
:class:`~kg.model.Entity` per referent), its anonymous sources and its quoted spans.
The resulting :class:`DocEntities` answers one question for the relation extractors:
which entity does this token stand for? (:meth:`DocEntities.resolve`), covering names,
titles ("the Israeli prime minister"), pronouns ("he said"), demonyms standing for their
country when it acts ("Iranian missiles"), anonymous sources ("a senior administration
official") and collectives ("his national security team").
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field

from kg import syntax
from kg.gazetteer import Gazetteer, fold
from kg.lexicon import Lexicon, load_first_names
from kg.marks import doc_quote_spans
from kg.model import Entity, EntityType
from kg.names import (
    SUBJECTS,
    Mention,
    Pos,
    cluster_names,
    key_of,
    main_subject,
    name_mentions,
    sole_subject,
    untagged_names,
)
from kg.nlp import Segment, tokens_among

#: how many sentences back a title ("the president") looks for the person named with it
TITLE_WINDOW = 6


#: title words that do not name one office holder by themselves
ROLE_EXCLUDED = {"leader", "counterpart", "chief", "head", "chair", "official", "general",
                 "commander", "director", "representative", "speaker", "minister"}
class Role:
    """What an argument does in an event; decides how freely a phrase is resolved."""

    PARTY = "party"  # someone spoken with or convened
    ACTOR = "actor"  # an attacker: "Iranian missiles" stand for Iran
    TARGET = "target"  # what is attacked: "Israeli territory" is Israel
    SPEAKER = "speaker"


@dataclass
class DocEntities:
    """The entities of one document and the map from tokens to them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[Pos, str] = field(default_factory=dict)
    titles: dict[str, set[str]] = field(default_factory=dict)  # person key -> title phrases
    #: persons titled with a country -> its words ("ukrainian", "ukraine")
    qualified: dict[str, set[str]] = field(default_factory=dict)
    #: pronouns and titles resolved in reading order ("he", "the president") -> entity
    references: dict[Pos, str] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)  # person key -> "m" or "f"
    #: persons whose gender only a pronoun resolved to them told (a guess, not a name's)
    guessed_genders: set[str] = field(default_factory=set)
    sentence_starts: list[Pos] = field(default_factory=list)  # every sentence, in order
    segments: dict[int, int] = field(default_factory=dict)  # id(spaCy Doc) -> segment index
    first_person: dict[Pos, str] = field(default_factory=dict)  # "I" in a quote -> speaker
    quoted: set[Pos] = field(default_factory=set)  # tokens inside quotation marks
    anonymous: dict[Pos, str] = field(default_factory=dict)  # role noun -> anonymous source
    #: tokens inside a quote whose time is known -> that time ("Tomorrow, I will …" said
    #: on Saturday is Sunday, whatever the article's date)
    reference_dates: dict[Pos, object] = field(default_factory=dict)
    lexicon: Lexicon | None = None
    gazetteer: Gazetteer | None = None
    #: where each bare title ("the President") is first written in the document
    bare_titles: dict[str, Pos] = field(default_factory=dict)
    #: tokens of names that address someone ("Thanks, Jen.", "John, so, …")
    vocatives: set[Pos] = field(default_factory=set)
    #: "he" or "she" as the subject of a clause, resolved to no one -> its gender
    unresolved: dict[Pos, str] = field(default_factory=dict)
    #: a transcript's paragraphs spoken by one who holds a title ("THE PRESIDENT:",
    #: "PRESIDENT BIDEN:") -> (that title, where the speaker's label ends in the paragraph)
    turns: dict[int, tuple[str, int]] = field(default_factory=dict)

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

    def resolve(self, token, role: str = Role.PARTY, alone: bool = False) -> list[str]:
        """The entities a noun phrase headed by ``token`` stands for ([] if none).

        Coordinated phrases ("Israel, Jordan and the U.S.") give one entity each, unless
        ``alone`` asks for the token's own phrase only.
        """
        keys: list[str] = []
        for head in [token] if alone else syntax.conjuncts(token):
            if self._describes_name(head):
                continue
            key = self._resolve_one(head, role)
            key = self._titled_after(head, key) or key
            if key and key not in keys:
                keys.append(key)
        return keys

    def _describes_name(self, token) -> bool:
        """ "Ibrahim Kalin, Spokesperson and Chief Advisor to the President": titles
        with no article coordinated after a person's name, set off from it by a comma,
        describe that person; they are no one else."""
        lex = self.lexicon
        assert lex is not None
        first, title = token, token
        while first.dep_ == "conj" and first.lower_ in lex.title_words and not any(
                c.dep_ in ("det", "poss", "appos") for c in first.children):
            title, first = first, first.head
        key = self.entity_at(first) if first is not token else None
        doc = first.doc
        # (the first title right after the comma: not "Jeff Zients, and Director …,
        # Louisa Terrell", another person)
        return key is not None and self.entities[key].type == EntityType.PERSON and \
            first.i + 2 < len(doc) and doc[first.i + 1].text == "," and \
            title.left_edge.i == first.i + 2

    def _resolve_one(self, token, role: str) -> str | None:
        lex = self.lexicon
        assert lex is not None
        if self.pos(token) in self.vocatives:
            return None  # whom the speaker addresses takes no part in what is said
        if any(c.dep_ == "case" for c in token.children):
            # "Colleyville's then-Rabbi, Charlie Cytron-Walker, said", parsed with the
            # possessor as the head: the phrase names what is possessed
            possessed = next((c for c in token.children if c.dep_ == "appos"), None)
            if possessed is not None:
                return self._resolve_one(possessed, role)
        key = self.entity_at(token)
        holder = self._titled_holder(token, key)
        if holder:
            return holder
        if key:
            return self._metonymy(key, role)
        if _generic(token, lex) or (role == Role.SPEAKER and (
                _a_people(token) or self._a_kind(token))):
            return None  # "people say …", "the people of Michigan said", "young leaders
            # said": nobody in particular
        pos = self.pos(token)
        if pos in self.first_person:
            return self.first_person[pos]
        if pos in self.references:
            return self.references[pos]
        lower = token.lower_
        if token.pos_ == "PRON" or lower in lex.person_pronouns:
            return None
        inner = self._name_head(token) or self._inner_name(token, role)
        if inner:
            return inner
        title = self._title(token) or self._role(token)
        if title:
            return title
        if pos in self.anonymous:
            return self.anonymous[pos]
        if role in (Role.ACTOR, Role.TARGET) and token.lemma_.lower() not in lex.proxy_heads:
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

    def _a_kind(self, token) -> bool:
        """A bare plural that names a kind of people ("young leaders said", "many students
        were saying", "civil rights leaders told me"): nobody a reader could look up. A
        determiner or a possessor, a clause or a description after the noun (not where
        they are), a name among its modifiers, or a head of those who speak for a body
        makes them particular people ("those experts on TV", "the people who met him",
        "people familiar with the talks", "G7 leaders", "Republican lawmakers",
        "officials")."""
        lex = self.lexicon
        assert lex is not None
        if token.tag_ != "NNS" or token.lower_ in lex.plural_sources:
            return False
        # "There are civil rights leaders that are saying, “…”": told to exist, by what
        # they do, they are some of a kind
        existential = token.dep_ == "attr" and any(c.dep_ == "expl"
                                                   for c in token.head.children)
        for c in token.children:
            if c.dep_ in ("det", "poss", "predet") and c.lower_ not in INDEFINITE and \
                    c.lower_ != "our":  # ("our young leaders said": the speaker's side)
                return False
            if c.i > token.i and c.dep_ in ("relcl", "acl", "amod", "appos", "prep") and \
                    c.lower_ not in PLACE_OR_KIND and not _says_by_habit(c, lex) and \
                    not (existential and c.dep_ == "relcl"):
                return False
            if c.dep_ in ("compound", "amod", "nmod") and (
                    c.pos_ == "PROPN" or c.ent_type_ in syntax.NAMED_TYPES or
                    self.entity_at(c) is not None or (self.gazetteer is not None and
                                                      self.gazetteer.demonym(c.text))):
                return False
        return True

    def _titled_holder(self, token, key: str | None) -> str | None:
        """The person an organisation's phrase ends with, after a title ("said U.S. Agency
        for International Development Administrator Samantha Power", "Council of Economic
        Advisers Chair Cecilia Rouse", the parser's head being "Agency", "Council"): the
        phrase names the office holder, not the body."""
        if token.pos_ != "PROPN" or (
                key is not None and self.entities[key].type != EntityType.ORGANIZATION):
            return None
        last = _phrase_end(token)
        person = self.entity_at(last)
        if person is None or self.entities[person].type != EntityType.PERSON:
            return self._glued_holder(last, key)
        first = last
        while first.i > token.i and self.entity_at(first.nbor(-1)) == person:
            first = first.nbor(-1)
        before = first.nbor(-1) if first.i > token.i else None
        titled = before is not None and before.lower_ in self.lexicon.title_words
        return person if titled else None

    def _glued_holder(self, last, key: str | None) -> str | None:
        """The person whose title follows an organisation's name at once, when the parser
        cut the phrase short and hung the rest on it as conjuncts ("…, Centers for Disease
        Control and Prevention Director Dr. Rochelle Walensky, and …": "Centers" heads a
        phrase that ends at "Control"): the words run on, without a comma, through the
        organisation's name and a title to the person's name."""
        if key is None:
            return None
        lex, doc = self.lexicon, last.doc
        titled = False
        for word in doc[last.i + 1:min(len(doc), last.i + 8)]:
            found = self.entity_at(word)
            if found is not None and found != key:
                person = self.entities[found].type == EntityType.PERSON
                return found if person and titled else None
            if word.is_punct or not (found == key or word.text[:1].isupper()):
                return None
            titled = titled or word.lower_ in lex.title_words
        return None

    def _titled_after(self, token, key: str | None) -> str | None:
        """The person a country's name is set before, with its acronym in brackets and a
        title ("met with the Republic of Korea (ROK) National Security Advisor Suh Hoon",
        the parser ending the phrase at the bracket): the country is the office's, the
        person is the one met."""
        if key is None or self.entities[key].type != EntityType.LOCATION:
            return None
        doc = token.doc
        i = max(t.i for t in token.subtree) + 1
        if i < len(doc) and doc[i].text == "(":
            i = next((j for j in range(i + 1, min(len(doc), i + 5)) if doc[j].text == ")"),
                     len(doc))
        if i < len(doc) and doc[i].text == ")":
            i += 1
        elif doc[i - 1].text != ")":
            return None  # (only after a bracket: "met with Japan Tuesday" is no title)
        titled = False
        while i < len(doc) and doc[i].text[:1].isupper():
            person = self.entity_at(doc[i])
            if person is not None and self.entities[person].type == EntityType.PERSON:
                return person if titled else None
            titled = titled or doc[i].lower_ in self.lexicon.title_words
            i += 1
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
        counterpart Yoav Gallant"), a name given ("a president named Lincoln"), or the
        organisation or country of a collective ("G7 leaders", "the leaders of the G7").
        A modifier that is a person does not stand for the phrase ("the Biden
        administration", "a Biden aide")."""
        lex = self.lexicon
        for child in token.children:
            if child.dep_ == "appos" and not syntax.misplaced_apposition(child):
                key = self.entity_at(child) or self._inner_name(child, role)
                if key:
                    return key
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.i == token.i + 1 and \
                    child.lemma_.lower() in NAMING_PARTICIPLES:
                # "a former president named Abraham Lincoln": the one so named (right
                # after the noun: not "the President, as you mentioned, called Ralph")
                for name in (c for c in child.children if c.dep_ in ("oprd", "dobj", "attr")):
                    key = self.entity_at(name)
                    if key:
                        return key
        if token.lower_ in lex.title_words and token.lower_ not in lex.anonymous_heads:
            # "President of Finland Sauli Niinistö": the person the title is written for
            # (a name after the title; one before it is an affiliation: "a Biden aide")
            aside = {t.i for c in token.children if c.dep_ == "appos"
                     and syntax.misplaced_apposition(c) for t in c.subtree}
            # (nor a phrase of another preposition: "your governor for COVID-19 mandates";
            # unless it is written as part of the title: "Secretary for Strategic Affairs
            # Secretary Gustavo Beliz")
            aside |= {t.i for c in token.children if c.dep_ == "prep" and c.lower_ != "of"
                      and not _capitalised(c) for t in c.subtree}
            after = [t for t in syntax.phrase_tokens(token, skip=("conj", "cc"))
                     if t.i > token.i and t.i not in aside]
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
                if key is None or self.entities[key].type == EntityType.PERSON:
                    continue
                if role in (Role.PARTY, Role.SPEAKER) and \
                        self.entities[key].type == EntityType.LOCATION and (
                        token.lemma_.lower() not in lex.body_heads or any(
                            c.dep_ in ("amod", "compound") for c in token.children)):
                    # "the governors of Georgia" are not Georgia, nor "the civil rights
                    # leaders of America" America; "the leaders of Japan" are Japan
                    continue
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
        """The person a he/she/his/him/her stands for: a person of that gender (where it is
        known) who is the subject of this sentence or the one before (the subject is who
        "he" usually continues), else someone named earlier in this sentence. Further back
        "he" is left unresolved: a guess there is more often wrong than right. In the
        sentence before, the subject of the main clause comes before one of a clause
        inside it ("He told CNN that President Biden had no knowledge of it. He said …"
        goes on with the first "he"), and that inner subject before one named earlier in
        this sentence (the subject of an aside, "As John mentioned, …", is neither: see
        :func:`kg.names.sole_subject`)."""
        here = self.pos(token)
        outside = here not in self.quoted
        gender = pronoun_gender(token)
        window = self._sentence_window(token, 1)
        same_sentence = self._sentence_window(token, 0)
        best: Mention | None = None
        inner: Mention | None = None  # a subject of a clause inside the sentence before
        unknown = max((p for p, g in self.unresolved.items()
                       if g == gender and window <= p < here), default=None)
        clause_subjects = _clause_subjects(token)
        for mention in reversed(self.mentions):
            if mention.pos >= here or self.entities[mention.key].type != EntityType.PERSON:
                continue
            if mention.pos < window or (unknown is not None and mention.pos < unknown):
                break
            if mention.pos[0] == here[0] and any(
                    mention.pos[1] <= i < mention.end for i in clause_subjects):
                continue  # "Merkel brought him along": an object is not its clause's subject
            if outside and mention.in_quote:
                continue  # a name inside someone's quote is not who "he" is outside it
            if self.genders.get(mention.key, gender) != gender and not (
                    mention.key in self.guessed_genders and mention.is_subject
                    and mention.pos >= same_sentence and token.dep_ in ("nsubj", "nsubjpass")):
                continue  # (a gender that only an earlier pronoun gave does not turn away
                # the subject of the sentence of a subject "he": "Speaker McCarthy says he
                # …"; an object "him" is someone else: "… for her to engage with him")
            if mention.vocative:
                continue  # "Thanks, Jen.": whom one speaks to is not who "he" is
            if mention.is_subject:
                if mention.main or mention.pos >= same_sentence:
                    return mention.key
                inner = inner or mention
            elif mention.pos >= same_sentence:
                best = best or mention
        if unknown is not None:
            return None  # it goes on with a "he" (the subject before it) resolved to no one
        found = inner or best
        return found.key if found else None

    def _sentence_window(self, token, back: int) -> Pos:
        """The position where the sentence ``back`` sentences before the token's begins."""
        seg = self.pos(token)[0]
        starts = self.sentence_starts
        here = (seg, token.sent.start)
        i = bisect_left(starts, here)
        return starts[max(0, i - back)] if starts else here

    def _speakers_own_title(self, token) -> bool:
        """ "THE PRESIDENT: … And the President was asked, “…”": in a transcript, one
        who holds a title says "I"; the bare title of his own office, said in his turn,
        is another holder (a predecessor, a guest of the same rank, whoever holds it),
        not the speaker. (Not the label itself, a quote, or a stage note in brackets.)"""
        seg, i = self.pos(token)
        turn = self.turns.get(seg)
        if turn is None or token.idx < turn[1] or (seg, i) in self.quoted or \
                token.doc[token.sent.start].text in ("(", "["):
            return False
        words = [t.lower_ for t in token.subtree if t.i <= token.i
                 and t.dep_ not in ("det", "poss", "case", "punct")]
        return " ".join(words) == turn[0]

    def _title(self, token) -> str | None:
        """"the president", "the Israeli prime minister": the person with that title."""
        if self._speakers_own_title(token):
            return None
        words = [t.lower_ for t in token.subtree
                 if t.i <= token.i and not syntax.transcript_q(t) and (
                     t.i == token.i or t.dep_ not in ("det", "poss", "case", "punct"))]
        # (the title itself may be a possessor: "the Prime Minister's words")
        words += _of_phrase(token)  # "the Secretary of State"
        phrase = " ".join(words)
        core = self.title_core(phrase)
        if core is None or core in ("official", "leader", "counterpart"):
            return None
        body = self._of_body(token)
        if body is not None and self.entities[body].type != EntityType.LOCATION:
            return None  # "the president of the Texas AFL-CIO" is not "the President"
        if _of_something(token):
            return None
        modifiers = set(phrase[: len(phrase) - len(core)].split())
        here = self.pos(token)
        recent = self._sentence_window(token, TITLE_WINDOW)
        # someone named with that title lately: "President Biden … the president"; long
        # after, or never, "the president" may be anyone's (a knowledge base may tell)
        candidates = [k for k, ts in self.titles.items()
                      if any(self.title_core(t) == core for t in ts)
                      and any(recent <= m.pos < here for m in self.mentions if m.key == k)]
        if not candidates:
            return None
        countries = self._countries(modifiers)
        if body is not None:
            countries.add(self.entities[body].label)  # "the President of Korea"
        if countries:
            # "the Brazilian president", "the Australian Prime Minister": someone titled
            # with that country, not the President of the briefing or Israel's premier
            candidates = [k for k in candidates if countries & self._countries(
                {w for t in self.titles[k] for w in t.split()} | self.qualified.get(k, set()))]
            if not candidates:
                return None
        past = modifiers & PAST_HOLDERS
        if past:
            # "the former President just released a statement": a holder before the one
            # named "President Biden" (unless someone was named "former President …")
            candidates = [k for k in candidates
                          if past & {w for t in self.titles[k] for w in t.split()}]
            if not candidates:
                return None
        first_bare = self.bare_titles.get(core)
        if not modifiers and first_bare is not None and all(
                first_bare < min(m.pos for m in self.mentions if m.key == k)
                for k in candidates):
            # a bare title the document used before naming any of its holders is someone
            # the reader knows already ("the President" of a White House briefing), not
            # whichever president was named last
            return None

        def score(key: str) -> tuple:
            """Matching modifiers first ("the Israeli prime minister"); for a bare "the
            president", someone whose title was given without a country ("President
            Biden", not "President Zelenskyy of Ukraine"); then the most named; then the
            first named, the document's own holder ("President Biden will do that at the
            meeting with President Putin. … how has the President prepped for this?")."""
            title_words = {w for t in self.titles[key] for w in t.split()}
            named = [m.pos for m in self.mentions if m.key == key]
            first = min(named, default=here)
            return (len(modifiers & title_words), not modifiers and key not in self.qualified,
                    len(named), (-first[0], -first[1]))

        return max(candidates, key=score)

    def _countries(self, words: set[str]) -> set[str]:
        """The countries that words of a title name ("israeli", "south korean",
        "ukraine"), by their labels."""
        if self.gazetteer is None:
            return set()
        found = set()
        for phrase in words:
            place = self.gazetteer.demonym(phrase) or self.gazetteer.lookup(phrase)
            if place is not None and place.type == EntityType.LOCATION:
                found.add(place.label)
        return found

    def _of_body(self, token) -> str | None:
        """The named organisation or place a title is "of" ("the president of the Texas
        AFL-CIO"), unless the "of" phrase is part of the title ("Secretary of State")."""
        if _of_phrase(token):
            return None
        # (a title coordinated with a bare one shares its phrase: "President and First
        # Lady of the Republic of Korea"; not "the President and the Prime Minister of …")
        shared = [c for c in token.children if c.dep_ == "conj" and not any(
            d.dep_ in ("det", "poss") for d in c.children)]
        for head in (token, *shared):
            for obj in syntax.prep_objects(head, {"of"}):
                key = self.entity_at(obj)
                if key is not None:
                    return key
        return None

    def title_core(self, title: str) -> str | None:
        """The longest known title a written title ends with: "vice president" for "Vice
        President", which "the president" does not name."""
        return _title_core(title, self.lexicon.titles)

    def _role(self, token) -> str | None:
        """ "The President" when the document names no president: a person known by role
        only, an entity of its own labelled by the role (a knowledge base may tell who)."""
        lex = self.lexicon
        if token.tag_ not in ("NN", "NNP") or token.lower_ not in lex.title_heads or \
                token.lower_ in lex.anonymous_heads or token.lower_ in ROLE_EXCLUDED or \
                self._speakers_own_title(token):
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children) \
                or _of_something(token):
            return None
        label = _phrase_label(token)
        of = _of_phrase(token)
        body = self._of_body(token)
        if of and (self.gazetteer.lookup(of[1]) or any(  # "the President of Mexico" is
                m.type == EntityType.LOCATION and fold(m.name) == of[1] for m in self.mentions)):
            label = f"{label} of {token.doc[token.i + 2].text}"  # not the President
        elif body is not None:  # "the President of the Republic of Korea", "the
            # president of the Texas AFL-CIO": not a bare "President"
            label = f"{label} of {self.entities[body].label}"
        return self._add_unnamed(label, EntityType.PERSON, anonymous=True)

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
        key = key_of(etype, label)
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(key=key, label=label, type=etype)
        return key


def _says_by_habit(clause, lex: Lexicon) -> bool:
    """A relative clause that describes people by what they say, in the simple present
    ("lawmakers who say, “…”"): a kind of people, not particular ones."""
    return clause.dep_ == "relcl" and clause.tag_ in ("VBP", "VBZ") and \
        clause.lemma_.lower() in lex.speech_verbs and \
        not any(c.dep_ in ("aux", "auxpass") for c in clause.children)


#: words that make a title a past holder's ("the former President", "the late Senator")
PAST_HOLDERS = frozenset({"former", "late", "ex", "then"})

#: participles that give the name of what they follow ("a president named Lincoln")
NAMING_PARTICIPLES = frozenset({"name", "call"})

#: determiners that leave a noun unspecific ("a person", "some people", "every kid")
INDEFINITE = {"a", "an", "some", "any", "every", "many", "most", "all", "no", "more",
              "other", "few", "several"}
#: prepositions that tell where people are or what kind they are, not who ("people on
#: the ground", "folks on TV")
PLACE_OR_KIND = {"of", "in", "on", "across", "around", "from", "throughout"}


def _clause_subjects(pronoun) -> list[int]:
    """Token indices of the subjects of the clause whose object ``pronoun`` is ("him" in
    "Merkel brought him along", "Biden and Harris met with her"): an object pronoun never
    stands for its own clause's subject (that takes "himself"). Empty for a subject or a
    possessive ("Biden met his wife": "his" may be Biden)."""
    if pronoun.lower_ not in ("him", "her") or pronoun.dep_ in ("poss", *SUBJECTS):
        return []
    verb = syntax.governing_verb(pronoun)
    if verb is None:
        return []
    return [c.i for s in syntax.own_subjects(verb) for c in syntax.conjuncts(s)]


def pronoun_gender(pronoun) -> str:
    """ "f" for she and her, else "m"."""
    return "f" if pronoun.lower_ in ("she", "her", "hers", "herself") else "m"


def _generic(token, lex: Lexicon) -> bool:
    """ "people say", "a person that says", "everybody", "the people said" (a nation, as
    a figure for its votes), "young people said", "even people of all views said", "many
    people in this country who said", "the people who are saying …": nobody in
    particular (where they are does not say who they are). A word of its own makes the
    noun someone ("people familiar with the talks", "my kid", "the people I met", "those
    people")."""
    if token.lemma_.lower() not in lex.generic_heads and token.lower_ not in lex.generic_heads:
        return False
    children = list(token.children)
    # "the people" is a nation; "the people who met him" someone; "the people who are
    # saying …" are told only by what they say: a camp of opinion, nobody in particular
    nation = token.lower_ == "people" and not any(c.dep_ == "relcl" for c in children)
    sayers = any(c.dep_ == "relcl" and c.lemma_.lower() in lex.speech_verbs for c in children)
    kinds = INDEFINITE | ({"the"} if nation else {"the", "those", "these"} if sayers else set())
    # (the words said may hang from the noun as a clause)
    clauses = ("punct", "relcl", "cc", "conj", "advmod") + (("acl",) if sayers else ())
    return all(c.dep_ in ("det", "predet") and c.lower_ in kinds or c.dep_ in clauses or
               c.dep_ == "amod" and (c.i < token.i or c.lower_ in kinds) or
               c.dep_ == "prep" and c.lower_ in PLACE_OR_KIND for c in children)



def _of_something(title) -> bool:
    """Is the title "of" something indefinite ("the President of a country invading a
    sovereign country")? It describes someone; it is not the title's holder."""
    return any(d.dep_ == "det" and d.lower_ in INDEFINITE
               for o in syntax.prep_objects(title, {"of"}) for d in o.children)


def _capitalised(prep) -> bool:
    """Is every content word of a preposition's phrase capitalised, as in a title's own
    phrase ("for Strategic Affairs", "for Foreign Affairs and Trade")?"""
    words = [t for t in prep.subtree if t.i > prep.i and t.is_alpha and
             t.pos_ not in ("ADP", "DET", "CCONJ", "PART")]
    return bool(words) and all(t.text[:1].isupper() for t in words)


def _phrase_end(token):
    """The last word of the noun phrase ``token`` heads, without what is coordinated,
    set in apposition or told of it in a clause (for "Leader" of "told Senate Majority
    Leader, Chuck Schumer, and Speaker Pelosi", "Leader" itself, not "Pelosi")."""
    last, stack = token, [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ not in ("conj", "cc", "punct", "appos", "relcl", "acl"):
                last = child if child.i > last.i else last
                stack.append(child)
    return last


def _a_people(token) -> bool:
    """ "the people of Michigan": a nation or a state's people, who speak only as a figure
    (for their votes, their mood); what they "said" is no one's statement."""
    return token.lower_ == "people" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


@functools.lru_cache(maxsize=4096)  # asked again for every title of every person named
def _title_core(title: str, titles: frozenset[str]) -> str | None:
    return next((title[i:] for i in _suffix_starts(title) if title[i:] in titles), None)


def _suffix_starts(phrase: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(phrase) if ch == " "]


def _of_phrase(token) -> list[str]:
    """ "of State" in "the Secretary of State": the words of an "of" phrase right after a
    title, as a title may go on ("secretary of state", "minister of defence")."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" and \
            doc[token.i + 2].head.i == token.i + 1 and doc[token.i + 2].pos_ == "PROPN":
        return ["of", doc[token.i + 2].lower_]
    return []


#: how the words of a noun phrase's name hang from its head ("senior", "administration")
MODIFIER_DEPS = {"amod", "compound", "nmod", "advmod", "npadvmod", "hmod", "hyph", "cc",
                 "conj", "prep", "pobj", "quantmod"}


def _path_up(word, head) -> list:
    """``word`` and the words between it and ``head`` (exclusive), climbing."""
    out = []
    while word.i != head.i and word.head.i != word.i:
        out.append(word)
        word = word.head
    return out


def _phrase_label(token) -> str:
    """The words of a noun phrase without determiners, possessives, numbers and clauses
    ("a senior Biden administration official" -> "senior Biden administration official")."""
    keep = []
    opening = min((c.i for c in token.children if c.dep_ in ("det", "predet", "poss")),
                  default=token.i)
    for t in token.subtree:
        if t.i > token.i:
            break
        if t.i < opening and t.dep_ in ("advmod", "cc") and t.head.i == token.i:
            continue  # "(and) then these leaders", "And the CEO of …": a word of the clause
            # before the phrase
        if t.i != token.i and (t.dep_ in ("det", "poss", "case", "punct", "nummod", "predet")
                               or t.like_num and t.dep_ != "compound"):
            continue  # "two officials", "the First Lady" (the head stays, a possessor too:
            # "the Vice President's meeting" is the Vice President's, not Vice's)
        if syntax.transcript_q(t) and t.i < token.i:
            continue  # "Q    The President said …": a transcript's mark for the reporter
        if t.head.dep_ == "poss" and t.head.i < token.i:
            continue
        if any(a.dep_ not in MODIFIER_DEPS for a in _path_up(t, token)):
            continue  # "(b) The Secretary", "You know, the President": not the phrase's
        keep.append(t.text)
    return " ".join(" ".join(keep).split()) or token.text.strip() or token.lemma_


def find_entities(segments: list[Segment], lexicon: Lexicon, gazetteer: Gazetteer) -> DocEntities:
    """The entities of one document, and the map from its tokens to them."""
    result = DocEntities(lexicon=lexicon, gazetteer=gazetteer)
    result.segments = {id(s.doc): s.index for s in segments}
    result.sentence_starts = [(s.index, sent.start) for s in segments for sent in s.doc.sents]
    for segment in segments:
        for start, end in doc_quote_spans(segment.doc):
            result.quoted.update((segment.index, t.i) for t in segment.doc
                                 if start <= t.idx < end)
    cluster_names(result, name_mentions(segments, lexicon, gazetteer), lexicon, gazetteer)
    untagged_names(result, segments)
    _anonymous_sources(result, segments, lexicon)
    for mention in result.mentions:
        mention.in_quote = mention.pos in result.quoted
        if mention.vocative:
            result.vocatives.update((mention.pos[0], i) for i in range(mention.pos[1],
                                                                       mention.end))
    _genders(result, lexicon)
    result.turns = _turns(segments, lexicon)
    result.bare_titles = _bare_titles(segments, lexicon)
    _references(result, segments, lexicon)
    return result


#: a transcript's label of who speaks, at the start of a paragraph ("THE PRESIDENT:",
#: "MS. PSAKI:", "Q")
TURN_LABEL = re.compile(r"\s*(Q\b|[A-Z][A-Z.'’ -]*[A-Z.]:)")


def _turns(segments: list[Segment], lex: Lexicon) -> dict[int, tuple[str, int]]:
    """The paragraphs of each turn of a transcript whose speaker's label starts with a
    title ("THE PRESIDENT:", "PRESIDENT BIDEN:", "THE VICE PRESIDENT:"): that title, and
    where the label ends (-1 in the turn's later paragraphs)."""
    turns: dict[int, tuple[str, int]] = {}
    title: str | None = None
    for segment in segments:
        text = segment.doc.text
        label = TURN_LABEL.match(text)
        end = -1
        if label is not None:
            words = label.group(1).rstrip(":").lower().split()
            words = words[1:] if words[:1] == ["the"] else words
            title = next((" ".join(words[:n]) for n in range(len(words), 0, -1)
                          if " ".join(words[:n]) in lex.titles), None)
            end = label.end()
        if title is not None:
            turns[segment.index] = (title, end)
    return turns


def _genders(result: DocEntities, lex: Lexicon) -> None:
    """The gender of persons where their names tell it: a first name nearly always given
    to one gender, or an honorific ("Mrs.", "King"). A name of one word also written
    after a title is a surname ("Vice President Harris", "Secretary Austin"), whatever
    first names it looks like; else it is a first name ("Thanks, Jen.", "Norm")."""
    names = load_first_names()
    for key, entity in result.entities.items():
        if entity.type != EntityType.PERSON:
            continue
        for label in sorted({entity.label, *entity.alt_labels}):
            words = label.lower().split()
            if any(w in lex.female_titles for w in words):
                result.genders[key] = "f"
            elif any(w in lex.male_titles for w in words):
                result.genders[key] = "m"
            elif words and (first := label.split()[0]) in names and (
                    len(words) > 1 or not _written_after(label, entity.alt_labels)):
                result.genders.setdefault(key, names[first])


def _written_after(word: str, names) -> bool:
    """Is a one-word name also written with words before it ("Vice President Harris"),
    which make it a surname?"""
    return any(len(n.split()) > 1 and n.split()[-1] == word for n in names)


def _bare_titles(segments: list[Segment], lex: Lexicon) -> dict[str, Pos]:
    """Where each one-word title is first written as "the <title>" with nothing else."""
    first: dict[str, Pos] = {}
    for segment in segments:
        for token in tokens_among(segment.doc, lex.title_heads):
            if token.pos_ in ("NOUN", "PROPN") and all(
                    c.dep_ in ("det", "punct") for c in token.children if c.i < token.i) and \
                    any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and \
                    not _of_phrase(token):
                first.setdefault(token.lower_, (segment.index, token.i))
    return first


def _references(result: DocEntities, segments: list[Segment], lex: Lexicon) -> None:
    """Resolve, in reading order, what refers back: "the president" to the person with
    that title, "he" and "she" to the person just mentioned (a pronoun resolved is a
    mention in turn, so "he … he" chains). Each becomes a mention for what follows."""
    # only pronouns, titles and anonymous sources' nouns can refer: the rest is passed over
    words = lex.person_pronouns | lex.title_words
    roles: dict[int, list[int]] = {}
    for seg, i in result.anonymous:
        roles.setdefault(seg, []).append(i)
    for segment in segments:
        doc = segment.doc
        candidates = {t.i for t in tokens_among(doc, words)}
        candidates.update(roles.get(segment.index, ()))
        for token in (doc[i] for i in sorted(candidates)):
            pos = (segment.index, token.i)
            if pos in result.by_token or (token.dep_ in ("compound", "amod", "nmod") and (
                    segment.index, token.head.i) in result.by_token):
                continue  # a name, or the title written before one
            if token.lower_ in lex.person_pronouns:
                key = result._pronoun(token)
                gender = pronoun_gender(token)
                if key:
                    if key not in result.genders:
                        result.genders[key] = gender
                        result.guessed_genders.add(key)
                elif sole_subject([token], lex):
                    result.unresolved[pos] = gender  # (a subject of any clause: "I did
                    # say that he will reach out to Sunak, he will …": not Sunak)
            elif token.pos_ in ("NOUN", "PROPN") and token.lower_ in lex.title_words:
                # "the President of the Palestinian Authority, President Abbas": the
                # apposition names him; else someone named with the title, else a role
                key = result._inner_name(token, Role.PARTY) or result._title(token) or \
                    result._role(token)
            elif pos in result.anonymous:
                key = result.anonymous[pos]
            else:
                continue
            if key is None:
                continue
            result.references[pos] = key
            insort(result.mentions, Mention(pos, token.i + 1, token.text, token.text,
                                            result.entities[key].type, key,
                                            is_subject=sole_subject([token], lex),
                                            main=main_subject([token]),
                                            in_quote=pos in result.quoted),
                   key=lambda m: m.pos)


#: determiners of a phrase that names no one in particular ("no soldier", "every official";
#: not "any", which a question asks about: "Did any U.S. official have a conversation …?")
NO_ONE = frozenset({"no", "every", "neither"})

#: subjects that leave a predicate noun to stand for someone ("it was a senior official
#: who said"); any other subject is what the noun describes ("Madam First Lady — this is
#: a woman who, six years ago, said …")
CLEFT = {"it", "there"}


#: marks that set a phrase off from the clause around it
SET_OFF = frozenset({",", "—", "–", "--"})


def _afterthought_of(result: DocEntities, index: int, token) -> str | None:
    """The person a possessed description set off after a clause names ("what Ted Kaufman
    said to me, my friend — he said"): a phrase of no verb between a mark before and a mark
    after, after a clause of the one named last, says again who that is, not someone
    else. A description that goes on into a verb of its own ("…, my friend said") is
    someone of its own, and one right after a name called out is another ("Berry, my
    dad, when he was a kid, …")."""
    doc = token.doc
    start = token.left_edge.i
    if token.tag_ != "NN" or not any(c.dep_ == "poss" for c in token.children) or start == 0 or \
            doc[start - 1].text not in SET_OFF or token.i + 1 >= len(doc) or \
            not doc[token.i + 1].is_punct or doc[token.i + 1].text in ("'s", "’s"):
        return None
    if token.right_edge.i > token.i:
        return None  # "my friend from Delaware": a description of its own
    verb = False  # a clause of the name's between them; else the name is called out
    for t in reversed(doc[token.sent.start:start - 1]):  # before someone else ("Berry,
        if (index, t.i) in result.by_token:              # my dad, when he was a kid, …")
            return _person_at(result, index, t) if verb else None
        verb = verb or t.pos_ in ("VERB", "AUX")
    return None


def _person_at(result: DocEntities, index: int, token) -> str | None:
    """The key of the person a name at ``token`` (of segment ``index``) names, if any."""
    key = result.by_token.get((index, token.i))
    return key if key is not None and result.entities[key].type == EntityType.PERSON else None


def _pointed_at(result: DocEntities, index: int, token) -> str | None:
    """The person a sentence opens by pointing at ("This guy, he made this finally
    happen", after "I want Michael to come back up here"): "this" or "that" and a noun
    for a person, set off before a pronoun that takes it up, is someone present, the one
    named last in this paragraph or the two before. (An object, "I met this guy", brings
    in someone new.)"""
    doc = token.doc
    if token.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in ("this", "that")
                                     for c in token.children):
        return None
    start = token.left_edge.i
    opening = doc[token.sent.start:start]
    if any(t.dep_ != "cc" for t in opening) or token.i + 2 >= len(doc) or \
            doc[token.i + 1].text != "," or doc[token.i + 2].lower_ not in ("he", "she"):
        return None
    for mention in reversed(result.mentions):
        if mention.pos >= (index, start):
            continue
        if mention.pos[0] < index - 2:
            break
        if result.entities[mention.key].type == EntityType.PERSON and not mention.vocative:
            return mention.key  # (one called by name is the one named, a bare first
            # name perhaps: the name told of)
    return None


def _described_with(result: DocEntities, index: int, token) -> str | None:
    """The person a possessed description shares with a second one that ends in a name
    ("My friend and former colleague Brian Deese has spoken"): the second, with no
    determiner of its own, takes the same "my", so both describe the one named, not two
    people ("my wife and Jill" are two: a name alone, no description before it)."""
    if token.dep_ == "conj" and not any(c.dep_ in ("det", "poss") for c in token.children):
        # "My friend and former colleague, Brian Deese", the name hung from the first
        head = token.head
        if any(c.dep_ == "poss" for c in head.children):
            for appos in (c for c in head.children if c.dep_ == "appos"):
                key = _person_at(result, index, appos)
                if key is not None:
                    return key
    if not any(c.dep_ == "poss" for c in token.children):
        return None
    for conj in (c for c in token.children if c.dep_ == "conj"):
        key = _person_at(result, index, conj)
        if key is not None and not any(c.dep_ in ("det", "poss") for c in conj.children) and \
                any(c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" and c.i < conj.i
                    for c in conj.children):
            return key
    return None


def _anonymous_sources(result: DocEntities, segments: list[Segment], lex: Lexicon) -> None:
    """People named by their role only ("a senior administration official"). Each is an
    entity of its own, typed Person (or Group when plural) and labelled by its role; a
    definite "the official" is the last one of that role named before."""
    seen: dict[str, str] = {}  # head word -> key of the last anonymous source with it
    for segment in segments:
        for token in tokens_among(segment.doc, lex.anonymous_heads):
            pos = (segment.index, token.i)
            if pos in result.by_token or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(c.dep_ == "appos" for c in token.children):
                continue  # "the spokesman, John Kirby": named by the apposition
            if token.dep_ == "appos" and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                             for c in token.children) and any(
                    (segment.index, t.i) in result.by_token for t in (
                        token.head, *(c for c in token.head.children if c.dep_ == "appos"))):
                continue  # "My uncle, Paddy Walsh, …, a newspaper guy": what he is (not
                # "Berry, my dad, …", a name called out before someone else)
            if any(c.dep_ == "det" and c.lower_ in NO_ONE for c in token.children):
                continue  # "No soldier was going to be left behind": nobody to refer to
            named = result.by_token.get((segment.index, token.head.i)) if \
                token.dep_ == "compound" else None  # "former colleague Brian Deese"
            named = named or _afterthought_of(result, segment.index, token) or \
                _described_with(result, segment.index, token) or \
                _pointed_at(result, segment.index, token)
            if named is not None:
                result.anonymous[pos] = named
                continue
            first = syntax.first_conjunct(token)
            if first.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ not in CLEFT
                                            for c in first.head.children):
                continue  # "He's not a bad guy", "who was a good man as well", "the
                # moderator was a good guy", "who was a football player and a newspaper
                # guy": what the subject is, not someone else (but "it was a senior
                # official who said …")
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                           for c in token.children)
            if definite and token.lower_ in seen:
                result.anonymous[pos] = seen[token.lower_]
                continue
            label = _phrase_label(token)
            etype = EntityType.GROUP if token.tag_ in ("NNS", "NNPS") else EntityType.PERSON
            key = result._add_unnamed(label, etype, anonymous=True)
            result.anonymous[pos] = seen[token.lower_] = key


