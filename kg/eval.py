"""Score an event graph against gold annotations (``../shared/gold/README.md``).

The graph is any file :func:`kg.rdfio.read_triples` reads; the gold is a JSONL file of
event lines with a companion ``<gold stem>.entities.json`` (canonical names, their
aliases and Wikidata ids).

Predictions
    An event is a node typed ``kgo:Conversation`` (spoke_with), ``kgo:Attack``
    (attacked), ``kgo:Convening`` (convened) or ``kgo:Statement`` (stated). It belongs to
    document *D* when its ``prov:wasDerivedFrom`` or one of its evidence nodes'
    ``dcterms:source`` is the node whose ``dcterms:identifier`` is *D* (an event of
    several documents is one prediction in each). A graph identifier that is not a gold
    document id stands for the gold document of the same file name (the part after the
    last ``/``) when that is unambiguous. Its factuality in *D* is the strongest
    (asserted > future > hypothetical > negated) of its evidence nodes from *D*, else
    the event's ``kgo:factuality``; its date in *D* is the ``kgo:reportedDate`` of its
    evidence nodes from *D* (none if they have none) in a graph that gives reported
    dates, else the event's ``kgo:date``, which is also scored on its own as the *event
    date* (an event that several articles report has one date). An entity's names are its
    ``rdfs:label`` and ``skos:altLabel`` values, its Wikidata ids the ``wd:Q…`` objects
    of ``owl:sameAs``.

Gold
    A gold name stands for itself plus, when it (or one of its aliases) is an entry of
    the entities file, that entry's canonical name, aliases and qid. ``others`` lists
    acceptable names; one match is enough. Factuality ``uncertain`` counts as
    ``hypothetical``. An empty gold agent (an anonymous speaker) matches any agent, and
    an empty ``others`` any other party.

Matching one prediction against one gold line of the same relation
    * Names are folded before comparison: case-folded, runs of whitespace made one
      space, ends stripped, a leading ``"the "`` dropped.
    * An entity matches a gold name when a Wikidata id agrees, or one of its labels or
      altLabels equals one of the gold name's names, or the gold name is a person name
      (two to four capitalised words, the last not an institutional word such as
      "States" or "House") whose surname (last word) occurs as a whole word in the
      entity's ``rdfs:label``.
    * spoke_with: the pair {agent, one participant} matches {gold agent, one of gold
      ``others``} in either order. attacked / convened: the agent matches the gold agent
      and at least one target / participant matches one of ``others``.
    * stated: the speaker matches the gold agent, and one of the event's ``kgo:quote``
      values matches the gold quote. Quotes are folded (case-folded, the quotation marks
      ‘ ’ “ ” " ' removed, whitespace made single spaces); they match when the folded
      gold quote occurs in the folded predicted quote at word boundaries, or when the two
      "overlap in most of their words": the shared word tokens (``\\w+`` runs, counted
      with multiplicity) are more than :data:`OVERLAP_THRESHOLD` (half) of the tokens of
      the longer one, so a long quote does not match a short one by its common words.

Assignment
    Per document and relation, predictions and gold lines are paired by a maximum-weight
    bipartite matching (Hungarian algorithm, deterministic for a given input order) whose
    weights rank, in this order: the number of non-optional lines matched, the number of
    pairs, then agreement of factuality and of date. Optional lines therefore never take
    a prediction that a required line could have had.

Counting
    Per relation over the non-optional lines: TP = predictions paired with a
    non-optional line, FP = predictions paired with nothing (duplicates included), FN =
    non-optional lines left unpaired; a prediction paired with an optional line counts
    neither way. Micro-averages sum the counts of the four relations. Precision, recall
    and F1 with a zero denominator are 0.0.

    A *false assertion* is a prediction asserted in its document that matches (by the
    rules above, paired or not) a line of that document and relation whose factuality is
    negated, hypothetical or uncertain, optional or not, unless it is paired with an
    asserted or future line.

    Factuality accuracy is counted over the pairs with a non-optional line; date accuracy
    over those of them whose gold line has a ``date`` field (``stated`` lines have none):
    exact equality of the ISO date, a gold ``null`` agreeing with a missing date.

Documents of the gold that the graph lacks count as all missed; events of documents not
in the gold are ignored and reported in a note.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.rdfio import read_triples
from kg.vocab import DCTERMS, KGO, OWL, PROV, RDF_TYPE, RDFS, SKOS, WD

RELATIONS: tuple[str, ...] = ("spoke_with", "attacked", "convened", "stated")

#: event class IRI -> relation name
EVENT_CLASSES: dict[str, str] = {
    KGO.Conversation.value: "spoke_with",
    KGO.Attack.value: "attacked",
    KGO.Convening.value: "convened",
    KGO.Statement.value: "stated",
}

#: factuality name -> strength (asserted > future > hypothetical > negated)
STRENGTH: dict[str, int] = {"asserted": 3, "future": 2, "hypothetical": 1, "negated": 0}

#: the share of the shorter quote's word tokens two quotes must share to match
OVERLAP_THRESHOLD = 0.5

#: last words that make a capitalised multi-word name an institution or place, not a person
_NON_PERSON = """
states kingdom nations republic union emirates house office council forces ministry
department government army military navy party league court bank agency committee
organization organisation corps guard guards command authority commission parliament
senate congress assembly police service services group news times post press network
company inc ltd city island islands sea ocean gulf strip
"""
NON_PERSON_WORDS = frozenset(_NON_PERSON.split())

_QUOTE_MARKS = {ord(c): None for c in "‘’“”\"'"}
_WORD = re.compile(r"\w+")
_P_AGENT = KGO.agent.value
_P_PARTICIPANT = KGO.participant.value
_P_TARGET = KGO.target.value
_P_QUOTE = KGO.quote.value
_P_FACTUALITY = KGO.factuality.value
_P_DATE = KGO.date.value
_P_REPORTED = KGO.reportedDate.value
_P_EVIDENCE = KGO.evidence.value
_P_TEXT = KGO.text.value
_P_DERIVED = PROV.wasDerivedFrom.value
_P_SOURCE = DCTERMS.source.value
_P_IDENTIFIER = DCTERMS.identifier.value
_P_LABEL = RDFS.label.value
_P_ALTLABEL = SKOS.altLabel.value
_P_SAMEAS = OWL.sameAs.value
_P_TYPE = RDF_TYPE.value


# --------------------------------------------------------------------------- folding


def fold_name(name: str) -> str:
    """Case-fold, collapse whitespace and drop a leading ``"the "``."""
    folded = " ".join(name.casefold().split())
    return folded[4:] if folded.startswith("the ") else folded


def fold_quote(text: str) -> str:
    """Case-fold, remove quotation marks and collapse whitespace."""
    return " ".join(text.casefold().translate(_QUOTE_MARKS).split())


def words(text: str) -> list[str]:
    """The word tokens (``\\w+`` runs) of already folded text."""
    return _WORD.findall(text)


def quotes_match(gold: str, predicted: str) -> bool:
    """Containment of the folded gold quote, or shared words that are most of both."""
    g, p = fold_quote(gold), fold_quote(predicted)
    if not g or not p:
        return False
    if re.search(r"(?<!\w)" + re.escape(g) + r"(?!\w)", p):
        return True
    gw, pw = Counter(words(g)), Counter(words(p))
    longer = max(sum(gw.values()), sum(pw.values()))
    if longer == 0:
        return False
    shared = sum((gw & pw).values())
    return shared > OVERLAP_THRESHOLD * longer


def surname(name: str) -> tuple[str, ...] | None:
    """The folded word tokens of a person name's last word, or None if not a person name.

    A person name has two to four words, each beginning with an upper-case letter, and
    its last word is not an institutional word (:data:`NON_PERSON_WORDS`).
    """
    parts = name.split()
    if not 2 <= len(parts) <= 4:
        return None
    if not all(p[0].isupper() and not any(c.isdigit() for c in p) for p in parts):
        return None
    last = parts[-1].casefold()
    if last in NON_PERSON_WORDS or len(last) < 2:
        return None
    return tuple(words(last)) or None


def _contains_words(haystack: list[str], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(tuple(haystack[i : i + n]) == needle for i in range(len(haystack) - n + 1))


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldName:
    """A gold name with everything it may be matched by."""

    display: str
    names: frozenset[str]  # folded
    qids: frozenset[str]
    surname: tuple[str, ...] | None

    @property
    def wildcard(self) -> bool:
        """An empty gold name (an anonymous speaker) matches anyone."""
        return not self.display.strip()


@dataclass(frozen=True)
class GoldLine:
    """One line of the gold JSONL file."""

    index: int  # 1-based line number
    doc: str
    relation: str
    agent: GoldName
    others: tuple[GoldName, ...]
    quote: str | None
    factuality: str  # normalised: uncertain -> hypothetical
    raw_factuality: str
    date: str | None
    has_date: bool
    evidence: str | None
    optional: bool

    def describe(self) -> str:
        """``doc  relation  agent → others / “quote”  [factuality, date]  evidence``."""
        if self.relation == "stated":
            what = f"“{self.quote}”"
        else:
            what = " | ".join(o.display for o in self.others) or "?"
        tags = self.raw_factuality + (f", {self.date}" if self.date else "")
        tags += ", optional" if self.optional else ""
        text = f"{self.doc}  {self.relation}  {self.agent.display or '?'} → {what}  [{tags}]"
        return text + (f"  evidence: “{self.evidence}”" if self.evidence else "")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "line": self.index,
            "doc": self.doc,
            "relation": self.relation,
            "agent": self.agent.display,
            "factuality": self.raw_factuality,
            "optional": self.optional,
        }
        if self.relation == "stated":
            out["quote"] = self.quote
        else:
            out["others"] = [o.display for o in self.others]
        if self.has_date:
            out["date"] = self.date
        if self.evidence:
            out["evidence"] = self.evidence
        return out


class NameBook:
    """The entities file: folded name or alias -> (canonical, aliases, qid)."""

    def __init__(self, entities: dict[str, Any] | None = None) -> None:
        self._by_name: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        for canonical, entry in ((entities or {}).get("entities") or {}).items():
            names = {canonical, *(entry.get("aliases") or [])}
            folded = frozenset(fold_name(n) for n in names if n.strip())
            qid = entry.get("qid")
            qids = frozenset({qid}) if qid else frozenset()
            for name in folded:
                self._by_name.setdefault(name, (folded, qids))

    @classmethod
    def load(cls, path: str | Path | None) -> NameBook:
        if path is None:
            return cls()
        with open(path, encoding="utf-8") as fh:
            return cls(json.load(fh))

    def gold_name(self, name: str) -> GoldName:
        """A gold name expanded with the aliases and qid of its entry."""
        own = fold_name(name)
        names, qids = self._by_name.get(own, (frozenset(), frozenset()))
        names = names | {own} if own else names
        return GoldName(display=name, names=names, qids=qids, surname=surname(name))


def _gold_line(index: int, record: dict[str, Any], book: NameBook) -> GoldLine:
    relation = record.get("relation")
    if relation not in RELATIONS:
        raise ValueError(f"gold line {index}: unknown relation {relation!r}")
    if not isinstance(record.get("doc"), str):
        raise ValueError(f"gold line {index}: no 'doc'")
    quote = record.get("quote")
    if relation == "stated" and not isinstance(quote, str):
        raise ValueError(f"gold line {index}: a 'stated' line needs a 'quote'")
    raw_fact = str(record.get("factuality") or "asserted").lower()
    fact = "hypothetical" if raw_fact == "uncertain" else raw_fact
    if fact not in STRENGTH:
        raise ValueError(f"gold line {index}: unknown factuality {raw_fact!r}")
    others = record.get("others") or []
    return GoldLine(
        index=index,
        doc=record["doc"],
        relation=relation,
        agent=book.gold_name(record.get("agent") or ""),
        others=tuple(book.gold_name(o) for o in others),
        quote=quote,
        factuality=fact,
        raw_factuality=raw_fact,
        date=record.get("date"),
        has_date="date" in record,
        evidence=record.get("evidence"),
        optional=bool(record.get("optional", False)),
    )


def load_gold(gold_path: str | Path, entities_path: str | Path | None = None) -> list[GoldLine]:
    """The gold lines, names expanded with the entities file (default: beside the gold)."""
    gold_path = Path(gold_path)
    if entities_path is None:
        beside = gold_path.with_name(f"{gold_path.stem}.entities.json")
        entities_path = beside if beside.exists() else None
    book = NameBook.load(entities_path)
    lines = []
    with open(gold_path, encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{gold_path}:{number}: not JSON: {exc}") from exc
            lines.append(_gold_line(number, record, book))
    return lines


# --------------------------------------------------------------------------- graph


@dataclass(frozen=True)
class PredEntity:
    """A participant of a predicted event, with its names."""

    iri: str
    labels: tuple[str, ...]
    alt_labels: tuple[str, ...]
    qids: frozenset[str]

    @property
    def display(self) -> str:
        return self.labels[0] if self.labels else (self.alt_labels or (self.iri,))[0]

    def matches(self, gold: GoldName) -> bool:
        """Wikidata id, equal (folded) name, or the gold surname as a word of a label."""
        if gold.wildcard:
            return True
        if self.qids & gold.qids:
            return True
        if any(fold_name(n) in gold.names for n in self.labels + self.alt_labels):
            return True
        if gold.surname:
            return any(_contains_words(words(fold_name(n)), gold.surname) for n in self.labels)
        return False


@dataclass(frozen=True)
class Prediction:
    """One event of the graph as seen from one document."""

    event: str
    doc: str
    relation: str
    agents: tuple[PredEntity, ...]
    others: tuple[PredEntity, ...]
    quotes: tuple[str, ...]
    factuality: str | None
    dates: tuple[str, ...]
    evidence: tuple[str, ...]
    event_dates: tuple[str, ...] = ()

    def describe(self) -> str:
        """``doc  relation  agent → others / “quote”  [factuality, date]  evidence``."""
        agent = " | ".join(a.display for a in self.agents) or "?"
        if self.relation == "stated":
            what = " | ".join(f"“{q}”" for q in self.quotes) or "?"
        else:
            what = " | ".join(o.display for o in self.others) or "?"
        tags = ", ".join([self.factuality or "no factuality", *self.dates])
        text = f"{self.doc}  {self.relation}  {agent} → {what}  [{tags}]"
        return text + "".join(f"  evidence: “{e}”" for e in self.evidence)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "event": self.event,
            "doc": self.doc,
            "relation": self.relation,
            "agent": [a.display for a in self.agents],
            "factuality": self.factuality,
            "date": self.dates[0] if self.dates else None,
            "evidence": list(self.evidence),
        }
        if self.relation == "stated":
            out["quotes"] = list(self.quotes)
        else:
            out["others"] = [o.display for o in self.others]
        return out


class GraphIndex:
    """Subject -> predicate IRI -> objects, built once from the triples."""

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self.out: dict[Any, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for t in triples:
            self.out[t.subject][t.predicate.value].append(t.object)

    def objects(self, subject: Any, predicate: str) -> list[Any]:
        node = self.out.get(subject)
        return node.get(predicate, []) if node else []

    def literals(self, subject: Any, predicate: str) -> tuple[str, ...]:
        """The distinct literal values, sorted."""
        values = {o.value for o in self.objects(subject, predicate) if isinstance(o, ox.Literal)}
        return tuple(sorted(values))

    def doc_ids(self) -> dict[Any, str]:
        """Document node -> its ``dcterms:identifier``."""
        ids = {}
        for subject, props in self.out.items():
            for obj in props.get(_P_IDENTIFIER, []):
                if isinstance(obj, ox.Literal):
                    ids[subject] = obj.value
        return ids

    def entity(self, node: Any) -> PredEntity:
        qids = set()
        for obj in self.objects(node, _P_SAMEAS):
            if isinstance(obj, ox.NamedNode) and obj.value.startswith(WD.iri):
                qids.add(obj.value[len(WD.iri) :])
        return PredEntity(
            iri=str(node.value) if hasattr(node, "value") else str(node),
            labels=self.literals(node, _P_LABEL),
            alt_labels=self.literals(node, _P_ALTLABEL),
            qids=frozenset(qids),
        )


def _factuality_name(term: Any) -> str | None:
    """``kgo:Asserted`` (or a literal ``"asserted"``) -> ``"asserted"``."""
    value = term.value if hasattr(term, "value") else str(term)
    name = re.split(r"[#/]", value)[-1].lower()
    if name == "uncertain":
        name = "hypothetical"
    return name if name in STRENGTH else None


def _strongest(terms: Iterable[Any]) -> str | None:
    names = [n for n in (_factuality_name(t) for t in terms) if n]
    return max(names, key=STRENGTH.__getitem__) if names else None


def _iso_date(value: str) -> str:
    match = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return match.group(0) if match else value


def _event_docs(graph: GraphIndex, event: Any, doc_ids: dict[Any, str]) -> dict[str, list[Any]]:
    """Document id -> the event's evidence nodes from it (possibly none)."""
    docs: dict[str, list[Any]] = {}
    for doc in graph.objects(event, _P_DERIVED):
        if doc in doc_ids:
            docs.setdefault(doc_ids[doc], [])
    for ev in graph.objects(event, _P_EVIDENCE):
        for doc in graph.objects(ev, _P_SOURCE):
            if doc in doc_ids:
                docs.setdefault(doc_ids[doc], []).append(ev)
    return docs


