"""Wikidata's JSON: the entity parser and the dump reader.

This module owns two things. :func:`entity_from_json` turns one Wikidata entity, as the dump
and the API's ``wbgetentities`` both write it, into a :class:`~kg.link.kb.KBEntity`; it is
shared with the online source (:mod:`kg.link.online`). :func:`read_dump` streams a
``latest-all.json`` dump (plain, gzip or bzip2) through that parser line by line, in constant
memory, so that :func:`~kg.link.kb.write_kb` can index the whole of Wikidata.

Which classes become which entity type is data, not code: ``kg/data/wikidata_classes.yaml``
(:func:`load_classes`).
"""

from __future__ import annotations

import bz2
import calendar
import datetime as dt
import gzip
import json
import math
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, NamedTuple

import yaml

from kg.lexicon import read_yaml
from kg.link.kb import KBEntity, KBError, Office, is_qid
from kg.model import EntityType
from kg.resources import data_dir

#: sitelinks at which prominence reaches 1 (a country has about 300)
PROMINENT_SITELINKS = 300

P_INSTANCE_OF = "P31"
P_COUNTRY = "P17"
P_CITIZENSHIP = "P27"
P_POSITION_HELD = "P39"
P_START_TIME = "P580"
P_END_TIME = "P582"

# Wikidata time precisions (https://www.wikidata.org/wiki/Help:Dates): 9 year, 10 month, 11 day
_YEAR, _MONTH, _DAY = 9, 10, 11
_TIME = re.compile(r"([+-])(\d+)-(\d\d)-(\d\d)T")
# how every line of a real dump begins; lets a line be skipped without parsing it
_HEAD = re.compile(rb'\s*\{"type":"(\w+)","id":"(\w+)"')


class DumpError(KBError):
    """A dump or class table that cannot be read; the message says which and why."""


class WikidataClass(NamedTuple):
    """What an instance of one Wikidata class is to kgbuild."""

    type: EntityType
    kind: str


#: a class table: class id -> its type (and kind); the first match in order wins
ClassTable = Mapping[str, "WikidataClass | EntityType"]


def classes_file() -> Path:
    return data_dir() / "wikidata_classes.yaml"


def load_classes(path: str | os.PathLike[str] | None = None) -> dict[str, WikidataClass]:
    """The class table of ``path`` (default: the shipped ``wikidata_classes.yaml``), in order."""
    source = Path(path) if path is not None else classes_file()
    try:
        data = read_yaml(source) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DumpError(f"{source}: cannot read the Wikidata class table: {exc}") from exc
    table = data.get("classes") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise DumpError(f"{source}: expected a mapping 'classes: {{Q5: {{type: Person, "
                        "kind: human}}, ...}}'")
    out: dict[str, WikidataClass] = {}
    for qid, spec in table.items():
        qid = str(qid)
        if not is_qid(qid) or not isinstance(spec, dict):
            raise DumpError(f"{source}: {qid}: expected a class id with {{type, kind}}")
        try:
            etype = EntityType(spec.get("type"))
        except ValueError:
            names = ", ".join(t.value for t in EntityType)
            raise DumpError(f"{source}: {qid}: type {spec.get('type')!r} is not one of "
                            f"{names}") from None
        out[qid] = WikidataClass(etype, str(spec.get("kind") or ""))
    return out


# -- one entity -------------------------------------------------------------------------------

def entity_from_json(obj: Mapping, class_types: ClassTable) -> KBEntity | None:
    """The KB record of one Wikidata entity, or None when it is not one for the KB.

    None for anything but an item (properties, lexemes, missing ids), for an item without
    an English label, and for one none of whose "instance of" classes is in
    ``class_types``. ``class_types`` maps class ids to a :class:`WikidataClass` (or a bare
    :class:`EntityType`, kind then empty); the first of its classes the item is an
    instance of decides type and kind.
    """
    qid = obj.get("id")
    if obj.get("type") != "item" or not isinstance(qid, str) or not is_qid(qid):
        return None
    label, language = _english(obj.get("labels") or {})
    if label is None:
        return None
    claims = obj.get("claims") or {}
    match = _match_class(_item_values(claims, P_INSTANCE_OF), class_types)
    if match is None:
        return None
    aliases = _aliases(obj.get("aliases") or {}, language, label)
    country = _first(_item_values(claims, P_COUNTRY, ranked=True)) or _first(
        _item_values(claims, P_CITIZENSHIP, ranked=True))
    return KBEntity(qid=qid, label=label, type=match.type, aliases=aliases, kind=match.kind,
                    country=country, prominence=prominence(len(obj.get("sitelinks") or {})),
                    offices=_offices(claims))


