"""Rows of a SPARQL query over a test store, as plain tuples, for checks computed independently
of the code under test."""

from __future__ import annotations

from polgraph.namespaces import PREFIXES

PREFIX = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())


def rows(store, sparql: str) -> list[tuple]:
    results = store.query(PREFIX + sparql)
    names = [v.value for v in results.variables]
    return [tuple(None if r[n] is None else r[n].value for n in names) for r in results]


def participants_of(store, *reports: str) -> set[str]:
    """The persons the reports of these keys name as taking part."""
    keys = " ".join(f'"{k}"' for k in reports)
    return {
        person
        for (person,) in rows(
            store,
            f"""SELECT DISTINCT ?person WHERE {{ VALUES ?key {{ {keys} }}
            ?part pg:participant/pg:mentionOf ?person ; pg:source/pg:reportKey ?key }}""",
        )
    }
