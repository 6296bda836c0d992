"""Researchers' corrections to person identities, read from YAML (``data/identity.yaml``)::

    same:                        # these mentions are one person
      - persons:
          - {name: "Nguyễn Văn A", report: d001}
          - {name: "Nguyễn Văn Á", report: d007}
        note: "the name is misspelt in d007"
    different:                   # these mentions are different people
      - persons:
          - {name: "Lê Văn B", report: d002}
          - {mention: "https://w3id.org/polgraph/id/person/le-van-b-…"}
        note: "namesakes"

Both sections are optional lists of assertions; an assertion has ``persons`` (two or more
selectors) and an optional text ``note``, which ``polgraph identity explain`` shows. A selector is
either ``{name, report}`` (the name as written, compared by its normalised key, and the report's
key: quote keys that look like numbers) or ``{mention: IRI}`` (the report's own node for the
person), never both. A selector that matches nothing is skipped: it may be about a report not
ingested yet; one that matches several mentions in a report stands for all of them. A ``same``
joins every pair of the listed persons, a ``different`` keeps every pair apart, and where the two
contradict, ``different`` wins.

A missing or empty file means no corrections. Anything else that is not this shape is refused
with an ``InputError`` naming the entry, e.g. ``same[2].persons[1]: needs name and report, or
mention``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from polgraph.errors import InputError
from polgraph.extract.structured import load_yaml
from polgraph.text.normalise import name_key

if TYPE_CHECKING:
    from polgraph.identity.persons import Mention

_KINDS = ("same", "different")


@dataclass(frozen=True)
class Selector:
    name: str | None = None
    report: str | None = None
    mention: str | None = None

    def matches(self, m: Mention) -> bool:
        if self.mention is not None:
            return m.iri == self.mention
        return m.report == self.report and m.name_key == name_key(self.name or "")


@dataclass(frozen=True)
class Assertion:
    persons: tuple[Selector, ...]
    note: str = ""


@dataclass(frozen=True)
class Overrides:
    same: tuple[Assertion, ...] = field(default_factory=tuple)
    different: tuple[Assertion, ...] = field(default_factory=tuple)

    def resolve(
        self, mentions: Iterable[Mention]
    ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
        """The assertions as pairs of mention IRIs with their note: (same pairs, different pairs),
        each pair ordered and the lists sorted. A selector matching nothing is left out; one
        matching several mentions (one name twice in a report) stands for all of them."""
        by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
        known: set[str] = set()
        for m in mentions:
            by_name[(m.report, m.name_key)].append(m.iri)
            known.add(m.iri)

        def matched(s: Selector) -> list[str]:
            if s.mention is not None:
                return [s.mention] if s.mention in known else []
            return by_name.get((s.report or "", name_key(s.name or "")), [])

        def pairs(assertions: tuple[Assertion, ...]) -> list[tuple[str, str, str]]:
            out: set[tuple[str, str, str]] = set()
            for assertion in assertions:
                groups = [group for group in map(matched, assertion.persons) if group]
                for left, right in combinations(groups, 2):
                    out.update(
                        (min(a, b), max(a, b), assertion.note or "asserted")
                        for a in left
                        for b in right
                        if a != b
                    )
            return sorted(out)

        return pairs(self.same), pairs(self.different)


def _selector(item: Any, where: str, source: str) -> Selector:
    if not isinstance(item, dict):
        raise InputError(source, f"{where}: a person is a mapping such as {{name: …, report: …}}")
    unknown = set(item) - {"name", "report", "mention"}
    if unknown:
        raise InputError(source, f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    if "mention" in item:
        if "name" in item or "report" in item:
            raise InputError(source, f"{where}: give either mention, or name and report, not both")
        if not (isinstance(item["mention"], str) and item["mention"].strip()):
            raise InputError(source, f"{where}: mention must be a mention's IRI")
        return Selector(mention=item["mention"].strip())
    name, report = item.get("name"), item.get("report")
    if not (
        isinstance(name, str)
        and name.strip()
        and isinstance(report, (str, int))
        and str(report).strip()
    ):
        raise InputError(source, f"{where}: needs name and report, or mention")
    return Selector(name=name.strip(), report=str(report).strip())


def parse_overrides(document: Any, source: str) -> Overrides:
    if document is None:
        return Overrides()
    if not isinstance(document, dict):
        raise InputError(source, "expected a mapping with 'same' and/or 'different' lists")
    unknown = set(document) - set(_KINDS)
    if unknown:
        raise InputError(
            source,
            f"unknown section(s) {', '.join(sorted(map(str, unknown)))}; "
            "expected 'same' and 'different'",
        )
    parsed: dict[str, tuple[Assertion, ...]] = {}
    for kind in _KINDS:
        entries = document.get(kind)
        entries = [] if entries is None else entries
        if not isinstance(entries, list):
            raise InputError(source, f"{kind}: expected a list of assertions")
        assertions = []
        for index, entry in enumerate(entries):
            where = f"{kind}[{index}]"
            if not isinstance(entry, dict):
                raise InputError(
                    source,
                    f"{where}: an assertion is a mapping with 'persons' and an optional 'note'",
                )
            unknown = set(entry) - {"persons", "note"}
            if unknown:
                raise InputError(
                    source,
                    f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
                    "an assertion has 'persons' and an optional 'note'",
                )
            note = entry.get("note")
            if note is not None and not isinstance(note, str):
                raise InputError(source, f"{where}.note: expected text")
            persons = entry.get("persons")
            if not isinstance(persons, list) or len(persons) < 2:
                raise InputError(source, f"{where}.persons: needs at least two persons")
            selectors = tuple(
                _selector(p, f"{where}.persons[{i}]", source) for i, p in enumerate(persons)
            )
            assertions.append(Assertion(selectors, (note or "").strip()))
        parsed[kind] = tuple(assertions)
    return Overrides(same=parsed["same"], different=parsed["different"])


def load_overrides(path: Path | None) -> Overrides:
    """The corrections in ``path``; none when there is no such file."""
    if path is None or not path.exists():
        return Overrides()
    try:
        document = load_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"not readable YAML: {exc}") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    return parse_overrides(document, str(path))
