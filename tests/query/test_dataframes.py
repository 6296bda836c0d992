"""SELECT solutions as pandas DataFrames: the same columns and rows, each column typed by what
its values are, and a clear error naming the extra to install when pandas is absent."""

from __future__ import annotations

import sys

import pyoxigraph as ox
import pytest

from polgraph.query.results import PANDAS_MISSING, to_dataframe

pd = pytest.importorskip("pandas")

XSD = "http://www.w3.org/2001/XMLSchema#"


def typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


PERSON = ox.NamedNode("https://w3id.org/polgraph/id/person/ha-thi-lan-1")
COLUMNS = ["person", "name", "first_seen", "attestations", "share", "elected"]
ROWS = [
    [
        PERSON,
        ox.Literal("Hà Thị Lan"),
        typed("2021-04-02", "date"),
        typed("3", "integer"),
        typed("0.5", "decimal"),
        typed("true", "boolean"),
    ],
    [None, ox.Literal("Lò Văn Pha", language="vi"), None, typed("12", "integer"), None, None],
]


def test_columns_and_rows_are_those_of_the_solutions():
    frame = to_dataframe(COLUMNS, ROWS)
    assert list(frame.columns) == COLUMNS
    assert len(frame) == 2
    assert frame.loc[0, "person"] == PERSON.value  # an IRI in full, as a string
    assert list(frame["name"]) == ["Hà Thị Lan", "Lò Văn Pha"]


def test_each_column_is_typed_by_its_values():
    frame = to_dataframe(COLUMNS, ROWS)
    assert pd.api.types.is_datetime64_any_dtype(frame["first_seen"])
    assert frame.loc[0, "first_seen"] == pd.Timestamp(2021, 4, 2)
    assert frame["first_seen"].isna().tolist() == [False, True]
    assert str(frame["attestations"].dtype) == "Int64"
    assert frame["attestations"].tolist() == [3, 12]
    assert str(frame["share"].dtype) == "Float64" and frame.loc[0, "share"] == 0.5
    assert str(frame["elected"].dtype) == "boolean" and bool(frame.loc[0, "elected"])
    assert pd.isna(frame.loc[1, "elected"]) and pd.isna(frame.loc[1, "person"])
    assert pd.api.types.is_string_dtype(frame["person"])


def test_a_column_mixing_kinds_of_values_stays_text():
    frame = to_dataframe(["x"], [[typed("2020-01-01", "date")], [typed("7", "integer")]])
    assert frame["x"].tolist() == ["2020-01-01", "7"]


def test_no_solutions_give_the_columns_and_no_rows():
    frame = to_dataframe(COLUMNS, [])
    assert list(frame.columns) == COLUMNS and frame.empty


def test_without_pandas_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now fails
    with pytest.raises(ImportError) as raised:
        to_dataframe(COLUMNS, ROWS)
    assert str(raised.value) == PANDAS_MISSING
    assert "pip install 'polgraph[pandas]'" in PANDAS_MISSING
