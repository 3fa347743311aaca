"""Small readers of spaCy's dependency trees, shared by the relation extractors.

Each function answers one grammatical question about a token: who is the subject of
this verb (inherited from the governing clause when the verb has none: "Biden
announced plans to meet …"), what are its objects, what follows a given preposition.
"""

from __future__ import annotations

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
NOUNS = {"NOUN", "PROPN", "PRON"}
VERBS = {"VERB", "AUX"}
#: pronouns that stand for a topic or a clause, never a party ("speak to that")
TOPIC_PRONOUNS = frozenset({"what", "how", "why", "whether", "that"})
#: nouns that measure a stretch of time ("for hours", "for the third time")
TIME_NOUNS = frozenset({"time", "moment", "minute", "hour", "day", "night", "week",
                        "weekend", "month", "year", "decade", "while", "period"})


def conjuncts(token) -> list:
    """``token`` and the tokens coordinated with it ("Israel, Jordan and the U.S."). A
    name coordinated with the modifier of a plural noun modifies it too ("AA and NHPI
    organizations", "Democratic and Republican governors"): only the noun is a head."""
    out = [token]
    owner = token.dep_ == "poss"  # "Biden and Harris's meeting": possessors coordinated
    for item in out:
        # (through a name's suffix, which the parser makes the head of what follows:
        # "Joseph R. Biden, Jr. and President Vo Van Thuong")
        heads = [item, *(c for c in item.children if c.dep_ == "appos" and
                         c.lower_.rstrip(".") in NAME_SUFFIXES)]
        out.extend(c for h in heads for c in h.children if c.dep_ == "conj" and c not in out
                   and not _place_qualifier(c) and (owner or not _possessor(c)))
    out.extend(_stray_conjunct(out[-1]))
    if len(out) > 1 and token.pos_ == "PROPN" and _shares_modifier(token, out[-1]):
        return out[1:]
    if len(out) > 1 and _counted_plural(token, out[-1]):
        return out[-1:]
    if len(out) > 2 and _named_after(token, out[1:]):
        return out[1:]
    return _items(out)


def _stray_conjunct(last) -> list:
    """A noun the parser coordinated with the verb, right after the verb's
    prepositional object and "and" ("met with women and allied mayors", "mayors" made a
    second verb of "met"): a noun is no verb; it goes on the object's list."""
    prep = last.head
    if last.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in VERBS:
        return []
    verb, end = prep.head, last.right_edge.i
    cc = next((c for c in verb.children if c.dep_ == "cc" and c.i == end + 1), None)
    return [c for c in verb.children if cc is not None and c.dep_ == "conj" and
            c.i > cc.i and c.pos_ in ("NOUN", "PROPN") and c.left_edge.i == cc.i + 1]


def _named_after(noun, names: list) -> bool:
    """ "The leaders of the United States and Israel, President Biden and Prime Minister
    Lapid, met": names set off by commas after a plural noun, which the parser took for
    more members of its coordination, name the noun's people; they are not others."""
    doc = noun.doc
    end = max(names, key=lambda t: t.i).right_edge.i + 1
    return noun.tag_ == "NNS" and doc[names[0].left_edge.i - 1].text == "," and \
        end < len(doc) and doc[end].text == "," and all(t.pos_ == "PROPN" for t in names)


#: what follows a person's name after a comma ("Joseph R. Biden, Jr.")
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def no_time(noun) -> bool:
    """Is a noun something other than a stretch or point of time ("for the mandates", not
    "for hours", "for the third time", "for an hour")?"""
    return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() not in TIME_NOUNS and \
        noun.ent_type_ not in ("DATE", "TIME", "ORDINAL", "CARDINAL")


