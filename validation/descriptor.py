"""datapackage.json itself: JSON syntax, the Frictionless spec, and paths that stay inside the package."""
from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path, PurePosixPath

from scripts.metadata import DESCRIPTOR

from .report import Problem


def _line_of(text: str, needle: str) -> int:
    pos = text.find(needle)
    return text.count("\n", 0, pos) + 1 if pos >= 0 else 1


CACHE = Path("build") / "validate-cache" / "descriptor.json"


def load(root: Path, use_cache: bool = False) -> tuple[dict | None, list[Problem]]:
    """Parse the descriptor; a syntax error is reported at its line and column. `use_cache`:
    the spec check's result is kept for the same descriptor text and frictionless version
    (importing frictionless alone takes half a second)."""
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
    problems = _cached_spec_problems(root, desc, text) if use_cache else spec_problems(desc, text)
    return desc, problems + path_problems(desc, text, root)


def _cached_spec_problems(root: Path, desc: dict, text: str) -> list[Problem]:
    key = hashlib.sha256((version("frictionless") + "\0" + text).encode("utf-8")).hexdigest()
    file = root / CACHE
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
        if stored.get("key") == key:
            return [Problem(*p) for p in stored["problems"]]
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    problems = spec_problems(desc, text)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps({"key": key, "problems": [[p.path, p.line, p.column, p.message, p.severity]
                                                             for p in problems]}), encoding="utf-8")
    except OSError:
        pass
    return problems


def spec_problems(desc: dict, text: str) -> list[Problem]:
    """Frictionless metadata validation (the descriptor part of `frictionless validate`)."""
    from frictionless import FrictionlessException, Package
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
