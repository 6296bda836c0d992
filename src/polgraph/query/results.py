"""Writing SPARQL results as a table, CSV, TSV or JSON (the W3C result formats where they exist),
and reading them into a pandas DataFrame when pandas is installed (``polgraph[pandas]``)."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

from polgraph.namespaces import ID

if TYPE_CHECKING:
    import pandas as pd

PANDAS_MISSING = "to_pandas() needs pandas, which is optional: pip install 'polgraph[pandas]'"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATES = {_XSD + "date", _XSD + "dateTime"}
_INTEGERS = {
    _XSD + name
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
    )
}
_FRACTIONS = {_XSD + "decimal", _XSD + "double", _XSD + "float"}
Term = ox.NamedNode | ox.BlankNode | ox.Literal

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


def load_pandas() -> ModuleType:
    """pandas, imported now: it is optional, and only the DataFrames need it. ``ImportError``
    saying how to install it when it is absent."""
    try:
        import pandas
    except ImportError:
        raise ImportError(PANDAS_MISSING) from None
    return pandas


def to_dataframe(columns: Sequence[str], rows: Sequence[Sequence[Term | None]]) -> pd.DataFrame:
    """SELECT solutions (each a term or None per column) as a DataFrame with the same columns
    and rows. A column whose values are all dates is of datetimes, all integers ``Int64``,
    all decimals ``Float64``, all booleans ``boolean``; any other (IRIs, names, a mix) is of
    strings, an IRI in full. Unbound values are missing (``NA``, ``NaT``)."""
    pd = load_pandas()
    data = {column: _column(pd, [row[i] for row in rows]) for i, column in enumerate(columns)}
    return pd.DataFrame(data, columns=list(columns), index=pd.RangeIndex(len(rows)))


def _column(pd: ModuleType, terms: list[Term | None]) -> object:
    given = [term for term in terms if term is not None]
    datatypes = {term.datatype.value if isinstance(term, ox.Literal) else None for term in given}
    texts = [None if term is None else term.value for term in terms]
    datatype = datatypes.pop() if len(datatypes) == 1 else None
    if datatype in _DATES:
        try:
            return pd.to_datetime(pd.Series(texts, dtype="object"), format="ISO8601")
        except (ValueError, TypeError):
            pass  # a date the calendar lacks, or several time zones: kept as written
    if datatype in _INTEGERS:
        return pd.array([None if t is None else int(t) for t in texts], dtype="Int64")
    if datatype in _FRACTIONS:
        return pd.array([None if t is None else float(t) for t in texts], dtype="Float64")
    if datatype == _XSD + "boolean":
        return pd.array([None if t is None else t in ("true", "1") for t in texts], dtype="boolean")
    return pd.array(texts, dtype="string")
