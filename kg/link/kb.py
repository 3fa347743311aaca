"""The knowledge base: Wikidata entities by name, in an on-disk SQLite index.

A KB is one SQLite file. It holds, for each entity, its Wikidata id, English label, type
(one of the vocabulary's entity classes), a finer kind ("country", "city", "legislator",
…), the country it belongs to, a prominence in [0, 1] and the offices it held; and a table
of folded names (label and aliases) pointing at ids. Opening it reads nothing but the
header, and a lookup is one indexed query, so a KB of millions of entities (from the full
Wikidata dump) costs no memory. :func:`write_kb` builds one from any stream of
:class:`KBEntity` (see :mod:`kg.link.sources` for the readers), writing to a temporary
file that is renamed into place.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.gazetteer import fold
from kg.model import EntityType
from kg.rdfio import atomic_path

#: the prefix of surname keys in the name table
SURNAME = "~"

#: bump when the schema changes; a KB of another version is refused with a clear message
FORMAT = "kgbuild-kb/1"


class KBError(Exception):
    """A KB file that cannot be opened or built; the message says which and why."""


@dataclass(frozen=True)
class Office:
    """An office held: a role ("president", "senator"), where, and from when to when."""

    role: str
    country: str | None = None  # Wikidata id of the country
    start: dt.date | None = None
    end: dt.date | None = None

    def held_on(self, day: dt.date) -> bool | None:
        """Whether it was held on that day; None when the KB does not know its dates."""
        if self.start is None and self.end is None:
            return None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def to_json(self) -> list:
        return [self.role, self.country,
                self.start.isoformat() if self.start else None,
                self.end.isoformat() if self.end else None]

    @classmethod
    def from_json(cls, row: list) -> Office:
        role, country, start, end = row
        return cls(role, country, dt.date.fromisoformat(start) if start else None,
                   dt.date.fromisoformat(end) if end else None)


@dataclass(frozen=True)
class KBEntity:
    """One Wikidata entity as the linker sees it."""

    qid: str
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    kind: str = ""
    country: str | None = None
    prominence: float = 0.0
    offices: tuple[Office, ...] = field(default=())

    def names(self) -> set[str]:
        """The keys it is found by (see :func:`name_key`); a person also by surname,
        under a key of its own (:data:`SURNAME`)."""
        names = (self.label, *self.aliases)
        keys = {k for k in (name_key(n) for n in names) if k}
        if self.type == EntityType.PERSON:
            keys |= {SURNAME + name_key(n.split()[-1]) for n in names if len(n.split()) > 1}
        return keys


def name_key(name: str) -> str:
    """The key a name is looked up by: :func:`kg.gazetteer.fold` without accents, so
    "Erdogan" finds "Erdoğan"."""
    decomposed = unicodedata.normalize("NFKD", fold(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_qid(value: str) -> bool:
    return len(value) > 1 and value[0] == "Q" and value[1:].isdigit()


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entity (
    qid TEXT PRIMARY KEY, label TEXT NOT NULL, type TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT, prominence REAL NOT NULL, aliases TEXT NOT NULL, offices TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE name (key TEXT NOT NULL, qid TEXT NOT NULL, PRIMARY KEY (key, qid))
    WITHOUT ROWID;
"""


def _merge(old: KBEntity, new: KBEntity) -> KBEntity:
    """Two records of one id (two sources): the first one's facts, both ones' names; but
    a record of another kind or type under the same id is a slip of its source (a town
    filed under its country's id) and adds nothing."""
    if new.type != old.type or (old.kind and new.kind and new.kind != old.kind):
        return old
    aliases = tuple(dict.fromkeys((*old.aliases, new.label, *new.aliases)))
    aliases = tuple(a for a in aliases if a != old.label)
    offices = tuple(dict.fromkeys((*old.offices, *new.offices)))
    return KBEntity(old.qid, old.label, old.type, aliases, old.kind or new.kind,
                    old.country or new.country, max(old.prominence, new.prominence), offices)


