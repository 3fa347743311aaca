"""Tests of kg.link.dump: Wikidata entity JSON to KB records, and the streaming dump reader.

The fixtures are small dumps written here; the only outside input is
../shared/wikidata/dump_sample (real dump lines and one API entity), read by tests that are
skipped when it is absent.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json
import tracemalloc
from pathlib import Path

import pytest

from kg.link.dump import (
    DumpError,
    DumpStats,
    WikidataClass,
    entity_from_json,
    load_classes,
    open_dump,
    parse_time,
    prominence,
    read_dump,
)
from kg.link.kb import KB, Office, write_kb
from kg.model import EntityType

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "wikidata" / "dump_sample"
SAMPLE_DUMP = SAMPLE / "latest-all.first50lines.json"
SAMPLE_Q42 = SAMPLE / "qwikidata_wd_Q42.json"

CLASSES = {
    "Q5": WikidataClass(EntityType.PERSON, "human"),
    "Q6256": WikidataClass(EntityType.LOCATION, "country"),
    "Q515": WikidataClass(EntityType.LOCATION, "city"),
}


# -- building entities in the dump's JSON shape -----------------------------------------------

def item_snak(prop: str, qid: str) -> dict:
    return {"snaktype": "value", "property": prop, "datatype": "wikibase-item",
            "datavalue": {"type": "wikibase-entityid",
                          "value": {"entity-type": "item", "numeric-id": int(qid[1:]),
                                    "id": qid}}}


def time_snak(prop: str, time: str, precision: int = 11) -> dict:
    return {"snaktype": "value", "property": prop, "datatype": "time",
            "datavalue": {"type": "time",
                          "value": {"time": time, "timezone": 0, "before": 0, "after": 0,
                                    "precision": precision,
                                    "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}}}


def statement(prop: str, qid: str, rank: str = "normal", qualifiers: dict | None = None) -> dict:
    out = {"mainsnak": item_snak(prop, qid), "type": "statement", "rank": rank,
           "id": f"Q0${prop}-{qid}"}
    if qualifiers:
        out["qualifiers"] = qualifiers
    return out


def item(qid: str, label: str | None, *classes: str, aliases: tuple[str, ...] = (),
         sitelinks: int = 0, claims: dict | None = None, label_lang: str = "en") -> dict:
    all_claims = {"P31": [statement("P31", c) for c in classes]}
    all_claims.update(claims or {})
    return {
        "type": "item", "id": qid,
        "labels": ({label_lang: {"language": label_lang, "value": label}} if label else {}),
        "descriptions": {},
        "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
        "claims": all_claims,
        "sitelinks": {f"wiki{i}": {"site": f"wiki{i}", "title": label, "badges": []}
                      for i in range(sitelinks)},
    }


def president() -> dict:
    """A human with offices: day, month and year precision, and a deprecated statement."""
    return item("Q1001", "Ada Example", "Q5", aliases=("A. Example", "Ada Example"),
                sitelinks=20, claims={
                    "P27": [statement("P27", "Q1002"),
                            statement("P27", "Q1004", rank="preferred"),
                            statement("P27", "Q1005", rank="deprecated")],
                    "P39": [
                        statement("P39", "Q2001", qualifiers={
                            "P580": [time_snak("P580", "+2021-01-20T00:00:00Z")],
                            "P582": [time_snak("P582", "+2025-01-20T00:00:00Z")]}),
                        statement("P39", "Q2002", qualifiers={
                            "P580": [time_snak("P580", "+2009-00-00T00:00:00Z", 9)],
                            "P582": [time_snak("P582", "+2017-02-00T00:00:00Z", 10)]}),
                        statement("P39", "Q2003"),
                        statement("P39", "Q2004", rank="deprecated"),
                    ]})


def country() -> dict:
    return item("Q1002", "Examplia", "Q6256", aliases=("Republic of Examplia",),
                sitelinks=300, claims={"P17": [statement("P17", "Q1002")]})


def unmapped() -> dict:
    return item("Q1003", "example beer", "Q44")


def a_property() -> dict:
    return {"type": "property", "datatype": "wikibase-item", "id": "P31",
            "labels": {"en": {"language": "en", "value": "instance of"}}, "claims": {}}


def dump_text(entities: list[dict], truncated: str | None = None) -> str:
    """The dump's layout: '[', one entity a line with a comma after all but the last, ']'."""
    lines = [json.dumps(e, separators=(",", ":"), ensure_ascii=False) for e in entities]
    body = ",\n".join(lines)
    if truncated is not None:  # the first lines of a bigger file: no closing bracket
        return "[\n" + body + ",\n" + truncated + "\n"
    return "[\n" + body + "\n]\n"


