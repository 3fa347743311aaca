"""Evaluation of Wikidata entity linking on the White House readouts.

The target (from the issue): on people and countries named in the titles of the White
House readouts, with ids from the shared tables, linking precision >= 0.98 and recall
>= 0.8 over those the KB holds.

Steps::

    python scripts/link_eval_wh.py gold CORPUS -o GOLD.jsonl [--tables DIR] [-v]
    python scripts/link_eval_wh.py docs CORPUS [--gold GOLD.jsonl] [--absolute]
    python scripts/link_eval_wh.py score GRAPH --gold GOLD.jsonl [--kb KB.sqlite] [-v]
    python scripts/link_eval_wh.py run CORPUS [--gold GOLD.jsonl] [--limit N] [-o GRAPH]
                                   [--kb KB.sqlite] [-j 2] [--build-args "..."] [-v]

CORPUS is a folder of the corpus's Markdown files (or the tarball
``../shared/corpora/wh-briefings-2021-2023.tar.gz``, unpacked to a temporary folder). The
document paths in the gold are relative to CORPUS, as kgbuild's document ids are when it
is given the same folder.

**gold** -- a readout is a document whose front-matter title has the word "Readout". The
evaluation set is derived at run time from those titles (nothing of the corpus is copied
into the repository; the gold file holds facts only: document path, name, id, type).

* People. A person is a run of name words right after the last word of a title ("Prime
  Minister *Fumio Kishida*", "President *Joseph R. Biden*, Jr."; "National Climate Task
  Force" is no title). Titles are those of kgbuild's lexicon (``kg/data/lexicon.yaml``:
  president, prime minister, national security advisor, ...: its words are title words,
  its last words are the words a name follows) plus words learnt from the titles
  themselves: a capitalised word right before a full name the tables know, at the end of
  a run of capitalised words ("*Taoiseach* Micheál Martin"), unless it is a country,
  demonym, body or word of a person's name, is a title word wherever it stands. A title
  word inside a run starts the name again ("Cyber Director *Chris Inglis*"). A name word
  is capitalised (or an initial, or "al-Sudani"; particles such as bin, da, von, der are
  kept inside a name); a word the bodies of the corpus write in lower case at least as
  often as capitalised ("Meeting", "Call", "Leaders") is a common word, trimmed from the
  ends of a name unless the untrimmed name is one the tables know ("Mark Rutte").
  Suffixes (Jr., Sr.) are dropped. A country is
  attached to the person when the title says "NAME of COUNTRY" (also "NAME, Minister of
  Defense of COUNTRY") or puts the country or its demonym before the title ("Japanese
  Prime Minister", "Mexico's Foreign Secretary", "U.K. Foreign Secretary").
* Countries. Every country named in a title: "of Japan", "Travel to India", "Australia
  Prime Minister", a demonym before a title word ("Swedish National Security Advisor",
  recorded as the country's name with the demonym as ``form``). A country name that is
  part of a longer name is not one ("New Mexico", "Building A Better Georgia", "Ukraine
  Donor Platform", "U.S.-Israel Group", "Republic of Korea", "People's Republic of China").

Ids. A person gets an id only when the tables give exactly one: its full name (two words
or more, initials aside) must fold (case, accents, periods, hyphens) like a ``name``,
``name_en`` or alias of ``everypolitician/politicians_wikidata.csv`` or a name built from
the fields of ``us_congress_legislators/*.yaml`` (official_full; first last; nickname last;
first middle last; first M. last), and, when the title names a country for that person,
the row's country must be it (the politicians' ``country_code``; the US tables are the
US). A name of one word ("President Biden") is counted but never gets an id. The gold
records carry the entity's table names (``names``) for the scoring. A country
gets an id when its form is, for exactly one country, the ``name`` of countries.csv, its
``native`` name when written in Latin letters ("Türkiye"), the country name of the
politicians table joined by its ``country_code`` ("United States of America"), or, for a
demonym, one of its ``nationality`` values ("Japanese", "UK"); a region of *another*
country in states.csv with that name makes it ambiguous ("Georgia"). Long forms no table
gives ("Republic of Korea", "Kingdom of Saudi Arabia") are left out. Ambiguous or unknown
names are not in the gold but are counted (``-v`` lists them).

**score** -- loads the graph (Turtle, N-Triples, N-Quads, TriG, JSON-LD; by extension,
optionally gzipped) with pyoxigraph. Entity nodes are typed ``kgo:Entity`` with
``rdfs:label`` and ``skos:altLabel``; a node's links are its ``owl:sameAs wd:Q...``
objects, and its IRI when it ends in a Q-id. The gold is first restricted to the documents
the graph holds (``dcterms:identifier``, suffix-matched; ``--all-gold`` keeps all). For
each distinct gold (name, qid) -- folded, so "Pedro Sánchez" and "Pedro Sanchez" are one --
the *matched nodes* are those one of whose labels folds like the gold name, like the
title's ``form`` ("U.K.") or like one of the entity's table names that the gold carries in
``names`` (so a node "Joe Biden" matches the gold "Joseph R. Biden" through the nickname
of the US table). For a person, also a node with a label that is a longer or shorter form
of one of those names: the same last word, and the words of one a subset of the other's,
after dropping leading title words of the lexicon, initials and Jr./Sr. ("Joseph Biden",
"Prime Minister Netanyahu" and "Netanyahu" are forms of "Joseph R. Biden" and "Benjamin
Netanyahu"; "Jill Biden" is not a form of "Joseph R. Biden").

* precision = links equal to the gold qid / all links of matched nodes, counted over
  distinct (node, gold qid, link) and over the gold names whose qid the KB holds (a link
  to an id the KB lacks cannot be right); the precision over all gold names is printed
  too;
* recall = gold names with a matched node linked to their qid / gold names whose qid the
  KB holds (``--kb``: ``SELECT 1 FROM entity WHERE qid=?``; without a KB every gold name
  counts as held), and also / gold names the KB holds that the graph holds (that have a
  matched node at all: the linker's recall on what the extractor found).

``-v`` lists wrong links and misses (name, expected qid, got).

**docs** lists the readout documents (with ``--gold``, those with a gold record), one
path per line, to build a graph of just those. **run** does it all on a few documents:
gold (unless given), symlinks the readouts that have gold records (``--limit N``: N of them
evenly spread over the sorted paths) into a temporary folder under their corpus-relative
paths, builds the graph with ``python -m kg.cli build FOLDER -o GRAPH -q --no-validate
-j J`` (plus ``--build-args``, e.g. ``"--kb KB.sqlite"`` once the build takes one) and
scores it. kgbuild has no option to withhold titles: its reader always keeps the
front-matter title out of the text the extractor sees (as scripts/silver_wh.py relies on),
so the entities come from the bodies only.

A full evaluation (build the graph of all the readouts, then score it)::

    python scripts/link_eval_wh.py gold CORPUS -o /tmp/wh_gold.jsonl
    python scripts/link_eval_wh.py docs CORPUS > /tmp/readouts.txt
    mkdir /tmp/readouts && cd CORPUS && while read p; do mkdir -p "/tmp/readouts/$(dirname
        "$p")" && ln -s "$PWD/$p" "/tmp/readouts/$p"; done < /tmp/readouts.txt; cd -
    kgbuild build /tmp/readouts -o /tmp/readouts.nt -q --no-validate -j 2
    python scripts/link_eval_wh.py score /tmp/readouts.nt --gold /tmp/wh_gold.jsonl \
        --kb KB.sqlite -v

(or ``run CORPUS --gold /tmp/wh_gold.jsonl --limit 0 -j 2 --kb KB.sqlite``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from silver_wh import DEFAULT_CORPUS, unpacked  # noqa: E402

DEFAULT_TABLES = ROOT.parent / "shared" / "wikidata"
KGO_ENTITY = "https://w3id.org/kgbuild/ontology#Entity"
WD_PREFIX = "http://www.wikidata.org/entity/"

# -------------------------------------------------------------------------- folding

_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                          "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i",
                          "þ": "th", "ð": "d", "’": "'", "‘": "'", "ʼ": "'"})


def fold_name(name: str) -> str:
    """The key names are compared by: accents, case, periods, commas, hyphens, spacing
    and a leading "the" folded ("the U.K." and "UK"; "Al-Thani" and "Al Thani")."""
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace(".", "").replace(",", " ").replace("-", " ").replace("‐", " ")
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def normalise_title(title: str) -> str:
    """Spaces of every kind made one space, invisible joiners dropped, quotes made plain."""
    for invisible in ("\u2060", "\u200b", "\u00ad", "\ufeff"):
        title = title.replace(invisible, "")
    title = title.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(title.split())


def _latin(text: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


# -------------------------------------------------------------------------- tables

@dataclass
class Tables:
    """The facts of the shared tables the gold is made from."""

    #: folded person name -> {(qid, country code)}
    persons: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    #: qid -> the names (as written) the tables give that person or country
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: folded country form -> {qid} (a region of another country adds its own id)
    countries: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: folded demonym -> {country qid}
    demonyms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    iso2: dict[str, str] = field(default_factory=dict)  # country qid -> iso2
    #: folded names and abbreviations of international bodies ("NATO", "European Union")
    orgs: set[str] = field(default_factory=set)
    #: folded names of the regions of states.csv ("Texas", "Georgia")
    regions: set[str] = field(default_factory=set)
    label: dict[str, str] = field(default_factory=dict)  # country qid -> countries.csv name

    @property
    def person_tokens(self) -> set[str]:
        """Every word of every person name (learnt title words must be none of these)."""
        return {w for key in self.persons for w in key.split()}

    def person_ids(self, name: str, countries: set[str] | None = None) -> set[str]:
        """The ids whose full name folds like ``name`` (in one of ``countries``' iso2)."""
        rows = self.persons.get(fold_name(name), set())
        if countries is not None:
            rows = {(q, cc) for q, cc in rows if cc.split("-")[0] in countries}
        return {q for q, _ in rows}

    def country_ids(self, form: str) -> set[str]:
        return set(self.countries.get(fold_name(form), set()))

    def is_org(self, name: str) -> bool:
        return fold_name(name) in self.orgs


def _add_person(tables: Tables, qid: str, country: str, names: Iterable[str]) -> None:
    for name in names:
        name = " ".join(name.split())
        key = fold_name(name)
        if key and qid:
            tables.persons[key].add((qid, country))
            tables.names[qid].add(name)


def _us_names(name: dict) -> list[str]:
    first, last = name.get("first", ""), name.get("last", "")
    middle, nick = name.get("middle", ""), name.get("nickname", "")
    names = [name.get("official_full", ""), f"{first} {last}"]
    if nick:
        names.append(f"{nick} {last}")
    if middle:
        names.append(f"{first} {middle} {last}")
        names.append(f"{first} {middle[0]}. {last}")
    return [n for n in names if n.strip() and last]


def load_tables(folder: Path) -> Tables:
    """Read the shared tables under ``folder`` (any missing one is skipped, but
    countries.csv is required)."""
    import yaml

    tables = Tables()
    with open(folder / "countries.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_iso2 = {}
    for row in rows:
        qid = row.get("wikiDataId", "").strip()
        if not qid:
            continue
        by_iso2[row["iso2"]] = qid
        tables.iso2[qid] = row["iso2"]
        tables.label[qid] = row["name"]
        forms = [row["name"]]
        native = row.get("native", "")
        if native and _latin(native):
            forms.append(native)
        for form in forms:
            tables.countries[fold_name(form)].add(qid)
            tables.names[qid].add(form)
        for demonym in (row.get("nationality") or "").split(","):
            if demonym.strip():
                tables.demonyms[fold_name(demonym)].add(qid)
    politicians = folder / "everypolitician" / "politicians_wikidata.csv"
    if politicians.is_file():
        with open(politicians, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                code = row.get("country_code", "")
                if code in by_iso2 and row.get("country"):  # "United States of America"
                    tables.countries[fold_name(row["country"])].add(by_iso2[code])
                    tables.names[by_iso2[code]].add(row["country"])
                aliases = [a for a in (row.get("aliases") or "").split("|") if a.strip()]
                _add_person(tables, row["wikidata"].strip(), code,
                            [row.get("name", ""), row.get("name_en", ""), *aliases])
    for name in ("executive.yaml", "legislators-current.yaml"):
        path = folder / "us_congress_legislators" / name
        if path.is_file():
            for person in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                qid = str((person.get("id") or {}).get("wikidata") or "")
                _add_person(tables, qid, "US", _us_names(person.get("name") or {}))
    orgs = folder / "supraverden" / "international_orgs_wikidata.csv"
    columns = ("key", "Name_en", "Abbreviation_en", "Name_other_en", "Name_other_2_en", "name")
    for path in (orgs, folder / "igos_opensanctions.csv"):
        if path.is_file():  # only to tell an "of NATO" from an unknown country
            with open(path, newline="", encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    tables.orgs |= {fold_name(row[c]) for c in columns if row.get(c)}
    states = folder / "states.csv"
    if states.is_file():  # a region of another country with a country's name: ambiguous
        with open(states, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = fold_name(row.get("name", ""))
                tables.regions.add(key)
                qid = row.get("wikiDataId", "").strip()
                if key in tables.countries and qid:
                    owners = {tables.iso2.get(q) for q in tables.countries[key]}
                    if row.get("country_code") not in owners:
                        tables.countries[key].add(qid)
    return tables


# -------------------------------------------------------------------------- titles

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[\w]+(?:['\-][\w]+)*\.?|'s\b|'|[,;:&()\"/]")
STOP = {"of", "the", "and", "with", "on", "in", "for", "to", "a", "an", "at", "by", "from",
        "his", "her", "their", "its", "our", "as", "after", "before", "during", "into"}
SUFFIXES = {"jr", "sr"}
PARTICLES = {"bin", "bint", "ibn", "al", "el", "da", "de", "del", "della", "der", "den",
             "di", "do", "dos", "das", "du", "van", "von", "la", "le", "ter", "y", "ben",
             "abu", "ould"}
#: heads of long country forms: "Republic of Korea" is one name, not "Korea"
LONG_FORM_HEADS = {"republic", "kingdom", "federation", "commonwealth", "principality",
                   "sultanate", "emirate", "emirates", "state", "states", "union"}
#: title-lexicon words that are function words, not titles
_NOT_TITLES = {"of", "his", "her", "the"}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(title: str) -> tuple[str, list[Token]]:
    """The title with possessives split off ("Biden 's", "Harris '") and its tokens (their
    offsets are into that text)."""
    text = re.sub(r"(\w)'s\b", r"\1 's", title)
    text = re.sub(r"(\w)s'(?=\s|$)", r"\1s '", text)
    return text, [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@dataclass
class Mention:
    """A name of a title, and what the tables say of it."""

    type: str  # Person | Location
    name: str
    status: str  # id | surname-only | unknown | ambiguous | country-mismatch
    qid: str | None = None
    form: str | None = None  # the words of the title, when the name is the table's
    country: str | None = None  # iso2 of the country the title gives a person
    candidates: tuple[str, ...] = ()


class TitleParser:
    """Finds the people and countries of a readout title and resolves them."""

    def __init__(self, tables: Tables, titles: Iterable[str],
                 common: Iterable[str] = ()) -> None:
        self.tables = tables
        titles = [" ".join(t.lower().split()) for t in titles]
        #: every word of a title ("prime", "minister", "national", "security", ...)
        self.titles = {w for t in titles for w in t.split() if w not in _NOT_TITLES}
        #: the last words of titles, which a name follows ("minister", "advisor", ...)
        self.heads = {t.split()[-1] for t in titles if t.split()[-1] not in _NOT_TITLES}
        self.common = set(common)
        self.learnt: Counter[str] = Counter()
        self._person_tokens = tables.person_tokens
        self._places = set(tables.countries) | set(tables.demonyms) | tables.regions
        self._title = ""  # the title being parsed (possessives split off)
        self._covered: set[int] = set()  # its tokens inside long forms

    # -- word classes -------------------------------------------------------------

    @staticmethod
    def _cap(t: str) -> bool:
        return t[:1].isupper()

    def _key(self, t: str) -> str:
        return t.lower().rstrip(".")

    def is_title(self, t: str) -> bool:
        if not self._cap(t):
            return False
        key = self._key(t)
        if key in self.titles or key + "." in self.titles:
            return True
        if key.endswith("s") and key[:-1] in self.titles:  # "Officials", "Advisors"
            return True
        parts = key.split("-")
        return len(parts) > 1 and all(p in self.titles for p in parts)

    def is_head(self, t: str) -> bool:
        """Is ``t`` the last word of a title ("Minister" of "Prime Minister")?"""
        if not self._cap(t):
            return False
        key = self._key(t)
        return key in self.heads or key + "." in self.heads

    def is_common(self, t: str) -> bool:
        if re.fullmatch(r"[IVX]+", t):  # "Charles III"
            return False
        return self._key(t) in self.common

    def is_name(self, t: str) -> bool:
        if re.fullmatch(r"[A-Z]\.", t):
            return True  # an initial
        if re.fullmatch(r"(?:al|el|ad|as|ash|at|az|an|ar)-[^\W\d_]+", t):
            return True  # al-Sudani
        return (self._cap(t) and t[0].isalpha() and not self.is_title(t)
                and self._key(t) not in STOP and self._key(t) not in SUFFIXES
                and len(t) != 1)

    @staticmethod
    def is_particle(t: str) -> bool:
        return t in PARTICLES

    # -- learning title words -------------------------------------------------------

    def learn(self, title: str) -> None:
        """A capitalised word right before a full name the tables know (the longest one
        ending a run of capitalised words) is a title word: "Taoiseach Micheál Martin".
        Country names, demonyms, names of bodies and words of people's names are not."""
        toks = [t.text for t in tokenize(normalise_title(title))[1]]
        i = 0
        while i < len(toks):
            if not self._cap(toks[i]):
                i += 1
                continue
            j = i
            while j < len(toks) and (self._cap(toks[j]) or self.is_particle(toks[j])
                                     or re.fullmatch(r"(?:al|el)-\w+", toks[j])):
                j += 1
            for s in range(i + 1, j - 1):
                if self.tables.persons.get(fold_name(" ".join(toks[s:j]))):
                    word, key = toks[s - 1], self._key(toks[s - 1])
                    if not (self.is_title(word) or self.is_common(word) or key in STOP
                            or key in self._person_tokens or fold_name(word) in self._places
                            or self.tables.is_org(word)):
                        self.learnt[key] += 1
                    break
            i = j
        self.titles |= set(self.learnt)
        self.heads |= set(self.learnt)

    # -- countries --------------------------------------------------------------------

    def _country_at(self, toks: list[Token], i: int) -> tuple[int, set[str]] | None:
        """The longest country form starting at token ``i`` and outside long forms
        ("Korea" of "Republic of Korea"): (length, ids)."""
        if i in self._covered:
            return None
        for length in range(min(7, len(toks) - i), 0, -1):
            words = [t.text for t in toks[i:i + length]]
            if not self._cap(words[0]) or not self._cap(words[-1]):
                continue
            ids = self.tables.country_ids(" ".join(words))
            if ids:
                return length, ids
        return None

    def _hyphenated(self, toks: list[Token], i: int, j: int) -> bool:
        """Is tokens [i, j) joined to a neighbour by a hyphen or slash ("U.S.-Israel")?"""
        title = self._title
        before = title[toks[i].start - 1] if toks[i].start > 0 else " "
        after = title[toks[j - 1].end] if toks[j - 1].end < len(title) else " "
        return before in "-/" or after in "-/"

    def _inside_longer_name(self, toks: list[Token], i: int, j: int) -> bool:
        """Is the country at tokens [i, j) a word of a longer proper name ("New Mexico",
        "Building A Better Georgia", "Ukraine Donor Coordination Platform")?"""
        prev = toks[i - 1].text if i > 0 else ""
        if prev and self._cap(prev) and not self.is_title(prev) \
                and self._key(prev) not in STOP and prev != "Readout":
            return True
        nxt = toks[j].text if j < len(toks) else ""
        return bool(nxt) and self._cap(nxt) and not self.is_title(nxt) \
            and self._key(nxt) not in STOP

    def _long_form(self, toks: list[Token], i: int) -> tuple[int, int] | None:
        """(start, end) of the long form whose head is token ``i``: "Republic of Korea",
        "People's Republic of China", "Kingdom of Saudi Arabia"; else None."""
        head = toks[i].text
        if not self._cap(head) or self._key(head) not in LONG_FORM_HEADS:
            return None
        j = i + 1
        if j >= len(toks) or toks[j].text != "of":
            return None
        j += 1
        if j < len(toks) and toks[j].text.lower() == "the":
            j += 1
        first = j
        while j < len(toks) and self.is_name(toks[j].text) and not self.is_common(
                toks[j].text) and (j == first or self._adjacent(toks, j - 1, j)):
            j += 1
        if j == first:
            return None
        start = i  # "People's Republic", "Democratic Republic", not "Japan - Republic"
        while start >= 1 and self._adjacent(toks, start - 1, start):
            prev = toks[start - 1].text
            if prev == "'s" and start >= 2 and self.is_name(toks[start - 2].text):
                start -= 2
            elif self.is_name(prev) and fold_name(prev) not in self._places:
                start -= 1
            else:
                break
        return start, j

    def _adjacent(self, toks: list[Token], a: int, b: int) -> bool:
        """Are tokens a and b separated by nothing but a space?"""
        return self._title[toks[a].end:toks[b].start] in ("", " ")

    def _long_forms(self, toks: list[Token]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for i in range(len(toks)):
            span = self._long_form(toks, i)
            if span and self.tables.country_ids(self._join(toks[span[0]:span[1]])):
                continue  # "Democratic Republic of the Congo" is a table's name
            if span and not (spans and span[0] < spans[-1][1]):
                spans.append(span)
        return spans

    @staticmethod
    def _join(toks: list[Token]) -> str:
        words = " ".join(t.text for t in toks).replace(" 's", "'s")
        return words[4:] if words.lower().startswith("the ") else words

    def countries(self, toks: list[Token]) -> list[Mention]:
        """Every country the title names, by name or by a demonym before a title word;
        long forms no table gives are counted as unknown."""
        found = [self._location(self._join(toks[a:b])) for a, b in self._long_forms(toks)]
        i = 0
        while i < len(toks):
            hit = self._country_at(toks, i)
            if hit:
                length = hit[0]
                if not self._hyphenated(toks, i, i + length) and \
                        not self._inside_longer_name(toks, i, i + length):
                    found.append(self._location(self._join(toks[i:i + length])))
                i += length
                continue
            word = toks[i].text
            demonym = self.tables.demonyms.get(fold_name(word)) if self._cap(word) else None
            if demonym and i not in self._covered and i + 1 < len(toks) \
                    and self.is_title(toks[i + 1].text) and not self._hyphenated(toks, i, i + 1):
                if len(demonym) == 1:
                    qid = next(iter(demonym))
                    found.append(Mention("Location", self.tables.label[qid], "id", qid,
                                         form=word))
                else:
                    found.append(Mention("Location", word, "ambiguous",
                                         candidates=tuple(sorted(demonym))))
            i += 1
        return found

    def _location(self, words: str) -> Mention:
        ids = self.tables.country_ids(words)
        if len(ids) == 1:
            return Mention("Location", words, "id", next(iter(ids)))
        if ids:
            return Mention("Location", words, "ambiguous", candidates=tuple(sorted(ids)))
        return Mention("Location", words, "unknown")

    def _country_phrase(self, toks: list[Token], i: int) -> tuple[str, set[str]] | None:
        """The phrase after an "of" at ``i`` - 1 ("of the Republic of Korea"): its words
        and the ids of the country it names (none when unknown); None when no name."""
        if i < len(toks) and toks[i].text.lower() == "the":
            i += 1
        if i >= len(toks):
            return None
        for a, b in self._long_forms(toks):
            if a == i:  # "the Republic of Korea", as a whole
                return self._join(toks[a:b]), self.tables.country_ids(self._join(toks[a:b]))
        hit = self._country_at(toks, i)
        if hit:
            return self._join(toks[i:i + hit[0]]), hit[1]
        j = i
        while j < len(toks) and (self.is_name(toks[j].text) or (
                toks[j].text in ("of", "'s") and j + 1 < len(toks)
                and self.is_name(toks[j + 1].text))):
            j += 1
        if j == i or (j < len(toks) and self._cap(toks[j].text)):
            return None  # no name, or one that goes on ("of Senior Administration Official")
        words = self._join(toks[i:j])
        return words, self.tables.country_ids(words)

    # -- people -----------------------------------------------------------------------

    def _iso2(self, ids: Iterable[str]) -> set[str]:
        return {self.tables.iso2[q] for q in ids if q in self.tables.iso2}

    def _span_countries(self, toks: list[Token], i: int) -> set[str] | None:
        """Countries (iso2) named in the title words before a name, whose last title
        word is token ``i`` ("Japanese Prime Minister", "Mexico's Foreign Secretary")."""
        k = i
        while k >= 0:
            t = toks[k].text
            if (self._cap(t) and t != "Readout") or t in ("of", "the", "'s") or (
                    t == "and" and k > 0 and self.is_title(toks[k - 1].text)):
                k -= 1
            else:
                break
        found: set[str] = set()
        j = k + 1
        while j <= i:
            hit = self._country_at(toks, j)
            if hit:
                if not self._hyphenated(toks, j, j + hit[0]) and \
                        not self._inside_longer_name(toks, j, j + hit[0]):
                    found |= self._iso2(hit[1])  # not "New Mexico Governor"
                j += hit[0]
                continue
            demonym = self.tables.demonyms.get(fold_name(toks[j].text))
            if demonym and self._cap(toks[j].text) and j not in self._covered \
                    and not self._hyphenated(toks, j, j + 1):
                found |= self._iso2(demonym)
            j += 1
        return found or None

    def _after_countries(self, toks: list[Token], k: int) -> tuple[set[str] | None, str | None]:
        """The country the words after a name give it: "of Poland"; ", Federal Minister of
        Defense of Germany". Returns (iso2 codes or None, the unknown phrase if any)."""
        while k < len(toks) and (self._key(toks[k].text) in SUFFIXES or (
                toks[k].text == "," and k + 1 < len(toks)
                and self._key(toks[k + 1].text) in SUFFIXES)):
            k += 1
        apposition = k + 1 < len(toks) and toks[k].text == "," and self.is_title(
            toks[k + 1].text)
        if apposition:
            k += 1
        m = k
        while m < len(toks):
            t = toks[m].text
            if t == "of":
                phrase = self._country_phrase(toks, m + 1)
                if phrase and phrase[1]:
                    return self._iso2(phrase[1]), None
                if phrase and not self.tables.is_org(phrase[0]) and \
                        fold_name(phrase[0]) not in self.tables.regions:
                    return None, phrase[0]
                if not apposition:
                    return None, None
                m += 1
                continue
            if apposition and (self.is_title(t) or self.is_common(t)
                               or t in ("the", "to", "and", "for")):
                m += 1
                continue
            break
        return None, None

    def people(self, toks: list[Token]) -> tuple[list[Mention], list[Mention]]:
        """The people of the title (and countries after them no table knows)."""
        people: list[Mention] = []
        unknown_places: list[Mention] = []
        texts = [t.text for t in toks]
        i = 0
        while i < len(texts) - 1:
            if not (self.is_head(texts[i]) and self.is_name(texts[i + 1])):
                i += 1
                continue
            begin = j = i + 1
            while j < len(texts):
                t = texts[j]
                if j > begin and not self._adjacent(toks, j - 1, j):
                    break  # "United States – Japan"
                k = j  # particles ("von der", "bin") belong to a name that goes on
                while k < len(texts) and self.is_particle(texts[k]):
                    k += 1
                if k > j and k < len(texts) and self.is_name(texts[k]):
                    j = k
                elif self.is_name(t):
                    j += 1
                elif self.is_title(t) and j + 1 < len(texts) and self.is_name(texts[j + 1]):
                    j += 1  # "Cyber Director Chris Inglis": the name starts after the title
                    begin = j
                else:
                    break
            i = begin - 1
            run = texts[i + 1:j]
            name = self._trim(run)
            if name:
                countries, unknown = self._after_countries(toks, j)
                if countries is None:
                    countries = self._span_countries(toks, i)
                if unknown:
                    unknown_places.append(Mention("Location", unknown, "unknown"))
                people.append(self._person(name, countries))
            i = j
        return people, unknown_places

    def _trim(self, run: list[str]) -> list[str]:
        """The name in a run of name words: common words trimmed from its ends (unless
        the tables know the untrimmed name), trailing initials and particles dropped."""
        def clean(words: list[str]) -> list[str]:
            words = list(words)
            while words and (self.is_particle(words[-1]) or re.fullmatch(r"[A-Z]\.", words[-1])
                             or self.is_title(words[-1])):
                words.pop()
            return words

        whole = clean(run)
        if len(whole) >= 2 and self.tables.persons.get(fold_name(" ".join(whole))):
            return whole
        words = list(run)
        while words and self.is_common(words[-1]):
            words.pop()
        while words and self.is_common(words[0]):
            words.pop(0)
        return clean(words)

    def _person(self, words: list[str], countries: set[str] | None) -> Mention:
        name = " ".join(words)
        country = ",".join(sorted(countries)) if countries else None
        full = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]
        if len(full) < 2:
            return Mention("Person", name, "surname-only", country=country)
        ids = self.tables.person_ids(name, countries)
        if not ids and len(full) < len(words):  # "Joseph R. Biden" as "Joseph Biden"
            ids = self.tables.person_ids(" ".join(full), countries)
        if len(ids) == 1:
            return Mention("Person", name, "id", next(iter(ids)), country=country)
        if ids:
            return Mention("Person", name, "ambiguous", country=country,
                           candidates=tuple(sorted(ids)))
        if countries and (self.tables.person_ids(name) or self.tables.person_ids(" ".join(full))):
            return Mention("Person", name, "country-mismatch", country=country)
        return Mention("Person", name, "unknown", country=country)

    def parse(self, title: str) -> list[Mention]:
        """The people and countries of a title, one mention per distinct (type, name)."""
        self._title, toks = tokenize(normalise_title(title))
        self._covered = {k for a, b in self._long_forms(toks) for k in range(a, b)}
        people, unknown_places = self.people(toks)
        mentions = people + self.countries(toks)
        known = {fold_name(m.name) for m in mentions if m.type == "Location"}
        mentions += [m for m in unknown_places if fold_name(m.name) not in known]
        seen, unique = set(), []
        for mention in mentions:
            key = (mention.type, fold_name(mention.name))
            if key not in seen:
                seen.add(key)
                unique.append(mention)
        return unique


# -------------------------------------------------------------------------- corpus

READOUT = re.compile(r"\bReadout\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")


@dataclass
class Readout:
    path: str  # relative to the corpus folder (kgbuild's document id)
    title: str


def read_corpus(corpus: Path) -> tuple[list[Readout], set[str]]:
    """The readouts of the corpus and its common words: words its bodies write in lower
    case at least as often as capitalised."""
    from kg.corpus import iter_corpus
    from kg.model import Document

    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    readouts = []
    for item in iter_corpus([corpus]):
        if not isinstance(item, Document):
            continue
        for word in _WORD.findall(item.text):
            if word.islower():
                lower[word] += 1
            elif word[0].isupper():
                upper[word.lower()] += 1
        if item.title and READOUT.search(item.title):
            readouts.append(Readout(item.id, normalise_title(item.title)))
    common = {w for w, n in lower.items() if n >= upper.get(w, 0)}
    return sorted(readouts, key=lambda r: r.path), common


def default_titles() -> set[str]:
    """The titles of kgbuild's lexicon ("prime minister", "national security advisor")."""
    from kg.lexicon import load_lexicon

    return set(load_lexicon().titles)


@dataclass
class GoldResult:
    records: list[dict]
    mentions: list[tuple[str, Mention]]  # (document path, mention)
    readouts: int
    learnt: Counter

    def summary(self) -> dict:
        counts: dict[str, Counter] = defaultdict(Counter)
        for _, mention in self.mentions:
            counts[mention.type][mention.status] += 1
        out: dict = {"readout_titles": self.readouts, "by_type": {}}
        for kind in ("Person", "Location"):
            seen = sum(counts[kind].values())
            out["by_type"][kind] = {"names_seen": seen, "with_id": counts[kind]["id"],
                                    "statuses": dict(sorted(counts[kind].items())),
                                    "distinct_ids": len({r["qid"] for r in self.records
                                                         if r["type"] == kind})}
        out["names_seen"] = sum(v["names_seen"] for v in out["by_type"].values())
        out["with_id"] = sum(v["with_id"] for v in out["by_type"].values())
        out["gold_records"] = len(self.records)
        out["gold_documents"] = len({r["doc"] for r in self.records})
        out["learnt_title_words"] = sorted(self.learnt)
        return out


def build_gold(readouts: list[Readout], tables: Tables, common: Iterable[str] = (),
               titles: Iterable[str] | None = None) -> GoldResult:
    """The gold records of these readouts: one per (document, name, qid, type)."""
    parser = TitleParser(tables, default_titles() if titles is None else titles, common)
    for item in readouts:
        parser.learn(item.title)
    records, mentions, seen = [], [], set()
    for item in readouts:
        for mention in parser.parse(item.title):
            mentions.append((item.path, mention))
            if mention.status != "id":
                continue
            key = (item.path, fold_name(mention.name), mention.qid, mention.type)
            if key in seen:
                continue
            seen.add(key)
            record = {"doc": item.path, "name": mention.name, "qid": mention.qid,
                      "type": mention.type,
                      "names": sorted(tables.names.get(mention.qid, ()))}
            if mention.form:
                record["form"] = mention.form
            if mention.country:
                record["country"] = mention.country
            records.append(record)
    return GoldResult(records, mentions, len(readouts), parser.learnt)


def write_jsonl(records: Iterable[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# -------------------------------------------------------------------------- scoring

@dataclass
class Node:
    iri: str
    labels: set[str]
    links: set[str]


def load_graph(path: Path) -> tuple[dict[str, Node], set[str]]:
    """The entity nodes of a graph file and the identifiers of its documents."""
    import pyoxigraph as ox

    store = ox.Store()
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    fmt = ox.RdfFormat.from_extension(name.rsplit(".", 1)[-1])
    if fmt is None:
        raise ValueError(f"{path}: unknown RDF extension")
    if path.name.endswith(".gz"):
        import gzip

        with gzip.open(path, "rb") as handle:
            store.load(handle.read(), format=fmt)
    else:
        store.load(path=str(path), format=fmt)
    query = f"""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        SELECT ?node ?label ?same WHERE {{
            ?node a <{KGO_ENTITY}> .
            OPTIONAL {{ ?node rdfs:label|skos:altLabel ?label }}
            OPTIONAL {{ ?node owl:sameAs ?same }}
        }}"""
    nodes: dict[str, Node] = {}
    for row in store.query(query, use_default_graph_as_union=True):
        iri = row["node"].value
        node = nodes.setdefault(iri, Node(iri, set(), set()))
        if row["label"] is not None:
            node.labels.add(row["label"].value)
        same = row["same"]
        if same is not None and same.value.startswith(WD_PREFIX):
            node.links.add(same.value[len(WD_PREFIX):])
    for node in nodes.values():
        tail = re.search(r"[/#](Q\d+)$", node.iri)
        if tail:
            node.links.add(tail.group(1))
    docs = {row["id"].value for row in store.query(
        "SELECT ?id WHERE { ?d a <https://w3id.org/kgbuild/ontology#Document> ; "
        "<http://purl.org/dc/terms/identifier> ?id }", use_default_graph_as_union=True)}
    return nodes, docs


def name_words(name: str, titles: Iterable[str] = ()) -> list[str]:
    """The words a person's name is compared by: folded, leading title words ("Prime
    Minister"), initials and Jr./Sr. left out."""
    words = [w for w in fold_name(name).split() if len(w) > 1 and w not in SUFFIXES]
    titles = set(titles)
    while len(words) > 1 and words[0] in titles:
        words.pop(0)
    return words


def person_variant(label: str, name: str, titles: Iterable[str] = ()) -> bool:
    """A longer or shorter form of a person's name: the same last word, and the words of
    one within those of the other ("Joseph Biden", "Prime Minister Netanyahu" and
    "Netanyahu" are forms of "Joseph R. Biden" and "Benjamin Netanyahu")."""
    a, b = name_words(label, titles), name_words(name, titles)
    if not a or not b or a[-1] != b[-1]:
        return False
    return set(a) <= set(b) or set(b) <= set(a)


def in_graph(doc: str, graph_docs: set[str]) -> bool:
    """Is the gold document among the graph's (ids may be relative to another root)?"""
    if doc in graph_docs:
        return True
    parts = doc.split("/")
    if any("/".join(parts[k:]) in graph_docs for k in range(1, len(parts))):
        return True
    return any(d.endswith("/" + doc) for d in graph_docs)


class KBIndex:
    """Does the KB hold an id? (``SELECT 1 FROM entity WHERE qid=?``)."""

    def __init__(self, path: Path | None) -> None:
        self.db = None
        if path is not None:
            if not Path(path).is_file():
                raise FileNotFoundError(f"{path}: no such KB file")
            self.db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)

    def holds(self, qid: str) -> bool:
        if self.db is None:
            return True
        return self.db.execute("SELECT 1 FROM entity WHERE qid=?", (qid,)).fetchone() is not None


def score(nodes: dict[str, Node], gold: list[dict], kb: KBIndex,
          graph_docs: set[str] | None = None, titles: Iterable[str] | None = None) -> dict:
    """Precision and recall of the graph's links on the gold names (see the module doc).
    ``titles``: the title words stripped from people's labels (default: the lexicon's)."""
    if titles is None:
        titles = {w for t in default_titles() for w in t.split()} - _NOT_TITLES
    titles = set(titles)
    if graph_docs is not None:
        gold = [g for g in gold if in_graph(g["doc"], graph_docs)]
    items: dict[tuple[str, str], dict] = {}
    for record in gold:
        key = (fold_name(record["name"]), record["qid"])
        item = items.setdefault(key, {"name": record["name"], "qid": record["qid"],
                                      "type": record["type"], "names": set()})
        item["names"] |= {record["name"], *record.get("names", ()),
                          *([record["form"]] if record.get("form") else [])}
    by_label: dict[str, set[str]] = defaultdict(set)
    by_last: dict[str, set[tuple[str, str]]] = defaultdict(set)  # last name word -> labels
    for node in nodes.values():
        for label in node.labels:
            by_label[fold_name(label)].add(node.iri)
            words = name_words(label, titles)
            if words:
                by_last[words[-1]].add((node.iri, label))
    pairs: dict[tuple[str, str, str], tuple[bool, bool]] = {}  # -> (right, KB holds qid)
    wrong: set[tuple] = set()
    misses = []
    counts: Counter[str] = Counter()
    by_type: dict[str, Counter] = defaultdict(Counter)
    for (_, qid), item in sorted(items.items()):
        matched = set()
        for name in item["names"]:
            matched |= by_label.get(fold_name(name), set())
        if item["type"] == "Person":
            for name in item["names"]:
                words = name_words(name, titles)
                for iri, label in by_last.get(words[-1] if words else "", ()):
                    if iri not in matched and person_variant(label, name, titles):
                        matched.add(iri)
        held = kb.holds(qid)
        links = {(iri, link) for iri in matched for link in nodes[iri].links}
        for iri, link in links:
            pairs[(iri, qid, link)] = (link == qid, held)
            if link != qid:
                wrong.add((item["name"], qid, link, ", ".join(sorted(nodes[iri].labels)[:3])))
        right = any(link == qid for _, link in links)
        for stats in (counts, by_type[item["type"]]):
            stats["gold"] += 1
            stats["kb"] += held
            stats["graph"] += bool(matched)
            stats["kb_graph"] += held and bool(matched)
            stats["correct"] += held and right
        if held and not right:
            got = sorted({link for _, link in links}) or (
                ["unlinked"] if matched else ["no node"])
            misses.append((item["name"], qid, ",".join(got)))
    held_pairs = [right for right, held in pairs.values() if held]
    all_pairs = [right for right, _ in pairs.values()]

    def ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    return {
        "gold_documents": len({g["doc"] for g in gold}),
        "gold_names": counts["gold"],
        "kb_holds": counts["kb"],
        "graph_holds": counts["graph"],
        "kb_and_graph_hold": counts["kb_graph"],
        "correct": counts["correct"],
        "links": len(held_pairs),
        "links_right": sum(held_pairs),
        "precision": ratio(sum(held_pairs), len(held_pairs)),
        "links_all": len(all_pairs),
        "precision_all": ratio(sum(all_pairs), len(all_pairs)),
        "recall_kb": ratio(counts["correct"], counts["kb"]),
        "recall_graph": ratio(counts["correct"], counts["kb_graph"]),
        "by_type": {k: dict(v) for k, v in sorted(by_type.items())},
        "wrong": sorted(wrong),
        "misses": sorted(misses),
    }


def print_score(result: dict, verbose: bool = False, out=None) -> None:
    out = out or sys.stdout
    def fmt(value):
        return "n/a" if value is None else f"{value:.3f}"

    r = result
    print(f"gold documents in the graph: {r['gold_documents']}; gold names (distinct name, "
          f"qid): {r['gold_names']}; the KB holds {r['kb_holds']}; the graph holds "
          f"{r['graph_holds']}; both {r['kb_and_graph_hold']}", file=out)
    print(f"precision {fmt(r['precision'])} ({r['links_right']}/{r['links']} links on "
          f"matched nodes of names the KB holds; all names: {fmt(r['precision_all'])} of "
          f"{r['links_all']})", file=out)
    print(f"recall    {fmt(r['recall_kb'])} ({r['correct']}/{r['kb_holds']} gold names the "
          "KB holds)", file=out)
    print(f"recall    {fmt(r['recall_graph'])} ({r['correct']}/{r['kb_and_graph_hold']} of "
          "those the graph holds too)", file=out)
    for kind, stats in r["by_type"].items():
        print(f"  {kind:8} gold {stats['gold']:4}  KB {stats['kb']:4}  graph "
              f"{stats['graph']:4}  both {stats['kb_graph']:4}  linked right "
              f"{stats['correct']:4}", file=out)
    if verbose:
        for name, qid, got, labels in r["wrong"]:
            print(f"WRONG {name!r}: expected {qid}, got {got} (node: {labels})", file=out)
        for name, qid, got in r["misses"]:
            print(f"MISS  {name!r}: expected {qid}, got {got}", file=out)


# -------------------------------------------------------------------------- steps

def _corpus_folder(corpus: Path, tmp: str) -> Path:
    if not corpus.exists():
        raise FileNotFoundError(f"{corpus}: not found")
    return unpacked(corpus, Path(tmp))


def gold_step(corpus: Path, tables_dir: Path) -> GoldResult:
    with tempfile.TemporaryDirectory() as tmp:
        folder = _corpus_folder(corpus, tmp)
        readouts, common = read_corpus(folder)
    return build_gold(readouts, load_tables(tables_dir), common)


def print_gold(result: GoldResult, verbose: bool = False, dropped: int = 10,
               out=None) -> None:
    out = out or sys.stdout
    summary = result.summary()
    print(f"readout titles: {summary['readout_titles']}", file=out)
    print(f"names seen: {summary['names_seen']}, with an id: {summary['with_id']} "
          f"({summary['gold_records']} gold records in {summary['gold_documents']} "
          "documents)", file=out)
    for kind, stats in summary["by_type"].items():
        statuses = ", ".join(f"{k} {v}" for k, v in stats["statuses"].items())
        print(f"  {kind:8} seen {stats['names_seen']:4}  with id {stats['with_id']:4}  "
              f"distinct ids {stats['distinct_ids']:3}  ({statuses})", file=out)
    if summary["learnt_title_words"]:
        print(f"title words learnt from the titles: {', '.join(summary['learnt_title_words'])}",
              file=out)
    if verbose:
        limit = None if dropped < 0 else dropped
        lost = Counter((m.type, m.status, m.name, m.candidates) for _, m in result.mentions
                       if m.status != "id")
        for (kind, status, name, candidates), n in lost.most_common(limit):
            extra = f" {'/'.join(candidates)}" if candidates else ""
            print(f"DROPPED {kind:8} {status:16} {name!r} x{n}{extra}", file=out)


def _build(folder: Path, graph: Path, processes: int, extra: list[str]) -> int:
    command = [sys.executable, "-m", "kg.cli", "build", str(folder), "-o", str(graph), "-q",
               "--no-validate", "-j", str(processes), *extra]
    print("$ " + shlex.join(command), file=sys.stderr)
    return subprocess.run(command, cwd=ROOT).returncode


def spread(paths: list[str], limit: int | None) -> list[str]:
    """``limit`` of the paths, evenly spaced over the sorted list (all when 0 or None)."""
    if not limit or limit >= len(paths):
        return paths
    return [paths[i * len(paths) // limit] for i in range(limit)]


def link_documents(corpus: Path, docs: Iterable[str], folder: Path) -> int:
    """Symlink these documents of the corpus into ``folder`` under the same relative
    paths (kgbuild's document ids stay those of the gold)."""
    count = 0
    for doc in docs:
        target = folder / doc
        target.parent.mkdir(parents=True, exist_ok=True)
        os.symlink((corpus / doc).resolve(), target)
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    steps = parser.add_subparsers(dest="step", required=True)

    gold = steps.add_parser("gold", help="derive the gold from the readout titles")
    gold.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    gold.add_argument("-o", "--output", type=Path, required=True, help="the gold JSONL")
    gold.add_argument("--tables", type=Path, default=DEFAULT_TABLES)
    gold.add_argument("--summary", type=Path, help="also write the counts as JSON here")
    gold.add_argument("--dropped", type=int, default=40,
                      help="with -v, how many dropped names to list (-1: all)")
    gold.add_argument("-v", "--verbose", action="store_true")

    docs = steps.add_parser("docs", help="list the readout documents")
    docs.add_argument("corpus", type=Path)
    docs.add_argument("--gold", type=Path, help="only the documents with gold records")
    docs.add_argument("--absolute", action="store_true", help="absolute paths")

    sc = steps.add_parser("score", help="score a graph's links against the gold")
    sc.add_argument("graph", type=Path)
    sc.add_argument("--gold", type=Path, required=True)
    sc.add_argument("--kb", type=Path, help="a KB SQLite file: recall over the ids it holds")
    sc.add_argument("--all-gold", action="store_true",
                    help="do not restrict the gold to the graph's documents")
    sc.add_argument("--json", action="store_true", help="print the result as JSON")
    sc.add_argument("-v", "--verbose", action="store_true")

    run = steps.add_parser("run", help="gold, build a graph of a few readouts, score")
    run.add_argument("corpus", type=Path)
    run.add_argument("--gold", type=Path, help="a gold file (else derived now)")
    run.add_argument("--tables", type=Path, default=DEFAULT_TABLES)
    run.add_argument("--limit", type=int, default=20,
                     help="documents to build, evenly spread over the corpus (0: all)")
    run.add_argument("-o", "--output", type=Path, help="the graph (default: a temporary .nt)")
    run.add_argument("--kb", type=Path)
    run.add_argument("-j", "--processes", type=int, default=1)
    run.add_argument("--build-args", default="", help="more kgbuild build options, quoted")
    run.add_argument("-v", "--verbose", action="store_true")

    args = parser.parse_args(argv)
    try:
        if args.step == "gold":
            result = gold_step(args.corpus, args.tables)
            write_jsonl(result.records, args.output)
            print_gold(result, args.verbose, args.dropped)
            if args.summary:
                args.summary.write_text(json.dumps(result.summary(), indent=2) + "\n")
            return 0
        if args.step == "docs":
            if args.gold:
                paths = sorted({r["doc"] for r in read_jsonl(args.gold)})
            else:
                with tempfile.TemporaryDirectory() as tmp:
                    paths = [r.path for r in read_corpus(_corpus_folder(args.corpus, tmp))[0]]
            for path in paths:
                print((args.corpus / path).resolve() if args.absolute else path)
            return 0
        kb = KBIndex(args.kb)
        if args.step == "score":
            nodes, graph_docs = load_graph(args.graph)
            result = score(nodes, read_jsonl(args.gold), kb,
                           None if args.all_gold else graph_docs)
            if args.json:
                print(json.dumps(result, indent=2, ensure_ascii=False))
            else:
                print_score(result, args.verbose)
            return 0
        # run
        if not args.corpus.is_dir():
            print(f"{args.corpus}: run needs the unpacked corpus folder", file=sys.stderr)
            return 3
        records = read_jsonl(args.gold) if args.gold else gold_step(
            args.corpus, args.tables).records
        paths = spread(sorted({r["doc"] for r in records}), args.limit)
        with tempfile.TemporaryDirectory(prefix="link_eval_wh.") as tmp:
            folder = Path(tmp) / "corpus"
            linked = link_documents(args.corpus, paths, folder)
            graph = args.output or Path(tmp) / "graph.nt"
            print(f"{linked} readouts linked into {folder}", file=sys.stderr)
            code = _build(folder, graph, args.processes, shlex.split(args.build_args))
            if code not in (0, 1):
                print(f"kgbuild exited with {code}", file=sys.stderr)
                return code
            nodes, graph_docs = load_graph(graph)
        print_score(score(nodes, records, kb, graph_docs), args.verbose)
        return 0
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except BrokenPipeError:  # "docs ... | head"
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
