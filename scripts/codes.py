"""`python -m scripts codes add|rename|remove`: change a code list everywhere it is defined.

Why: a shared code list (population, school_level, period …) is defined once per topic table in
datapackage.json, with its English and Chinese labels; adding `boarding` by hand meant ten
edits, and a forgotten one surfaces later as a schema mismatch. This command edits every
definition of the field at once (or only TABLE.FIELD's), keeps `other` last, rewrites the data
cells on a rename, refuses to remove a code a row still uses, and regenerates what is
generated from the descriptor (sql/tables.sql, docs/data-dictionary.md).

    python -m scripts codes add population boarding --en "Boarding students" --zh 寄宿生
    python -m scripts codes rename programme tuition_waiver fee_waiver
    python -m scripts codes remove programme fee_waiver
    python -m scripts codes list programme
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from pathlib import Path

from .metadata import DESCRIPTOR, ROOT, clear_cache

CODE = re.compile(r"^[a-z][a-z0-9_]*$")
# unit codes are also the number parser's row units (scripts/numbers.py): not edited from here
TIED = {"unit": "unit codes are the number parser's row units too (scripts/numbers.py ROW_UNITS, UNIT_CODES "
                "and COMPATIBLE_UNITS): edit them there and in datapackage.json together"}
# where code values are used as literals (views, checks, charts): reported after a rename or removal
USES = ("sql/views.sql", "scripts", "validation")


class CodeError(Exception):
    """A request the code lists cannot take; the message is the one-line error."""


def _load(root: Path) -> tuple[dict, str]:
    text = (root / DESCRIPTOR).read_text(encoding="utf-8")
    return json.loads(text), text


def _save(root: Path, descriptor: dict) -> None:
    (root / DESCRIPTOR).write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    clear_cache()


def definitions(descriptor: dict, spec: str) -> list[tuple[dict, dict]]:
    """(resource, field) for every code-list definition of FIELD, or of TABLE.FIELD. For FIELD,
    a field of another name whose codes and labels are the same list is a definition too."""
    table, _, name = spec.rpartition(".")
    found = [(res, f) for res in descriptor.get("resources", []) if not table or res.get("name") == table
             for f in res.get("schema", {}).get("fields", [])
             if f.get("name") == name and "enum" in f.get("constraints", {})]
    if not found:
        where = f"table {table!r}" if table else "any table"
        raise CodeError(f"no code list named {name!r} in {where} of {DESCRIPTOR}")
    if name in TIED:
        raise CodeError(TIED[name])
    if not table:   # a list repeated under another name (indicators.period_basis is the period list)
        first = found[0][1]
        same = lambda f: f["constraints"]["enum"] == first["constraints"]["enum"] and f.get("enumLabels") == first.get("enumLabels")
        found += [(res, f) for res in descriptor.get("resources", []) for f in res.get("schema", {}).get("fields", [])
                  if f.get("name") != name and "enum" in f.get("constraints", {}) and same(f)]
    return found


def _rows_using(root: Path, res: dict, field: str, code: str) -> list[int]:
    """Lines of the resource's CSV whose `field` cell is `code`."""
    path = root / res["path"]
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        if field not in header:
            return []
        k = header.index(field)
        out = []
        for record in reader:
            if len(record) > k and record[k] == code:
                out.append(reader.line_num)
        return out


def _rewrite_cells(root: Path, res: dict, field: str, old: str, new: str) -> int:
    """Replace `old` by `new` in the field's column; other cells and the quoting stay as they are
    (csv.writer's minimal quoting, what the package's files use)."""
    path = root / res["path"]
    if not path.is_file():
        return 0
    with open(path, encoding="utf-8", newline="") as fh:
        records = list(csv.reader(fh))
    if not records or field not in records[0]:
        return 0
    k = records[0].index(field)
    changed = 0
    for r in records[1:]:
        if len(r) > k and r[k] == old:
            r[k] = new
            changed += 1
    if changed:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(records)
        path.write_text(buf.getvalue(), encoding="utf-8")
    return changed


def add(root: Path, spec: str, code: str, en: str, zh: str) -> list[str]:
    """Add `code` with its labels to every definition; before `other` when the list has one."""
    if not CODE.match(code):
        raise CodeError(f"code {code!r}: lower-case letters, digits and underscores, starting with a letter")
    if not en.strip() or not zh.strip():
        raise CodeError("give both labels: --en and --zh")
    descriptor, _ = _load(root)
    found = definitions(descriptor, spec)
    if any(code in f["constraints"]["enum"] for _, f in found):
        have = [res["name"] for res, f in found if code in f["constraints"]["enum"]]
        raise CodeError(f"{code!r} is already a {spec} code (in {', '.join(have)})")
    for _, f in found:
        enum = f["constraints"]["enum"]
        enum.insert(enum.index("other") if "other" in enum else len(enum), code)
        labels = f.setdefault("enumLabels", {})
        ordered = {c: labels[c] for c in enum if c in labels}
        ordered[code] = {"en": en.strip(), "zh": zh.strip()}
        f["enumLabels"] = {c: ordered[c] for c in enum if c in ordered}
    _save(root, descriptor)
    return [f"added {code!r} to {res['name']}.{f['name']}" for res, f in found]


