"""The exceptions polgraph raises. Library code raises these; only the CLI and the web app turn
them into exit codes or HTTP statuses.

    PolgraphError
    ├── InputError          a report file cannot be read or does not fit the schema
    ├── ValidationFailed    a report's graph breaks the SHACL shapes (carries the messages)
    ├── StoreError          the store cannot be opened or written
    └── QueryError          a named query is unknown, malformed, or given bad parameters
"""

from __future__ import annotations

from dataclasses import dataclass, field


class PolgraphError(Exception):
    """Base of every error polgraph raises on purpose."""


class InputError(PolgraphError):
    """A report cannot be read: missing, not UTF-8, not JSON/YAML, or not in the schema."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


@dataclass(frozen=True)
class ShapeMessage:
    """One SHACL result, in words a person can act on."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str
    path: str | None
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = f"{self.focus}" + (f" ({self.path})" if self.path else "")
        value = f" [value: {self.value}]" if self.value is not None else ""
        return f"{self.severity}: {self.message} — {where}{value}"


@dataclass
class ValidationFailed(PolgraphError):
    source: str
    messages: list[ShapeMessage] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(f"{self.source}: rejected by the shapes ({len(self.messages)} problem(s))")


class StoreError(PolgraphError):
    """The store cannot be opened (missing, locked by another process) or written."""


class QueryError(PolgraphError):
    """A named query is unknown, its header is malformed, or a parameter is wrong."""
