"""One query function per view, shared by the CLI listings, the API and the dashboard."""

from .articles import ArticleFilters, list_articles

__all__ = ["ArticleFilters", "list_articles"]
