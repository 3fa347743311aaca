"""Pick events at random from a graph, for judging extraction precision by hand.

    python scripts/sample_events.py GRAPH [-n 50] [--seed 2026] [-o sample.jsonl]

Prints each picked event with the sentence that is its evidence, and writes a JSONL file
of references to them (document id, evidence offsets, relation, labels, factuality,
date) with an empty ``judgement`` for the judge to fill in: ``correct`` or ``wrong``, and
a ``note``. The sentences themselves are not written to the file (they are the corpus's
text, which stays out of the repository); ``--show FILE`` prints a judged file again
with its sentences, read from the graph.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from kg import rdfio
from kg.vocab import DCTERMS, KGO, RDF_TYPE, RDFS

CLASSES = {KGO.Conversation: "spoke_with", KGO.Attack: "attacked",
           KGO.Convening: "convened", KGO.Statement: "stated"}


def index(graph: Path) -> dict:
    """subject -> predicate -> [objects] of the whole graph."""
    out: dict = defaultdict(lambda: defaultdict(list))
    for t in rdfio.read_triples(graph):
        out[t.subject][t.predicate].append(t.object)
    return out


def describe(g: dict, event) -> dict:
    """The event as a reference record (no corpus text but the entity labels)."""
    relation = next(CLASSES[c] for c in g[event][RDF_TYPE] if c in CLASSES)
    label = lambda node: g[node][RDFS.label][0].value  # noqa: E731
    others = g[event][KGO.participant] + g[event][KGO.target]
    evidence = sorted(g[event][KGO.evidence], key=lambda ev: ev.value)[0]
    doc = g[evidence][DCTERMS.source][0]
    # the date the mention's article gives (kgo:reportedDate), which its sentence can be
    # judged on; a graph without reported dates gives the event's
    date = g[evidence][KGO.reportedDate] if KGO.reportedDate in g[evidence] else \
        g[event][KGO.date]
    return {
        "event": event.value,
        "doc": g[doc][DCTERMS.identifier][0].value,
        "start": int(g[evidence][KGO.start][0].value),
        "end": int(g[evidence][KGO.end][0].value),
        "relation": relation,
        "agent": label(g[event][KGO.agent][0]),
        "others": sorted(label(o) for o in others),
        "quote_words": [len(q.value.split()) for q in g[event][KGO.quote]],
        # the factuality of the mention shown, which is what its sentence can be judged on
        "factuality": g[evidence][KGO.factuality][0].value.rsplit("#", 1)[1],
        "date": date[0].value if date else None,
        "judgement": "",
        "note": "",
    }


def show(g: dict, record: dict) -> str:
    event = next(e for e in g if e.value == record["event"])
    evidence = sorted(g[event][KGO.evidence], key=lambda ev: ev.value)[0]
    quotes = [q.value for q in g[event][KGO.quote]]
    parts = [f"{record['relation']}  {record['agent']} -> {', '.join(record['others'])}",
             f"[{record['factuality']}, {record['date']}]  {record['doc']}"]
    if quotes:
        parts.append("quote: " + " | ".join(quotes))
    parts.append("sentence: " + g[evidence][KGO.text][0].value)
    if record.get("judgement"):
        parts.append(f"JUDGED {record['judgement']}: {record.get('note', '')}")
    return "\n    ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--show", type=Path, help="print a judged sample with its sentences")
    args = parser.parse_args(argv)
    g = index(args.graph)
    if args.show:
        records = [json.loads(line) for line in args.show.read_text().splitlines() if line]
        for i, record in enumerate(records, 1):
            print(f"{i:2}. {show(g, record)}")
        judged = [r for r in records if r.get("judgement")]
        correct = sum(r["judgement"] == "correct" for r in judged)
        if judged:
            print(f"\nprecision: {correct}/{len(judged)} = {correct / len(judged):.2f}")
        return 0
    events = sorted((s for s in g if any(c in CLASSES for c in g[s][RDF_TYPE])),
                    key=lambda node: node.value)
    picked = random.Random(args.seed).sample(events, min(args.n, len(events)))
    records = [describe(g, e) for e in picked]
    for i, record in enumerate(records, 1):
        print(f"{i:2}. {show(g, record)}")
    if args.output:
        args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                       for r in records))
    print(f"\n{len(records)} of {len(events)} events", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
