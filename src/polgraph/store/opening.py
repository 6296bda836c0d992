"""Opening the store the settings name: the embedded one in a folder, or a SPARQL service."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import httpx

from polgraph.errors import StoreError
from polgraph.settings import Settings
from polgraph.store.base import GraphStore
from polgraph.store.oxigraph import open_store
from polgraph.store.remote import SNAPSHOT_FILE, Endpoints, RemoteStore


def open_configured_store(settings: Settings, *, read_only: bool = False) -> GraphStore:
    """The store at ``settings.store_url`` when there is one, else the folder ``store_path``."""
    if settings.store_url is None:
        return open_store(settings.store_path, read_only=read_only)
    return RemoteStore(
        Endpoints(settings.store_url, settings.store_update_url, settings.store_graph_store_url),
        auth=service_auth(settings),
        headers=(
            {"Authorization": f"Bearer {settings.store_token}"} if settings.store_token else None
        ),
        timeout=settings.store_timeout,
        read_only=read_only,
    )


def service_auth(settings: Settings) -> httpx.Auth | None:
    """The account the settings give for the service (a bearer token goes as a header)."""
    if settings.store_user is None:
        return None
    if settings.store_password is None:
        raise StoreError("POLGRAPH_STORE_USER is set without POLGRAPH_STORE_PASSWORD")
    if settings.store_auth not in ("basic", "digest"):
        raise StoreError(f"POLGRAPH_STORE_AUTH is basic or digest, not {settings.store_auth!r}")
    if settings.store_auth == "digest":
        return httpx.DigestAuth(settings.store_user, settings.store_password)
    return httpx.BasicAuth(settings.store_user, settings.store_password)


def open_snapshot(folder: Path, settings: Settings) -> RemoteStore | None:
    """The store a server's snapshot folder names (``RemoteStore.snapshot``), read-only, with the
    credentials of ``settings``; None for a folder that is a copy of an embedded store."""
    named = folder / SNAPSHOT_FILE
    if not named.is_file():
        return None
    urls = json.loads(named.read_text())
    located = dataclasses.replace(
        settings,
        store_url=urls["query"],
        store_update_url=urls["update"],
        store_graph_store_url=urls["graph_store"],
    )
    store = open_configured_store(located, read_only=True)
    assert isinstance(store, RemoteStore)
    return store
