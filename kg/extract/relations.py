"""spoke_with, attacked and convened: who did what to whom, from triggers in the lexicon.

Three constructions, each read off the dependency tree:

- a verb with its subject and its object or prepositional object ("Biden spoke with
  Netanyahu", "X told Y", "Israel was attacked by Iran": the passive swaps the roles);
- a noun with its possessor, demonym, "by"/"from" phrase or light verb as agent and its
  prepositional object as the other party ("Iran's attack on Israel", "an Israeli strike
  on …", "strikes carried out by Iran", "Iran launched an attack on Israel", "in a phone
  call with Netanyahu, Biden …");
- a verb that sends a weapon at a place ("Iran launched hundreds of missiles at Israel",
  "a barrage of Iranian missiles directed at Israel").

A meeting with a group that one gathers ("met with his national security team", "met
with G7 leaders") is a convening, not a conversation. Coordinated agents ("Biden and
Harris spoke with …") give one event each.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg import syntax
from kg.entities import DocEntities, Role
from kg.gazetteer import load_gazetteer
from kg.lexicon import Lexicon, Trigger
from kg.marks import doc_quote_spans
from kg.model import EntityType, Relation
from kg.nlp import lower_ids, string_id, tokens_tagged

#: light verbs whose subject holds a conversation named by their object ("held talks")
TALK_LIGHT_VERBS = {"hold", "have", "conduct", "host", "make", "place", "join"}
#: light verbs whose coordinated subject holds the conversation among themselves
RECIPROCAL_LIGHT = {"hold", "have", "conduct"}
#: prepositions that put a nominal conversation around the clause ("in a call with …")
FRAME_PREPS = {"in", "during", "on", "over", "at", "after", "following"}
GROUP_TYPES = {EntityType.GROUP, EntityType.ORGANIZATION}
#: how many persons make a group that one convenes ("a gathering of all living former
#: Surgeons General, including Dr. Novello, Dr. Elders, Dr. Satcher …")
GROUP_SIZE = 3
PEOPLE = {EntityType.PERSON, EntityType.GROUP}


@dataclass
class Found:
    """An event mention before factuality, date and evidence are attached."""

    relation: Relation
    agent: str
    others: tuple[str, ...]
    trigger: object  # spaCy Token
    confidence: float
    agent_token: object = None  # the spaCy Token that names the agent
    #: "or" when the agent or the other party is one of some alternatives ("Biden or
    #: Harris will call him"), "nor" when all are denied ("neither Biden nor Harris")
    alternatives: str | None = None


#: the parts of speech of the nominal triggers
NOMINAL = frozenset({"NOUN", "PROPN"})
#: the parts of speech of all triggers
TRIGGERING = NOMINAL | syntax.VERBS


def find_relations(doc, ents: DocEntities, lex: Lexicon) -> Iterator[Found]:
    """Every spoke_with, attacked and convened mention in one parsed paragraph."""
    for token in tokens_tagged(doc, TRIGGERING):
        if token.pos_ in syntax.VERBS:
            yield from _verb_events(token, ents, lex)
            if token.lemma_.lower() in lex.launch_verbs:
                yield from _launch_events(token, ents, lex)
        elif token.pos_ in ("NOUN", "PROPN"):
            yield from _noun_events(token, ents, lex)


def nominal_triggers(doc, lex: Lexicon) -> Iterator[tuple[Relation, object]]:
    """Every noun of the lexicon's nominal triggers, with its relation, whatever its
    arguments ("the attack", "Saturday's strike")."""
    for token in tokens_tagged(doc, NOMINAL):
        for key in _noun_keys(token):
            relations = {t.relation for t in lex.nouns.get(key, ())}
            for relation in sorted(relations):
                yield relation, token
            if relations:
                break


# -- verbs ---------------------------------------------------------------------------


def _multiword_ok(verb, trigger: Trigger) -> bool:
    """ "reach out", "hold talks", "bring together": the other words must be there."""
    for word in trigger.words[1:]:
        if not any(c.lemma_.lower() == word or c.lower_ == word for c in verb.children):
            return False
    return True


def _phrasal(verb, trigger: Trigger, lex: Lexicon) -> bool:
    """ "speak out for", "hit out at": a particle the trigger does not name makes the
    verb another one; so does a preposition of explaining right after it ("talk through
    the bilat")."""
    return any(syntax.has_particle(verb, particle)
               for particle in lex.phrasal_particles - set(trigger.words)) or any(
        c.i == verb.i + 1 and c.lower_ in lex.explaining_preps for c in verb.children)


def _in_writing(verb, lex: Lexicon) -> bool:
    """The verb is said in writing: it is written, or its clause hangs from writing or
    from sending a letter ("wrote to the President, urging him", "sent a letter to
    the President urging him")."""
    token = verb
    for _ in range(4):
        if token.pos_ in syntax.VERBS and (token.lemma_.lower() in lex.written_verbs or any(
                c.dep_ == "dobj" and c.lower_ in lex.written_nouns for c in token.children)
                or any(c.dep_ == "prep" and c.lower_ == "in" and any(
                    o.lower_ in lex.written_nouns for o in c.children) for c in token.children)):
            return True  # "wrote", "sent a letter", "in his letter to governors, asked"
        if token.dep_ in ("ROOT", "ccomp", "relcl", "pcomp") or token.head.i == token.i \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) \
                or token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
            return False  # (not "after negotiating with Manchin, Biden signed the bill",
            # "released a statement after he spoke with Netanyahu", "when Biden and Macron
            # met, they put out a statement", "a report that Musk met with Landrieu": a
            # clause of its own, with its own subordinator or subject)
        token = token.head
    return False


def _admits(verb, ents: DocEntities, lex: Lexicon) -> bool:
    """ "welcomes Indonesia to the Initiative": admitted to a body or a pact, not met;
    "welcomes a discussion": glad of an event, or open to it."""
    if verb.lemma_.lower() not in lex.admission_verbs:
        return False
    if any(o.lemma_.lower() in lex.meeting_nouns or o.lemma_.lower() in lex.event_heads
           for o in syntax.direct_objects(verb)):
        return True  # "welcomes a separate discussion with congressional leaders": open
        # to an event, or glad of it, is not meeting anyone
    if any(t.lemma_.lower() in lex.statement_nouns and t.pos_ == "NOUN"
           for o in syntax.direct_objects(verb) for t in syntax.phrase_tokens(o)):
        return True  # "welcomes the DFC and the USAID announcement", parsed with the DFC
        # the object: glad of what was said, not meeting those who said it
    if any(p.dep_ == "prep" and p.lower_ == "on" and any(
            t.ent_type_ not in ("DATE", "TIME") for t in syntax.prep_objects(o, {"on"}))
           for o in syntax.direct_objects(verb) for p in o.children):
        return True  # "welcomed U.S. leadership on climate action": glad of a doing on a
        # matter (not "welcomed the leaders on Monday")
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
            for obj in syntax.prep_objects(verb, {prep.lower_}):
                key = ents.entity_at(obj)
                entity = ents.entities[key] if key else None
                if obj.lemma_.lower() in lex.membership_nouns or (
                        entity is not None and entity.type == EntityType.ORGANIZATION
                        and entity.label.split()[-1].lower() not in lex.venue_words):
                    return True
    return False


