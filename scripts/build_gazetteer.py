"""Build kg/data/countries.tsv from ../shared/wikidata/countries.csv.

Source: dr5hn/countries-states-cities-database, countries.csv (commit 7fda0afd), ODbL-1.0,
as copied in ../shared/wikidata (see its PROVENANCE.md). Only facts are carried over: the
country's name, its Wikidata id, its capital and its demonyms ("nationality").

    python scripts/build_gazetteer.py [../shared/wikidata/countries.csv]
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "wikidata" / "countries.csv"
TARGET = ROOT / "kg" / "data" / "countries.tsv"


def main(source: Path = DEFAULT_SOURCE) -> None:
    with open(source, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    demonym_count = Counter(
        d.strip() for r in rows for d in r["nationality"].split(",") if d.strip()
    )
    with open(TARGET, "w", encoding="utf-8", newline="") as out:
        out.write(
            "# Countries: name, Wikidata id, capital, demonyms (unambiguous ones only).\n"
            "# Built by scripts/build_gazetteer.py from dr5hn/countries-states-cities-database\n"
            "# countries.csv (commit 7fda0afd, ODbL-1.0); facts only.\n"
        )
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["name", "qid", "capital", "demonyms"])
        for r in sorted(rows, key=lambda r: r["name"]):
            demonyms = [
                d.strip()
                for d in r["nationality"].split(",")
                if d.strip() and demonym_count[d.strip()] == 1 and d.strip() != r["name"]
            ]
            writer.writerow([r["name"], r["wikiDataId"], r["capital"], "|".join(demonyms)])


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
