"""The API's documentation page, ``/docs`` (Swagger UI), made by FastAPI with its script and
style served from the fastapi-offline package under ``/docs/assets``: it works on a machine with
no internet, and nothing of it is copied into the repository. It carries a Content Security
Policy allowing its own start-up script by its hash (``polgraph.server.headers.docs_policy``).

ReDoc is not served: as the package ships it, it always loads its maker's logo from their CDN.
``/redoc`` leads to ``/docs``.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from polgraph.server.headers import docs_policy

ASSETS = "/docs/assets"
FAVICON = "/static/favicon.svg"  # the pages' own icon (polgraph.server.web)


def install(app: FastAPI) -> None:
    """Add ``/docs``, its assets and ``/redoc``'s redirection to ``app``, made with ``docs_url``
    and ``redoc_url`` None so that FastAPI's own, which load their assets from a CDN, are
    absent."""
    openapi_url = app.openapi_url or "/openapi.json"
    app.mount(ASSETS, StaticFiles(packages=[("fastapi_offline", "static")]), name="docs-assets")
    router = APIRouter(include_in_schema=False)

    @router.get("/docs")
    def swagger_ui() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} – API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=FAVICON,
            oauth2_redirect_url=None,  # the API has no OAuth flow
            swagger_ui_parameters=app.swagger_ui_parameters,
        )
        return _policed(page)

    @router.get("/redoc")
    def redoc() -> RedirectResponse:
        return RedirectResponse("/docs", status_code=308)

    app.include_router(router)


def _policed(page: HTMLResponse) -> HTMLResponse:
    page.headers["content-security-policy"] = docs_policy(bytes(page.body).decode("utf-8"))
    return page