def _dates(graph: GraphIndex, node: Any, prop: str) -> tuple[str, ...]:
    return tuple(sorted({_iso_date(d) for d in graph.literals(node, prop)}))


def _predictions_of(
    graph: GraphIndex, event: Any, relation: str, doc_ids: dict[Any, str], reported: bool
) -> Iterator[Prediction]:
    """The predictions of one event node: one per document it belongs to."""
    agents = tuple(graph.entity(a) for a in graph.objects(event, _P_AGENT))
    others_nodes = graph.objects(event, _P_PARTICIPANT) + graph.objects(event, _P_TARGET)
    others = tuple(graph.entity(o) for o in dict.fromkeys(others_nodes))
    quotes = graph.literals(event, _P_QUOTE)
    dates = _dates(graph, event, _P_DATE)
    event_fact = _strongest(graph.objects(event, _P_FACTUALITY))
    for doc, evidence in sorted(_event_docs(graph, event, doc_ids).items()):
        facts = [f for ev in evidence for f in graph.objects(ev, _P_FACTUALITY)]
        doc_dates = tuple(sorted({d for ev in evidence for d in _dates(graph, ev, _P_REPORTED)}))
        yield Prediction(
            event=event.value if hasattr(event, "value") else str(event),
            doc=doc,
            relation=relation,
            agents=agents,
            others=others,
            quotes=quotes,
            factuality=_strongest(facts) or event_fact,
            dates=doc_dates if reported else dates,
            evidence=tuple(t for ev in evidence for t in graph.literals(ev, _P_TEXT)),
            event_dates=dates,
        )


