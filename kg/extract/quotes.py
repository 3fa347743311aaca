"""stated: quoted words and who said them.

Quotes are found by their marks (curly, straight or guillemets; a quote left open at the
end of a paragraph runs to its end, as news paragraphs of one long quote do). Each quote
is attributed by the grammar around it:

- a verb of speech that governs the quote or stands beside it in its sentence
  ("“…,” he said", "said Pentagon spokesperson Pat Ryder", "Kirby added: “…”", "claiming
  to have commended Netanyahu for Israel’s “…”");
- "according to X";
- a statement noun as subject ("the G7 statement said" is the G7 speaking);
- a colon that ends the previous paragraph ("In his statement, Biden said:" then a
  paragraph that is all quote);
- continuity: a quote with no attribution of its own continues the speaker of the quote
  before it, in the same paragraph or the one just before.

Speakers are resolved like any other argument (names, titles, pronouns, anonymous
sources). First-person pronouns inside a quote stand for its speaker, which lets the
relation extractors read "I've just spoken with Prime Minister Netanyahu".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kg import syntax
from kg.entities import DocEntities, Role, pronoun_gender
from kg.extract.dates import event_date
from kg.lexicon import Lexicon
from kg.marks import doc_quote_spans
from kg.model import EntityType
from kg.nlp import Segment, doc_text

FIRST_PERSON = {"i", "me", "my", "myself", "mine"}
#: words a title leaves in lower case ("Tackling the Climate Crisis at Home and Abroad")
FUNCTION_POS = {"DET", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "AUX"}


@dataclass
class Quote:
    segment: Segment
    start: int  # character offsets of the quoted words in the paragraph (marks excluded)
    end: int
    text: str
    speaker: str | None = None
    verb: object = None  # the spaCy token of the attributing verb, if any
    time: dt.date | None = None  # when it was said, where the text tells
    evidence: tuple[int, int] = (0, 0)  # character bounds of the evidence in the paragraph

    @property
    def open_ended(self) -> bool:
        """Left open at the end of its paragraph: the quote goes on in the next one."""
        return not any(ch in "”\"»" for ch in doc_text(self.segment.doc)[self.end:self.end + 3])

    @property
    def whole_paragraph(self) -> bool:
        text = doc_text(self.segment.doc)
        return not text[: self.start].strip(" “\"«„") and not text[self.end:].strip(" ”\"».,")


def find_quotes(segments: list[Segment], ents: DocEntities, lex: Lexicon,
                reference: dt.date | None = None) -> list[Quote]:
    """Every quote of the document with its speaker (None where none can be told) and,
    where the text tells, when it was said (``reference`` is the document's date)."""
    quotes: list[Quote] = []
    previous_para_colon: object = None  # the speech verb of a paragraph ending with ":"
    last_by_segment: dict[int, Quote] = {}
    for segment in segments:
        doc = segment.doc
        text = doc_text(doc)
        carried = None
        for start, end in doc_quote_spans(doc):
            quote = Quote(segment, start, end, text[start:end])
            if not _is_statement(quote, lex):
                continue
            if _put_to(previous_para_colon, quote):
                carried = previous_para_colon  # "the President was asked — … what he
                # said:" then “So, you support a carveout …?”: the interviewer's question;
                # the colon introduces the answer, in the paragraph after it
                continue
            recent = _recent_quote(quotes, segment.index)
            _attribute(quote, ents, lex, previous_para_colon, recent)
            if quote.speaker is None:
                _continue_speaker(quote, quotes, last_by_segment)
            _set_time(quote, quotes, reference)
            quotes.append(quote)
            if quote.speaker is not None:
                last_by_segment[segment.index] = quote
        previous_para_colon = _colon_verb(doc, lex) or carried
    for quote in quotes:
        if quote.speaker is not None:
            _mark_first_person(quote, ents)
        if quote.time is not None:
            ents.reference_dates.update(
                (ents.pos(t), quote.time) for t in quote.segment.doc if _inside(t, quote))
    return quotes


def _set_time(quote: Quote, quotes: list[Quote], reference: dt.date | None) -> None:
    """When the quote was said: the date of its verb of saying ("said on Saturday"), or
    that of the quote it continues (the same speaker, in this paragraph or the last)."""
    if quote.verb is not None:
        quote.time = event_date(quote.verb, reference).date
    if quote.time is None and quotes and quote.speaker is not None:
        previous = quotes[-1]
        if previous.speaker == quote.speaker and \
                quote.segment.index - previous.segment.index <= 1:
            quote.time = previous.time


def _is_statement(quote: Quote, lex: Lexicon) -> bool:
    """A clause someone said, not a scare-quoted phrase ("joint defensive efforts") or a
    title ("We Can Do This"): enough words, one of them a verb, not all capitalised."""
    tokens = [t for t in quote.segment.doc if _inside(t, quote)]
    words = [t for t in tokens if t.is_alpha]
    if len(words) < lex.quote_min_words:
        return False
    before = doc_text(quote.segment.doc)[:quote.start].rstrip(" “\"«„").lower()
    if before.endswith(tuple(lex.naming_words)):
        return False  # "the so-called “hard to abate” sectors": a term, not a saying
    if _attributive(quote, tokens):
        return False
    content = [t for t in words if t.pos_ not in FUNCTION_POS]
    if all(t.text[:1].isupper() for t in content) and (
            len(content) >= 3 or tokens[-1].text not in (".", "?", "!")):
        # "We Can Do This: Live", "Tackling the Climate Crisis at Home and Abroad": a
        # title, its words capitalised but for the small ones, not a sentence
        return False
    return any(t.pos_ in syntax.VERBS for t in tokens)


def _attributive(quote: Quote, tokens: list) -> bool:
    """A quoted phrase set before a noun, as an adjective is ("announced a sort of “half-
    baked, almost there” framework"): it tells what the thing is called, no one's words.
    Words said end in their own punctuation or are followed by it ("“…,” he said")."""
    doc = quote.segment.doc
    after = next((t for t in doc[tokens[-1].i + 1:] if not _inside(t, quote)
                  and t.text not in ("”", '"', "»")), None)
    before = next((t for t in reversed(doc[:tokens[0].i]) if not _inside(t, quote)
                   and t.text not in ("“", '"', "«")), None)
    # (hung on the noun, or between a determiner and a noun, however parsed: "in a “buy
    # and build” acquisition strategy")
    return after is not None and after.pos_ == "NOUN" and after.dep_ not in \
        syntax.SUBJECT_DEPS and not tokens[-1].is_punct and \
        doc_text(doc)[quote.end:after.idx].strip(" ”\"»") == "" and (
            any(t.head.i == after.i for t in tokens) or
            before is not None and before.tag_ in ("DT", "PRP$") and before.lower_ not in (
                "that", "this", "these", "those", "all", "both") and
            after.dep_ != "npadvmod" and not any(t.tag_ in FINITE_TAGS for t in tokens))


#: tags of a finite verb: a quote with one is a clause, said ("the “time has come”")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _stands_alone(quote: Quote) -> bool:
    """The quote is its sentences (up to the marks and a little punctuation), not a phrase
    quoted inside a sentence of the reporter's own."""
    tokens = [t for t in quote.segment.doc if _inside(t, quote)]
    sents = _sentences(tokens)
    outside = [t for sent in sents.values() for t in sent
               if not _inside(t, quote) and not t.is_punct and not t.is_space]
    return not outside


def _inside(token, quote: Quote) -> bool:
    return quote.start <= token.idx < quote.end


def _sentences(tokens) -> dict[int, object]:
    """The sentences of some tokens given in document order, by where each starts:
    ``{t.sent.start: t.sent for t in tokens}``, finding a sentence once rather than once
    for each of its tokens."""
    found: dict[int, object] = {}
    end = -1  # where the last sentence found ends
    for token in tokens:
        if token.i >= end:
            sent = token.sent
            found[sent.start] = sent
            end = sent.end
    return found


def _recent_quote(quotes: list[Quote], index: int) -> Quote | None:
    """The last quote, if it has a speaker and was in this paragraph or the one before."""
    if quotes and quotes[-1].speaker and index - quotes[-1].segment.index <= 1:
        return quotes[-1]
    return None


def _attribute(quote: Quote, ents: DocEntities, lex: Lexicon, colon_verb,
               recent: Quote | None) -> None:
    doc = quote.segment.doc
    tokens = [t for t in doc if _inside(t, quote)]
    if not tokens:
        return
    quote.speaker = _owned_saying(tokens, quote, ents, lex)  # "the Prime Minister's
    # declaration that “…”": no verb need be read
    adjacent = governing = candidates = []
    if quote.speaker is None and not _thought_before(tokens, quote, lex):
        adjacent = _reported(_adjacent_speech_verbs(tokens, quote, lex), quote, lex)
        governing = _reported(_governing_speech_verbs(tokens, quote, lex), quote, lex)
        candidates = _reported(
            adjacent + governing + _nearby_speech_verbs(tokens, quote, lex), quote, lex)
        if quote.whole_paragraph and colon_verb is not None:
            candidates.append(colon_verb)
    for verb in candidates:
        if _glossed(verb, lex):
            break  # "The President is essentially saying, “…”": the reporter's words
        speaker = _speaker(verb, ents, lex, recent)
        if speaker:
            quote.speaker, quote.verb = speaker, verb
            break
        if verb in governing and syntax.is_passive(verb):
            break  # "yesterday, you were asked a question, “…”": the words are those of
            # whoever asked, whom no one names (the verb the passive hangs from is not)
        subject = syntax.subject(verb)
        if verb.lemma_.lower() in lex.speaker_object_verbs:
            continue  # "and I'm quoting — quote, “…”": whose words, another verb tells
        if verb in adjacent and (subject is None or _could_speak(subject, lex)) or \
                verb in governing and _could_speak(subject, lex) and \
                not syntax.infinitive(verb) and not any(
                    other.i < tokens[0].i for other in candidates if other != verb):
            break  # "I said, “…”", "She also said that, quote, “…”": the attribution is
            # there, but it names no one we can tell; a verb after the quote would be a
            # guess (one before it may be the attribution: "I'd note that, as Sanders
            # said, “…”"; "he asked me to explain, “…”")
    if quote.speaker is None:
        according = _according_to(tokens, quote, ents)
        if according:
            quote.speaker = according
    sents = _sentences(tokens)
    if quote.verb is not None and quote.verb.doc is doc:
        sents[quote.verb.sent.start] = quote.verb.sent
    first, last = min(sents), max(sents)
    quote.evidence = (sents[first].start_char, syntax.sentence_bounds(sents[last])[1])


def _thought_before(tokens, quote: Quote, lex: Lexicon) -> bool:
    """A verb that is not one of saying, right before the opening mark with nothing
    between, and not one the quote's words hang from ("what would he tell Catholics …
    who might be worried “They're coming after us”?", parsed with the quote under
    "tell"): the quote is what that verb's subject fears, thinks or reads, no words of a
    verb of saying further off."""
    first = tokens[0]
    mark = first if first.is_quote else first.nbor(-1) if first.i > 0 else first
    if not mark.is_quote or mark.i == 0:
        return False
    verb = mark.nbor(-1)
    words = next((t for t in tokens if not t.is_punct), first)
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in lex.speech_verbs and \
        verb not in set(words.ancestors)


def _reported(verbs: list, quote: Quote, lex: Lexicon) -> list:
    """The verbs, each "as" clause of saying inside another verb of saying replaced by
    that verb: "Folks said, as the governor mentioned, “…”" (the parser may hang the
    quote on "mentioned") are the folks' words, which the governor reported too. Not
    where the outer verb's subject is the one talking: "I'd note that, as Sanders said,
    “…”" quotes Sanders (one does not quote oneself)."""
    out: list = []
    for verb in verbs:
        head = verb.head
        if verb.dep_ == "advcl" and syntax.as_clause(verb) and \
                _is_speech_verb(head, quote, lex) and not any(
                    s.lower_ in ("i", "we") for s in syntax.own_subjects(head)):
            verb = head
        if verb not in out:
            out.append(verb)
    return out


#: verbs of seeming: what they say someone "was saying" is how it came across
SEEMING = {"sound", "look", "seem", "appear", "feel"}


#: words that liken what follows to what was said ("something akin to", "along the lines
#: of", "to the effect of")
LIKENESS = frozenset({"akin", "like", "similar", "lines", "effect"})


def _glossed(verb, lex: Lexicon) -> bool:
    """A verb of saying that an adverb or a comparison makes a gloss ("is essentially
    saying", "in effect said", "saying, basically, …", "sounded like he was saying"):
    what follows is what someone meant, in the reporter's words."""
    doc = verb.doc
    if any(c.dep_ == "mark" and (c.lower_ == "like" and verb.head.lemma_ in SEEMING or
                                 c.lower_ in ("if", "though") and
                                 c.i > 0 and doc[c.i - 1].lower_ == "as")
           for c in verb.children):
        return True  # "it sounded like he was saying, …", "as if he were saying, …": what
        # his words seemed to say (not "like he said, …", as he said it)
    if verb.dep_ == "csubj" and verb.tag_ == "VBG" and any(
            c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children):
        return True  # "what the President is saying is, “You need to do your job”": what
        # his stand amounts to, in the speaker's words (not "what he said was, “…”")
    if any(c.dep_ == "dobj" and c.lower_ in ("something", "words") and any(
            t.lower_ in LIKENESS for t in c.subtree) for c in verb.children):
        return True  # "said something akin to, “…”", "something like", "words to the
        # effect of": the reporter's likeness of what was said
    # (before the verb, right after it, or set off after its object: "telling those
    # leaders, in essence, “…”")
    return any(c.dep_ in ("advmod", "prep", "npadvmod") and (c.i < verb.i or all(
        t.is_punct for t in doc[verb.i + 1:c.left_edge.i]) or
        doc[c.left_edge.i - 1].text == ",") and
        " ".join(t.lower_ for t in c.subtree) in lex.gloss_words for c in verb.children)


def _is_speech_verb(token, quote: Quote, lex: Lexicon) -> bool:
    """A verb of saying outside the quote. "Continue" with an infinitive tells how
    something else goes on ("Russia continues to make claims"), not that anyone spoke."""
    if token.pos_ not in syntax.VERBS or token.lemma_.lower() not in lex.speech_verbs or \
            _inside(token, quote):
        return False
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in NAMING:
        return False  # "the campaign called “What’s Your Why?”": a name, no words said
    return token.lemma_.lower() not in lex.aspectual_verbs or not any(
        c.dep_ == "xcomp" for c in token.children)


#: participles that give a name ("a campaign called “…”", "a program dubbed “…”")
NAMING = frozenset({"call", "name", "title", "dub", "entitle", "label", "brand"})


def _adjacent_speech_verbs(tokens, quote: Quote, lex: Lexicon) -> list:
    """Speech verbs right beside the quote marks ("Biden voiced, “…”", "“…,” he said",
    "“…,” said Kirby"): the surest cue, whatever the parser made of the sentence."""
    doc = quote.segment.doc
    before = [t for t in reversed(doc[max(0, tokens[0].i - 3): tokens[0].i])]
    if any(_spoken_mark(t) for t in before):
        # "who told him, quote: “…”": the word for the quote mark stands between
        before = [t for t in reversed(doc[max(0, tokens[0].i - 6): tokens[0].i])]
    after = list(doc[tokens[-1].i + 1: tokens[-1].i + 5])
    # "“…,” he said": a quote that a comma closes is attributed after it; else a verb
    # right before it comes first ("as we say “with hatred” — he calls it out")
    tail = doc_text(doc)[quote.end - 1:quote.end + 3].replace(" ", "")
    found = []
    for side in (after, before) if any(m in tail for m in ",?!") else (before, after):
        for token in side:
            if _is_speech_verb(token, quote, lex) and not _spoken_mark(token):
                if side is after and (_introduces_next_quote(token) or
                                      _says_something_else(token, quote)):
                    break  # "“…?” He said, “…”": that verb is the next quote's; "“What
                    # do you think?”  He said there are …": it says something else
                found.append(token)
                break
            if not (token.is_punct or token.is_space or token.pos_ in ("PRON", "PROPN", "DET")
                    or token.dep_ in ("nsubj", "compound", "amod")
                    or _spoken_mark(token)):
                break
    return found


#: the words a speaker says for an opening quote mark ("he told me, quote, “…”")
SPOKEN_MARKS = {"quote"}


def _spoken_mark(token) -> bool:
    """ "quote" said for a quote mark: the word alone, set off by punctuation (not "I'll
    quote him")."""
    return token.lower_ in SPOKEN_MARKS and all(c.is_punct for c in token.children) and \
        token.i + 1 < len(token.doc) and token.doc[token.i + 1].is_punct


def _introduces_next_quote(verb) -> bool:
    """A speech verb followed at once (after a comma or colon) by an opening quote mark."""
    doc = verb.doc
    for token in doc[verb.i + 1: verb.i + 3]:
        if token.text in ("“", '"', "«"):
            return True
        if token.text not in (",", ":"):
            return False
    return False


def _could_speak(subject, lex: Lexicon) -> bool:
    """A subject that names someone ("I", "the doctor", a name), not a thing ("the
    confrontation continues “…”")."""
    if subject is None:
        return False
    return subject.pos_ in ("PRON", "PROPN") or subject.ent_type_ == "PERSON" or \
        subject.lemma_.lower() in lex.anonymous_heads


def _governing_speech_verbs(tokens, quote: Quote, lex: Lexicon) -> list:
    """Speech verbs that the quote's words depend on, nearest first, climbing out of it."""
    found = []
    for token in tokens:
        if _inside(token.head, quote) or token.head.i == token.i or token.dep_ == "conj" \
                or token.is_punct:
            continue  # (a quote coordinated with a clause is not what that clause says,
            # and its final stop may hang from anything)
        current = token.head
        for _ in range(6):
            if _is_speech_verb(current, quote, lex) and current not in found and \
                    not _said_before(current, quote):
                found.append(current)
            found.extend(c for c in current.children if c.dep_ == "advcl" and c not in found
                         and _is_speech_verb(c, quote, lex) and syntax.as_clause(c))
            # "As the President said when …, he is committed to “…”": the clause that
            # "as" hangs on the quote's own says whose words they are
            if current.head.i == current.i or current.dep_ in ("relcl", "acl"):
                break  # (a quote in a phrase about someone is not the outer verb's)
            if current.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass")
                                              for c in current.children):
                break  # "X stressed that …, and Regan made clear that “…”": Regan's
            current = current.head
    return found