def write_dump(path: Path, text: str) -> Path:
    data = text.encode("utf-8")
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    elif path.name.endswith(".bz2"):
        data = bz2.compress(data)
    path.write_bytes(data)
    return path


def synthetic(tmp_path: Path, suffix: str = ".json") -> Path:
    cut = json.dumps(item("Q1006", "Cut Off", "Q5"), separators=(",", ":"))[:70]
    text = dump_text([president(), a_property(), country(), unmapped()], truncated=cut)
    return write_dump(tmp_path / f"dump{suffix}", text)


# -- one entity -------------------------------------------------------------------------------

def test_a_human_with_offices():
    entity = entity_from_json(president(), CLASSES)
    assert entity is not None
    assert (entity.qid, entity.label, entity.type, entity.kind) == (
        "Q1001", "Ada Example", EntityType.PERSON, "human")
    assert entity.aliases == ("A. Example",)  # the label is not its own alias
    assert entity.country == "Q1004"  # the preferred citizenship before the normal one
    assert entity.prominence == pytest.approx(prominence(20))
    assert entity.offices == (
        Office("Q2001", None, dt.date(2021, 1, 20), dt.date(2025, 1, 20)),
        Office("Q2002", None, dt.date(2009, 1, 1), dt.date(2017, 2, 28)),
        Office("Q2003", None, None, None),
    )  # the deprecated Q2004 is left out


def test_a_country():
    entity = entity_from_json(country(), CLASSES)
    assert entity is not None
    assert (entity.type, entity.kind, entity.country) == (EntityType.LOCATION, "country",
                                                          "Q1002")
    assert entity.prominence == 1.0
    assert "republic of examplia" in entity.names()


def test_the_first_class_of_the_table_decides():
    both = item("Q1010", "Capitalia", "Q515", "Q6256")
    assert entity_from_json(both, CLASSES).kind == "country"  # Q6256 is listed before Q515
    assert entity_from_json(both, {"Q515": EntityType.LOCATION}).kind == ""  # bare types


@pytest.mark.parametrize("obj", [
    a_property(),
    {"type": "lexeme", "id": "L1", "lemmas": {"en": {"language": "en", "value": "x"}}},
    {"id": "Q1007", "missing": ""},
    item("Q1008", None, "Q5"),  # no English label
    unmapped(),
    item("Q1009", "Old Person", "Q5", claims={}) | {
        "claims": {"P31": [statement("P31", "Q5", rank="deprecated")]}},
])
def test_what_is_not_a_kb_entity(obj):
    assert entity_from_json(obj, CLASSES) is None


def test_an_english_variant_label_is_a_fallback():
    entity = entity_from_json(item("Q1011", "Colour Person", "Q5", label_lang="en-gb"),
                              CLASSES)
    assert entity is not None and entity.label == "Colour Person"


def test_older_snaks_with_only_a_numeric_id():
    obj = item("Q1012", "Old Format", "Q5")
    del obj["claims"]["P31"][0]["mainsnak"]["datavalue"]["value"]["id"]
    assert entity_from_json(obj, CLASSES).type is EntityType.PERSON


@pytest.mark.parametrize(("time", "precision", "end", "expected"), [
    ("+2021-01-20T00:00:00Z", 11, False, dt.date(2021, 1, 20)),
    ("+2021-01-20T00:00:00Z", 14, True, dt.date(2021, 1, 20)),
    ("+2020-02-00T00:00:00Z", 10, False, dt.date(2020, 2, 1)),
    ("+2020-02-00T00:00:00Z", 10, True, dt.date(2020, 2, 29)),
    ("+1990-00-00T00:00:00Z", 9, False, dt.date(1990, 1, 1)),
    ("+1990-00-00T00:00:00Z", 9, True, dt.date(1990, 12, 31)),
    ("+1900-00-00T00:00:00Z", 7, False, None),  # a century
    ("-0044-03-15T00:00:00Z", 11, False, None),  # before year 1
    ("+2021-00-00T00:00:00Z", 11, False, None),  # day precision without a day
    ("2021-01-20", 11, False, None),
])
def test_time_values(time, precision, end, expected):
    assert parse_time({"time": time, "precision": precision}, end=end) == expected


# -- the class table --------------------------------------------------------------------------

def test_the_shipped_class_table():
    table = load_classes()
    assert table["Q5"] == WikidataClass(EntityType.PERSON, "human")
    assert table["Q6256"].type is EntityType.LOCATION
    assert all(t.kind for t in table.values())
    assert list(table).index("Q6256") < list(table).index("Q515")  # order is priority


