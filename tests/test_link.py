"""The knowledge base, its table reader, `kgbuild kb build`, and the linker's choices."""

from __future__ import annotations

import datetime as dt
import gzip
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.link import bundled_kb, make_linker
from kg.link.kb import KB, KBEntity, KBError, Office, write_kb
from kg.link.linker import Linker
from kg.link.sources import read_table
from kg.model import DocResult, Document, Entity, EntityType

PERSON, LOCATION, ORG = EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION
SHARED_SAMPLE = (Path(__file__).resolve().parents[2] / "shared" / "wikidata" / "dump_sample"
                 / "latest-all.first50lines.json")

# a made-up world: ids are placeholders, not Wikidata's
RUR = KBEntity("Q1001", "Ruritania", LOCATION, ("Ruritanian Republic",), "country", "Q1001", 1.0)
OSTERLICH = KBEntity("Q1002", "Osterlich", LOCATION, (), "country", "Q1002", 1.0)
STRELSAU = KBEntity("Q1003", "Strelsau", LOCATION, (), "city", "Q1001", 0.7)
STRELSAU_REGION = KBEntity("Q1004", "Strelsau", LOCATION, (), "region", "Q1001", 0.5)
ANNA = KBEntity("Q2001", "Anna Varga", PERSON, ("Anna K. Varga",), "legislator", "Q1001", 0.4)
ANNA_OST = KBEntity("Q2002", "Anna Varga", PERSON, (), "legislator", "Q1002", 0.4)
PRESIDENT = KBEntity("Q2003", "Tomas Elberg", PERSON, (), "politician", "Q1001", 0.4,
                     (Office("president", "Q1001", dt.date(2020, 1, 1), dt.date(2024, 1, 1)),))
OLD_ELBERG = KBEntity("Q2004", "Tomas Elberg", PERSON, (), "politician", "Q1001", 0.4,
                      (Office("president", "Q1001", dt.date(1950, 1, 1), dt.date(1954, 1, 1)),))
FILM = KBEntity("Q3001", "Osterlich", ORG, (), "film studio", None, 0.9)
WORLD = [RUR, OSTERLICH, STRELSAU, STRELSAU_REGION, ANNA, ANNA_OST, PRESIDENT, OLD_ELBERG, FILM]


@pytest.fixture
def kb(tmp_path) -> KB:
    path = tmp_path / "world.kb"
    write_kb(WORLD, path, ["test"])
    return KB(path)


def doc(*entities: Entity, date: dt.date | None = None) -> DocResult:
    return DocResult(Document("d", "text", date=date), {e.key: e for e in entities})


def ent(label: str, etype: EntityType = PERSON, *alts: str) -> Entity:
    return Entity(f"{etype.value[0]}:{label.lower()}", label, etype, set(alts))


# -- the KB file ------------------------------------------------------------------------


def test_kb_finds_by_label_alias_and_accentless_name(kb):
    assert [c.qid for c in kb.candidates("ruritania")] == ["Q1001"]
    assert [c.qid for c in kb.candidates("the Ruritanian Republic")] == ["Q1001"]
    assert [c.qid for c in kb.candidates("Anna K. Varga")] == ["Q2001"]
    assert kb.candidates("Nowhere") == []
    assert kb.size == len(WORLD)
    assert kb.get("Q2003").offices[0].held_on(dt.date(2021, 5, 5)) is True


def test_kb_surname_keys_are_apart_from_names(kb):
    assert {c.qid for c in kb.candidates("Varga", surname=True)} == {"Q2001", "Q2002"}
    assert kb.candidates("Varga") == []


def test_records_of_one_id_merge_names(tmp_path):
    path = tmp_path / "m.kb"
    count = write_kb([RUR, KBEntity("Q1001", "Ruritanie", LOCATION, ("RU",))], path)
    merged = KB(path)
    assert count == 1 and merged.get("Q1001").label == "Ruritania"
    assert [c.qid for c in merged.candidates("Ruritanie")] == ["Q1001"]


