"""SPARQL over a kgbuild graph: what ``kgbuild query (STORE | GRAPH_FILE) QUERY`` does.

This module owns the read side of the graph for users:

- reading a query, given as SPARQL text or as a path to a ``.rq`` file;
- opening what it runs against: a persistent store folder (``kgbuild --store DIR``),
  opened read-only so that a query never changes a store nor locks out a build, or a graph
  file in any format kgbuild writes (:data:`kg.rdfio.FORMATS`), loaded into memory;
- running the query with the project's prefixes predeclared (:func:`query_prefixes`), over
  the default graph only: in a store the default graph holds the merged graph, and its named
  graphs (per-document contributions, bookkeeping) are hidden, ``GRAPH`` clauses included;
- rendering the answer: SELECT and ASK as an aligned text table or as SPARQL 1.1 results in
  CSV, TSV or JSON; CONSTRUCT and DESCRIBE as sorted Turtle or N-Triples;
- saying clearly what is wrong when something is: :class:`QueryError` (the query or the
  options; the CLI exits 2) and :class:`SourceError` (a path that cannot be read; exit 3).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import rdfio
from kg.vocab import DEFAULT_BASE, XSD, prefixes

#: every value of ``--format``
FORMATS = ("table", "csv", "tsv", "json", "turtle", "nt")
#: the formats of SELECT and ASK answers
RESULTS_FORMATS = ("table", "csv", "tsv", "json")
#: the formats of CONSTRUCT and DESCRIBE answers (``table`` prints Turtle)
GRAPH_FORMATS = ("table", "turtle", "nt")

_RESULTS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}
#: the extensions taken to name a query file rather than to be a query
QUERY_EXTENSIONS = (".rq", ".sparql")
#: SPARQL update operations: a query never runs one
_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY",
            "WITH")
#: literal datatypes whose lexical form reads well alone in a table
_PLAIN_TYPES = {XSD[t].value for t in ("string", "integer", "decimal", "double", "float",
                                       "boolean", "date", "dateTime")}


class QueryError(ValueError):
    """The query or the options are wrong (the CLI's usage error)."""


class SourceError(QueryError):
    """A store, graph file or query file cannot be found or read (the CLI's input error)."""


@dataclass(frozen=True)
class Query:
    """SPARQL text and where it came from, for messages."""

    text: str
    name: str  # the file's path, or "the query" for text given on the command line
    path: Path | None = None


def query_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes every query may use without declaring them: the vocabulary's
    (kgo, wd, prov, dcterms, skos, owl, rdf, rdfs, xsd), ``kgr:`` for the resource base and
    one per kind of resource (``entity:``, ``event:``, ``doc:``, ``evidence:``), as in the
    Turtle that kgbuild writes. A query that declares one of them itself wins."""
    return {"kgr": base, **prefixes(base)}


# -- reading --------------------------------------------------------------------------

def read_query(query: str | os.PathLike[str]) -> Query:
    """The query itself: the text of a file when ``query`` names one (a ``.rq`` or
    ``.sparql`` path must exist), else ``query`` as SPARQL text."""
    text = os.fspath(query)
    path = Path(text)
    looks_like_file = path.suffix.lower() in QUERY_EXTENSIONS and "\n" not in text
    try:
        is_file = path.is_file()
    except (OSError, ValueError):  # a query too long or odd to be a file name
        is_file = False
    if is_file:
        try:
            return Query(path.read_text(encoding="utf-8"), text, path)
        except UnicodeDecodeError:
            raise SourceError(f"{text}: the query file is not UTF-8 text") from None
        except OSError as exc:
            raise SourceError(f"{text}: cannot read the query file: "
                              f"{exc.strerror or exc}") from None
    if looks_like_file:
        raise SourceError(f"{text}: no such query file (QUERY is a .rq file or SPARQL "
                          "text; see examples/queries/ for ready-made ones)")
    if isinstance(query, os.PathLike):
        raise SourceError(f"{text}: no such query file")
    return Query(text, "the query")


def open_source(source: str | os.PathLike[str]) -> ox.Store:
    """What a query runs against: a store folder, opened read-only, or a graph file
    (.ttl .jsonld .nt .nq .trig, gzipped or not) read into an in-memory store, all of its
    triples in the default graph."""
    path = Path(source)
    if path.is_dir():
        if not (path / "CURRENT").is_file():
            raise SourceError(
                f"{source} is a folder but not a kgbuild store (there is no Oxigraph "
                "database in it): give the folder given to 'kgbuild CORPUS --store DIR', "
                "or a graph file (.ttl .jsonld .nt .nq .trig)")
        try:
            # read-only: it takes no lock and writes nothing, so it neither changes a
            # store nor keeps a build out (pyoxigraph leaves reading while another
            # process writes undefined: the answer is of the store as it was opened)
            return ox.Store.read_only(str(path))
        except OSError as exc:
            raise SourceError(f"{source}: cannot open the store: {exc}") from None
    if not path.exists():
        raise SourceError(f"{source}: no such file or folder: give a graph file (.ttl "
                          ".jsonld .nt .nq .trig) or a store folder made by "
                          "'kgbuild CORPUS --store DIR'")
    try:
        rdfio.format_for(path)
    except rdfio.FormatError:
        raise QueryError(f"{source}: not a graph file kgbuild reads: a graph file ends in "
                         ".ttl, .jsonld, .nt, .nq or .trig (or these .gz); or give a store "
                         "folder") from None
    try:
        triples = rdfio.read_triples(path)
    except (SyntaxError, ValueError) as exc:
        raise SourceError(f"{source}: cannot be parsed as "
                          f"{rdfio.format_for(path)}: {exc}") from None
    except OSError as exc:
        raise SourceError(f"{source}: cannot be read: {exc.strerror or exc}") from None
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                 for t in triples)
    return store


# -- running --------------------------------------------------------------------------

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


def run(store: ox.Store, query: Query, base: str = DEFAULT_BASE) -> QueryResult:
    """Run a query over the default graph of ``store`` (named graphs are invisible)."""
    try:
        return store.query(query.text, prefixes=query_prefixes(base), named_graphs=[])
    except SyntaxError as exc:
        raise QueryError(_syntax_message(query, str(exc), base)) from None
    except OSError as exc:
        raise SourceError(f"the store cannot be read: {exc}") from None


_POSITION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.DOTALL)
#: the parser's long lists of Unicode ranges, which say no more than this
_NAME_CHARACTERS = re.compile(r"\[[^\[\]]*\\u\{[^\[\]]*\]")


def _syntax_message(query: Query, message: str, base: str) -> str:
    where = query.name
    operation = _update_keyword(query.text)
    if operation:
        return (f"{where}: this is a SPARQL update ({operation}); kgbuild query only "
                "reads: use SELECT, ASK, CONSTRUCT or DESCRIBE")
    match = _POSITION.match(" ".join(message.split()))
    excerpt = ""
    if match:
        line, column, message = int(match[1]), int(match[2]), match[3]
        lines = query.text.splitlines()
        if line > len(lines) or not query.text[_offset(lines, line, column):].strip():
            where = f"{where}, at its end (line {line}, column {column})"
        else:
            where = f"{where}, line {line}, column {column}"
            text = lines[line - 1]
            column = max(1, min(column, len(text) + 1))
            excerpt = f"\n    {text}\n    {' ' * (column - 1)}^"
    if "Prefix not found" in message:
        unknown = _unknown_prefixes(query.text, query_prefixes(base))
        if unknown:
            names = " ".join(f"{p}:" for p in unknown)
            message = (f"undeclared prefix {names} (add a line PREFIX {unknown[0]}: <…>; "
                       f"predeclared are {', '.join(query_prefixes(base))})")
    message = _NAME_CHARACTERS.sub("[a name character]", message)
    hint = ""
    if query.path is None and len(query.text.split()) == 1:
        hint = " (QUERY is neither a file nor SPARQL text)"
    return f"{where}: SPARQL syntax error: {message}{hint}{excerpt}"


def _offset(lines: list[str], line: int, column: int) -> int:
    """The character offset of a 1-based line and column (lines as ``splitlines`` cut
    them; close enough for the end test it serves)."""
    return sum(len(text) + 1 for text in lines[:line - 1]) + column - 1


_COMMENT = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                      r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_PNAME = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w-]*(?:\.[\w-]+)*)?:")


def _code(text: str) -> str:
    """The query without its strings, IRIs and comments (which may hold any text)."""
    return _COMMENT.sub(" ", text)


def _unknown_prefixes(text: str, known: dict[str, str]) -> list[str]:
    code = _code(text)
    declared = {m[1] or "" for m in _PREFIX_DECL.finditer(code)}
    used = {m[1] or "" for m in _PNAME.finditer(_PREFIX_DECL.sub(" ", code))}
    return sorted(used - declared - set(known))


def _update_keyword(text: str) -> str | None:
    code = re.sub(r"(?is)\b(?:PREFIX\s+[\w.-]*:|BASE)\s*", " ", _code(text))
    first = code.split(None, 1)
    keyword = first[0].upper() if first else ""
    return keyword if keyword in _UPDATES else None


# -- rendering ------------------------------------------------------------------------

def check_format(fmt: str) -> str:
    """The ``--format`` value, checked."""
    name = fmt.lower()
    if name not in FORMATS:
        raise QueryError(f"unknown --format {fmt!r}: use table, csv, tsv or json (SELECT, "
                         "ASK), or turtle or nt (CONSTRUCT, DESCRIBE)")
    return name


def render(result: QueryResult, fmt: str = "table", base: str = DEFAULT_BASE) -> bytes:
    """The bytes to print for a query's answer in a format of :data:`FORMATS`."""
    fmt = check_format(fmt)
    if isinstance(result, ox.QueryTriples):
        if fmt not in GRAPH_FORMATS:
            raise QueryError(f"--format {fmt} is for SELECT and ASK answers; a CONSTRUCT or "
                             "DESCRIBE query gives triples: use --format turtle or nt")
        name = "nt" if fmt == "nt" else "turtle"
        return rdfio.serialize(list(result), name, query_prefixes(base))
    if fmt not in RESULTS_FORMATS:
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE answers; a SELECT "
                         "or ASK query gives results: use --format table, csv, tsv or json")
    if fmt != "table":
        data = result.serialize(format=_RESULTS[fmt])
        return data if data.endswith(b"\n") else data + b"\n"
    if isinstance(result, ox.QueryBoolean):
        return b"true\n" if bool(result) else b"false\n"
    return table(result, query_prefixes(base)).encode("utf-8")


