"""Harvesting portals: discover a site's pages, fetch them politely, archive every response in
WARC files, and ingest the pages that report political events."""

from polgraph.harvest.run import Harvester, HarvestOptions, HarvestSummary, plan_harvest

__all__ = ["HarvestOptions", "HarvestSummary", "Harvester", "plan_harvest"]