#: words that name a part of a place ("from southern Lebanon")
COMPASS = {"northern", "southern", "eastern", "western", "north", "south", "east", "west",
           "central", "northeastern", "northwestern", "southeastern", "southwestern"}


def _region(token) -> bool:
    """A part of a country ("rocket attacks from southern Lebanon"): where an attack comes
    from, not who makes it."""
    return token.ent_type_ in syntax.PLACE_TYPES and any(
        c.dep_ in ("amod", "compound") and c.lower_ in COMPASS for c in token.children)


def _calls_upon(verb) -> bool:
    """ "called on Russia to withdraw", "called upon the federal government to …": to
    call on someone, the preposition right after the verb, is to appeal to them, not to
    phone them ("called him on Sunday", "called Netanyahu on the phone" are calls). So
    is "for" opening the clause of what is asked ("called for the Senate to pass …")."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return any(c.i == verb.i + 1 for c in _asking_preps(verb)) or (
        after is not None and after.dep_ == "mark" and after.lower_ in syntax.CONTROLLING_PREPS)


def _naming(verb) -> bool:
    """ "an agency called DARPA", "something called …", "called the move a mistake": to
    call is to name here."""
    if verb.dep_ == "acl" and verb.head.pos_ in syntax.NOUNS:
        return True
    deps = {c.dep_ for c in verb.children}
    return "dobj" in deps and "oprd" in deps or any(
        _named_as(obj) for obj in syntax.direct_objects(verb)) or _quoted_name(verb)


def _quoted_name(verb) -> bool:
    """ "called the leaders of the United States, South Korea, and Japan “gang bosses”":
    a few words in quotation marks after the object, with no verb before or inside them,
    are the name it is called, however the parser hung them."""
    doc = verb.doc
    end = verb.sent.end
    i = verb.i + 1
    while i < end:
        token = doc[i]
        if token.pos_ in ("VERB", "AUX"):
            return False  # another clause ("called him and said, “…”")
        if token.text in OPENING_QUOTES:
            close = next((j for j in range(i + 1, min(end, i + 7))
                          if doc[j].text in CLOSING_QUOTES), None)
            return close is not None and close > i + 1 and not any(
                t.pos_ in ("VERB", "AUX") for t in doc[i + 1:close])
        i += 1
    return False


OPENING_QUOTES = {"“", '"', "‘"}
CLOSING_QUOTES = {"”", '"', "’"}


def _named_as(obj) -> bool:
    """An object with a noun set right after it, with no comma ("calling Xi Jinping a
    “dictator”", parsed as an apposition): the name it is called (not "called Xi
    Jinping, the President of China")."""
    doc = obj.doc
    return any(c.dep_ == "appos" and c.i > obj.i and c.pos_ in ("NOUN", "ADJ") and
               not any(t.text in (",", ":", "(") or t.text in syntax.DASHES
                       for t in doc[obj.i + 1:c.left_edge.i]) for c in obj.children)


def _in_quoted_title(verb) -> bool:
    """A verb inside quote marks whose words are all capitalised ("“Don't Ask, Don't
    Tell”", "“Buy American”"): the name of a policy or a work, not an event."""
    doc = verb.doc
    for start, end in doc_quote_spans(doc):
        if start <= verb.idx < end:
            words = [t for t in doc if start <= t.idx < end and t.is_alpha]
            return len(words) > 1 and all(t.text[0].isupper() for t in words)
    return False


def _verb_events(verb, ents: DocEntities, lex: Lexicon) -> Iterator[Found]:
    lemma = verb.lemma_.lower()
    triggers = lex.verbs.get(lemma, ())
    if not triggers:
        return  # (most verbs: nothing more to look at)
    if lemma == "call" and (_naming(verb) or _calls_upon(verb)):
        return  # "an agency called DARPA", "called upon the government to …" ("called
        # out", "called off": see _phrasal)
    if _disjunct(verb):
        return  # "broadly speaking, …"
    if _in_quoted_title(verb):
        return  # "the Pentagon's “Don't Ask, Don't Tell” Working Group": a policy's name
    if _shared(verb):
        return  # "co-host the Summit with Zambia": Zambia hosts too
    if lemma == "meet" and any(
            t.lemma_.lower() in lex.met_things for d in syntax.direct_objects(verb)
            for o in syntax.conjuncts(d)
            for t in (o, *(c for c in o.children if c.dep_ == "appos"))):
        return  # "he meets the FDA's Emergency Use Authority criteria" (the parser may make
        # the name the object and the criteria its apposition): a bar reached
    for trigger in triggers:
        if not _multiword_ok(verb, trigger) or _phrasal(verb, trigger, lex):
            continue
        if trigger.relation == Relation.SPOKE_WITH and (
                _in_writing(verb, lex) or _admits(verb, ents, lex)):
            continue
        if trigger.relation == Relation.CONVENED and any(
                lex.figurative_objects & {o.lemma_.lower(), o.lower_}
                for d in syntax.direct_objects(verb) for o in syntax.conjuncts(d)):
            continue  # "bringing together our entire government", "rallied the world";
            # "will bring together leading experts and resources": pooled, not gathered
        if trigger.relation == Relation.CONVENED and \
                " ".join(trigger.words) in lex.uniting_verbs and (
                    _unites(verb, ents) or _composes(verb, lex)):
            continue
        if syntax.is_passive(verb):
            agent_token = syntax.passive_agent(verb)
            object_tokens = [c for c in verb.children if c.dep_ == "nsubjpass"]
        else:
            agent_token = syntax.subject(verb)
            if trigger.relation == Relation.ATTACKED and _described_doer(verb):
                agent_token = verb.head  # "drones launched from Yemen targeting civilian
                # sites": the drones target, not whoever the sentence is about
            parties = syntax.prep_objects(verb, trigger.preps) or \
                syntax.surface_prep_objects(verb, trigger.preps) or \
                _occasion_parties(verb, trigger.preps, lex)
            objects = _objects(verb, parties) if trigger.object else []
            object_tokens = [t for o in objects for t in _gathered(o, lex)] + parties
            for noun in syntax.direct_objects(verb):  # "held talks with X"
                if noun.lemma_.lower() in trigger.words[1:]:
                    object_tokens += syntax.prep_objects(noun, trigger.preps)
        if agent_token is None:
            continue
        if not object_tokens:
            if verb.lemma_.lower() in lex.reciprocal and not _appeals(verb) and \
                    not syntax.simple_present(verb):  # ("the data that Dr. Marks and Dr.
                # Walensky talk about", "they often talk": a habit, not one conversation)
                yield from _reciprocal(trigger.relation, verb, agent_token, ents, lex, 0.85)
            continue
        if verb.lemma_.lower() in lex.reciprocal and _accompanied(agent_token, object_tokens,
                                                                  lex):
            yield from _reciprocal(trigger.relation, verb, agent_token, ents, lex, 0.85)
            continue
        yield from _events(trigger.relation, verb, agent_token, object_tokens, ents, lex, 0.9)


def _described_doer(verb) -> bool:
    """A participle that describes the noun before it by what that noun does, the noun
    deep in a phrase ("an attack consisting of missiles and drones launched from Yemen
    targeting civilian sites"): the noun is the doer, not the subject of the sentence.
    The object of a verb is the means of that verb's subject ("Iran launched missiles
    targeting Israel", "ISIS has directed operations targeting Americans") unless its
    owner is given ("condemned Russia's missiles targeting Ukrainian cities")."""
    noun = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.pos_ in ("NOUN", "PROPN") \
        and noun.i < verb.i and (noun.dep_ != "dobj" or any(c.dep_ == "poss"
                                                            for c in noun.children))


def _accompanied(subject, objects: list, lex: Lexicon) -> bool:
    """ "The President and President Widodo will meet … with a small group of aides":
    people who meet each other, met "with" their entourage only, meet with each other."""
    def counted(noun) -> list:  # "a small group of aides": the aides
        if noun.lemma_.lower() in lex.quantity_heads:
            return syntax.prep_objects(noun, {"of"}) or [noun]
        return [noun]

    members = [m for o in objects for m in counted(o)]
    return len(syntax.conjuncts(subject)) > 1 and bool(members) and all(
        m.lemma_.lower() in lex.entourage_nouns or m.lower_ in lex.entourage_nouns
        for m in members)


def _disjunct(verb) -> bool:
    """ "broadly speaking", "frankly speaking": a participle with nothing but an adverb
    before it comments on the speaker's own words; no one speaks with anyone."""
    kinds = {c.dep_ for c in verb.children} - {"cc", "punct"}
    return verb.tag_ == "VBG" and kinds == {"advmod"} and all(
        c.i < verb.i for c in verb.children if c.dep_ == "advmod")


def _objects(verb, parties: list) -> list:
    """The verb's objects. An object comes before the phrase of a preposition: one after
    the party's phrase is the parser's misreading of that phrase ("met with the Chairman
    of the Party of Vietnam's Commission", "Commission" made an object of "met"), and so
    is a second object after another and a phrase of the verb's, set off by a comma ("will
    be hosting the leaders for a summit held at the White House, the State Department,
    and other places")."""
    objects = syntax.direct_objects(verb)
    preps = [c.i for c in verb.children if c.dep_ == "prep"]
    return [o for o in objects if not any(p.i < o.i for p in parties) and not (
        o.left_edge.i > 0 and o.doc[o.left_edge.i - 1].text == "," and any(
            verb.i < first.i < prep < o.i for first in objects for prep in preps))
        and not _possessor_only(o) and not _attributive(o) and not _possessor_object(o, objects)]


def _possessor_object(obj, objects: list) -> bool:
    """ "help meet partners’ requests", parsed with "partners" and "requests" both objects:
    an object marked as a possessor ("’", "’s") before another object is that object's
    owner; the verb takes what is owned."""
    return any(c.dep_ == "case" for c in obj.children) and any(o.i > obj.i for o in objects)


def _possessor_only(obj) -> bool:
    """ "welcomes the government of Ethiopia’s commitment to …", parsed with "government"
    the object and "commitment" inside its "of": a phrase that runs on into a possessive
    "’s" and a common noun is that noun's possessor; the noun is what the verb takes."""
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            if any(p.dep_ == "poss" and any(c.dep_ == "case" for c in p.children)
                   for p in noun.children):
                return True  # (not "struck an oil depot in Russia's Belgorod region")
    return False


def _attributive(obj) -> bool:
    """ "convened the Caribbean and U.S. co-chairs", parsed with "Caribbean" the object
    and "co-chairs" hung from the verb beside it: coordinated names followed at once by
    a common noun that is not theirs modify that noun; the noun's people are what the
    verb takes, not the names before it."""
    end = obj.right_edge.i + 1
    after = obj.doc[end] if end < len(obj.doc) else None
    return obj.dep_ == "dobj" and any(c.dep_ == "conj" for c in obj.children) and \
        after is not None and after.pos_ == "NOUN" and after.head == obj.head and \
        syntax.no_time(after)


def _unites(verb, ents: DocEntities) -> bool:
    """ "bringing NATO together", "rallied the West", "brought industry and government
    together": a verb that gathers people, said of organisations, places or sectors
    only, unites them in a figure; no one meets."""
    objects = [t for o in syntax.direct_objects(verb) for t in syntax.conjuncts(o)]
    keys = [ents.entity_at(t) for t in objects]
    return bool(objects) and all(
        _sector(t) if k is None else
        ents.entities[k].type in (EntityType.ORGANIZATION, EntityType.LOCATION)
        for t, k in zip(objects, keys, strict=True))


def _sector(token) -> bool:
    """ "industry", "government", "academia": a singular common noun with no article or
    determiner names a sphere of life, not people one could meet."""
    return token.tag_ == "NN" and not any(
        c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in token.children)


def _composes(verb, lex: Lexicon) -> bool:
    """ "a working group that brings together researchers", "a partnership bringing
    together governors", "established the Initiative, bringing together partners": a
    gathering verb that tells what a body, a programme or a founding is made of; no one
    meets. (A meeting that brings people together is one: "a summit that brought
    together 20 leaders".)"""
    head = verb.head
    if (verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBG") and \
            head.pos_ in ("NOUN", "PROPN"):  # (not a purpose: "an arrangement to bring
        # together experts" will gather them)
        return head.lemma_.lower() not in lex.meeting_nouns and head.ent_type_ != "PERSON"
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and \
        head.lemma_.lower() in lex.founding_verbs


def _delegation(token, ents: DocEntities, lex: Lexicon) -> bool:
    """ "Taliban officials", "officials there", "Israeli leaders": people who speak for
    someone; to meet them is to hold talks, not to convene a group, unless they are one's
    own ("his advisers", "fellow G7 leaders")."""
    own = token.lemma_.lower() not in lex.other_side_nouns and any(
        c.dep_ == "poss" or c.lower_ == "fellow" for c in token.children)
    if token.lemma_.lower() in lex.anonymous_heads or token.lower_ in lex.anonymous_heads:
        return not own
    # "Israeli and Palestinian leaders": the leaders of others ("fellow G7 leaders" are
    # one's peers, whom one convenes)
    # (an organisation's leaders, "G7 leaders", meet as a body: that is a convening)
    def country(child) -> bool:
        key = ents.entity_at(child)
        if key:
            return ents.entities[key].type == EntityType.LOCATION
        return child.ent_type_ == "NORP" or bool(load_gazetteer().demonym(child.text))

    affiliated = any(c.dep_ in ("amod", "compound", "nmod") and country(c)
                     for t in syntax.conjuncts(token) for c in t.children)
    return affiliated and not own


def _gathered(noun, lex: Lexicon) -> list:
    """Who is convened when the object is a gathering: "convened a roundtable with
    students", "a meeting of the cabinet"; otherwise the object itself. A place after
    the "of" of a gathering's proper name names it, not its guests ("host the first
    Cities Summit of the Americas"; not "an Emergency Special Session of the General
    Assembly")."""
    if _names_an_event(noun, lex):
        return []
    if noun.lemma_.lower() not in lex.meeting_nouns:
        return [noun]
    named = noun.pos_ == "PROPN" and noun.text[:1].isupper()
    return [o for o in syntax.prep_objects(noun, {"with", "of", "among", "between"})
            if not (named and o.head.lower_ == "of" and o.ent_type_ in syntax.PLACE_TYPES)]


def _names_an_event(noun, lex: Lexicon) -> bool:
    """ "hosted the 2023 National Teacher of the Year ceremony", parsed with "Teacher" the
    object and "ceremony" hung on its "of": a name that runs on into a common noun for an
    event, with no article between, is that event's name; the event is what is hosted,
    and no one is named as met."""
    if noun.pos_ != "PROPN":
        return False
    doc = noun.doc
    return any(o.pos_ == "NOUN" and (o.lemma_.lower() in lex.event_heads or
                                     o.lemma_.lower() in lex.meeting_nouns) and
               doc[o.i - 1].text[:1].isupper() and
               not any(c.dep_ in ("det", "poss") for c in o.children)
               for o in syntax.prep_objects(noun, {"of"}))


def _reciprocal(relation: Relation, trigger, subject, ents: DocEntities, lex: Lexicon,
                confidence: float) -> Iterator[Found]:
    """ "Biden and López Obrador spoke", "the three advisers held a call": a conversation
    among the members of a coordinated subject."""
    if syntax.disjunction(subject):
        return  # "the military or CENTCOM has spoken": either, not one with the other
    verb = trigger if trigger.pos_ in syntax.VERBS else trigger.head
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in lex.travel_verbs:
        return  # "McGurk and Hochstein traveled to the region and had a conversation":
        # with the people they went to see
    if trigger.lemma_.lower() in ("talk", "speak") and trigger.dep_ == "advcl" and \
            syntax.infinitive(trigger):
        return  # "the President, the Vice President and the Cabinet have made 300 trips to
        # talk about this": to talk on a trip is to speak to the public, not to each other
    keys = ents.resolve(subject, Role.PARTY)
    if len(keys) < 2 or not any(ents.is_named(k) for k in keys):
        return
    named = ents.entity_at(subject) is not None
    yield Found(relation, keys[0], tuple(keys[1:]), trigger,
                confidence if named else round(confidence * 0.9, 3), subject)


def _launch_events(verb, ents: DocEntities, lex: Lexicon) -> Iterator[Found]:
    """ "launched hundreds of drones and missiles at Israel" """
    passive = syntax.is_passive(verb)
    carried = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if not any(_is_weapon(t, lex) for t in carried):
        return
    targets = syntax.prep_objects(verb, lex.weapon_preps)
    for noun in carried:
        for weapon in [noun, *syntax.prep_objects(noun, {"of"})]:
            targets += syntax.prep_objects(weapon, lex.weapon_preps)
    if passive:
        agent = syntax.passive_agent(verb) or next(iter(syntax.prep_objects(verb, {"from"})), None)
    else:
        agent = syntax.subject(verb)
    if agent is None or not targets:
        return
    yield from _events(Relation.ATTACKED, verb, agent, targets, ents, lex, 0.85)


def _is_weapon(noun, lex: Lexicon) -> bool:
    """A weapon, or a quantity of weapons ("hundreds of drones", "a flurry of missiles")."""
    if noun.lemma_.lower() in lex.weapons:
        return True
    return any(_is_weapon(o, lex) for o in syntax.prep_objects(noun, {"of"}))


# -- nouns ---------------------------------------------------------------------------


def _noun_keys(noun) -> list[str]:
    """The lemma and, for a hyphenated compound ("counter-offensive"), the whole word."""
    keys = [noun.lemma_.lower()]
    doc = noun.doc
    words, hyphen = lower_ids(doc), string_id("-")  # (a token is "-" when its lower_ is)
    if noun.i + 2 < len(doc) and words[noun.i + 1] == hyphen:
        keys.insert(0, f"{noun.lower_}-{doc[noun.i + 2].lower_}")
    if noun.i >= 2 and words[noun.i - 1] == hyphen:
        keys.insert(0, f"{doc[noun.i - 2].lower_}-{noun.lower_}")
    return keys


def _noun_events(noun, ents: DocEntities, lex: Lexicon) -> Iterator[Found]:
    for key in _noun_keys(noun):
        triggers = lex.nouns.get(key)
        if not triggers:
            continue
        for trigger in triggers:
            if not _compound_ok(noun, trigger):
                continue
            if trigger.relation == Relation.SPOKE_WITH and _of_goods(noun, lex):
                continue  # "an exchange of 1.5 million barrels of crude oil with …"
            if trigger.relation == Relation.SPOKE_WITH and _call_for(noun):
                continue  # "the Treasury's joint call with HUD for state and local
                # governments to set up …": an appeal made together, not a phone call
            others = syntax.prep_objects(noun, trigger.preps)
            if not others and noun.dep_ == "dobj" and noun.head.lemma_.lower() in \
                    TALK_LIGHT_VERBS | lex.light_verbs:
                # "held a secure video call today with Putin": "with" hangs from "held"
                others = syntax.prep_objects(noun.head, trigger.preps) or \
                    syntax.surface_prep_objects(noun, trigger.preps) or \
                    _occasion_parties(noun.head, trigger.preps, lex)
            if trigger.relation == Relation.ATTACKED:
                others += _attack_targets(noun, lex)
            agent = _noun_agent(noun, trigger.relation, lex)
            if agent is None:
                continue
            if not others:
                if key in lex.reciprocal and noun.head.lemma_.lower() in RECIPROCAL_LIGHT:
                    # "X, Y and Z held a trilateral phone call" (who hosts a call talks to
                    # others, not to the co-host)
                    yield from _reciprocal(trigger.relation, noun, agent, ents, lex, 0.75)
                continue
            yield from _events(trigger.relation, noun, agent, others, ents, lex, 0.75)
        return


#: prepositions of the place or the occasion of a verb ("met at the White House", "spoke
#: on the margins of the summit", "met in Warsaw", "spoke during the summit")
OCCASION_PREPS = frozenset({"at", "on", "in", "during"})


def _occasion_parties(verb, preps, lex: Lexicon) -> list:
    """ "met today at the White House with Indian External Affairs Minister Jaishankar",
    "spoke on the margins of the NATO Summit with President Duda": the party's
    preposition, which the parser hung from the place or the occasion of the verb's own
    adjunct, is the verb's (a building, a city or a summit meets no one; an agreement
    "with Mexico" is what the talk is on, and stays so)."""
    occasions = lex.venue_words | lex.meeting_nouns
    for adjunct in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and
                    c.lower_ in OCCASION_PREPS):
        found = [o for noun in adjunct.subtree if noun.pos_ in ("NOUN", "PROPN") and (
                     noun.lemma_.lower() in occasions or
                     noun.ent_type_ in ("GPE", "LOC", "FAC", "ORG"))
                 for o in syntax.prep_objects(noun, preps)]
        if found:
            return found
    return []


def _call_for(noun) -> bool:
    """A call "for" something or someone to act ("a call for calm", "a joint call … for
    governments to set up …"), not for a stretch of time ("a call for an hour")."""
    if noun.lemma_.lower() != "call":
        return False
    preps = [t for t in noun.subtree if t.dep_ == "prep" and t.lower_ == "for" and
             not any(a.pos_ in syntax.VERBS for a in _path(t, noun))]
    # (wherever the parser hung it; of a common noun: "the Minister for Foreign Affairs"
    # is a title)
    return any(o.dep_ == "pobj" and o.pos_ == "NOUN" and syntax.no_time(o)
               for p in preps for o in p.children)


def _of_goods(noun, lex: Lexicon) -> bool:
    """A talk noun "of" something other than what talks carry ("an exchange of oil", "an
    exchange of fire"): a trade or a clash, not talks ("an exchange of views" is)."""
    if noun.lower_ not in lex.trade_nouns:
        return False
    carried = lex.message_nouns | lex.group_heads | lex.anonymous_heads  # (and persons)
    return any(o.pos_ == "NOUN" and o.ent_type_ not in syntax.NAMED_TYPES and
               not {o.lemma_.lower(), o.lower_} & carried
               for o in syntax.prep_objects(noun, {"of"}))


def _attack_targets(noun, lex: Lexicon) -> list:
    """Targets of a nominal attack beyond its prepositions: where its weapons were directed
    ("a barrage of missiles directed at Israel"), whom it killed or hit ("a strike that
    killed several Iranian commanders"), else where it happened ("a strike in Syria")."""
    targets = []
    weapons = [noun, *(o for o in syntax.prep_objects(noun, {"of"}) if _is_weapon(o, lex))]
    for head in weapons:
        for clause in (c for c in head.children if c.dep_ in ("acl", "relcl")):
            lemma = clause.lemma_.lower()
            if lemma in lex.launch_verbs or lemma in lex.course_verbs:
                targets += syntax.prep_objects(clause, lex.weapon_preps)
            if lemma in lex.harm_verbs:
                targets += syntax.direct_objects(clause) + \
                    syntax.prep_objects(clause, lex.weapon_preps)
    if not targets:
        targets = [t for t in syntax.prep_objects(noun, {"in", "inside"})
                   if not {w.lower_ for w in t.subtree if w.i <= t.i} & lex.waters]
    return targets


def _compound_ok(noun, trigger: Trigger) -> bool:
    if len(trigger.words) == 1:
        return True
    before = {c.lemma_.lower() for c in noun.children if c.i < noun.i}
    return all(w in before for w in trigger.words[:-1])


def lex_demonym(token) -> bool:
    """A word the gazetteer knows as a demonym or a place ("Israeli", "US")."""
    gazetteer = load_gazetteer()
    return bool(gazetteer.demonym(token.text) or gazetteer.lookup(token.text))


def _scene(modifier) -> bool:
    """A place that is no country before an attack noun ("the 1963 Birmingham church
    bombing", "the Oklahoma City bombing"): where it happened, not who did it. (A
    country or its capital may stand for its government: "US strikes", "Moscow's".)"""
    return modifier.ent_type_ in ("GPE", "LOC", "FAC") and not lex_demonym(modifier) and \
        load_gazetteer().capital(modifier.text) is None


def _noun_agent(noun, relation: Relation, lex: Lexicon):
    """Who does what a nominal trigger names."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    if relation == Relation.ATTACKED:
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.pos_ in ("ADJ", "PROPN") \
                    and (child.ent_type_ or lex_demonym(child)) and not _scene(child):
                return child  # "an Israeli strike", "US strikes"; not "military incursions"
        by = [t for t in syntax.prep_objects(noun, {"by", "from"}) if not _region(t)]
        if by:
            return by[0]
        for acl in (c for c in noun.children if c.dep_ == "acl"):
            agent = syntax.passive_agent(acl)  # "strikes carried out by Iran"
            if agent is not None:
                return agent
        for obj in syntax.prep_objects(noun, {"of"}):  # "a barrage of Iranian missiles"
            if _is_weapon(obj, lex):
                for child in obj.children:
                    if child.dep_ in ("amod", "compound", "nmod", "poss"):
                        return child
    head = noun.head
    light = lex.light_verbs if relation == Relation.ATTACKED else TALK_LIGHT_VERBS
    if noun.dep_ == "dobj" and head.lemma_.lower() in light and not _shared(head):
        return syntax.subject(head)  # "Iran launched an attack on …", "held a call with …"
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in \
            lex.joining_verbs:
        return syntax.subject(head.head)  # "the US will not participate in any strike"
    if relation == Relation.SPOKE_WITH and noun.dep_ == "pobj" and head.lower_ in FRAME_PREPS \
            and (head.lower_ != "on" or noun.lemma_.lower() in lex.medium_nouns):
        # ("on a call with Netanyahu, Biden said" frames the clause; "following up on
        # the meeting with …" is about a meeting, not held in it; "identified priorities
        # at the convening of the Working Group": who is at a gathering takes part in it,
        # and need not be who convened it)
        verb = syntax.governing_verb(head)
        root = head.sent.root
        if head.i == head.sent.start and root.pos_ in syntax.VERBS and verb is not None and \
                verb.tag_ in ("VBG", "VBN") and verb.dep_ in ("advcl", "acl"):
            verb = root  # "In discussion with experts from …, and advocates working with
            # survivors, the White House highlighted …": a phrase that opens the sentence
            # frames its main clause, wherever the parser hung it
        if verb is not None:
            return syntax.subject(verb)  # "in a phone call with Netanyahu, Biden told …"
    return None


# -- resolution ----------------------------------------------------------------------


def _relative_to(trigger, noun) -> bool:
    """Is the trigger's clause a relative clause on ``noun`` itself ("Nana Gyamfi, who
    has met with President Biden, and other leaders said")? Then it tells of that noun
    alone, not of what is coordinated with it."""
    token = trigger
    while token.pos_ in syntax.VERBS and token.dep_ != "relcl" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "relcl" and token.head.i == noun.i


def _events(relation: Relation, trigger, agent_token, object_tokens, ents: DocEntities,
            lex: Lexicon, confidence: float) -> Iterator[Found]:
    attack = relation == Relation.ATTACKED
    if attack and any(c.dep_ in ("compound", "amod") and c.lower_ in lex.nonviolent_kinds
                      for t in (trigger, *syntax.direct_objects(trigger))
                      for c in t.children):
        return  # "a cyber attack", "launched a ransomware attack": no violence
    if attack and any(o.lemma_.lower() in lex.idiom_objects for o in object_tokens):
        return  # "strike a deal", "hit milestones", "a deal was struck", "an attack on
        # government systems"
    if attack and _aims_measures(trigger, agent_token, lex):
        return  # "sanctions targeting Iran's financing", "the Department of State is
        # targeting oligarchs"
    alternatives = next(filter(None, map(syntax.disjunction, (agent_token, *object_tokens))),
                        None)
    agents = ents.resolve(agent_token, Role.ACTOR if attack else Role.PARTY,
                          alone=_relative_to(trigger, agent_token))
    for office in syntax.conjuncts(agent_token):  # "the Second Gentleman and National
        # Institute of Allergy and Infectious Diseases Director Dr. Anthony Fauci will
        # host …": the director, not the institute
        holder = _office_holder(office, lex)
        if holder is not None:
            dropped = ents.resolve(office, Role.PARTY, alone=True)
            agents = [k for k in agents if k not in dropped] + [
                k for k in ents.resolve(holder, Role.PARTY, alone=True) if k not in agents]
    others: list[str] = []
    if relation == Relation.SPOKE_WITH:  # "told our Hill reporter, Allie Pecorin"
        if agent_token.lower_ in lex.public_bodies or _performative(trigger, lex):
            return  # "the money that Congress told him to spend": a body acts by law;
            # "The President congratulates Judy", "I want to thank our partners"
        object_tokens = [t for t in object_tokens if not _journalist(t, lex)
                         and not _appeal(trigger, t, lex) and not _addresses(trigger, t, lex)]
    object_tokens = [_office_holder(t, lex) or t for t in object_tokens]
    for token in [*object_tokens, *_included(trigger)]:
        for included in [token] if token.pos_ not in syntax.VERBS else []:
            for key in ents.resolve(included, Role.TARGET if attack else Role.PARTY):
                if key not in others:
                    others.append(key)
    if relation == Relation.SPOKE_WITH:
        others = [k for k in others if not _is_media(ents, k, lex)
                  and not _is_audience(ents, k, lex)]
    if relation == Relation.SPOKE_WITH and trigger.lemma_.lower() in lex.person_verbs and \
            any(c.dep_ == "xcomp" and _on_behalf(c) for c in trigger.children):
        return  # "The President asked Vice President Harris to attend the Summit on his
        # behalf": a stand-in sent, not the one the readout's call was with
    if relation == Relation.SPOKE_WITH and trigger.lemma_.lower() in lex.person_verbs and \
            not _talks_named(trigger, lex):
        if _asks_to_act(trigger) and any(_institution(ents, k, lex) for k in others):
            return  # "urging President Biden and NATO to impose …", "pressed the federal
            # government to …": an appeal to an institution to act is made in public
        if _commissions(trigger, lex):
            return  # "asked the Vice President to lead …", "asked John to serve in this
            # role": giving someone a charge, an appointment, not a conversation
        agents = [k for k in agents if ents.entities[k].type in PEOPLE]
        others = [k for k in others if ents.entities[k].type in PEOPLE]
    agents = [k for k in agents if not _is_event_name(ents, k, lex)]
    others = [k for k in others if not _is_event_name(ents, k, lex)]
    if relation == Relation.ATTACKED:  # a source is not attacked, nor attacks; a storm
        # or a fire strikes, but attacks no one
        agents = [k for k in agents if not _is_source(ents, k, lex) and
                  not set(ents.entities[k].label.lower().split()) & lex.hazards]
        others = [k for k in others if not _is_source(ents, k, lex)]
        if others and all(ents.entities[k].type == EntityType.PERSON for k in others) and \
                _grounds(trigger, object_tokens):
            return  # "governors who are attacking me and your governor for mandates":
            # people attacked for what they did or said are blamed, not struck
    else:  # a place talks or convenes only as its country's government
        agents = [k for k in agents if _has_voice(ents, k)]
    if not agents or not others:
        return
    if not any(ents.is_named(k) for k in (*agents, *others)):
        return  # "officials assured their counterparts": nobody a reader could look up
    if relation == Relation.SPOKE_WITH and trigger.lemma_.lower() in lex.meet_verbs and all(
            ents.entities[k].type in GROUP_TYPES for k in others) and not any(
            _delegation(t, ents, lex) for t in object_tokens):
        relation = Relation.CONVENED
    if relation == Relation.CONVENED and len(others) < GROUP_SIZE and all(
            ents.entities[k].type == EntityType.PERSON for k in others):
        relation = Relation.SPOKE_WITH  # "convened calls with Netanyahu and Pope Francis":
        # one gathers a group; with one or two persons one talks
    named = ents.entity_at(agent_token) is not None
    score = confidence if named else round(confidence * 0.9, 3)
    for agent in agents:
        rest = tuple(k for k in others if k != agent)
        if rest:
            yield Found(relation, agent, rest, trigger, score, agent_token, alternatives)


#: words that may stand inside an organisation's name ("Agency for Palestine Refugees in
#: the Near East (UNRWA)")
NAME_LINKS = frozenset({"of", "for", "in", "the", "and", "&", "(", ")", "-", "on"})


def _office_holder(token, lex: Lexicon):
    """ "spoke with UN Relief and Works Agency for Palestine Refugees in the Near East
    (UNRWA) Commissioner General Philippe Lazzarini", the parser taking the agency for the
    party: an organisation's name that runs on, with nothing but its own words, into a
    title and a person's name is that person's office; the person is the party."""
    if token.ent_type_ != "ORG" or any(c.dep_ == "conj" for c in token.children):
        return None  # (not "met with Microsoft and Google CEO Sundar Pichai")
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].ent_type_ != "PERSON":
        if not (doc[i].text in NAME_LINKS or doc[i].is_title or doc[i].is_upper) or \
                doc[i].ent_type_ in ("DATE", "TIME", "GPE"):
            return None  # (not "met with NATO on Monday and Secretary Blinken")
        i += 1
    if i == len(doc) or i == token.i + 1:
        return None
    title = [t.lower_ for t in doc[token.i + 1:i] if t.text not in NAME_LINKS]
    while title and title[-1].rstrip(".") in ("dr", "mr", "mrs", "ms"):
        title.pop()
    if not title or not lex.ends_title(title):
        return None
    person = doc[i]
    while person.i + 1 < len(doc) and doc[person.i + 1].ent_type_ == "PERSON" and \
            doc[person.i + 1].ent_iob_ == "I":
        person = doc[person.i + 1]
    return person


def _aims_measures(verb, agent_token, lex: Lexicon) -> bool:
    """Is a verb that aims ("target", "hit") aiming measures, not weapons: said of them
    ("sanctions targeting …", "tariffs that hit …") or by a civil office ("the Department
    of State is targeting …", not "the Department of Defense")?"""
    if verb.pos_ not in syntax.VERBS or verb.lemma_.lower() not in lex.aiming_verbs:
        return False
    said_of = [verb.head] if verb.dep_ in ("acl", "relcl") else []
    for noun in [*said_of, *(t for t in [agent_token] if t is not None)]:
        if {noun.lemma_.lower(), noun.lower_} & lex.soft_means or any(
                o.lower_ in lex.soft_means for o in syntax.prep_objects(noun, {"of"})):
            return True  # ("three sets of sanctions")
    if any({t.lower_ for t in o.subtree} & lex.soft_means
           for o in syntax.prep_objects(verb, {"with"})):
        return True  # "targeting groups of Americans with dis- and misinformation"
    if any(c.dep_ == "xcomp" and syntax.infinitive(c) for c in verb.children):
        return True  # "will target small suppliers to compete on half the requests": aimed
        # at, for what they are to do; a weapon's target does nothing
    if agent_token is None or agent_token.pos_ not in ("NOUN", "PROPN"):
        return False
    words = {t.lower_ for t in agent_token.subtree}  # ("the Department of State")
    return bool(words & lex.civil_offices) and not words & MILITARY_WORDS


#: words of a military office ("the Department of Defense", "Central Command")
MILITARY_WORDS = frozenset({"defense", "defence", "military", "army", "navy", "air",
                            "force", "forces", "command", "war"})


def _grounds(verb, object_tokens) -> bool:
    """Does a verb of attack give its grounds with "for" ("attacking me for the mandates",
    "attacked the senator for his vote"), on the verb or on its object? (Not a stretch of
    time: "attacked them for hours", "for the third time".)"""
    if verb.pos_ not in syntax.VERBS:
        return False
    for head in (verb, *(c for t in object_tokens for c in syntax.conjuncts(t))):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "for"):
            if any(o.dep_ == "pobj" and syntax.no_time(o) for o in prep.children):
                return True
    return False


def _included(token) -> list:
    """ "his advisors, including Blinken, Sullivan and McGurk": the members named in an
    "including" phrase of the clause (it may hang from the verb, its object or a place)."""
    out = []
    for prep in token.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in ("including", "like"):
            continue
        if any(a.pos_ in syntax.VERBS for a in _path(prep, token)):
            continue  # it belongs to another clause
        of_subject = any(a.dep_ in ("nsubj", "nsubjpass")
                         for a in [prep.head, *_path(prep.head, token)])
        if prep.lower_ == "like" and (prep.i < token.i or of_subject):
            continue  # "FDA, like CDC, consults its experts": a comparison
        if of_subject and prep.i < token.i:
            continue  # "officials, including Young and Landrieu, met with …" are who met
        for obj in prep.children:
            if obj.dep_ == "pobj":
                out.extend(syntax.conjuncts(obj))
    return out


def _path(token, top) -> list:
    """The tokens strictly between ``token`` and its ancestor ``top``."""
    out = []
    current = token.head
    while current != top and current.head.i != current.i:
        out.append(current)
        current = current.head
    return out


def _shared(verb) -> bool:
    """ "co-host", "co-chair": the others do it too (the parser splits "co" off)."""
    return verb.i >= 2 and verb.nbor(-1).text == "-" and verb.nbor(-2).lower_ == "co"


def _asks_to_act(trigger) -> bool:
    """ "urged NATO to impose …", "asked the administration to shut down …": the verb asks
    its addressee to do something (welcoming or thanking a delegation does not)."""
    return any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and syntax.infinitive(c))
               for c in trigger.children)


