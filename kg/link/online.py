"""The Wikidata API as a candidate source, beside or instead of a local KB.

:class:`WikidataAPI` answers the two questions a :class:`~kg.link.kb.KB` answers,
``candidates(name)`` and ``get(qid)``, by asking www.wikidata.org: ``wbsearchentities`` for
the ids a name may mean, then ``wbgetentities`` for those entities, each turned into a
:class:`~kg.link.kb.KBEntity` by the dump's own parser (:func:`kg.link.dump.entity_from_json`)
and class table. This module owns the HTTP side: politeness per Wikimedia's API etiquette (a
User-Agent with a contact, one request at a time at most every ``min_interval`` seconds,
``maxlag``, ids batched 50 to a call), a persistent SQLite cache of the answers
(requests-cache) so that a second run asks nothing again, and the fallback: once the API
fails (no network, a timeout, an error status or body), one warning is logged and every
later question goes to the ``fallback`` source, without trying the API again.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

import requests
from requests.adapters import HTTPAdapter
from requests_cache import CachedSession

from kg.link.dump import ClassTable, entity_from_json, load_classes
from kg.link.kb import SURNAME, KBEntity, is_qid, name_key

log = logging.getLogger("kg.link")

ENDPOINT = "https://www.wikidata.org/w/api.php"
CONTACT = "https://github.com/kgbuild/kgbuild; kgbuild@example.org"
#: wbgetentities takes at most 50 ids a call (anonymous clients)
MAX_IDS = 50
#: how long a cached answer is used before it is asked again
CACHE_DAYS = 30


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kgbuild")
    except PackageNotFoundError:
        return "0"


#: per https://meta.wikimedia.org/wiki/User-Agent_policy: client/version (contact) library/version
USER_AGENT = f"kgbuild/{_version()} ({CONTACT}) python-requests/{requests.__version__}"


class Source(Protocol):
    """What the linker asks of a candidate source (a KB, this API, …)."""

    def candidates(self, name: str, surname: bool = False) -> list[KBEntity]: ...

    def get(self, qid: str) -> KBEntity | None: ...


class APIUnavailable(Exception):
    """The API did not answer usably; the message says how."""


def default_cache_path() -> Path:
    """``wikidata.sqlite`` in the user's cache folder (``~/.cache/kgbuild`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("kgbuild")) / "wikidata.sqlite"


class _Throttle:
    """At most one request per ``interval`` seconds, measured on ``clock``."""

    def __init__(self, interval: float, clock: Callable[[], float],
                 sleep: Callable[[float], None]) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self._last: float | None = None
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            if self._last is not None:
                delay = self._last + self.interval - self.clock()
                if delay > 0:
                    self.sleep(delay)
            self._last = self.clock()


class _PoliteAdapter(HTTPAdapter):
    """Waits on the throttle before each request that really goes out: answers from the
    cache never reach the transport adapter, so they are not slowed down."""

    def __init__(self, throttle: _Throttle) -> None:
        super().__init__()
        self.throttle = throttle

    def send(self, request: requests.PreparedRequest,  # type: ignore[override]
             **kwargs: Any) -> requests.Response:
        self.throttle.wait()
        return super().send(request, **kwargs)


def _cacheable(response: requests.Response) -> bool:
    """Only good answers are cached: an API error body comes with status 200 too."""
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, dict) and "error" not in body


