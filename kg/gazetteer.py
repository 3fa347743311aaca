"""Names of countries and organisations: canonical names, aliases, demonyms, capitals.

Read from ``kg/data/countries.tsv`` (built by ``scripts/build_gazetteer.py`` from a public
table, facts only) and ``kg/data/aliases.yaml`` (hand-written). Used to give "US",
"U.S." and "the United States" one canonical name, and to read "Iranian missiles" as
missiles of Iran.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from kg.lexicon import read_yaml
from kg.model import EntityType
from kg.resources import data_dir


def fold(name: str) -> str:
    """The key a name is looked up by: case, a leading "the", periods and spacing folded."""
    text = " ".join(name.replace("’", "'").split()).lower()
    if text.startswith("the "):
        text = text[4:]
    return text.replace(".", "")


@dataclass(frozen=True)
class Place:
    label: str
    type: EntityType
    qid: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, Place]  # folded name or alias -> place
    demonyms: dict[str, Place]  # folded demonym -> place
    capitals: dict[str, Place]  # folded capital -> its country

    def lookup(self, name: str) -> Place | None:
        return self.names.get(fold(name))

    def demonym(self, word: str) -> Place | None:
        return self.demonyms.get(fold(word))

    def capital(self, name: str) -> Place | None:
        return self.capitals.get(fold(name))


def _rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t")


@cache
def load_gazetteer() -> Gazetteer:
    names: dict[str, Place] = {}
    demonyms: dict[str, Place] = {}
    capitals: dict[str, Place] = {}
    for row in _rows(data_dir() / "countries.tsv"):
        place = Place(row["name"], EntityType.LOCATION, row["qid"] or None)
        names[fold(row["name"])] = place
        for demonym in filter(None, row["demonyms"].split("|")):
            demonyms[fold(demonym)] = place
        if row["capital"]:
            capitals[fold(row["capital"])] = place
    extra = read_yaml(data_dir() / "aliases.yaml") or {}
    for label, spec in extra.items():
        known = names.get(fold(label))
        place = Place(label, EntityType(spec.get("type", "Location")), known.qid if known else None)
        names[fold(label)] = place
        for alias in spec.get("aliases") or ():
            names[fold(alias)] = place
        for demonym in spec.get("demonyms") or ():
            demonyms[fold(demonym)] = place
    return Gazetteer(names, demonyms, capitals)
