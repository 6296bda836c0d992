"""The full-text index: what it finds (accents and "đ" aside, the last word as a prefix, events
by their kind, reports by their text), how it tells namesakes apart, and that it stays what a
rebuild from the store would make through replacements and removals, or else says it is stale."""

from __future__ import annotations

import sqlite3

import pytest
from rdflib import URIRef
from search_examples import (
    CONFERENCE_SENTENCE,
    CONFERENCE_TEXT,
    NAMESAKE,
    changed,
    write_report,
    write_reports,
)

from polgraph.errors import StoreError
from polgraph.pipeline.ingest import Pipeline
from polgraph.search import SearchIndex, find, index_for, matching_sentence
from polgraph.search import index as index_module
from polgraph.search.documents import Document
from polgraph.search.folding import match_expression, query_words
from polgraph.store import OxigraphStore

_NAME_KEYS = """PREFIX pg: <https://w3id.org/polgraph/ontology#>
SELECT DISTINCT ?key WHERE { ?mention pg:nameKey ?key ; pg:mentionOf ?person }"""


@pytest.fixture
def pipeline(vocabulary, validator, tmp_path):
    store = OxigraphStore(None)
    pipe = Pipeline(store, vocabulary, validator)
    pipe.ensure_model_graphs()
    summary = pipe.run(write_reports(tmp_path / "reports"))
    assert summary.counts["added"] == 3 and pipe.search_note is None
    return pipe


def found(pipe: Pipeline, kind: str, query: str) -> list[dict]:
    assert pipe.search is not None
    return find(pipe.search.path, kind, query, 50).items


def labels(pipe: Pipeline, kind: str, query: str) -> list[str]:
    return [
        item.get("name") or item.get("label") or item["title"] for item in found(pipe, kind, query)
    ]


def test_query_words_fold_accents_case_and_d_as_the_tokenizer_does():
    assert query_words("Đặng VĂN  đạt!") == ["dang", "van", "dat"]
    assert query_words("hoà, hòa; thuỷ") == ["hoa", "hoa", "thuy"]
    assert query_words("  ") == []
    assert len(query_words(" ".join(["a"] * 20))) == 8
    # Every word quoted, so a query's quotes, stars or colons are never FTS5 syntax.
    assert match_expression(query_words('x" OR y:*')) == '"x" "or" "y"*'
    assert match_expression(["a", "b"], "name") == 'name : ("a" "b"*)'


@pytest.mark.parametrize("query", ["dang van dat", "Đặng Văn Đạt", "DANG VAN DAT", "đặng văn đạt"])
def test_a_name_is_found_with_or_without_accents_and_with_d(pipeline, query):
    assert labels(pipeline, "person", query) == [NAMESAKE, NAMESAKE]


def test_namesakes_are_told_apart_by_post_place_and_years(pipeline):
    first, second = found(pipeline, "person", "dang van dat")
    assert first["iri"] != second["iri"]
    # The one named in more reports comes first.
    assert (first["reports"], second["reports"]) == (2, 1)
    assert first["post"]["title"] == second["post"]["title"] == "Phó Chủ tịch"
    assert first["post"]["body"]["label"] == "Ủy ban nhân dân xã Đức Lạng"
    assert second["post"]["body"]["label"] == "Ủy ban Mặt trận Tổ quốc Việt Nam xã Yên Đồng"
    assert (first["place"]["label"], first["place"]["within"]) == (
        "Xã Đức Lạng",
        "Huyện Đức Thọ, Tỉnh Hà Tĩnh",
    )
    assert second["place"]["label"] == "Xã Yên Đồng"
    assert "Ninh Bình" in second["place"]["within"]
    assert (first["years"], second["years"]) == ([2019, 2021], [2024, 2024])


def test_a_person_is_found_by_post_and_place_too(pipeline):
    # "yen dong" is in neither name: it is where the namesake of 2024 held his post.
    assert [p["years"] for p in found(pipeline, "person", "dat yen dong")] == [[2024, 2024]]
    assert labels(pipeline, "person", "bi thu duc lang") == ["Đinh Thị Duyên"]


def test_the_last_word_is_a_prefix_and_the_others_whole_words(pipeline):
    assert labels(pipeline, "person", "dang van da") == [NAMESAKE, NAMESAKE]
    assert labels(pipeline, "person", "dinh thi duy") == ["Đinh Thị Duyên"]
    # Only the last word may be unfinished.
    assert labels(pipeline, "person", "din thi duyen") == []


