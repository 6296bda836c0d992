"""Reading quality on the shared corpora: for each, the scorer's table and the count of errors by
kind, so that a regression shows where it is.

Reads every report of ``../shared/real-corpus`` and ``../shared/dev-corpus`` (absent: said, and
skipped), writes the extraction JSON to a temporary folder, runs the corpus's own scorer
(``../shared/tools/score_extraction.py``) on it, then compares each person's roles with the gold
to sort the misses:

- a title that runs past its end (the reader's title begins with the gold's and goes on),
- a title left short (the gold's begins with the reader's: a locality not completed),
- an abbreviation left (a word of two or more capitals in the reader's title),
- an election result read as a title ("được bầu", "tái cử", "giữ chức"),
- a person missed, a person invented, another title (none of the above);

and counts the event dates and kinds that differ.

    .venv/bin/python bench/quality.py [--corpus real|dev|all] [--only r001-r030]

``--only`` narrows the real corpus to a range of its reports.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

from polgraph.extract.reader import Reader
from polgraph.extract.source import load_source

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = {"real": SHARED / "real-corpus", "dev": SHARED / "dev-corpus"}
# not a roman numeral ("Phòng Nghiệp vụ II")
_CAPITALS = re.compile(r"\b(?![IVXLCDM]+\b)[A-ZĐ]{2,}\b")
_ELECTION = re.compile(r"được bầu|tái cử|giữ chức|trúng cử")


def _key(text: str) -> str:
    return " ".join(
        unicodedata.normalize("NFC", text).replace("Uỷ", "Ủy").replace("uỷ", "ủy").lower().split()
    )


def _title(role: dict) -> str:
    post, org = role.get("post") or "", role.get("org") or ""
    # As the scorer: words the body repeats from the post are counted once.
    org_words = org.split()
    post_words = post.split()
    overlap = 0
    for size in range(min(len(post_words), len(org_words)), 0, -1):
        if [w.lower() for w in post_words[-size:]] == [w.lower() for w in org_words[:size]]:
            overlap = size
            break
    return _key(" ".join(post_words + org_words[overlap:]))


def _kind_of_miss(predicted: str, gold: set[str]) -> str:
    if any(predicted.startswith(g) and predicted != g for g in gold):
        return "title runs past its end"
    if any(g.startswith(predicted) and predicted != g for g in gold):
        return "title left short (locality not completed)"
    if _ELECTION.search(predicted):
        return "election result as a title"
    return "other wrong title"


def categories(gold_dir: Path, predicted_dir: Path, stems: list[str]) -> Counter:
    counts: Counter = Counter()
    for stem in stems:
        gold = json.loads((gold_dir / f"{stem}.json").read_text(encoding="utf-8"))
        found = predicted_dir / f"{stem}.json"
        predicted = (
            json.loads(found.read_text(encoding="utf-8"))
            if found.exists()
            else {"persons": [], "event": {}}
        )
        gold_people = {
            _key(p["name"]): {_title(r) for r in p.get("roles", [])}
            for p in gold.get("persons", [])
        }
        for person in predicted.get("persons", []):
            name = _key(person["name"])
            if name not in gold_people:
                counts["person invented"] += 1
                continue
            wanted = gold_people[name]
            for role in person.get("roles", []):
                title = _title(role)
                if title in wanted:
                    continue
                raw = f"{role.get('post') or ''} {role.get('org') or ''}"
                counts[
                    "abbreviation left" if _CAPITALS.search(raw) else _kind_of_miss(title, wanted)
                ] += 1
        named = {_key(p["name"]) for p in predicted.get("persons", [])}
        missed = sum(1 for name in gold_people if name not in named)
        if missed:
            counts["person missed"] += missed
        gold_event, event = gold.get("event", {}), predicted.get("event", {})
        if gold_event.get("date") and gold_event["date"] != event.get("date"):
            counts["event date wrong or missing"] += 1
        if gold_event.get("kind") and gold_event["kind"] != event.get("kind"):
            counts["event kind wrong"] += 1
    return counts


def _in_range(stem: str, only: str | None) -> bool:
    if not only:
        return True
    first, _, last = only.partition("-")
    return first <= stem <= (last or first)


def score(name: str, corpus: Path, only: str | None) -> None:
    reports = [r for r in sorted((corpus / "reports").glob("*.txt")) if _in_range(r.stem, only)]
    reader = Reader()
    with tempfile.TemporaryDirectory(prefix="polgraph-quality-") as tmp:
        out, gold = Path(tmp) / "predicted", Path(tmp) / "gold"
        out.mkdir()
        gold.mkdir()
        t0 = time.perf_counter()
        for report in reports:
            try:
                extraction = reader.read(load_source(report), report_id=report.stem)
            except Exception as exc:  # noqa: BLE001 - a report the reader fails on is counted, never the end
                print(f"  {report.name}: the reader failed: {exc}", flush=True)
                continue
            (out / f"{report.stem}.json").write_text(extraction.model_dump_json(), encoding="utf-8")
            (gold / f"{report.stem}.json").write_bytes(
                (corpus / "gold" / f"{report.stem}.json").read_bytes()
            )
        seconds = time.perf_counter() - t0
        print(f"\n{name} corpus: {len(reports)} reports read in {seconds:.1f} s", flush=True)
        done = subprocess.run(
            [sys.executable, str(SHARED / "tools" / "score_extraction.py"), str(gold), str(out)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        print(done.stdout.rstrip() or done.stderr.rstrip())
        counts = categories(gold, out, [r.stem for r in reports])
        print("errors by kind:")
        for kind, count in counts.most_common():
            print(f"  {kind:45s} {count:4d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("real", "dev", "all"), default="all")
    parser.add_argument("--only", help="a range of the real corpus's reports, as r001-r030")
    args = parser.parse_args()
    for name, corpus in CORPORA.items():
        if args.corpus not in ("all", name):
            continue
        if not corpus.is_dir():
            print(
                f"{name} corpus: {corpus} is absent (it lies "
                "beside the repository only where it is shared)"
            )
            continue
        score(name, corpus, args.only if name == "real" else None)


if __name__ == "__main__":
    main()
