import pytest

from polgraph.errors import QueryError
from polgraph.query.named import available_queries, load_query, parse_query

ISSUE_QUERIES = {"who-held-role-at-event", "person-timeline", "event-participants", "org-members"}


def test_the_named_queries_exist_and_document_themselves():
    queries = available_queries()
    assert set(queries) >= ISSUE_QUERIES
    for q in queries.values():
        assert q.purpose, q.name
        assert q.columns, q.name


def test_who_held_role_at_event_has_the_documented_columns_and_parameters():
    q = load_query("who-held-role-at-event")
    assert q.columns == (
        "person",
        "person_name",
        "post_label",
        "org",
        "org_label",
        "event",
        "event_label",
        "event_date",
        "source",
    )
    assert {"event", "person", "org"} <= {p.name for p in q.params}
    assert not any(p.required for p in q.params)


@pytest.mark.parametrize("name", sorted(ISSUE_QUERIES | {"count-by-class"}))
def test_every_query_parses_in_the_engine(store, name):
    q = load_query(name)
    store.query(q.text)  # raises SyntaxError when the SPARQL is malformed


def test_select_columns_match_the_header(store):
    for q in available_queries().values():
        results = store.query(q.text)
        assert tuple(v.value for v in results.variables) == q.columns, q.name


def test_binding_checks_names_and_values():
    q = load_query("person-timeline")
    with pytest.raises(QueryError, match="needs --param person"):
        q.bind({})
    with pytest.raises(QueryError, match="has no parameter colour"):
        q.bind({"person": "person/x", "colour": "red"})
    with pytest.raises(QueryError, match="is not an IRI"):
        q.bind({"person": "http://x/> } ; DROP ALL ; SELECT * { <y"})
    bound = q.bind({"person": "person/abc"})
    assert bound["person"].value == "https://w3id.org/polgraph/id/person/abc"


def test_a_malicious_string_parameter_is_only_a_literal(store, pipeline, seed):
    pipeline.ingest(seed, "seed.yaml")
    q = load_query("who-held-role-at-event")
    text = q.render({"report": 'seed" ) } } ; DROP ALL ; #'})
    assert list(store.query(text)) == []
    assert len(list(store.query(q.render({"report": "seed"})))) == 14
    assert store.stats().reports == 1


def test_header_errors_are_reported():
    with pytest.raises(QueryError, match="no '# name:'"):
        parse_query("SELECT * {}")
    with pytest.raises(QueryError, match="bad parameter line"):
        parse_query("# name: x\n# param: when datetime optional\nSELECT * {}")
