"""Scoring a graph's Wikidata links against a gold entities file.

The entities file (``seeds.entities.json``, see ../shared/gold/README.md) gives each
entity's canonical name, aliases and, where known, its Wikidata id. Each entity node of
the graph whose label or other names fold like a gold entry's is judged against it:

- *correct*: linked to the entry's id;
- *wrong*: linked to another id;
- *unlinked*: the entry has an id, the node has no link.

Links on nodes that no entry with an id names cannot be judged here; they are counted
and, with ``-v``, listed for a reader to check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kg.eval import GraphIndex, fold_name
from kg.rdfio import read_triples
from kg.vocab import KGO, RDF_TYPE


@dataclass
class LinkScore:
    correct: list[tuple[str, str]] = field(default_factory=list)  # (label, qid)
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (label, got, expected)
    unlinked: list[tuple[str, str]] = field(default_factory=list)  # (label, expected)
    unjudged: list[tuple[str, str]] = field(default_factory=list)  # (label, got)

    def render(self, verbose: bool = False) -> str:
        judged = len(self.correct) + len(self.wrong)
        precision = f"{len(self.correct) / judged:.2f}" if judged else "-"
        lines = [f"linking: {len(self.correct)} correct, {len(self.wrong)} wrong, "
                 f"{len(self.unlinked)} unlinked (of the entities whose gold id the graph "
                 f"holds); precision {precision}; {len(self.unjudged)} other links unjudged"]
        if verbose:
            lines += [f"  wrong: {label} -> {got}, gold {want}" for label, got, want in self.wrong]
            lines += [f"  unlinked: {label}, gold {want}" for label, want in self.unlinked]
            lines += [f"  unjudged: {label} -> {got}" for label, got in self.unjudged]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"correct": len(self.correct), "wrong": len(self.wrong),
                "unlinked": len(self.unlinked), "unjudged": len(self.unjudged)}


def _gold_ids(entities_path: str | Path) -> dict[str, str | None]:
    """Folded name or alias -> the entry's id (None when the entry has none)."""
    with open(entities_path, encoding="utf-8") as fh:
        entries = (json.load(fh).get("entities") or {})
    out: dict[str, str | None] = {}
    for canonical, entry in entries.items():
        for name in {canonical, *(entry.get("aliases") or [])}:
            out.setdefault(fold_name(name), entry.get("qid"))
    return out


def score_links(graph_path: str | Path, entities_path: str | Path,
                fmt: str | None = None) -> LinkScore:
    gold = _gold_ids(entities_path)
    graph = GraphIndex(read_triples(graph_path, fmt))
    result = LinkScore()
    entity_class = KGO.Entity.value
    nodes = [n for n, props in graph.out.items()
             if any(o.value == entity_class for o in props.get(RDF_TYPE.value, ()))]
    for node in sorted(nodes, key=lambda n: n.value):
        entity = graph.entity(node)
        label = entity.labels[0] if entity.labels else node.value
        names = {fold_name(n) for n in (*entity.labels, *entity.alt_labels)}
        got = min(entity.qids) if entity.qids else None
        expected = {gold[n] for n in names if n in gold} - {None}
        if not expected:
            if got:
                result.unjudged.append((label, got))
        elif got is None:
            result.unlinked.append((label, min(expected)))
        elif got in expected:
            result.correct.append((label, got))
        else:
            result.wrong.append((label, got, min(expected)))
    return result
