"""Factuality of an event mention: did the text say it happened, will happen, might happen
or did not happen?

The trigger's own clause is read first (negation, modal auxiliaries, a condition, hedges
on a nominal trigger such as "a possible strike"), then the chain of words that govern
it, up to the verb of reporting: "plans to meet" is Future, "would lead to a war" and
"warned against an attack" are Hypothetical, "did not attack" and "the US will not
participate in a strike" are Negated. Reporting ("officials said that …") passes the
factuality of what is reported through unchanged.

Time and mood reach down only as far as English lets them: a finite clause in the past
keeps its own time under a verb that lies ahead ("I'm going to remind you that they were
saying …" is Asserted); what lies ahead in the consequence of an "if" clause is
Hypothetical ("if he's here, it will be an opportunity to engage with him"); a present
progressive set at a time ahead is scheduled ("On Thursday, the President is meeting …"
is Future); and a saying in the present by anyone of a kind ("a mother is telling her
child …") is a case put, Hypothetical.
"""

from __future__ import annotations

from kg import syntax
from kg.lexicon import Lexicon
from kg.marks import doc_quote_spans
from kg.model import Factuality


def _reported(verb, lex: Lexicon) -> bool:
    """Is this clause what someone said, announced or was told ("he said he would …")?"""
    that = verb.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that"
                                       for c in verb.children)
    while verb.dep_ == "conj" and verb.head.pos_ in syntax.VERBS:
        verb = verb.head  # "said he was disappointed and that he would press …"
    if that and any(a.dep_ == "ccomp" and a.head.lemma_.lower() in lex.speech_verbs
                    for a in verb.ancestors):
        return True  # (the parser hung the second "that" clause inside the first: "seemed
        # to indicate he was disappointed that it was only six counties that were declared
        # … and that he would press the President")
    head = verb.head
    if verb.dep_ == "ccomp" and head.pos_ == "ADJ" and head.lower_ in BELIEF_ADJECTIVES and \
            head.head.tag_ == "VBD":
        return True  # "he was confident that he would be meeting with Putin in June": a
        # belief told in the past, its "would" the "will" of then
    return verb.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in lex.speech_verbs


#: adjectives of belief: "was confident that …" reports what was believed
BELIEF_ADJECTIVES = frozenset({"confident", "sure", "certain", "convinced", "hopeful",
                               "optimistic", "adamant", "clear"})


#: adverbs that make "will" tell what someone is like ("he will always say …"), not what
#: lies ahead (unlike "will regularly meet", a plan)
CHARACTERISTIC = {"always", "often", "usually"}


#: hedges that lean to the event's happening: "will likely meet next week" is a plan
LEANING = frozenset({"likely", "probably"})


