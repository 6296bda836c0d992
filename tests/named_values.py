"""The named queries as the tests and the benches ask and compare them: values for each one's
parameters drawn from a store, and their answers in a form two plans of a query share."""

from __future__ import annotations

from collections.abc import Iterable

from polgraph.store import GraphStore

# A tenure someone succeeded to, as one of its attestations tells it: the optional parts of the
# queries (a successor, a date) then have something to find.
_ONE_OF_EACH = """
PREFIX pg: <https://w3id.org/polgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?person ?org ?post_type ?date ?event ?key WHERE {
  ?tenure a pg:Tenure ; pg:post ?post ; pg:firstEvidence ?date ; pg:attestedBy ?a .
  ?a pg:person ?m ; pg:event ?event ; pg:source ?r .
  ?m pg:mentionOf ?person . ?post org:postIn ?org ; pg:postType ?post_type .
  ?r pg:reportKey ?key .
  FILTER EXISTS { ?tenure pg:successor ?next }
} LIMIT 1"""


def named_query_values(store: GraphStore) -> dict[str, dict[str, str]]:
    """Each named query's name, and the values of its parameters."""
    row = next(iter(store.query(_ONE_OF_EACH)))
    value = {name: row[name].value for name in ("person", "org", "post_type", "date", "event")}
    return {
        "count-by-class": {},
        "who-held-role-at-event": {"report": row["key"].value},
        "role-at-date": {
            "org": value["org"],
            "post_type": value["post_type"],
            "date": value["date"][:10],
        },
        "org-members": {"org": value["org"]},
        "person-career": {"person": value["person"]},
        "person-timeline": {"person": value["person"]},
        "event-participants": {"event": value["event"]},
    }


def comparable_rows(rows: Iterable) -> list[tuple[str | None, ...]]:
    """The rows' values in order, each concatenated value's parts in order too: GROUP_CONCAT's
    order is the engine's, and differs between two plans of one query."""

    def plain(term) -> str | None:
        if term is None:
            return None
        for separator in (" | ", ", "):
            if separator in term.value:
                return separator.join(sorted(term.value.split(separator)))
        return term.value

    return sorted((tuple(plain(term) for term in row) for row in rows), key=repr)
