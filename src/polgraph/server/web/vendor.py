"""Third-party browser libraries (the SPARQL editor, the network drawings), served from the npm
packages ``make install`` fetches into ``web-assets/node_modules``: never from a CDN when a page
loads, and never copied into the repository. An installation without them (no npm on the
machine, or a wheel) still serves every page: the query page falls back to a plain text box
and the networks to their pictures."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse
from starlette.exceptions import HTTPException

# The checkout's web-assets/node_modules: src/polgraph/server/web → the repository's top.
NODE_MODULES = Path(__file__).resolve().parents[4] / "web-assets" / "node_modules"

# name served under /vendor/ → the file inside node_modules (versions pinned in package.json)
ASSETS: dict[str, str] = {
    "yasgui.js": "@zazuko/yasgui/build/yasgui.min.js",
    "yasgui.css": "@zazuko/yasgui/build/yasgui.min.css",
    "cytoscape.js": "cytoscape/dist/cytoscape.min.js",
}

_MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css"}


@cache
def asset_file(name: str) -> Path | None:
    """The installed file served as ``/vendor/{name}``, or None when it is not installed."""
    inside = ASSETS.get(name)
    if inside is None:
        return None
    path = NODE_MODULES / inside
    return path if path.is_file() else None


def available(*names: str) -> bool:
    """Whether every one of ``names`` is installed, so a page can offer what they draw."""
    return all(asset_file(name) is not None for name in names)


router = APIRouter(include_in_schema=False)


@router.get("/vendor/{name}")
def vendor_asset(name: str) -> FileResponse:
    path = asset_file(name)
    if path is None:
        raise HTTPException(404, f"{name} is not installed here (make install fetches it)")
    return FileResponse(
        path,
        media_type=_MEDIA_TYPES[path.suffix],
        # pinned versions: a file never changes under its name until package.json does
        headers={"Cache-Control": "public, max-age=86400"},
    )