def _clause_factuality(verb, lex: Lexicon) -> Factuality | None:
    """What the auxiliaries, negation and subordinators of one clause say, if anything.

    "would" in reported speech is "will" seen from the past ("announced that he would
    convene"): Future; in a clause of manner or with an adverb of frequency it is a habit
    ("as my grandfather would say", "he'd always end by saying": he said it, often);
    elsewhere it is a condition or a possibility."""
    negated = future = hypothetical = conditional = False
    habitual = syntax.as_clause(verb) or \
        _habitual_saying(verb, lex) or not _reported(verb, lex) and any(
            c.dep_ == "advmod" and c.lower_ in lex.habit_adverbs for c in verb.children)
    would = ("would", "’d", "'d")
    for child in verb.children:
        word = child.lower_
        if _negating(child, lex):
            negated = True
        elif child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            if word in would and habitual and not any(
                    c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
                continue  # (not "as your husband would have said, “…”": what he would
                # have said, had he been here, he did not say)
            if word in lex.future_modals and verb.lemma_.lower() in lex.speech_verbs and any(
                    c.dep_ == "advmod" and c.lower_ in CHARACTERISTIC for c in verb.children):
                continue  # "my father will always say to me, …": a habit of saying, not a
                # time ahead (but "the United States will always speak to partners": a
                # standing pledge, no talks told)
            backshifted = word in would and _reported(verb, lex) and \
                not _told_in_present(verb)  # ("he says he would meet Putin if …")
            if word in lex.future_modals or child.lemma_.lower() in lex.future_modals or \
                    backshifted:
                future = True
            elif word in lex.hypothetical_modals:
                hypothetical = True
        elif child.dep_ == "aux" and word in ("going",):
            future = True
        elif child.dep_ == "mark" and word in lex.conditional_marks:
            hypothetical = conditional = True
        elif child.dep_ == "advmod" and word in lex.hedges and word not in LEANING and \
                verb.lemma_.lower() not in lex.speech_verbs:
            hypothetical = True  # "to escalate and possibly attack NATO Allies" (not
            # "Ocasio-Cortez perhaps, most prominently saying, “…”": who said it is hedged)
        elif _condition(child):
            hypothetical = True  # "If it is Mom or Dad, Dad says …": a case put
        elif child.dep_ == "advmod" and child.lower_ in lex.habit_adverbs and any(
                g.dep_ == "advmod" and g.lower_ == "how" for g in child.children):
            hypothetical = True  # "How often does he speak with Newsom?": asks how
            # much, of a habit, and tells of no one event
    if _generic_saying(verb, lex):
        hypothetical = True  # "a mother is telling her child, …": a case, not words said
    if not (hypothetical or future) and _scheduled(verb, lex):
        future = True  # "On Thursday, the President is meeting with …"
    if negated and not conditional:  # ("if Russia doesn't invade Ukraine": a case put)
        return Factuality.NEGATED
    if hypothetical:
        return Factuality.HYPOTHETICAL
    if future:
        return Factuality.FUTURE
    return None


def _present_tense(verb) -> bool:
    """A finite verb in the present, simple or progressive ("tells", "is telling",
    "that’s floating": the lemmatizer leaves a contracted "’s" as it is), with no modal."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in aux):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return not aux
    return verb.tag_ == "VBG" and any(
        a.tag_ in ("VBZ", "VBP") and (a.lemma_ == "be" or a.lower_ in BE_CONTRACTED)
        for a in aux)


#: "is", "are" and "am" contracted
BE_CONTRACTED = frozenset({"’s", "'s", "’re", "'re", "’m", "'m"})


def _scheduled(verb, lex: Lexicon) -> bool:
    """ "On Thursday, the President is meeting with …", "tomorrow he is meeting …", "when
    he goes to meet Xi on Monday": a present, progressive or simple, set at a time ahead
    tells what is scheduled. Without a time, or with one of now or of the past ("today",
    "last week"), it tells what goes on; a span ("over the next two days") may have begun
    already. The time may hang from the verb's infinitive ("goes to meet … on Monday")
    or be the day a relative clause is of ("on Tuesday, where he meets …"). (A verb of
    saying in the simple present tells a story or a habit: "on Monday he says …".)"""
    if not _present_tense(verb) or verb.tag_ != "VBG" and (
            verb.lemma_.lower() in lex.speech_verbs or verb.pos_ != "VERB"):
        return False
    infinitives = [c for c in verb.children if c.pos_ == "VERB" and c.dep_ in
                   ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children)]
    words = _time_words((verb, *infinitives), lex)
    if verb.dep_ == "relcl" and verb.head.pos_ == "PROPN":
        words.add(verb.head.lower_)
    if words & lex.later_words:
        return True  # "later today"
    return bool(words & lex.future_times) and not words & lex.present_times


def _time_words(verbs, lex: Lexicon) -> set[str]:
    """The words (and running pairs) of the phrases of time hung on these verbs ("on
    Thursday", "this week", "later today")."""
    words: set[str] = set()
    for child in (c for v in verbs for c in v.children):
        if child.dep_ in ("npadvmod", "advmod", "tmod") or (
                child.dep_ == "prep" and child.lower_ in lex.time_preps):
            words |= _phrase_words(child)
    return words


def _phrase_words(head) -> set[str]:
    """The words of a phrase, and each two running words ("this morning"), but for those
    that count from another time than now."""
    words = [t.lower_ for t in head.subtree if not _anaphoric(t)]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def _anaphoric(word) -> bool:
    """ "the next day", "the very next morning": a time counted from another time told
    of before (the day after it), not from now as "next week" is; "the next two weeks"
    counts from now."""
    noun = word.head
    return word.dep_ == "amod" and noun.tag_ == "NN" and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and \
        not any(c.dep_ == "nummod" for c in noun.children)


def _generic_saying(verb, lex: Lexicon) -> bool:
    """ "a mother or a father is telling their child, …", "every lawyer tells you …", "a
    mother has to say to her child, …": a saying in the present whose speaker is anyone
    of a kind ("a", "every" and a common noun) is a case put, not something someone said.
    (In the past, "a teacher told me" is someone.)"""
    if verb.lemma_.lower() not in lex.speech_verbs:
        return False
    if verb.dep_ == "xcomp" and syntax.infinitive(verb):
        verb = verb.head  # "a mother has to say to her child, …"
    if not _present_tense(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in lex.generic_determiners for c in subject.children):
        return True
    if subject is None and verb.dep_ == "conj":  # "your son comes and says" (not "a woman
        # stands up … and says", a story told in the present)
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.lower_ == "your" and subject.lower_ in lex.generic_kin
        for c in subject.children)


def _past_clause(verb) -> bool:
    """A finite clause in the past ("met", "were saying", "had met", "has met"): it
    keeps its own time, whatever time the clause above it lies in."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and (
        c.tag_ == "VBD" or c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP"))
        for c in verb.children)


def _quoted(word) -> bool:
    """Is the word inside quotation marks?"""
    return any(start <= word.idx < end for start, end in doc_quote_spans(word.doc))


def _condition(clause) -> bool:
    """An "if" clause that puts a case on the clause it hangs from ("if he's here, it will
    be an opportunity to engage with him"); not "even if", which grants the case and
    leaves the rest standing, nor an aside to the listener, nor words quoted under the
    verb that quotes them ("he used to say, “If you don't drink…”")."""
    return clause.dep_ == "advcl" and (_quoted(clause.head) or not _quoted(clause)) and any(
        m.dep_ == "mark" and m.lower_ == "if" and not any(
            a.lower_ == "even" for a in (*m.children, *clause.children)
            if a.dep_ == "advmod" and a.i < m.i)
        for m in clause.children) and not _aside(clause)


def _conditioned(verb) -> bool:
    """Does a condition hang from this clause, or from a false start that this clause
    takes up again ("if he's here, the Vice President will be — it will be an
    opportunity …": the case is put on what the speaker goes on to say)?"""
    return any(_condition(c) or c.dep_ == "ccomp" and c.i < verb.i and _restarted(c, verb)
               and any(_condition(g) for g in c.children) for c in verb.children)


def _restarted(start, clause) -> bool:
    """Does a dash come between a clause begun and the one that takes its place?"""
    return any(t.text in syntax.DASHES for t in start.doc[start.right_edge.i + 1:clause.i])


def _negating(child, lex: Lexicon) -> bool:
    """A word that negates the verb it hangs from ("not", "never", "no", "won't")."""
    return child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and
                                   child.lower_ in lex.negators) or _negated_auxiliary(child, lex)


def _negated_auxiliary(child, lex: Lexicon) -> bool:
    """An auxiliary with a curly "n’t" after it that the parser hung elsewhere or took for
    a word of its own ("Why isn’t he saying …?", "why can’t the experts say …")."""
    doc = child.doc
    return child.dep_ in ("aux", "auxpass") and child.i + 1 < len(doc) and \
        doc[child.i + 1].lower_.replace("’", "'") in lex.negators


#: what a listener is asked to do to see a thing for themselves ("if you look at …")
ATTENDING = {"look", "consider", "recall", "remember", "think", "compare"}


def _aside(clause) -> bool:
    """ "if you allow me: Today, Blinken spoke to …", "if you look to just two years ago,
    he argued …": a condition between speaker and listener, set off by a colon or asking
    the listener to look or recall, speaks of the talk itself, not of the event."""
    subject = syntax.subject(clause)
    return subject is not None and subject.lower_ in ("i", "you", "we") and \
        clause.i < clause.head.i and (clause.lemma_.lower() in ATTENDING or any(
            t.text == ":" for t in clause.doc[clause.right_edge.i + 1:clause.head.i]))


def _habitual_saying(verb, lex: Lexicon) -> bool:
    """ "My dad would say, …", "students who would say to me …": what someone used to say,
    when nothing in the sentence makes it a condition or a question ("if asked, he would
    say", "what would you say?") and the speaker is not the one talking ("I would say"
    softens the speaker's own words)."""
    if verb.lemma_.lower() not in lex.speech_verbs:
        return False
    sent = verb.sent
    if _asks(sent, verb) or any(t.lower_ in lex.conditional_marks for t in _unquoted(sent)):
        return False  # (an "if" inside the words said is theirs: "he'd say, “if …”")
    if verb.dep_ == "relcl":
        governing = syntax.governing_verb(verb.head)
        if governing is not None and _present_tense(governing):
            return False  # "there's a proposal that would ask Putin to …": told in the
            # present, "would" puts a case, not a habit of the past
    if _told_in_present(verb):
        return False  # "they're saying that the government would tell her, “…”": a case
    subject = syntax.subject(verb)
    return subject is not None and subject.lower_ not in ("i", "we", "you")


def _told_in_present(verb) -> bool:
    """Is this clause the complement of a verb in the present ("they're saying that the
    government would tell her …", "he says he would meet …")? Its "would" is no "will"
    seen from the past, nor a habit: it puts a case."""
    while verb.dep_ == "conj" and verb.head.pos_ in syntax.VERBS:
        verb = verb.head
    return verb.dep_ == "ccomp" and verb.head.pos_ in syntax.VERBS and \
        _present_tense(verb.head)


def _participle_of(verb) -> bool:
    """A bare participle after its head that tells what the head's subject does in doing
    it ("spent time engaging with members"): no subject, no subordinator, no auxiliary of
    its own (not "Speaking to reporters, he said …", set before)."""
    return verb.tag_ == "VBG" and verb.i > verb.head.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in verb.children)


def _case_where(clause, lex: Lexicon) -> bool:
    """Is a relative clause the case a noun of possibility opens ("a scenario where Putin
    invades", "a situation in which …")? Only one opened by "where" or "in which" is; a
    clause the parser hangs from a noun of the list by a "that" tells of it ("said in its
    readout of the call that Xi told Biden …", the "that" taken for a relative pronoun)."""
    noun = clause.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.hypothetical_governors:
        return False
    opening = [t.lower_ for t in clause.doc[clause.left_edge.i:clause.i]][:2]
    return bool(opening) and (opening[0] == "where" or opening[:2] in (
        ["in", "which"], ["under", "which"]))


def _unquoted(sent) -> list:
    """The tokens of a sentence outside its quotation marks."""
    return [t for t in sent if not _quoted(t)]


def _no_intention(trigger, lex: Lexicon) -> bool:
    """A denied intention above the event in its clause ("no intention of engaging",
    "no plans to meet"), however the parser attached what follows it."""
    for token in (trigger, *trigger.ancestors):
        if token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
            return False  # "no interest in getting involved unless Gaza is invaded": the
            # case on which the intention hangs is put, not denied
        if token is not trigger and token.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "dobj" and c.lemma_.lower() in lex.intention_nouns
                       and any(d.lower_ == "no" for d in c.children) for c in token.children)
    return False


