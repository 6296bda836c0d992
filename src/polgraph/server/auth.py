"""The write token: routes that change the store require it as ``Authorization: Bearer …``."""

from __future__ import annotations

import hmac

from fastapi import Request

from polgraph.server.deps import SettingsDep
from polgraph.server.errors import ApiError

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="polgraph"'}


def require_writer(request: Request, settings: SettingsDep) -> None:
    """401 without a bearer token, 403 with a wrong one; 404 when the server has no token, as
    the write routes then do not exist."""
    expected = settings.write_token
    if not expected:
        raise ApiError(404, "not found", "this server is read-only: it has no write token")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            401,
            "authentication required",
            "send the write token as 'Authorization: Bearer <token>'",
            headers=_CHALLENGE,
        )
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(403, "forbidden", "the write token is not valid", headers=_CHALLENGE)
