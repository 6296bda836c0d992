"""``polgraph identity explain`` and ``identity rebuild``: persons across reports."""

from __future__ import annotations

from typing import Annotated

import typer

from polgraph.cli.cluster import ClusterAddress, Workers, cluster_client
from polgraph.cli.options import (
    IdentityOption,
    StoreAt,
    StoreGraphStoreOption,
    StoreOption,
    StoreUpdateOption,
    library,
)
from polgraph.cli.output import exit_codes, identity_line, out, print_store_messages

app = typer.Typer(help="Persons across reports: why mentions were joined.", no_args_is_help=True)


# The help is given here, not as the docstring: one line of it would run past the line length,
# and the command list shows a docstring's line breaks.
@app.command(
    "explain",
    help=(
        "Print which mentions make up a person, and the shared post, body or place behind "
        "each join."
    ),
)
def explain(
    person: Annotated[str, typer.Argument(help="A person's IRI, the last part of it, or a name.")],
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
    identity: IdentityOption = None,
) -> None:
    with (
        library(StoreAt(store, store_update, store_graph_store), identity, read_only=True) as graph,
        exit_codes(),
    ):
        lines = graph.explain(person)
    for line in lines:
        out.print(line, highlight=False)


@app.command("rebuild")
def rebuild(
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
    identity: IdentityOption = None,
    cluster: ClusterAddress = None,
    workers: Workers = None,
) -> None:
    """Resolve every name and post again (ingest only resolves those it touched) and check the
    rules on the whole store."""
    with (
        library(StoreAt(store, store_update, store_graph_store), identity) as graph,
        cluster_client(cluster, workers) as client,
        exit_codes(),
    ):
        result = graph.rebuild() if client is None else graph.rebuild_on_cluster(client)
    print_store_messages(result.rule_messages)
    out.print(identity_line(result.identities), highlight=False)