def _imperative(verb) -> bool:
    """A command ("Work with my team …; rally the political leaders"): a verb in its
    base form heading its sentence (or coordinated with one that does), with no subject
    and no auxiliary of its own."""
    if verb.pos_ != "VERB" or verb.tag_ != "VB":
        return False
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB":
        first = first.head
    if first.dep_ != "ROOT" or first.tag_ != "VB":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl")
                   for v in (verb, first) for c in v.children)


def _extraposed(verb, lex: Lexicon) -> Factuality | None:
    """ "It has been difficult for the United States to talk to China", "it is a best
    practice for the CDC to engage with …": an infinitive whose clause is judged by an
    adjective or a noun ("difficult", "easy", "able", "practice") takes its reading from
    that word."""
    if verb.pos_ != "VERB" or not syntax.infinitive(verb):
        return None
    if verb.dep_ == "relcl" and verb.head.dep_ == "attr" and _for_to(verb):
        # "it's one thing for Congress to say, “…”": a case weighed (not "it's a pleasure
        # for me to welcome …", said as it is done, nor "it was an honor for her to …")
        found = _governor_factuality(verb.head, lex)
        if found == Factuality.FUTURE and _asks(verb.sent, verb):
            return Factuality.HYPOTHETICAL  # "Why is now the time for the President to
            # speak to the Speaker?": asked whether to, not told that he will
        if found is not None:
            return found
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        copula = verb.head.head
        weighed = verb.head.lower_ == "thing" and any(
            c.lower_ in ("one", "another") for c in verb.head.children)
        if weighed and copula.tag_ in ("VBZ", "VBP") and subject is not None and \
                subject.lower_ not in ("i", "me", "we", "us"):
            return Factuality.HYPOTHETICAL  # (not "that is nothing new for the President
            # to say, “…”": he says it)
        return None
    if verb.dep_ not in ("advcl", "ccomp", "xcomp"):
        return None
    for adjective in (c for c in verb.head.children if c.dep_ in ("acomp", "attr")):
        found = _governor_factuality(adjective, lex)
        if found is not None:
            return found
    return None


