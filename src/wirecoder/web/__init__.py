"""wirecoder's HTTP API and dashboard (FastAPI, server-rendered pages, no CDN).

``create_app(settings, db_path)`` builds the application; ``wirecoder serve``
runs it with uvicorn. See docs/web.md.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
