"""Corpus readers: turn files and folders of news articles into :class:`~kg.model.Document`.

This module owns everything between a path on the command line and the final text of a
document: finding files, decompressing, decoding, front matter, Markdown reduction,
headline and leading-date detection, boilerplate removal and text normalisation. Evidence
offsets point into ``Document.text``, so the text a reader yields is final.

Inputs
    Files or folders. Folders are searched recursively, in sorted order of relative path
    (compared component by component, as :mod:`pathlib` sorts); hidden files and folders
    (name starting with ``.``) and files with an unsupported extension inside a folder are
    ignored. Symbolic links to folders are not followed.

Formats (each may also be gzipped: ``x.txt.gz``, ``x.md.gz``, ``x.jsonl.gz``)
    ``.txt``
        Plain text, one paragraph per line. A first line that reads as a headline becomes
        the title (see :func:`is_headline`); a leading ``date YYYY-MM-DD`` (alone on a line,
        fused with the first sentence, or on the first body line after the headline)
        becomes the date. Both are removed from the text.
    ``.md``, ``.markdown``
        Optional YAML front matter (``date``, ``title``, ``source_url`` or ``url``), then
        Markdown reduced to plain text (see :func:`markdown_to_text`). Without a title in
        the front matter, a leading level-1 heading becomes the title.
    ``.jsonl``
        One JSON object per line: ``text`` required; ``id``, ``title``, ``date`` (ISO) and
        ``url`` optional. Each bad line is skipped on its own; blank lines are ignored.

Document ids
    The path relative to the corpus folder given, with ``/`` separators (a gzipped file
    keeps its name: ``a/x.txt.gz``); for a file given directly, its file name. A JSONL
    record uses its ``id`` field, else ``<file id>#<line number>``.

Text
    Every format is normalised the same way: ``\\r\\n`` and ``\\r`` become ``\\n``, Unicode
    NFC, trailing whitespace stripped from every line, runs of blank lines collapsed to one,
    no blank lines at either end. The article's own characters (curly quotes, dashes,
    no-break spaces inside a line) are kept. Lines (paragraphs) that match a boilerplate
    pattern are dropped (see :class:`Boilerplate` and ``kg/data/boilerplate.txt``).

Errors
    :func:`iter_corpus` raises :class:`CorpusError` when it is called with no paths, a
    path that does not exist, or a folder with no file of a supported format, and when a
    boilerplate pattern file is missing or holds an invalid expression; these are raised
    when :func:`iter_corpus` is called, before anything is read. When every file of a
    folder turns out to be unreadable, the error is raised after the :class:`Skipped`
    records of that folder were yielded. Anything wrong with one file or one JSONL record
    is not an error: it is yielded as a :class:`~kg.model.Skipped` with a one-line reason
    (a binary or non-UTF-8 file, a broken gzip stream, invalid front matter or JSON, a
    date that is not ISO, a document with no text left, an explicitly given file of an
    unsupported format).
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.model import Document, Skipped
from kg.resources import data_dir

__all__ = [
    "Boilerplate",
    "CorpusError",
    "SUPPORTED_SUFFIXES",
    "default_boilerplate_file",
    "is_headline",
    "iter_corpus",
    "markdown_to_text",
    "normalise_text",
]

#: The formats the readers understand, each also with ``.gz`` appended.
SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "jsonl",
}

_BINARY_PROBE = 8192  # bytes of a JSONL file looked at for NUL bytes
_HEADLINE_MAX_WORDS = 20
_HEADLINE_MAX_CHARS = 200

try:  # the C loader is several times faster on thousands of front matters
    _YamlLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _YamlLoader = yaml.SafeLoader


class CorpusError(Exception):
    """The corpus as a whole cannot be read: a missing path, a folder without documents,
    a broken boilerplate pattern file. The message names the path, what is wrong and what
    to do."""


# --------------------------------------------------------------------------- public API


def iter_corpus(
    paths: Iterable[str | Path],
    boilerplate_files: Iterable[str | Path] | None = None,
    *,
    default_boilerplate: bool = True,
) -> Iterator[Document | Skipped]:
    """Yield the documents of the given files and folders, and a :class:`Skipped` record for
    every file or JSONL line that could not be read.

    Files are read one at a time, so a corpus of any size streams. ``boilerplate_files``
    adds pattern files to the shipped ``kg/data/boilerplate.txt`` (leave that one out with
    ``default_boilerplate=False``).

    Raises :class:`CorpusError` at once for no paths, a path that does not exist, a folder
    without any file of a supported format, or a bad pattern file; and, after the folder's
    skipped records, when no file of a folder could be read. See the module docstring.
    """
    roots = [Path(p) for p in paths]
    if not roots:
        raise CorpusError("no corpus paths given: pass one or more files or folders")
    for root in roots:
        _check_root(root)
    files = list(boilerplate_files or [])
    if default_boilerplate:
        files.insert(0, default_boilerplate_file())
    boilerplate = Boilerplate.from_files(files)
    return _iter_roots(roots, boilerplate)


def default_boilerplate_file() -> Path:
    """The pattern file that ships with kgbuild."""
    return data_dir() / "boilerplate.txt"


def normalise_text(text: str) -> str:
    """Normalise line ends, Unicode (NFC) and blank lines; strip trailing whitespace."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _join_lines(line.rstrip() for line in text.split("\n"))