def _commissions(trigger, lex: Lexicon) -> bool:
    """ "asked Kerry to chair a session", "has asked Jake Sullivan to oversee a team": asking
    someone to take a charge (serve, lead, oversee …) gives a role; so does asking for a
    piece of work ("asked Secretary Becerra for a report", "the report that the President
    asked Secretary Becerra for"). The asking itself tells of no talks."""
    if trigger.lemma_.lower() != "ask":
        return False
    if any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in lex.charge_verbs
           for c in trigger.children):
        return True
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "for"):
        # a "for" left at the end of a relative clause asks for the noun the clause is on
        asked = [c for c in prep.children if c.dep_ == "pobj"] or (
            [trigger.head] if trigger.dep_ == "relcl" else [])
        if any(a.lemma_.lower() in lex.work_products for a in asked):
            return True
    return False


def _on_behalf(verb) -> bool:
    """ "… on his behalf", "… on behalf of the President": done as someone's stand-in."""
    return any(t.lower_ == "behalf" and t.head.lower_ == "on" for t in verb.subtree)


def _institution(ents: DocEntities, key: str, lex: Lexicon) -> bool:
    """A country, an organisation or a body of government ("the federal government",
    "the Biden administration"), which one addresses in public, not in talks."""
    entity = ents.entities[key]
    if entity.type in (EntityType.ORGANIZATION, EntityType.LOCATION):
        return True
    words = entity.label.lower().split()
    return entity.type == EntityType.GROUP and bool(words) and \
        words[-1] in lex.institution_heads


