"""``to_pandas()`` on what ``polgraph.Polgraph`` answers: the same rows as ``rows()``, dates as
datetimes, over the reports written for the name tests (tests/namesakes.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from namesakes import ONE_OF_A_KIND, namesakes_store

from polgraph.errors import QueryError
from polgraph.library import Polgraph
from polgraph.settings import Settings

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def graph(tmp_path_factory, vocabulary, validator):
    store = namesakes_store(tmp_path_factory.mktemp("namesakes"), vocabulary, validator)
    return Polgraph(Settings(identity_path=None), store)


def plain(value):
    """A DataFrame cell as ``rows()`` gives the value: text, None where missing."""
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value).lower() if isinstance(value, bool) else str(value)


def test_a_query_answer_as_a_dataframe_holds_its_rows(graph):
    rows = graph.query("who-held-role-at-event").rows()
    frame = graph.query("who-held-role-at-event").to_pandas()
    assert list(frame.columns) == list(rows[0])
    assert len(frame) == len(rows) == 5  # one row for each post each person held
    cells = [{c: plain(v) for c, v in record.items()} for record in frame.to_dict("records")]
    assert cells == rows
    assert pd.api.types.is_datetime64_any_dtype(frame["event_date"])
    assert set(frame["event_date"].dt.year) == {2022, 2023, 2024}
    assert frame["person"].str.startswith("https://w3id.org/polgraph/id/person/").all()


def test_rows_and_the_dataframe_read_the_same_answer_once(graph):
    answer = graph.query("person-career", {"person": "do thi ngoc anh"})
    rows = answer.rows()
    frame = answer.to_pandas()  # after rows(): the solutions were kept, not read again
    assert [r["post_label"] for r in rows] == frame["post_label"].tolist() == ["Chủ tịch"]
    assert frame.loc[0, "first_evidence"] == pd.Timestamp(2022, 3, 10)
    assert str(frame["attestations"].dtype) == "Int64" and frame.loc[0, "attestations"] == 1
    assert str(frame["opened_by_election"].dtype) == "boolean"


def test_who_as_a_dataframe(graph):
    frame = graph.who("Chủ tịch", "UBND xã Tân Lập", dt.date(2022, 3, 10)).to_pandas()
    assert frame["person_name"].tolist() == [ONE_OF_A_KIND]
    assert frame.loc[0, "last_evidence"] == pd.Timestamp(2022, 3, 10)


def test_the_store_counts_as_a_dataframe(graph):
    counts = graph.stats()
    frame = counts.to_pandas()
    assert list(zip(frame["kind"], frame["n"], strict=True)) == counts.kinds
    assert dict(counts.kinds)["persons"] == 5  # the namesakes are two


def test_only_a_select_makes_a_table(graph, tmp_path):
    ask = tmp_path / "ask.rq"
    ask.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    with pytest.raises(QueryError, match="not a SELECT"):
        graph.query(str(ask)).to_pandas()
