"""``kgbuild kb build``: a knowledge base from Wikidata dumps and gazetteer tables.

Each source is read as a stream (a dump of millions of entities never sits in memory)
into :func:`kg.link.kb.write_kb`. The kind of a source follows its name: ``.json``,
``.json.gz`` and ``.json.bz2`` are dumps; ``.csv``, ``.tsv`` and ``.txt`` (also gzipped)
are tables.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.link.dump import DumpStats, read_dump
from kg.link.kb import KBEntity, KBError, is_qid, write_kb
from kg.link.sources import TableStats, parse_type, read_table

DUMP_SUFFIXES = (".json", ".json.gz", ".json.bz2")
TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".csv.gz", ".tsv.gz")


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(DUMP_SUFFIXES):
        return "dump"
    if name.endswith(TABLE_SUFFIXES):
        return "table"
    raise KBError(f"{path}: not a known source; give a Wikidata dump "
                  f"({', '.join(DUMP_SUFFIXES)}) or a table ({', '.join(TABLE_SUFFIXES)})")


def read_ids(path: Path) -> set[str]:
    """One Wikidata id a line (blank lines and # comments ignored)."""
    ids = set()
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            value = line.split("#", 1)[0].strip()
            if not value:
                continue
            if not is_qid(value):
                raise KBError(f"{path}, line {number}: {value!r} is not a Wikidata id")
            ids.add(value)
    return ids


def build_kb(sources: Iterable[str | os.PathLike[str]], output: str | os.PathLike[str],
             types: Iterable[str] = (), ids_file: str | os.PathLike[str] | None = None,
             default_type: str | None = None,
             on_progress: Callable[[int], None] | None = None) -> str:
    """Build the KB file ``output``; returns a one-paragraph report of what went in.
    ``on_progress`` is called with the number of records read, every 10,000."""
    paths = [Path(s) for s in sources]
    for path in paths:
        if not path.is_file():
            raise KBError(f"{path}: no such file")
        _kind(path)
    etype = None
    if default_type is not None:
        etype = parse_type(default_type)
        if etype is None:
            raise KBError(f"--default-type {default_type}: use Person, Organization, "
                          "Location or Group")
    ids = read_ids(Path(ids_file)) if ids_file else None
    counts: dict[str, int] = {}
    notes: list[str] = []
    total_read = 0

    def stream() -> Iterator[KBEntity]:
        nonlocal total_read
        for path in paths:
            count = 0
            if _kind(path) == "dump":  # the class ids of --type are checked by read_dump
                stats = DumpStats()
                records = read_dump(path, types=list(types) or None, ids=ids, stats=stats)
            else:
                stats = TableStats()
                records = read_table(path, default_type=etype, stats=stats)
            for count, entity in enumerate(records, start=1):  # noqa: B007
                yield entity
                total_read += 1
                if on_progress is not None and total_read % 10_000 == 0:
                    on_progress(total_read)
            counts[str(path)] = count
            notes.extend(f"{path}: {problem}" for problem in stats.problems())

    total = write_kb(stream(), output, [p.name for p in paths])
    lines = [f"{output}: {total} entities"]
    lines += [f"  {path}: {n} records" for path, n in counts.items()]
    lines += [f"  {note}" for note in notes]
    return "\n".join(lines)