def _appeal(trigger, token, lex: Lexicon) -> bool:
    """A public body is addressed, not talked with ("spoke to the Congress"); asking its
    members to act is an appeal made in public ("urging members of Congress to pass
    legislation")."""
    if token.lower_ in lex.public_bodies:
        return True
    asks = any(c.dep_ in ("xcomp", "ccomp") for c in trigger.children)
    return asks and any(o.lower_ in lex.public_bodies
                        for o in syntax.prep_objects(token, {"of"}))


def _addresses(trigger, token, lex: Lexicon) -> bool:
    """Speaking "to" or "before" an assembly is addressing it ("will speak directly to
    the U.N. Council about the gravity of the situation"), or telling it ("as President
    Biden told the U.N. General Assembly"): a speech, not talks (meeting "with" a council
    is talks)."""
    if token.lower_ not in lex.assemblies:
        return False
    lemma = trigger.lemma_.lower()
    return lemma in ("speak", "talk") and token.head.dep_ == "prep" and \
        token.head.lower_ in ("to", "before") or \
        lemma in ("tell", "address") and token.dep_ in ("dobj", "dative")


def _appeals(verb) -> bool:
    """ "called on both to …", "called for calm": a verb of talking that asks something
    of someone ("spoke on Tuesday" is a time, not an appeal)."""
    return bool(_asking_preps(verb))


