"""Gazetteer tables (CSV or TSV) as knowledge-base records.

A table has a header row. Recognised columns (case-insensitive; others are ignored):

- the Wikidata id: ``id``, ``qid``, ``wikidata``, ``wikidata_id`` or ``wikiDataId``;
- the name: ``label``, ``name_en`` or ``name``;
- ``aliases``: other names, separated by ``|`` or ``;``;
- ``type``: Person, Organization, Location or Group (also PER, PERSON, ORG, LOC, GPE);
  a table without it needs a default type;
- optional ``kind`` (a finer class: "city", "party"), ``country`` (a Wikidata id) and
  ``prominence`` (0 to 1; ranks namesakes).

Lines that begin with ``#`` before the header are comments. A row without an id or a
name is skipped and counted; a row with an id that is not a Wikidata id (``Q`` and
digits) is an error that names the file and the line.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.link.kb import KBEntity, KBError, is_qid
from kg.model import EntityType

ID_COLUMNS = ("id", "qid", "wikidata", "wikidata_id", "wikidataid")
LABEL_COLUMNS = ("label", "name_en", "name")

TYPE_NAMES = {
    "person": EntityType.PERSON, "per": EntityType.PERSON,
    "organization": EntityType.ORGANIZATION, "organisation": EntityType.ORGANIZATION,
    "org": EntityType.ORGANIZATION, "norp": EntityType.GROUP,
    "location": EntityType.LOCATION, "loc": EntityType.LOCATION, "gpe": EntityType.LOCATION,
    "place": EntityType.LOCATION, "group": EntityType.GROUP,
}


@dataclass
class TableStats:
    rows: int = 0
    skipped: int = 0

    def problems(self) -> list[str]:
        """What a report should say about the rows read (as :class:`DumpStats` does)."""
        if not self.skipped:
            return []
        return [f"{self.skipped} row(s) without an id or a name were skipped"]


def parse_type(value: str) -> EntityType | None:
    return TYPE_NAMES.get(value.strip().lower())


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _column(header: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((header[n] for n in names if n in header), None)


def read_table(path: str | os.PathLike[str], default_type: EntityType | None = None,
               stats: TableStats | None = None) -> Iterator[KBEntity]:
    """The records of a CSV or TSV gazetteer (the delimiter is sniffed from the header)."""
    path = Path(path)
    stats = stats if stats is not None else TableStats()
    try:
        with _open_text(path) as raw:
            first, skipped = raw.readline(), 0
            while first.startswith("#"):  # leading comments
                first, skipped = raw.readline(), skipped + 1
            delimiter = "\t" if "\t" in first else ","
            fields = next(csv.reader([first], delimiter=delimiter), [])
            header = {f.strip().lower(): f for f in fields}
            id_col, label_col = _column(header, ID_COLUMNS), _column(header, LABEL_COLUMNS)
            if id_col is None or label_col is None:
                raise KBError(f"{path}: the header needs an id column ({', '.join(ID_COLUMNS)})"
                              f" and a name column ({', '.join(LABEL_COLUMNS)}); it has "
                              f"{', '.join(fields) or 'nothing'}")
            if "type" not in header and default_type is None:
                raise KBError(f"{path}: no 'type' column; give every row's type with "
                              "--default-type")
            reader = csv.DictReader(raw, fieldnames=fields, delimiter=delimiter)
            for line, row in enumerate(reader, start=2 + skipped):
                entity = _record(row, header, id_col, label_col, default_type, path, line)
                stats.rows += 1
                if entity is None:
                    stats.skipped += 1
                else:
                    yield entity
    except (UnicodeDecodeError, gzip.BadGzipFile, csv.Error) as exc:
        raise KBError(f"{path}: cannot read it as a UTF-8 CSV/TSV table ({exc})") from None


def _record(row: dict, header: dict[str, str], id_col: str, label_col: str,
            default_type: EntityType | None, path: Path, line: int) -> KBEntity | None:
    def get(name: str) -> str:
        column = header.get(name)
        return (row.get(column) or "").strip() if column else ""

    qid, label = (row.get(id_col) or "").strip(), (row.get(label_col) or "").strip()
    if not qid or not label:
        return None
    qid = qid.rsplit("/", 1)[-1]  # a full entity IRI is accepted
    if not is_qid(qid):
        raise KBError(f"{path}, line {line}: {qid!r} is not a Wikidata id (Q and digits)")
    etype = parse_type(get("type")) if get("type") else default_type
    if etype is None:
        raise KBError(f"{path}, line {line}: unknown type {get('type')!r}; use Person, "
                      "Organization, Location or Group")
    aliases = [a.strip() for a in get("aliases").replace(";", "|").split("|")]
    country = get("country")
    try:
        prominence = min(1.0, max(0.0, float(get("prominence") or 0)))
    except ValueError:
        raise KBError(f"{path}, line {line}: prominence {get('prominence')!r} is not a "
                      "number") from None
    return KBEntity(qid, label, etype, tuple(a for a in dict.fromkeys(aliases) if a and a != label),
                    get("kind"), country if is_qid(country) else None, prominence)
