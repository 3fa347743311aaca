"""Reading and writing graph files: formats, atomic writes, JSON-LD compaction.

Every format is parsed and serialised by pyoxigraph; JSON-LD output is then compacted
with pyld against the ``@context`` shipped in ``ontology/context.jsonld``. Quad formats
(N-Quads, TriG) hold the graph in the default graph, so every format loads into a store
as the same triples.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg import resources

#: format name -> (pyoxigraph format, file extensions)
FORMATS: dict[str, tuple[ox.RdfFormat, tuple[str, ...]]] = {
    "turtle": (ox.RdfFormat.TURTLE, (".ttl", ".turtle")),
    "jsonld": (ox.RdfFormat.JSON_LD, (".jsonld", ".json")),
    "nt": (ox.RdfFormat.N_TRIPLES, (".nt",)),
    "nq": (ox.RdfFormat.N_QUADS, (".nq",)),
    "trig": (ox.RdfFormat.TRIG, (".trig",)),
}
ALIASES = {"ttl": "turtle", "json-ld": "jsonld", "ntriples": "nt", "nquads": "nq"}


class FormatError(ValueError):
    """The output or input format cannot be determined or is not supported."""


class OutputError(OSError):
    """The output cannot be written where it was asked to go."""


def check_output(path: str | os.PathLike[str]) -> None:
    """Fail early, before any work, when ``path`` cannot be written."""
    if str(path) == "-":
        return
    target = Path(path)
    parent = target.parent
    if not parent.is_dir():
        raise OutputError(f"{path}: the folder {parent} does not exist: create it or write "
                          "the graph elsewhere with -o")
    if target.is_dir():
        raise OutputError(f"{path} is a folder: give a file name such as {path}/graph.ttl")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: the folder {parent} is not writable: choose another -o")


def format_names() -> str:
    return ", ".join(FORMATS)


def format_for(path: str | os.PathLike[str] | None, explicit: str | None = None) -> str:
    """The format name for a path, or the explicit ``--format`` value (which wins)."""
    if explicit:
        name = ALIASES.get(explicit.lower(), explicit.lower())
        if name not in FORMATS:
            raise FormatError(f"unknown format {explicit!r}: use one of {format_names()}")
        return name
    if path is None or str(path) == "-":
        return "turtle"
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    for name, (_, exts) in FORMATS.items():
        if ext in exts:
            return name
    raise FormatError(
        f"{path}: cannot tell the RDF format from the extension {ext or '(none)'!r}; "
        f"use .ttl, .jsonld, .nt, .nq or .trig, or give --format ({format_names()})"
    )


@cache
def jsonld_context() -> dict:
    """The shipped JSON-LD context (the value of its ``@context`` key)."""
    with open(resources.context_file(), encoding="utf-8") as fh:
        return json.load(fh)["@context"]


def _sorted_triples(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    return sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _types_as_keyword(expanded: list) -> list:
    """pyoxigraph writes rdf:type as a property; JSON-LD readers expect ``@type``."""
    for node in expanded:
        types = node.pop(_RDF_TYPE, None)
        if types:
            node["@type"] = [t["@id"] for t in types]
    return expanded


def serialize(triples: Iterable[ox.Triple], fmt: str, prefixes: dict[str, str]) -> bytes:
    """The bytes of a graph in a format, its triples sorted (deterministic output)."""
    ordered = _sorted_triples(triples)
    oxfmt = FORMATS[fmt][0]
    if fmt == "jsonld":
        from pyld import jsonld

        expanded = _types_as_keyword(json.loads(ox.serialize(ordered, format=oxfmt)))
        context = jsonld_context()
        compacted = jsonld.compact(expanded, {"@context": context})
        return (json.dumps(compacted, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return _serialize(ordered, fmt, prefixes)


def _serialize(triples: Iterable[ox.Triple], fmt: str, prefixes: dict[str, str],
               output: IO[bytes] | None = None) -> bytes | None:
    """pyoxigraph's serialiser for every format but JSON-LD: quad formats get the triples
    in the default graph; the bytes, or None when written to ``output``."""
    oxfmt = FORMATS[fmt][0]
    if oxfmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        triples = (ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                   for t in triples)
    options = {} if oxfmt == ox.RdfFormat.N_TRIPLES else {"prefixes": prefixes}
    return ox.serialize(triples, output, oxfmt, **options)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary file beside ``path`` to write; renamed into place, with an ordinary
    new file's permissions (not mkstemp's 0600), when the block ends without error, and
    removed when it does not. A crash or Ctrl-C leaves either the old file or the new
    one, never half of one."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_atomic(data: bytes, path: str | os.PathLike[str]) -> None:
    """Write ``data`` to ``path`` through :func:`atomic_path`."""
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def write_graph(
    triples: Iterable[ox.Triple],
    output: str | os.PathLike[str],
    fmt: str,
    prefixes: dict[str, str],
    stdout: IO[bytes] | None = None,
) -> None:
    """Serialise ``triples`` to ``output`` (a path, or ``-`` for standard output)."""
    data = serialize(triples, fmt, prefixes)
    if str(output) == "-":
        out = stdout or sys.stdout.buffer
        out.write(data)
        out.flush()
    else:
        write_atomic(data, output)


def write_stream(
    triples: Iterable[ox.Triple],
    output: str | os.PathLike[str],
    fmt: str,
    prefixes: dict[str, str],
) -> None:
    """Serialise ``triples`` to ``output`` (a path, or ``-``) as they come, without holding
    them: for a large graph, in a deterministic order (a store's, each subject's triples
    together). JSON-LD, which must be compacted as a whole, is the exception."""
    if fmt == "jsonld":
        write_graph(triples, output, fmt, prefixes)
        return
    if str(output) == "-":
        _serialize(triples, fmt, prefixes, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    with atomic_path(output) as tmp, open(tmp, "wb") as fh:
        _serialize(triples, fmt, prefixes, fh)
        fh.flush()
        os.fsync(fh.fileno())


def read_triples(path: str | os.PathLike[str], fmt: str | None = None) -> list[ox.Triple]:
    """All triples of a graph file in any supported format (graph names are dropped)."""
    name = format_for(path, fmt)
    oxfmt = FORMATS[name][0]
    raw = Path(path).read_bytes()
    if str(path).endswith(".gz"):
        import gzip

        raw = gzip.decompress(raw)
    triples = []
    for item in ox.parse(io.BytesIO(raw), format=oxfmt):
        if isinstance(item, ox.Quad):
            triples.append(ox.Triple(item.subject, item.predicate, item.object))
        else:
            triples.append(item)
    return triples


def to_ntriples(triples: Iterable[ox.Triple]) -> str:
    """Sorted canonical N-Triples: the form two graphs are compared in."""
    lines = ox.serialize(_sorted_triples(triples), format=ox.RdfFormat.N_TRIPLES)
    return "".join(sorted(lines.decode("utf-8").splitlines(keepends=True)))