def _asking_preps(verb) -> list:
    """The verb's "on", "upon" or "for" that bring in whom or what it asks for, not a
    time ("on Tuesday")."""
    return [c for c in verb.children if c.dep_ in ("prep", "prt") and
            c.lower_ in syntax.CONTROLLING_PREPS and
            not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)]


def _performative(trigger, lex: Lexicon) -> bool:
    """Thanking, congratulating or urging done by saying so in public: in the simple
    present ("The President congratulates Speaker McCarthy's wife", "we urge all
    parties"), as a request going on now ("is urging partners to invest") or as a wish
    to ("I want to thank our partners", "we wanted to thank the governors")."""
    lemma = trigger.lemma_.lower()
    if lemma not in lex.person_verbs or lemma in lex.meet_verbs or \
            trigger.pos_ not in syntax.VERBS:
        return False
    if syntax.simple_present(trigger):
        return True
    if _asks_to_act(trigger) and trigger.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'re", "’re", "'s", "’s")
            for c in trigger.children):
        return True  # "the United States is urging all of our partners to invest": a
        # standing appeal, made in public
    head = trigger.head
    if trigger.dep_ != "xcomp" or head.lemma_.lower() not in ("want", "like"):
        return False
    speaker = syntax.subject(head)
    return head.tag_ in ("VBZ", "VBP", "VB") or head.tag_ == "VBD" and \
        speaker is not None and speaker.lower_ in ("i", "we")  # "we wanted to thank":
    # the speaker's polite past, said now