def _ahead_object(verb, lex: Lexicon) -> bool:
    """A verb whose object is set ahead ("is hosting the upcoming G7", "attends the next
    summit"): the act is as far ahead as its object."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in lex.future_modifiers
               for o in syntax.direct_objects(verb) for c in o.children)


def _told_past(verb, clause, lex: Lexicon) -> bool:
    """ "can I ask — President Biden today told union members …", "warned that Russia
    attacked": a verb of saying whose clause is in the past tense tells what happened; a
    request or a warning of what may come takes an infinitive or a base form."""
    return verb.lemma_.lower() in lex.speech_verbs and clause.dep_ == "ccomp" and \
        clause.tag_ == "VBD"


def _speaker_aside(verb, lex: Lexicon) -> bool:
    """ "I'd note", "we would add": the speaker's own verb of saying, softened by a
    modal out of politeness."""
    subject = syntax.subject(verb)
    return verb.lemma_.lower() in lex.speech_verbs and subject is not None and \
        subject.lower_ in ("i", "we")


def _nominal_factuality(noun, lex: Lexicon) -> Factuality | None:
    """Hedges and negation written on a nominal event: "no attack", "any strike"."""
    for child in noun.children:
        word = child.lower_
        if child.dep_ == "det" and word in ("no", "neither"):
            return Factuality.NEGATED
        if child.dep_ in ("det", "amod", "compound", "advmod") and word in lex.hedges:
            return Factuality.HYPOTHETICAL
        if child.dep_ in ("amod", "compound") and word in lex.future_modifiers:
            return Factuality.FUTURE
    return None


#: "ahead of", "in advance of": what follows is still to come
AHEAD = ("ahead", "advance")


def _governor_factuality(word, lex: Lexicon) -> Factuality | None:
    lemma = word.lemma_.lower()
    if word.lower_ == "going" or (word.lower_ in AHEAD and word.dep_ in
                                  ("advmod", "pobj", "prep")):
        return Factuality.FUTURE  # "is going to talk", "ahead of / in advance of the meeting"
    if lemma == "look" and any(c.lower_ == "forward" for c in word.children):
        return Factuality.FUTURE  # "looking forward to welcoming"
    if lemma in TAKING_PART or any(c.dep_ == "prt" and c.lower_ in ("by", "in")
                                   for c in word.children):
        return None  # "staff joined the envoy on a call with Whelan": they took part; "has
        # traveled to participate in conversations": as its clause tells ("stopped by to
        # thank members of his Cabinet": a visit, not a stop put to something)
    if lemma == "call" and word.pos_ == "VERB" and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") for c in word.children):
        return None  # "called to congratulate the astronauts": a phone call, made (not
        # "called on Congress to act", "called for leaders to meet": an appeal)
    if lemma in OPENINGS:
        # "had the opportunity to speak with Erdoğan" (it happened); "a good opportunity
        # for the President to talk with EU leaders" (it lies ahead)
        verb = syntax.governing_verb(word)
        return None if verb is not None and verb.tag_ in ("VBD", "VBN") else Factuality.FUTURE
    if lemma in lex.negating_governors:
        return Factuality.NEGATED
    if lemma in lex.future_governors:
        return Factuality.FUTURE
    if lemma in lex.hypothetical_governors:
        return Factuality.HYPOTHETICAL
    if lemma in lex.directive_governors and word.pos_ in ("VERB", "AUX"):
        return None if _past_clause(word) else Factuality.HYPOTHETICAL
    return None


#: how an event can be the complement of a word that governs it ("avoid an attack",
#: "plans to meet", "participate in a strike", "the risk of war"); a cause ("in response
#: to the attack", "retaliation for a strike") or a time ("after the attack") is not.
COMPLEMENT_DEPS = {"dobj", "xcomp", "ccomp", "attr", "oprd", "nsubjpass", "acl", "pcomp",
                   "conj"}
COMPLEMENT_PREPS = {"in", "of", "into", "on", "against", "from", "with"}
DEFINITE = {"the", "this", "that", "these", "those"}


def _link(child, lex: Lexicon) -> str:
    """How ``child`` hangs from its head: "complement" (its factuality depends on the
    head), "subject" or "adjunct" (a time, a cause: it stands on its own). A preposition
    decides for its object: "participate in a strike" (complement), "after the strike"
    (adjunct)."""
    if child.pos_ in syntax.VERBS and any(c.dep_ == "mark" and c.lower_ in CAUSES
                                          for c in child.children):
        return "adjunct"  # "since he was here and met with President Biden, I would like
        # to know …": a cause given is taken for granted, whatever the parser hung it on
    if child.head.lower_ in PREMISES and child.head.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in child.head.children):
        return "adjunct"  # "considering continued Russian attacks", "given the strikes":
        # a premise, taken for granted
    if child.dep_ == "pobj":
        return "complement"
    if child.dep_ == "prep" and child.i == child.sent.start and child.head.i > child.i:
        return "adjunct"  # "In discussion with experts …, the Mayor set out his plan": a
        # phrase that opens the sentence frames it; it is no complement of the verb
    if child.dep_ in ("prep", "agent"):
        if any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in child.children):
            # "looking forward to meeting", "committed to consulting"; not a time ("after
            # negotiating with members of Congress", "since meeting him")
            return "adjunct" if child.lower_ in TEMPORAL_MARKS | TIME_PREPS else "complement"
        return "complement" if child.lower_ in COMPLEMENT_PREPS else "adjunct"
    if _open_infinitive(child):
        return "complement"
    if child.dep_ == "advcl" and _participle_of(child):
        return "complement"  # "spent time on the Hill engaging with members": the doing
        # of its head, as its head goes
    if child.dep_ == "acl" and child.tag_ == "VBG":
        # "will host this summit bringing together nine heads of state": what a gathering
        # does happens when it does; "halted the tanks assaulting Kyiv": what the tanks
        # did, whatever was done to them
        return "complement" if child.head.lemma_.lower() in lex.meeting_nouns else "adjunct"
    if child.dep_ in ("nsubj", "csubj"):
        return "subject"
    if child.dep_ in COMPLEMENT_DEPS or child.dep_ in ("compound", "amod", "appos"):
        return "complement"
    return "adjunct"


def _definite(noun) -> bool:
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss"
               for c in noun.children)


#: verbs of keeping something from happening ("prevented her from speaking")
PREVENTION = frozenset({"prevent", "keep", "stop", "bar", "block", "ban", "prohibit"})


def _done_in_past(verb) -> bool:
    """A verb told as done in the past: a simple past ("prevented"), or a past passive
    ("was prevented"), with no modal and no negation."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.dep_ == "neg" for c in verb.children) or any(a.tag_ == "MD" for a in aux):
        return False
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ == "VBD" for a in aux)


#: verbs of stopping: "cease bombing", "stop attacking" take the doing for going on
CESSATION = frozenset({"cease", "stop", "quit", "halt", "end"})
#: participles that put their object as a premise ("considering the attacks")
PREMISES = {"considering", "given"}
#: subordinators of a cause or a ground ("since he met with …", "because they talked")
CAUSES = {"since", "because"}
#: verbs of taking part: in the simple past, one took part ("joined a call")
TAKING_PART = {"join", "participate", "attend", "partake"}
#: nouns of a chance to act ("the time for Biden to engage"): what they open lies ahead
#: unless the chance was had
OPENINGS = {"opportunity", "chance", "time", "moment"}
#: verbs that take their complement for a fact, whatever is said of them
FACTIVE = {"see", "know", "learn", "realize", "realise", "notice", "remember", "recall",
           "forget", "regret", "discover", "hear"}
AUXILIARIES = {"do", "does", "did", "is", "are", "was", "were", "will", "would", "can",
               "could", "should", "has", "have", "had", "may", "might", "shall", "must"}
OPENERS = {"q", "and", "but", "so", "well", "now", "then", "also", "okay", "ok", "i", "mean"}


def _yes_no_question(trigger, lex: Lexicon) -> bool:
    """A sentence that asks whether something happened ("Did Biden call Xi?", "First off,
    has Biden been briefed by his delegation?"); a wh-question ("Why did Russia attack?")
    takes the event for granted and is not one, nor is what an opening phrase set off by
    a comma or a colon names ("In the call with Xi, did he raise Taiwan?")."""
    sent = trigger.sent
    if not sent.text.rstrip().endswith("?"):
        return False
    tokens = list(sent)
    while True:  # opening phrases set off by commas or a colon ("First, on the Supreme
        # Court: does he have plans to talk to …?")
        cut = next((i for i, t in enumerate(tokens) if t.text in (",", ":")), None)
        if cut is None or any(t.pos_ in ("VERB", "AUX") for t in tokens[:cut]):
            break
        if trigger.i <= tokens[cut].i:
            return False
        tokens = tokens[cut + 1:]
    words = [t for t in tokens if not (t.is_punct or t.is_space or t.lower_ in OPENERS)]
    if len(words) >= 3 and words[1].lower_ == "it" and words[2].lower_ in AGREEMENT_TAGS:
        return False  # "is it correct that they have not spoken?": a statement put for
        # agreement, as with "…, right?"
    return bool(words) and words[0].lower_ in AUXILIARIES


def _asks(sent, token) -> bool:
    """Does the sentence end with a question mark (before any closing quote mark) that
    asks about ``token``? A question mark inside quotation marks asks only what is
    quoted ("these young leaders said, “anybody got a bullhorn?”" tells of a saying)."""
    if not sent.text.rstrip().rstrip("”\"").endswith("?"):
        return False
    mark = next((t for t in reversed(sent) if "?" in t.text), None)
    if mark is None:
        return True
    quote = next(((start, end) for start, end in doc_quote_spans(sent.doc)
                  if start <= mark.idx < end), None)
    return quote is None or quote[0] <= token.idx < quote[1]