def _nearby_speech_verbs(tokens, quote: Quote, lex: Lexicon) -> list:
    """Speech verbs outside the quote in the quote's sentences, nearest first."""
    sents = _sentences(tokens)
    verbs = [t for sent in sents.values() for t in sent if _is_speech_verb(t, quote, lex)
             and not _says_something_else(t, quote)]
    return sorted(verbs, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))


def _says_something_else(verb, quote: Quote) -> bool:
    """A verb of saying whose own clause says what was said ("after the Vice President
    announced that she tested positive, people started with, “…”"): not the quote's."""
    return any(c.dep_ == "ccomp" and not any(_inside(t, quote) for t in c.subtree)
               for c in verb.children)


def _said_before(verb, quote: Quote) -> bool:
    """A verb of saying whose own clause, after it, ends before the quote, and another
    clause comes between ("after the Vice President announced that she tested positive,
    the people who don't like vaccines started with, “…”", parsed with the quote under
    "announced"): what it says is its clause, not the quote (but "said he had, quote,
    “…”" says the quote)."""
    doc = verb.doc
    first = next((t for t in doc if _inside(t, quote) and not t.is_punct), None)
    if first is None:
        return False
    path = {a.i for a in first.ancestors}  # ("saying they are “…” and threaten to “…”":
    # the verb the quote hangs from is no other clause)
    return any(
        c.dep_ == "ccomp" and verb.i < c.i and c.right_edge.i < first.i and
        any(t.pos_ in syntax.VERBS and not _spoken_mark(t) and t.i not in path
            for t in doc[c.right_edge.i + 1:first.i])
        for c in verb.children)


