"""What the query page's editor completes, as JSON from this server (never a remote service):
polgraph's prefixes, and the classes and properties of the store, those its ontology declares
and those its graphs use.

The terms are read by a query in a query worker, as any query on ``/sparql`` (its time limit),
over the whole store: the answer is kept until the store next changes, as the lists' are, and a
browser asks again with the answer's ETag to be told it has not changed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from polgraph.namespaces import PREFIXES
from polgraph.server.deps import JobsDep, SettingsDep
from polgraph.server.messages import Answer, QueryJob

router = APIRouter(include_in_schema=False)

COMPLETIONS_PATH = "/queries/completions.json"
TERMS_QUERY = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?term ?kind WHERE {
  {
    VALUES (?declared ?kind) {
      (owl:Class "class") (rdfs:Class "class") (owl:ObjectProperty "property")
      (owl:DatatypeProperty "property") (owl:AnnotationProperty "property")
      (rdf:Property "property")
    }
    ?term a ?declared .
  }
  UNION { [] a ?term . BIND ("class" AS ?kind) }
  UNION { [] ?term [] . BIND ("property" AS ?kind) }
  FILTER (isIRI(?term))
}"""
_KEPT_AS = "query page completions"


@router.get(COMPLETIONS_PATH)
async def completions(request: Request, jobs: JobsDep, settings: SettingsDep) -> Response:
    """``{"prefixes": {prefix: namespace}, "classes": [IRI…], "properties": [IRI…]}``."""
    generation = jobs.generation()  # before the query: a write meanwhile outdates its answer
    kept = jobs.kept.get(generation, _KEPT_AS)
    if kept is None:
        job = QueryJob(
            TERMS_QUERY,
            result_format="JSON",
            graph_format=None,
            max_bytes=settings.max_result_bytes,
        )
        found = json.loads((await jobs.run(job)).body)
        kept = Answer("application/json", json.dumps(completions_of(found)).encode())
        jobs.kept.put(generation, _KEPT_AS, kept)
    tag = '"' + hashlib.sha256(kept.body).hexdigest()[:32] + '"'
    # The editor asks once a page; "no-cache" makes it ask whether the terms changed.
    headers = {"ETag": tag, "Cache-Control": "no-cache"}
    if tag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(kept.body, media_type=kept.format, headers=headers)


def completions_of(results: dict[str, Any]) -> dict[str, Any]:
    """The completions from TERMS_QUERY's SPARQL JSON results: each kind's IRIs, sorted."""
    terms: dict[str, set[str]] = {"class": set(), "property": set()}
    for row in results["results"]["bindings"]:
        terms[row["kind"]["value"]].add(row["term"]["value"])
    return {
        "prefixes": PREFIXES,
        "classes": sorted(terms["class"]),
        "properties": sorted(terms["property"]),
    }
