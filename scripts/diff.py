"""`diff BASE`: which rows of which tables changed between a git revision and the working tree.

A line diff of the CSVs is hard to review: quotes are long, columns do not line up and a
re-quoted file looks rewritten. Here every row is keyed by its table's primary key (from
datapackage.json at each side) and compared cell by cell, so a pull-request comment can say
"enrollment: 1 added, 1 removed, 1 changed (value, note)" with the old and new values.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DESCRIPTOR = "datapackage.json"
MAX_ROWS = 50     # rows listed per table and kind: a GitHub comment holds at most 65,536 characters
MAX_VALUE = 60    # characters shown of a value: quotes and notes run to hundreds
CONTEXT = 20      # characters kept before the first difference when a long value is cut


class DiffError(Exception):
    """A problem the user can fix (bad revision, not a repository, unreadable file): one line, exit 2."""


@dataclass
class TableDiff:
    """What changed in one table; keys are tuples of primary-key values."""
    name: str
    status: str = "modified"                       # "added", "removed" or "modified"
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)    # (key, [(column, old, new), ...])
    columns_added: list = field(default_factory=list)
    columns_removed: list = field(default_factory=list)
    notes: list = field(default_factory=list)      # e.g. a changed primary key

    @property
    def unchanged(self) -> bool:
        """True when there is nothing to tell a reviewer about this table."""
        return self.status == "modified" and not (
            self.added or self.removed or self.changed or self.columns_added
            or self.columns_removed or self.notes)


# --- git -------------------------------------------------------------------------------------

def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run git in the package folder; a missing git or folder becomes a DiffError, not a traceback."""
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True)
    except OSError as exc:
        raise DiffError(f"cannot run git in {root}: {exc.strerror or exc}") from None


def resolve(root: Path, base: str) -> str:
    """The commit id of `base`, checked up front so a typo gives one clear message."""
    if base.startswith("-"):   # would be read as a git option
        raise DiffError(f"{base!r} is not a git revision")
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != b"true":
        raise DiffError(f"{root} is not a git repository (diff compares a git revision with the working tree)")
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    if found.returncode != 0:
        raise DiffError(f"unknown revision {base!r} in {root} (for a remote branch, run `git fetch` first)")
    return found.stdout.decode().strip()


def read_at(root: Path, commit: str, path: str) -> bytes | None:
    """A file's bytes at `commit`, or None when it did not exist there (a table added since)."""
    spec = f"{commit}:./{path}"   # ./ = relative to root, which need not be the repository's top
    shown = _git(root, "show", spec)
    if shown.returncode == 0:
        return shown.stdout
    if _git(root, "cat-file", "-e", spec).returncode != 0:
        return None
    raise DiffError(f"git show {spec}: {shown.stderr.decode(errors='replace').strip()}")


def read_worktree(root: Path, path: str) -> bytes | None:
    """A file's bytes in the working tree, or None when absent (a table removed since)."""
    file = root / path
    return file.read_bytes() if file.is_file() else None


# --- loading ---------------------------------------------------------------------------------

def load_resources(raw: bytes | None, where: str) -> dict[str, dict]:
    """Resources by name; an absent descriptor is an empty package, so everything is 'added'."""
    if raw is None:
        return {}
    try:
        descriptor = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DiffError(f"{where}: not valid JSON ({exc})") from None
    resources = descriptor.get("resources", []) if isinstance(descriptor, dict) else []
    return {r["name"]: r for r in resources if isinstance(r, dict) and isinstance(r.get("name"), str)}


def read_table(raw: bytes | None, where: str) -> pd.DataFrame:
    """Cells as exact strings: '1.50' and '1.5', or '' and 'NA', are different data here."""
    if raw is None:
        return pd.DataFrame()
    try:
        return pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DiffError(f"{where}: cannot read CSV ({' '.join(str(exc).split())})") from None


def _fields(resource: dict | None) -> list[str]:
    """Column names of a resource's schema, in order."""
    fields = ((resource or {}).get("schema") or {}).get("fields") or []
    return [f["name"] for f in fields if isinstance(f, dict) and "name" in f]


def _primary_key(resource: dict | None) -> list[str]:
    """A primaryKey as a list: Frictionless allows a single name as a plain string."""
    key = ((resource or {}).get("schema") or {}).get("primaryKey") or []
    return [key] if isinstance(key, str) else list(key)


# --- comparing -------------------------------------------------------------------------------