def is_headline(line: str) -> bool:
    """Whether a first line reads as a headline rather than as the first sentence.

    A headline is short (at most 20 words), starts with a capital letter or a digit (an
    opening quote may come first) and does not end like a sentence or a lead-in: no final
    ``.``, ``,``, ``;``, ``:`` or ellipsis, also not before a closing quote. A final
    abbreviation such as ``U.S.`` does not count as a full stop; ``?`` and ``!`` are
    allowed (``Will Iran strike back?``).
    """
    line = line.strip()
    words = line.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS or len(line) > _HEADLINE_MAX_CHARS:
        return False
    first = next((ch for ch in line if ch.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    end = line.rstrip("\"'’”»)]")
    if re.search(r"(?:^|\s)(?:[A-Za-z]\.){2,}$", end):  # "… warns U.S."
        return True
    return not end.endswith((".", ",", ";", ":", "…"))


# --------------------------------------------------------------------------- boilerplate


@dataclass(frozen=True)
class Boilerplate:
    """Line patterns of text that is not the article's own: teasers, prompts, credits.

    A pattern file holds one regular expression per line; lines whose first non-space
    character is ``#`` are comments (write a pattern that starts with ``#`` as ``\\#``),
    blank lines are ignored. A paragraph is boilerplate when a pattern matches the whole
    of it (leading and trailing whitespace ignored), case-insensitively.
    """

    combined: re.Pattern[str] | None
    separate: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def from_files(cls, files: Iterable[str | Path]) -> Boilerplate:
        """Load and compile the patterns of several files; :class:`CorpusError` if one is
        missing or holds an invalid expression."""
        patterns: list[re.Pattern[str]] = []
        for file in files:
            patterns.extend(_load_patterns(Path(file)))
        return cls.from_patterns(patterns)

    @classmethod
    def from_patterns(cls, patterns: Iterable[re.Pattern[str]]) -> Boilerplate:
        """Combine the patterns into one expression, for speed; those with backreferences
        (or all of them, if combining fails) are matched one by one."""
        patterns = list(patterns)
        plain = [p.pattern for p in patterns if not _BACKREFERENCE.search(p.pattern)]
        separate = tuple(p for p in patterns if _BACKREFERENCE.search(p.pattern))
        if not plain:
            return cls(None, separate)
        try:
            combined = re.compile("|".join(f"(?:{p})" for p in plain), re.I)
        except re.error:  # e.g. the same group name in two patterns, or inline flags
            return cls(None, tuple(patterns))
        return cls(combined, separate)

    def matches(self, line: str) -> bool:
        """Whether the whole line is boilerplate."""
        line = line.strip()
        if not line:
            return False
        if self.combined is not None and self.combined.fullmatch(line):
            return True
        return any(p.fullmatch(line) for p in self.separate)


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def _load_patterns(file: Path) -> list[re.Pattern[str]]:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise CorpusError(
            f"{file}: boilerplate pattern file not found; check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(
            f"{file}: cannot read boilerplate pattern file ({exc}); "
            "it must be a UTF-8 text file") from None
    patterns = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            patterns.append(re.compile(line, re.I))
        except re.error as exc:
            raise CorpusError(
                f"{file}:{number}: invalid regular expression ({exc}); "
                "fix it or comment it out with #") from None
    return patterns


# --------------------------------------------------------------------------- walking


def _format_of(path: Path) -> str | None:
    """The reader for a file name ('txt', 'markdown', 'jsonl'), or None."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return SUPPORTED_SUFFIXES.get(os.path.splitext(name)[1])


def _check_root(root: Path) -> None:
    if not root.exists():
        raise CorpusError(
            f"{root}: no such file or folder; check the path (relative paths are "
            f"taken from {Path.cwd()})")
    if root.is_dir() and next(_walk(root), None) is None:
        suffixes = ", ".join(SUPPORTED_SUFFIXES)
        raise CorpusError(
            f"{root}: the folder holds no documents (no file ending in {suffixes}, "
            "optionally .gz, outside hidden folders); point kgbuild at the corpus folder")


def _walk(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``, in sorted order, hidden entries left out."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file() and _format_of(path) is not None:
            yield path


def _iter_roots(roots: list[Path], boilerplate: Boilerplate) -> Iterator[Document | Skipped]:
    for root in roots:
        if root.is_dir():
            yield from _iter_folder(root, boilerplate)
        elif _format_of(root) is None:
            suffixes = ", ".join(SUPPORTED_SUFFIXES)
            yield Skipped(str(root), f"unsupported file type; kgbuild reads {suffixes} "
                          "(optionally .gz): rename or convert the file")
        else:
            yield from _read_file(root, root.name, boilerplate)


def _iter_folder(root: Path, boilerplate: Boilerplate) -> Iterator[Document | Skipped]:
    documents = files = 0
    for path in _walk(root):
        files += 1
        doc_id = path.relative_to(root).as_posix()
        for item in _read_file(path, doc_id, boilerplate):
            documents += isinstance(item, Document)
            yield item
    if documents == 0:
        raise CorpusError(
            f"{root}: none of the {files} files in the folder could be read (see the "
            "skipped records above); fix them or point kgbuild at another folder")


# --------------------------------------------------------------------------- reading


def _read_file(path: Path, doc_id: str, boilerplate: Boilerplate) -> Iterator[Document | Skipped]:
    fmt = _format_of(path)
    if fmt == "jsonl":
        yield from _read_jsonl(path, doc_id, boilerplate)
        return
    text = _read_text(path)
    if isinstance(text, Skipped):
        yield text
    elif fmt == "markdown":
        yield _parse_markdown(text, doc_id, str(path), boilerplate)
    else:
        yield _parse_txt(text, doc_id, str(path), boilerplate)


def _open_binary(path: Path) -> Any:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


_READ_ERRORS = (OSError, EOFError, zlib.error)


def _read_error(path: Path, exc: BaseException) -> Skipped:
    if isinstance(exc, gzip.BadGzipFile | EOFError | zlib.error):
        return Skipped(str(path), f"not a valid gzip file ({exc}); re-compress it or "
                       "remove the .gz ending if it is not compressed")
    return Skipped(str(path), f"cannot read the file ({exc}); check its permissions")


def _read_text(path: Path) -> str | Skipped:
    """The decoded content of a text or Markdown file, or why it cannot be had."""
    try:
        with _open_binary(path) as stream:
            data = stream.read()
    except _READ_ERRORS as exc:
        return _read_error(path, exc)
    return _decode(data, str(path))


def _decode(data: bytes, where: str) -> str | Skipped:
    if b"\x00" in data:
        return Skipped(where, "binary file (contains NUL bytes), not text; remove it or "
                       "convert it to UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skipped(where, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
                       f"{exc.start}); convert the file to UTF-8")


def _empty(where: str) -> Skipped:
    return Skipped(where, "no text left after removing markup and boilerplate; the "
                   "document is empty or holds only boilerplate")


# --------------------------------------------------------------------------- .txt

_LEADING_DATE = re.compile(r"\s*date\s*:?\s*(\d{4}-\d{2}-\d{2})(?![\d-])[ \t]*", re.I)


def _parse_txt(raw: str, doc_id: str, where: str, boilerplate: Boilerplate) -> Document | Skipped:
    lines = [ln for ln in normalise_text(raw).split("\n") if not boilerplate.matches(ln)]
    title, date, lines = _take_header(lines)
    text = _join_lines(lines)
    if not text:
        return _empty(where)
    return Document(id=doc_id, text=text, title=title, date=date, path=where)


def _take_header(lines: list[str]) -> tuple[str | None, dt.date | None, list[str]]:
    """Remove a leading date and a headline from the lines; return them."""
    lines = _drop_leading_blank(lines)
    date, lines = _take_date(lines)
    title = None
    if len(lines) > 1 and is_headline(lines[0]) and any(ln.strip() for ln in lines[1:]):
        title = " ".join(lines[0].split())
        lines = _drop_leading_blank(lines[1:])
        if date is None:
            date, lines = _take_date(lines)
    return title, date, lines


def _take_date(lines: list[str]) -> tuple[dt.date | None, list[str]]:
    """A ``date YYYY-MM-DD`` at the start of the first line, and the lines without it."""
    match = _LEADING_DATE.match(lines[0]) if lines else None
    if not match:
        return None, lines
    try:
        date = dt.date.fromisoformat(match.group(1))
    except ValueError:  # "date 2024-02-30": not a date, leave the text as it is
        return None, lines
    rest = lines[0][match.end():].strip()
    return date, _drop_leading_blank(([rest] if rest else []) + lines[1:])


def _drop_leading_blank(lines: list[str]) -> list[str]:
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    return lines[start:]


def _join_lines(lines: Iterable[str]) -> str:
    """Join lines, collapsing runs of blank lines and dropping them at both ends."""
    out: list[str] = []
    blank = False
    for line in lines:
        if not line.strip():
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out)


# --------------------------------------------------------------------------- .jsonl


def _read_jsonl(path: Path, file_id: str, boilerplate: Boilerplate) -> Iterator[Document | Skipped]:
    records = 0
    try:
        with _open_binary(path) as stream:
            if b"\x00" in stream.peek(_BINARY_PROBE)[:_BINARY_PROBE]:
                yield Skipped(str(path), "binary file (contains NUL bytes), not JSON Lines; "
                              "remove it or convert it to UTF-8 text")
                return
            for number, data in enumerate(stream, start=1):
                if not data.strip():
                    continue
                records += 1
                yield _parse_record(data, f"{path}:{number}", f"{file_id}#{number}",
                                    boilerplate)
    except _READ_ERRORS as exc:
        yield _read_error(path, exc)
        return
    if records == 0:
        yield Skipped(str(path), "no records (the file is empty); remove it or fill it with "
                      "one JSON object per line")


def _parse_record(data: bytes, where: str, default_id: str,
                  boilerplate: Boilerplate) -> Document | Skipped:
    line = _decode(data, where)
    if isinstance(line, Skipped):
        return line
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skipped(where, f"not valid JSON ({exc.msg} at column {exc.colno}); "
                       "each line must be one JSON object")
    if not isinstance(record, dict):
        return Skipped(where, f"a JSON {type(record).__name__}, not an object; each line "
                       'must be an object such as {"text": "..."}')
    text = record.get("text")
    if not isinstance(text, str):
        return Skipped(where, 'no "text" string in the record; add the article text as '
                       '"text"')
    date = _parse_date(record.get("date"))
    if isinstance(date, str):
        return Skipped(where, f"{date}; write it as YYYY-MM-DD or leave the field out")
    lines = [ln for ln in normalise_text(text).split("\n") if not boilerplate.matches(ln)]
    text = _join_lines(lines)
    if not text:
        return _empty(where)
    doc_id = _scalar(record.get("id")) or default_id
    return Document(id=doc_id, text=text, title=_title(record.get("title")), date=date,
                    url=_scalar(record.get("url")), path=where)


def _scalar(value: Any) -> str | None:
    """A field as a stripped string; None for missing, empty or structured values."""
    if value is None or isinstance(value, dict | list | bool):
        return None
    text = str(value).strip()
    return text or None


def _title(value: Any) -> str | None:
    text = _scalar(value)
    return " ".join(unicodedata.normalize("NFC", text).split()) if text else None


def _parse_date(value: Any) -> dt.date | None | str:
    """A date from a YAML or JSON value; a message (str) when it is not an ISO date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    return f"date {value!r} is not an ISO date"


# --------------------------------------------------------------------------- .md

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _parse_markdown(raw: str, doc_id: str, where: str,
                    boilerplate: Boilerplate) -> Document | Skipped:
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(raw)
    if match:
        loaded = _load_front_matter(match.group(1) or "", where)
        if isinstance(loaded, Skipped):
            return loaded
        meta, raw = loaded, raw[match.end():]
    date = _parse_date(meta.get("date"))
    if isinstance(date, str):
        return Skipped(where, f"{date} in the front matter; write it as YYYY-MM-DD or "
                       "leave it out")
    title = _title(meta.get("title"))
    blocks = [b for b in _markdown_blocks(raw) if not boilerplate.matches(b.text)]
    if blocks and blocks[0].kind == "h1" and (title is None or _same(blocks[0].text, title)):
        title = title or _title(blocks[0].text)
        blocks = blocks[1:]
    text = normalise_text(_assemble(blocks))
    if not text:
        return _empty(where)
    url = _scalar(meta.get("source_url")) or _scalar(meta.get("url"))
    return Document(id=doc_id, text=text, title=title, date=date, url=url, path=where)


def _load_front_matter(source: str, where: str) -> dict[str, Any] | Skipped:
    try:
        meta = yaml.load(source, Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return Skipped(where, f"front matter is not valid YAML ({problem}{at}); fix the "
                       "YAML between the --- lines")
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        return Skipped(where, "front matter is not a YAML mapping; write it as key: value "
                       "lines (date, title, source_url) between the --- lines")
    return meta


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# ---- Markdown reduction


@dataclass(frozen=True)
class _Block:
    """A paragraph ('p'), heading ('h1'…'h6'), item of a bullet ('ul') or numbered ('ol')
    list, or code line ('line')."""

    kind: str
    text: str


@dataclass
class _RawBlock:
    """A block being parsed: its kind and its source lines, inline markup still in."""

    kind: str
    lines: list[str]


_ESCAPABLE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PRIVATE_BASE = 0xE000  # escaped punctuation is parked in the Private Use Area meanwhile
_PARKED = re.compile("[\ue021-\ue07e]")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_DELETED = re.compile(r"<(s|strike|del|script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_AUTOLINK = re.compile(
    r"<((?:https?|ftp)://[^\s<>]+|mailto:[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>", re.I)
_HTML_BLOCK_TAG = re.compile(
    r"</?(?:address|article|aside|blockquote|caption|col|colgroup|dd|div|dl|dt|figcaption"
    r"|figure|footer|h[1-6]|header|hr|iframe|img|li|main|nav|ol|p|pre|section|table|tbody"
    r"|td|tfoot|th|thead|tr|ul|video)\b[^<>]{0,20000}>", re.I)
_HTML_BREAK = re.compile(r"<br\b[^<>]{0,200}>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,2000})?/?>")

_ATX_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_RULE = re.compile(r" {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+\s*)")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*")
_BULLET = re.compile(r"[ \t]*[-*+][ \t]+\s*(\S.*)")  # "*\xa0text*" is emphasis, not an item
_ORDERED = re.compile(r"[ \t]*(\d{1,9})([.)])[ \t]+\s*(\S.*)")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_REFERENCE_DEF = re.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S+.*")
_QUOTE_MARKER = re.compile(r" {0,3}>[ \t]?")
_MARKUP_STARTS = frozenset("#-*_=+>[`~0123456789")  # first characters of block markup

_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\]]*\])")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# Emphasis markers must touch their text; a no-break space counts as text here, because
# converters leave it next to markers ("every mom.\xa0**").
_STRIKE = re.compile(r"~~(?=[^ \t\n])(.+?)(?<=[^ \t\n])~~")
_STAR_EMPHASIS = re.compile(r"(\*{1,3})(?=[^ \t\n])(.+?)(?<=[^ \t\n])\1")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)(_{1,3})(?=[^ \t\n])(.+?)(?<=[^ \t\n])\1(?!\w)")
# markers left unpaired by converters: "** Heading", "text **", "* Item"; "*6", "income*" stay
_STRAY_STARS = re.compile(r"\*{2,}|\A\*\s+|\s+\*\Z")


