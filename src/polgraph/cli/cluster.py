"""``--cluster`` and ``--workers``: a command's work on a Dask cluster, and reaching it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from polgraph.cli.output import USAGE, exit_codes, fail
from polgraph.errors import InputError
from polgraph.library import Polgraph

if TYPE_CHECKING:
    from distributed import Client

ClusterAddress = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        metavar="ADDRESS",
        help="Run the work on the Dask scheduler at ADDRESS (tcp://host:8786): for ingest, the "
        "reports' reading, mapping and validation (the workers must see the same paths); for "
        "identity rebuild, the persons of each name and the tenures of each post. This process "
        "reads and writes the store.",
    ),
]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers",
        metavar="N",
        min=1,
        help="As --cluster, on N worker processes started on this machine (one a core).",
    ),
]

# How long a scheduler has to answer: one that does not is a wrong address, not a slow start.
CONNECT_TIMEOUT = 10.0


@contextmanager
def cluster_client(address: str | None, workers: int | None) -> Iterator[Client | None]:
    """The client of the cluster the options name (None without either). Both options, or an
    address where no scheduler answers, end the command as a usage error."""
    if address is not None and workers is not None:
        raise fail("--cluster and --workers exclude each other: give one", USAGE)
    if address is None and workers is None:
        yield None
        return
    with ExitStack() as stack:
        with exit_codes((InputError, USAGE)):
            client = stack.enter_context(
                Polgraph.cluster(address, workers, timeout=CONNECT_TIMEOUT)
            )
        yield client
