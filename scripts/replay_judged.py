"""Replay every hand-judged event (eval/*.jsonl, eval/dev/*.jsonl) against a new build.

Each judged record names a mention: its document, evidence offsets, relation, agent,
other parties and factuality. A build of the same documents by newer code either makes
that same mention again (the judgement still holds: it is carried over), makes a mention
of the same relation on the same sentence that differs (it needs judging again; a mention
whose parties are only labelled otherwise, "Biden" for "Joseph Robinette Biden", keeps its
judgement), or no
longer makes it (an error fixed, or a correct event lost). Over the 1,570 judgements this
shows at once what a change fixed and what it broke, without waiting for a new sample
(which stays the measure of issue 3: a replay only sees events judged before).

    python scripts/replay_judged.py link WH_ROOT DIR     # links the judged documents
    kgbuild DIR -o replay.nt -j 2                        # build them with this code
    python scripts/replay_judged.py compare replay.nt [--show wrong|changed|lost] [--overlap]
    python scripts/replay_judged.py compare replay.nt --against base.nt [--overlap]

WH_ROOT is the folder holding ``wh-briefings-2021-2023`` (where the tarball was
unpacked), so that document ids match the judged ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from sample_events import CLASSES, index

from kg.vocab import DCTERMS, KGO, RDF_TYPE, RDFS

EVAL = Path(__file__).resolve().parent.parent / "eval"


def judged() -> list[dict]:
    """Every judged record, the latest judgement of a mention winning (files in order)."""
    records: dict[tuple, dict] = {}
    # in the order they were judged: "50", "50b" … "50z", then "50aa" … (not "50ai" before
    # "50o", as a plain sort of the names would put them)
    files = sorted(EVAL.glob("*.jsonl"), key=lambda p: (len(p.stem), p.stem)) + \
        sorted((EVAL / "dev").glob("*.jsonl"))
    for path in files:
        for line in path.read_text().splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("judgement") not in ("correct", "wrong"):
                continue
            record["file"] = path.name
            records[_key(record)] = record
    return list(records.values())


def _site(record: dict) -> tuple:
    return record["doc"], record["start"], record["end"], record["relation"]


def _key(record: dict) -> tuple:
    return (*_site(record), record["agent"], tuple(sorted(record["others"])),
            record["factuality"])


def _words(label: str) -> frozenset[str]:
    return frozenset(label.lower().replace(".", " ").replace(",", " ").split())


def _same_label(a: str, b: str) -> bool:
    """Labels of one referent as two builds may write them ("Joseph Robinette Biden" and
    "Biden", "Taoiseach" and "Taoiseach of Ireland"): the words of one among the other's."""
    x, y = _words(a), _words(b)
    return bool(x and y) and (x <= y or y <= x)


def _relabelled(record: dict, mention: dict) -> bool:
    """The same mention but for the labels of its parties (in either role for a
    conversation)."""
    if record["factuality"] != mention["factuality"]:
        return False
    mine = [record["agent"], *record["others"]]
    theirs = [mention["agent"], *mention["others"]]
    if len(mine) != len(theirs):
        return False
    if record["relation"] != "spoke_with" and not _same_label(mine[0], theirs[0]):
        return False
    rest = theirs[1:] if record["relation"] != "spoke_with" else theirs
    return all(any(_same_label(m, t) for t in rest)
               for m in (mine[1:] if record["relation"] != "spoke_with" else mine))


def link(root: Path, out: Path) -> int:
    docs = sorted({r["doc"] for r in judged()})
    for doc in docs:
        target = out / doc
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.symlink_to((root / doc).resolve())
    print(f"{len(docs)} documents linked under {out}")
    return 0


def mentions(graph: Path) -> dict[tuple, list[dict]]:
    """site -> the graph's mentions there (one per evidence node of each event)."""
    g = index(graph)
    label = lambda node: g[node][RDFS.label][0].value  # noqa: E731
    out: dict[tuple, list[dict]] = defaultdict(list)
    for props in g.values():
        relation = next((CLASSES[c] for c in props[RDF_TYPE] if c in CLASSES), None)
        if relation is None:
            continue
        others = sorted(label(o) for o in props[KGO.participant] + props[KGO.target])
        for evidence in props[KGO.evidence]:
            ev = g[evidence]
            record = {
                "doc": g[ev[DCTERMS.source][0]][DCTERMS.identifier][0].value,
                "start": int(ev[KGO.start][0].value), "end": int(ev[KGO.end][0].value),
                "relation": relation, "agent": label(props[KGO.agent][0]),
                "others": others,
                "factuality": ev[KGO.factuality][0].value.rsplit("#", 1)[1],
                "text": ev[KGO.text][0].value,
            }
            out[_site(record)].append(record)
    return out


def _overlapping(found: dict[tuple, list[dict]]) -> dict[tuple, list[dict]]:
    """(document, relation) -> the graph's mentions of that relation in that document."""
    out: dict[tuple, list[dict]] = defaultdict(list)
    for (doc, _start, _end, relation), here in found.items():
        out[doc, relation] += here
    return out


