"""Consolidation: mentions of one happening become one event.

Two mentions are the same event when they have the same class, the same parties (for a
conversation in either role), the same quoted words for a statement, compatible dates
(equal, or one unknown) and compatible factuality (a negated event is never merged with
one that is not). The merged event keeps every evidence node; its factuality is the
strongest of its evidence and its date the one that is known.

Dated mentions are merged first, so an undated mention joins a dated event rather than
gluing two events of different dates together.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from kg.extract.dates import nearest_year
from kg.model import DocResult, Event, Evidence, Factuality, Relation, strongest

#: the dated articles beside an undated one must lie within this many days of each other
#: for their dates to tell the undated one's year
YEAR_SPAN_DAYS = 92


def _parties(event: Event) -> tuple:
    if event.relation == Relation.SPOKE_WITH:
        return (frozenset((event.agent, *event.others)),)
    return (event.agent, frozenset(event.others))


def _quote_key(event: Event) -> tuple[str, ...]:
    return tuple(" ".join(q.lower().split()) for q in event.quotes)


def identity(event: Event) -> tuple:
    """What two mentions must share to be one event (dates and factuality aside)."""
    return (event.relation, _parties(event), _quote_key(event),
            event.factuality == Factuality.NEGATED)


def _day(event: Event) -> tuple[int, int] | None:
    return (event.date.month, event.date.day) if event.date else event.day


def _compatible_date(a: Event, b: Event) -> bool:
    """Equal dates, or one unknown; a yearless day must agree with the other's day."""
    if a.date and b.date:
        return a.date == b.date
    return _day(a) is None or _day(b) is None or _day(a) == _day(b)


def _dated(event: Event) -> bool:
    return _day(event) is not None


def _absorb(target: Event, other: Event) -> None:
    target.evidence.extend(other.evidence)
    target.date = target.date or other.date
    target.day = target.day or other.day
    target.factuality = strongest([ev.factuality for ev in target.evidence])
    target.confidence = max(target.confidence, other.confidence)


def _order(event: Event) -> tuple:
    first = min(event.evidence, key=lambda ev: (ev.doc_id, ev.start))
    return (first.doc_id, first.start, first.end, event.relation.value, event.agent)


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge mentions of the same happening; the result is in text order."""
    pending = sorted(events, key=_order)
    merged: dict[tuple, list[Event]] = {}
    for undated_pass in (False, True):
        for event in pending:
            if _dated(event) == undated_pass:
                continue
            group = merged.setdefault(identity(event), [])
            match = next((g for g in group if _compatible_date(g, event)), None)
            if match is None:
                group.append(Event(event.relation, event.agent, event.others, event.quotes,
                                   event.factuality, event.date, event.confidence,
                                   list(event.evidence), event.day))
            else:
                _absorb(match, event)
    out = [e for group in merged.values() for e in group]
    for event in out:
        event.evidence = _unique_evidence(event.evidence)
        event.factuality = strongest([ev.factuality for ev in event.evidence])
    return sorted(out, key=_order)


def _unique_evidence(evidence: list[Evidence]) -> list[Evidence]:
    """One evidence node per sentence: two triggers of one event in one sentence are one
    mention, with the stronger factuality."""
    best: dict[tuple, Evidence] = {}
    for ev in evidence:
        key = (ev.doc_id, ev.start, ev.end)
        if key not in best or ev.factuality.strength > best[key].factuality.strength:
            best[key] = ev
    return [best[k] for k in sorted(best)]


def _folder(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[0] if "/" in doc_id else ""


def infer_years(results: list[DocResult]) -> None:
    """Give a year to days named without one ("on April 14th") in undated articles.

    An article without a date that sits among dated articles (in the same folder of the
    corpus) whose dates lie within a few months of each other is taken to be of their
    time: a day it names takes the year that puts it nearest their median date. Relative
    dates ("on Saturday") are not resolved this way: they need the article's own date.
    """
    dated: dict[str, list[dt.date]] = defaultdict(list)
    for result in results:
        if result.document.date:
            dated[_folder(result.document.id)].append(result.document.date)
    for result in results:
        if result.document.date:
            continue
        dates = sorted(dated.get(_folder(result.document.id), ()))
        if not dates or (dates[-1] - dates[0]).days > YEAR_SPAN_DAYS:
            continue
        reference = dates[len(dates) // 2]
        for event in result.events:
            if event.date is None and event.day is not None:
                event.date = nearest_year(*event.day, reference)