WH_WORDS = {"what", "why", "how", "when", "where", "who", "whom", "which", "whose"}


def _inverted_question(trigger) -> bool:
    """ "Aside from the statement, has President Biden spoken to any families?": the
    trigger's own clause puts its auxiliary before its subject, in a sentence that asks,
    with no wh-word before it that would take the event for granted."""
    sent = trigger.sent
    if not _asks(sent, trigger) or trigger.pos_ not in ("VERB", "AUX"):
        return False
    while trigger.dep_ == "xcomp" and trigger.head.pos_ in ("VERB", "AUX"):
        trigger = trigger.head  # "does he plan to meet with Erdoğan?"
    aux = [c for c in trigger.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
    if not aux and trigger.dep_ == "ccomp" and trigger.head.lemma_ in ("have", "be", "do"):
        aux = [trigger.head]  # "…, has President Biden spoken to …?" read as two verbs
    subj = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") and
            not syntax.transcript_q(c)]
    if not aux or not subj or aux[0].i > subj[0].i:
        return False
    return not _wh_before(sent, aux[0])


def _wh_before(sent, word) -> bool:
    """Is there a wh-word before ``word`` in its question? A colon opens the question
    itself ("Back to what he's doing: has he spoken …?"), and so does a dash ("How thin
    is his patience — at some point, does he say to …?": a second question)."""
    start = max((t.i for t in sent if (t.text in (":", ";") or t.text in syntax.DASHES)
                 and t.i < word.i), default=sent.start - 1)
    return any(t.lower_ in WH_WORDS and not _in_adverbial(t, word)
               for t in sent if start < t.i < word.i)


def _in_adverbial(wh, word) -> bool:
    """Is the wh-word inside an adverbial clause that does not hold ``word`` ("When it
    comes to voting rights, will he call …?": "when" asks nothing there)?"""
    return any(a.dep_ == "advcl" and word not in a.subtree for a in (wh, *wh.ancestors))


WH_TAGS = {"WDT", "WP", "WP$", "WRB"}


def _wh_clause(trigger) -> bool:
    """Is the trigger in a clause below the question's own that a wh-word opens ("can you
    speak about what the President will ask Putin?", "do you know why Russia attacked?",
    "what did he say when he met Xi?")? The question asks about the event and takes it
    for granted; "whether" and "if" would put it in doubt. (A relative clause is asked
    about with its noun: "is there a point where Biden says …?")"""
    for verb in (trigger, *trigger.ancestors):
        if verb.dep_ == "ROOT":
            return False
        if verb.pos_ in ("VERB", "AUX"):
            if verb.dep_ != "relcl" and _opened_by_wh(verb):
                return True
            if verb.dep_ in CLAUSE_DEPS:
                return False  # the event's clause is not one a wh-word opens ("should we
                # take what you said to mean that he won't speak with Putin?")
    return False


#: how a clause of its own hangs from the word above it
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "csubj", "acl", "pcomp"}


def _opened_by_wh(verb) -> bool:
    """Does a wh-word of the verb's own clause open it ("what the President will ask",
    "which leaders he met"; not "take what you said to mean that …", where "what" is
    another verb's)?"""
    word = verb.left_edge
    if word.tag_ not in WH_TAGS or word.i >= verb.i:
        return False
    while word.head.i != verb.i:
        word = word.head
        if word.pos_ in ("VERB", "AUX") or word.head.i == word.i:
            return False
    return True


def _declarative_question(trigger) -> bool:
    """ "So he will call President Erdoğan?": a statement asked as a question, its verb
    the sentence's own, no auxiliary put first and no wh-word anywhere. What the statement
    holds as its complement is asked with it ("you are convinced that Putin is going to
    invade?", as "are you convinced that …?")."""
    sent = trigger.sent
    verb = _clause_root(trigger)
    while verb.dep_ == "ccomp":  # up through "that" clauses, and the adjective or
        # participle that takes one ("are convinced that", "is sure that"), but not into
        # an aside set off by dashes ("is it correct — I just want to confirm … — that
        # they have not spoken?", the parser hanging the clause from the aside)
        head = verb.head
        while head.dep_ == "acomp" and head.head.i != head.i:
            head = head.head
        if any(t.text in syntax.DASHES for t in sent.doc[min(head.i, verb.i):max(head.i, verb.i)]):
            break
        verb = _clause_root(head)
    if not _asks(sent, trigger) or verb.dep_ != "ROOT" or \
            verb.pos_ not in ("VERB", "AUX") or syntax.subject(verb) is None:
        return False
    trigger = verb
    if any(t.lower_ in WH_WORDS for t in sent) or any(
            t.text in (".", "!", ";", ":", "”", '"') for t in sent if t.i > trigger.i
            and t.i < sent.end - 1):
        return False  # (a statement and then a question the parser joined: "He said,
        # “…”  Is the President planning …?")
    return _agreement_tag(sent) is None and not any(_put_first(t) for t in sent)


def _clause_root(token):
    """The verb of the clause that ``token`` belongs to, through what has no subject of
    its own ("has no plans to talk to …": "has"); a clause with a subject stops it."""
    while token.head.i != token.i and token.dep_ in NONFINITE_LINKS and not (
            token.pos_ in ("VERB", "AUX") and
            any(c.dep_ in syntax.SUBJECT_DEPS for c in token.children)):
        token = token.head
    return token


#: how a word without a subject of its own hangs in the clause above it
NONFINITE_LINKS = {"xcomp", "acl", "dobj", "pobj", "prep", "attr"}


#: words that make a tag of agreement after a comma ("…, right?")
AGREEMENT_TAGS = {"right", "correct", "true", "no", "yes"}


def _agreement_tag(sent):
    """The tag of "Russia invaded Ukraine, right?", if the sentence ends with one: a
    statement that asks only for agreement asserts."""
    words = [t for t in sent if not t.is_space and t.text not in ("?", "”", '"')]
    if len(words) >= 2 and words[-1].lower_ in AGREEMENT_TAGS and words[-2].text == ",":
        return words[-1]
    return None


def _put_first(token) -> bool:
    """An auxiliary or a "be" before its subject ("did they …", "was there any …"): the
    mark of a question's own clause."""
    if token.dep_ in ("aux", "auxpass"):
        verb = token.head
    elif token.pos_ == "AUX":
        verb = token
    else:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > token.i
               for c in verb.children)


