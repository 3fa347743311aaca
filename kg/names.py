"""Names in a parsed document: the recogniser's spans repaired, cleaned and clustered.

The named-entity recogniser of a small model makes mistakes that news text shows at once:
names cut short ("Andrés Manuel López" for "… López Obrador", "Ursula von der"), a country
glued to the name after it ("Finland Sauli Niinistö"), names missed after a title ("His
Majesty King Abdullah II"), titles and suffixes taken into a name ("Defense Lloyd
Austin", "Joseph R. Biden, Jr."), a person tagged as a place or an organisation
("Biden" tagged GPE). This module repairs them and clusters the mentions of one
document: "Biden", "Joe Biden" and "President Joe Biden" are one person whose label is
"Joe Biden"; "US", "U.S." and "the United States" are one country.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from kg import syntax
from kg.gazetteer import Gazetteer, fold, load_gazetteer
from kg.lexicon import Lexicon, load_first_names
from kg.marks import doc_quote_spans
from kg.model import Entity, EntityType
from kg.nlp import Segment, tokens_among
from kg.syntax import DASHES, as_clause, transcript_q

if TYPE_CHECKING:  # pragma: no cover
    from kg.entities import DocEntities

Pos = tuple[int, int]  # (segment index, token index)


@dataclass
class Mention:
    pos: Pos
    end: int  # token index after the last token, in the same segment
    text: str  # the surface text
    name: str  # the cleaned name ("Joe Biden" for "President Joe Biden's")
    type: EntityType
    key: str = ""
    is_subject: bool = False  # the subject of its clause, not coordinated with a name
    main: bool = False  # ... and that clause is the sentence's own, not one inside it
    in_quote: bool = False
    vocative: bool = False  # addressed, not spoken of ("Thanks, Jen.")
    title: frozenset[str] = frozenset()  # the title's words ("president" for "President Biden")


QUOTE_CHARS = set("\"“”‘’«»")


SUBJECTS = {"nsubj", "nsubjpass"}
SPEAKER_AND_HEARER = {"i", "we", "you"}


NAME_LABELS = {"PERSON": EntityType.PERSON, "ORG": EntityType.ORGANIZATION,
               "GPE": EntityType.LOCATION, "LOC": EntityType.LOCATION,
               "FAC": EntityType.LOCATION}


PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "del", "della", "dos", "du", "bin",
             "bint", "al", "el", "ibn", "le", "la", "ter"}


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

    def plural_title(token) -> bool:  # "Representatives Cori Bush, …; Representative …"
        return span.label_ == "PERSON" and _singular_title(token.lower_, lex) != token.lower_

    while end - start > 1 and trailing(doc[end - 1]):
        end -= 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    while end - start > 1 and (word(doc[start]) in leading or doc[start].lower_ in leading
                               or plural_title(doc[start])):
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
    if text.endswith(("-", "‐", "–")):
        return False  # a prefix left of a title ("Co-" of "PCAST Co-Chair"): no name
    if all(t.lower_ in lex.not_names for t in tokens):
        return False
    if len(tokens) == 1 and tokens[0].tag_ == "NNS" and tokens[0].is_sent_start:
        return False  # "Communities said for years …": a common plural, capitalised only
        # by where it stands
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


def _written_name(text: str, etype: EntityType) -> str:
    """A name as a label: spaces collapsed, and a person's name set in capitals (a
    transcript's "JOSEPH R. BIDEN JR.") in the usual case."""
    name = " ".join(text.split())
    if etype == EntityType.PERSON and name.isupper() and len(name.split()) > 1:
        name = " ".join(w if len(w.rstrip(".")) == 1 else w.capitalize() for w in name.split())
    return name


def _title_words(span, name_start: int, lex: Lexicon) -> frozenset[str]:
    """The words of the title a name is written with, inside the recogniser's span or
    before it ("President" in "President Biden")."""
    doc = span.doc
    before = doc[_title_start(span, lex):span.start] if span.label_ == "PERSON" else doc[0:0]
    inside = doc[span.start:name_start]
    return frozenset(_singular_title(t.lower_, lex) for t in (*before, *inside) if t.is_alpha)


def _singular_title(word: str, lex: Lexicon) -> str:
    """A title word in the singular ("Representatives Cori Bush, …" is Representative
    Bush): a list of names may share one plural title."""
    titles = lex.title_words
    return word[:-1] if word.endswith("s") and word not in titles and word[:-1] in titles \
        else word  # (not "Mrs", a title of its own)


