"""Tests of kg.link.online: the Wikidata API as a candidate source.

A real HTTP server on 127.0.0.1 plays the API, answering wbsearchentities and wbgetentities
in their JSON shape from entities written here (the ids are made up). Nothing leaves the
machine; time is a fake clock, so no test sleeps.
"""

from __future__ import annotations

import json
import logging
import pickle
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from kg.link.kb import KBEntity
from kg.link.online import MAX_IDS, USER_AGENT, WikidataAPI
from kg.model import EntityType


def claim(prop: str, qid: str) -> dict:
    return {"mainsnak": {"snaktype": "value", "property": prop, "datatype": "wikibase-item",
                         "datavalue": {"type": "wikibase-entityid",
                                       "value": {"entity-type": "item",
                                                 "numeric-id": int(qid[1:]), "id": qid}}},
            "type": "statement", "rank": "normal"}


def entity(qid: str, label: str, cls: str, aliases: tuple[str, ...] = (),
           sitelinks: int = 3, country: str | None = None) -> dict:
    claims = {"P31": [claim("P31", cls)]}
    if country:
        claims["P17"] = [claim("P17", country)]
    return {"pageid": int(qid[1:]), "ns": 0, "title": qid, "type": "item", "id": qid,
            "labels": {"en": {"language": "en", "value": label}},
            "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
            "claims": claims,
            "sitelinks": {f"w{i}wiki": {"site": f"w{i}wiki", "title": label, "badges": []}
                          for i in range(sitelinks)}}


ENTITIES = {e["id"]: e for e in [
    entity("Q9001", "Ada Example", "Q5", aliases=("A. Example",)),
    entity("Q9002", "Springfield", "Q515", sitelinks=40, country="Q9010"),
    entity("Q9003", "Springfield Armory", "Q43229"),
    entity("Q9004", "Springfield", "Q4167410"),  # of a class not in the table
    entity("Q9005", "Jo Springfield", "Q5", aliases=("Springfield",)),
    *(entity(f"Q{9100 + n}", f"Filler {n}", "Q5") for n in range(120)),
]}