def _existential_question(trigger) -> bool:
    """ "…, but is there a point where the President says, “…”?", "will there be a call
    with Xi?": a question whether something exists asks about all it holds."""
    sent = trigger.sent
    if not _asks(sent, trigger):
        return False
    for expl in (t for t in sent if t.dep_ == "expl" and t.lower_ == "there"):
        verb = expl.head
        first = min([verb, *(c for c in verb.children if c.dep_ == "aux")], key=lambda t: t.i)
        asked = [c for c in verb.children if c.dep_ in ("attr", "nsubj", "dobj")]
        if first.i < expl.i and any(trigger in c.subtree for c in asked) and \
                not _wh_before(sent, first):
            return True  # (not "given … the State Department telling Americans, “…”, is
            # there any second guessing?": a premise, taken for granted)
    return False


TEMPORAL_MARKS = {"when", "once", "after", "before", "until", "whenever"}
#: prepositions of time before an "-ing" clause ("since meeting him", "upon arriving")
TIME_PREPS = {"since", "upon", "following", "during"}


def _temporal_clause(verb, lex: Lexicon) -> Factuality | None:
    """ "when the President has a conversation with Manchin, they'll talk about …", "will
    return to Washington to host Zelenskyy", "will be in Amman tomorrow talking to his
    counterparts": a time clause, a purpose or a participle whose main clause lies ahead
    tells of what lies ahead too."""
    if _time_clause(verb) and _commanded(verb.head):
        return Factuality.HYPOTHETICAL  # "remember, when one of you becomes President and
        # your staff tells you, “…”, promise me …": a time set by a command is a case put
    timed = _time_clause(verb) and not _past_clause(verb)  # (the parser makes "when" a
    # mark or an adverb; "thought he could break our resolve when he invaded Ukraine": a
    # time in the past keeps its own)
    purpose = syntax.infinitive(verb)
    participle = verb.tag_ == "VBG" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in verb.children)
    if not (timed or purpose or participle):
        return None
    main = _clause_factuality(verb.head, lex) if verb.head.pos_ in ("VERB", "AUX") else None
    if timed and main is None and all(map(syntax.simple_present, (verb, verb.head))) and \
            not _time_words((verb, verb.head), lex) & (lex.present_times | lex.future_times) \
            and not _named_subject(verb):
        return Factuality.HYPOTHETICAL  # "when the government steps up and says, “…”, it
        # provides predictability": whenever it does, a case put in general (but "when
        # President Putin says, “…”, President Biden says, “Yes.”": what they do each time)
    return main if main in (Factuality.FUTURE, Factuality.HYPOTHETICAL) else None


def _named_subject(verb) -> bool:
    subject = syntax.subject(verb)
    return subject is not None and subject.pos_ == "PROPN"


def _time_clause(verb) -> bool:
    """A clause that "when", "once", "after" … opens (as a subordinator or, for "when",
    as the adverb the parser may make it)."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS
               for c in verb.children)


def _commanded(verb) -> bool:
    """A command, or a bare verb without a subject that hangs from one ("just remember,
    …, promise me"): what it asks is not yet done."""
    for _ in range(4):
        if _imperative(verb):
            return True
        if verb.dep_ not in ("advcl", "conj") or verb.tag_ != "VB" or \
                verb.head.pos_ != "VERB" or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                for c in verb.children):
            return False
        verb = verb.head
    return False


def _founded(token, child, lex: Lexicon) -> bool:
    """Is ``child`` the purpose of setting something up ("signed an arrangement to bring
    together experts", "announced $200 million for centers to bring together teams")? The
    purpose lies ahead of what was set up, whenever that was."""
    if not syntax.infinitive(child) or child.dep_ not in ("advcl", "acl", "relcl"):
        return False
    verb = syntax.governing_verb(token) if token.pos_ in ("NOUN", "PROPN") else token
    return verb is not None and verb.pos_ == "VERB" and \
        verb.lemma_.lower() in lex.founding_verbs


def _for_to(verb) -> bool:
    """An infinitive with its own subject brought in by "for" ("for Biden to talk")."""
    return syntax.infinitive(verb) and any(c.dep_ == "mark" and c.lower_ == "for"
                                     for c in verb.children)


def _open_infinitive(verb) -> bool:
    """An infinitive whose reading its head gives: a purpose ("asked Blinken to travel …
    to meet with …") or one with "for X to" ("an opportunity for the President to talk
    with …", "the time for Biden to engage")."""
    return (verb.dep_ == "advcl" and _purpose(verb)) or (
        verb.dep_ in ("advcl", "relcl") and _for_to(verb))


def _aim_of_present(verb, lex: Lexicon) -> bool:
    """An infinitive of purpose of a doing told in the present ("is making his first trip
    to New York to have his first meeting with …", "travels to Warsaw to meet …"): the
    aim is not reached yet. (Of a doing in the past, "traveled to Paris to meet Macron",
    it goes as its head.)"""
    head = verb.head
    if not (verb.dep_ == "advcl" and _purpose(verb) and head.pos_ == "VERB" and
            _present_tense(head) and head.lemma_.lower() not in lex.speech_verbs):
        return False
    # ("is visiting Idaho this week to meet with partners": a visit going on now, its
    # meetings with it)
    return not _time_words((head,), lex) & lex.present_times


def _purpose(verb) -> bool:
    """An infinitive of purpose without a subject of its own ("… to meet with …")."""
    return syntax.infinitive(verb) and not any(c.dep_ in ("nsubj", "nsubjpass")
                                         for c in verb.children)


