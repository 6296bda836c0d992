"""Whether an answer has the shape of the example that documents it: the check that the
OpenAPI examples of ``/api`` and ``/api/analytics`` are real answers."""

from __future__ import annotations


def same_shape(documented, real, where: str = "", *, null_nodes: bool = False) -> None:
    """The documented answer has the keys the real one has, all the way down. With
    ``null_nodes``, a node the example shows may be null in a real answer (an event's fact is
    about no person)."""
    if isinstance(documented, dict) and not (null_nodes and real is None):
        assert isinstance(real, dict) and set(documented) == set(real), (
            where,
            set(documented) ^ set(real),
        )
        for key in documented:
            same_shape(documented[key], real[key], f"{where}.{key}", null_nodes=null_nodes)
    elif isinstance(documented, list) and documented and real:
        same_shape(documented[0], real[0], f"{where}[0]", null_nodes=null_nodes)
