"""`polgraph export --format popolo` read by a Popolo tool: mySociety's everypolitician-popolo
(``popolo_data``), which EveryPolitician's data is read with."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import RESOURCES, SEED_YAML
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.pipeline.ingest import Pipeline
from polgraph.store import OxigraphStore

popolo_data = pytest.importorskip(
    "popolo_data.importer", reason="everypolitician-popolo is a test extra"
)


@pytest.fixture
def exported(tmp_path, vocabulary, validator):
    store = OxigraphStore(tmp_path / "store")
    pipeline = Pipeline(store, vocabulary, validator)
    pipeline.ensure_model_graphs()
    pipeline.run([SEED_YAML, RESOURCES / "reports" / "council-session.yaml"])
    expected = {
        row["name"].value
        for row in store.query(
            "PREFIX pg: <https://w3id.org/polgraph/ontology#> "
            "SELECT ?name WHERE { ?p a pg:Person ; pg:name ?name }"
        )
    }
    store.close()
    out = tmp_path / "popolo.json"
    result = CliRunner().invoke(
        app, ["export", "--format", "popolo", "--out", str(out), "--store", str(store.path)]
    )
    assert result.exit_code == 0, result.output
    return out, expected


def test_popolo_tool_reads_persons_memberships_posts_and_events(exported):
    path, person_names = exported
    popolo = popolo_data.Popolo.from_filename(str(path))
    document = json.loads(path.read_text())

    assert {person.name for person in popolo.persons} == person_names
    assert len(popolo.memberships) == len(document["memberships"]) > 0
    for membership in popolo.memberships:
        # Every reference resolves in the tool's own lookup tables.
        assert membership.person.name in person_names
        assert membership.organization.name
        assert membership.post.organization.id == membership.organization_id
        assert membership.post.label.startswith(membership.role)  # "Phó Bí thư Đảng ủy xã …"
        assert isinstance(membership.start_date.midpoint_date, dt.date)
    roles = {(m.person.name, m.role) for m in popolo.memberships}
    assert ("Nguyễn Viết Đồng", "Phó Bí thư") in roles

    events = list(popolo.events)
    assert len(events) == len(document["events"]) >= 2
    assert all(event.name for event in events)
    assert all(isinstance(event.start_date.midpoint_date, dt.date) for event in events)
    # A person's memberships, as the tool joins them, are the ones naming that person.
    dong = popolo.persons.get(name="Nguyễn Viết Đồng")
    assert {m.role for m in dong.memberships} >= {"Phó Bí thư"}
