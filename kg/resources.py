"""Where the files that ship with kgbuild live: the ontology, the shapes, the lexicons.

In a source checkout they are ``ontology/``, ``shapes/`` and ``kg/data/``; in an installed
wheel the first two are copied under ``kg/resources/`` (see pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    installed = _PACKAGE / "resources" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def ontology_dir() -> Path:
    return _shipped("ontology")


def shapes_dir() -> Path:
    return _shipped("shapes")


def data_dir() -> Path:
    return _PACKAGE / "data"


def ontology_file() -> Path:
    return ontology_dir() / "kgbuild.ttl"


def context_file() -> Path:
    """The JSON-LD @context used to compact JSON-LD output."""
    return ontology_dir() / "context.jsonld"
