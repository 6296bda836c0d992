"""The answers about roles: who held which role at which event, or, given a date, who held it
that day (``/api/roles``)."""

from __future__ import annotations

import bisect
from collections import defaultdict

from polgraph.server.answers.bodies import bodies_of
from polgraph.server.answers.careers import event_of
from polgraph.server.answers.evidence import Sources
from polgraph.server.answers.graph import (
    Readable,
    Term,
    ask,
    date,
    iri,
    select,
    streamed,
    values_block,
    with_organizations,
    with_organizations_and_kinds,
)
from polgraph.server.answers.ids import iri_for, node, not_found
from polgraph.server.answers.search import page
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table

_POST = "?post pg:postTitle ?title ; rdfs:label ?post_label ."  # its body: with_organizations
# A body's roles include its sub-bodies', found in the table of bodies: `org:subOrganizationOf*`
# joined to other patterns is what Virtuoso 7 answers with no rows in some database states
# (docs/scaling.md).
_WITHIN = "?post org:postIn ?org . {values}"
# pg:person's domain is pg:RoleAttestation, so ?a is one without asking its type (a lookup a row).
_AT_EVENTS = """
  ?a pg:person ?mention ; pg:post ?post ; pg:event ?event ; pg:source ?report .
  ?mention pg:mentionOf ?person . ?person pg:name ?name . {post} {within}
  ?event rdfs:label ?event_label ."""
# With a body given the store would hash every event's date first (10 ms at 10,000 reports):
# LATERAL looks each row's date up instead (see graph.py).
_AT_EVENTS_DETAILS = """LATERAL { OPTIONAL { ?event pg:date ?date } }
  OPTIONAL { ?a pg:asWritten ?as_written } OPTIONAL { ?a pg:elected ?elected }
  LATERAL { OPTIONAL { ?a pg:evidence ?span . ?span oa:start ?start ; oa:end ?end } }"""
_TENURE = """?tenure pg:holder ?person ; pg:post ?post ;
  pg:firstEvidence ?first ; pg:lastEvidence ?last .
  ?person pg:name ?name . {post}"""
_SUCCESSOR = """?tenure pg:successor ?next . ?next pg:firstEvidence ?next_first ; pg:holder ?after .
  ?after pg:name ?after_name"""
# As queries/role-at-date.rq: attested on both sides of the date, or continuing after the last
# evidence until someone else's tenure of the post begins. LATERAL: see graph.py.
_ON_DATE = """
  ?tenure a pg:Tenure . {tenure} {within}
  LATERAL { OPTIONAL { {successor} } }
  FILTER (?first <= ?date && (?date <= ?last || (BOUND(?next_first) && ?date < ?next_first)))
  BIND (IF(?date <= ?last, "attested", "continuing") AS ?status)"""
_ON_DATE_ROWS = """SELECT DISTINCT ?tenure ?person ?name ?post ?title ?post_label ?first ?last
  ?status
  ?after ?after_name WHERE { {where} } ORDER BY ?post ?first ?name"""
# Every tenure with what the date test and the order need, for the roles held on a day anywhere,
# read whole (see tables.py). Each tenure's details are looked up from the tenure (LATERAL):
# joined, the store hashes whole columns, twice the time.
_TENURES = """SELECT DISTINCT ?post ?first ?name ?tenure ?last ?next_first WHERE {
  ?tenure a pg:Tenure . LATERAL { {tenure} } LATERAL { OPTIONAL { {successor} } } }"""
_TENURE_EVIDENCE = """
SELECT DISTINCT ?tenure ?report ?date ?start ?end WHERE { {values}
  ?tenure pg:attestedBy ?a . ?a pg:source ?report . OPTIONAL { ?a pg:event/pg:date ?date }
  LATERAL { OPTIONAL { ?a pg:evidence ?span . ?span oa:start ?start ; oa:end ?end } }
} ORDER BY ?date ?start"""

_EXISTS = {
    "events": "ASK WHERE { ?node pg:source ?report ; rdfs:label ?label }",
    "persons": "ASK WHERE { ?node a pg:Person }",
    "organizations": "ASK WHERE { ?node a pg:Organization }",
}