def load_predictions(triples: Iterable[ox.Triple]) -> list[Prediction]:
    """Every (event, document) pair of the graph, sorted by document and event."""
    graph = GraphIndex(triples)
    doc_ids = graph.doc_ids()
    reported = any(_P_REPORTED in props for props in graph.out.values())
    preds = []
    for subject, props in graph.out.items():
        for cls in props.get(_P_TYPE, []):
            relation = EVENT_CLASSES.get(getattr(cls, "value", ""))
            if relation:
                preds.extend(_predictions_of(graph, subject, relation, doc_ids, reported))
    return sorted(preds, key=lambda p: (p.doc, RELATIONS.index(p.relation), p.event))


def _align_doc_ids(preds: list[Prediction], gold_docs: set[str]) -> list[Prediction]:
    """Map graph document ids that are not gold ids to the gold id of the same file name."""
    by_base: dict[str, set[str]] = defaultdict(set)
    for d in gold_docs:
        by_base[d.rsplit("/", 1)[-1]].add(d)
    graph_docs = {p.doc for p in preds}
    graph_by_base: dict[str, set[str]] = defaultdict(set)
    for d in graph_docs - gold_docs:
        graph_by_base[d.rsplit("/", 1)[-1]].add(d)
    alias = {}
    for base, ds in graph_by_base.items():
        targets = by_base.get(base, set())
        if len(ds) == 1 and len(targets) == 1 and not targets & graph_docs:
            alias[next(iter(ds))] = next(iter(targets))
    if not alias:
        return preds
    return [_with_doc(p, alias.get(p.doc, p.doc)) for p in preds]