class WikidataAPI:
    """Candidates from the Wikidata API, cached on disk, with a fallback source.

    ``candidates(name)`` returns, in the API's order of relevance, the items found for the
    name whose English label or alias folds like it (the test a local KB applies) and
    whose "instance of" is in the class table; ``exact=False`` keeps every item found.
    """

    def __init__(self, fallback: Source | None = None, *, endpoint: str = ENDPOINT,
                 cache_path: str | os.PathLike[str] | None = None,
                 user_agent: str = USER_AGENT, min_interval: float = 0.2,
                 maxlag: int | None = 5, limit: int = 10, timeout: float = 10.0,
                 retries: int = 2, exact: bool = True,
                 expire_after: dt.timedelta = dt.timedelta(days=CACHE_DAYS),
                 class_types: ClassTable | None = None,
                 warn: Callable[[str], None] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.fallback = fallback
        self.endpoint = endpoint
        self.cache_path = Path(cache_path) if cache_path is not None else default_cache_path()
        self.user_agent = user_agent
        self.min_interval = min_interval
        self.maxlag = maxlag
        self.limit = limit
        self.timeout = timeout
        self.retries = retries
        self.exact = exact
        self.expire_after = expire_after
        self.class_types = dict(class_types) if class_types is not None else load_classes()
        self.warn = warn
        self.clock = clock
        self.sleep = sleep
        self.unavailable: str | None = None  # why the API was given up, once it was
        self._entities: dict[str, KBEntity | None] = {}
        self._names: dict[str, list[KBEntity]] = {}
        self._throttle = _Throttle(min_interval, clock, sleep)
        self._session = self._open_session()

    def _open_session(self) -> CachedSession:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        session = CachedSession(str(self.cache_path), backend="sqlite",
                                expire_after=self.expire_after, allowable_codes=(200,),
                                allowable_methods=("GET",), filter_fn=_cacheable,
                                stale_if_error=True)
        session.headers["User-Agent"] = self.user_agent
        session.headers["Accept-Encoding"] = "gzip"
        adapter = _PoliteAdapter(self._throttle)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return session

    # -- the source interface -------------------------------------------------------------

    def candidates(self, name: str, surname: bool = False) -> list[KBEntity]:
        """The entities ``name`` may refer to (with ``surname``, the people of that
        surname among the items found); the fallback's once the API failed."""
        key = name_key(name)
        if not key:
            return []
        if surname:
            key = SURNAME + key
        if key in self._names:
            return list(self._names[key])
        if self.unavailable is None:
            try:
                found = self._candidates(name, key)
            except APIUnavailable as exc:
                self._give_up(str(exc))
            else:
                self._names[key] = found
                return list(found)
        if self.fallback is None:
            return []
        return self.fallback.candidates(name, surname=surname)

    def get(self, qid: str) -> KBEntity | None:
        """The entity of an id (None when it is not an item of a known class)."""
        if qid in self._entities:
            return self._entities[qid]
        if self.unavailable is None and is_qid(qid):
            try:
                return self.get_many([qid]).get(qid)
            except APIUnavailable as exc:
                self._give_up(str(exc))
        return self.fallback.get(qid) if self.fallback is not None else None

    def get_many(self, qids: Iterable[str]) -> dict[str, KBEntity]:
        """The entities of these ids, fetched 50 to a request (no fallback here: raises
        APIUnavailable when the API fails or was given up)."""
        ids = sorted({q for q in qids if is_qid(q)}, key=lambda q: int(q[1:]))
        todo = [q for q in ids if q not in self._entities]
        if todo and self.unavailable is not None:
            raise APIUnavailable(self.unavailable)
        for start in range(0, len(todo), MAX_IDS):
            batch = todo[start:start + MAX_IDS]
            got = self._fetch_entities(batch)
            for qid in batch:
                self._entities[qid] = got.get(qid)
        return {q: e for q in ids if (e := self._entities.get(q)) is not None}

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> WikidataAPI:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # pickling (for worker processes) opens a new session on the same cache
    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        for transient in ("_session", "_throttle"):
            state.pop(transient)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._throttle = _Throttle(self.min_interval, self.clock, self.sleep)
        self._session = self._open_session()

    # -- the API calls ----------------------------------------------------------------------

    def _candidates(self, name: str, key: str) -> list[KBEntity]:
        body = self._call({"action": "wbsearchentities", "search": name, "language": "en",
                           "type": "item", "limit": str(self.limit)})
        hits = body.get("search")
        if not isinstance(hits, list):
            raise APIUnavailable("wbsearchentities answered without a 'search' list")
        order = [h["id"] for h in hits if isinstance(h, dict) and is_qid(str(h.get("id")))]
        entities = self.get_many(order)
        found = [entities[q] for q in dict.fromkeys(order) if q in entities]
        if self.exact:
            found = [e for e in found if key in e.names()]
        return found

    def _fetch_entities(self, batch: list[str]) -> dict[str, KBEntity]:
        body = self._call({"action": "wbgetentities", "ids": "|".join(batch),
                           "props": "labels|aliases|claims|sitelinks", "languages": "en"})
        raw = body.get("entities")
        if not isinstance(raw, dict):
            raise APIUnavailable("wbgetentities answered without 'entities'")
        out: dict[str, KBEntity] = {}
        for requested, obj in raw.items():
            entity = entity_from_json(obj, self.class_types) if isinstance(obj, dict) else None
            if entity is not None:
                out[entity.qid] = entity
                out.setdefault(requested, entity)  # a redirected id answers for its target
        return out

    def _call(self, params: Mapping[str, str]) -> dict[str, Any]:
        """One API request, politely; the JSON answer, or APIUnavailable."""
        query = dict(params, format="json")
        if self.maxlag is not None:
            query["maxlag"] = str(self.maxlag)
        for attempt in range(self.retries + 1):
            try:
                response = self._session.get(self.endpoint, params=query, timeout=self.timeout)
            except requests.RequestException as exc:
                raise APIUnavailable(self._describe(exc)) from exc
            delay = _retry_after(response)
            if delay is not None and attempt < self.retries:
                self.sleep(delay)  # maxlag or overload: wait as told, then ask again
                continue
            return _json(response)
        raise AssertionError("unreachable")  # pragma: no cover

    def _describe(self, exc: requests.RequestException) -> str:
        host = _host(self.endpoint)
        if isinstance(exc, requests.Timeout):
            return f"no answer from {host} within {self.timeout:g} s"
        if isinstance(exc, requests.ConnectionError):
            return f"cannot connect to {host}"
        return f"{type(exc).__name__} from {host}"

    def _give_up(self, reason: str) -> None:
        self.unavailable = reason
        other = ("linking with the local knowledge base only" if self.fallback is not None
                 else "linking without a knowledge base")
        message = f"Wikidata API unreachable ({reason}); {other}"
        if self.warn is not None:
            self.warn(message)
        else:
            log.warning(message)


def _retry_after(response: requests.Response) -> float | None:
    """Seconds to wait before asking again, when the API says it is lagged or busy."""
    lagged = False
    if response.status_code in (429, 503):
        lagged = True
    elif response.status_code == 200:
        try:
            body = response.json()
        except ValueError:
            return None
        lagged = isinstance(body, dict) and (body.get("error") or {}).get("code") == "maxlag"
    if not lagged:
        return None
    try:
        return min(max(float(response.headers.get("Retry-After", 5)), 0.0), 30.0)
    except ValueError:
        return 5.0


def _json(response: requests.Response) -> dict[str, Any]:
    if response.status_code != 200:
        raise APIUnavailable(f"HTTP {response.status_code} from {_host(response.url)}")
    try:
        body = response.json()
    except ValueError:
        raise APIUnavailable(f"not JSON from {_host(response.url)}") from None
    if not isinstance(body, dict):
        raise APIUnavailable(f"unexpected answer from {_host(response.url)}")
    error = body.get("error")
    if error is not None:
        info = error.get("info") or error.get("code") if isinstance(error, dict) else error
        raise APIUnavailable(f"API error: {info}")
    return body


def _host(url: str | None) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url or "").netloc or "the server"
