"""``polgraph query``, ``queries``, ``who``, ``stats`` and ``export``: reading the store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from polgraph.cli.options import (
    StoreAt,
    StoreGraphStoreOption,
    StoreOption,
    StoreUpdateOption,
    library,
    parse_date,
    require_choice,
)
from polgraph.cli.output import USAGE, exit_codes, fail, out
from polgraph.errors import QueryError
from polgraph.files import atomic_output
from polgraph.library import Polgraph

if TYPE_CHECKING:
    from polgraph.query.named import Parameter

RESULT_FORMATS = ("table", "csv", "tsv", "json")
RESULT_FORMATS_LISTED = "table, csv, tsv or json"


def query(
    name: Annotated[
        str, typer.Argument(help="A named query (see `polgraph queries`) or a .rq file.")
    ],
    param: Annotated[
        list[str], typer.Option("--param", "-p", help="name=value; repeat for several.")
    ] = [],  # noqa: B006 - typer's list default, never mutated
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table (readable: IRI columns with a label "
            "beside them are left out), csv, tsv or json.",
        ),
    ] = "table",
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
) -> None:
    """Run a named SPARQL query over the store. A person, event, body, place or post parameter
    takes its IRI, the id in its page's address, or its name (accents optional)."""
    from polgraph.query.entities import UnknownEntity
    from polgraph.query.results import write_results

    require_choice(fmt, RESULT_FORMATS, listed=RESULT_FORMATS_LISTED)
    values = {}
    for item in param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise fail(f"--param takes name=value, not {item!r}", USAGE)
        values[key.strip()] = value
    # A parameter naming nothing in the store is a failed lookup (1), as in `who`; any other
    # wrong parameter, or one naming several things, is a usage error (2).
    with (
        library(StoreAt(store, store_update, store_graph_store), read_only=True) as graph,
        exit_codes((UnknownEntity, 1), (QueryError, USAGE)),
    ):
        answer = graph.query(name, values)
        write_results(answer.results, fmt, console=out)


def list_queries() -> None:
    """List the named queries with their parameters."""
    from rich.table import Table

    table = Table("name", "purpose", "parameters")
    for named in Polgraph.queries():
        params = ", ".join(
            f"{p.name} ({_takes(p)}{'' if p.required else ', optional'})" for p in named.params
        )
        table.add_row(named.name, named.purpose, params)
    out.print(table)


def _takes(param: Parameter) -> str:
    """What a parameter takes, in words: its type, or for a kind of node what names one."""
    kind = param.entity
    if kind is None:
        return param.type
    return f"{kind.noun}: name, id or IRI" if kind.page else f"{kind.noun}: name or IRI"


def who(
    post: Annotated[str, typer.Option("--post", help='The post, e.g. "Chủ tịch".')],
    org: Annotated[
        str,
        typer.Option(
            "--org",
            help='The body as reports write it, e.g. "UBND xã Cẩm Lộc" (accents optional), '
            "or its id or IRI.",
        ),
    ],
    date: Annotated[str, typer.Option("--date", help="The day, YYYY-MM-DD.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
) -> None:
    """Who held a post of a body on a date, with the evidence (the role-at-date query)."""
    from polgraph.analytics.errors import NotFoundError
    from polgraph.query.entities import UnknownEntity
    from polgraph.query.results import write_results

    day = parse_date(date, "--date")
    require_choice(fmt, RESULT_FORMATS, listed=RESULT_FORMATS_LISTED)
    # A body named that is not in the store is a failed lookup (1); words that are not one post
    # of one body, or that fit several bodies, are a usage error (2).
    with (
        library(StoreAt(store, store_update, store_graph_store), read_only=True) as graph,
        exit_codes((NotFoundError, 1), (UnknownEntity, 1), (QueryError, USAGE)),
    ):
        answer = graph.who(post, org, day)
        write_results(answer.results, fmt, console=out)


def stats(
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
) -> None:
    """Count what the store holds."""
    with (
        library(StoreAt(store, store_update, store_graph_store), read_only=True) as graph,
        exit_codes(),
    ):
        counts = graph.stats()
    out.print(f"reports {counts.reports}\nquads {counts.quads}", highlight=False)
    for kind, number in counts.kinds:
        out.print(f"{kind} {number}", highlight=False)


def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="ttl, nq, trig, jsonld or popolo.")
    ] = "trig",
    output: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default stdout).")
    ] = None,
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
) -> None:
    """Write the whole store out as RDF."""
    from polgraph.query.export import EXPORT_FORMATS

    require_choice(fmt, EXPORT_FORMATS)
    with (
        library(StoreAt(store, store_update, store_graph_store), read_only=True) as graph,
        exit_codes(),
    ):
        if output is None:
            graph.export(fmt, sys.stdout.buffer)
            return
        with atomic_output(output) as sink:
            graph.export(fmt, sink)