def _title_phrases(span, lex: Lexicon, vocative: bool = False) -> set[str]:
    """Titles written before a person's name ("Israeli Prime Minister Benjamin Netanyahu")
    or in apposition ("John Kirby, White House national security spokesman", "Netanyahu,
    the prime minister of Israel"); a name that addresses someone has no apposition
    ("Nandita, the President is briefed …")."""
    doc = span.doc
    found: set[str] = set()
    first = _title_start(span, lex)
    words = [t.lower_ for t in doc[first:span.start]]
    if words:
        found.add(" ".join(words))
    root = span.root
    appositions = [] if vocative else [c for c in root.children if c.dep_ == "appos"] + (
        [root.head] if root.dep_ == "appos" and not syntax.misplaced_apposition(root)
        else [])
    for appos in appositions:
        phrase = " ".join(t.lower_ for t in appos.subtree
                          if t.dep_ not in ("det", "poss", "punct", "cc") and t.i <= appos.i)
        if any(ends_with(phrase, t) for t in lex.titles):
            found.add(phrase)
        # "the prime minister of Israel": the title is the head and its compound words
    return {f for f in found if any(w in lex.title_words for w in f.split())}


def _vocative(span, lex: Lexicon | None = None) -> bool:
    """A name set off by commas at the edge of its sentence, or as its own reply ("Thank
    you, Jen.", "Jen, what is …?"), or one word set off by commas after a reporter's "Q"
    or a speaker's "you know," ("You know, Berry, my dad …"): the one addressed."""
    doc = span.doc
    words = [t for t in doc[max(0, span.start - 4):span.start] if not t.is_space]
    if len(span) == 1 and span.end < len(doc) and doc[span.end].text == "," and lex and (
            (words and transcript_q(words[-1])) or (
                len(words) >= 2 and words[-1].text == "," and _discourse(words[:-1], lex))):
        return True
    if _opens_address(span, lex) or _aside_address(span):
        return True
    root = span.root
    if span.start > 0 and span.end + 1 < len(doc) and doc[span.start - 1].text == "," and \
            doc[span.end].text == "," and doc[span.end + 1].pos_ == "PRON" and \
            doc[span.end + 1].dep_ in SUBJECTS and lex is not None and any(
                t.pos_ in syntax.VERBS and not _discourse(list(doc[max(0, t.i - 2):t.i + 1]),
                                                          lex)
                for t in doc[root.sent.start:span.start - 1]):
        return True  # "my mother used to have an expression, Gov, she'd say, “…”": after
        # a clause, a name between commas before the next clause's subject is the one
        # spoken to (not "And Biden, he said …", "You know, my mom, she …": the subject
        # set out before its pronoun)
    if _after_opening_phrase(span):
        return True
    if root.dep_ in ("intj", "npadvmod", "dep") and root.head.dep_ == "ROOT":
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        return (before is not None and before.text == ",") or (
            after is not None and after.text == ",")
    return False


def _after_opening_phrase(span) -> bool:
    """One name set off by commas after an opening phrase without a verb, before a noun
    phrase that runs on to the verb with no comma to close it ("On the call, Kate, the
    readout that the White House put out says, “…”", whether the parser made the phrase
    the subject or an apposition of the name): the one addressed. (An apposition is
    closed by a comma before its verb: "In Kyiv, Zelenskyy, the president, said …".)"""
    doc = span.doc
    sent = span.root.sent
    if len(span) != 1 or span.start - 1 <= sent.start or span.end + 1 >= sent.end or \
            doc[span.start - 1].text != "," or doc[span.end].text != ",":
        return False
    opening = [t for t in doc[sent.start:span.start - 1] if not transcript_q(t)]
    if not opening or any(t.pos_ in syntax.VERBS for t in opening):
        return False
    phrase = next((t for t in doc[span.end + 1:sent.end] if t.left_edge.i == span.end + 1
                   and t.pos_ in ("NOUN", "PROPN") and (
                       t.dep_ in SUBJECTS or (t.dep_ == "appos" and t.head == span.root))),
                  None)
    if phrase is None:
        return False
    verb = phrase.head if phrase.dep_ in SUBJECTS else span.root.head
    if span.root.dep_ not in SUBJECTS and phrase.dep_ == "appos":
        return False
    return verb.pos_ in syntax.VERBS and verb.i > phrase.i and \
        not any(t.text == "," for t in doc[phrase.right_edge.i + 1:verb.i])