def test_a_missing_or_foreign_file_is_a_clear_error(tmp_path):
    with pytest.raises(KBError, match="no such knowledge base"):
        KB(tmp_path / "none.kb")
    (tmp_path / "junk.kb").write_bytes(b"not a database at all" * 10)
    with pytest.raises(KBError, match="not a kgbuild knowledge base"):
        KB(tmp_path / "junk.kb")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).executescript("CREATE TABLE meta (key, value);"
                                         "INSERT INTO meta VALUES ('format', 'x/9');")
    with pytest.raises(KBError, match="rebuild it"):
        KB(other)


def test_a_failed_write_leaves_no_file(tmp_path):
    def broken():
        yield RUR
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError):
        write_kb(broken(), tmp_path / "x.kb")
    assert list(tmp_path.iterdir()) == []


def test_bundled_kb_holds_the_shared_tables_facts():
    kb = bundled_kb()
    assert [c.qid for c in kb.candidates("Joe Biden")] == ["Q6279"]
    assert "Q801" in {c.qid for c in kb.candidates("Israel")}
    assert [c.qid for c in kb.candidates("G7")] == ["Q1764511"]  # kg/data/kb_extra.tsv
    biden = kb.get("Q6279")
    assert any(o.role == "president" and o.held_on(dt.date(2022, 6, 1)) for o in biden.offices)


# -- tables -----------------------------------------------------------------------------


def test_table_reader_takes_csv_tsv_gzip_and_comments(tmp_path):
    (tmp_path / "a.csv").write_text("qid,name,aliases,type\nQ5001,Zenda,Zenda Castle|Z,place\n"
                                    ",no id,,Person\n", encoding="utf-8")
    with gzip.open(tmp_path / "b.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write("# my places\nid\tlabel\tkind\nQ5002\tHentzau\tcity\n")
    a = list(read_table(tmp_path / "a.csv"))
    b = list(read_table(tmp_path / "b.tsv.gz", default_type=LOCATION))
    assert a == [KBEntity("Q5001", "Zenda", LOCATION, ("Zenda Castle", "Z"))]
    assert b == [KBEntity("Q5002", "Hentzau", LOCATION, (), "city")]


@pytest.mark.parametrize("text, message", [
    ("name,type\nZenda,place\n", "needs an id column"),
    ("id,name\nQ1,Zenda\n", "no 'type' column"),
    ("id,name,type\nZ1,Zenda,place\n", "line 2: 'Z1' is not a Wikidata id"),
    ("id,name,type\nQ1,Zenda,planet\n", "line 2: unknown type 'planet'"),
])
def test_table_errors_name_file_and_line(tmp_path, text, message):
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KBError, match=message):
        list(read_table(path))


# -- kgbuild kb build / lookup, and --kb in a build ---------------------------------------


def test_kb_build_from_a_table_then_used_by_a_build(tmp_path):
    table = tmp_path / "people.tsv"
    table.write_text("id\tlabel\ttype\tcountry\tprominence\n"
                     "Q7001\tMarta Quill\tPerson\t\t0.9\n", encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["kb", "build", str(table), "-o", str(tmp_path / "p.kb")])
    assert out.exit_code == 0, out.output
    assert "1 entities" in out.output
    found = runner.invoke(app, ["kb", "lookup", "marta quill", "--kb", str(tmp_path / "p.kb")])
    assert "Q7001" in found.output
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(
        "Marta Quill spoke with Joe Biden on Monday, officials said.\n", encoding="utf-8")
    graph = tmp_path / "g.nt"
    built = runner.invoke(app, [str(tmp_path / "c"), "-o", str(graph), "-q",
                                "--kb", str(tmp_path / "p.kb")])
    assert built.exit_code == 0, built.output
    text = graph.read_text(encoding="utf-8")
    assert "<http://www.wikidata.org/entity/Q7001>" in text  # from the user's KB
    assert "<http://www.wikidata.org/entity/Q6279>" in text  # from the bundled KB
    unlinked = tmp_path / "u.nt"
    runner.invoke(app, [str(tmp_path / "c"), "-o", str(unlinked), "-q", "--linker", "none"])
    assert "wikidata.org" not in unlinked.read_text(encoding="utf-8")