def _talks_named(trigger, lex: Lexicon) -> bool:
    """Does the trigger's paragraph name a call, a meeting or talks ("During the call,
    the President thanked Qatar")?"""
    for token in trigger.doc:
        if token.i == trigger.i:
            continue
        lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns and any(
                t.relation == Relation.SPOKE_WITH for t in lex.nouns[lemma]):
            return True
        if token.pos_ in syntax.VERBS and lemma in lex.verbs and lemma not in \
                lex.person_verbs and any(t.relation == Relation.SPOKE_WITH
                                         for t in lex.verbs[lemma]) and any(
                    c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("with", "to"))
                    for c in token.children):
            return True  # "met the Emir", "spoke with him" ("talking about Gaza" is not)
    return False


def _journalist(token, lex: Lexicon) -> bool:
    """A reporter, by the noun itself or by an apposition ("our reporter, Allie Pecorin",
    "Allie Pecorin, a CNN correspondent")."""
    related = [token, *(c for c in token.children if c.dep_ == "appos")]
    if token.dep_ == "appos":
        related.append(token.head)
    return any(t.lemma_.lower() in lex.media_roles or t.lower_ in lex.media_roles
               for t in related)


def _has_voice(ents: DocEntities, key: str) -> bool:
    """Anyone but a place that is not a country: "Pittsburgh", "Tennessee" or "the Middle
    East" do not hold talks (a capital that acts was made its country already)."""
    entity = ents.entities[key]
    if entity.type != EntityType.LOCATION or ents.gazetteer is None:
        return True
    place = ents.gazetteer.lookup(entity.label)
    return place is not None and place.qid is not None  # a country


