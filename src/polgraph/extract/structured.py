"""Read a structured report (JSON or YAML in the extraction schema) from disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from polgraph.errors import InputError
from polgraph.extract.schema import Extraction

STRUCTURED_SUFFIXES = (".json", ".yaml", ".yml")
MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 32  # the extraction schema nests six levels; deeper data would stop a batch later on


def _deeper_than(obj: Any, limit: int) -> bool:
    """Whether lists and mappings nest more than ``limit`` levels (walked without recursion)."""
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = (
            value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        )
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _describe(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"{where}: {item['msg']}")
    return "; ".join(lines)


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without aliases: "*name" repeats a node by reference, so a few hundred bytes of
    nested aliases ("billion laughs") unfold into gigabytes. A report never needs one."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not read: write the value out", event.start_mark
            )
        return super().compose_node(parent, index)


def load_yaml(text: str) -> Any:
    """A YAML document, aliases refused (see ``_NoAliasLoader``)."""
    return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader that also refuses aliases


def parse_structured(data: bytes, source: str, suffix: str) -> Extraction:
    if not data.strip():
        raise InputError(source, "the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(source, f"the file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not UTF-8 (byte {exc.start} cannot be decoded)") from None
    try:
        obj = json.loads(text) if suffix == ".json" else load_yaml(text)
    except RecursionError:
        raise InputError(source, "nested too deep to read") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            source, f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(source, f"not valid YAML: {exc}") from None
    if not isinstance(obj, dict):
        raise InputError(source, "a structured report is one JSON/YAML object (a mapping)")
    if _deeper_than(obj, MAX_DEPTH):
        raise InputError(source, f"nested deeper than {MAX_DEPTH} levels; a report nests a few")
    try:
        return Extraction.model_validate(obj)
    except ValidationError as exc:
        raise InputError(source, f"does not fit the extraction schema: {_describe(exc)}") from None


def load_structured(path: Path) -> Extraction:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from None
    return parse_structured(data, str(path), path.suffix.lower())
