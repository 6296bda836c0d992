"""The analyses as rows for people: which columns each shows, and how a table, CSV or JSON is
written. JSON keeps each record whole; a table or CSV shows one line per record."""

from __future__ import annotations

import csv
import io
import json

from polgraph.analytics.errors import AnalysisError

ANALYSES = ("centrality", "communities", "brokers", "succession", "careers")
OUTPUT_FORMATS = ("table", "csv", "json")
_JOIN = " | "


def _number(value: float) -> str:
    return f"{value:.4f}"


def _centrality(r: dict) -> dict:
    return {
        "name": r["name"],
        "posts": _JOIN.join(r["posts"]),
        "events": r["events"],
        "degree": r["degree"],
        "weighted_degree": r["weighted_degree"],
        "betweenness": _number(r["betweenness"]),
        "eigenvector": _number(r["eigenvector"]),
        "person": r["person"],
    }


def _community(r: dict) -> dict:
    names = [m["name"] for m in r["members"]]
    shown = ", ".join(names[:8]) + (f" … (+{len(names) - 8})" if len(names) > 8 else "")
    return {
        "community": r["community"],
        "size": r["size"],
        "places": _JOIN.join(r["place_labels"]),
        "bodies": _JOIN.join(r["body_labels"]),
        "members": shown,
    }


def _broker(r: dict) -> dict:
    return {
        "name": r["name"],
        "area_span": r["area_span"],
        "body_span": r["body_span"],
        "areas": _JOIN.join(r["area_labels"]),
        "bodies": _JOIN.join(r["body_labels"]),
        "weighted_degree": r["weighted_degree"],
        "person": r["person"],
    }


def _succession(r: dict) -> dict:
    return {
        "post": r["label"],
        "date": r["date"],
        "predecessor": r["predecessor_name"],
        "successor": r["successor_name"],
        "predecessor_last_seen": r["predecessor_last"],
        "elected": "yes" if r["elected"] else "no",
    }


def _career(r: dict) -> dict:
    path = " → ".join(f"{p['label']} ({p['first']}…{p['last']})" for p in r["posts"])
    promotions = "; ".join(
        f"{p['from']} → {p['to']} ({p['date']}, {p['kind']})" for p in r["promotions"]
    )
    return {
        "name": r["name"],
        "posts": len(r["posts"]),
        "promotions": promotions,
        "path": path,
        "person": r["person"],
    }


COLUMNS = {
    "centrality": [
        "name",
        "posts",
        "events",
        "degree",
        "weighted_degree",
        "betweenness",
        "eigenvector",
        "person",
    ],
    "communities": ["community", "size", "places", "bodies", "members"],
    "brokers": ["name", "area_span", "body_span", "areas", "bodies", "weighted_degree", "person"],
    "succession": ["post", "date", "predecessor", "successor", "predecessor_last_seen", "elected"],
    "careers": ["name", "posts", "promotions", "path", "person"],
}
_ROWS = {
    "centrality": _centrality,
    "communities": _community,
    "brokers": _broker,
    "succession": _succession,
    "careers": _career,
}


def render(what: str, records: list[dict], fmt: str) -> str | list[dict]:
    """``records`` of analysis ``what`` as CSV or JSON text, or (for a table) as row dicts."""
    if what not in _ROWS:
        raise AnalysisError(f"unknown analysis {what!r}: choose {', '.join(ANALYSES)}")
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    rows = [_ROWS[what](r) for r in records]
    if fmt == "table":
        return rows
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS[what], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    raise AnalysisError(f"unknown format {fmt!r}: choose {', '.join(OUTPUT_FORMATS)}")
