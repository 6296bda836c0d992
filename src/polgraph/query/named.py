"""Named SPARQL queries (``queries/*.rq``) and safe parameter binding.

Each query file starts with a header of ``# key: value`` comment lines::

    # name: who-held-role-at-event
    # purpose: ...
    # param: event iri optional — the event
    # columns: person, person_name, ...

A parameter's type is ``iri``, ``string``, ``date``, ``integer``, or a kind of node
(``person``, ``event``, ``org``, ``place``, ``post_type``); an ``iri`` parameter named after a
kind (``event``, ``person``, ``org``…) takes that kind too. Such an entity parameter takes what
users have, an IRI, the id in a page's address or a name, which ``NamedQuery.resolve`` turns into
the one IRI it names (``polgraph.query.entities``).

Parameters are bound as RDF terms in a ``VALUES`` block at the start of the ``WHERE`` clause.
Each term is built and serialised by the RDF library (an IRI is checked, a literal escaped), never
pasted from user text, so a value cannot change what the query does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from polgraph import resources
from polgraph.errors import QueryError
from polgraph.namespaces import ID
from polgraph.query.entities import (
    KINDS,
    EntityKind,
    kind_of_parameter,
    reference_iri,
    resolve_entity,
)
from polgraph.rdf.sparql_text import with_values
from polgraph.store.base import QueriedStore

PARAM_TYPES = ("iri", "string", "date", "integer", *KINDS)
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>\w+)\s+(?P<need>required|optional)\s*(?:[—-]+\s*(?P<doc>.*))?$"
)


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    required: bool
    doc: str = ""

    @property
    def entity(self) -> EntityKind | None:
        """The kind of node the parameter names, when it names one (it then takes names)."""
        return kind_of_parameter(self.name, self.type)

    def to_term(self, raw: str) -> ox.NamedNode | ox.Literal:
        """The value as an RDF term, checked against the type. An entity parameter takes an IRI
        or an id here; a name needs the store (``NamedQuery.resolve``)."""
        value = raw.strip()
        if self.entity is not None:
            found = reference_iri(self.entity, value)
            if found is None:
                raise QueryError(
                    f"parameter {self.name}: {raw!r} is a name, which only a store can resolve"
                )
            value = found
        if self.type == "iri" or self.entity is not None:
            if not re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I):
                value = str(ID) + value.lstrip("/")  # "person/abc" is short for the full IRI
            try:
                return ox.NamedNode(value)
            except ValueError as exc:
                raise QueryError(f"parameter {self.name}: {raw!r} is not an IRI ({exc})") from None
        if self.type == "date":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise QueryError(
                    f"parameter {self.name}: {raw!r} is not a date (YYYY-MM-DD)"
                ) from None
            return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
        if self.type == "integer":
            if not re.fullmatch(r"[+-]?\d+", value):
                raise QueryError(f"parameter {self.name}: {raw!r} is not an integer")
            return ox.Literal(
                value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
            )
        return ox.Literal(raw)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    purpose: str = ""
    params: tuple[Parameter, ...] = ()
    columns: tuple[str, ...] = field(default_factory=tuple)
    path: Path | None = None

    def check_names(self, values: Mapping[str, str]) -> None:
        """``QueryError`` when ``values`` name a parameter the query does not take, or leave out
        one it needs."""
        known = [p.name for p in self.params]
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QueryError(
                f"query {self.name} has no parameter {', '.join(unknown)}; "
                f"it takes: {', '.join(known) or 'none'}"
            )
        missing = [p.name for p in self.params if p.required and p.name not in values]
        if missing:
            raise QueryError(f"query {self.name} needs --param {missing[0]}=…")

    def bind(self, values: dict[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
        self.check_names(values)
        known = {p.name: p for p in self.params}
        return {name: known[name].to_term(raw) for name, raw in values.items()}

    def resolve(self, store: QueriedStore, values: Mapping[str, str]) -> dict[str, str]:
        """``values`` with each entity parameter's reference (an IRI, a page's id or a name)
        replaced by the IRI of the one node it names in ``store``, the others as given.
        ``UnknownEntity`` when a reference names nothing, ``AmbiguousEntity`` when it names
        several (``polgraph.query.entities``)."""
        self.check_names(values)
        resolved = dict(values)
        for param in self.params:
            kind = param.entity
            if kind is not None and param.name in values:
                resolved[param.name] = resolve_entity(
                    store, kind, values[param.name], parameter=param.name
                )
        return resolved

    def render(self, values: dict[str, str]) -> str:
        """The query text ready to run, with ``values`` checked and bound."""
        return with_values(self.text, self.bind(values))


def parse_query(text: str, path: Path | None = None) -> NamedQuery:
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        key, sep, value = stripped.lstrip("# ").partition(":")
        if sep and re.fullmatch(r"[a-z]+", key.strip()):
            header.setdefault(key.strip(), []).append(value.strip())
    where = str(path) if path else "query"
    if "name" not in header:
        raise QueryError(f"{where}: the header has no '# name:' line")
    params = []
    for spec in header.get("param", []):
        match = _PARAM.match(spec)
        if not match or match["type"] not in PARAM_TYPES:
            raise QueryError(
                f"{where}: bad parameter line {spec!r} (name type required|optional — doc)"
            )
        params.append(
            Parameter(match["name"], match["type"], match["need"] == "required", match["doc"] or "")
        )
    columns = tuple(c.strip() for c in ",".join(header.get("columns", [])).split(",") if c.strip())
    return NamedQuery(
        header["name"][0], text, " ".join(header.get("purpose", [])), tuple(params), columns, path
    )


def available_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    folder = folder or resources.queries_dir()
    queries = {}
    for path in sorted(folder.glob("*.rq")):
        query = parse_query(path.read_text(encoding="utf-8"), path)
        queries[query.name] = query
    return queries


def load_query(name_or_file: str) -> NamedQuery:
    """A named query ("who-held-role-at-event") or a query file ("my.rq")."""
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.is_file():
        text = path.read_text(encoding="utf-8")
        try:
            return parse_query(text, path)
        except QueryError:
            return NamedQuery(path.stem, text, path=path)  # a plain query file without a header
    queries = available_queries()
    if name_or_file not in queries:
        raise QueryError(f"no query named {name_or_file!r}; known: {', '.join(queries)}")
    return queries[name_or_file]
