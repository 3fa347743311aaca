"""kgbuild: a news corpus in, a validated RDF event graph out.

The Python API that the command line is a thin shell over::

    from kg import build
    result = build(["corpus/"], output="graph.ttl")

See :mod:`kg.api` for the options.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from kg.api import BuildResult, build


def __getattr__(name: str) -> Any:
    # spaCy is slow to import: load the pipeline wiring only when it is asked for.
    if name in {"build", "BuildResult", "extract_documents"}:
        from kg import api

        return getattr(api, name)
    raise AttributeError(name)


__all__ = ["build", "BuildResult", "__version__"]
