"""The ``polgraph`` command. Each command is a thin layer over ``polgraph.Polgraph`` (or, for the
network analyses, ``polgraph.analytics``): it reads its options, calls the library, prints what
comes back, and turns errors into messages and exit codes: 0 ok, 1 some input rejected (or the
store failed), 2 usage error.

    ingest.py     ingest, validate, extract
    queries.py    query, queries, who, stats, export
    identity.py   identity explain, identity rebuild
    search.py     search rebuild (the full-text index)
    serve.py      serve (its settings listed from polgraph.settings)
    analytics.py  analyze, network, timeline
    options.py    the options several commands share, and reading them
    output.py     the consoles, errors as exit codes, the progress bar
"""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from polgraph.cli import analytics, harvest, identity, ingest, queries, search, serve
from polgraph.cli.output import err, out
from polgraph.errors import PolgraphError

app = typer.Typer(
    name="polgraph",
    help="A knowledge graph of local political events: who held which role at which event.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(asked: bool) -> None:
    if asked:
        from polgraph import __version__

        out.print(f"polgraph {__version__}", highlight=False)
        raise typer.Exit(0)


@app.callback()
def _setup(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and end."
        ),
    ] = False,
) -> None:
    # rdflib logs a traceback for every ill-typed literal; the shapes already report those in words.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)


app.command()(ingest.ingest)
app.command()(ingest.validate)
app.command()(ingest.extract)
app.command()(harvest.harvest)
app.command()(queries.query)
app.command("queries")(queries.list_queries)
app.command()(queries.stats)
app.command()(queries.export)
app.add_typer(identity.app, name="identity")
app.add_typer(search.app, name="search")
app.command()(queries.who)
app.command(help=serve.serve_help())(serve.serve)
app.command()(analytics.analyze)
app.command()(analytics.network)
app.command()(analytics.timeline)


def main() -> None:
    """The console script: run the command, an unexpected polgraph error ending it with 1."""
    try:
        app()
    except PolgraphError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(1)
