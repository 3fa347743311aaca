"""Loading a graph file into a running triple store: ``kgbuild load``.

This module owns the client side of the SPARQL 1.1 Graph Store HTTP Protocol (GSP):
it reads a graph file of any format kgbuild writes (.ttl .jsonld .nt .nq .trig, through
:mod:`kg.rdfio`'s format table), groups its triples by the graph they go to, and sends
them as N-Triples (or Turtle) to ``ENDPOINT?graph=IRI`` or ``ENDPOINT?default``: HTTP
POST merges into the graph, HTTP PUT (``replace=True``) replaces it.

- **Chunks.** A large graph is sent in requests of at most ``chunk_size`` triples (the
  first one PUT when replacing, the others POST), so no request is giant and progress
  can be reported. Blank nodes are local to one request in the GSP, so every triple
  that has a blank node goes in one request (kgbuild's own graphs have none).
- **Quad files.** Triples in the default graph of the file go to ``graph`` (or the
  store's default graph when it is None); each named graph of an N-Quads or TriG file
  goes to its own graph IRI (kgbuild itself writes everything into the default graph).
- **Credentials.** With a user, the endpoint is probed once (HTTP HEAD): a Digest
  challenge (Virtuoso's ``/sparql-graph-crud-auth``) gets Digest authentication,
  anything else Basic; wrong credentials fail before any data is sent.
- **Errors.** Everything that can go wrong with the store raises :class:`LoadError`
  with one readable message: no store listening at the URL, 401 (credentials), other
  HTTP statuses with the server's own text, shortened, and a hint for Virtuoso where
  one helps.
"""

from __future__ import annotations

import gzip
import html
import io
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox
import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from kg.rdfio import FORMATS, format_for

#: triples per request
DEFAULT_CHUNK = 50_000
#: the environment variables ``kgbuild load`` reads credentials from
USER_ENV = "KGBUILD_USER"
PASSWORD_ENV = "KGBUILD_PASSWORD"
#: what the chunks are written in: name -> (pyoxigraph format, Content-Type)
SYNTAXES: dict[str, tuple[ox.RdfFormat, str]] = {
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
}
#: seconds to wait for a connection, and for the store's answer to one chunk
TIMEOUT = (10.0, 600.0)

Progress = Callable[[int, int, str], None]


class LoadError(Exception):
    """The store could not be reached, refused the credentials, or refused the graph."""


@dataclass
class LoadResult:
    """What was sent: triples per target graph (``"default"`` for the default graph)."""

    endpoint: str
    graphs: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    seconds: float = 0.0
    replaced: bool = False

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())

    def summary(self) -> str:
        verb = "replaced" if self.replaced else "loaded"
        where = ", ".join(f"{n:,} into {_label(g)}" for g, n in self.graphs.items())
        return (f"{verb} {self.triples:,} triples at {self.endpoint} ({where or 'nothing'}) "
                f"in {self.requests} request(s), {self.seconds:.1f} s")


def _label(graph: str | None) -> str:
    return "the default graph" if graph in (None, "default") else f"<{graph}>"


# -- reading ---------------------------------------------------------------------------


def read_graphs(path: str | os.PathLike[str],
                fmt: str | None = None) -> dict[str | None, list[ox.Triple]]:
    """The triples of a graph file grouped by graph name (None: the default graph),
    without duplicates. Blank-node graph names (possible in TriG) count as the default
    graph. Raises :class:`kg.rdfio.FormatError` for an unknown format, ``SyntaxError``
    or ``ValueError`` for a file that does not parse, ``OSError`` for one that cannot
    be read."""
    oxfmt = FORMATS[format_for(path, fmt)][0]
    raw = Path(path).read_bytes()
    if str(path).endswith(".gz"):
        raw = gzip.decompress(raw)
    graphs: dict[str | None, dict[ox.Triple, None]] = {}
    for item in ox.parse(io.BytesIO(raw), format=oxfmt):
        name = None
        if isinstance(item, ox.Quad):
            if isinstance(item.graph_name, ox.NamedNode):
                name = item.graph_name.value
            item = ox.Triple(item.subject, item.predicate, item.object)
        graphs.setdefault(name, {})[item] = None
    return {name: list(triples) for name, triples in graphs.items()}


# -- HTTP --------------------------------------------------------------------------------


def graph_url(endpoint: str, graph: str | None) -> str:
    """``ENDPOINT?graph=IRI`` (the IRI percent-encoded) or ``ENDPOINT?default``."""
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={quote(graph, safe='')}"


