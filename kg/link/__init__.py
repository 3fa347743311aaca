"""Linking entities to Wikidata: the knowledge base (:mod:`kg.link.kb`), its builders
(:mod:`kg.link.sources`, :mod:`kg.link.dump`), the online source
(:mod:`kg.link.online`) and the linker that picks among candidates
(:mod:`kg.link.linker`)."""

from __future__ import annotations

import os
from collections.abc import Iterable

from kg.link.kb import KB, KBError
from kg.link.linker import Linker
from kg.resources import data_dir

LINKERS = ("kb", "wikidata", "none")


def bundled_kb() -> KB:
    """The knowledge base that ships with kgbuild (built by scripts/build_kb.py)."""
    return KB(data_dir() / "kb.sqlite")


def make_linker(kind: str = "kb", kbs: Iterable[str | os.PathLike[str]] = (),
                cache: str | os.PathLike[str] | None = None) -> Linker | None:
    """The linker a build uses: ``kb`` (offline: the user's KBs, then the bundled one),
    ``wikidata`` (the user's KBs, then the online API, falling back to the bundled KB
    when the network fails) or ``none``."""
    if kind not in LINKERS:
        raise KBError(f"unknown linker {kind!r}; use one of {', '.join(LINKERS)}")
    if kind == "none":
        return None
    sources: list = [KB(path) for path in kbs]
    if kind == "wikidata":
        from kg.link.online import WikidataAPI

        sources.append(WikidataAPI(fallback=bundled_kb(), cache_path=cache))
    else:
        sources.append(bundled_kb())
    return Linker(sources)