def prominence(sitelinks: int) -> float:
    """Sitelinks scaled into [0, 1] on a log scale: 0 -> 0, 300 and more -> 1."""
    return min(1.0, math.log1p(max(sitelinks, 0)) / math.log1p(PROMINENT_SITELINKS))


def _english(labels: Mapping) -> tuple[str | None, str]:
    """The English label and its language code: ``en``, else the first ``en-*`` variant."""
    for language in ("en", *sorted(k for k in labels if k.startswith("en-"))):
        value = (labels.get(language) or {}).get("value")
        if isinstance(value, str) and value.strip():
            return value.strip(), language
    return None, ""


def _aliases(aliases: Mapping, language: str, label: str) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for lang in dict.fromkeys(("en", language)):
        for entry in aliases.get(lang) or ():
            value = entry.get("value") if isinstance(entry, dict) else None
            if isinstance(value, str) and value.strip() and value.strip() != label:
                names[value.strip()] = None
    return tuple(names)


def _match_class(classes: list[str], class_types: ClassTable) -> WikidataClass | None:
    present = set(classes)
    for cid, target in class_types.items():
        if cid in present:
            return target if isinstance(target, WikidataClass) else WikidataClass(target, "")
    return None


def _statements(claims: Mapping, prop: str, ranked: bool = False) -> list[dict]:
    """The statements of a property, deprecated ones left out; preferred first if ``ranked``."""
    found = [s for s in claims.get(prop) or () if isinstance(s, dict)
             and s.get("rank", "normal") != "deprecated"]
    if ranked:
        found.sort(key=lambda s: s.get("rank") != "preferred")  # stable: keeps file order
    return found


def _item_values(claims: Mapping, prop: str, ranked: bool = False) -> list[str]:
    values = (_item_id(s.get("mainsnak")) for s in _statements(claims, prop, ranked))
    return [v for v in values if v]


def _item_id(snak: Mapping | None) -> str | None:
    """The item id a value snak points at (``id``, or the older ``numeric-id``)."""
    if not snak or snak.get("snaktype", "value") != "value":
        return None
    value = (snak.get("datavalue") or {}).get("value")
    if not isinstance(value, dict):
        return None
    qid = value.get("id")
    if qid is None and value.get("entity-type", "item") == "item" and "numeric-id" in value:
        qid = f"Q{value['numeric-id']}"
    return qid if isinstance(qid, str) and is_qid(qid) else None


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _offices(claims: Mapping) -> tuple[Office, ...]:
    offices: dict[Office, None] = {}
    for statement in _statements(claims, P_POSITION_HELD):
        role = _item_id(statement.get("mainsnak"))
        if role is None:
            continue
        qualifiers = statement.get("qualifiers") or {}
        start = _qualifier_date(qualifiers, P_START_TIME, end=False)
        end = _qualifier_date(qualifiers, P_END_TIME, end=True)
        offices[Office(role, None, start, end)] = None
    return tuple(offices)


def _qualifier_date(qualifiers: Mapping, prop: str, end: bool) -> dt.date | None:
    for snak in qualifiers.get(prop) or ():
        if isinstance(snak, dict) and snak.get("snaktype", "value") == "value":
            value = (snak.get("datavalue") or {}).get("value")
            if isinstance(value, dict):
                return parse_time(value, end=end)
    return None