def check_endpoint(endpoint: str) -> None:
    """Raise ValueError unless ``endpoint`` is an http(s) URL with a host."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"--endpoint {endpoint!r}: give the store's Graph Store URL, e.g. "
                         "http://127.0.0.1:8890/sparql-graph-crud-auth (Virtuoso)")


def check_graph_iri(graph: str) -> None:
    """Raise ValueError unless ``graph`` is an absolute IRI."""
    try:
        ox.NamedNode(graph)
    except ValueError:
        raise ValueError(f"--graph {graph!r} is not an absolute IRI: give one such as "
                         "https://example.org/news") from None


def _server_text(response: requests.Response, limit: int = 300) -> str:
    """The server's explanation, as one short line of plain text."""
    text = response.text or ""
    # Virtuoso puts the error in <h3>…</h3><xmp>…</xmp>; elsewhere strip the markup
    found = re.findall(r"<(?:h3|xmp|pre)>(.*?)</(?:h3|xmp|pre)>", text, flags=re.S | re.I)
    if found:
        text = " ".join(found)
    else:
        text = re.sub(r"<(head|style|script)\b.*?</\1>", " ", text, flags=re.S | re.I)
        text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(html.unescape(text).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text or "(no message)"


def _hint(response: requests.Response, endpoint: str, user: str | None) -> str:
    text = response.text or ""
    path = urlsplit(endpoint).path.rstrip("/")
    if "not configured to have default graph" in text:
        return (" Virtuoso keeps no default graph for the Graph Store protocol: give "
                "--graph IRI.")
    if response.status_code == 403 and path.endswith("/sparql-graph-crud"):
        return (" Virtuoso's /sparql-graph-crud does not let anonymous users write: use "
                f"{endpoint}-auth with --user and --password.")
    if response.status_code in (404, 405, 501):
        return (" Is this a Graph Store endpoint? Virtuoso: /sparql-graph-crud-auth, "
                "Fuseki: /DATASET/data, Oxigraph server: /store.")
    if response.status_code == 403 and user is None:
        return " The store may need --user and --password."
    return ""


class _Client:
    """One session against one endpoint, with the authentication the store asks for."""

    def __init__(self, endpoint: str, user: str | None, password: str | None,
                 timeout: tuple[float, float], session: requests.Session | None) -> None:
        self.endpoint = endpoint
        self.user = user
        self.password = password or ""
        self.timeout = timeout
        self.session = session or requests.Session()
        self.auth: AuthBase | None = None
        self.requests = 0

    def request(self, method: str, url: str, body: bytes | None = None,
                content_type: str | None = None) -> requests.Response:
        headers = {"Content-Type": content_type} if content_type else {}
        try:
            response = self.session.request(method, url, data=body, headers=headers,
                                            auth=self.auth, timeout=self.timeout)
        except requests.exceptions.SSLError as exc:
            raise LoadError(f"{url}: TLS error talking to the store: {exc}") from None
        except requests.exceptions.ConnectionError:
            parts = urlsplit(url)
            raise LoadError(
                f"no store answered at {parts.scheme}://{parts.netloc}{parts.path} "
                "(connection refused or host unreachable): is the triple store running, "
                "and are the host and port of --endpoint right?") from None
        except requests.exceptions.Timeout:
            raise LoadError(f"{url}: the store did not answer within {self.timeout[1]:.0f} s"
                            ) from None
        except requests.RequestException as exc:
            raise LoadError(f"{url}: {exc}") from None
        if method != "HEAD":
            self.requests += 1
        return response

    def authenticate(self, url: str) -> None:
        """Probe ``url`` once and settle the authentication scheme; fail early on 401."""
        response = self.request("HEAD", url)
        if response.status_code != 401:
            if self.user is not None:
                # the store did not challenge a read; writes may still want credentials
                self.auth = HTTPBasicAuth(self.user, self.password)
            return
        if self.user is None:
            raise LoadError(
                f"{self.endpoint} asks for credentials (HTTP 401): give --user and "
                f"--password (or set {PASSWORD_ENV})")
        self.auth = self._auth_for(response)
        response = self.request("HEAD", url)
        if response.status_code == 401:
            raise self._refused()

    def _auth_for(self, response: requests.Response) -> AuthBase:
        challenge = response.headers.get("WWW-Authenticate", "")
        if challenge.lower().lstrip().startswith("digest"):
            return HTTPDigestAuth(self.user or "", self.password)
        return HTTPBasicAuth(self.user or "", self.password)

    def _refused(self) -> LoadError:
        return LoadError(
            f"{self.endpoint} refused the credentials of user {self.user!r} (HTTP 401): "
            f"check --user and --password (or {PASSWORD_ENV})")

    def send(self, method: str, url: str, body: bytes, content_type: str) -> None:
        response = self.request(method, url, body, content_type)
        if response.status_code == 401 and self.user is not None and not isinstance(
                self.auth, HTTPDigestAuth) and "digest" in response.headers.get(
                "WWW-Authenticate", "").lower():
            # HEAD was not challenged but writes are: switch to what the store asks for
            self.auth = self._auth_for(response)
            response = self.request(method, url, body, content_type)
        if response.status_code == 401:
            if self.user is None:
                raise LoadError(
                    f"{self.endpoint} asks for credentials (HTTP 401): give --user and "
                    f"--password (or set {PASSWORD_ENV})")
            raise self._refused()
        if not response.ok:
            raise LoadError(
                f"{method} {url}: HTTP {response.status_code} {response.reason}: "
                f"{_server_text(response)}.{_hint(response, self.endpoint, self.user)}")


# -- loading -----------------------------------------------------------------------------


def _has_blank(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def chunks(triples: Iterable[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    """Sorted triples in lists of at most ``size``; those with blank nodes all in the
    first list, whatever its length (a blank node means the same node only within one
    request)."""
    ordered = sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate),
                                                 str(t.object)))
    blank = [t for t in ordered if _has_blank(t)]
    plain = [t for t in ordered if not _has_blank(t)]
    if blank:
        yield blank
    for start in range(0, len(plain), size):
        yield plain[start:start + size]


def load_graphs(
    graphs: dict[str | None, list[ox.Triple]],
    endpoint: str,
    *,
    graph: str | None = None,
    user: str | None = None,
    password: str | None = None,
    replace: bool = False,
    chunk_size: int = DEFAULT_CHUNK,
    syntax: str = "nt",
    timeout: tuple[float, float] = TIMEOUT,
    on_progress: Progress | None = None,
    session: requests.Session | None = None,
) -> LoadResult:
    """Send triples grouped by graph name (as :func:`read_graphs` gives them) to a GSP
    endpoint. Triples under None go to ``graph``, or to the store's default graph when
    ``graph`` is None; the others to their own graph. ``on_progress(sent, total,
    target)`` is called after each request. Raises :class:`LoadError`."""
    check_endpoint(endpoint)
    if graph is not None:
        check_graph_iri(graph)
    if chunk_size < 1:
        raise ValueError("the chunk size must be at least 1")
    oxfmt, content_type = SYNTAXES[syntax]
    targets: dict[str | None, list[ox.Triple]] = {}
    for name, triples in graphs.items():
        targets.setdefault(graph if name is None else name, []).extend(triples)
    if not targets and replace:
        targets[graph] = []  # an empty file replaces the graph by nothing
    plan = {target: list(chunks(triples, chunk_size)) for target, triples in targets.items()}
    total = sum(len(c) for parts in plan.values() for c in parts)
    client = _Client(endpoint, user, password, timeout, session)
    result = LoadResult(endpoint, replaced=replace)
    started = time.monotonic()
    sent = 0
    for number, (target, parts) in enumerate(plan.items()):
        url = graph_url(endpoint, target)
        if number == 0:
            client.authenticate(url)  # before any data: no store, wrong password
        key = "default" if target is None else target
        result.graphs[key] = 0
        if replace and not parts:
            parts = [[]]
        for index, part in enumerate(parts):
            method = "PUT" if replace and index == 0 else "POST"
            body = ox.serialize(part, format=oxfmt) if part else b""
            try:
                client.send(method, url, body, content_type)
            except LoadError as exc:
                if sent:
                    raise LoadError(f"{exc} ({sent:,} of {total:,} triples were loaded "
                                    "before this request failed)") from None
                raise
            sent += len(part)
            result.graphs[key] += len(part)
            if on_progress is not None:
                on_progress(sent, total, _label(target))
    result.requests = client.requests
    result.seconds = time.monotonic() - started
    return result


def load(
    path: str | os.PathLike[str],
    endpoint: str,
    *,
    graph: str | None = None,
    user: str | None = None,
    password: str | None = None,
    replace: bool = False,
    fmt: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    syntax: str = "nt",
    timeout: tuple[float, float] = TIMEOUT,
    on_progress: Progress | None = None,
    session: requests.Session | None = None,
) -> LoadResult:
    """Load the graph file ``path`` into the store at ``endpoint`` (a GSP URL such as
    Virtuoso's ``http://127.0.0.1:8890/sparql-graph-crud-auth``) and say what was sent.

    ``password`` defaults to the ``KGBUILD_PASSWORD`` environment variable when a user
    is given. Raises :class:`LoadError` for the store, :class:`kg.rdfio.FormatError` for
    an unknown format, ``SyntaxError``/``ValueError``/``OSError`` for the file.
    """
    check_endpoint(endpoint)
    if graph is not None:
        check_graph_iri(graph)
    if user is not None and password is None:
        password = os.environ.get(PASSWORD_ENV)
    graphs = read_graphs(path, fmt)
    return load_graphs(graphs, endpoint, graph=graph, user=user, password=password,
                       replace=replace, chunk_size=chunk_size, syntax=syntax,
                       timeout=timeout, on_progress=on_progress, session=session)
