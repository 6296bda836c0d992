"""The dev corpus gold, read as structured reports, maps to graphs the shapes accept.

These tests read ../shared/dev-corpus and skip, saying so, where it is absent.
"""

import json

from polgraph.extract.schema import Extraction
from polgraph.query.named import load_query


def gold_reports(corpus):
    for gold in sorted((corpus / "gold").glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        data["report"] = {
            "text": (corpus / "reports" / f"{gold.stem}.txt").read_text(encoding="utf-8")
        }
        yield gold.stem, Extraction.model_validate(data)


def test_every_gold_report_is_accepted(shared_corpus, pipeline):
    failures = {}
    for key, extraction in gold_reports(shared_corpus):
        _, report = pipeline.build(extraction)
        if not report.conforms:
            failures[key] = [str(v) for v in report.violations]
    assert not failures


def test_the_store_answers_every_gold_role(shared_corpus, pipeline, store):
    expected = set()
    reports = list(gold_reports(shared_corpus))
    for key, extraction in reports:
        pipeline.ingest(extraction, key)
        expected |= {(key, p.name, r.post, r.org) for p in extraction.persons for r in p.roles}
    # The query itself, asked to show the report key it already matches on.
    q = load_query("who-held-role-at-event")
    with_key = q.text.replace("SELECT DISTINCT ?person", "SELECT DISTINCT ?report ?person")
    got = {
        (s["report"].value, s["person_name"].value, s["post_label"].value, s["org_label"].value)
        for s in store.query(with_key)
    }
    assert got == expected
    assert store.stats().reports == len(reports)