def _same(record: dict, mention: dict) -> bool:
    """The judged mention, made again (its evidence where it may have moved)."""
    moved = {**mention, "start": record["start"], "end": record["end"]}
    return _key(moved) == _key(record) or _relabelled(record, mention)


def replay(graph: Path, overlap: bool = False) -> list[tuple[str, dict, list[dict]]]:
    """(status, judged record, the graph's mentions there) for every judged record: status
    "made" (made again as judged), "changed" (other mentions on its sentence) or "lost"."""
    found = mentions(graph)
    by_doc = _overlapping(found) if overlap else {}
    out = []
    for record in judged():
        if overlap:  # the same mention on a sentence cut otherwise
            here = [m for m in by_doc.get((record["doc"], record["relation"]), [])
                    if m["start"] < record["end"] and record["start"] < m["end"]]
        else:
            here = found.get(_site(record), [])
        same = [m for m in here if _same(record, m)]
        out.append(("made", record, same) if same else
                   ("changed", record, here) if here else ("lost", record, []))
    return out


def against(graph: Path, base: Path, overlap: bool = False) -> int:
    """Print the judged mentions that ``graph`` treats otherwise than ``base`` does."""
    before = {_key(r): (status, here) for status, r, here in replay(base, overlap)}
    moved = [(before[_key(r)], status, r, now) for status, r, now in replay(graph, overlap)
             if before[_key(r)][0] != status]
    for (old, there), new, r, now in sorted(moved, key=lambda m: (m[2]["judgement"],
                                                                  m[0][0], m[1])):
        print(f"\n{old} -> {new}", end="")
        text = (now or there)[0]["text"] if now or there else ""
        _print(r, text, now if new == "changed" else None)
    gained = sum((new == "made") - (old == "made") for (old, _), new, r, _ in moved
                 if r["judgement"] == "correct")
    dropped = sum((old == "made") - (new == "made") for (old, _), new, r, _ in moved
                  if r["judgement"] == "wrong")
    print(f"\n{len(moved)} judged mentions treated otherwise: correct ones made again "
          f"{gained:+d}, wrong ones no longer made as judged {dropped:+d}")
    return 0


def compare(graph: Path, show: str | None, overlap: bool = False) -> int:
    replayed = replay(graph, overlap)
    carried = [(r, now) for status, r, now in replayed if status == "made"]
    changed = [(r, now) for status, r, now in replayed if status == "changed"]
    lost = [r for status, r, _ in replayed if status == "lost"]
    right = sum(r["judgement"] == "correct" for r, _ in carried)
    print(f"judged mentions: {len(carried) + len(changed) + len(lost)}")
    print(f"made again: {len(carried)}, of them judged correct {right} "
          f"({right / max(len(carried), 1):.3f})")
    for name, group in (("changed (same sentence and relation)", [r for r, _ in changed]),
                        ("no longer made", lost)):
        wrong = sum(r["judgement"] == "wrong" for r in group)
        print(f"{name}: {len(group)}, of them judged wrong before {wrong}")
    if show == "wrong":
        for r, now in carried:
            if r["judgement"] == "wrong":
                _print(r, now[0]["text"])
    elif show == "changed":
        for r, now in changed:
            _print(r, now[0]["text"], now)
    elif show == "lost":
        for r in lost:
            _print(r, "")
    return 0


def _print(record: dict, text: str, now: list[dict] | None = None) -> None:
    print(f"\n[{record['judgement']}] {record['relation']} {record['agent']} -> "
          f"{', '.join(record['others'])} [{record['factuality']}]  {record['doc']} "
          f"({record['file']})")
    if text:
        print(f"    sentence: {text}")
    if record.get("note"):
        print(f"    note: {record['note']}")
    for m in now or []:
        print(f"    now: {m['agent']} -> {', '.join(m['others'])} [{m['factuality']}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("link", help="link the judged documents under DIR")
    p.add_argument("root", type=Path)
    p.add_argument("out", type=Path)
    p = sub.add_parser("compare", help="replay the judgements on a build of them")
    p.add_argument("graph", type=Path)
    p.add_argument("--show", choices=("wrong", "changed", "lost"))
    p.add_argument("--overlap", action="store_true",
                   help="match a judged mention by evidence that overlaps its own, not by "
                        "the same offsets (for code that cuts sentences otherwise)")
    p.add_argument("--against", type=Path, metavar="BASE",
                   help="instead, print the judged mentions this graph treats otherwise "
                        "than the graph BASE (a build of the same documents by other code)")
    args = parser.parse_args(argv)
    if args.command == "link":
        return link(args.root, args.out)
    if args.against:
        return against(args.graph, args.against, args.overlap)
    return compare(args.graph, args.show, args.overlap)


if __name__ == "__main__":
    sys.exit(main())
