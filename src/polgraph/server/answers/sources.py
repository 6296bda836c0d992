"""The answers about reports: the list, and one report with its text and the span of every fact
drawn from it (``/api/sources``, the report's page)."""

from __future__ import annotations

from typing import Any

from polgraph.server.answers.evidence import Sources
from polgraph.server.answers.graph import Readable, iri, select
from polgraph.server.answers.ids import iri_for, mention, node, not_found
from polgraph.server.answers.search import Keys, page, word_matchers
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table

# Every report as sources_answer answers it, read whole (see tables.py); LATERAL looks each report's
# event up in its own graph (see graph.py).
_REPORTS = """
SELECT DISTINCT ?report ?key ?title ?published ?url ?event ?event_label
                (LCASE(COALESCE(?title, "")) AS ?title_key) WHERE {
  ?report a pg:Report ; pg:reportKey ?key . OPTIONAL { ?report pg:title ?title }
  OPTIONAL { ?report pg:published ?published } OPTIONAL { ?report pg:url ?url }
  LATERAL { OPTIONAL { GRAPH ?report { ?event pg:source ?report ; rdfs:label ?event_label } } }
}"""
_HEAD = """
SELECT ?key ?title ?published ?url ?hash ?text ?event ?event_label ?archived ?fetched ?warc_file
WHERE {
  ?report a pg:Report ; pg:textHash ?hash .
  OPTIONAL { ?report pg:reportKey ?key } OPTIONAL { ?report pg:title ?title }
  OPTIONAL { ?report pg:published ?published } OPTIONAL { ?report pg:url ?url }
  OPTIONAL { ?report pg:text ?text }
  OPTIONAL { ?report pg:archivedPage ?archived . ?archived pg:warcFile ?warc_file ;
             <http://www.w3.org/ns/prov#generatedAtTime> ?fetched }
  OPTIONAL { GRAPH ?report { ?event pg:source ?report ; rdfs:label ?event_label } }
}"""
# Each report is its own named graph (named by the report's IRI): its facts are read from there.
# The person is looked up inside the optional part that binds ?mention: after it, a fact with no
# mention (an event, a document) would join with every mention of the store. LATERAL looks the
# optional parts up from each fact at hand (see graph.py).
_FACTS = """
SELECT DISTINCT ?fact ?type ?start ?end ?mention ?name ?person ?post_label ?label ?topic WHERE {
  GRAPH ?report { ?fact pg:evidence ?span . ?span oa:start ?start ; oa:end ?end . }
  # a shared document's type and label live in its own description, not in the report
  ?fact a ?type .
  LATERAL { OPTIONAL { ?fact pg:post/rdfs:label ?post_label } }
  OPTIONAL { ?fact rdfs:label ?label } OPTIONAL { ?fact pg:topic ?topic }
  LATERAL { OPTIONAL {
    GRAPH ?report { ?fact pg:person|pg:participant|pg:speaker ?mention . ?mention pg:name ?name }
    OPTIONAL { ?mention pg:mentionOf ?person }
  } }
} ORDER BY ?start ?end ?fact"""
_KINDS = {
    "RoleAttestation": "role",
    "Participation": "participation",
    "Speech": "speech",
    "Document": "document",
}


def sources_answer(store: Snapshot, q: str, key: str | None, limit: int, offset: int) -> dict:
    reports = table(store, REPORTS)
    rows = reports.rows
    if key is not None:
        rows = [row for row in rows if row["key"] == key]
    matchers = word_matchers(q)
    if matchers:
        titled = {reports.titles.keys[i] for i in reports.titles.matching(matchers)}
        rows = [row for row in rows if row["title_key"] in titled]
    items = [
        {
            **node(
                r["report"], key=r["key"], title=r["title"], published=r["published"], url=r["url"]
            ),
            "event": node(r["event"], label=r["event_label"]),
        }
        for r in rows[offset : offset + limit]
    ]
    return page(items, len({row["report"] for row in rows}), limit, offset)


class Reports:
    """The reports' rows, by key then IRI, and their lower-case titles to search."""

    def __init__(self, store: Readable) -> None:
        self.rows = sorted(select(store, _REPORTS), key=lambda row: (row["key"], row["report"]))
        self.titles = Keys(row["title_key"] for row in self.rows)


def source_answer(store: Snapshot, source_id: str) -> dict:
    report = iri_for("sources", source_id)
    found = select(store, _HEAD, {"report": iri(report)})
    if not found:
        raise not_found("sources", source_id)
    top = found[0]
    sources = Sources(store, [report])
    facts: list[dict[str, Any]] = []
    for row in select(store, _FACTS, {"report": iri(report)}):
        kind = _KINDS.get(row["type"].rsplit("#", 1)[-1], "event")
        if facts and facts[-1]["iri"] == row["fact"]:
            continue  # a second type of the same node
        cited = sources.cite(report, row["start"], row["end"])
        facts.append(
            {
                "kind": kind,
                **node(row["fact"]),
                "about": _about(kind, row),
                "person": node(row["person"], name=row["name"]),
                "mention": row["mention"] and mention(row["mention"], name=row["name"]),
                **{k: cited[k] for k in ("start", "end", "quote", "sentence", "sentence_start")},
            }
        )
    return {
        **node(
            report, key=top["key"], title=top["title"], published=top["published"], url=top["url"]
        ),
        "text_hash": top["hash"],
        # the page as fetched, in the harvest's WARC files (None: the report came as a file)
        "archived": top["archived"]
        and {"record": top["archived"], "fetched": top["fetched"], "warc_file": top["warc_file"]},
        "event": node(top["event"], label=top["event_label"]),
        "text": top["text"],
        "facts": facts,
    }


def _about(kind: str, row: dict) -> str | None:
    if kind == "role":
        return f"{row['name']} — {row['post_label']}"
    if kind == "speech" and row["topic"]:
        return f"{row['name']}: {row['topic']}"
    return row["name"] or row["label"]


REPORTS = register("reports", Reports)
