"""Build the knowledge base that ships with kgbuild (kg/data/kb.sqlite) from public tables.

Facts only (a Wikidata id, names, a type, a country, offices with dates) are carried over
from the tables in ../shared/wikidata; each source, its commit and licence are listed in
that folder's PROVENANCE.md and repeated in SOURCES below, which the KB records too.

    python scripts/build_kb.py [--shared ../shared/wikidata] [-o kg/data/kb.sqlite]

What goes in:
- countries (all 250), by their English names (a capital is a city, not an alias);
- regions with an id (states.csv);
- cities with an id that are capitals or have at least 50,000 inhabitants;
- international organisations (two tables), with abbreviations and other names;
- US presidents and vice presidents with an id, and the current Congress, with their
  terms as dated offices;
- legislators of 242 legislatures (everypolitician, 2016), with their country;
- parties and legislatures (everypolitician);
- kg/data/kb_extra.tsv: a few hand-checked facts, each with its source named there.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.link.kb import KBEntity, Office, is_qid, write_kb  # noqa: E402
from kg.link.sources import read_table  # noqa: E402
from kg.model import EntityType  # noqa: E402

SOURCES = [
    "dr5hn/countries-states-cities-database@7fda0afd countries.csv, states.csv, "
    "contributions/cities (ODbL-1.0)",
    "everypolitician-data (fork beastie87)@b2e033ee politicians and parties (CC0 fields)",
    "unitedstates/congress-legislators@dfa96222 executive.yaml, legislators-current.yaml (CC0)",
    "confirmordeny/supraverden@59ab4fa0 general_list.yaml (CC BY-SA 4.0)",
    "opensanctions/opensanctions@f33cff23 igo.py id-name table (MIT)",
    "kg/data/kb_extra.tsv (hand-checked, sources named per row)",
]

MIN_CITY_POPULATION = 50_000
US = "Q30"


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _split(value: str, sep: str = "|") -> list[str]:
    return [v.strip() for v in (value or "").split(sep) if v.strip()]


def _names(label: str, *others: str) -> tuple[str, ...]:
    return tuple(n for n in dict.fromkeys(others) if n and n != label)


def countries(shared: Path) -> tuple[list[KBEntity], dict[str, str]]:
    """The countries, and a map from ISO 3166-1 alpha-2 code to Wikidata id."""
    out, codes = [], {}
    for r in _rows(shared / "countries.csv"):
        qid = r["wikiDataId"].strip()
        if not is_qid(qid):
            continue
        codes[r["iso2"]] = qid
        # the table's "native" names are left out: some are not the country's name
        # (Singapore's is "Woodlands"), and English news writes the English one
        out.append(KBEntity(qid, r["name"], EntityType.LOCATION, (), "country", qid, 1.0))
    return out, codes


def regions(shared: Path, codes: dict[str, str]) -> Iterator[KBEntity]:
    for r in _rows(shared / "states.csv"):
        qid = r["wikiDataId"].strip()
        if is_qid(qid):
            yield KBEntity(qid, r["name"], EntityType.LOCATION, (), "region",
                           codes.get(r["country_code"]), 0.5)


def _population_prominence(population: int) -> float:
    """0.3 for a town of 50,000, up to 0.8 for a city of ten million."""
    return round(0.3 + 0.5 * min(1.0, max(0.0, math.log10(max(population, 1) / 5e4) / 2.3)), 3)


def cities(shared: Path, codes: dict[str, str]) -> Iterator[KBEntity]:
    for r in _rows(shared / "cities_wikidata_partial.csv"):
        qid = r["wikiDataId"].strip()
        population = int(r["population"] or 0)
        capital = r["type"] == "capital"
        if is_qid(qid) and (capital or population >= MIN_CITY_POPULATION):
            prominence = max(_population_prominence(population), 0.7 if capital else 0.0)
            yield KBEntity(qid, r["name"], EntityType.LOCATION, (), "city",
                           codes.get(r["country_code"]), prominence)


def organisations(shared: Path) -> Iterator[KBEntity]:
    for r in _rows(shared / "supraverden" / "international_orgs_wikidata.csv"):
        qid, label = r["Wikidata_code"].strip(), r["Name_en"].strip()
        if is_qid(qid) and label:
            yield KBEntity(qid, label, EntityType.ORGANIZATION,
                           _names(label, r["Abbreviation_en"].strip(), r["Name_other_en"].strip(),
                                  r["Name_other_2_en"].strip(), r["key"].strip()),
                           "international organisation", None, 0.7)
    for r in _rows(shared / "igos_opensanctions.csv"):
        if is_qid(r["qid"]):
            yield KBEntity(r["qid"], r["name"], EntityType.ORGANIZATION, (),
                           "international organisation", None, 0.7)


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


US_ROLES = {"prez": "president", "viceprez": "vice president", "sen": "senator",
            "rep": "representative"}


def _us_person(person: dict, prominence: float) -> KBEntity | None:
    qid = str(person["id"].get("wikidata") or "")
    if not is_qid(qid):
        return None
    name = person["name"]
    first, last = name.get("first", ""), name["last"]
    middle, nick = name.get("middle", ""), name.get("nickname", "")
    label = f"{nick or first} {last}"
    forms = [name.get("official_full", ""), f"{first} {last}", f"{first} {middle} {last}"]
    if middle:
        forms.append(f"{first} {middle[0]}. {last}")
    offices = tuple(Office(US_ROLES[t["type"]], US, _date(t.get("start")), _date(t.get("end")))
                    for t in person.get("terms", ()) if t["type"] in US_ROLES)
    return KBEntity(qid, label, EntityType.PERSON, _names(label, *(" ".join(f.split())
                    for f in forms)), "politician", US, prominence, offices)


def us_people(shared: Path) -> Iterator[KBEntity]:
    folder = shared / "us_congress_legislators"
    for file, prominence in (("executive.yaml", 0.9), ("legislators-current.yaml", 0.6)):
        with open(folder / file, encoding="utf-8") as fh:
            for person in yaml.safe_load(fh):
                entity = _us_person(person, prominence)
                if entity is not None:
                    yield entity


_LATIN = re.compile(r"^[\w .'’-]+$")


def legislators(shared: Path, codes: dict[str, str]) -> Iterator[KBEntity]:
    for r in _rows(shared / "everypolitician" / "politicians_wikidata.csv"):
        qid = r["wikidata"].strip()
        label = (r["name_en"] or r["name"]).strip()
        if not is_qid(qid) or not label:
            continue
        others = [r["name"].strip(), *_split(r["aliases"])]
        yield KBEntity(qid, label, EntityType.PERSON,
                       _names(label, *(o for o in others if _LATIN.match(o))), "legislator",
                       codes.get(r["country_code"]), 0.4)


def parties(shared: Path, codes: dict[str, str]) -> Iterator[KBEntity]:
    for r in _rows(shared / "everypolitician" / "parties_wikidata.csv"):
        qid = r["wikidata"].strip()
        if is_qid(qid) and r["name"].strip():
            yield KBEntity(qid, r["name"].strip(), EntityType.ORGANIZATION, (),
                           r["classification"] or "party", codes.get(r["country_code"]), 0.4)


def all_entities(shared: Path) -> Iterator[KBEntity]:
    country_list, codes = countries(shared)
    yield from read_table(ROOT / "kg" / "data" / "kb_extra.tsv")
    yield from country_list
    yield from organisations(shared)
    yield from us_people(shared)
    yield from legislators(shared, codes)
    yield from parties(shared, codes)
    yield from regions(shared, codes)
    yield from cities(shared, codes)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "wikidata")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "kg" / "data" / "kb.sqlite")
    args = parser.parse_args(argv)
    count = write_kb(all_entities(args.shared), args.output, SOURCES)
    size = args.output.stat().st_size / 1e6
    print(f"{args.output}: {count} entities, {size:.1f} MB")


if __name__ == "__main__":
    main()
