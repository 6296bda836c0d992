"""The query page a browser gets at /sparql: self-contained (no CDN), works offline."""

from __future__ import annotations

from html import escape

_DEFAULT = """PREFIX pg: <https://w3id.org/polgraph/ontology#>
SELECT ?name ?post ?event WHERE {
  ?attestation pg:person/pg:name ?name ;
               pg:post/pg:postTitle ?post ;
               pg:event ?event .
} LIMIT 25"""


def query_page(endpoint: str, query: str = _DEFAULT) -> str:
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>polgraph — SPARQL</title>
<style>body{{font:15px/1.4 system-ui,sans-serif;margin:2em;max-width:60em}}
textarea{{width:100%;height:14em;font:13px monospace}}</style></head>
<body><h1>SPARQL</h1>
<p>Truy vấn đồ thị / Query the graph. Kết quả / Results: JSON, XML, CSV, TSV; CONSTRUCT: Turtle.</p>
<form method="get" action="{escape(endpoint)}">
<textarea name="query" aria-label="SPARQL query">{escape(query)}</textarea>
<p><button type="submit">Chạy / Run</button></p></form></body></html>"""