def _opens_address(span, lex: Lexicon | None) -> bool:
    """A name that opens its sentence, set off by a comma, before a clause of its own:
    "John, so, talking about …", "Nandita, the President is briefed …" (a title after
    the comma that no second comma closes is that clause's subject, not an apposition:
    "Netanyahu, the prime minister, said …")."""
    if lex is None:
        return False
    doc = span.doc
    sent = span.root.sent
    # the words before it in its clause must be a reporter's "Q" or discourse markers
    # ("it's Syria — Mom, I'd like to meet you": a new clause begins at the dash); read
    # from the name back, the first other word settles it
    for i in range(span.start - 1, sent.start - 1, -1):
        token = doc[i]
        if token.text in (*DASHES, ":", ";"):
            break
        if not (token.is_punct or token.is_space) and not transcript_q(token) and \
                not _discourse([token], lex):
            return False
    if span.end + 1 >= len(doc):
        return False
    if doc[span.end].text in DASHES:
        # "Karine — spoken to the UK, anybody?": a question that opens by calling on
        # someone (a dash that a second one closes sets off an aside instead)
        return sent.text.rstrip().endswith("?") and not any(
            t.text in DASHES for t in doc[span.end + 1:sent.end])
    if doc[span.end].text != ",":
        return False
    root = span.root
    if root.dep_ in SUBJECTS and any(c.dep_ in SUBJECTS and c.i > span.end and
                                     c.lower_ in SPEAKER_AND_HEARER
                                     for c in root.head.children):
        return True  # "Charles, as Vice President now, …, I've now met with …": the verb
        # has its subject, the speaker or the hearer, after the comma; the name before it
        # is addressed
    after = doc[span.end + 1]
    comma_next = span.end + 2 < len(doc) and doc[span.end + 2].text == ","
    if after.lower_ in SPEAKER_AND_HEARER or (_discourse([after], lex) and comma_next):
        return True  # "John, so, …", "Peter, I think …" (not "Biden, now 81, …")
    names = {t.lower_ for t in span}
    titles = {c.right_edge.i for c in span.root.children
              if c.dep_ == "appos" and c.ent_type_ != "PERSON"}
    for appos in (c for c in span.root.children if c.dep_ == "appos"):
        following = doc[appos.right_edge.i + 1] if appos.right_edge.i + 1 < len(doc) else None
        if following is not None and following.pos_ in ("AUX", "VERB"):
            return True
        named = [appos, *(c for c in appos.children if c.dep_ == "appos")]
        person = {t.lower_ for x in named for t in syntax.phrase_tokens(x, skip=("prep",))
                  if t.ent_type_ == "PERSON"}  # (not "the lawyer for Trump")
        renamed = appos.left_edge.i > 1 and doc[appos.left_edge.i - 1].text in DASHES \
            and appos.left_edge.i - 2 in titles
        if person and not names & person and (appos.ent_type_ != "PERSON" or renamed):
            return True  # "Jen, the President of Angola — President João Lourenço — was
            # in D.C.": one person is not another's apposition; the first is addressed
            # (not a list of names: "Steve Ricchetti, Louisa Terrell, … — Susan Rice as
            # well —")
    return False


def _aside_address(span) -> bool:
    """A lone first name set off by commas after a clause, not after a noun it could
    stand in apposition to: "time is not unlimited, Josh, and …"."""
    doc = span.doc
    if len(span) != 1 or span.start < 2 or span.end >= len(doc):
        return False
    if doc[span.start - 1].text != "," or doc[span.end].text not in (",", ".", "?", "!"):
        return False
    if load_first_names().get(span.text) is None:
        return False
    return doc[span.start - 2].pos_ not in ("NOUN", "PROPN", "PRON", "NUM")


def _discourse(words: list, lex: Lexicon) -> bool:
    """Do these words end in a discourse marker ("you know", "look", "well")?"""
    text = " ".join(t.lower_ for t in words)
    return any(text == m or text.endswith(" " + m) for m in lex.discourse_markers)


def _title_countries(span, title_start: int) -> set[str]:
    """The words of the country a person's title is given with ("Ukrainian" of
    "Ukrainian President Zelenskyy", "Ukraine" of "President Zelenskyy of Ukraine"),
    lower case; empty if none."""
    doc = span.doc
    words = {e.text.lower() for e in doc.ents if e.label_ in ("NORP", "GPE")
             and title_start <= e.start and e.end <= span.start}
    after = doc[span.end: span.end + 2]
    if len(after) == 2 and after[0].lower_ == "of" and after[1].ent_type_ == "GPE":
        words.update(e.text.lower() for e in doc.ents if e.start <= after[1].i < e.end)
    return words