def first_conjunct(token):
    """The first of the words ``token`` is coordinated with ("a player and a newspaper
    guy": "player"), or ``token`` itself: where the coordination sits in its clause."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _items(tokens: list) -> list:
    """The first of the coordinated words in each item of a list that semicolons divide
    ("hosted Polly Smith, Deputy Secretary, Department of Transportation; David Brown,
    …"): what follows a comma inside an item describes its first word."""
    doc, first = tokens[0].doc, min(t.i for t in tokens)
    if len(tokens) < 2 or not any(t.text == ";" for t in doc[first:max(t.i for t in tokens)]):
        return tokens
    seen: set[int] = set()
    out = []
    for token in sorted(tokens, key=lambda t: t.i):
        item = sum(t.text == ";" for t in doc[first:token.i])
        if item not in seen:
            seen.add(item)
            out.append(token)
    return out


def _possessor(conj) -> bool:
    """A name marked as a possessor begins a phrase of its own ("the invasion of Ukraine and
    Hamas' attack on Israel"): it is not coordinated with the noun before it."""
    doc = conj.doc
    return conj.i + 1 < len(doc) and doc[conj.i + 1].text in ("’", "'", "’s", "'s")


def _counted_plural(first, last) -> bool:
    """A singular noun counted by a number above one ("75 veteran, military family and
    survivor organizations"): the number counts the plural noun the list ends with, and
    the words before it describe that noun; they are not things of their own."""
    return first.tag_ == "NN" and last.tag_ == "NNS" and last.i > first.i and any(
        c.dep_ == "nummod" and c.like_num and c.lower_ not in ("1", "one")
        for c in first.children)


def _shares_modifier(name, last) -> bool:
    """ "AA" of "AA and NHPI organizations": a bare name of no person or place,
    coordinated with a plural common noun that a name modifies just before it (not
    "Macron and Italian leaders", "Germany and other partners")."""
    before = last.doc[last.i - 1]
    return last.tag_ == "NNS" and last.i > name.i and \
        name.ent_type_ not in ("PERSON", "GPE", "LOC", "FAC") and \
        not any(c.dep_ in ("det", "poss", "compound") for c in name.children) and \
        before.head.i == last.i and before.dep_ in ("compound", "amod") and \
        before.pos_ == "PROPN"


PLACE_TYPES = ("GPE", "LOC")
#: the recogniser's types of names of people, bodies and places
NAMED_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})


def _place_qualifier(conj) -> bool:
    """A place after a place where something happens and a comma, which the parser
    coordinated with a noun further back ("met with President Mohammed bin Zayed of the
    UAE in Dubai, the United Arab Emirates": the country of the city, not a party). In a
    list the places hang from each other ("in Kyiv, Kharkiv and Odesa")."""
    doc, start = conj.doc, conj.left_edge.i
    if start < 2 or doc[start - 1].text != "," or conj.ent_type_ not in PLACE_TYPES:
        return False
    place = doc[start - 2]
    return place.ent_type_ in PLACE_TYPES and place.i != conj.head.i and \
        place.dep_ == "pobj" and place.head.lower_ in ("in", "at") and \
        place.head.head.i != conj.head.head.i


#: the relations by which a clause hangs from a word: what a clause says is not part of
#: the phrase it hangs from ("the administrator who said that President Biden …")
CLAUSE_RELATIONS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})


def phrase_tokens(token, skip: tuple[str, ...] = ()) -> list:
    """The words of the phrase ``token`` heads, without the clauses hanging inside it
    (nor what hangs by a relation in ``skip``)."""
    out = [token]
    for item in out:
        out.extend(c for c in item.children
                   if c.dep_ not in CLAUSE_RELATIONS and c.dep_ not in skip)
    return sorted(out, key=lambda t: t.i)


def projective(token) -> bool:
    """Does every word between ``token`` and its head hang, at any depth, from that head?
    An arc that crosses another ("hosting the leaders for a summit held at the White House,
    the State Department", the last made an apposition of "leaders") is a guess of the
    parser's, which English allows only for a phrase set off at a distance by a dash."""
    head = token.head
    low, high = sorted((head.i, token.i))
    return all(head in t.ancestors for t in token.doc[low + 1:high])