def roles_answer(
    store: Snapshot,
    event: str | None,
    person: str | None,
    org: str | None,
    on: str | None,
    limit: int,
    offset: int,
) -> dict:
    """``list_roles``'s answer for an event, a person or a body (and a day)."""
    given = {
        name: (route, ident)
        for name, ident, route in (
            ("event", event, "events"),
            ("person", person, "persons"),
            ("within", org, "organizations"),
        )
        if ident is not None
    }
    bindings: dict[str, Term] = {
        name: iri(iri_for(route, ident)) for name, (route, ident) in given.items()
    }
    within = ""
    if org is not None:
        bodies = bodies_of(store).with_sub_bodies(iri_for("organizations", org))
        within = _WITHIN.replace("{values}", values_block("org", bodies))
    asked = {name: term for name, term in bindings.items() if name != "within"}
    if on is None:
        answer = _at_events(store, asked, within, limit, offset)
    else:
        asked["date"] = date(on)
        answer = _on_date(store, asked, within, limit, offset)
    # A row found names an existing node for each filter: only an empty answer asks whether a
    # filter names nothing, so a mistyped id is a 404 rather than an empty page.
    if not answer["total"]:
        for name, (route, ident) in given.items():
            if not ask(store, _EXISTS[route], {"node": bindings[name]}):
                raise not_found(route, ident)
    return answer


# Up to this many rows an answer is ordered and paged here rather than by the store: ordering,
# the store reads the compared terms back one comparison at a time, a third of the time of an
# event's roles.
_ORDERED_HERE = 1000


def _at_events(store: Readable, bindings: dict, within: str, limit: int, offset: int) -> dict:
    where = _AT_EVENTS.replace("{post}", _POST).replace("{within}", within)
    rows_of = f"""SELECT DISTINCT ?a ?person ?name
        ?post ?title ?post_label ?event ?event_label ?date ?as_written ?elected ?report ?start ?end
        WHERE {{ {where} {_AT_EVENTS_DETAILS} }}"""
    rows = select(store, f"{rows_of} LIMIT {_ORDERED_HERE + 1}", bindings)
    if len(rows) <= _ORDERED_HERE:
        rows.sort(key=_in_date_order)
        total = len({row["a"] for row in rows})
        rows = rows[offset : offset + limit]
    else:
        rows = select(
            store,
            f"{rows_of} ORDER BY (!BOUND(?date)) ?date ?event ?start ?a "
            f"LIMIT {limit} OFFSET {offset}",
            bindings,
        )
        # The count needs only the patterns every row must match.
        total = select(store, f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ {where} }}", bindings)[
            0
        ]["n"]
    rows = with_organizations_and_kinds(store, rows)
    sources = Sources(store, [r["report"] for r in rows])
    items = [
        {
            **node(r["a"]),
            "person": node(r["person"], name=r["name"]),
            "post": node(r["post"], title=r["title"], label=r["post_label"]),
            "organization": node(r["org"], label=r["org_label"]),
            "event": event_of(r),
            "as_written": r["as_written"],
            "elected": bool(r["elected"]),
            "source": sources.cite(r["report"], r["start"], r["end"]),
        }
        for r in rows
    ]
    return page(items, total, limit, offset)


def _in_date_order(row: dict) -> tuple:
    """SPARQL's ``ORDER BY (!BOUND(?date)) ?date ?event ?start ?a`` for these rows: dates are
    ISO text, IRIs compare as text, and an unbound ``?start`` comes first."""
    return (
        row["date"] is None,
        row["date"] or "",
        row["event"],
        row["start"] is not None,
        row["start"] or 0,
        row["a"],
    )


def _counted(rows: list[dict], key: str, limit: int, offset: int) -> int | None:
    """How many ``key``s the whole answer has, when the first page holds them all (most events
    have fewer roles than a page): no count query then."""
    if offset == 0 and len(rows) < limit:
        return len({row[key] for row in rows})
    return None