def _repaired_names(doc, lex: Lexicon) -> list:
    """The recogniser's spans, with persons' names made whole: a name cut at a particle
    ("Ursula von der" + "Leyen", "Ursula von" + "der" + "Leyen") or a lone given name before
    a surname read as another kind of name ("Annegret" + the ORG "Kramp-Karrenbauer") is
    joined to what follows it, as is a person's name cut in two ("Samia Suluhu" +
    "Hassan"); a first name left out ("Luiz" + "Inácio Lula da Silva") is
    joined to the rest, and one cut at a hyphen ("Moon Jae" + "-in") is made whole; a short
    place or organisation right after a person's title ("President" + the GPE
    "Zelenskyy") or with a person's title in apposition (the ORG "Akiba Takeo",
    "Secretary General of …") is that person."""
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
            gap = end
            while gap < len(doc) and doc[gap].lower_ in PARTICLES:
                gap += 1  # "Ursula von" + "der" + the GPE "Leyen"
            following = ents[i + 1] if i + 1 < len(ents) else None
            if following is not None and following.start == gap and (
                    doc[end - 1].lower_ in PARTICLES or gap > end or
                    following.label_ == "PERSON"):  # (a name cut in two: "Samia Suluhu" +
                # "Hassan")
                end = ents[i + 1].end
                i += 1
            while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].is_alpha \
                    and doc[end + 1].ent_iob_ != "B":
                end += 2  # a hyphenated name cut at its hyphen: "Moon Jae" + "-in"
            span = Span(doc, start, end, label="PERSON")
            parts = _coordinated_names(span)
            out.extend(parts[:-1])
            span = parts[-1]
        elif _surname_misread(span, lex):
            span = Span(doc, span.start - 1, span.end, label="PERSON")
        elif _titled_misread(span, lex) or _titled_apposition(span, lex):
            span = Span(doc, span.start, span.end, label="PERSON")
        elif (titled := _titled_inside(span, lex)) is not None:
            span = titled
        out.append(span)
        i += 1
    return out


def _coordinated_names(span) -> list:
    """A person's span that takes in a conjunction or a dash ("Mary and Buzzy", "Ralph —
    Ralph Yarl") names someone on each side of it: no one's name has "and" in it."""
    from spacy.tokens import Span

    cuts = [t.i for t in span
            if t.lower_ in ("and", "&") or t.pos_ == "CCONJ" or t.text in DASHES]
    if not cuts:
        return [span]
    bounds = [span.start - 1, *cuts, span.end]
    parts = [Span(span.doc, a + 1, b, label="PERSON")
             for a, b in pairwise(bounds) if b > a + 1]
    return parts or [span]


def _surname_misread(span, lex: Lexicon) -> bool:
    """A short organisation or place span, of capitalised proper nouns that name no
    organisation or known place, right after a given name the recogniser left untagged
    ("Minister of Defense Annegret" + the ORG "Kramp-Karrenbauer"): a person's surname."""
    return _misread_name(span, lex, hyphens=True) and \
        _first_name(span.doc[span.start - 1], lex) and span.doc[span.start - 1].ent_type_ == ""


def _titled_misread(span, lex: Lexicon) -> bool:
    """A short place or organisation span right after a person's title ("President" +
    the GPE "Zelenskyy", "Secretary" + the ORG "Mayorkas") that names no organisation or
    known place: the person so titled."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return _misread_name(span, lex) and before is not None and \
        before.text[:1].isupper() and before.lower_ in lex.title_words


def _office(span, lex: Lexicon) -> bool:
    """An organisation span that is a person's office: a whole title and "of" ("the King
    of Belgium", "Speaker of the House"): whoever holds it, no body."""
    if span.label_ != "ORG":
        return False
    words = [t.lower_ for t in span if t.dep_ != "det"]
    return "of" in words[1:] and lex.ends_title(words[:words.index("of")])


def _titled_apposition(span, lex: Lexicon) -> bool:
    """A short place or organisation span that names no organisation or known place,
    set beside a person's title ("met with Akiba Takeo, Secretary General of Japan's
    National Security Secretariat", "Saida Mirziyoyeva, Head of the … Department"): a
    body is described by what it is ("Hamas, the group that …"), a person by an office."""
    return _misread_name(span, lex) and any(
        c.dep_ == "appos" and c.lower_ in lex.title_words for c in span.root.children)