def disjunction(token) -> str | None:
    """ "or" for a coordination of alternatives ("Biden or Harris": one of them, no one
    says which), "nor" for one that denies them all ("neither Israel nor Iran"); None for
    a token that is not coordinated so."""
    words = {c.lower_ for t in conjuncts(token) for c in t.children if c.dep_ == "cc"}
    return "nor" if "nor" in words else "or" if "or" in words else None


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def passive_agent(verb):
    """The agent of a passive verb: the object of its "by" phrase."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


#: verbs whose object is brought somewhere for a purpose, which the object then serves
GATHERING_VERBS = frozenset({"bring", "gather", "invite", "assemble", "summon"})
#: verbs of seeing or hearing someone do something ("see Beijing hosting …")
PERCEPTION_VERBS = frozenset({"see", "watch", "hear", "notice", "witness", "observe"})


def transcript_q(token) -> bool:
    """A transcript's "Q", the mark of a reporter's turn, that the parser read as a word
    of the sentence (as its subject, or into a name)."""
    return token.text == "Q"


def speaker_label(token) -> bool:
    """A transcript's speaker label that the parser read into the sentence after it
    ("MR. KIRBY: Their visit will be about … talking to President López Obrador", "KIRBY"
    made the subject of "be"): capitals before a colon at the start of the sentence."""
    if not token.text.isupper():
        return False  # (most subjects: nothing more to look at)
    doc = token.doc
    start = token.left_edge.i
    end = max((t.i for t in token.subtree if not t.is_punct or t.text == "."),
              default=token.i) + 1
    words = [t for t in doc[start:end] if t.is_alpha]
    return end < len(doc) and doc[end].text == ":" and start == token.sent.start and \
        bool(words) and all(t.text.isupper() for t in words)


def _stranded_subject(verb):
    """The noun right before a coordinated finite verb that has no subject, when the
    parser hung that noun on an object as its conjunct ("recognized that they could pose
    systemic risk and the National Security Agency notified Microsoft"): a finite verb
    takes the noun phrase before it as its subject."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    return before if before.pos_ in ("NOUN", "PROPN") and before.dep_ == "conj" and \
        before.head.pos_ in NOUNS and before.head.i < before.i else None


def _orphaned_subject(verb):
    """A subject the parser hung on no verb, between a coordinated finite verb and the
    verb it was coordinated with ("conveyed that the United States, as you noted, has been
    engaging with our Allies", "that" taken for an object holding "States"): the finite
    verb after it is its verb, not a second verb of the first subject."""
    if verb.dep_ != "conj" or not (verb.tag_ in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
            for c in verb.children)):
        return None
    return next((t for t in reversed(verb.doc[verb.head.i + 1:verb.i])
                 if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ not in VERBS
                 and t.head.i < t.i), None)


def _parallel_clause(verb):
    """The verb a coordinated verb is really paired with, when the parser hung it higher:
    the nearest verb before it with the same modal ("a commitment that the Taliban would
    continue to attack others, but would not attack American forces": the second "would"
    takes up the first, not "was given")."""
    if verb.dep_ != "conj" or own_subjects(verb):
        return None
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}
    if not modals or modals & {c.lower_ for c in verb.head.children if c.tag_ == "MD"}:
        return None
    for token in reversed(verb.doc[verb.head.i + 1:verb.i]):
        if token.pos_ in VERBS and own_subjects(token) and any(
                c.dep_ == "aux" and c.lower_ in modals for c in token.children):
            return token
    return None


