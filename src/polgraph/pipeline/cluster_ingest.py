"""Ingest on a Dask cluster: who writes the reports. Into the embedded store, this process (the
workers send their graphs back: ``polgraph.pipeline.cluster``); into a SPARQL service, the
workers themselves (``polgraph.pipeline.cluster_writing``), unless asked otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from polgraph.pipeline.cluster import Preload, prepared_on_cluster
from polgraph.pipeline.cluster_client import ClusterError
from polgraph.pipeline.cluster_writing import written_on_cluster
from polgraph.pipeline.ingest import Pipeline, Summary, expand_inputs
from polgraph.store.remote import RemoteStore
from polgraph.vocab import vocabulary as default_vocabulary

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["ingest_on_cluster"]


def ingest_on_cluster(
    pipeline: Pipeline,
    client: Client,
    paths: Iterable[Path],
    *,
    progress: Callable[[Path], None] | None = None,
    published: dt.date | None = None,
    batch_size: int = 64,
    part_size: int = 32,
    workers_write: bool = True,
) -> Summary:
    """``Pipeline.run`` with the reading, mapping and validation on the cluster, and the writing
    too when the store is a service and ``workers_write``. The resolution that follows runs where
    ``pipeline.work`` says (by default in this process). The pipeline must use the package's
    vocabularies, as the workers do."""
    if pipeline.vocabulary is not default_vocabulary():
        raise ValueError("the workers map with the package's vocabularies; so must the pipeline")
    try:
        client.register_plugin(Preload())
    except Exception as exc:  # noqa: BLE001 - raised by the workers, whatever went wrong there
        raise ClusterError(
            f"the cluster's workers cannot load polgraph ({type(exc).__name__}: {exc}); "
            "it must be installed where they run, in the same version"
        ) from None
    files = list(expand_inputs(paths))
    if workers_write and isinstance(pipeline.store, RemoteStore):
        return written_on_cluster(
            pipeline, client, files, progress=progress, published=published, part_size=part_size
        )
    items = prepared_on_cluster(
        client, files, published=published, progress=progress, part_size=part_size
    )
    return pipeline.settle_all(items, store=True, batch_size=batch_size)