def _is_event_name(ents: DocEntities, key: str, lex: Lexicon) -> bool:
    """ "the Eviction Prevention Summit", "the Leadership Award", "a Celebration of
    Afro-Latino Heritage", "this Summit": an event or a prize, named by its head word (a
    name of one word only if it is a gathering's: "the Fund" is the IMF)."""
    words = ents.entities[key].label.lower().split()
    if len(words) > 2 and "of" in words[1:-1] and words[-1] in lex.event_heads and \
            ents.entities[key].type != EntityType.PERSON:
        return True  # "the International Women of Courage Award": the head comes last
        # (not "the Chairman of the Communist Party", a person)
    for i, word in enumerate(words):
        if word in ("of", "for", "on") and i > 0:
            words = words[:i]
            break
    if len(words) == 1:  # "this Summit in Madrid will convene …", "COP27"
        return words[0] in lex.meeting_nouns or \
            words[0].rstrip("0123456789") in lex.event_acronyms
    if len(words) == 2 and words[1].isdigit() and words[0] in lex.event_acronyms:
        return True  # "COP 28"
    return bool(words) and words[-1] in lex.event_heads


def _is_source(ents: DocEntities, key: str, lex: Lexicon) -> bool:
    """An anonymous source ("officials", "sources", "a spokesperson")."""
    entity = ents.entities[key]
    return entity.anonymous and entity.label.lower().split()[-1] in lex.anonymous_heads


def _is_audience(ents: DocEntities, key: str, lex: Lexicon) -> bool:
    """ "the American people", "reporters": addressed, not talked with."""
    entity = ents.entities[key]
    words = entity.label.lower().split()
    return entity.type == EntityType.GROUP and (
        words[-1] in lex.audiences or " ".join(words[-2:]) in lex.audiences)


def _is_media(ents: DocEntities, key: str, lex: Lexicon) -> bool:
    """A news outlet ("he told CNN", "told The Philadelphia Inquirer"): an interview."""
    entity = ents.entities[key]
    names = {entity.label.lower(), *(a.lower() for a in entity.alt_labels)}
    if names & lex.media:
        return True
    return entity.type == EntityType.ORGANIZATION and any(
        w in lex.media_words for name in names for w in name.split())