def _titled_inside(span, lex: Lexicon):
    """The name inside an organisation or place span after a person's title, when it
    names no organisation or known place (the ORG "Taoiseach Micheál Martin", "International
    Development Administrator Samantha Power"): the person so titled; else None. After
    other words, the name must have two words or more (or follow a whole title), none of
    them plural."""
    if span.label_ not in ("ORG", "GPE") or len(span) < 2:
        return None
    from spacy.tokens import Span

    titles = [t.i for t in span[:-1] if t.text[:1].isupper() and t.lower_ in lex.title_words]
    if not titles:
        return None
    first = titles[-1]
    while first - 1 in titles:
        first -= 1  # the title's first word ("Second Gentleman")
    end = span.end - (span[-1].tag_ == "POS")  # "… Staff Milley’s": the name, not "’s"
    if end <= titles[-1] + 1:
        return None
    rest = Span(span.doc, titles[-1] + 1, end, label=span.label_)
    whole = lex.ends_title([t.lower_ for t in span.doc[max(0, span.start - 4):titles[-1] + 1]])
    if not whole and not any(t.text in load_first_names() for t in rest):
        return None  # a word of some title that ends none, before no given name: "the
        # National Tree Lighting" (a title may begin before the span: "Director of" +
        # "National Intelligence Avril Haines")
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if span[-1].lower_ in lex.title_words or span[-1].lower_ in lex.title_modifiers and \
            after is not None and after.lower_ in lex.title_words:
        return None  # "… for National Reconciliation Dr." + "Abdullah Abdullah", "…
        # Northern Triangle Special" + "Envoy Ricardo Zúniga": the title at the end (or
        # begun there) is that of the name after the span
    if first > span.start and (len(rest) < 2 and not whole or
                               any(t.tag_ == "NNPS" for t in rest)):
        return None  # inside the span, only a name of two words or more, or one after a
        # whole title, is a person's ("… Administrator Samantha Power", "FEMA
        # Administrator Criswell"; not "Council of State Governments")
    return Span(span.doc, rest.start, rest.end, label="PERSON") \
        if _misread_name(rest, lex) else None


def _misread_name(span, lex: Lexicon, hyphens: bool = False) -> bool:
    """A short organisation or place span, after some word, of capitalised proper nouns
    (and hyphens, where asked) that name no organisation or known place."""
    return span.label_ in ("ORG", "GPE") and len(span) <= 3 and span.start > 0 and all(
        (t.pos_ == "PROPN" and t.text[:1].isupper()) or (hyphens and t.text == "-")
        for t in span) and _names_no_body(span, lex, load_gazetteer())


def _names_no_body(words, lex: Lexicon, gaz: Gazetteer) -> bool:
    """Do these words name no organisation, known place or people?"""
    return not any(t.lower_ in lex.org_words for t in words) and \
        gaz.lookup(words.text) is None and gaz.demonym(words.text) is None


def _first_name(token, lex: Lexicon) -> bool:
    """Could a capitalised word before a person's name be a given name the recogniser left
    out? Not a title, nor a plural ("Minister for Foreign Affairs Penny Wong")."""
    return token.pos_ == "PROPN" and token.tag_ != "NNPS" and token.text[:1].isupper() and \
        token.dep_ == "compound" and token.lower_ not in lex.title_words and \
        token.lower_ not in lex.title_modifiers


def _titled_names(doc, lex: Lexicon, gaz: Gazetteer) -> list:
    """Names the recogniser missed after a title ("His Majesty King Abdullah II",
    "Speaker Pelosi"): the capitalised words that follow a capitalised title, when no
    entity covers them and they name no organisation or place."""
    from spacy.tokens import Span

    covered: set[int] | None = None
    spans = []
    i = 0  # where the next title may begin (not among the words the last one took)
    for token in tokens_among(doc, lex.title_words):
        if token.i < i or not token.text[:1].isupper() or not _ends_office(doc, token.i, lex):
            continue
        if covered is None:
            covered = {k for ent in doc.ents for k in range(ent.start, ent.end)}
        i = token.i
        while i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "-" and \
                not doc[i + 1].whitespace_ and doc[i + 2].is_alpha:
            i += 2  # a title written with a hyphen: "President-Elect", "Minister-designate"
        j = i + 1
        while j < len(doc) and doc[j].pos_ == "PROPN" and j not in covered and (
                doc[j].text[:1].isupper() or doc[j].lower_ in PARTICLES and j + 1 < len(doc)
                and doc[j + 1].text[:1].isupper()) and doc[j].lower_ not in lex.title_words:
            j += 1  # (with a particle inside: "Luiz Inácio Lula da Silva")
        words = doc[i + 1:j]
        if len(words) and words[0].tag_ != "NNPS" and _names_no_body(words, lex, gaz):
            # (a plural goes on with the office: "Minister for Foreign Affairs Penny Wong")
            spans.append(Span(doc, i + 1, j, label="PERSON"))
        i = max(j, i + 1)
    return spans