def parse_time(value: Mapping, end: bool = False) -> dt.date | None:
    """The date of a Wikidata time value (``{"time": "+2021-01-20T00:00:00Z", "precision":
    11}``). Day precision gives that day; month or year precision the first day of the
    period, or its last day when ``end``; coarser precision, dates before year 1 or
    malformed ones give None. Julian-calendar dates are taken as they are written.
    """
    match = _TIME.match(str(value.get("time", "")))
    precision = value.get("precision", _DAY)
    if match is None or match.group(1) == "-" or not isinstance(precision, int):
        return None
    year, month, day = (int(g) for g in match.group(2, 3, 4))
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    try:
        if precision >= _DAY:
            return dt.date(year, month, day)
        if precision == _MONTH:
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return dt.date(year, month, last if end else 1)
        if precision == _YEAR:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        return None
    return None


# -- the dump ---------------------------------------------------------------------------------

@dataclass
class DumpStats:
    """What a :func:`read_dump` run saw; filled in as the stream is consumed."""

    lines: int = 0  # entity lines read (the brackets not counted)
    entities: int = 0  # KB records yielded
    malformed: int = 0  # lines that are not one JSON object (a cut-off last line, say)
    malformed_lines: list[int] = field(default_factory=list)  # the first few of them, 1-based
    truncated: bool = False  # the compressed stream ended early
    missing_ids: list[str] = field(default_factory=list)  # asked-for ids not in the output

    def problems(self) -> list[str]:
        """Plain-language notes for the user, empty when all went well."""
        notes = []
        if self.malformed:
            where = ", ".join(str(n) for n in self.malformed_lines)
            more = ", …" if self.malformed > len(self.malformed_lines) else ""
            plural = "s" if self.malformed != 1 else ""
            notes.append(f"{self.malformed} line{plural} could not be parsed "
                         f"(line{plural} {where}{more})")
        if self.truncated:
            notes.append("the compressed file ends early (an incomplete download?)")
        if self.missing_ids:
            shown = ", ".join(self.missing_ids[:10])
            notes.append(f"{len(self.missing_ids)} requested id(s) not found or not of a "
                         f"known class: {shown}{', …' if len(self.missing_ids) > 10 else ''}")
        return notes


def read_dump(path: str | os.PathLike[str], types: Iterable[str] | None = None,
              ids: Iterable[str] | None = None, *, stats: DumpStats | None = None,
              class_types: ClassTable | None = None) -> Iterator[KBEntity]:
    """Stream the KB records of a Wikidata JSON dump (``.json``, ``.json.gz``, ``.json.bz2``).

    The dump is one JSON array with one entity per line; it is read a line at a time, so
    memory stays constant whatever its size. A line that does not parse (the cut-off end of
    a partial download) is skipped and counted in ``stats``, as is a compressed stream
    that ends early.

    Which entities come out:

    - neither filter: every item whose "instance of" is a class of ``class_types``
      (default: :func:`load_classes`);
    - ``types``: only instances of these classes (ids of ``class_types``; an entity type
      name such as ``"Person"`` stands for all its classes), typed by them;
    - ``ids``: only these items. An asked-for id is still typed by the class table; one
      that is not an instance of any class there cannot be typed and is left out (listed
      in ``stats.missing_ids``), rather than given a guessed type.

    Both filters together keep what both allow. A missing file, unknown ``types`` or
    malformed ``ids`` raise :class:`DumpError` at once, before anything is read.
    """
    if not Path(path).is_file():
        raise DumpError(f"{path}: no such dump file")
    table = dict(class_types) if class_types is not None else load_classes()
    if types is not None:
        table = _restrict(table, types)
    wanted = set(ids) if ids is not None else None
    if wanted is not None:
        bad = sorted(i for i in wanted if not is_qid(i))
        if bad:
            raise DumpError(f"not Wikidata item ids: {', '.join(bad[:5])}")
    return _read(Path(path), table, wanted, stats if stats is not None else DumpStats())


def _restrict(table: dict, types: Iterable[str]) -> dict:
    chosen: set[str] = set()
    unknown = []
    names = {t.value.lower(): t for t in EntityType}
    for item in types:
        etype = names.get(str(item).lower())
        if etype is not None:
            chosen.update(c for c, t in table.items() if _type_of(t) is etype)
        elif item in table:
            chosen.add(item)
        else:
            unknown.append(str(item))
    if unknown:
        raise DumpError(f"class(es) {', '.join(unknown)} not in the Wikidata class table "
                        f"({classes_file()}); add them there with a type and kind")
    return {c: t for c, t in table.items() if c in chosen}


