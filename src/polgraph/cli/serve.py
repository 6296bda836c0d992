"""``polgraph serve``: the SPARQL endpoint, the REST API and the pages over the store."""

from __future__ import annotations

from typing import Annotated

import typer

from polgraph.cli.options import (
    IdentityOption,
    StoreAt,
    StoreGraphStoreOption,
    StoreOption,
    StoreUpdateOption,
    settings,
)
from polgraph.cli.output import exit_codes, out
from polgraph.library import Polgraph
from polgraph.settings import ENVIRONMENT
from polgraph.store import OxigraphStore, RemoteStore


def serve_help() -> str:
    """The command's help, its settings listed from ``polgraph.settings.ENVIRONMENT``."""
    listed = [
        f"{setting.variable} ({setting.hint})" if setting.hint else setting.variable
        for setting in ENVIRONMENT
        if setting.served
    ]
    return (
        "Serve the SPARQL endpoint (/sparql), the REST API (/api) and its docs (/docs).\n\n"
        f"Settings come from the environment: {', '.join(listed)}; the README's settings table "
        "says what each does."
    )


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
    identity: IdentityOption = None,
) -> None:
    import uvicorn

    from polgraph.server import create_app

    config = settings(StoreAt(store, store_update, store_graph_store), identity)
    with Polgraph(config) as graph:
        with exit_codes():
            handle = graph.store
        assert isinstance(handle, OxigraphStore | RemoteStore)
        out.print(
            f"polgraph: serving {config.store_location} on http://{host}:{port}/ "
            f"(SPARQL at /sparql, API docs at /docs)",
            highlight=False,
        )
        uvicorn.run(
            create_app(config, handle),
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=1,
        )