def _with_doc(pred: Prediction, doc: str) -> Prediction:
    if doc == pred.doc:
        return pred
    return replace(pred, doc=doc)


# --------------------------------------------------------------------------- matching


def _any_match(entities: tuple[PredEntity, ...], names: tuple[GoldName, ...]) -> bool:
    return any(e.matches(g) for g in names for e in entities)


def _party_match(ents: tuple[PredEntity, ...], gold: GoldName) -> bool:
    return gold.wildcard or _any_match(ents, (gold,))


def _others_match(ents: tuple[PredEntity, ...], names: tuple[GoldName, ...]) -> bool:
    return not names or _any_match(ents, names)


def matches(pred: Prediction, gold: GoldLine) -> bool:
    """Whether a prediction matches a gold line by the participant and quote rules."""
    if pred.relation != gold.relation or pred.doc != gold.doc:
        return False
    if gold.relation == "stated":
        return _party_match(pred.agents, gold.agent) and any(
            quotes_match(gold.quote or "", q) for q in pred.quotes
        )
    straight = _party_match(pred.agents, gold.agent) and _others_match(pred.others, gold.others)
    if straight or gold.relation != "spoke_with":
        return straight
    return _others_match(pred.agents, gold.others) and _party_match(pred.others, gold.agent)


def _date_agrees(pred: Prediction, gold: GoldLine, event: bool = False) -> bool:
    dates = pred.event_dates if event else pred.dates
    return gold.date in dates if gold.date else not dates


