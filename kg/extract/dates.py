"""When an event happened: date expressions found in its clause, resolved to a day.

Absolute forms ("April 14th", "13th April", "2024-04-14", "April 14, 2024") are read
with dateutil; a month and day without a year take the year that puts them nearest the
document's date. Relative forms ("on Saturday", "late Saturday", "tomorrow", "last
night", "two days ago") are resolved against the document's date: a weekday is the
last one on or before it, or, for a future event, the next one on or after it. Nothing
is invented: without a document date a relative or yearless expression gives no date,
and "earlier this month" gives none either.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateparser

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_MONTH_ABBR = {m[:3] for m in MONTHS} | {"sept"}
RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "last evening": -1, "overnight": 0,
    "tomorrow": 1, "the day before": -1, "the day after": 1,
}
NUMBERS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
           "six": 6, "seven": 7}
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_AGO = re.compile(r"\b(\d+|one|a|an|two|three|four|five|six|seven) days? ago\b")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_DAY = re.compile(r"\b\d{1,2}\b")
_NOISE = re.compile(r"[’']s\b|[,.]")
#: a span of days ("December 9-10", "5–6 June"): the event begins on the first
_DAY_SPAN = re.compile(r"\b(\d{1,2})\s*[-–]\s*\d{1,2}\b")


def resolve_date(text: str, reference: dt.date | None, future: bool = False) -> dt.date | None:
    """The day a date expression names, or None when it names no single day."""
    clean = _NOISE.sub(" ", text.lower().replace("’", "'"))
    clean = _ORDINAL.sub(r"\1", " ".join(clean.split()))
    iso = _ISO.search(clean)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    words = set(clean.split())
    if words & set(MONTHS) or words & _MONTH_ABBR:
        return _absolute(clean, reference)
    if reference is None:
        return None
    for phrase, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{phrase}\b", clean):
            return reference + dt.timedelta(days=offset)
    ago = _AGO.search(clean)
    if ago:
        n = NUMBERS.get(ago[1]) or int(ago[1])
        return reference - dt.timedelta(days=n)
    for index, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", clean):
            return _weekday(index, reference, future, "next" in words, "last" in words)
    return None


def _parse(clean: str, year: int) -> dt.date | None:
    try:
        return dateparser.parse(clean, default=dt.datetime(year, 1, 1), fuzzy=True).date()
    except (ValueError, OverflowError):
        return None


def month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of an absolute date expression without a year ("April 4th")."""
    clean = _ORDINAL.sub(r"\1", " ".join(_NOISE.sub(" ", text.lower()).split()))
    words = set(clean.split())
    if not (words & set(MONTHS) or words & _MONTH_ABBR) or not _DAY.search(_YEAR.sub(" ", clean)):
        return None
    parsed = _parse(clean, 2000)  # a leap year, so that 29 February parses
    return (parsed.month, parsed.day) if parsed else None


def _absolute(clean: str, reference: dt.date | None) -> dt.date | None:
    clean = _DAY_SPAN.sub(r"\1", clean)
    if not _DAY.search(_YEAR.sub(" ", clean)):
        return None  # a month, or a month and a year: no single day
    has_year = bool(_YEAR.search(clean))
    if not has_year and reference is None:
        return None
    parsed = _parse(clean, reference.year if reference else 2000)
    if parsed is None or has_year or reference is None:
        return parsed
    return nearest_year(parsed.month, parsed.day, reference)


