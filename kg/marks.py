"""Quotation marks: where quoted words begin and end in a paragraph.

Curly quotes, guillemets and straight double quotes are read; a quote still open at the
end of a paragraph runs to its end (news paragraphs of one long quote leave it open), and
a new opening mark while a quote is open closes that one first (unbalanced web copy).
:func:`doc_quote_spans` gives those of a parsed paragraph, found once per ``Doc``.
"""

from __future__ import annotations

import re

from kg.nlp import doc_text

OPENERS = {"“", "«", "„"}
CLOSERS = {"”", "»"}
STRAIGHT = '"'
_MARKS = re.compile("[" + "".join(sorted(OPENERS | CLOSERS)) + STRAIGHT + "]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted words in one paragraph."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for mark in _MARKS.finditer(text):  # (the other characters change nothing)
        i, ch = mark.start(), mark.group()
        if ch in OPENERS:
            if open_at is not None:  # a new quote opens while one is open: close that one
                spans.append((open_at, i))
            open_at = i + 1
        elif ch in CLOSERS:
            if open_at is not None:
                spans.append((open_at, i))
                open_at = None
        elif ch == STRAIGHT:
            if open_at is None:
                if i == 0 or not text[i - 1].isalnum():
                    open_at = i + 1
            else:
                spans.append((open_at, i))
                open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        if end > start:
            out.append((start, end))
    return out


#: the key of a Doc's quote spans in its ``user_data`` (see :func:`doc_quote_spans`)
_SPANS = "kg.quote_spans"


def doc_quote_spans(doc) -> tuple[tuple[int, int], ...]:
    """:func:`quote_spans` of a spaCy ``Doc``'s text, kept in its ``user_data``: entities,
    quotes and factuality all ask for them."""
    spans = doc.user_data.get(_SPANS)
    if spans is None:
        spans = doc.user_data[_SPANS] = tuple(quote_spans(doc_text(doc)))
    return spans