def _weights(
    edges: list[tuple[int, int]], preds: list[Prediction], golds: list[GoldLine]
) -> dict[tuple[int, int], int]:
    """Lexicographic weights: required lines, then pairs, then factuality, then date."""
    agree_max = 3 * len(edges) + 1
    pair = agree_max
    required = (pair + 3) * (len(edges) + 1)
    weights = {}
    for i, j in edges:
        p, g = preds[i], golds[j]
        w = pair + (0 if g.optional else required)
        w += 2 if p.factuality == g.factuality else 0
        w += 1 if g.has_date and _date_agrees(p, g) else 0
        weights[(i, j)] = w
    return weights


def hungarian(weights: list[list[int]]) -> list[int]:
    """Maximum-weight assignment of a square matrix: the column of each row."""
    n = len(weights)
    cost = [[-w for w in row] for row in weights]
    u, v = [0] * (n + 1), [0] * (n + 1)
    owner, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        owner[0], j0 = i, 0
        minv, used = [math.inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], math.inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    assignment = [0] * n
    for j in range(1, n + 1):
        assignment[owner[j] - 1] = j - 1
    return assignment


def assign(preds: list[Prediction], golds: list[GoldLine]) -> dict[int, int]:
    """Prediction index -> gold index: the preferred maximum matching (see module doc)."""
    edges = [(i, j) for i, p in enumerate(preds) for j, g in enumerate(golds) if matches(p, g)]
    if not edges:
        return {}
    rows = sorted({i for i, _ in edges})
    cols = sorted({j for _, j in edges})
    weights = _weights(edges, preds, golds)
    size = max(len(rows), len(cols))
    matrix = [
        [
            weights.get((rows[r], cols[c]), 0) if r < len(rows) and c < len(cols) else 0
            for c in range(size)
        ]
        for r in range(size)
    ]
    pairs = {}
    for r, c in enumerate(hungarian(matrix)):
        if r < len(rows) and c < len(cols) and (rows[r], cols[c]) in weights:
            pairs[rows[r]] = cols[c]
    return pairs