def _ends_office(doc, i: int, lex: Lexicon) -> bool:
    """Does a whole title end at ``doc[i]``: a known one ("Secretary of State", not the
    "State" of "a State Dinner" nor the "His" of "His Excellency"), or a title head with
    the office it is "of" ("Minister of Defense", "Secretary of Homeland Security")?"""
    if lex.ends_title([t.lower_ for t in doc[max(0, i - 3):i + 1]]):
        return True
    j = i
    while j > 0 and i - j < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        j -= 1
    return j < i and j > 0 and doc[j].lower_ in ("of", "for") and \
        doc[j - 1].lower_ in lex.title_heads and doc[j - 1].text[:1].isupper()


def _with_suffixes(doc, end: int, lex: Lexicon) -> int:
    """The end of a person's mention with its suffix ("Biden, Jr."), which is part of the
    mention though not of the name."""
    i = end
    while i < len(doc) and (doc[i].lower_ in lex.name_suffixes or (
            doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in lex.name_suffixes)):
        i += 1
    return i


def _without_transcript_q(span):
    """A transcript's "Q" that the recogniser read into the name after it ("Q Karine,
    with regards to Manchin, …" is the reporter addressing Karine): the name without it."""
    if len(span) > 1 and transcript_q(span[0]):
        from spacy.tokens import Span
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    return span


def _after_title(span, lex: Lexicon) -> bool:
    """Does a capitalised title word open the span or stand just before it?"""
    doc = span.doc
    return any(t.text[:1].isupper() and t.lower_ in lex.title_words
               for t in doc[max(0, span.start - 3):span.start + 1])


def _split_misread(span, lex: Lexicon, gaz: Gazetteer) -> list:
    """The recogniser sometimes glues a country to the name that follows it ("President
    of Finland Sauli Niinistö" gives the ORG "Finland Sauli Niinistö"): a span that starts
    with a known place and goes on with capitalised words that name no organisation is
    read as that place and a person. Other spans are kept whole, with their label's type."""
    etype = NAME_LABELS[span.label_]
    if _office(span, lex):
        return [(span, EntityType.PERSON)]  # "the King of Belgium": its holder, so named
    if span.label_ == "ORG" and len(span) >= 3 and _after_title(span, lex):
        # "Defense Lloyd Austin", "Secretary of" + "Transportation Pete Buttigieg": the end
        # of a title glued to a person's name (a given name, then names to the end; or two
        # names or more after the body's own word: "President of" + "the European
        # Commission Frans Timmermans")
        for k in range(1, len(span) - 1):
            rest = span[k:]
            if (rest[0].text in load_first_names() or
                    span[k - 1].lower_ in lex.org_words and len(rest) >= 2) and all(
                    t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in lex.org_words
                    for t in rest):
                return [(rest, EntityType.PERSON)]
    if span.label_ in ("ORG", "GPE") and len(span) >= 3:
        for cut in range(1, len(span) - 1):
            head, rest = span[:cut], span[cut:]
            if gaz.lookup(head.text) and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                             and t.lower_ not in lex.org_words for t in rest):
                return [(head, EntityType.LOCATION), (rest, EntityType.PERSON)]
    return [(span, etype)]


