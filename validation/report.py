"""A problem found by a check, located at the file, line and column a person would open."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str          # relative to the package root, e.g. data/subsidies.csv
    line: int          # 1-based physical line (the CSV header is line 1)
    column: int        # 1-based field number in CSV files, character column elsewhere
    message: str
    severity: str = "error"   # or "warning"

    def plain(self) -> str:
        tag = "" if self.severity == "error" else "warning: "
        return f"{self.path}:{self.line}:{self.column}: {tag}{self.message}"

    def github(self) -> str:
        """GitHub Actions workflow command, so the message shows on the changed line."""
        msg = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.severity} file={self.path},line={self.line},col={self.column}::{msg}"


def render(problems: list[Problem], github: bool | None = None) -> str:
    if github is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
    return "\n".join(p.github() if github else p.plain() for p in sorted(problems))