def markdown_to_text(markdown: str) -> str:
    """Reduce a Markdown body (without front matter) to plain text.

    One paragraph per line, paragraphs separated by a blank line; hard-wrapped lines and
    hard breaks (two trailing spaces, a trailing backslash, ``<br>``) are joined with a
    space. Headings lose their ``#``; each list item is a line of its own (the items of
    one list not separated by a blank line), bullets dropped, numbers such as ``2.`` kept.
    Links become their text, images disappear, emphasis and code markers are removed,
    backslash escapes are resolved (``\\###`` is ``###``), HTML entities decoded; unpaired
    runs of ``**`` and a lone ``*`` at either end of a paragraph are dropped (``*6`` stays). HTML
    tags are stripped; block tags (``<p>``, ``<td>``…) end a paragraph, and struck-out
    text (``<s>``, ``<del>``, ``~~…~~``) is dropped with its tags.
    """
    return normalise_text(_assemble(_markdown_blocks(markdown)))


def _assemble(blocks: list[_Block]) -> str:
    out: list[str] = []
    previous = ""
    for block in blocks:
        if out:
            same_list = block.kind == previous and block.kind in ("ul", "ol")
            out.append("\n" if same_list else "\n\n")
        out.append(block.text)
        previous = block.kind
    return "".join(out)


