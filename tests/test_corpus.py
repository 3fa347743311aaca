"""Tests of kg.corpus: the readers of .txt, .md and .jsonl files (also gzipped).

Every fixture is a small file written here; the only outside input is ../shared/corpora/seeds,
read by one test that is skipped when it is absent.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from kg.corpus import (
    CorpusError,
    is_headline,
    iter_corpus,
    markdown_to_text,
    normalise_text,
)
from kg.model import Document, Skipped

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "seeds"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read(*paths: Path | str, **options: object) -> list[Document | Skipped]:
    return list(iter_corpus(list(paths), **options))  # type: ignore[arg-type]


def only_document(*paths: Path | str, **options: object) -> Document:
    items = read(*paths, **options)
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def only_skipped(*paths: Path | str) -> Skipped:
    items = read(*paths)
    assert len(items) == 1 and isinstance(items[0], Skipped), items
    return items[0]


# --------------------------------------------------------------------------- .txt


def test_txt_headline_becomes_title_and_leaves_the_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "harbour.txt",
        "Mayor opens the new harbour bridge\n\n"
        "The mayor of Portsby opened the harbour bridge on Monday.\n"
        "“It took ten years,” she said.\n",
    )
    doc = only_document(path)
    assert doc.id == "harbour.txt"
    assert doc.path == str(path)
    assert doc.title == "Mayor opens the new harbour bridge"
    assert doc.date is None
    assert doc.text == (
        "The mayor of Portsby opened the harbour bridge on Monday.\n“It took ten years,” she said."
    )


def test_txt_headline_directly_followed_by_the_body(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Council backs ferry plan\nThe council voted 7 to 2.\n")
    doc = only_document(path)
    assert doc.title == "Council backs ferry plan"
    assert doc.text == "The council voted 7 to 2."


def test_txt_short_first_sentence_is_not_a_title(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "The council approved the budget on Tuesday.\n\nSpending on roads will rise.\n",
    )
    doc = only_document(path)
    assert doc.title is None
    assert doc.text == "The council approved the budget on Tuesday.\n\nSpending on roads will rise."


def test_txt_single_short_line_is_text_not_title(tmp_path: Path) -> None:
    doc = only_document(write(tmp_path / "a.txt", "Storm closes the coast road\n"))
    assert doc.title is None
    assert doc.text == "Storm closes the coast road"


@pytest.mark.parametrize(
    "line",
    [
        "Mayor opens the new harbour bridge",
        "Will the ferry talks resume?",
        "Storm hits the coast, warns U.S.",
        "“No deal”: unions reject the pay offer",
        "2 dead as floods hit northern valleys",
    ],
)
def test_is_headline(line: str) -> None:
    assert is_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council approved the budget on Tuesday.",
        "“We will not give up,” the mayor said.”",
        "The minister said the following:",
        "resident of the town since 1990, he ran the bakery",
        " ".join(["word"] * 21),
        "",
    ],
)
def test_is_not_headline(line: str) -> None:
    assert not is_headline(line)


def test_txt_leading_date_on_its_own_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "date 2023-05-06\nCouncil backs ferry plan\n\nThe council voted on Friday.\n",
    )
    doc = only_document(path)
    assert doc.date == dt.date(2023, 5, 6)
    assert doc.title == "Council backs ferry plan"
    assert doc.text == "The council voted on Friday."


def test_txt_leading_date_fused_with_the_first_sentence(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        " date 2023-05-06 The council approved the budget on Tuesday.\n\nRoads gain most.\n",
    )
    doc = only_document(path)
    assert doc.date == dt.date(2023, 5, 6)
    assert doc.title is None
    assert doc.text == "The council approved the budget on Tuesday.\n\nRoads gain most."


def test_txt_date_on_the_first_line_after_the_headline(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "Council backs ferry plan\ndate 2023-05-06 The council voted on Friday.\n",
    )
    doc = only_document(path)
    assert (doc.title, doc.date) == ("Council backs ferry plan", dt.date(2023, 5, 6))
    assert doc.text == "The council voted on Friday."


def test_txt_impossible_date_is_left_in_the_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "date 2023-02-30 The council met.\n")
    doc = only_document(path)
    assert doc.date is None
    assert doc.text == "date 2023-02-30 The council met."


def test_text_normalisation(tmp_path: Path) -> None:
    raw = "Cafe\u0301 owners protest.  \r\n\r\n\r\n\r\n“Rents doubled,” one said.\t\r\nEnd.\r\n"
    doc = only_document(write(tmp_path / "a.txt", raw))
    assert doc.text == "Café owners protest.\n\n“Rents doubled,” one said.\nEnd."
    assert normalise_text("\n\n a \n\n\n\nb\r\n") == " a\n\nb"


# --------------------------------------------------------------------------- boilerplate


BOILERPLATE_ARTICLE = """\
Ferry strike ends after two days