def cluster_names(result: DocEntities, raw: list, lex: Lexicon, gaz: Gazetteer) -> None:
    # full person names first: every later "Biden" can then find its "Joe Biden"
    persons: dict[str, tuple[str, str]] = {}  # folded full name -> (key, label)
    surnames: dict[str, list[tuple[str, str]]] = {}  # folded surname -> (key, label)s
    counts: dict = {}  # person key -> mentions by full name; ("title", key) -> title words
    for mention, _span in raw:
        words = mention.name.split()
        if mention.type == EntityType.PERSON and len(words) > 1:
            folded = fold(mention.name)
            if folded not in persons:
                persons[folded] = (key_of(EntityType.PERSON, mention.name), mention.name)
                surnames.setdefault(fold(words[-1]), []).append(persons[folded])
            key = persons[folded][0]
            counts[key] = counts.get(key, 0) + 1
            counts.setdefault(("title", key), set()).update(mention.title)
    for mention, _span in raw:  # "President Biden" where the document names only Natalie
        words = mention.name.split()
        known = surnames.get(fold(words[-1])) if len(words) == 1 else None
        if known and mention.title and _likeliest(known, mention, counts) is None:
            counts[("other", fold(words[-1]))] = counts.get(("other", fold(words[-1])), 0) + 1
    for mention, span in raw:
        key, label, etype = _assign(mention, persons, surnames, gaz, counts, _acts(span, lex))
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
            titles = _title_phrases(span, lex, mention.vocative)
            if titles:
                result.titles.setdefault(key, set()).update(titles)
            first = _title_start(span, lex)
            if first < span.start:  # "President Joe Biden" is a name of Joe Biden too
                entity.alt_labels.add(f"{span.doc[first:span.start].text} {mention.name}")
            countries = _title_countries(span, first)
            if countries:
                result.qualified.setdefault(key, set()).update(countries)
    for entity in result.entities.values():
        entity.alt_labels.discard(entity.label)


HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "the"}


def _likeliest(known: list, mention: Mention, counts: dict) -> tuple[str, str] | None:
    """Which of several people of one surname a bare surname is: the one who bore the
    title it comes with ("President Biden" is Joe, not Hunter), else the most named,
    counting a titled namesake the document names only by title and surname ("President
    Biden" beside "Natalie Biden"); None for that namesake."""
    title = set(mention.title) - HONORIFICS
    titled = [k for k in known if title & counts.get(("title", k[0]), set())]
    if len(titled) == 1:
        return titled[0]
    if title and not titled:
        return None  # "President Biden" is not the untitled Hunter Biden of the document
    best = max(known, key=lambda k: counts.get(k[0], 0))
    if not title and counts.get(("other", fold(mention.name.split()[-1])), 0) > \
            counts.get(best[0], 0):
        return None  # a bare "Biden" is the titled Biden named more often than Natalie
    return best


def _acts(span, lex: Lexicon) -> bool:
    """The name acts: it is the subject of an active verb other than "be" ("Tehran would
    respond"), or the possessor of an event noun ("Tehran's attack")."""
    root, head = span.root, span.root.head
    if root.dep_ == "poss":
        return head.lemma_.lower() in lex.nouns
    return root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_ != "be"


def _assign(mention: Mention, persons: dict, surnames: dict, gaz: Gazetteer, counts: dict,
            acts: bool = False):
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
    if place is None and mention.type == EntityType.LOCATION and len(words) == 1 and \
            not mention.name.endswith("s"):
        place = gaz.demonym(mention.name)  # "Ukrainian" tagged as a place ("attacked
        # Ukrainian cities") is its country; "Americans" are people
    if len(words) == 1 or mention.type == EntityType.PERSON:
        known = surnames.get(fold(words[-1]))
        # "Biden" tagged ORG or GPE is the person Biden when the document names one;
        # "Jordan" tagged GPE stays the country
        chosen = _likeliest(known, mention, counts) if known and (
            mention.type != EntityType.LOCATION or place is None) else None
        if chosen:
            key, label = chosen
            return key, label, EntityType.PERSON
    if mention.type == EntityType.PERSON:
        return key_of(EntityType.PERSON, mention.name), mention.name, EntityType.PERSON
    if place is None and (mention.type == EntityType.ORGANIZATION or acts):
        # "Washington" as an actor is its government: tagged as an organisation, or the
        # subject of an active verb ("Tehran would respond")
        place = gaz.capital(mention.name)
    if place is not None:
        return key_of(place.type, place.label), place.label, place.type
    return key_of(mention.type, mention.name), mention.name, mention.type


