"""The dashboard's and the brief's templates and static files are declared package data (they ship)."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import dyadscope

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(dyadscope.__file__).parent


def test_every_template_and_static_file_is_package_data() -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["dyadscope"]
    for folder in ("web/templates", "web/static", "report/templates"):
        files = [p for p in (PACKAGE / folder).rglob("*") if p.is_file()]
        assert files
        for path in files:
            rel = path.relative_to(PACKAGE).as_posix()
            assert any(fnmatch(rel, g) and rel.count("/") == g.count("/") for g in globs), rel