def _speaker(verb, ents: DocEntities, lex: Lexicon,
             recent: Quote | None = None) -> str | None:
    """Who the subject of a speech verb is. "he said" after a quote continues its speaker
    (a reporter's "he" after the ``recent`` quote is the one just quoted), unless "he" is
    someone named as a sentence's subject since then."""
    if verb.lemma_.lower() in lex.speaker_object_verbs:
        for obj in syntax.direct_objects(verb):
            keys = ents.resolve(obj, Role.SPEAKER)
            if keys:
                return keys[0]
    if syntax.is_passive(verb):
        # "He was asked a question: “…”": the one asked is not the one speaking
        agent = syntax.passive_agent(verb)
        keys = ents.resolve(agent, Role.SPEAKER) if agent is not None else []
        return keys[0] if keys else None
    subject = syntax.subject(verb)
    if subject is None:
        return None
    subject = _example(subject) or subject
    if subject.tag_ in ("NN", "NNP", "JJ") and ents.gazetteer is not None and \
            ents.gazetteer.demonym(subject.text) is not None and \
            ents.gazetteer.lookup(subject.text) is None:
        return None  # "brave Ukrainian saying, “…”": one of a people, not its country
    if recent and recent.speaker and subject.lower_ in lex.person_pronouns and \
            ents.entities[recent.speaker].type == EntityType.PERSON and \
            ents.genders.get(recent.speaker, pronoun_gender(subject)) == \
            pronoun_gender(subject) and not _named_since(recent, subject, ents):
        return recent.speaker  # "… ,” he said" goes on with the one quoted, not "she"
    if subject.lemma_.lower() in lex.statement_nouns:
        # "the G7 statement said", "a readout from the White House"
        for child in subject.children:
            if child.dep_ in ("compound", "poss", "nmod"):
                keys = ents.resolve(child, Role.SPEAKER)
                if keys:
                    return keys[0]
        for obj in syntax.prep_objects(subject, {"from", "by", "of"}):
            keys = ents.resolve(obj, Role.SPEAKER)
            if keys:
                return keys[0]
        return None
    keys = ents.resolve(subject, Role.SPEAKER)
    return keys[0] if keys else None


