"""Documents built to exhaust memory or the stack are refused with a clear message before
anything is built from them: YAML aliases ("billion laughs"), and JSON or YAML nested too deep,
through the library, the CLI and POST /api/validate."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from polgraph.errors import InputError
from polgraph.extract.structured import parse_structured
from polgraph.server import create_app
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

# Nine levels of nine aliases: 9^9 ≈ 387 million "lol"s from under 600 bytes.
LAUGHS = (
    "\n".join(
        ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [
            f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]"
            for i in range(8)
        ]
    )
    + "\n"
)
DEEP_JSON = "[" * 100_000 + "]" * 100_000
DEEP_YAML = "a: " + "[" * 100_000 + "]" * 100_000


def test_the_bomb_is_small():
    assert len(LAUGHS.encode()) < 600


@pytest.mark.parametrize(
    ("data", "suffix", "message"),
    [
        (LAUGHS, ".yaml", "aliases"),
        (DEEP_JSON, ".json", "nested too deep"),
        (DEEP_YAML, ".yaml", "nested too deep"),
    ],
)
def test_a_bomb_is_refused_quickly(data, suffix, message):
    started = time.perf_counter()
    with pytest.raises(InputError, match=message):
        parse_structured(data.encode(), "bomb" + suffix, suffix)
    assert time.perf_counter() - started < 5


def test_anchors_without_aliases_still_read():
    report = "event: &e {kind: conference, date: '2024-03-05'}\npersons: []\n"
    assert parse_structured(report.encode(), "ok.yaml", ".yaml").event.kind == "conference"


def test_the_cli_refuses_the_bomb_with_a_message(tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(LAUGHS, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "polgraph.cli", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert "aliases" in done.stderr + done.stdout


def test_the_endpoint_refuses_the_bomb_and_keeps_answering(tmp_path):
    app = create_app(Settings(query_workers=1), OxigraphStore(tmp_path / "store"))
    with TestClient(app) as client:
        reply = client.post(
            "/api/validate", files={"file": ("laughs.yaml", LAUGHS.encode(), "application/yaml")}
        )
        assert 400 <= reply.status_code < 500, reply.text
        assert "aliases" in reply.text
        assert client.get("/sparql", params={"query": "ASK { }"}).status_code == 200


def test_a_report_nested_deep_but_parseable_is_refused_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    # Deep enough to stop a serialiser later on, shallow enough for the JSON parser.
    (folder / "deep.json").write_text(
        '{"event": {"kind": "conference"}, "persons": [], "warnings": '
        + "[" * 900
        + "]" * 900
        + "}",
        encoding="utf-8",
    )
    (folder / "fine.txt").write_text(
        "Sáng 3/3/2024, Hội Nông dân xã Yên Hồ tổ chức hội nghị. Ông Trần "
        "Văn Hải, Chủ tịch Hội Nông dân xã phát biểu.\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "polgraph.cli",
            "ingest",
            str(folder),
            "--store",
            str(tmp_path / "store"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    output = done.stdout + done.stderr
    assert "deep.json: nested deeper than" in output
    assert "added 1" in output and "Traceback" not in output
