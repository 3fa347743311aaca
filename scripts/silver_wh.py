"""Silver test on the White House briefing-room corpus: do readouts yield what their
titles say?

A "Readout of X's Call with Y" must yield a spoke_with event between X and Y; a
"Readout of X's Meeting with Y" a spoke_with or convened event between them. A side that
names a person of the document ("President Macron of France") must be matched by name
(or, for a title alone such as "the Vice President", by that title); a side that only
describes a group ("Baltic Leaders", "the White House") is matched by any party. The silver
set is derived here, at run time, from the titles of the corpus (nothing is copied into
the repository), and the extractor sees the body only: the reader keeps the front-matter
title out of the text.

    python scripts/silver_wh.py [CORPUS] [--limit N] [-v]

CORPUS is the tarball ../shared/corpora/wh-briefings-2021-2023.tar.gz (unpacked to a
temporary folder) or a folder of its Markdown files.
"""

from __future__ import annotations

import argparse
import re
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.api import extract_documents
from kg.corpus import iter_corpus
from kg.gazetteer import fold
from kg.lexicon import load_lexicon
from kg.model import DocResult, Document, EntityType, Relation

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "wh-briefings-2021-2023.tar.gz"

TITLE = re.compile(
    r"^Readout of (?:the )?(?P<x>.+?)(?:’s|'s|’|')?\s+"
    r"(?:Bilateral |Virtual |Phone |Video |Secure Video |Telephone |Trilateral )?"
    r"(?P<kind>Call|Calls|Meeting|Meetings)\s+with\s+(?P<y>.+)$")
STOP = {"of", "the", "and", "with", "his", "her", "their", "on", "in", "for", "to", "a", "an",
        "jr", "jr.", "mr", "mr.", "ms", "ms.", "dr", "dr."}


@dataclass
class Readout:
    """What a readout's title promises."""

    document: Document
    kind: str  # "call" or "meeting"
    x: str
    y: str

    @property
    def relations(self) -> set[Relation]:
        if self.kind == "call":
            return {Relation.SPOKE_WITH}
        return {Relation.SPOKE_WITH, Relation.CONVENED}


def name_words(phrase: str, titles: frozenset[str]) -> set[str]:
    """The words of a title phrase that name someone: capitalised, not a title word."""
    words = re.findall(r"[\w][\w.\-]*", phrase.replace("\u00a0", " "))
    return {fold(w).rstrip(".") for w in words
            if w[:1].isupper() and fold(w) not in titles and fold(w) not in STOP
            and len(w) > 1}


def title_phrase(phrase: str, titles: frozenset[str] = frozenset()) -> str | None:
    """For a phrase that is only a title ("the Vice President"), that title."""
    words = [fold(w) for w in phrase.replace("\u00a0", " ").split() if fold(w) not in STOP]
    joined = " ".join(words)
    return joined if joined in load_lexicon().titles else None


def readout(document: Document) -> Readout | None:
    """The promise of a readout's title, or None for other documents."""
    if not document.title:
        return None
    match = TITLE.match(" ".join(document.title.replace("\u00a0", " ").split()))
    if not match:
        return None
    kind = "call" if match["kind"].startswith("Call") else "meeting"
    return Readout(document, kind, match["x"], match["y"])


@dataclass
class Outcome:
    readout: Readout
    found: bool
    events: list[str] = field(default_factory=list)


def _matches(labels: set[str], phrase: str, titles: frozenset[str]) -> bool:
    words = name_words(phrase, titles)
    entity_words = {fold(w).rstrip(".") for label in labels for w in label.split()}
    if words & entity_words:
        return True
    # "the Vice President" (a title only), or an entity known by its role only ("the
    # President" in a readout that never names him) whose role the phrase gives
    title = title_phrase(phrase, titles)
    if title and any(fold(label).startswith(title) for label in labels):
        return True
    folded = fold(phrase)
    return any(title_phrase(label, titles) and re.search(rf"\b{re.escape(fold(label))}\b",
                                                         folded) for label in labels)


def names_a_person(phrase: str, result: DocResult, titles: frozenset[str]) -> bool:
    """Does the title phrase name a person of the document ("President Macron of France"),
    or only describe a group ("Baltic Leaders", "the White House")? Only a named side must
    be matched by name; a described side is matched by any party of the event."""
    words = name_words(phrase, titles)
    return any(words & {fold(w).rstrip(".") for w in e.label.split()}
               for e in result.entities.values() if e.type == EntityType.PERSON)


def judge(item: Readout, result: DocResult, titles: frozenset[str]) -> Outcome:
    """Is there an event of the promised kind between X and Y in the document?"""
    def labels(key: str) -> set[str]:
        entity = result.entities[key]
        return {entity.label, *entity.alt_labels}

    def side(key: str, phrase: str, named: bool) -> bool:
        return _matches(labels(key), phrase, titles) if named else True

    named_x = names_a_person(item.x, result, titles) or bool(title_phrase(item.x, titles))
    named_y = names_a_person(item.y, result, titles)
    outcome = Outcome(item, False)
    for event in result.events:
        if event.relation not in item.relations:
            continue
        parties = [event.agent, *event.others]
        outcome.events.append(
            f"{event.relation.value}: " + " / ".join(result.entities[k].label for k in parties))
        agent_x = side(event.agent, item.x, named_x)
        agent_y = side(event.agent, item.y, named_y)
        other_x = any(side(k, item.x, named_x) for k in event.others)
        other_y = any(side(k, item.y, named_y) for k in event.others)
        if (agent_x and other_y) or (agent_y and other_x):
            outcome.found = True
    return outcome


def readouts(corpus: Path) -> list[Readout]:
    found = []
    for item in iter_corpus([corpus]):
        if isinstance(item, Document):
            promise = readout(item)
            if promise is not None:
                found.append(promise)
    return found


def run(corpus: Path, limit: int | None = None) -> list[Outcome]:
    """Judge every readout of the corpus (the first ``limit`` of them)."""
    items = readouts(corpus)[:limit]
    titles = load_lexicon().title_words
    by_id = {item.document.id: item for item in items}
    results = extract_documents(item.document for item in items)
    return [judge(by_id[r.document.id], r, titles) for r in results
            if isinstance(r, DocResult)]


def report(outcomes: Iterable[Outcome], verbose: bool = False) -> dict[str, tuple[int, int]]:
    """Per kind: (readouts that yield the promised event, readouts)."""
    totals: dict[str, list[int]] = {"call": [0, 0], "meeting": [0, 0]}
    for outcome in outcomes:
        totals[outcome.readout.kind][0] += outcome.found
        totals[outcome.readout.kind][1] += 1
        if verbose and not outcome.found:
            print(f"MISS {outcome.readout.kind}: {outcome.readout.document.title}")
            for line in outcome.events:
                print(f"     {line}")
    return {k: (v[0], v[1]) for k, v in totals.items()}


def unpacked(corpus: Path, workdir: Path) -> Path:
    if corpus.is_dir():
        return corpus
    with tarfile.open(corpus) as tar:
        tar.extractall(workdir, filter="data")
    return workdir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: not found", file=sys.stderr)
        return 3
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = run(unpacked(args.corpus, Path(tmp)), args.limit)
        totals = report(outcomes, args.verbose)
    for kind, (found, total) in totals.items():
        share = found / total if total else 0.0
        print(f"{kind:8} {found:4}/{total:<4} {share:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