def test_a_bad_class_table_says_what_is_wrong(tmp_path):
    bad = tmp_path / "classes.yaml"
    bad.write_text("classes:\n  Q5: {type: Human, kind: human}\n")
    with pytest.raises(DumpError, match="Q5: type 'Human' is not one of"):
        load_classes(bad)


# -- the dump ---------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".json", ".json.gz", ".json.bz2"])
def test_read_a_dump(tmp_path, suffix):
    stats = DumpStats()
    entities = list(read_dump(synthetic(tmp_path, suffix), stats=stats, class_types=CLASSES))
    assert [e.qid for e in entities] == ["Q1001", "Q1002"]
    assert stats.malformed == 1 and stats.malformed_lines == [6]
    assert stats.lines == 5 and stats.entities == 2 and not stats.truncated
    assert stats.problems() == ["1 line could not be parsed (line 6)"]


def test_compression_is_told_by_its_magic_bytes(tmp_path):
    path = tmp_path / "dump.json"  # gzip content, plain name
    path.write_bytes(gzip.compress(dump_text([country()]).encode()))
    assert [e.qid for e in read_dump(path, class_types=CLASSES)] == ["Q1002"]
    wrong = tmp_path / "dump.json.bz2"
    wrong.write_text(dump_text([country()]))
    with pytest.raises(DumpError, match="not bz2-compressed"), open_dump(wrong):
        pass