def test_bodies_and_places_are_found_by_their_names_and_units(pipeline):
    assert "Ủy ban nhân dân xã Đức Lạng" in labels(pipeline, "body", "duc lang")
    assert labels(pipeline, "body", "uy ban nhan dan duc lang") == ["Ủy ban nhân dân xã Đức Lạng"]
    assert labels(pipeline, "place", "Đức Lạng") == ["Xã Đức Lạng"]
    place = found(pipeline, "place", "yen dong")[0]
    assert (place["label"], place["level"], place["era"]) == ("Xã Yên Đồng", "commune", "legacy")
    assert place["within"] == "Huyện Yên Mô, Tỉnh Ninh Bình"
    # A province is found under its own name, and the bodies placed in it by theirs.
    assert "Tỉnh Ninh Bình" in labels(pipeline, "place", "ninh binh")
    assert labels(pipeline, "body", "mat tran ninh binh") == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã Yên Đồng"
    ]


def test_hoi_nghi_finds_the_conference_and_the_report_saying_it(pipeline):
    event = found(pipeline, "event", "hoi nghi")
    assert [e["label"] for e in event] == [
        "Hội nghị tổng kết công tác xây dựng Đảng năm 2018 của Đảng ủy xã Đức Lạng"
    ]
    assert (event[0]["kind"], event[0]["date"]) == ("conference", "2019-01-15")
    assert [r["key"] for r in found(pipeline, "report", "hoi nghi")] == ["duc-lang-2019"]


def test_events_are_found_by_their_kind_in_either_language(pipeline):
    # The council session's name says "Kỳ họp"; its kind says it too, and in English.
    assert labels(pipeline, "event", "council session") == [
        "Kỳ họp thứ hai Hội đồng nhân dân xã Đức Lạng"
    ]
    assert [e["kind"] for e in found(pipeline, "event", "dai hoi")] == ["congress"]


def test_reports_are_found_by_words_of_their_text_only(pipeline):
    # "nuôi cá" is in the conference report's text, nowhere else.
    assert [r["key"] for r in found(pipeline, "report", "nuoi ca")] == ["duc-lang-2019"]
    assert found(pipeline, "event", "nuoi ca") == []


def test_the_snippet_is_the_sentence_with_the_words_as_typed(pipeline):
    snippet = matching_sentence(CONFERENCE_TEXT, query_words("hoi nghi"))
    assert snippet is not None
    assert "".join(piece for piece, _ in snippet.parts) == CONFERENCE_SENTENCE
    assert [piece for piece, marked in snippet.parts if marked] == ["hội", "nghị"]
    assert CONFERENCE_TEXT[snippet.start : snippet.end] == "hội nghị"
    assert matching_sentence(CONFERENCE_TEXT, query_words("khong co dau")) is None


def test_a_long_sentence_is_cut_around_its_words():
    text = " ".join(["lúa"] * 200) + " hội nghị " + " ".join(["cá"] * 200) + "."
    snippet = matching_sentence(text, query_words("hoi nghi"))
    assert snippet is not None
    shown = "".join(piece for piece, _ in snippet.parts)
    assert shown.startswith("…") and shown.endswith("…") and len(shown) < 300
    assert text[snippet.start : snippet.end] == "hội nghị"


def test_an_empty_query_lists_a_kind_in_order(pipeline):
    listed = find(pipeline.search.path, "person", "", 10)
    assert listed.total == 3
    assert [p["name"] for p in listed.items] == ["Đặng Văn Đạt", "Đặng Văn Đạt", "Đinh Thị Duyên"]
    events = find(pipeline.search.path, "event", "", 10).items
    assert [e["date"] for e in events] == ["2024-05-10", "2021-07-20", "2019-01-15"]


def test_pages_and_totals(pipeline):
    first = find(pipeline.search.path, "place", "tinh", 1)
    second = find(pipeline.search.path, "place", "tinh", 1, offset=1)
    assert first.total == second.total > 2
    assert first.items[0]["iri"] != second.items[0]["iri"]