class FakeAPI:
    """What the server answers, and what it was asked."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], dict[str, str]]] = []
        self.status = 200
        self.body: str | None = None  # a fixed answer instead of the API's
        self.lagged = 0  # answer this many requests with a maxlag error first
        self.lock = threading.Lock()

    def answer(self, params: dict[str, str], headers: dict[str, str]) -> tuple[int, str, dict]:
        with self.lock:
            self.requests.append((params, headers))
            if self.lagged:
                self.lagged -= 1
                return 200, json.dumps({"error": {"code": "maxlag", "info": "lagged",
                                                  "lag": 7}}), {"Retry-After": "2"}
        if self.status != 200 or self.body is not None:
            return self.status, self.body or "<html>Server Error</html>", {}
        if params.get("action") == "wbsearchentities":
            return 200, json.dumps(search(params["search"], int(params["limit"]))), {}
        if params.get("action") == "wbgetentities":
            ids = params["ids"].split("|")
            found = {q: ENTITIES.get(q, {"id": q, "missing": ""}) for q in ids}
            return 200, json.dumps({"entities": found, "success": 1}), {}
        return 200, json.dumps({"error": {"code": "badvalue", "info": "unknown action"}}), {}

    def count(self, action: str | None = None) -> int:
        return sum(1 for p, _ in self.requests if action in (None, p.get("action")))


def search(text: str, limit: int) -> dict:
    """wbsearchentities: items whose English label or alias starts with the text."""
    hits = []
    for qid, obj in ENTITIES.items():
        names = [obj["labels"]["en"]["value"], *(a["value"] for a in obj["aliases"]["en"])]
        match = next((n for n in names if n.lower().startswith(text.lower())), None)
        if match is not None:
            hits.append({"id": qid, "title": qid, "pageid": obj["pageid"],
                         "repository": "wikidata", "url": f"//www.wikidata.org/wiki/{qid}",
                         "concepturi": f"http://www.wikidata.org/entity/{qid}",
                         "label": obj["labels"]["en"]["value"], "description": "",
                         "match": {"type": "label", "language": "en", "text": match}})
    return {"searchinfo": {"search": text}, "search": hits[:limit], "success": 1}


@pytest.fixture
def fake() -> Iterator[tuple[FakeAPI, str]]:
    api = FakeAPI()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server name
            query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
            status, body, headers = api.answer(query, dict(self.headers))
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    try:
        yield api, f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


class FakeClock:
    """Time that passes only when slept."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Fallback:
    """A local source: answers every name with one entity and counts the questions."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.local = KBEntity("Q9999", "Local Entity", EntityType.LOCATION)

    def candidates(self, name: str, surname: bool = False) -> list[KBEntity]:
        self.asked.append(name)
        return [self.local]

    def get(self, qid: str) -> KBEntity | None:
        self.asked.append(qid)
        return self.local if qid == self.local.qid else None


def make(endpoint: str, cache: Path, clock: FakeClock | None = None, **kwargs) -> WikidataAPI:
    clock = clock or FakeClock()
    return WikidataAPI(endpoint=endpoint, cache_path=cache / "wikidata.sqlite",
                       clock=clock.clock, sleep=clock.sleep, timeout=5, **kwargs)


# -- answers ----------------------------------------------------------------------------------

def test_candidates_come_back_typed(fake, tmp_path):
    server, endpoint = fake
    with make(endpoint, tmp_path) as api:
        found = api.candidates("Springfield")
    assert [(e.qid, e.type, e.kind) for e in found] == [
        ("Q9002", EntityType.LOCATION, "city"), ("Q9005", EntityType.PERSON, "human")]
    # Q9003 is named otherwise (a prefix match of the search), Q9004 of an unknown class
    city = found[0]
    assert city.label == "Springfield" and city.country == "Q9010" and city.prominence > 0
    assert server.count("wbsearchentities") == 1 and server.count("wbgetentities") == 1


def test_not_exact_keeps_every_item_of_a_known_class(fake, tmp_path):
    _, endpoint = fake
    with make(endpoint, tmp_path, exact=False) as api:
        assert [e.qid for e in api.candidates("springfield")] == ["Q9002", "Q9003", "Q9005"]


def test_get_and_the_memory_of_a_run(fake, tmp_path):
    server, endpoint = fake
    with make(endpoint, tmp_path) as api:
        assert api.candidates("A. Example")[0].qid == "Q9001"
        asked = len(server.requests)
        assert api.get("Q9001").label == "Ada Example"  # already fetched: no request
        assert api.candidates("a. example")[0].qid == "Q9001"
        assert len(server.requests) == asked
        assert api.get("Q9004") is None  # an item of no known class
        assert api.get("Q424242") is None  # a missing one
        assert api.get("not an id") is None
        assert api.candidates("Nobody Here") == []
        assert server.count("wbsearchentities") == 2  # no wbgetentities for no hits


def test_the_requests_are_polite(fake, tmp_path):
    server, endpoint = fake
    with make(endpoint, tmp_path) as api:
        api.candidates("Ada Example")
    (search_params, headers), (get_params, _) = server.requests
    assert headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("kgbuild/") and "@" in USER_AGENT and "python-requests/" in (
        USER_AGENT)
    assert search_params == {"action": "wbsearchentities", "search": "Ada Example",
                             "language": "en", "type": "item", "limit": "10",
                             "format": "json", "maxlag": "5"}
    assert get_params == {"action": "wbgetentities", "ids": "Q9001",
                          "props": "labels|aliases|claims|sitelinks", "languages": "en",
                          "format": "json", "maxlag": "5"}


def test_the_user_agent_can_be_set(fake, tmp_path):
    server, endpoint = fake
    with make(endpoint, tmp_path, user_agent="mybot/1.0 (me@example.org)") as api:
        api.candidates("Ada Example")
    assert server.requests[0][1]["User-Agent"] == "mybot/1.0 (me@example.org)"


def test_ids_are_fetched_fifty_at_a_time(fake, tmp_path):
    server, endpoint = fake
    ids = [f"Q{9100 + n}" for n in range(120)]
    with make(endpoint, tmp_path) as api:
        got = api.get_many(ids)
    assert len(got) == 120
    batches = [p["ids"].split("|") for p, _ in server.requests]
    assert [len(b) for b in batches] == [MAX_IDS, MAX_IDS, 20]
    assert sorted(q for b in batches for q in b) == sorted(ids)


# -- the cache --------------------------------------------------------------------------------

def test_a_second_run_asks_nothing_again(fake, tmp_path):
    server, endpoint = fake
    with make(endpoint, tmp_path) as first:
        expected = first.candidates("Springfield") + first.candidates("Ada Example")
    asked = len(server.requests)
    assert asked == 4
    clock = FakeClock()
    with make(endpoint, tmp_path, clock=clock) as second:
        again = second.candidates("Springfield") + second.candidates("Ada Example")
    assert again == expected
    assert len(server.requests) == asked
    assert clock.sleeps == []  # answers from the cache are not throttled


def test_error_answers_are_not_cached(fake, tmp_path):
    server, endpoint = fake
    server.body = json.dumps({"error": {"code": "internal_api_error_DBQueryError",
                                        "info": "A database query error has occurred."}})
    warnings: list[str] = []
    with make(endpoint, tmp_path, warn=warnings.append) as api:
        assert api.candidates("Ada Example") == []
    assert warnings == ["Wikidata API unreachable (API error: A database query error has "
                        "occurred.); linking without a knowledge base"]
    server.body = None
    with make(endpoint, tmp_path) as api:
        assert [e.qid for e in api.candidates("Ada Example")] == ["Q9001"]


# -- failure ----------------------------------------------------------------------------------

def test_a_server_error_falls_back_with_one_warning(fake, tmp_path, caplog):
    server, endpoint = fake
    server.status = 500
    fallback = Fallback()
    caplog.set_level(logging.WARNING, logger="kg.link")
    with make(endpoint, tmp_path, fallback=fallback) as api:
        for name in ("Ada Example", "Springfield", "Someone Else"):
            assert api.candidates(name) == [fallback.local]
        assert api.get("Q9999") == fallback.local
    assert len(server.requests) == 1  # given up at once, not retried for every name
    assert fallback.asked == ["Ada Example", "Springfield", "Someone Else", "Q9999"]
    records = [r for r in caplog.records if r.name == "kg.link"]
    assert len(records) == 1 and records[0].levelno == logging.WARNING
    assert records[0].getMessage() == (
        f"Wikidata API unreachable (HTTP 500 from {endpoint.split('/')[2]}); "
        "linking with the local knowledge base only")


def test_a_closed_port_falls_back_with_one_warning(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    fallback = Fallback()
    warnings: list[str] = []
    with make(f"http://127.0.0.1:{port}/w/api.php", tmp_path, fallback=fallback,
              warn=warnings.append) as api:
        assert api.candidates("Ada Example") == [fallback.local]
        assert api.candidates("Springfield") == [fallback.local]
        assert api.get("Q1") is None
    assert len(warnings) == 1
    assert warnings[0].startswith(f"Wikidata API unreachable (cannot connect to 127.0.0.1:"
                                  f"{port}); linking with the local knowledge base only")
    assert api.unavailable is not None


def test_an_answer_that_is_not_json_falls_back(fake, tmp_path):
    server, endpoint = fake
    server.body = "<html>maintenance</html>"
    warnings: list[str] = []
    with make(endpoint, tmp_path, fallback=Fallback(), warn=warnings.append) as api:
        assert [e.qid for e in api.candidates("Ada Example")] == ["Q9999"]
    assert len(warnings) == 1 and "not JSON" in warnings[0]


def test_maxlag_is_waited_out(fake, tmp_path):
    server, endpoint = fake
    server.lagged = 1
    clock = FakeClock()
    warnings: list[str] = []
    with make(endpoint, tmp_path, clock=clock, min_interval=0, warn=warnings.append) as api:
        assert [e.qid for e in api.candidates("Ada Example")] == ["Q9001"]
    assert clock.sleeps == [2.0]  # as Retry-After said
    assert warnings == [] and len(server.requests) == 3


def test_a_lag_that_lasts_is_a_failure(fake, tmp_path):
    server, endpoint = fake
    server.lagged = 10
    warnings: list[str] = []
    with make(endpoint, tmp_path, min_interval=0, retries=2, warn=warnings.append) as api:
        assert api.candidates("Ada Example") == []
    assert len(server.requests) == 3 and len(warnings) == 1 and "lagged" in warnings[0]


# -- the rate limit ---------------------------------------------------------------------------

def test_requests_are_spaced(fake, tmp_path):
    server, endpoint = fake
    clock = FakeClock()
    with make(endpoint, tmp_path, clock=clock, min_interval=0.2) as api:
        for name in ("Ada Example", "Springfield", "Filler 7"):
            api.candidates(name)
    assert len(server.requests) == 6
    assert clock.sleeps == [pytest.approx(0.2)] * 5  # before each request but the first


def test_time_already_passed_counts(fake, tmp_path):
    server, endpoint = fake
    clock = FakeClock()
    with make(endpoint, tmp_path, clock=clock, min_interval=0.2) as api:
        api.candidates("Ada Example")  # two requests: one wait of 0.2
        clock.now += 0.15
        api.candidates("Springfield")  # 0.05 left before the first, 0.2 before the second
    assert clock.sleeps == [pytest.approx(0.2), pytest.approx(0.05), pytest.approx(0.2)]
    assert len(server.requests) == 4


# -- worker processes -------------------------------------------------------------------------

def test_it_pickles(fake, tmp_path):
    server, endpoint = fake
    api = WikidataAPI(endpoint=endpoint, cache_path=tmp_path / "wikidata.sqlite",
                      min_interval=0, fallback=Fallback())
    api.candidates("Ada Example")
    copy = pickle.loads(pickle.dumps(api))
    assert [e.qid for e in copy.candidates("Springfield")] == ["Q9002", "Q9005"]
    assert copy.endpoint == endpoint and isinstance(copy.fallback, Fallback)
    api.close()
    copy.close()