def rename(root: Path, spec: str, old: str, new: str) -> list[str]:
    """Rename a code in every definition (labels kept) and in every data cell that uses it."""
    if not CODE.match(new):
        raise CodeError(f"code {new!r}: lower-case letters, digits and underscores, starting with a letter")
    descriptor, _ = _load(root)
    found = definitions(descriptor, spec)
    if not any(old in f["constraints"]["enum"] for _, f in found):
        raise CodeError(f"{old!r} is not a {spec} code")
    if any(new in f["constraints"]["enum"] for _, f in found):
        raise CodeError(f"{new!r} is already a {spec} code")
    out = []
    for res, f in found:
        enum = f["constraints"]["enum"]
        if old not in enum:
            continue
        enum[enum.index(old)] = new
        if "enumLabels" in f:
            f["enumLabels"] = {(new if c == old else c): v for c, v in f["enumLabels"].items()}
        n = _rewrite_cells(root, res, f["name"], old, new)
        out.append(f"renamed {old!r} to {new!r} in {res['name']}.{f['name']} and {n} row(s) of {res['path']}")
    _save(root, descriptor)
    return out + _mentions(root, old)


def remove(root: Path, spec: str, code: str) -> list[str]:
    """Remove a code from every definition; refused while any row uses it."""
    descriptor, _ = _load(root)
    found = definitions(descriptor, spec)
    if not any(code in f["constraints"]["enum"] for _, f in found):
        raise CodeError(f"{code!r} is not a {spec} code")
    used = [f"{res['path']}:{line}" for res, f in found for line in _rows_using(root, res, f["name"], code)]
    if used:
        more = f" and {len(used) - 5} more" if len(used) > 5 else ""
        raise CodeError(f"{code!r} is used by {len(used)} row(s) ({', '.join(used[:5])}{more}): recode them first "
                        f"(or rename the code)")
    for _, f in found:
        if code in f["constraints"]["enum"]:
            f["constraints"]["enum"].remove(code)
            f.get("enumLabels", {}).pop(code, None)
    _save(root, descriptor)
    return [f"removed {code!r} from {res['name']}.{f['name']}" for res, f in found] + _mentions(root, code)


def _mentions(root: Path, code: str) -> list[str]:
    """Places in SQL and code that quote the code as a literal: to update by hand."""
    pattern = re.compile(rf"['\"]{re.escape(code)}['\"]")
    out = []
    for rel in USES:
        base = root / rel
        files = [base] if base.is_file() else sorted(base.rglob("*.py")) + sorted(base.rglob("*.sql")) if base.is_dir() else []
        for path in files:
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if pattern.search(line):
                    out.append(f"note: {path.relative_to(root)}:{n} still mentions {code!r}")
    return out


def regenerate(root: Path) -> list[str]:
    """Rewrite the files generated from the descriptor (the `generate` subcommand's outputs)."""
    from . import ddl, dictionary
    outputs = {"sql/tables.sql": ddl.render(root), "docs/data-dictionary.md": dictionary.render(root)}
    for rel, text in outputs.items():
        (root / rel).write_text(text, encoding="utf-8")
    return [f"wrote {rel}" for rel in outputs]


def listing(root: Path, spec: str) -> list[str]:
    descriptor, _ = _load(root)
    found = definitions(descriptor, spec)
    res, f = found[0]
    labels = f.get("enumLabels", {})
    where = ", ".join(r["name"] for r, _ in found)
    return [f"{spec} ({where}):"] + [f"  {c}  {labels.get(c, {}).get('en', '')} / {labels.get(c, {}).get('zh', '')}"
                                     for c in f["constraints"]["enum"]]


# ---------------------------------------------------------------- command line

def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of the `codes` subcommand (mounted by scripts/cli.py)."""
    p.add_argument("--root", type=Path, default=ROOT, help="package root (default: this repository)")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = sub.add_parser("add", help="add a code to every definition of FIELD (or TABLE.FIELD)")
    a.add_argument("field", help="field name, e.g. population, or table.field, e.g. subsidies.programme")
    a.add_argument("code")
    a.add_argument("--en", required=True, help="English label")
    a.add_argument("--zh", required=True, help="Chinese label")
    r = sub.add_parser("rename", help="rename a code in every definition and every data row")
    r.add_argument("field")
    r.add_argument("old")
    r.add_argument("new")
    d = sub.add_parser("remove", help="remove a code no row uses")
    d.add_argument("field")
    d.add_argument("code")
    ls = sub.add_parser("list", help="print a code list with its labels")
    ls.add_argument("field")


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "list":
            print("\n".join(listing(args.root, args.field)))
            return 0
        if args.action == "add":
            lines = add(args.root, args.field, args.code, args.en, args.zh)
        elif args.action == "rename":
            lines = rename(args.root, args.field, args.old, args.new)
        else:
            lines = remove(args.root, args.field, args.code)
    except CodeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(lines + regenerate(args.root)))
    return 0
