"""docs/data-dictionary.md generated from datapackage.json."""
from __future__ import annotations

from pathlib import Path

from .metadata import ROOT, load_descriptor, enum_labels, tables

WARNINGS = [
    "Rows with `parent_id` are parts of another row's total: never sum them with that row.",
    "`kind` separates actuals from targets/plans and standards/norms: filter on `kind = 'actual'` before comparing outcomes.",
    "`unit` keeps persons (`person`) and person-times (`person_time`) apart: do not add one to the other.",
    "`qualifier` marks figures printed as 'at least' (余, 多, 以上) or 'approximately' (近, 约): they are lower bounds or estimates.",
    "Percentages are stored as printed (79.25 means 79.25%); gross enrolment rates can exceed 100.",
    "A row with `repair_rule` had a damaged printed figure; `printed` and `quote` are verbatim, `value` is the repaired figure.",
    "To compare regions or years, use the view `indicator_panel`: it adds only rows that meet an indicator's definition (unit, period basis, programme or channel) and marks rollups and figures that are not comparable.",
]


def _cell(text) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def render(root: Path = ROOT) -> str:
    desc = load_descriptor(root)
    out = ["# Data dictionary", "",
           "Generated from `datapackage.json` by `python -m scripts generate`; do not edit by hand.", "",
           f"**{desc['title']}** / {desc.get('titleZh', '')}, version {desc['version']}.", "",
           desc["description"], "", "## Usage warnings", ""]
    out += [f"- {w}" for w in WARNINGS] + [""]
    for t in tables(root):
        r = t.resource
        out += [f"## `{t.name}`: {r['title']} / {r.get('titleZh', '')}", "", r["description"], "",
                r.get("descriptionZh", ""), "", f"File: `{t.path}`. Primary key: `{', '.join(t.primary_key)}`.", ""]
        for fk in t.foreign_keys:
            ref = fk["reference"]
            out.append(f"- `{', '.join(fk['fields'])}` refers to `{ref['resource'] or t.name}.{', '.join(ref['fields'])}`")
        out += ["", "| field | type | required | title | 中文 | description | constraints |", "|---|---|---|---|---|---|---|"]
        for f in t.fields:
            cons = {k: v for k, v in f.get("constraints", {}).items() if k not in ("required", "enum")}
            if "enum" in f.get("constraints", {}):
                cons["codes"] = "see below"
            out.append("| " + " | ".join(_cell(x) for x in (
                f"`{f['name']}`", f.get("type", "string"), "yes" if f.get("constraints", {}).get("required") else "",
                f.get("title"), f.get("titleZh"), f"{f.get('description', '')} {f.get('descriptionZh', '')}",
                ", ".join(f"{k}: {v}" for k, v in cons.items()))) + " |")
        for f in t.fields:
            labels = enum_labels(f)
            if labels:
                out += ["", f"Codes of `{t.name}.{f['name']}`:", "", "| code | English | 中文 |", "|---|---|---|"]
                out += [f"| `{c}` | {_cell(l.get('en'))} | {_cell(l.get('zh'))} |" for c, l in labels.items()]
        out.append("")
    from .build import PERSISTED
    from .viewdocs import dictionary_section
    out += dictionary_section(root, PERSISTED)
    return "\n".join(out)