def table(solutions: ox.QuerySolutions, names: dict[str, str]) -> str:
    """SELECT answers as aligned text: a header of the variables, a rule, one line a
    row in the query's order, and a count. IRIs are shortened with the prefixes; control
    characters are escaped so that one row stays on one line."""
    header = [v.value for v in solutions.variables]
    rows = [[show(term, names) for term in solution] for solution in solutions]
    widths = [max([_width(c) for c in column] or [0]) for column in zip(header, *rows,
                                                                        strict=True)]

    def line(cells: list[str]) -> str:
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)]
        return "  ".join(padded).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out.extend(line(row) for row in rows)
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(out) + "\n"


_LOCAL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, 0x85)} | {
    0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def compact(iri: str, names: dict[str, str]) -> str:
    """``entity:Q6279`` for an IRI under a known namespace (the longest), else ``<iri>``."""
    matches = [(len(namespace), prefix, iri[len(namespace):])
               for prefix, namespace in names.items()
               if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):])]
    if not matches:
        return f"<{iri}>"
    _, prefix, local = max(matches)
    return f"{prefix}:{local}"


def show(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None,
         names: dict[str, str]) -> str:
    """A term as a table shows it: a prefixed name, a literal's text (with its language
    or, for an unusual datatype, the datatype), ``_:b`` for a blank node, nothing for an
    unbound variable."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = compact(term.value, names)
    elif isinstance(term, ox.BlankNode):
        text = f"_:{term.value}"
    elif isinstance(term, ox.Literal):
        if term.language:
            text = f"{term.value}@{term.language}"
        elif term.datatype.value in _PLAIN_TYPES:
            text = term.value
        else:
            text = f"{term.value}^^{compact(term.datatype.value, names)}"
    else:
        text = f"<< {show(term.subject, names)} {show(term.predicate, names)} " \
               f"{show(term.object, names)} >>"
    return text.translate(_CONTROL)


def _width(text: str) -> int:
    """Columns on a terminal: wide East Asian characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# -- all together ---------------------------------------------------------------------

def query(source: str | os.PathLike[str], query: str | os.PathLike[str],
          fmt: str = "table", base: str = DEFAULT_BASE) -> bytes:
    """Run ``query`` (SPARQL text or a .rq file) against ``source`` (a store folder or a
    graph file) and give the answer in ``fmt``, as bytes to print."""
    fmt = check_format(fmt)
    parsed = read_query(query)
    store = open_source(source)
    return render(run(store, parsed, base), fmt, base)
