"""Briefs to send to a colleague (`dyadscope report`): one self-contained HTML or Markdown file."""

from .brief import Brief, build_brief, write_brief

__all__ = ["Brief", "build_brief", "write_brief"]