def test_kb_and_linker_errors_exit_with_their_codes(tmp_path):
    runner = CliRunner()
    (tmp_path / "a.txt").write_text("Joe Biden spoke.\n", encoding="utf-8")
    missing = runner.invoke(app, [str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.ttl"),
                                  "--kb", str(tmp_path / "none.kb")])
    assert missing.exit_code == 3 and "no such knowledge base" in missing.output
    unknown = runner.invoke(app, [str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.ttl"),
                                  "--linker", "magic"])
    assert unknown.exit_code == 2 and "--linker magic" in unknown.output
    bad = runner.invoke(app, ["kb", "build", str(tmp_path / "a.txt"), "-o",
                              str(tmp_path / "k.kb")])
    assert bad.exit_code == 3 and "header needs an id column" in bad.output
    dump = tmp_path / "d.json"
    dump.write_text("[\n]\n", encoding="utf-8")
    unknown_class = runner.invoke(app, ["kb", "build", str(dump), "--type", "Q99999999",
                                        "-o", str(tmp_path / "k.kb")])
    assert unknown_class.exit_code == 3 and "Q99999999" in unknown_class.output
    odd = tmp_path / "x.xml"
    odd.write_text("<x/>", encoding="utf-8")
    other = runner.invoke(app, ["kb", "build", str(odd), "-o", str(tmp_path / "k.kb")])
    assert other.exit_code == 3 and "not a known source" in other.output


@pytest.mark.skipif(not SHARED_SAMPLE.is_file(),
                    reason="../shared/wikidata/dump_sample is not here (it is not shipped)")
def test_kb_build_from_the_dump_sample(tmp_path):
    out = CliRunner().invoke(app, ["kb", "build", str(SHARED_SAMPLE), "--type", "Q5",
                                   "-o", str(tmp_path / "h.kb")])
    assert out.exit_code == 0, out.output
    kb = KB(tmp_path / "h.kb")
    assert [c.qid for c in kb.candidates("George Washington")] == ["Q23"]
    assert kb.candidates("Belgium") == []  # not a human


# -- the linker -------------------------------------------------------------------------


def test_type_filter_a_place_never_links_to_an_organisation(kb):
    place = ent("Osterlich", LOCATION)
    Linker([kb]).link(doc(place))
    assert place.wikidata == "Q1002"
    studio = ent("Osterlich", ORG)
    Linker([kb]).link(doc(studio))
    assert studio.wikidata == "Q3001"


def test_a_person_needs_context_and_namesakes_need_a_decider(kb):
    alone = ent("Anna K. Varga")
    Linker([kb]).link(doc(alone))
    assert alone.wikidata is None  # a legislator's name alone is not enough
    anna = ent("Anna Varga")
    Linker([kb]).link(doc(anna, ent("Osterlich", LOCATION)))
    assert anna.wikidata == "Q2002"  # the namesake of the country the article names
    both = ent("Anna Varga")
    Linker([kb]).link(doc(both, ent("Osterlich", LOCATION), ent("Ruritania", LOCATION)))
    assert both.wikidata is None  # two namesakes in context: no link


def test_a_country_in_the_title_picks_the_namesake_of_that_country(tmp_path):
    # Q801 is Israel in the bundled gazetteer ("Israeli"); the people are made up
    path = tmp_path / "levi.kb"
    write_kb([KBEntity("Q2101", "Dana Levi", PERSON, (), "legislator", "Q801", 0.4),
              KBEntity("Q2102", "Dana Levi", PERSON, (), "legislator", "Q1002", 0.4),
              OSTERLICH], path)
    titled = ent("Dana Levi", PERSON, "Israeli Minister Dana Levi")
    Linker([KB(path)]).link(doc(titled, ent("Osterlich", LOCATION)))
    assert titled.wikidata == "Q2101"
    plain = ent("Dana Levi")
    Linker([KB(path)]).link(doc(plain, ent("Osterlich", LOCATION)))
    assert plain.wikidata == "Q2102"