# --------------------------------------------------------------------------- results


@dataclass
class RelationCounts:
    """True positives, false positives and false negatives of one relation."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: RelationCounts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """``correct`` of ``total`` pairs."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def render(self) -> str:
        shown = f"{self.value:.2f}" if self.value is not None else "n/a"
        return f"{shown} ({self.correct}/{self.total})"

    def to_dict(self) -> dict[str, Any]:
        value = round(self.value, 4) if self.value is not None else None
        return {"accuracy": value, "correct": self.correct, "total": self.total}


@dataclass(frozen=True)
class FalseAssertion:
    """An asserted prediction of something the article says did not or may not happen."""

    prediction: Prediction
    gold: GoldLine

    def to_dict(self) -> dict[str, Any]:
        return {"prediction": self.prediction.to_dict(), "gold": self.gold.to_dict()}


@dataclass
class EvalResult:
    """The scores of one graph against one gold file."""

    relations: dict[str, RelationCounts] = field(
        default_factory=lambda: {r: RelationCounts() for r in RELATIONS}
    )
    false_assertions: list[FalseAssertion] = field(default_factory=list)
    factuality: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    event_date: Accuracy = field(default_factory=Accuracy)
    misses: list[GoldLine] = field(default_factory=list)
    false_positives: list[Prediction] = field(default_factory=list)
    #: matched pairs whose factuality or date disagree: (what, prediction, gold line)
    disagreements: list[tuple[str, Prediction, GoldLine]] = field(default_factory=list)
    missing_docs: list[str] = field(default_factory=list)
    ignored_events: int = 0
    ignored_docs: int = 0

    @property
    def micro(self) -> RelationCounts:
        total = RelationCounts()
        for counts in self.relations.values():
            total.add(counts)
        return total

    def render(self, verbose: bool = False) -> str:
        """The score table; with ``verbose`` also every miss and false positive."""
        lines = [
            f"{'relation':<12}{'tp':>4}{'fp':>4}{'fn':>4}{'precision':>11}{'recall':>8}{'f1':>6}"
        ]
        rows = [*self.relations.items(), ("micro", self.micro)]
        for name, c in rows:
            lines.append(
                f"{name:<12}{c.tp:>4}{c.fp:>4}{c.fn:>4}{c.precision:>11.2f}"
                f"{c.recall:>8.2f}{c.f1:>6.2f}"
            )
        lines.append(f"false assertions: {len(self.false_assertions)}")
        for fa in self.false_assertions:
            lines.append(f"  {fa.prediction.describe()}")
            lines.append(f"    gold line {fa.gold.index}: {fa.gold.describe()}")
        lines.append(
            f"factuality accuracy: {self.factuality.render()}   date accuracy: {self.date.render()}"
            f"   event date accuracy: {self.event_date.render()}"
        )
        lines.extend(self._notes())
        if verbose:
            lines.append(f"misses ({len(self.misses)}):")
            lines.extend(f"  {g.describe()}" for g in self.misses)
            lines.append(f"false positives ({len(self.false_positives)}):")
            lines.extend(f"  {p.describe()}" for p in self.false_positives)
            lines.append(f"factuality or date wrong ({len(self.disagreements)}):")
            for what, pred, gold in self.disagreements:
                lines.append(f"  {what}: {pred.describe()}")
                lines.append(f"    gold line {gold.index}: {gold.describe()}")
        return "\n".join(lines) + "\n"

    def _notes(self) -> list[str]:
        notes = []
        if self.missing_docs:
            notes.append(
                f"note: {len(self.missing_docs)} gold document(s) absent from the "
                f"graph, counted as missed: {', '.join(self.missing_docs)}"
            )
        if self.ignored_events:
            notes.append(
                f"note: {self.ignored_events} predicted event(s) from "
                f"{self.ignored_docs} document(s) not in the gold were ignored"
            )
        return notes

    def to_dict(self) -> dict[str, Any]:
        """Everything, JSON-serialisable."""
        return {
            "relations": {r: c.to_dict() for r, c in self.relations.items()},
            "micro": self.micro.to_dict(),
            "false_assertions": [fa.to_dict() for fa in self.false_assertions],
            "factuality_accuracy": self.factuality.to_dict(),
            "date_accuracy": self.date.to_dict(),
            "event_date_accuracy": self.event_date.to_dict(),
            "misses": [g.to_dict() for g in self.misses],
            "false_positives": [p.to_dict() for p in self.false_positives],
            "disagreements": [{"what": what, "prediction": p.to_dict(), "gold": g.to_dict()}
                              for what, p, g in self.disagreements],
            "missing_docs": list(self.missing_docs),
            "ignored_events": self.ignored_events,
            "ignored_docs": self.ignored_docs,
        }