def _on_date(store: Readable, bindings: dict, within: str, limit: int, offset: int) -> dict:
    where = _on_date_where(within)
    # A post's IRI begins with its body's name, so ordering by it groups the posts by body.
    rows = select(
        store, _ON_DATE_ROWS.replace("{where}", where) + f" LIMIT {limit} OFFSET {offset}", bindings
    )
    total = _counted(rows, "tenure", limit, offset)
    if total is None:
        total = select(
            store, f"SELECT (COUNT(DISTINCT ?tenure) AS ?n) WHERE {{ {where} }}", bindings
        )[0]["n"]
    return page(_tenure_items(store, rows), total, limit, offset)


def _on_date_where(within: str) -> str:
    return _filled(_ON_DATE).replace("{within}", within)


def _filled(text: str) -> str:
    return (
        text.replace("{tenure}", _TENURE)
        .replace("{post}", _POST)
        .replace("{successor}", _SUCCESSOR)
    )


def roles_on_day_answer(store: Snapshot, day: str, limit: int, offset: int) -> dict:
    """``list_roles``'s answer for a day anywhere: ``_on_date`` over every tenure, the date test
    and the order on the table of tenures, the store asked only for the page's tenures."""
    held = table(store, TENURES).on(day)
    tenures = {tenure for _, _, _, tenure in held[offset : offset + limit]}
    rows = []
    if tenures:
        where = f"{values_block('tenure', tenures)} {_on_date_where('')}"
        rows = select(store, _ON_DATE_ROWS.replace("{where}", where), {"date": date(day)})
    return page(_tenure_items(store, rows), len({row[3] for row in held}), limit, offset)


class Tenures:
    """Every tenure as ``(post, first, name, tenure)`` in the order _on_date answers, with the
    days it covers: from its first evidence up to, not including, ``until``."""

    def __init__(self, store: Readable) -> None:
        # (post, first, name, tenure, last, next_first)
        found = set(streamed(store, _filled(_TENURES)))
        ordered = sorted(found, key=lambda row: row[:4])
        self.rows = [row[:4] for row in ordered]
        self.firsts = [row[1] for row in ordered]
        # _ON_DATE's test, first <= day and (day <= last or day < next_first), as one interval:
        # days are YYYY-MM-DD text, and the least text after ``last`` is ``last`` + "\0".
        self.untils = [max(last + "\0", next_first or "") for *_, last, next_first in ordered]
        # The tenures by first day and by end, so a day is looked for among the fewer of those
        # begun by then and those not ended by then.
        self._by_first = sorted(range(len(ordered)), key=self.firsts.__getitem__)
        self._by_until = sorted(range(len(ordered)), key=self.untils.__getitem__)
        self._sorted_firsts = [self.firsts[i] for i in self._by_first]
        self._sorted_untils = [self.untils[i] for i in self._by_until]

    def on(self, day: str) -> list[tuple[str, str, str, str]]:
        """The tenures covering ``day``, in order."""
        begun = bisect.bisect_right(self._sorted_firsts, day)
        ended = bisect.bisect_right(self._sorted_untils, day)
        if begun <= len(self.rows) - ended:
            held = [i for i in self._by_first[:begun] if day < self.untils[i]]
        else:
            held = [i for i in self._by_until[ended:] if self.firsts[i] <= day]
        return [self.rows[i] for i in sorted(held)]


def _tenure_items(store: Readable, rows: list[dict]) -> list[dict]:
    rows = with_organizations(store, rows)
    evidence: dict[str, list[dict]] = defaultdict(list)
    if rows:
        page_of = values_block("tenure", [r["tenure"] for r in rows])
        found = select(store, _TENURE_EVIDENCE.replace("{values}", page_of))
        sources = Sources(store, [f["report"] for f in found])
        for f in found:
            evidence[f["tenure"]].append(sources.cite(f["report"], f["start"], f["end"]))
    items = [
        {
            **node(r["tenure"]),
            "person": node(r["person"], name=r["name"]),
            "post": node(r["post"], title=r["title"], label=r["post_label"]),
            "organization": node(r["org"], label=r["org_label"]),
            "first_evidence": r["first"],
            "last_evidence": r["last"],
            "status": r["status"],
            "successor": node(r["after"], name=r["after_name"]),
            "evidence": evidence[r["tenure"]],
        }
        for r in rows
    ]
    return items


TENURES = register("tenures", Tenures)
