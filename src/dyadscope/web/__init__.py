"""The dashboard and JSON API (`dyadscope serve`): FastAPI over a read-only store."""

from .app import create_app

__all__ = ["create_app"]
