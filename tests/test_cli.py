"""The command line on good and bad input: one clear line and a documented exit code."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import rdfio
from kg.cli import EXIT_INPUT, EXIT_MODEL, EXIT_OUTPUT, EXIT_USAGE, app

GOOD = "Chancellor Olaf Scholz spoke with President Emmanuel Macron on Monday.\n"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def test_plain_form_builds_and_summarises(corpus: Path, tmp_path: Path):
    out = tmp_path / "graph.ttl"
    result = run(str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "documents read: 1" in result.stderr
    assert "spoke_with 1" in result.stderr
    assert len(rdfio.read_triples(out)) > 10


def test_missing_path(tmp_path: Path):
    result = run(str(tmp_path / "nope"), "-o", str(tmp_path / "g.ttl"))
    assert result.exit_code == EXIT_INPUT
    assert "nope" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_empty_folder(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = run(str(tmp_path / "empty"), "-o", str(tmp_path / "g.ttl"))
    assert result.exit_code == EXIT_INPUT
    assert "empty" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("binary.txt", b"\x00\x01\x02binary\x00", "binary"),
        ("latin1.txt", "Caf\xe9 au lait\n".encode("latin-1"), "UTF-8"),
        ("empty.txt", b"   \n\n", "empty"),
    ],
)
def test_bad_file_is_skipped_and_counted(corpus: Path, tmp_path: Path, name, content, why):
    (corpus / name).write_bytes(content)
    out = tmp_path / "g.ttl"
    result = run(str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "documents read: 1" in result.stderr
    assert "files skipped: 1" in result.stderr
    assert name in result.stderr and why.lower() in result.stderr.lower()
    strict = run(str(corpus), "-o", str(out), "--strict")
    assert strict.exit_code == EXIT_INPUT


def test_malformed_jsonl_line_is_skipped(tmp_path: Path):
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text('{"id": "a", "text": "Russia attacked Ukraine."}\n{not json\n'
                     '{"id": "b", "text": "Iran attacked Israel."}\n', encoding="utf-8")
    result = run(str(jsonl), "-o", str(tmp_path / "g.nt"))
    assert result.exit_code == 0, result.stderr
    assert "documents read: 2" in result.stderr
    assert "news.jsonl:2" in result.stderr


def test_missing_model(corpus: Path, tmp_path: Path):
    result = run(str(corpus), "-o", str(tmp_path / "g.ttl"), "--model", "no_such_model")
    assert result.exit_code == EXIT_MODEL
    assert "no_such_model" in result.stderr and "pip install" in result.stderr


def test_missing_output_folder_fails_before_work(corpus: Path, tmp_path: Path):
    result = run(str(corpus), "-o", str(tmp_path / "missing" / "g.ttl"))
    assert result.exit_code == EXIT_OUTPUT
    assert "does not exist" in result.stderr
    assert "documents read" not in result.stderr


def test_unknown_format(corpus: Path, tmp_path: Path):
    result = run(str(corpus), "-o", str(tmp_path / "g.xyz"))
    assert result.exit_code == EXIT_USAGE
    assert ".xyz" in result.stderr


def test_stdout_output(corpus: Path):
    result = run(str(corpus), "-o", "-", "--format", "nt", "-q")
    assert result.exit_code == 0
    assert result.stdout.count(" .\n") > 10


def test_gzipped_markdown(tmp_path: Path):
    md = tmp_path / "a.md.gz"
    md.write_bytes(gzip.compress(b"---\ntitle: A call\ndate: 2024-04-15\n---\n\n" +
                                 GOOD.encode()))
    result = run(str(md), "-o", str(tmp_path / "g.ttl"))
    assert result.exit_code == 0, result.stderr
    assert "documents read: 1" in result.stderr


def test_validate_and_eval_on_missing_file(tmp_path: Path):
    assert run("validate", str(tmp_path / "nope.ttl")).exit_code == EXIT_INPUT
    result = run("eval", str(tmp_path / "nope.ttl"), "--gold", str(tmp_path / "g.jsonl"))
    assert result.exit_code == EXIT_INPUT


def test_help_teaches():
    result = run("--help")
    assert result.exit_code == 0
    assert "kgbuild corpus/ -o graph.ttl" in result.stdout
    assert "Exit codes" in result.stdout


def test_user_lexicon_and_boilerplate_files(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Olaf Scholz parleyed with Emmanuel Macron.\n"
                       "Sponsored: Angela Merkel's memoirs, now in paperback\n",
                       encoding="utf-8")
    words = tmp_path / "words.yaml"
    words.write_text("relations:\n  spoke_with:\n    verbs:\n      parley: {prep: [with]}\n",
                     encoding="utf-8")
    patterns = tmp_path / "boilerplate.txt"
    patterns.write_text("# sponsored teasers\nsponsored:.*\n", encoding="utf-8")
    out = tmp_path / "g.nt"
    plain = run(str(article), "-o", str(out))
    assert "spoke_with 0" in plain.stderr
    assert "Angela Merkel" in out.read_text(encoding="utf-8")
    result = run(str(article), "-o", str(out), "--lexicon", str(words),
                 "--boilerplate", str(patterns))
    assert result.exit_code == 0, result.stderr
    assert "spoke_with 1" in result.stderr
    assert "Angela Merkel" not in out.read_text(encoding="utf-8")


def test_a_failure_on_one_document_skips_it_and_builds_the_rest(corpus: Path, tmp_path: Path,
                                                                monkeypatch):
    import kg.extract

    real = kg.extract.extract_document

    def flaky(document, *args):
        if document.id == "bad.txt":
            raise ValueError("boom")
        return real(document, *args)

    (corpus / "bad.txt").write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    monkeypatch.setattr(kg.extract, "extract_document", flaky)
    result = run(str(corpus), "-o", str(tmp_path / "g.ttl"))
    assert result.exit_code == 0, result.stderr
    assert "documents read: 1" in result.stderr and "files skipped: 1" in result.stderr
    assert "bad.txt" in result.stderr and "report this bug" in result.stderr
