"""What the query engine and its worker processes send each other through their pipes.

The engine sends a worker ``(snapshot folder, job)``: a ``QueryJob`` (a SPARQL query from
``/sparql``) or an ``ApiJob`` (one of the answers in ``polgraph.server.answers.registry``). The
worker says ``READY`` once, when it takes jobs, then answers each job with an ``Answer`` or a
``Refusal``. They cross the pipes pickled, so both sides must name them by this module: it
imports nothing of the web framework, which a worker never loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

READY = "ready"  # the worker's first message: it takes jobs from now on


@dataclass(frozen=True)
class QueryJob:
    text: str
    result_format: str | None  # pyoxigraph QueryResultsFormat name for SELECT/ASK, if acceptable
    graph_format: str | None  # pyoxigraph RdfFormat name for CONSTRUCT/DESCRIBE, if acceptable
    default_graphs: tuple[str, ...] = ()  # empty: the union of all graphs
    named_graphs: tuple[str, ...] = ()  # empty: all named graphs
    max_bytes: int = 50_000_000


@dataclass(frozen=True)
class ApiJob:
    handler: str  # a key of polgraph.server.answers.registry.HANDLERS
    arguments: dict[str, Any] = field(default_factory=dict)
    timeout: float | None = None  # seconds it may run; None: the query time limit


Job = QueryJob | ApiJob


@dataclass(frozen=True)
class Answer:
    # a query's: the format name the body is written in; an API answer's: its media type
    format: str
    body: bytes


@dataclass(frozen=True)
class Refusal:
    status: int
    error: str
    detail: Any  # words, or a list of problems (``ApiError``'s detail)


Reply = Answer | Refusal