def write_kb(entities: Iterable[KBEntity], path: str | os.PathLike[str],
             sources: Iterable[str] = ()) -> int:
    """Write a KB file from a stream of entities; returns how many distinct ids it holds.

    Records of an id seen before are merged into it (the first record's label, type and
    country win; names and offices add up). Memory stays constant: the merge happens
    in the database. The file appears only when complete.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise KBError(f"{target.parent}: no such folder; create it first")
    with atomic_path(target) as tmp:
        db = sqlite3.connect(tmp)
        try:
            count = _fill(db, entities, sources)
            db.execute("VACUUM")
        finally:
            db.close()
    return count


def _fill(db: sqlite3.Connection, entities: Iterable[KBEntity], sources: Iterable[str]) -> int:
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
    count = 0
    with db:
        for entity in entities:
            row = db.execute("SELECT * FROM entity WHERE qid = ?", (entity.qid,)).fetchone()
            if row is not None:
                entity = _merge(_entity(row), entity)
            else:
                count += 1
            db.execute("INSERT OR REPLACE INTO entity VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       _row(entity))
            db.executemany("INSERT OR IGNORE INTO name VALUES (?, ?)",
                           ((name, entity.qid) for name in sorted(entity.names())))
        db.executemany("INSERT INTO meta VALUES (?, ?)",
                       [("format", FORMAT), ("entities", str(count)),
                        ("sources", json.dumps(sorted(set(sources))))])
    return count


def _row(entity: KBEntity) -> tuple:
    return (entity.qid, entity.label, entity.type.value, entity.kind, entity.country,
            round(entity.prominence, 4), json.dumps(list(entity.aliases), ensure_ascii=False),
            json.dumps([o.to_json() for o in entity.offices]))


def _entity(row: tuple) -> KBEntity:
    qid, label, etype, kind, country, prominence, aliases, offices = row
    return KBEntity(qid, label, EntityType(etype), tuple(json.loads(aliases)), kind, country,
                    prominence, tuple(Office.from_json(o) for o in json.loads(offices)))


class KB:
    """A KB file opened read-only. Lookups are indexed queries; nothing is loaded whole."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise KBError(f"{self.path}: no such knowledge base; build one with "
                          "'kgbuild kb build SOURCE -o KB'")
        try:
            self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                       check_same_thread=False)
            meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as exc:
            raise KBError(f"{self.path}: not a kgbuild knowledge base ({exc}); build one "
                          "with 'kgbuild kb build SOURCE -o KB'") from None
        if meta.get("format") != FORMAT:
            raise KBError(f"{self.path}: knowledge base format {meta.get('format')!r}, "
                          f"this kgbuild reads {FORMAT!r}; rebuild it with 'kgbuild kb build'")
        self.size = int(meta.get("entities", 0))
        self.sources: list[str] = json.loads(meta.get("sources", "[]"))

    def candidates(self, name: str, surname: bool = False) -> list[KBEntity]:
        """The entities one of whose names folds like ``name``, in id order; with
        ``surname``, the people whose surname it is."""
        key = name_key(name)
        if key and surname:
            key = SURNAME + key
        if not key:
            return []
        rows = self._db.execute(
            "SELECT e.* FROM name n JOIN entity e ON e.qid = n.qid WHERE n.key = ? "
            "ORDER BY e.qid", (key,))
        return [_entity(row) for row in rows]

    def get(self, qid: str) -> KBEntity | None:
        row = self._db.execute("SELECT * FROM entity WHERE qid = ?", (qid,)).fetchone()
        return _entity(row) if row else None

    def __iter__(self) -> Iterator[KBEntity]:
        for row in self._db.execute("SELECT * FROM entity ORDER BY qid"):
            yield _entity(row)

    def close(self) -> None:
        self._db.close()

    # pickling (for worker processes) reopens the file
    def __getstate__(self) -> dict:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])