def subject(verb):
    """The subject of ``verb``: its own, else the one of the clause it depends on
    ("announced plans to meet", "spoke with X and asked …", "sought to portray"), or the
    object of that clause when it controls the infinitive ("urged Israel to respond") or
    the gerund after "from" ("prevent Russia from invading").
    A relative pronoun is replaced by the noun it stands for."""
    token = verb
    for _ in range(8):
        for child in own_subjects(token):
            if transcript_q(child):  # a transcript's "Q", to which the parser may join the
                # question's subject ("Q    And President Bolsonaro met with Putin", "Q
                # The President met with …": a conjunct or an apposition of "Q")
                child = next((c for c in child.children if c.dep_ in ("conj", "appos")),
                             None)
                if child is None:
                    continue
            if child.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                return _antecedent(token)
            return child
        if token.dep_ == "relcl":
            return token.head
        stranded = _stranded_subject(token) or _orphaned_subject(token)
        if stranded is not None:
            return stranded
        parallel = _parallel_clause(token)
        if parallel is not None:
            token = parallel
            continue
        if _nominal_conjunct(token):
            return None  # "will discuss the President's trip and meeting with Zelenskyy"
        if token.dep_ == "xcomp" and not _purpose_call(token.head):
            # "asked Gallant to notify the US": the object does the asking's content
            controller = next((c for c in token.head.children if c.dep_ in ("dobj", "dative")),
                              None) or _prepositional_controller(token)
            if controller is not None:
                return controller
        if token.dep_ == "advcl" and infinitive(token) and \
                token.head.lemma_.lower() in GATHERING_VERBS:
            # "bringing together nine heads of state … to meet the President": those
            # brought do what they are brought for
            gathered = next((c for c in token.head.children if c.dep_ == "dobj"), None)
            if gathered is not None:
                return gathered
        if token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "acl", "ccomp") and \
                token.head.lemma_.lower() in PERCEPTION_VERBS:
            # "how does the administration see Beijing hosting Iran's foreign minister":
            # one seen doing something does it
            seen = next((c for c in token.head.children if c.dep_ == "dobj" and
                         c.i < token.i), None)
            if seen is not None and not any(t.is_punct for t in
                                            token.doc[seen.right_edge.i + 1:token.i]):
                return seen  # (not "watched the game, talking with Trudeau")
        if token.dep_ == "advcl" and token.tag_ in ("VB", "VBD", "VBP", "VBZ") and any(
                c.dep_ == "mark" for c in token.children) and not infinitive(token):
            return None  # "as we, you know, say …": a finite clause has its own subject
        if token.dep_ == "advcl" and any(c.dep_ in ("aux", "auxpass") and
                                         c.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                         for c in token.children):
            return None  # "cases where commanders who … — were saying, “…”": a clause
            # with a tensed auxiliary has a subject of its own, if the parser lost it
        if token.dep_ == "acl" and infinitive(token):
            owner = next((c for c in token.head.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ in ("PROPN", "NOUN"):
                return owner  # "al Qaeda's capability to attack", "Iran's threat to strike"
            recipient = _recipient(token.head)
            if recipient is not None:
                return recipient  # "provide Tribal leaders with an opportunity to engage"
        if token.dep_ == "pcomp" and token.head.lower_ == "from":
            # "prevent Russia from invading", "kept them from meeting": the object
            obj = next((c for c in token.head.head.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.i < token.head.i:
                return obj
        if token.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "prep", "pobj", "dobj") \
                and token.head.i != token.i:
            if token.dep_ == "acl" and token.head.pos_ in NOUNS and (
                    token.head.dep_ in SUBJECT_DEPS or token.tag_ == "VBG" and
                    _of_people(token.head)):
                # "the official speaking to reporters", "halted the Russian tanks
                # assaulting Kyiv" (not "hosted an event convening teachers": the host's)
                return token.head
            token = token.head
            continue
        break
    return None


def own_subjects(verb) -> list:
    """The subject children of a verb. Of a common noun and a name with only a comma
    between them, the name is the subject. Two in one run of words with no comma or
    conjunction between them are one name the parser split ("said PCAST Co-Chair Dr.
    Eric Lander", "Co" and "Lander" both made subjects): its head is its last word."""
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not speaker_label(c)]
    if found and verb.dep_ == "conj" and infinitive(verb) and not infinitive(verb.head) \
            and not any(c.lower_ == "for" for c in verb.doc[found[0].left_edge.i - 1:found[0].i]):
        # "will travel to Kosice, Slovakia to meet with refugees": a "to" infinitive takes
        # no subject of its own but after "for"; the parser's is a word of the verb before
        return []
    if len(found) > 1 and found[0].pos_ == "NOUN" and found[-1].pos_ == "PROPN" and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in found[0].children) and \
            _only_commas(verb.doc, found[0], found[-1]):
        # "A military mother and grandmother, Dr. Biden added": an indefinite phrase set
        # before the subject by a comma tells what the subject is (not "my mother, God
        # love her, used to say": a definite one is the subject)
        return [found[-1]]
    if len(found) > 1 and found[-1].ent_type_ == "PERSON" and found[0].ent_type_ != "PERSON" \
            and not any(c.dep_ in ("det", "poss") for c in found[0].children) and \
            _only_commas(verb.doc, found[0], found[-1]):
        # "Special Assistant to the President and Coordinator for the Southwest Border,
        # Ambassador Roberta Jacobson will travel": a bare title set before a name
        return [found[-1]]
    if len(found) > 1 and any(t.text in CLAUSE_BREAKS for t in verb.doc[
            found[-2].right_edge.i + 1:found[-1].left_edge.i]) and \
            verb.doc[found[-2].i + 1].text != ":":
        # "leaders of Bed-Stuy – great leaders like …; I was speaking with …": a clause
        # broken off before the verb's own subject (a transcript's "THE PRESIDENT:" is
        # who says "I")
        return [found[-1]]
    if len(found) > 1 and found[-1].pos_ == "PRON" and found[-2].pos_ == "PROPN" and \
            _only_commas(verb.doc, found[-2], found[-1]) and \
            verb.doc[found[-2].left_edge.i - 1].text == ",":
        # "my mother used to have an expression, Gov, she'd say": a name set off by commas
        # before the pronoun subject is the one spoken to
        return [found[-1]]
    if len(found) > 1 and any(c.dep_ == "conj" for c in found[-2].children) and \
            verb.doc[found[-2].right_edge.i + 1:found[-1].left_edge.i].text == ",":
        # "In discussion with envoys from the Ministry of Defence, the Ministry of Justice,
        # and farmers …, the Mayor set out his plan": the end of a list that an opening
        # phrase holds, which the parser made a second subject
        return [found[-1]]
    if len(found) == 1:
        last = next((c for c in reversed(list(found[0].children)) if c.dep_ == "appos"
                     and c.i > found[0].i), None)
        doc = verb.doc
        if last is not None and last.pos_ == "PROPN" and \
                doc[last.left_edge.i - 1].text == "," and \
                any(t.text in CLAUSE_BREAKS for t in doc[found[0].i:last.left_edge.i]) and \
                all(t.dep_ in ("aux", "neg", "advmod") for t in doc[last.right_edge.i + 1:verb.i]):
            # "In separate calls with chiefs of staff … from Governor Hogan …; Governor Wolf
            # …; and Mayor Cooper, Julie had productive conversations": the name right
            # before the verb, after a list broken by semicolons, is its subject
            return [last]
    if len(found) > 1 and found[-1].pos_ == "PROPN" and found[-1].is_alpha:
        between = verb.doc[found[0].i + 1:found[-1].i]
        if not any(t.dep_ in ("cc", "punct") and t.text != "-" or t.pos_ in VERBS
                   for t in between):
            return [found[-1]]
    return found


#: dashes, as typed or as a transcript writes them
DASHES = ("—", "–", "--")
#: marks that break a sentence off (a dash that opens an aside, a semicolon, a colon)
CLAUSE_BREAKS = {";", ":", *DASHES}


def _only_commas(doc, first, second) -> bool:
    """Do only commas (one at least) stand between the words of two phrases?"""
    last = max((t.i for t in first.subtree if not t.is_punct), default=first.i)
    gap = doc[last + 1:second.left_edge.i]
    return len(gap) > 0 and all(t.text == "," for t in gap)


#: prepositions of asking: their object, named before an infinitive, is who is to do it
#: ("calling on the President to negotiate", "called for the Secretary to consult"), and
#: a verb of talking with one asks rather than talks ("call on", "call for")
CONTROLLING_PREPS = frozenset({"on", "upon", "for"})


#: what the recogniser calls people, peoples and their countries
PEOPLE_TYPES = frozenset({"PERSON", "NORP", "GPE"})


def _of_people(noun) -> bool:
    """A noun for people or a people's forces ("Yoon", "the Russian tanks"), not a thing
    or an occasion ("an event", "a statement")."""
    return noun.ent_type_ in PEOPLE_TYPES or any(
        c.dep_ in ("amod", "compound") and c.ent_type_ in PEOPLE_TYPES for c in noun.children)


def as_clause(verb) -> bool:
    """A clause introduced by "as" ("as Sanders said", "as my grandfather would say")."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def infinitive(verb) -> bool:
    """Is the verb a "to" infinitive ("to meet")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _recipient(noun):
    """Who is given ``noun`` ("give Tribal leaders an opportunity", "provide Ukraine with
    the means"), if anyone: the one who then does what the noun's infinitive says."""
    if noun.dep_ == "dobj":
        return next((c for c in noun.head.children if c.i < noun.i and (
            c.dep_ == "dative" or c.dep_ == "dobj" and c.pos_ in NOUNS)), None)
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.dep_ == "prep":
        verb = noun.head.head
        if verb.pos_ in VERBS:
            return next((c for c in verb.children
                         if c.dep_ == "dobj" and c.i < noun.head.i), None)
    return None


def _prepositional_controller(infinitive):
    """The object of a preposition right between a verb and its infinitive, when the
    verb asks it of that object ("called on Russia to negotiate with Ukraine"; not "on
    the trip, does he plan to meet")."""
    verb = infinitive.head
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in CONTROLLING_PREPS and verb.i < prep.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.right_edge.i + 1 == infinitive.left_edge.i:
                return obj
    return None


def _antecedent(clause):
    """The noun a relative clause is about: the one the parser hung it from, unless the
    clause's verb is plural and that noun singular, the object of a preposition after a
    plural noun ("missile attacks against Ukraine, which appear to have struck …")."""
    noun = clause.head
    plural = clause.tag_ == "VBP" or any(
        c.dep_ == "aux" and c.lower_ in ("are", "were") for c in clause.children)
    if plural and noun.tag_ in ("NN", "NNP") and noun.dep_ == "pobj" and \
            noun.head.head.tag_ in ("NNS", "NNPS"):
        return noun.head.head
    if noun.ent_type_ in PLACE_TYPES and any(c.lower_ in ("who", "whom")
                                             for c in clause.children):
        # "the man he met in Jackson, Mississippi, who told him": "who" is a person, not
        # the place the parser hung the clause from
        token = noun.head
        for _ in range(4):
            if token.pos_ in NOUNS and token.ent_type_ not in PLACE_TYPES:
                return token
            if token.head.i == token.i:
                break
            token = token.head
    if noun.ent_type_ == "ORG" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.pos_ == "NOUN" and any(c.lower_ in ("who", "whom")
                                                for c in clause.children):
        return noun.head.head  # "the CEO of United Airlines, who called …": the one of
        # the organisation, whom "who" names
    return noun


def _nominal_conjunct(verb) -> bool:
    """An "-ing" word the parser coordinated with a finite or base verb that is not "be"
    ("will discuss … and meeting with …"): two verbs of one subject share their form,
    so this one is a noun ("the trip and meeting") and has no subject to inherit."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ == "VBG" and head.pos_ in VERBS and \
        head.tag_ in ("VB", "VBD", "VBZ", "VBP") and head.lemma_ != "be" and \
        not any(c.dep_ in ("aux", "nsubj") for c in verb.children)


#: verbs of going to someone: an infinitive after their object is the purpose of the one
#: who goes ("called Criswell to thank the staff", "joined Reverend Sharpton to talk
#: policy")
PURPOSE_VERBS = frozenset({"call", "phone", "visit", "meet", "join", "accompany"})


def _purpose_call(verb) -> bool:
    """ "called Criswell to thank the staff": a call made for a purpose, whose subject
    does what follows ("called on X to …" asks X to do it)."""
    return verb.lemma_.lower() in PURPOSE_VERBS and not any(
        c.lower_ in ("on", "upon") and c.i == verb.i + 1 for c in verb.children)
    # (the "on" right after the verb: not a time, "on Dr. King's holiday, I joined …")


def direct_objects(verb) -> list:
    """Objects of a verb (with "oprd", which the parser gives "called King Mohammed VI")."""
    return [c for c in verb.children if c.dep_ in ("dobj", "dative", "oprd")]


def prep_objects(token, preps) -> list:
    """Objects of the prepositions ``preps`` attached to ``token`` ("spoke with X")."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            if _across_colon(token, child):
                continue  # "First, with Jackson: so you've talked about …": a heading
            clause = next((c for c in child.children if c.dep_ == "pcomp"), None)
            if clause is not None:
                # "spoke with Prime Minister Kadhimi to discuss …", parsed as "with [Kadhimi
                # to discuss …]": the subject of the infinitive is the party; "speak to
                # what the United States brings" is a topic, not a party
                if infinitive(clause):
                    out.extend(c for c in clause.children
                               if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN"))
                continue
            if any(c.lower_ == "together" for c in child.children):
                continue  # "host a summit together with Treasury": fellow hosts
            repair = _repair(child)
            if repair is not None:
                # "to speak with her — with her wife, Cherelle": the phrase said again
                # is the one meant (wherever the parser hung it)
                if repair.head.i != token.i:
                    out.extend(c for c in repair.children if c.dep_ == "pobj")
                continue
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                out.extend(_following_noun(child))
            else:  # ("speak to that", "talk about what …": a topic, no one at all)
                out.extend(o for o in objects if o.lower_ not in TOPIC_PRONOUNS)
    return out


def _across_colon(head, child) -> bool:
    """Does a colon stand between the phrase ``child`` and ``head``, which follows it?
    A phrase before a colon is a heading for what follows ("First, with Jackson: so
    you've talked about …"), not part of it."""
    return child.i < head.i and any(
        t.text == ":" for t in head.doc[child.right_edge.i + 1:head.i])


def _repair(prep):
    """The preposition that takes a phrase back by being said again after a dash ("speak
    with her — with her wife"), if any: its phrase is the one meant."""
    doc = prep.doc
    after = prep.right_edge.i + 1
    if after + 1 < len(doc) and doc[after].text in DASHES and \
            doc[after + 1].lower_ == prep.lower_:
        return doc[after + 1]
    return None


def surface_prep_objects(verb, preps) -> list:
    """ "spoke today with Prime Minister Bennett to offer …": a preposition that follows
    the verb (after a time or a manner) but that the parser hung elsewhere, or left
    without its object ("spoken to Senators Manchin or Sinema today", the names made
    modifiers of "today")."""
    doc = verb.doc
    for token in doc[verb.i + 1: min(len(doc), verb.i + 6)]:
        if token.lower_ in preps and (token.head.i != verb.i or not any(
                c.dep_ in ("pobj", "pcomp") for c in token.children)):
            return _following_noun(token)
        if not (token.dep_ in ("npadvmod", "advmod", "prt") or token.ent_type_ in
                ("DATE", "TIME") or token.is_punct):
            break
    return []


def _following_noun(prep) -> list:
    """The noun phrase right after a preposition the parser left without an object
    ("spoke with President Ivan Duque of Colombia to express …", where "Duque" was made
    the subject of "express"): the head of the first name or noun after it."""
    doc = prep.doc
    for token in doc[prep.i + 1: min(len(doc), prep.i + 12)]:
        if token.pos_ in ("NOUN", "PROPN") and (
                token.dep_ not in ("compound", "amod", "nmod") or not no_time(token.head)):
            return [token]  # (a name hung as a modifier of a time is no modifier)
        if token.pos_ in VERBS or token.pos_ == "CCONJ" or token.is_punct and not (
                token.text == "-" and not token.whitespace_ and not doc[token.i - 1].whitespace_):
            break  # ("as Fauci has spoken to and our experts have": another clause; a
            # hyphen inside a word, "President-Elect", is no break)
    return []


def has_particle(verb, word: str) -> bool:
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == word for c in verb.children)


def simple_present(verb) -> bool:
    """A finite verb in the simple present, with no auxiliary ("says", "talk"): what holds
    by habit or whenever it happens, not one happening."""
    return verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def governing_verb(token):
    """The verb whose clause a noun phrase belongs to, climbing through prepositions."""
    current = token
    for _ in range(8):
        if current.head.i == current.i:
            return current if current.pos_ in VERBS else None
        current = current.head
        if current.pos_ in VERBS:
            return current
    return None


def sentence_bounds(sent) -> tuple[int, int]:
    """Character bounds of a sentence in its Doc, without trailing whitespace."""
    text = sent.text
    stripped = text.rstrip()
    return sent.start_char, sent.start_char + len(stripped)


def misplaced_apposition(appos) -> bool:
    """An apposition follows the phrase of its noun. One that the parser hung across other
    words, after a mere comma, belongs to the words it follows ("hosting the leaders for
    a summit held at the White House, the State Department, and other places": places,
    not leaders); only a dash or a colon sets one off at a distance ("convening seven
    companies at the White House today – Amazon, Anthropic, …")."""
    doc = appos.doc
    before = doc[appos.left_edge.i - 1] if appos.left_edge.i > 0 else None
    if before is not None and before.text in DASHES and before.i > 0 and \
            doc[before.i - 1].lower_ in {t.lower_ for t in appos.subtree} and \
            doc[before.i - 1].head.i != appos.head.i and doc[before.i - 1].i != appos.head.i:
        return True  # "called Ralph — Ralph Yarl": the speaker restates the word before
        # the dash, whatever the parser hung the restatement from
    return before is not None and before.text not in (*DASHES, ":") and \
        not projective(appos)
