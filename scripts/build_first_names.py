"""Build kg/data/first_names.tsv: first names and the gender they are (almost always)
given to, for agreeing "he" and "she" with a person.

Sources (facts only, see ../shared/wikidata/PROVENANCE.md): everypolitician data
(politicians_wikidata.csv: English name and gender of 35,137 legislators, Wikidata
fields CC0) and unitedstates/congress-legislators (legislators-current.yaml and
executive.yaml: first name and gender, CC0). A name is kept when it is borne by at least
three people of whom at least 95 % share one gender.

    python scripts/build_first_names.py [../shared/wikidata]
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "wikidata"
TARGET = ROOT / "kg" / "data" / "first_names.tsv"
GENDERS = {"male": "m", "m": "m", "female": "f", "f": "f"}


def _politicians(source: Path):
    with open(source / "everypolitician" / "politicians_wikidata.csv", encoding="utf-8",
              newline="") as fh:
        for row in csv.DictReader(fh):
            name = (row["name_en"] or row["name"]).split()
            if name and row["gender"].lower() in GENDERS:
                yield name[0], GENDERS[row["gender"].lower()]


def _congress(source: Path):
    for file in ("legislators-current.yaml", "executive.yaml"):
        with open(source / "us_congress_legislators" / file, encoding="utf-8") as fh:
            for person in yaml.safe_load(fh):
                first = person.get("name", {}).get("first")
                gender = str(person.get("bio", {}).get("gender", "")).lower()
                if first and gender in GENDERS:
                    yield first, GENDERS[gender]


def main(source: Path = DEFAULT_SOURCE) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    for first, gender in [*_politicians(source), *_congress(source)]:
        if first.isalpha() and first[:1].isupper() and len(first) > 1:
            counts[first][gender] += 1
    with open(TARGET, "w", encoding="utf-8", newline="") as out:
        out.write("# First names and the gender of (nearly) all who bear them: m or f.\n"
                  "# Built by scripts/build_first_names.py from everypolitician (Wikidata\n"
                  "# fields, CC0) and unitedstates/congress-legislators (CC0); facts only.\n")
        for name in sorted(counts):
            total = sum(counts[name].values())
            gender, top = counts[name].most_common(1)[0]
            if total >= 3 and top / total >= 0.95:
                out.write(f"{name}\t{gender}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
