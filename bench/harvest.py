"""Harvest speed on the tests' portal grown to one district's archive (tests/harvest/portal.py,
``Portal(articles=N)``: the reports of bench/archive.py, one district's official communes, their
bodies and officials recurring over 2015–2025), served on 127.0.0.1 with no politeness delay,
into an empty store:

- the first harvest (``polgraph harvest --json``, a separate process): seconds, pages per second
  fetched + archived + stored, the work per page, and the process's peak memory;
- ``polgraph ingest`` of the WARC files alone: the reading and storing part of that work;
- a second harvest of the unchanged portal: what a monthly re-harvest costs when sitemaps date
  the pages and the rest answer 304.

A real harvest waits ``--delay`` seconds (1 by default) between two requests to a host: that,
not this work, bounds it. The work per page says how many hosts one machine can keep up with.

    .venv/bin/python bench/harvest.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "harvest"))

from portal import Portal  # noqa: E402

POLGRAPH = shutil.which("polgraph") or str(ROOT / ".venv" / "bin" / "polgraph")


def run(args: list[str]) -> tuple[float, dict | None, int]:
    """Seconds, the JSON it printed (if any), and the process's own peak memory in MB."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [POLGRAPH, *args], stdout=subprocess.PIPE, stderr=errors, text=True
        )
        assert process.stdout is not None
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)  # this child's own resource use
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        if process.returncode not in (0, 1):
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-2000:]
            sys.exit(f"polgraph {args[0]} failed ({process.returncode}):\n{tail}")
    try:
        document = json.loads(output)
    except json.JSONDecodeError:
        document = None
    return seconds, document, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="polgraph-bench-harvest-") as tmp,
        Portal(articles=args.articles) as portal,
    ):
        folder = Path(tmp)
        harvest = [
            "harvest",
            portal.base_url + "/",
            "--store",
            str(folder / "store"),
            "--archive",
            str(folder / "archive"),
            "--frontier",
            str(folder / "harvest.sqlite"),
            "--delay",
            "0",
            "--timeout",
            "2",
            "--max-bytes",
            "2000000",
            "--resolve",
            "portal.test:127.0.0.1",
            "--json",
        ]
        print(f"portal: {len(portal.paths.events)} event reports, {args.articles} generated")
        seconds, first, peak = run(harvest)
        assert first is not None
        pages = first["fetched"]
        archive_bytes = sum(p.stat().st_size for p in (folder / "archive").glob("*.warc.gz"))
        print(
            f"first harvest: {seconds:,.1f} s; {first['requests']:,} requests, {pages:,} pages "
            f"answered 200, {first['stored']:,} stored, {first['skipped']:,} skipped, "
            f"{first['failed']:,} failed"
        )
        print(
            f"  {pages / seconds:,.1f} pages/s fetched + archived + stored; "
            f"{1000 * seconds / pages:,.1f} ms of work a page; peak memory {peak:,} MB"
        )
        per_page = archive_bytes / pages / 1000
        print(f"  archive: {archive_bytes / 1e6:,.1f} MB, {per_page:,.1f} kB a page")

        ingest_seconds, _, ingest_peak = run(
            ["ingest", str(folder / "archive"), "--store", str(folder / "rebuilt"), "--quiet"]
        )
        print(
            f"ingest of the archive alone: {ingest_seconds:,.1f} s "
            f"({1000 * ingest_seconds / pages:,.1f} ms a page; peak memory {ingest_peak:,} MB), "
            f"so fetching and archiving took about "
            f"{1000 * max(seconds - ingest_seconds, 0) / pages:,.1f} ms a page"
        )
        portal.reset_log()
        again_seconds, again, _ = run(harvest)
        assert again is not None
        conditional = sum(
            1
            for r in portal.requests
            if "if-none-match" in r.headers or "if-modified-since" in r.headers
        )
        print(
            f"second harvest, nothing changed: {again_seconds:,.1f} s; {len(portal.requests):,} "
            f"requests ({conditional:,} conditional), {again['unchanged']:,} unchanged, "
            f"{again['stored']:,} stored"
        )


if __name__ == "__main__":
    main()