def test_a_cut_off_compressed_dump_ends_cleanly(tmp_path):
    data = gzip.compress(dump_text([president(), country()] * 50).encode())
    path = tmp_path / "dump.json.gz"
    path.write_bytes(data[: len(data) // 2])
    stats = DumpStats()
    entities = list(read_dump(path, stats=stats, class_types=CLASSES))
    assert stats.truncated and entities and entities[0].qid == "Q1001"
    assert any("ends early" in note for note in stats.problems())


def test_lines_not_in_the_dumps_own_layout_are_still_read(tmp_path):
    spaced = "[\n" + ",\n".join(json.dumps(e) for e in (country(), president())) + "\n]\n"
    path = write_dump(tmp_path / "dump.json", spaced)
    assert [e.qid for e in read_dump(path, class_types=CLASSES)] == ["Q1002", "Q1001"]


def test_filter_by_class(tmp_path):
    path = synthetic(tmp_path)
    assert [e.qid for e in read_dump(path, types=["Q5"], class_types=CLASSES)] == ["Q1001"]
    assert [e.qid for e in read_dump(path, types=["Location"], class_types=CLASSES)] == [
        "Q1002"]
    with pytest.raises(DumpError, match="Q44"):
        read_dump(path, types=["Q44"], class_types=CLASSES)  # raised before reading


def test_a_class_filter_types_by_that_class(tmp_path):
    path = write_dump(tmp_path / "dump.json", dump_text([item("Q1010", "Capitalia", "Q515",
                                                              "Q6256")]))
    (city,) = read_dump(path, types=["Q515"], class_types=CLASSES)
    assert city.kind == "city"


def test_filter_by_id(tmp_path):
    stats = DumpStats()
    path = synthetic(tmp_path)
    got = list(read_dump(path, ids=["Q1001", "Q1003"], stats=stats, class_types=CLASSES))
    assert [e.qid for e in got] == ["Q1001"]
    assert stats.missing_ids == ["Q1003"]  # not of a known class: left out, not guessed
    assert any("Q1003" in note for note in stats.problems())
    both = read_dump(path, ids=["Q1001", "Q1002"], types=["Q6256"], class_types=CLASSES)
    assert [e.qid for e in both] == ["Q1002"]
    with pytest.raises(DumpError, match="not Wikidata item ids"):
        read_dump(path, ids=["Douglas Adams"])


def test_reading_stops_once_every_id_is_seen(tmp_path):
    stats = DumpStats()
    path = write_dump(tmp_path / "dump.json",
                      dump_text([country(), president()] + [unmapped()] * 100))
    assert [e.qid for e in read_dump(path, ids=["Q1002"], stats=stats,
                                     class_types=CLASSES)] == ["Q1002"]
    assert stats.lines == 1


def test_several_broken_lines_are_listed(tmp_path):
    broken = '{broken,\n{"type":"item","id":"Q77","claims":"Q5"}},\n'  # cut; parsed, bad
    text = dump_text([country()]).replace("[\n", "[\n" + broken)
    stats = DumpStats()
    assert [e.qid for e in read_dump(write_dump(tmp_path / "d.json", text), stats=stats,
                                     class_types=CLASSES)] == ["Q1002"]
    assert stats.problems() == ["2 lines could not be parsed (lines 2, 3)"]


def test_a_missing_dump_says_so(tmp_path):
    with pytest.raises(DumpError, match="no such dump file"):
        read_dump(tmp_path / "nope.json.gz")


def test_write_kb_from_a_dump(tmp_path):
    kb_path = tmp_path / "kb.sqlite"
    assert write_kb(read_dump(synthetic(tmp_path), class_types=CLASSES), kb_path) == 2
    kb = KB(kb_path)
    (ada,) = kb.candidates("a. example")
    assert ada.qid == "Q1001" and len(ada.offices) == 3
    assert ada.offices[0].held_on(dt.date(2022, 6, 1)) is True
    assert [e.qid for e in kb.candidates("Republic of Examplia")] == ["Q1002"]
    kb.close()


def test_memory_stays_constant(tmp_path):
    path = tmp_path / "big.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("[\n")
        for n in range(20_000):
            entity = item(f"Q{100_000 + n}", f"Person Number {n}", "Q5", sitelinks=n % 5,
                          aliases=(f"P. {n}", f"Person N. {n}", f"The Person {n}"))
            fh.write(json.dumps(entity, separators=(",", ":")) + ",\n")
        fh.write(json.dumps(country(), separators=(",", ":")) + "\n]\n")
    tracemalloc.start()
    try:
        count = write_kb(read_dump(path, class_types=CLASSES), tmp_path / "kb.sqlite")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_001
    # streaming peaks at about 4 MiB; holding the 20,000 records would take over 10
    assert peak < 8 * 2**20, f"peak {peak / 2**20:.1f} MiB"


# -- the real dump lines ----------------------------------------------------------------------

needs_sample = pytest.mark.skipif(not SAMPLE_DUMP.is_file(),
                                  reason=f"{SAMPLE_DUMP} is absent (shared/ not checked out)")


@needs_sample
def test_the_real_dump_sample():
    stats = DumpStats()
    entities = {e.qid: e for e in read_dump(SAMPLE_DUMP, stats=stats)}
    assert stats.lines == 49 and stats.malformed == 0
    washington = entities["Q23"]
    assert (washington.label, washington.type, washington.kind) == (
        "George Washington", EntityType.PERSON, "human")
    assert washington.country == "Q30"
    assert Office("Q11696", None, dt.date(1789, 4, 30), dt.date(1797, 3, 4)) in (
        washington.offices)
    assert (entities["Q142"].label, entities["Q142"].type) == ("France", EntityType.LOCATION)
    assert entities["Q31"].label == "Belgium" and entities["Q31"].kind == "country"
    assert entities["Q64"].kind == "city" and entities["Q64"].country == "Q183"  # preferred
    for not_an_entity in ("Q1", "Q44", "Q105", "Q150"):  # universe, beer, Monday, French
        assert not_an_entity not in entities


@needs_sample
def test_the_real_dump_sample_cut_short(tmp_path):
    """The sample as a download cut off in mid-line: the broken line is counted, not fatal."""
    data = SAMPLE_DUMP.read_bytes()
    cut = tmp_path / "cut.json.bz2"
    cut.write_bytes(bz2.compress(data[: data.rindex(b'"Q306"') + 1000]))
    stats = DumpStats()
    qids = [e.qid for e in read_dump(cut, stats=stats)]
    assert "Q255" in qids and "Q306" not in qids
    assert stats.malformed == 1


@needs_sample
def test_the_real_sample_in_a_kb(tmp_path):
    kb_path = tmp_path / "kb.sqlite"
    write_kb(read_dump(SAMPLE_DUMP), kb_path)
    kb = KB(kb_path)
    assert [e.qid for e in kb.candidates("George Washington")] == ["Q23"]
    assert [e.qid for e in kb.candidates("the United Kingdom")] == ["Q145"]
    kb.close()


@pytest.mark.skipif(not SAMPLE_Q42.is_file(), reason=f"{SAMPLE_Q42} is absent")
def test_an_api_entity_through_the_dump_reader(tmp_path):
    entity = json.loads(SAMPLE_Q42.read_text(encoding="utf-8"))
    path = write_dump(tmp_path / "q42.json.gz", dump_text([entity]))
    kb_path = tmp_path / "kb.sqlite"
    assert write_kb(read_dump(path), kb_path) == 1
    kb = KB(kb_path)
    (adams,) = kb.candidates("Douglas Adams")
    assert (adams.qid, adams.type, adams.country) == ("Q42", EntityType.PERSON, "Q145")
    assert "Douglas Noël Adams" in adams.aliases
    kb.close()