# --------------------------------------------------------------------------- scoring


def _false_assertion(
    pred: Prediction, paired: GoldLine | None, golds: list[GoldLine]
) -> GoldLine | None:
    """The negated/hypothetical line an asserted prediction wrongly asserts, if any."""
    if pred.factuality != "asserted":
        return None
    if paired is not None and paired.factuality in ("asserted", "future"):
        return None
    if paired is not None and paired.factuality in ("negated", "hypothetical"):
        return paired
    return next(
        (g for g in golds if g.factuality in ("negated", "hypothetical") and matches(pred, g)),
        None,
    )


def _score_group(result: EvalResult, preds: list[Prediction], golds: list[GoldLine]) -> None:
    """Add the counts of one document and relation to ``result``."""
    counts = result.relations[golds[0].relation if golds else preds[0].relation]
    pairs = assign(preds, golds)
    for i, pred in enumerate(preds):
        gold = golds[pairs[i]] if i in pairs else None
        wrong = _false_assertion(pred, gold, golds)
        if wrong is not None:
            result.false_assertions.append(FalseAssertion(pred, wrong))
        if gold is None:
            counts.fp += 1
            result.false_positives.append(pred)
        elif not gold.optional:
            counts.tp += 1
            _score_pair(result, pred, gold)
    paired = set(pairs.values())
    for j, gold in enumerate(golds):
        if not gold.optional and j not in paired:
            counts.fn += 1
            result.misses.append(gold)