def untagged_names(result: DocEntities, segments: list[Segment]) -> None:
    """Names the recogniser missed in one place but found in another: a capitalised
    "Starmer" read as a common noun is the Keir Starmer the document names elsewhere."""
    names: dict[str, str] = {}
    for key, entity in result.entities.items():
        if entity.type == EntityType.PERSON:
            words = entity.label.split()
            names.setdefault(words[-1], key)
            names.setdefault(entity.label, key)
    # only tokens that may be one of these names are looked at (spaCy's lower_ is the
    # text's str.lower(), so a token whose text is a name has that name's lower case)
    lowered = {name.lower() for name in names}
    added = False
    for segment in segments:
        for token in tokens_among(segment.doc, lowered):
            pos = (segment.index, token.i)
            if pos in result.by_token or token.text not in names or token.pos_ not in (
                    "PROPN", "NOUN", "ADJ") or not token.text[:1].isupper():
                continue
            if token.ent_type_ not in ("", "PERSON") and any(
                    len(e) > 1 for e in segment.doc.ents if e.start <= token.i < e.end):
                continue  # "House" of "White House" is not Dennis House
            key = names[token.text]
            result.by_token[pos] = key
            result.mentions.append(Mention(pos, token.i + 1, token.text, token.text,
                                           EntityType.PERSON, key,
                                           is_subject=sole_subject([token], result.lexicon),
                                           main=main_subject([token]),
                                           vocative=_vocative(segment.doc[token.i:token.i + 1],
                                                              result.lexicon)))
            added = True
    if added:
        result.mentions.sort(key=lambda m: m.pos)


def _subject_token(token):
    """The token that stands as the subject for ``token``: itself, or the transcript's
    "Q" that the parser made the subject with the phrase hung on it ("Q    The governor
    of Mississippi has responded …"); None when it is no subject."""
    if token.dep_ in SUBJECTS:
        return token
    head = token.head
    if token.dep_ in ("appos", "conj") and transcript_q(head) and head.dep_ in SUBJECTS:
        return head
    return None


def sole_subject(tokens, lex: Lexicon) -> bool:
    """Is the name the subject of its clause, alone, and a clause that goes on with the
    story? In "Mr. Sullivan and Mr. Wong reflected …, including his discussions", "his"
    is neither for certain; the subject of an aside that cites someone ("as I think Ed
    noted, …", "As John mentioned, …") is no one a later "he" goes on with."""
    return any(_subject_token(t) is not None and not any(
        c.dep_ == "conj" and c.pos_ == "PROPN" for c in t.children) and not _citing(t, lex)
        for t in tokens)


def _citing(subject, lex: Lexicon) -> bool:
    """Is ``subject`` the one cited by an "as" clause of saying ("as Ed noted", "as I
    think Ed noted", the parser hanging "noted" from "think")? Not when the clause
    brings in that one's own quoted words ("as President Biden said, “…”"): then it is
    whom the text goes on about."""
    verb = subject.head
    if verb.lemma_.lower() not in lex.speech_verbs or any(
            verb.idx < start < verb.sent.end_char for start, _ in doc_quote_spans(verb.doc)):
        return False
    return as_clause(verb) or verb.dep_ == "ccomp" and as_clause(verb.head)


def main_subject(tokens) -> bool:
    """Is the name the subject of its sentence's main clause (or of a clause coordinated
    with it), rather than of a clause inside another ("he believed that President Biden
    had no knowledge")?"""
    for token in map(_subject_token, tokens):
        if token is not None:
            verb = token.head
            if verb.dep_ == "conj":
                verb = verb.head
            return verb.dep_ == "ROOT"
    return False


def ends_with(title: str, core: str) -> bool:
    return title == core or title.endswith(" " + core)


def key_of(etype: EntityType, label: str) -> str:
    return f"{etype.value[0]}:{fold(label)}"


def name_mentions(segments: list[Segment], lex: Lexicon, gaz: Gazetteer) -> list:
    """(Mention, span) of every name the document's (repaired) recogniser spans give."""
    raw: list[tuple[Mention, object]] = []
    for segment in segments:
        spans = [*_repaired_names(segment.doc, lex), *_titled_names(segment.doc, lex, gaz)]
        for span in spans:
            if NAME_LABELS.get(span.label_) is None:
                continue
            span = _without_transcript_q(span)
            for part, part_type in _split_misread(span, lex, gaz):
                start, end = _clean_span(part, lex)
                tokens = part.doc[start:end]
                if not _is_name(tokens, lex):
                    continue
                covered = _with_suffixes(part.doc, end, lex) if part_type == \
                    EntityType.PERSON else end
                raw.append((Mention(
                    pos=(segment.index, start), end=covered, text=part.text,
                    name=_written_name(tokens.text, part_type),
                    type=part_type, is_subject=sole_subject(part, lex),
                    main=main_subject(part),
                    vocative=_vocative(part, lex), title=_title_words(part, start, lex),
                ), part))
    return raw
