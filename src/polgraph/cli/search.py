"""``polgraph search rebuild``: the full-text search index, built again from the store."""

from __future__ import annotations

import typer

from polgraph.cli.options import (
    StoreAt,
    StoreGraphStoreOption,
    StoreOption,
    StoreUpdateOption,
    library,
)
from polgraph.cli.output import exit_codes, out
from polgraph.search import counts_line

app = typer.Typer(
    help="The full-text search index the server's search answers from.", no_args_is_help=True
)


@app.command("rebuild")
def rebuild(
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
) -> None:
    """Build the search index again from the whole store (an ingest keeps it in step; this is
    for a store written otherwise, or an index lost). The store is only read."""
    with (
        library(StoreAt(store, store_update, store_graph_store), read_only=True) as graph,
        exit_codes(),
    ):
        built = graph.rebuild_search()
    out.print(f"search index {built.path}: {counts_line(built.counts)}", highlight=False)