def _score_pair(result: EvalResult, pred: Prediction, gold: GoldLine) -> None:
    result.factuality.total += 1
    result.factuality.correct += pred.factuality == gold.factuality
    if pred.factuality != gold.factuality:
        result.disagreements.append(("factuality", pred, gold))
    if gold.has_date:
        result.date.total += 1
        agrees = _date_agrees(pred, gold)
        result.date.correct += agrees
        if not agrees:
            result.disagreements.append(("date", pred, gold))
        result.event_date.total += 1
        result.event_date.correct += _date_agrees(pred, gold, event=True)


def score(preds: list[Prediction], golds: list[GoldLine]) -> EvalResult:
    """Score predictions against gold lines (see the module docstring for the rules)."""
    result = EvalResult()
    gold_docs = {g.doc for g in golds}
    preds = _align_doc_ids(preds, gold_docs)
    ignored = [p for p in preds if p.doc not in gold_docs]
    result.ignored_events = len({p.event for p in ignored})
    result.ignored_docs = len({p.doc for p in ignored})
    result.missing_docs = sorted(gold_docs - {p.doc for p in preds})
    groups: dict[tuple[str, str], tuple[list[Prediction], list[GoldLine]]] = defaultdict(
        lambda: ([], [])
    )
    for p in preds:
        if p.doc in gold_docs:
            groups[(p.doc, p.relation)][0].append(p)
    for g in golds:
        groups[(g.doc, g.relation)][1].append(g)
    for key in sorted(groups, key=lambda k: (k[0], RELATIONS.index(k[1]))):
        _score_group(result, *groups[key])
    return result


def evaluate(
    graph_path: str | Path,
    gold_path: str | Path,
    entities_path: str | Path | None = None,
    fmt: str | None = None,
) -> EvalResult:
    """Score the graph file at ``graph_path`` against the gold JSONL at ``gold_path``.

    ``entities_path`` defaults to ``<gold stem>.entities.json`` beside the gold file when
    that exists; ``fmt`` overrides the graph format guessed from its extension.
    """
    golds = load_gold(gold_path, entities_path)
    preds = load_predictions(read_triples(graph_path, fmt))
    return score(preds, golds)
