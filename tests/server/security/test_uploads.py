"""A long upload is read off the event loop: while it is read, other clients are answered."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from polgraph.server import create_app
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

pytestmark = pytest.mark.slow  # a 19 MB upload read while other clients are answered

SENTENCE = (
    "Sáng 5/3/2024, Hội Nông dân xã Yên Hồ tổ chức hội nghị. Dự có ông Trần Văn Hải, Chủ tịch "
    "Hội Nông dân xã, bà Lê Thị Mơ, Phó Chủ tịch UBND xã phát biểu.\n"
)


def test_another_client_is_answered_while_a_long_text_is_read(tmp_path):
    text = (SENTENCE * 8_000).encode()  # about 1.2 MB: seconds to read
    app = create_app(Settings(query_workers=1, query_timeout=60), OxigraphStore(tmp_path / "store"))
    with TestClient(app) as client:
        client.get("/sparql", params={"query": "ASK {}"})  # the worker is up
        done: dict = {}

        def upload() -> None:
            done["reply"] = client.post(
                "/api/validate", content=text, headers={"Content-Type": "text/plain"}
            )

        thread = threading.Thread(target=upload)
        thread.start()
        time.sleep(0.5)  # the upload is being read
        assert thread.is_alive(), "the text was read too fast to show anything"
        started = time.perf_counter()
        reply = client.get("/sparql", params={"query": "ASK {}"})
        waited = time.perf_counter() - started
        thread.join(timeout=300)
        assert reply.status_code == 200
        assert waited < 1.0, f"another client waited {waited:.1f} s"
        assert done["reply"].status_code in (200, 422, 503)
