"""Writing SPARQL results as a table, CSV, TSV or JSON (the W3C result formats where they exist)."""

from __future__ import annotations

import io
import sys
from typing import IO

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

from polgraph.namespaces import ID

RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}


def plain(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        value = term.value
        return "id:" + value[len(str(ID)) :] if value.startswith(str(ID)) else value
    return term.value


def write_results(
    results: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    fmt: str,
    out: IO[bytes] | None = None,
    console: Console | None = None,
) -> int:
    """Write SELECT/ASK results; returns the number of rows written."""
    if isinstance(results, ox.QueryBoolean):
        answer = bool(results)
        (out or sys.stdout.buffer).write(b"true\n" if answer else b"false\n")
        return 1
    if isinstance(results, ox.QueryTriples):
        buffer = io.BytesIO()
        results.serialize(buffer, ox.RdfFormat.TURTLE)
        (out or sys.stdout.buffer).write(buffer.getvalue())
        return buffer.getvalue().count(b"\n")
    if fmt in RESULT_FORMATS:
        buffer = io.BytesIO()
        results.serialize(buffer, RESULT_FORMATS[fmt])
        data = buffer.getvalue()
        (out or sys.stdout.buffer).write(data if data.endswith(b"\n") else data + b"\n")
        return max(data.count(b"\n") - 1, 0)
    columns = [v.value for v in results.variables]
    # A table is for reading: an IRI column with a name or label beside it is left to csv/json.
    columns = [c for c in columns if f"{c}_name" not in columns and f"{c}_label" not in columns]
    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")  # wrap long values; never cut names off
    rows = 0
    for solution in results:
        table.add_row(*(plain(solution[c]) for c in columns))
        rows += 1
    console = console or Console()
    if not console.is_terminal:
        console = Console(file=console.file, width=max(console.width, 240))
    console.print(table)
    return rows
