"""datapackage.json itself: JSON syntax, the Frictionless spec, and paths that stay inside the package."""
from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from frictionless import FrictionlessException, Package

from scripts.metadata import DESCRIPTOR

from .report import Problem


def _line_of(text: str, needle: str) -> int:
    pos = text.find(needle)
    return text.count("\n", 0, pos) + 1 if pos >= 0 else 1


def load(root: Path) -> tuple[dict | None, list[Problem]]:
    """Parse the descriptor; a syntax error is reported at its line and column."""
    try:
        text = (root / DESCRIPTOR).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(DESCRIPTOR, 1, 1, "datapackage.json is missing")]
    except UnicodeDecodeError:
        return None, [Problem(DESCRIPTOR, 1, 1, "datapackage.json is not valid UTF-8")]
    try:
        desc = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem(DESCRIPTOR, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}")]
    problems = spec_problems(desc, text) + path_problems(desc, text, root)
    return desc, problems


def spec_problems(desc: dict, text: str) -> list[Problem]:
    """Frictionless metadata validation (the descriptor part of `frictionless validate`)."""
    try:
        errors = list(Package.metadata_validate(desc))
    except FrictionlessException as exc:
        return [Problem(DESCRIPTOR, 1, 1, f"not a valid Frictionless data package: {exc.error.message}")]
    return [Problem(DESCRIPTOR, 1, 1, f"not a valid Frictionless data package: {e.message}") for e in errors]


def path_problems(desc: dict, text: str, root: Path) -> list[Problem]:
    """Resource paths must be relative, inside the repository, and exist."""
    out = []
    for res in desc.get("resources", []):
        paths = res.get("path")
        for path in paths if isinstance(paths, list) else [paths]:
            if not isinstance(path, str):
                continue
            line = _line_of(text, f'"path": "{path}"')
            pure = PurePosixPath(path)
            if "://" in path or pure.is_absolute() or ".." in pure.parts or "\\" in path:
                out.append(Problem(DESCRIPTOR, line, 1, f"resource {res.get('name')!r}: path {path!r} must be a relative path inside the package"))
            elif not (root / path).resolve().is_relative_to(root.resolve()):
                out.append(Problem(DESCRIPTOR, line, 1, f"resource {res.get('name')!r}: path {path!r} leaves the package through a link"))
            elif not (root / path).is_file():
                out.append(Problem(DESCRIPTOR, line, 1, f"resource {res.get('name')!r}: file {path!r} does not exist"))
    return out