# -- kept in step -------------------------------------------------------------------------
def contents(index: SearchIndex) -> dict:
    """Everything the index holds but row ids: its entries with their words, and the tables it
    keeps them with."""
    db = sqlite3.connect(index.path)
    try:
        entries = set()
        for kind in ("person", "body", "place", "event", "report"):
            entries |= set(
                db.execute(
                    "SELECT e.kind, e.iri, e.sort_key, e.weight, e.report, e.name_key, e.details, "
                    f"t.name, t.more FROM entries e JOIN {kind}_text t ON t.rowid = e.id"
                )
            )
        orphans = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] - len(entries)
        return {
            "entries": entries,
            "orphans": {orphans},
            "refs": set(db.execute("SELECT report, node FROM refs")),
            "graphs": set(db.execute("SELECT name FROM graphs")),
            "mentions": set(db.execute("SELECT * FROM mentions")),
            "holdings": sorted(db.execute("SELECT * FROM holdings")),
            "assigned": set(db.execute("SELECT * FROM assigned")),
        }
    finally:
        db.close()


def rebuilt(store, tmp_path) -> dict:
    fresh = SearchIndex(tmp_path / "rebuilt.sqlite")
    fresh.rebuild(store)
    return contents(fresh)


def test_replacing_a_report_replaces_its_rows(pipeline, tmp_path):
    again = changed("duc-lang-2019", name="Hội nghị sơ kết sáu tháng đầu năm", kind="other")
    summary = pipeline.run([write_report(tmp_path / "again", "duc-lang-2019", again)])
    assert summary.counts["replaced"] == 1
    assert labels(pipeline, "event", "so ket sau thang") == ["Hội nghị sơ kết sáu tháng đầu năm"]
    assert found(pipeline, "event", "tong ket xay dung") == []
    assert [e["kind"] for e in found(pipeline, "event", "so ket")] == ["other"]
    assert pipeline.search.staleness(pipeline.store) is None
    assert contents(pipeline.search) == rebuilt(pipeline.store, tmp_path)


def test_removing_a_report_removes_its_rows_and_what_only_it_named(pipeline, tmp_path):
    report = found(pipeline, "report", "mat tran yen dong")[0]["iri"]
    assert pipeline.remove(URIRef(report))
    assert found(pipeline, "report", "mat tran") == []
    assert found(pipeline, "event", "dai hoi") == []
    assert [p["years"] for p in found(pipeline, "person", "dang van dat")] == [[2019, 2021]]
    assert found(pipeline, "body", "yen dong") == []
    assert found(pipeline, "place", "yen dong") == []
    assert labels(pipeline, "place", "duc lang") == ["Xã Đức Lạng"]
    assert contents(pipeline.search) == rebuilt(pipeline.store, tmp_path)


def test_incremental_updates_equal_a_rebuild(vocabulary, validator, tmp_path):
    store = OxigraphStore(None)
    pipe = Pipeline(store, vocabulary, validator)
    pipe.ensure_model_graphs()
    for number, path in enumerate(write_reports(tmp_path / "reports")):
        pipe.run([path])
        if number == 1:  # a replacement between the additions
            again = changed("duc-lang-2019", name="Hội nghị giao ban quý I")
            pipe.run([write_report(tmp_path / "again", "duc-lang-2019", again)])
    assert contents(pipe.search) == rebuilt(store, tmp_path)
    assert contents(pipe.search)["orphans"] == {0}


def test_an_update_of_most_of_the_store_is_a_rebuild_and_of_less_an_update(pipeline, tmp_path):
    # A rebuild reads the whole store, cheaper than reading most of it report by report.
    index, store = pipeline.search, pipeline.store
    reports = sorted(str(g) for g in store.report_graphs())
    names = {row[0].value for row in store.query(_NAME_KEYS)}
    assert len(reports) == 3
    assert index.begin_update().finish(store, reports[:2], names) == "rebuilt"
    assert contents(index) == rebuilt(store, tmp_path)
    assert index.begin_update().finish(store, reports[:1], names) == "updated"
    assert contents(index) == rebuilt(store, tmp_path)


def test_the_index_of_a_store_in_a_folder_lives_in_the_folder(vocabulary, validator, tmp_path):
    store = OxigraphStore(tmp_path / "store")
    pipe = Pipeline(store, vocabulary, validator)
    pipe.ensure_model_graphs()
    pipe.run(write_reports(tmp_path / "reports"))
    assert pipe.search.path == index_for(store).path == tmp_path / "store" / "search.sqlite"
    store.close()
    reopened = OxigraphStore(tmp_path / "store")  # Oxigraph leaves the index's files alone
    assert index_for(reopened).staleness(reopened) is None
    assert len(find(index_for(reopened).path, "person", "dang van dat", 5).items) == 2
    reopened.close()