def nearest_year(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The date of that month and day nearest to ``reference`` (a year before or after
    at most: "December 30" in an article of 2 January is last year's)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:  # 29 February
            continue
    return min(candidates, key=lambda d: abs((d - reference).days)) if candidates else None


def _weekday(index: int, reference: dt.date, future: bool, nxt: bool, last: bool) -> dt.date:
    delta = (reference.weekday() - index) % 7
    if future or nxt:
        ahead = (index - reference.weekday()) % 7
        return reference + dt.timedelta(days=ahead or (7 if nxt else 0))
    return reference - dt.timedelta(days=delta or (7 if last else 0))


DATE_LABELS = {"DATE", "TIME"}
#: prepositions that put another event before or after this one: a date below them is
#: that other event's
TIME_PREPS = {"following", "after", "before", "since", "amid", "during", "until", "ahead",
              "prior"}
VERBAL = {"VERB", "AUX"}
#: verbs that set one event after another: their clause's time is their subject's
SEQUENCE_VERBS = {"follow", "precede", "succeed"}


def _clause_heads(trigger) -> list:
    """The trigger and, for a nominal trigger, the verb whose clause it belongs to."""
    heads = [trigger]
    token = trigger
    while token.pos_ not in VERBAL and token.head.i != token.i and \
            token.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "conj",
                           "appos", "compound", "poss"):
        token = token.head
        if token.pos_ in VERBAL:
            if token.lemma_.lower() in SEQUENCE_VERBS and any(
                    c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in token.children):
                break  # "Jake's visit tomorrow follows the President's call": the verb's
                # time is its subject's event, not its object's
            heads.append(token)
    return heads


def _time_prep(token) -> bool:
    """A preposition that puts another event before or after this one, as the parser
    hangs it: "after" (prep), "ahead of" and "prior to" (their first word an adverb or a
    preposition), "in advance of" ("advance" the object of "in")."""
    if token.lower_ == "advance":
        return token.dep_ == "pobj" and token.head.lower_ == "in"
    return token.dep_ in ("prep", "advmod") and token.lower_ in TIME_PREPS


def _has_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _attaches_to(ent, heads: list) -> int | None:
    """How close the clause head is that a date phrase hangs from (0 = the trigger
    itself), or None when it belongs to another clause. A date that the parser hung
    deeper, under a noun or an infinitive of the trigger's clause ("will convene the
    leaders to coordinate a response … on 14th April"), ranks after those of the clause."""
    token = ent.root
    penalty = 0
    for _ in range(12):
        if token in heads:
            return heads.index(token) + penalty
        if token.head.i == token.i:
            return None
        if _time_prep(token) and token.i < ent.start - 1:
            return None  # "following the destruction … on April 1st", "ahead of the August
            # 20 runoff", "in advance of the summit on July 11": another event's date
        if token.pos_ in VERBAL and token.i != ent.root.i:
            if _has_subject(token) or token.dep_ in ("relcl", "advcl", "ROOT") or \
                    token.tag_ == "VBG" and token.dep_ == "pcomp":
                return None  # (a doing after a preposition is an event of its own:
                # "congratulated Maldives on opening their embassy … on Friday")
            penalty = len(heads) + 1
        elif token.pos_ in ("NOUN", "PROPN") and token.i != ent.root.i:
            penalty = max(penalty, len(heads) + 1)
        token = token.head
    return None


@dataclass(frozen=True)
class When:
    """What a clause says of an event's time."""

    date: dt.date | None = None
    day: tuple[int, int] | None = None  # (month, day) when the year cannot be told
    stated: bool = False  # a date phrase is there, even one that names no single day


def event_date(trigger, reference: dt.date | None, future: bool = False,
               own: bool = False) -> When:
    """The date of the event that ``trigger`` expresses, from the date phrases of its
    clause (the nearest attachment wins); with ``own``, only those that modify the
    trigger itself ("April 13th's attack", "the attack on Saturday")."""
    heads = [trigger] if own else _clause_heads(trigger)
    best: tuple[int, When] | None = None
    stated = False
    for ent in trigger.sent.ents:
        if ent.label_ not in DATE_LABELS:
            continue
        rank = _attaches_to(ent, heads)
        if rank is None or (own and rank > 0):
            continue
        stated = True
        if best is not None and rank >= best[0]:
            continue
        when = _stated(ent.text, reference, future)
        if when is not None:
            best = (rank, when)
    if best:
        return best[1]
    heading = None if own or stated else _heading(trigger.sent)
    when = _stated(heading, reference, future) if heading is not None else None
    return when or When(stated=stated)


def _stated(text: str, reference: dt.date | None, future: bool) -> When | None:
    """What a date phrase says: a day, or a month and day without a year; None when it
    names neither."""
    resolved = resolve_date(text, reference, future)
    day = None if resolved else month_day(text)
    return When(resolved, day, True) if resolved is not None or day is not None else None


#: what may set a heading date off from the line it heads
_HEADING_MARKS = {":", "–", "—", "-"}


def _heading(sent) -> str | None:
    """The text of a date that opens its sentence and is set off by a colon or a dash: it
    labels what the line says ("December 8: Secretary Blinken's call with …", "Tuesday –
    the President meets …"), as in a dated list or a schedule. Read from the words, not
    the entity recogniser, which misses some ("March 2")."""
    words = list(sent)[_opening_marks(sent):]
    for end, token in enumerate(words[:6]):
        if token.text in _HEADING_MARKS:
            head = words[:end]
            if head and all(_date_word(t.lower_) for t in head):
                return " ".join(t.text for t in head)
            return None
    return None


def _date_word(word: str) -> bool:
    return word in MONTHS or word.rstrip(".") in _MONTH_ABBR or word in WEEKDAYS or \
        word.isdigit() or _ORDINAL.fullmatch(word) is not None or word == ","


def _opening_marks(sent) -> int:
    """How many tokens of bullets, brackets and the like come before a sentence's first
    word."""
    count = 0
    for token in sent:
        if not (token.is_punct or token.is_space):
            break
        count += 1
    return count


def reporting_verb(trigger, speech_verbs: frozenset[str]):
    """The verb of saying whose complement the trigger's clause is ("Biden confirmed that
    he had spoken with Netanyahu"), if any."""
    token = trigger
    for _ in range(6):
        if token.dep_ not in ("ccomp", "conj", "xcomp", "dobj", "pobj", "prep"):
            return None
        token = token.head
        if token.pos_ in VERBAL and token.lemma_.lower() in speech_verbs:
            return token
    return None


def is_past(verb) -> bool:
    """A verb in a past form, or with a perfect or past auxiliary ("had spoken")."""
    if verb.tag_ in ("VBD",):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD",) or
               (c.lemma_ == "have" and c.dep_ == "aux") for c in verb.children) or \
        verb.tag_ == "VBN"