Ferry crews returned to work on Thursday after a two-day strike.
READ: Five things to know about the ferry dispute
See also\u00a0 Port traffic doubles in a year | Business
The union said the deal was fair.
Reporting by Ann Example; Editing by Ben Sample
Officials read the agreement aloud.
By Sunday the last boats were running again.
Sign up for our newsletter to get the day's news in your inbox.
Follow us on Twitter and Facebook
This story and headline have been updated with additional reporting.
Carla Example and Dan Sample contributed to this report.
Leave a Reply
Your email address will not be published. Required fields are marked *
© 2024 Example Media. All rights reserved.
"""


def test_boilerplate_lines_are_dropped(tmp_path: Path) -> None:
    doc = only_document(write(tmp_path / "a.txt", BOILERPLATE_ARTICLE))
    assert doc.title == "Ferry strike ends after two days"
    assert doc.text == (
        "Ferry crews returned to work on Thursday after a two-day strike.\n"
        "The union said the deal was fair.\n"
        "Officials read the agreement aloud.\n"
        "By Sunday the last boats were running again."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Related: Ferry fares to rise in spring",
        "Click here to subscribe.",
        "Advertisement",
        "Story continues below advertisement",
        "Photo: Ann Example/AFP via Getty Images",
        "Additional reporting by Ann Example in Portsby",
        "Ann Example contributed reporting from Portsby.",
        "Updated 10:30 AM ET, Sun April 14, 2024",
        "###",
        "* * *",
        "Reuters and agencies",
    ],
)
def test_boilerplate_examples(tmp_path: Path, line: str) -> None:
    path = write(tmp_path / "a.txt", f"The vote was close.\n{line}\nThe count ended at noon.\n")
    assert only_document(path).text == "The vote was close.\nThe count ended at noon."


@pytest.mark.parametrize(
    "line",
    [
        "Read the full statement, the minister told reporters.",
        "By then, the ferries had stopped.",
        "(c) The agency shall report within 30 days.",
        "Memorandum for the Heads of Executive Departments and Agencies",
        "More than 200 boats were stuck in port.",
        "Reporting by the Portsby Herald found that fares had doubled.",
    ],
)
def test_article_text_is_not_boilerplate(tmp_path: Path, line: str) -> None:
    path = write(tmp_path / "a.txt", f"The vote was close.\n{line}\n")
    assert only_document(path).text == f"The vote was close.\n{line}"


def test_extra_boilerplate_file_and_no_default(tmp_path: Path) -> None:
    patterns = write(tmp_path / "extra.txt", "# house style teasers\nIn other ferry news:.*\n")
    path = write(
        tmp_path / "a.txt",
        "The vote was close.\nIn other ferry news: a new timetable\nREAD: More on ferries\n",
    )
    doc = only_document(path, boilerplate_files=[patterns])
    assert doc.text == "The vote was close."
    doc = only_document(path, boilerplate_files=[patterns], default_boilerplate=False)
    assert doc.text == "The vote was close.\nREAD: More on ferries"


def test_bad_boilerplate_files_raise(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "The vote was close.\n")
    bad = write(tmp_path / "bad.txt", "# ok\nfine\nbroken(\n")
    with pytest.raises(CorpusError, match=r"bad\.txt:3: invalid regular expression"):
        iter_corpus([path], boilerplate_files=[bad])
    with pytest.raises(CorpusError, match="boilerplate pattern file not found"):
        iter_corpus([path], boilerplate_files=[tmp_path / "missing.txt"])


# --------------------------------------------------------------------------- Markdown

WH_STYLE = """\
---
title: "Readout of the Minister\\_Example Call with Harbour\\_Leaders"
date: '2022-03-04'
source_url: https://example.org/briefing/2022/03/04/readout/
tags: statements-releases
---
\u0020
The Minister spoke today with the leaders of the three harbour towns to
discuss the *winter* ferry timetable.  The leaders welcomed the plan and
agreed to meet again in **April**.  \n\
\u0020\u0020
The Minister also announced new funding for the [Harbour Safety
Fund](https://example.org/fund) and thanked the crews \\[sic\\] for their
work.  \n\
\u0020\u0020\u0020
## Next steps

1.  A review of fares by\u00a0May
2.  A report on safety
3.  A public meeting in the autumn

-   Crews will get new radios in
    the spring
-   Ports will open <u>earlier</u> on <s>Sundays</s> weekends

<!-- -->

She said the fund had grown 40 percent since
2021. It will cover repairs in May
1.  \n\
\u0020
\\###
"""


def test_markdown_in_white_house_style(tmp_path: Path) -> None:
    doc = only_document(write(tmp_path / "2022-03-04-readout.md", WH_STYLE))
    assert doc.id == "2022-03-04-readout.md"
    assert doc.title == "Readout of the Minister Example Call with Harbour Leaders"
    assert doc.date == dt.date(2022, 3, 4)
    assert doc.url == "https://example.org/briefing/2022/03/04/readout/"
    assert doc.text == (
        "The Minister spoke today with the leaders of the three harbour towns to discuss the "
        "winter ferry timetable.  The leaders welcomed the plan and agreed to meet again in "
        "April.\n"
        "\n"
        "The Minister also announced new funding for the Harbour Safety Fund and thanked the "
        "crews [sic] for their work.\n"
        "\n"
        "Next steps\n"
        "\n"
        "1. A review of fares by\u00a0May\n"
        "2. A report on safety\n"
        "3. A public meeting in the autumn\n"
        "\n"
        "Crews will get new radios in the spring\n"
        "Ports will open earlier on  weekends\n"
        "\n"
        "She said the fund had grown 40 percent since 2021. It will cover repairs in May 1."
    )


def test_markdown_reduction() -> None:
    source = (
        "# A Heading #\n"
        "Text with a [link](https://example.org/a_(b)) and an ![image](pic.png) and\n"
        "`code`, an escaped \\*star\\*, __strong__ and snake_case_name, ~~gone~~ kept.\\\n"
        "After a backslash break &amp; an entity<br />and a break tag.\n"
        "\n"
        "> Quoted text\n"
        "> goes on.\n"
        "\n"
        "Setext heading\n"
        "==============\n"
        "* Item one\n"
        "* Item two\n"
        "\n"
        "---\n"
        "[ref]: https://example.org\n"
        "<table><tr><td>Cell one</td><td>Cell two</td></tr></table>\n"
        "Mail <press@example.org> or see <https://example.org/x>.\n"
    )
    assert markdown_to_text(source) == (
        "A Heading\n\n"
        "Text with a link and an  and code, an escaped *star*, strong and snake_case_name,  "
        "kept. After a backslash break & an entity and a break tag.\n\n"
        "Quoted text goes on.\n\n"
        "Setext heading\n\n"
        "Item one\n"
        "Item two\n\n"
        "Cell one\n\n"
        "Cell two\n\n"
        "Mail press@example.org or see https://example.org/x."
    )


def test_markdown_front_matter_yaml_date_and_url_key(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.markdown",
        "---\ndate: 2021-11-02\nurl: https://example.org/a\n---\nThe port reopened.\n",
    )
    doc = only_document(path)
    assert (doc.date, doc.url, doc.title) == (dt.date(2021, 11, 2), "https://example.org/a", None)
    assert doc.text == "The port reopened."


def test_markdown_title_from_first_heading_without_front_matter(tmp_path: Path) -> None:
    doc = only_document(write(tmp_path / "a.md", "# Port reopens\n\nThe port reopened.\n"))
    assert (doc.title, doc.text) == ("Port reopens", "The port reopened.")


def test_markdown_heading_repeating_the_title_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: Port reopens\n---\n# Port  reopens\n\nIt did.\n")
    doc = only_document(path)
    assert (doc.title, doc.text) == ("Port reopens", "It did.")


def test_markdown_bad_front_matter_is_skipped(tmp_path: Path) -> None:
    bad_yaml = write(tmp_path / "a.md", "---\ntitle: [unclosed\n---\nText.\n")
    skipped = only_skipped(bad_yaml)
    assert skipped.path == str(bad_yaml)
    assert "front matter is not valid YAML" in skipped.reason
    bad_date = write(tmp_path / "b.md", "---\ndate: last Tuesday\n---\nText.\n")
    assert "'last Tuesday' is not an ISO date" in only_skipped(bad_date).reason
    not_mapping = write(tmp_path / "c.md", "---\n- a\n- b\n---\nText.\n")
    assert "not a YAML mapping" in only_skipped(not_mapping).reason


# --------------------------------------------------------------------------- JSONL


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ferry-1", "text": "Crews went back to work.", "title": "Strike ends",
                    "date": "2024-01-02", "url": "https://example.org/1"}),
        "{not json",
        "",
        json.dumps({"text": "READ: a teaser\nThe port reopened.", "date": "2024-01-03T08:00:00Z"}),
        json.dumps({"id": 7, "title": "No text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Fares rose.", "date": "soon"}),
        json.dumps({"id": 8, "text": "Fares fell."}),
    ]
    path = write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    items = read(path)
    assert [type(i).__name__ for i in items] == [
        "Document", "Skipped", "Document", "Skipped", "Skipped", "Skipped", "Document"]
    first, bad_json, second, no_text, a_list, bad_date, last = items
    assert first == Document(id="ferry-1", text="Crews went back to work.", title="Strike ends",
                             date=dt.date(2024, 1, 2), url="https://example.org/1",
                             path=f"{path}:1")
    assert second.id == "news.jsonl#4" and second.text == "The port reopened."
    assert second.date == dt.date(2024, 1, 3)
    assert last.id == "8"
    assert bad_json.path == f"{path}:2" and "not valid JSON" in bad_json.reason
    assert no_text.path == f"{path}:5" and 'no "text" string' in no_text.reason
    assert "not an object" in a_list.reason
    assert bad_date.path == f"{path}:7" and "'soon' is not an ISO date" in bad_date.reason


def test_jsonl_line_with_undecodable_bytes_is_skipped_alone(tmp_path: Path) -> None:
    path = write(tmp_path / "n.jsonl", b'{"text": "caf\xe9"}\n{"text": "Fine."}\n')
    bad, good = read(path)
    assert isinstance(bad, Skipped) and bad.path == f"{path}:1" and "not UTF-8" in bad.reason
    assert isinstance(good, Document) and good.text == "Fine."


def test_empty_jsonl_is_skipped(tmp_path: Path) -> None:
    assert "no records" in only_skipped(write(tmp_path / "n.jsonl", "\n\n")).reason


# --------------------------------------------------------------------------- gzip, folders


def test_gzipped_files_read_like_plain_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a" / "x.txt.gz", gzip.compress(b"Port reopens\n\nThe port reopened.\n"))
    write(corpus / "b.md.gz", gzip.compress(b"---\ntitle: Fares\n---\nFares *rose*.\n"))
    write(corpus / "c.jsonl.gz", gzip.compress(b'{"text": "Crews returned."}\n'))
    items = read(corpus)
    assert all(isinstance(i, Document) for i in items)
    assert [(i.id, i.title, i.text) for i in items] == [  # type: ignore[union-attr]
        ("a/x.txt.gz", "Port reopens", "The port reopened."),
        ("b.md.gz", "Fares", "Fares rose."),
        ("c.jsonl.gz#1", None, "Crews returned."),
    ]


def test_broken_gzip_is_skipped(tmp_path: Path) -> None:
    skipped = only_skipped(write(tmp_path / "x.txt.gz", b"this is not gzip"))
    assert "not a valid gzip file" in skipped.reason


def test_folder_order_ids_hidden_and_unsupported_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "b.txt", "Second text.\n")
    write(corpus / "a" / "z.md", "First text.\n")
    write(corpus / "a" / "notes.pdf", b"%PDF-1.4")
    write(corpus / "c" / "d" / "e.TXT", "Third text.\n")
    write(corpus / ".hidden.txt", "Hidden text.\n")
    write(corpus / ".git" / "x.txt", "Hidden folder text.\n")
    write(corpus / "README", "No extension.\n")
    items = read(corpus)
    assert [(i.id, i.text) for i in items] == [  # type: ignore[union-attr]
        ("a/z.md", "First text."),
        ("b.txt", "Second text."),
        ("c/d/e.TXT", "Third text."),
    ]
    assert items[0].path == str(corpus / "a" / "z.md")  # type: ignore[union-attr]


def test_several_roots_and_files(tmp_path: Path) -> None:
    one = write(tmp_path / "one" / "a.txt", "From one.\n")
    write(tmp_path / "two" / "sub" / "a.txt", "From two.\n")
    items = read(one, tmp_path / "two")
    assert [i.id for i in items] == ["a.txt", "sub/a.txt"]  # type: ignore[union-attr]


def test_reading_is_lazy(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "First.\n")
    second = write(tmp_path / "b.txt", "Second.\n")
    items = iter_corpus([tmp_path])
    assert next(items).text == "First."  # type: ignore[union-attr]
    second.write_text("Changed after the first was read.\n", encoding="utf-8")
    assert next(items).text == "Changed after the first was read."  # type: ignore[union-attr]


# --------------------------------------------------------------------------- bad input


def test_missing_path_raises_at_once(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"nope.*no such file or folder; check the path"):
        iter_corpus([tmp_path / "nope"])
    with pytest.raises(CorpusError, match="no corpus paths given"):
        iter_corpus([])


def test_empty_folder_raises(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match=r"empty: the folder holds no documents"):
        iter_corpus([tmp_path / "empty"])
    write(tmp_path / "other" / "notes.pdf", b"%PDF-1.4")
    write(tmp_path / "other" / ".hidden.txt", "Hidden.\n")
    with pytest.raises(CorpusError, match="the folder holds no documents"):
        iter_corpus([tmp_path / "other"])


def test_folder_without_one_readable_document_raises_after_the_skips(tmp_path: Path) -> None:
    write(tmp_path / "bad" / "a.txt", b"\x00\x01\x02")
    items = iter_corpus([tmp_path / "bad"])
    assert isinstance(next(items), Skipped)
    with pytest.raises(CorpusError, match=r"none of the 1 files in the folder could be read"):
        next(items)


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    skipped = only_skipped(write(tmp_path / "a.txt", b"PK\x03\x04\x00\x00binary"))
    assert "binary file (contains NUL bytes)" in skipped.reason


def test_undecodable_file_is_skipped(tmp_path: Path) -> None:
    skipped = only_skipped(write(tmp_path / "a.txt", "Café crème.\n".encode("latin-1")))
    assert skipped.reason.startswith("not UTF-8 text (byte 0xe9 at offset 3)")
    assert "convert the file to UTF-8" in skipped.reason


def test_empty_documents_are_skipped(tmp_path: Path) -> None:
    for name, content in [
        ("empty.txt", ""),
        ("blank.txt", " \n\t\n"),
        ("only-boilerplate.txt", "Leave a Reply\n###\n"),
        ("only-front-matter.md", "---\ntitle: Nothing here\n---\n\n"),
        ("image-only.md", "<figure><img src='a.png' /></figure>\n"),
    ]:
        skipped = only_skipped(write(tmp_path / name, content))
        assert skipped.reason.startswith("no text left"), name


def test_explicit_unsupported_file_is_skipped(tmp_path: Path) -> None:
    skipped = only_skipped(write(tmp_path / "report.pdf", b"%PDF-1.4"))
    assert skipped.path == str(tmp_path / "report.pdf")
    assert skipped.reason.startswith("unsupported file type")


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "\ufeffPort reopens\n\nThe port reopened.\n")
    assert only_document(path).title == "Port reopens"


# --------------------------------------------------------------------------- the seeds


def test_seed_corpus() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared is not present: {SEEDS} not found")
    items = read(SEEDS)
    documents = [i for i in items if isinstance(i, Document)]
    assert len(items) == len(documents) == 5
    assert [d.id for d in documents] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert sum(d.date == dt.date(2024, 4, 14) for d in documents) == 2
    with_title = [d for d in documents if d.title]
    assert len(with_title) == 3  # the two dated articles open with their first sentence
    for doc in documents:
        assert doc.text == doc.text.strip() and "\n\n\n" not in doc.text
        assert not doc.text.startswith(("date", " date"))
        for line in doc.text.split("\n"):
            assert not line.startswith(("READ:", "See also")), (doc.id, line)
            assert "contributed to this report" not in line, doc.id
            assert "Leave a Reply" not in line and "Your email address" not in line, doc.id
        if doc.title:
            assert doc.title not in doc.text.split("\n")[0]