def _named_since(last: Quote, pronoun, ents: DocEntities) -> bool:
    """Is the pronoun someone named as the subject of a sentence since the ``last`` quote
    ("“…,” Young said. [a new story] … Regan said the agency can go further. “…,” he
    said": Regan, not Young)?"""
    keys = ents.resolve(pronoun, Role.SPEAKER)
    if not keys or keys[0] == last.speaker or not ents.is_named(keys[0]):
        return False  # (not someone the speaker only describes: "Your child has diabetes.
        # She said, “…”" goes on with the woman quoted)
    doc = last.segment.doc
    since = (last.segment.index, next((t.i for t in doc if t.idx >= last.end), len(doc)))
    here = ents.pos(pronoun)
    return any(m.key == keys[0] and m.main and not m.in_quote and since <= m.pos < here
               for m in ents.mentions)


def _owned_saying(tokens, quote: Quote, ents: DocEntities, lex: Lexicon) -> str | None:
    """Whose the quote is when it is the content of someone's saying named by a noun ("the
    Prime Minister's declaration that “…”", "Kishida's words, “…”"): the possessor's,
    whoever's verb the sentence hangs it on ("noting that …")."""
    for token in tokens:
        head = token.head
        if head.i == token.i or _inside(head, quote) or head.pos_ != "NOUN" or \
                head.lemma_.lower() not in lex.statement_nouns:
            continue
        for owner in (c for c in head.children if c.dep_ == "poss"):
            keys = ents.resolve(owner, Role.SPEAKER)
            if keys:
                return keys[0]
    return None