def test_a_store_in_memory_keeps_one_index_while_it_lives(vocabulary, validator):
    store = OxigraphStore(None)
    index = index_for(store)
    assert index_for(store) is index
    assert index_for(OxigraphStore(None)).path != index.path


# -- stale, cut short, failed ------------------------------------------------------------------
def test_staleness_says_why(pipeline, tmp_path):
    index = pipeline.search
    assert index.staleness(pipeline.store) is None
    assert SearchIndex(tmp_path / "none.sqlite").staleness(pipeline.store) == (
        "there is no search index yet"
    )
    # A report dropped behind the pipeline's back (a SPARQL update, say).
    report = found(pipeline, "report", "mat tran")[0]["iri"]
    pipeline.store.remove_graph(URIRef(report))
    assert "lacks 1 it holds" in index.staleness(pipeline.store)


def test_an_update_cut_short_is_rebuilt_by_the_next(pipeline, tmp_path):
    index = pipeline.search
    index.begin_update()  # … and the process ends before it finishes
    assert index.staleness(pipeline.store) == "the last update of the search index was cut short"
    update = index.begin_update()
    assert not update.in_step
    assert update.finish(pipeline.store, set(), set()) == "rebuilt"
    assert index.staleness(pipeline.store) is None


def test_the_next_ingest_rebuilds_an_index_that_drifted(pipeline, tmp_path):
    report = found(pipeline, "report", "mat tran")[0]["iri"]
    pipeline.store.remove_graph(URIRef(report))  # behind the pipeline's back
    summary = pipeline.run([write_report(tmp_path / "again", "duc-lang-2021")])
    assert summary.counts["unchanged"] == 1  # nothing touched, yet the index is checked
    assert found(pipeline, "report", "mat tran") == []
    assert contents(pipeline.search) == rebuilt(pipeline.store, tmp_path)


def test_a_write_that_fails_leaves_the_index_as_it_was(pipeline, tmp_path, monkeypatch):
    before = contents(pipeline.search)
    inserted = index_module._insert

    def failing(db, documents):
        inserted(db, list(documents)[:1])  # some rows written, then the disk fills
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(index_module, "_insert", failing)
    again = changed("duc-lang-2021", name="Kỳ họp bất thường")
    summary = pipeline.run([write_report(tmp_path / "again", "duc-lang-2021", again)])
    # The report is stored all the same; the index is as it was, and marked for a rebuild.
    assert summary.counts["replaced"] == 1
    assert "search index was not updated" in summary.notes[0]
    assert contents(pipeline.search) == before
    assert "cut short" in pipeline.search.staleness(pipeline.store)
    monkeypatch.undo()
    pipeline.run([write_report(tmp_path / "again", "duc-lang-2021", again)])
    assert labels(pipeline, "event", "bat thuong") == ["Kỳ họp bất thường"]
    assert contents(pipeline.search) == rebuilt(pipeline.store, tmp_path)


def test_reading_a_missing_index_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="polgraph search rebuild"):
        find(tmp_path / "missing.sqlite", "person", "x", 5)


def test_ranking_puts_the_name_first_then_the_best_attested(tmp_path):
    index = SearchIndex(tmp_path / "ranked.sqlite")
    index.begin_update()  # makes the file and its tables
    people = [
        # (name, the other words it is found by, reports naming it)
        ("Lê Văn Nam", "Chủ tịch · Xã Hòa Bình", 1),
        ("Lê Văn Nam Anh", "Bí thư · Xã Hòa Bình", 5),
        ("Trần Thị Hoa", "Phó Chủ tịch · Hội Nông dân Lê Văn Nam Đàn", 9),
    ]
    with index._writing() as db:
        index_module._insert(
            db,
            [
                Document("person", f"urn:p:{n}", name, more, {"name": name}, weight)
                for n, (name, more, weight) in enumerate(people)
            ],
        )
    found = [p["name"] for p in find(index.path, "person", "le van nam", 10).items]
    # The name itself, then a name holding the words, then the words found elsewhere, although
    # that one is the best attested.
    assert found == ["Lê Văn Nam", "Lê Văn Nam Anh", "Trần Thị Hoa"]
    # Among names that hold the words alike, the best attested first.
    assert [p["name"] for p in find(index.path, "person", "le van", 10).items][:2] == [
        "Lê Văn Nam Anh",
        "Lê Văn Nam",
    ]