def _type_of(target: WikidataClass | EntityType) -> EntityType:
    return target.type if isinstance(target, WikidataClass) else target


def _read(path: Path, table: dict, wanted: set[str] | None,
          stats: DumpStats) -> Iterator[KBEntity]:
    # an instance of a class has the class id as a JSON string somewhere in its line
    tokens = tuple(f'"{cid}"'.encode() for cid in table)
    remaining = set(wanted) if wanted is not None else None  # asked for, not yet seen
    found: set[str] = set()
    with open_dump(path) as stream:
        for number, line in _lines(stream, stats):
            if remaining is not None and not remaining:
                break
            raw = line.strip().rstrip(b",")
            if raw in (b"", b"[", b"]"):
                continue
            stats.lines += 1
            if not raw.endswith(b"}"):  # cut off: no need to parse it to know
                _malformed(stats, number)
                continue
            if _skip(raw, tokens, remaining):
                continue
            entity = _parse(raw, number, table, stats, remaining)
            if entity is None or (wanted is not None and entity.qid not in wanted):
                continue
            stats.entities += 1
            found.add(entity.qid)
            yield entity
    if wanted is not None:
        stats.missing_ids = sorted(wanted - found, key=lambda q: int(q[1:]))


def _skip(raw: bytes, tokens: tuple[bytes, ...], remaining: set[str] | None) -> bool:
    """Whether a line can be passed over unparsed: a property or lexeme, an id not asked
    for, or an item that mentions none of the classes. Needs the dump's standard line head
    (``{"type":"item","id":"Q42",``) for all but the last test."""
    head = _HEAD.match(raw)
    if head is not None:
        qid = head.group(2).decode()
        if head.group(1) != b"item" or (remaining is not None and qid not in remaining):
            return True
    if any(token in raw for token in tokens):
        return False
    if head is not None and remaining is not None:
        remaining.discard(head.group(2).decode())
    return True


def _parse(raw: bytes, number: int, table: dict, stats: DumpStats,
           remaining: set[str] | None) -> KBEntity | None:
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        obj = None
    if not isinstance(obj, dict):
        _malformed(stats, number)
        return None
    if remaining is not None and isinstance(obj.get("id"), str):
        remaining.discard(obj["id"])
    return entity_from_json(obj, table)


def _malformed(stats: DumpStats, number: int) -> None:
    stats.malformed += 1
    if len(stats.malformed_lines) < 5:
        stats.malformed_lines.append(number)


def _lines(stream: IO[bytes], stats: DumpStats) -> Iterator[tuple[int, bytes]]:
    """The numbered lines of the stream; a compressed stream that breaks off ends them."""
    number = 0
    try:
        for number, line in enumerate(stream, start=1):  # noqa: B007 - read after the loop
            yield number, line
    except (EOFError, zlib.error):
        stats.truncated = True
    except OSError as exc:
        if exc.errno is not None:  # a real I/O error, not gzip's or bz2's corrupt data
            raise DumpError(f"cannot read the dump after line {number}: {exc}") from exc
        stats.truncated = True


def open_dump(path: str | os.PathLike[str]) -> IO[bytes]:
    """Open a dump for reading bytes, decompressing gzip or bzip2 by its magic bytes."""
    source = Path(path)
    try:
        with open(source, "rb") as fh:
            magic = fh.read(3)
    except OSError as exc:
        raise DumpError(f"{source}: cannot open the dump: {exc.strerror or exc}") from exc
    if magic[:2] == b"\x1f\x8b":
        return gzip.open(source, "rb")
    if magic == b"BZh":
        return bz2.open(source, "rb")
    if source.suffix in (".gz", ".bz2"):
        raise DumpError(f"{source}: named {source.suffix} but not {source.suffix[1:]}-"
                        "compressed")
    return open(source, "rb")