def choose_key(old_res, new_res, old: pd.DataFrame, new: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The columns rows are matched on, and notes for the reader when that is not simply the
    primary key: without a usable key, whole rows are matched (changes show as remove + add)."""
    old_key, new_key = _primary_key(old_res), _primary_key(new_res)
    notes = []
    if old_res and new_res and old_key != new_key:
        notes.append(f"primary key changed from {old_key} to {new_key}")
    frames = [f for f in (old, new) if len(f.columns)]
    key = new_key or old_key
    if key and all(c in f.columns for f in frames for c in key):
        return key, notes
    common = [c for c in (new.columns if len(new.columns) else old.columns) if all(c in f.columns for f in frames)]
    notes.append(f"primary key {key} is not in both versions: rows are matched on all common columns")
    return common, notes


def keyed(frame: pd.DataFrame, key: list[str]) -> dict[tuple, dict]:
    """Rows by key tuple, in file order. Duplicate keys are the validator's business; the last wins."""
    if not len(frame.columns):
        return {}
    return {tuple(row[c] for c in key): row for row in frame.to_dict("records")}


def diff_rows(td: TableDiff, old: pd.DataFrame, new: pd.DataFrame, key: list[str]) -> None:
    """Fill added, removed and changed; only columns present at both sides are compared, since
    a column added to the schema is reported once, not as a change in every row."""
    before, after = keyed(old, key), keyed(new, key)
    td.added = [k for k in after if k not in before]
    td.removed = [k for k in before if k not in after]
    common = [c for c in new.columns if c in old.columns]
    for k, row in after.items():
        if k in before:
            cells = [(c, before[k][c], row[c]) for c in common if before[k][c] != row[c]]
            if cells:
                td.changed.append((k, cells))


def diff_table(root: Path, commit: str, base: str, name: str, old_res, new_res) -> TableDiff:
    """Compare one resource (matched by name, so a moved CSV is still the same table)."""
    status = "added" if old_res is None else "removed" if new_res is None else "modified"
    td = TableDiff(name, status)
    old_path, new_path = (r.get("path") if r else None for r in (old_res, new_res))
    old = read_table(read_at(root, commit, old_path) if isinstance(old_path, str) else None, f"{base}:{old_path}")
    new = read_table(read_worktree(root, new_path) if isinstance(new_path, str) else None, str(new_path))
    if status == "modified":
        old_fields, new_fields = _fields(old_res), _fields(new_res)
        td.columns_added = [c for c in new_fields if c not in old_fields]
        td.columns_removed = [c for c in old_fields if c not in new_fields]
    key, td.notes = choose_key(old_res, new_res, old, new)
    diff_rows(td, old, new, key)
    return td


def compare(root: Path, base: str) -> tuple[list[TableDiff], str]:
    """Every table of either side, in the working tree's order then the removed ones; and the commit."""
    root = Path(root)
    commit = resolve(root, base)
    head_raw = read_worktree(root, DESCRIPTOR)
    if head_raw is None:
        raise DiffError(f"no {DESCRIPTOR} in {root}")
    new_res = load_resources(head_raw, str(root / DESCRIPTOR))
    old_res = load_resources(read_at(root, commit, DESCRIPTOR), f"{base}:{DESCRIPTOR}")
    names = list(new_res) + [n for n in old_res if n not in new_res]
    return [diff_table(root, commit, base, n, old_res.get(n), new_res.get(n)) for n in names], commit


# --- rendering -------------------------------------------------------------------------------

def clip(text: str, start: int = 0, width: int = MAX_VALUE) -> str:
    """At most `width` characters from `start`, with … where cut; line breaks shown as ↵ so one
    value stays on one line of a list."""
    text = text.replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵")
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")


def clip_pair(old: str, new: str) -> tuple[str, str]:
    """Cut two long values so the first difference is visible: cutting both at 60 characters
    would show two identical-looking quotes when they differ near the end."""
    same = len(os.path.commonprefix([old, new]))
    start = same - CONTEXT if same > MAX_VALUE - CONTEXT else 0
    return clip(old, start), clip(new, start)


def show_key(key: tuple) -> str:
    """A key as text: the id itself, or the values of a composite key joined by ', ' (cut, since
    without a usable primary key a whole row is the key)."""
    return clip(", ".join(key))


def code(text: str) -> str:
    """A Markdown code span, so quotes and ids show verbatim (no emphasis, no HTML)."""
    if text == "":
        return "*(empty)*"
    ticks = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def cell(text: str) -> str:
    """Text for a Markdown table cell: a bare | would start a new column."""
    return text.replace("|", "\\|")


def counts(td: TableDiff) -> str:
    """'1 added, 1 removed, 1 changed' plus what happened to the table or its columns."""
    parts = [f"{len(td.added)} added", f"{len(td.removed)} removed", f"{len(td.changed)} changed"]
    if td.status != "modified":
        parts.append(f"table {td.status}")
    if td.columns_added or td.columns_removed:
        parts.append("columns " + ", ".join(["+" + c for c in td.columns_added] + ["-" + c for c in td.columns_removed]))
    return ", ".join(parts)


def more(total: int) -> list[str]:
    """The 'and N more' line for a listing capped at MAX_ROWS."""
    return [f"and {total - MAX_ROWS} more"] if total > MAX_ROWS else []


def md_section(td: TableDiff) -> list[str]:
    """A collapsible section for one changed table; GitHub needs the blank line after <summary>."""
    out = [f"<details><summary><b>{td.name}</b>: {counts(td)}</summary>", ""]
    out += [f"> {n}" for n in td.notes] + ([""] if td.notes else [])
    for label, cols in (("Columns added", td.columns_added), ("Columns removed", td.columns_removed)):
        if cols:
            out += [f"**{label}:** " + ", ".join(code(c) for c in cols), ""]
    for label, keys in (("Added", td.added), ("Removed", td.removed)):
        if keys:
            shown = ", ".join(code(show_key(k)) for k in keys[:MAX_ROWS])
            out += [f"**{label}** ({len(keys)}): {shown}" + "".join(f", {m}" for m in more(len(keys))), ""]
    if td.changed:
        out.append(f"**Changed** ({len(td.changed)}):")
        out.append("")
        for key, cells in td.changed[:MAX_ROWS]:
            out.append(f"- {code(show_key(key))}")
            out += [f"  - {c}: {code(a)} → {code(b)}" for c, o, n in cells for a, b in [clip_pair(o, n)]]
        out += [f"- {m}" for m in more(len(td.changed))] + [""]
    return out + ["</details>", ""]


def markdown(diffs: list[TableDiff], base: str, commit: str) -> str:
    """The pull-request comment: heading, summary table, then one collapsible section per table."""
    head = [f"## Data changes since `{base}` ({commit[:7]})", ""]
    changed = [td for td in diffs if not td.unchanged]
    if not changed:
        return "\n".join(head + ["No data changes."])
    out = head + ["| table | added | removed | changed |", "|---|--:|--:|--:|"]
    for td in changed:
        label = td.name + ("" if td.status == "modified" else f" ({td.status})")
        out.append(f"| {cell(label)} | {len(td.added)} | {len(td.removed)} | {len(td.changed)} |")
    same = [td.name for td in diffs if td.unchanged]
    out += [""] + ([f"Unchanged: {', '.join(same)}.", ""] if same else [])
    for td in changed:
        out += md_section(td)
    return "\n".join(out).rstrip()


def text_section(td: TableDiff) -> list[str]:
    """One changed table as indented plain text, for a terminal or a CI log."""
    out = [f"{td.name}: {counts(td)}"] + [f"  note: {n}" for n in td.notes]
    for label, keys in (("added", td.added), ("removed", td.removed)):
        out += [f"  {label}: {show_key(k)}" for k in keys[:MAX_ROWS]] + [f"  {m}" for m in more(len(keys))]
    for key, cells in td.changed[:MAX_ROWS]:
        out.append(f"  changed: {show_key(key)}")
        out += [f"    {c}: {a!r} → {b!r}" for c, o, n in cells for a, b in [clip_pair(o, n)]]
    return out + [f"  {m}" for m in more(len(td.changed))]


def text(diffs: list[TableDiff], base: str, commit: str) -> str:
    """The same report without Markdown."""
    head = [f"Data changes since {base} ({commit[:7]})"]
    changed = [td for td in diffs if not td.unchanged]
    if not changed:
        return "\n".join(head + ["No data changes."])
    width = max(len(td.name) for td in changed)
    out = head + [f"{'table':<{width}}  added  removed  changed"]
    out += [f"{td.name:<{width}}  {len(td.added):>5}  {len(td.removed):>7}  {len(td.changed):>7}" for td in changed]
    for td in changed:
        out += [""] + text_section(td)
    return "\n".join(out)


# --- command line ----------------------------------------------------------------------------

def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of `diff`, shared by `python -m scripts diff` and `python -m scripts.diff`."""
    p.add_argument("base", help="git revision to compare the working tree with, e.g. origin/main or HEAD~1")
    p.add_argument("--root", type=Path, default=ROOT, help="package root (default: this repository)")
    p.add_argument("--format", choices=["markdown", "text"], default="markdown",
                   help="markdown for a pull-request comment (default), text for a terminal")


def run(args: argparse.Namespace) -> int:
    """Print the report; 0 whether or not anything changed (the report says), 2 on a usage error."""
    try:
        diffs, commit = compare(Path(args.root), args.base)
    except DiffError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    render = text if getattr(args, "format", "markdown") == "text" else markdown
    print(render(diffs, args.base, commit))
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m scripts.diff BASE`: the same as `python -m scripts diff BASE`."""
    p = argparse.ArgumentParser(prog="python -m scripts.diff", description=__doc__.splitlines()[0])
    add_arguments(p)
    return run(p.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