def test_the_office_held_on_the_documents_date_decides(kb):
    now, then = ent("Tomas Elberg"), ent("Tomas Elberg")
    Linker([kb]).link(doc(now, date=dt.date(2022, 3, 1)))
    Linker([kb]).link(doc(then, date=dt.date(1952, 3, 1)))
    assert (now.wikidata, then.wikidata) == ("Q2003", "Q2004")
    undated = ent("Tomas Elberg")
    Linker([kb]).link(doc(undated))
    assert undated.wikidata is None
    assert 0 < now.link_confidence <= 1


def test_a_city_is_meant_rather_than_its_namesake_region(kb):
    city = ent("Strelsau", LOCATION)
    Linker([kb]).link(doc(city, ent("Ruritania", LOCATION)))
    assert city.wikidata == "Q1003"


def test_title_and_surname_link_to_the_one_such_person_in_context(kb):
    pm = ent("Elberg", PERSON, "President Elberg")
    Linker([kb]).link(doc(pm, ent("Ruritania", LOCATION), date=dt.date(2022, 1, 1)))
    assert pm.wikidata is None  # two Elbergs of Ruritania
    varga = ent("Varga", PERSON, "Deputy Varga")
    Linker([kb]).link(doc(varga, ent("Osterlich", LOCATION)))
    assert varga.wikidata == "Q2002"
    bare = ent("Varga")
    Linker([kb]).link(doc(bare, ent("Osterlich", LOCATION)))
    assert bare.wikidata is None  # no title: a surname alone is not looked up


def test_a_title_of_another_office_than_the_one_held_then_is_not_that_person(tmp_path):
    """ "Deputy Secretary Brandt" is not Representative Brandt while he is one; a title
    of his office, or one that names no office ("Mr."), may be him."""
    brandt = KBEntity("Q2005", "Carl Brandt", PERSON, (), "politician", "Q1001", 0.4,
                      (Office("representative", "Q1001", dt.date(2020, 1, 1),
                              dt.date(2024, 1, 1)),))
    write_kb([RUR, brandt], tmp_path / "b.kb", ["test"])
    kb = KB(tmp_path / "b.kb")
    day = dt.date(2022, 3, 1)
    other = ent("Brandt", PERSON, "Deputy Secretary Brandt")
    own = ent("Brandt", PERSON, "Congressman Brandt")
    plain = ent("Brandt", PERSON, "Mr. Brandt")
    for person in (other, own, plain):
        Linker([kb]).link(doc(person, ent("Ruritania", LOCATION), date=day))
    assert (other.wikidata, own.wikidata, plain.wikidata) == (None, "Q2005", "Q2005")


def test_the_users_kb_wins(kb, tmp_path):
    mine = tmp_path / "mine.kb"
    write_kb([KBEntity("Q9001", "Ruritania", LOCATION, (), "fiction", None, 1.0)], mine)
    place = ent("Ruritania", LOCATION)
    Linker([KB(mine), kb]).link(doc(place))
    assert place.wikidata == "Q9001"


def test_anonymous_and_group_entities_are_not_linked(kb):
    group = ent("Ruritania", EntityType.GROUP)
    anonymous = ent("Ruritania", LOCATION)
    anonymous.anonymous = True
    Linker([kb]).link(doc(group, anonymous))
    assert group.wikidata is None and anonymous.wikidata is None


def test_make_linker_kinds():
    assert make_linker("none") is None
    assert isinstance(make_linker("kb"), Linker)
    with pytest.raises(KBError, match="unknown linker"):
        make_linker("magic")


def test_a_countrys_name_means_the_country_not_its_province(tmp_path):
    path = tmp_path / "p.kb"
    write_kb([RUR, KBEntity("Q1009", "Ruritania", LOCATION, (), "region", "Q1001", 0.5),
              STRELSAU], path)
    place = ent("Ruritania", LOCATION)
    Linker([KB(path)]).link(doc(place, ent("Strelsau", LOCATION)))
    assert place.wikidata == "Q1001"


def test_a_record_of_another_kind_under_an_id_adds_no_name(tmp_path):
    path = tmp_path / "k.kb"
    write_kb([RUR, KBEntity("Q1001", "Woodlands", LOCATION, (), "city", "Q1001", 0.3)], path)
    assert KB(path).candidates("Woodlands") == []