def _example(noun):
    """The one example a plural subject names ("Progressive leaders like Senator Warren
    said, “…”", "experts such as Dr. Fauci said"): the words quoted are that one's."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and (prep.lower_ == "like" or prep.lower_ == "as" and any(
                c.lower_ == "such" for c in prep.children)):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if len(objects) == 1 and not any(c.dep_ == "conj" for c in objects[0].children):
                return objects[0]
    return None


def _according_to(tokens, quote: Quote, ents: DocEntities) -> str | None:
    for sent in _sentences(tokens).values():
        for token in sent:
            if token.lower_ == "according" and not _inside(token, quote):
                for obj in syntax.prep_objects(token, {"to"}):
                    keys = ents.resolve(obj, Role.SPEAKER)
                    if keys:
                        return keys[0]
    return None


def _colon_verb(doc, lex: Lexicon):
    """The speech verb of a paragraph that ends with a colon, introducing a quote."""
    text = doc_text(doc).rstrip()
    if not text.endswith(":"):
        return None
    last = list(doc.sents)[-1]
    verbs = [t for t in last if t.pos_ in syntax.VERBS and t.lemma_.lower() in lex.speech_verbs]
    return verbs[-1] if verbs else None


def _put_to(colon_verb, quote: Quote) -> bool:
    """Is the quote a paragraph of its own that asks, after a colon that says someone was
    asked ("the President was asked — so everyone has the phrasing of what he said:")?
    Then it is the question put to the one who speaks next."""
    return colon_verb is not None and quote.whole_paragraph and \
        quote.text.rstrip(" ”\"").endswith("?") and any(
            t.lemma_.lower() == "ask" and syntax.is_passive(t) for t in colon_verb.sent)


def _continue_speaker(quote: Quote, quotes: list[Quote], last_by_segment: dict) -> None:
    """A quote with no attribution continues the previous speaker of its paragraph, or,
    when it opens its own paragraph, the speaker of a quote that the paragraph before left
    open (news marks a quote that runs on by not closing it)."""
    if not _stands_alone(quote) or _reply(quote):
        return
    index = quote.segment.index
    previous = last_by_segment.get(index)
    if previous is None and quote.whole_paragraph:
        before = last_by_segment.get(index - 1)
        if before is not None and before.open_ended:
            previous = before
    if previous is not None and quotes and quotes[-1].speaker == previous.speaker:
        quote.speaker = previous.speaker
        sent = next(t.sent for t in quote.segment.doc if _inside(t, quote))
        quote.evidence = (sent.start_char, syntax.sentence_bounds(sent)[1])


#: words that open a reply ("“Well, why don't you have a seat over there.”")
REPLY_OPENERS = frozenset({"well", "yes", "no", "okay", "ok", "sure", "oh"})


def _reply(quote: Quote) -> bool:
    """A quote standing alone that opens with a word of reply and a comma, after someone's
    quoted words ("a woman came up to the desk and said, “I want to report …”  “Well, why
    don't you have a seat over there.”"): the other side of a dialogue answers, not the
    one quoted before."""
    words = quote.text.split()
    return bool(words) and words[0].endswith(",") and \
        words[0].rstrip(",").lower() in REPLY_OPENERS


def _mark_first_person(quote: Quote, ents: DocEntities) -> None:
    for token in quote.segment.doc:
        if _inside(token, quote) and token.lower_ in FIRST_PERSON:
            ents.first_person[ents.pos(token)] = quote.speaker