def _park_escapes(text: str) -> str:
    return _ESCAPABLE.sub(lambda m: chr(_PRIVATE_BASE + ord(m.group(1))), text)


def _unpark_escapes(text: str) -> str:
    return _PARKED.sub(lambda m: chr(ord(m.group(0)) - _PRIVATE_BASE), text)


def _strip_html(text: str) -> str:
    text = _HTML_COMMENT.sub("\n\n", text)
    text = _HTML_DELETED.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_BLOCK_TAG.sub("\n\n", text)
    text = _HTML_BREAK.sub(" ", text)
    return _HTML_TAG.sub("", text)


def _markdown_blocks(markdown: str) -> list[_Block]:
    """Split a Markdown body into blocks of plain text; blocks left empty are dropped."""
    body = _strip_html(_park_escapes(markdown.replace("\r\n", "\n").replace("\r", "\n")))
    parser = _BlockParser()
    for line in body.split("\n"):
        parser.feed(line)
    blocks = (_Block(raw.kind, _inline(" ".join(ln.strip() for ln in raw.lines)))
              for raw in parser.close())
    return [block for block in blocks if block.text]


class _BlockParser:
    """A small line-based Markdown block parser: enough for news and press releases."""

    def __init__(self) -> None:
        self.blocks: list[_RawBlock] = []
        self.current: _RawBlock | None = None
        self.in_fence = False

    def close(self) -> list[_RawBlock]:
        self._flush()
        return self.blocks

    def _flush(self) -> None:
        if self.current is not None:
            self.blocks.append(self.current)
            self.current = None

    def _start(self, kind: str, text: str) -> None:
        self._flush()
        self.current = _RawBlock(kind, [text])

    def feed(self, line: str) -> None:
        line = line.rstrip()
        if line.endswith("\\"):  # a hard break; escaped backslashes are parked by now
            line = line[:-1].rstrip()
        first = line.lstrip()[:1]
        if not first:
            self._flush()
        elif first not in _MARKUP_STARTS and not self.in_fence:
            self._text_line(line)  # the common case, without trying every block pattern
        elif _FENCE.match(line):
            self._flush()
            self.in_fence = not self.in_fence
        elif self.in_fence:
            self._start("line", line)
        else:
            while _QUOTE_MARKER.match(line):
                line = _QUOTE_MARKER.sub("", line, count=1)
            self._markup_line(line)

    def _markup_line(self, line: str) -> None:
        if not line.strip():
            self._flush()
        elif heading := _ATX_HEADING.fullmatch(line):
            self._start(f"h{len(heading.group(1))}", heading.group(2) or "")
            self._flush()
        elif self._setext_underline(line) or _is_textless(line):
            self._flush()
        elif bullet := _BULLET.fullmatch(line):
            self._start("ul", bullet.group(1))
        elif (ordered := _ORDERED.fullmatch(line)) and self._may_start_ordered(ordered):
            self._start("ol", f"{ordered.group(1)}{ordered.group(2)} {ordered.group(3)}")
        else:
            self._text_line(line)

    def _text_line(self, line: str) -> None:
        if self.current is None:
            self._start("p", line)
        else:
            self.current.lines.append(line)

    def _setext_underline(self, line: str) -> bool:
        """``===`` or ``---`` under a paragraph makes it a heading."""
        match = _SETEXT.fullmatch(line)
        if not (match and self.current is not None and self.current.kind == "p"):
            return False
        self.current.kind = "h1" if match.group(1).startswith("=") else "h2"
        return True

    def _may_start_ordered(self, match: re.Match[str]) -> bool:
        """A number can start a list item after a blank line or in a list; inside a
        paragraph only ``1.`` can (so a wrapped "… in May\\n2022. The …" stays text)."""
        current = self.current
        return current is None or current.kind in ("ul", "ol") or match.group(1) == "1"


def _is_textless(line: str) -> bool:
    """A thematic break or a link reference definition: markup without text of its own."""
    return bool(_RULE.fullmatch(line) or _REFERENCE_DEF.fullmatch(line))


def _inline(text: str) -> str:
    """Inline Markdown of one joined paragraph reduced to plain text."""
    text = _CODE_SPAN.sub(r"\2", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _STRIKE.sub("", text)
    for _ in range(3):  # nested emphasis: **a *b* c**
        reduced = _UNDERSCORE_EMPHASIS.sub(r"\2", _STAR_EMPHASIS.sub(r"\2", text))
        if reduced == text:
            break
        text = reduced
    text = _STRAY_STARS.sub(" ", text)
    return html.unescape(_unpark_escapes(text)).strip()