def _ahead_of(noun, lex: Lexicon) -> bool:
    """ "ahead of / in advance of the meeting", "previewing President Biden's call",
    "preparing for his meeting with Xi": an event still to come."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.preview_verbs:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and \
            noun.head.head.lemma_.lower() in lex.preview_verbs:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in AHEAD:
        return True
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.containing_verbs and \
            noun.lemma_.lower() in lex.meeting_nouns and \
            _clause_factuality(noun.head, lex) == Factuality.FUTURE:
        return True  # "which will include the Vice President's meeting with the Caribbean"
    return _coordinated_after_ahead(noun)


#: words of a noun phrase, and "and" between two
PHRASE_POS = frozenset({"DET", "PROPN", "NOUN", "CCONJ", "ADJ", "PRON", "NUM", "PART"})


def _coordinated_after_ahead(noun) -> bool:
    """ "I won't get ahead of the President and his discussion with President Widodo",
    parsed with "discussion" coordinated with "get": a noun phrase joined by "and" to
    the object of "ahead of" lies ahead with it, however the parser hung it."""
    doc = noun.doc
    i = noun.left_edge.i - 1
    conjoined = False
    while i > noun.sent.start and doc[i].pos_ in PHRASE_POS and doc[i].lower_ != "of":
        conjoined = conjoined or doc[i].lower_ == "and"
        i -= 1
    return conjoined and doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ in AHEAD


#: prepositions that give what one speaks of ("talked about negotiating with Mexico")
TOPIC_PREPS = frozenset({"about", "of", "on"})


def _topic(verb, prep, lex: Lexicon) -> bool:
    """A gerund with no subject of its own after "about", "of" or "on" a verb of talking
    or thinking hangs from: what is talked or thought of ("talked about negotiating with
    Mexico", "thinking of meeting him"), not something done."""
    return prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPS and \
        verb.lemma_.lower() in lex.topic_verbs and any(
            c.dep_ == "pcomp" and c.tag_ == "VBG" and not any(
                d.dep_ in ("nsubj", "poss") for d in c.children) and not any(
                t.ent_type_ in ("DATE", "TIME") for t in c.subtree) for c in prep.children)


#: prepositions that set one event before or after another ("after the meeting")
SEQUENCE_PREPS = {"after", "following", "before"}


def _anchors_ahead(noun, lex: Lexicon) -> bool:
    """A meeting or a call that a clause still ahead is timed by ("after his call with
    Xi, the President will speak to reporters", "before the meeting, she will …"): what
    is planned is timed by what is planned, so the meeting lies ahead too, unless a time
    of its own says otherwise ("after his call with Xi yesterday"). (An attack is no
    such anchor: "after the attack, the President will convene his team" answers one
    that happened.)"""
    if noun.lemma_.lower() not in lex.meeting_nouns or noun.head.lower_ not in SEQUENCE_PREPS \
            or noun.dep_ not in ("pobj", "dobj"):  # ("following" parsed as a verb: dobj)
        return False
    return _sequenced_ahead(noun, lex)


def _sequenced_ahead(word, lex: Lexicon) -> bool:
    """The clause that ``word``'s "after" or "before" hangs from lies ahead, and no time
    phrase of ``word``'s own says otherwise."""
    main = word.head.head
    return main.pos_ in ("VERB", "AUX") and not any(
        t.ent_type_ in ("DATE", "TIME") for t in word.subtree) and \
        _clause_factuality(main, lex) == Factuality.FUTURE


def _hedged_agent(agent, lex: Lexicon) -> bool:
    """An agent phrase with a hedge of its own ("a likely Russian actor", "suspected
    hackers", "the alleged attackers"; not "any")."""
    if agent is None:
        return False
    head = agent.head if agent.dep_ in ("amod", "compound") and agent.head.pos_ == "NOUN" \
        else agent
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in lex.hedges and c.lower_ != "any"
               and c.i < head.i for c in head.children)


