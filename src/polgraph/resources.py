"""Where the ontology, vocabularies, named queries and language data are.

They live at the top of the repository so people can read them; an installed wheel carries a
copy in ``polgraph/_resources``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _root(name: str) -> Path:
    for candidate in (_PACKAGE / "_resources" / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"polgraph resource folder {name!r} is missing from the installation")


def ontology_dir() -> Path:
    return _root("ontology")


def queries_dir() -> Path:
    return _root("queries")


def lang_dir() -> Path:
    """The language folder: one sub-folder of data files per language (``lang/vi``)."""
    return _root("lang")


def ontology_file() -> Path:
    return ontology_dir() / "polgraph.ttl"


def shapes_file() -> Path:
    return ontology_dir() / "shapes.ttl"


def rules_file() -> Path:
    return ontology_dir() / "rules.ttl"


def vocab_files() -> list[Path]:
    return sorted((ontology_dir() / "vocab").glob("*.ttl"))
