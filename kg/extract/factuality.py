"""Factuality of an event mention: did the text say it happened, will happen, might happen
or did not happen?

The trigger's own clause is read first (negation, modal auxiliaries, a condition, hedges
on a nominal trigger such as "a possible strike"), then the chain of words that govern
it, up to the verb of reporting: "plans to meet" is Future, "would lead to a war" and
"warned against an attack" are Hypothetical, "did not attack" and "the US will not
participate in a strike" are Negated. Reporting ("officials said that …") passes the
factuality of what is reported through unchanged.
"""

from __future__ import annotations

from kg.lexicon import Lexicon
from kg.model import Factuality

CLAUSAL = {"xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp", "csubj"}
NOMINAL_LINKS = {"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "compound",
                 "npadvmod", "oprd", "dative", "prep", "agent"}


def _clause_factuality(verb, lex: Lexicon) -> Factuality | None:
    """What the auxiliaries, negation and subordinators of one clause say, if anything."""
    negated = future = hypothetical = False
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and word in lex.negators):
            negated = True
        elif child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            if word in lex.future_modals or child.lemma_.lower() in lex.future_modals:
                future = True
            elif word in lex.hypothetical_modals:
                hypothetical = True
        elif child.dep_ == "aux" and word in ("going",):
            future = True
        elif child.dep_ == "mark" and word in lex.conditional_marks:
            hypothetical = True
    if negated:
        return Factuality.NEGATED
    if hypothetical:
        return Factuality.HYPOTHETICAL
    if future:
        return Factuality.FUTURE
    return None


def _nominal_factuality(noun, lex: Lexicon) -> Factuality | None:
    """Hedges and negation written on a nominal event: "no attack", "any strike"."""
    for child in noun.children:
        word = child.lower_
        if child.dep_ == "det" and word in ("no", "neither"):
            return Factuality.NEGATED
        if child.dep_ in ("det", "amod", "compound", "advmod") and word in lex.hedges:
            return Factuality.HYPOTHETICAL
    return None


def _governor_factuality(word, lex: Lexicon) -> Factuality | None:
    lemma = word.lemma_.lower()
    if lemma in lex.negating_governors:
        return Factuality.NEGATED
    if lemma in lex.future_governors:
        return Factuality.FUTURE
    if lemma in lex.hypothetical_governors:
        return Factuality.HYPOTHETICAL
    return None


#: how an event can be the complement of a word that governs it ("avoid an attack",
#: "plans to meet", "participate in a strike", "the risk of war"); a cause ("in response
#: to the attack", "retaliation for a strike") or a time ("after the attack") is not.
COMPLEMENT_DEPS = {"dobj", "xcomp", "ccomp", "attr", "oprd", "nsubjpass", "acl", "pcomp"}
COMPLEMENT_PREPS = {"in", "of", "into", "on", "against", "from"}


def _is_complement(child, prep) -> bool:
    if child.dep_ == "pobj":
        return prep is not None and prep.lower_ in COMPLEMENT_PREPS
    return child.dep_ in COMPLEMENT_DEPS


def factuality(trigger, lex: Lexicon) -> Factuality:
    """The factuality of the event that ``trigger`` (a spaCy token) expresses.

    Climbs from the trigger through the words that govern it. The first reading that is
    not a plain assertion wins, except that a negation met further up still negates
    ("will not participate in any strike"). The climb stops at a verb of reporting, at
    the root, and at an adverbial clause ("after Iran attacked …"), whose own condition
    ("if Iran attacks …") is read but which does not inherit the main clause's modality.
    """
    found: Factuality | None = None
    token, child, prep = trigger, None, None
    for _ in range(16):
        governs = child is not None and _is_complement(child, prep)
        if token.pos_ in ("VERB", "AUX"):
            own = _clause_factuality(token, lex)
            if own == Factuality.NEGATED and (child is None or governs or found is None):
                return Factuality.NEGATED
            if found is None:
                found = own
            if found is None and governs:
                found = _governor_factuality(token, lex)
            if child is not None and token.lemma_.lower() in lex.speech_verbs:
                break
        elif token.pos_ in ("NOUN", "PROPN", "ADJ"):
            if found is None and (child is None or governs or child.dep_ == "conj"):
                found = _nominal_factuality(token, lex)
            if found is None and governs:
                found = _governor_factuality(token, lex)
        if token.dep_ in ("ROOT", "advcl", "relcl") and token.pos_ in ("VERB", "AUX"):
            break
        if token.head is token:
            break
        if token.dep_ == "prep":
            prep = token
        elif token.dep_ != "pcomp":
            prep = None if token.dep_ != "pobj" else prep
        child, token = token, token.head
    return found or Factuality.ASSERTED