def _step_ahead(verb, lex: Lexicon) -> bool:
    """ "after meeting with Director Haines, the President will tour …": a gerund after
    "after" or "before", with no subject but the main clause's, is a step of the same
    plan; it lies ahead when the main clause does (unless a time of its own says
    otherwise)."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in SEQUENCE_PREPS \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return _sequenced_ahead(verb, lex)


def _presupposed(noun, agent) -> bool:
    """A definite or possessed nominal event whose agent it names itself ("Russia's
    invasion", "the Israeli strike"): taken for granted by the sentence around it."""
    if agent is None or not any(agent.i == t.i for t in noun.subtree):
        return False
    return _definite(noun)


def _carried(noun, lex: Lexicon) -> bool:
    """ "will hold his first meeting with Xi", "launched its attack": the object of a verb
    that carries the event out happens when that verb's act does, and is no more taken
    for granted than it ("did not hold his meeting"). (A verb about an event, "will
    debrief his meeting with Yang", leaves its time open: it may lie before or after the
    time of speaking.)"""
    return noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") and \
        noun.head.lemma_.lower() in lex.carrying_verbs


#: the tags of finite verbs that no base form shares ("meet" tagged VBP after "to deliver
#: remarks and" is the infinitive's conjunct)
FINITE = {"VBD", "VBZ"}


def _negated(verb, lex: Lexicon) -> bool:
    return any(_negating(c, lex) for c in verb.children)


def _litotes(trigger, lex: Lexicon) -> bool:
    """A negated relative clause on what a negated "be" says something is not ("it's not
    something that they haven't spoken about", "this is not a topic we have not
    discussed"): two denials, one event told as having happened."""
    if trigger.dep_ != "relcl" or not _negated(trigger, lex):
        return False
    noun = trigger.head
    copula = noun.head  # (a contracted "’s" has the lemma "’")
    return noun.dep_ == "attr" and (copula.lemma_ == "be" or copula.lower_ in ("’s", "'s")) \
        and _negated(copula, lex)


def factuality(trigger, lex: Lexicon, agent=None) -> Factuality:
    """The factuality of the event that ``trigger`` (a spaCy token) expresses.

    Climbs from the trigger through the words that govern it, as long as the event is
    their complement ("plans to meet", "will not participate in a strike", "avoid an
    attack"). The first reading that is not a plain assertion wins, except that a
    negation further up still negates ("will not participate in any strike"). A negation
    of someone else's act leaves the event open rather than denied ("the US will not
    support any offensive by Israel": Israel's offensive is Hypothetical). The climb
    stops at a verb of reporting, at an adjunct ("after Iran's attack", "in response to
    the strike"), at a definite subject ("the attack failed") and at the root.
    ``agent`` is the token of the event's agent, when known.
    """
    if _hedged_agent(agent, lex):
        return Factuality.HYPOTHETICAL  # "attacked by a likely Russian actor", "suspected
        # Russian hackers": who did it is put, not told
    if trigger.pos_ in ("NOUN", "PROPN") and _anchors_ahead(trigger, lex) or \
            _step_ahead(trigger, lex):
        return Factuality.FUTURE  # "following the President's meeting with Prime Minister
        # Lee, the Vice President will host him"
    if trigger.pos_ in ("NOUN", "PROPN") and _presupposed(trigger, agent) and \
            not _carried(trigger, lex):
        # "opposing Russia's invasion of Ukraine", "efforts against the Houthi attacks?":
        # a fact the sentence takes for granted, whatever it says or asks around it
        if _ahead_of(trigger, lex):
            return Factuality.FUTURE  # "ahead of President Biden's meeting with Trudeau"
        return _nominal_factuality(trigger, lex) or Factuality.ASSERTED
    if not _wh_clause(trigger) and (
            _yes_no_question(trigger, lex) or _inverted_question(trigger) or
            _existential_question(trigger) or _declarative_question(trigger)):
        return Factuality.HYPOTHETICAL  # "Did the President call Xi?" asks, not tells
    if _no_intention(trigger, lex):
        return Factuality.NEGATED  # "has no intention at this moment of engaging with"
    if _imperative(trigger):
        return Factuality.HYPOTHETICAL  # "rally the political leaders behind it": asked
    if _litotes(trigger, lex):
        return Factuality.ASSERTED  # "it's not something that Trudeau and Biden haven't
        # spoken about": a denial denied
    extraposed = _extraposed(trigger, lex)
    if extraposed is not None:
        return extraposed  # "it has been difficult for the US to talk to China"
    found: Factuality | None = None
    token, child = trigger, None
    past = False  # climbed out of a finite clause in the past, which keeps its own time

    def timed(reading: Factuality | None) -> Factuality | None:
        return None if past and reading == Factuality.FUTURE else reading


    for _ in range(16):
        if child is not None and child.dep_ == "conj" and child.tag_ in FINITE and \
                token.tag_ == "VB" and syntax.infinitive(token):
            # "reiterated his commitment to not raise taxes … and thanked the leaders": a
            # finite verb the parser coordinated with an infinitive belongs to the clause
            # above it, not under the infinitive's negation or aim
            above = next((a for a in token.ancestors
                          if a.pos_ in ("VERB", "AUX") and a.tag_ in FINITE | {"VBP"}), None)
            if above is None:
                break
            token = above
        link = _link(child, lex) if child is not None else "self"
        if link == "adjunct" or (link == "subject" and _definite(child)):
            break
        if child is not None and token.lower_ in AGREEMENT_TAGS and \
                token == _agreement_tag(token.sent):
            break  # "Russia invaded Ukraine, right?" (the tag made the head): agreement only
        if child is not None and child.dep_ == "conj" and syntax.own_subjects(child) and \
                not (token.dep_ == "advcl" and _time_clause(token)):
            break  # "… has never been stronger, and officials held discussions": a clause
            # of its own (but "when one of you becomes President and your staff tells you
            # …": the second clause is under the "when" too)
        if token.pos_ == "VERB" and child is not None and child.lower_ == "from" and \
                token.lemma_.lower() in PREVENTION and _done_in_past(token):
            return Factuality.NEGATED  # "the error that prevented Griner from speaking
            # by phone with her wife": kept from happening (not "to prevent Russia from
            # invading", "will keep them from meeting": an aim, a case)
        if token.pos_ == "VERB" and child is not None and child.tag_ == "VBG" and \
                child.dep_ in ("xcomp", "dobj", "ccomp") and \
                token.lemma_.lower() in CESSATION:
            return found or Factuality.ASSERTED  # "press Putin to cease bombing Ukrainian
            # cities": what is to stop is going on, whatever is said of the stopping
        if token.pos_ in ("VERB", "AUX") and child is not None and \
                token.lemma_.lower() in FACTIVE and child.dep_ == "ccomp" and \
                child.tag_ not in ("VB", "VBG"):
            break  # "you may have seen that the President held a call": a fact, seen
            # ("you will see the President consulting …" is seen when it is seen)
        if token.pos_ in ("VERB", "AUX"):
            own = timed(_clause_factuality(token, lex))
            if child is None and own is None and _ahead_object(token, lex):
                own = Factuality.FUTURE  # "Japan is hosting the upcoming G7"
            if child is not None and _speaker_aside(token, lex):
                own = None  # "I'd note that she called him": a way of saying, no condition
            if link == "subject" and own == Factuality.FUTURE and \
                    token.lemma_.lower() in lex.consequence_verbs:
                own = Factuality.HYPOTHETICAL  # "a further invasion would produce …"
            if own == Factuality.NEGATED and child is not None:
                governor_subject = syntax.subject(token)
                same = agent is None or governor_subject is None or \
                    governor_subject.i == agent.i or (child == trigger and _carried(trigger, lex))
                # (who carries out "his meeting" is the one who holds it)
                own = Factuality.NEGATED if same else Factuality.HYPOTHETICAL
            if own == Factuality.NEGATED:
                return own
            if own == Factuality.HYPOTHETICAL and found == Factuality.FUTURE:
                found = own  # "if Moscow decides to strike NATO", "could plan to meet": a
                # plan in a case put is put too
            found = found or own
            if found is None and child is not None and _topic(token, child, lex):
                found = Factuality.HYPOTHETICAL  # "talked about negotiating with Mexico": a
                # doing spoken or thought of, not told as done
            if found is None and child is not None and _founded(token, child, lex):
                found = Factuality.FUTURE  # "signed an arrangement to bring together …"
            if found == Factuality.FUTURE and _conditioned(token):
                found = Factuality.HYPOTHETICAL  # "if he's here, it will be an opportunity
                # to engage with him": what lies ahead of a case put is put too
            if found is None and child is not None and child.dep_ != "conj" and \
                    not _told_past(token, child, lex):
                # a coordinate verb shares its head's auxiliaries, not its meaning
                found = timed(_governor_factuality(token, lex))
            if child is not None and child.dep_ == "ccomp" and \
                    token.lemma_.lower() in lex.unverified_saying:
                found = found or Factuality.HYPOTHETICAL  # "claims that he cold-called"
            if child is not None and child.dep_ != "conj" and \
                    token.lemma_.lower() in lex.speech_verbs:
                # (a verb coordinated with one of saying is not what it says: "intend to
                # maintain lines … and engage with partners")
                if child.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") and c.i < child.i
                                                 for c in token.children):
                    found = found or Factuality.HYPOTHETICAL  # "told Blinken to meet": asked
                    # (the one asked comes before the infinitive: not "called to
                    # congratulate X, … as well as Y", Y hung from "called")
                if child.dep_ != "xcomp" or token.lemma_.lower() not in lex.aspectual_verbs:
                    break  # (not "continues to engage", where "continue" says nothing)
        elif token.pos_ in ("NOUN", "PROPN", "ADJ"):
            found = found or timed(_nominal_factuality(token, lex))
            if found is None and child is not None and _founded(token, child, lex):
                found = Factuality.FUTURE  # "launched an initiative to convene …"
            if found is None and child is not None:
                found = timed(_governor_factuality(token, lex))
        if token.pos_ in ("VERB", "AUX") and token.dep_ == "advcl" and found is None:
            found = timed(_temporal_clause(token, lex))
        if token.pos_ in ("VERB", "AUX") and _open_infinitive(token):
            if found is None and _aim_of_present(token, lex):
                found = timed(Factuality.FUTURE)  # "a new president who's making his
                # first trip to New York to have his first meeting with President Biden"
            # the infinitive follows its head's reading: climb on
        elif token.pos_ in ("VERB", "AUX") and token.dep_ == "advcl" and _participle_of(token):
            pass  # "wanted to make sure that he spent time engaging with members", "will
            # travel to Warsaw, meeting with President Duda": as its head's event goes
        elif token.pos_ in ("VERB", "AUX") and token.dep_ in ("ROOT", "advcl", "relcl"):
            if token.dep_ == "relcl" and found is None and _case_where(token, lex):
                found = Factuality.HYPOTHETICAL  # "a scenario where Putin invades Ukraine"
            break
        if token.head.i == token.i or _quoted(token.head) and not _quoted(token):
            break  # (nor into words quoted, which the parser may have made the head: "you
            # have the President saying, “…, we're not going to be …”": what was said, not
            # its frame)
        past = past or _past_clause(token)  # "I'm going to remind you that they were
        # saying …": what was said was said, whenever one is reminded of it
        child, token = token, token.head
    return found or Factuality.ASSERTED
