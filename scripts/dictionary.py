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
    out += catalogue_section(root)
    from .build import PERSISTED
    from .viewdocs import dictionary_section
    out += dictionary_section(root, PERSISTED)
    return "\n".join(out)


def catalogue_section(root: Path = ROOT) -> list[str]:
    """The indicator catalogue's content (data/indicators.csv and its rules), so a reader sees
    each definition and the rule that selects its rows without opening the CSVs."""
    import csv

    from .indicators import read_rules
    from .metadata import table
    try:
        with open(root / table("indicators", root).path, encoding="utf-8", newline="") as fh:
            indicators = list(csv.DictReader(fh))
        rules = read_rules(root)
    except (KeyError, OSError):
        return []
    out = ["## Indicator catalogue", "",
           "The content of `data/indicators.csv` and `data/indicator_rules.csv` (see the tables above); "
           "`indicator_panel` compares only the rows each rule selects, in the indicator's unit and period basis.", ""]
    for i in indicators:
        out += [f"### `{i['id']}`: {_cell(i['name_en'])} / {_cell(i['name_zh'])}", "",
                f"{_cell(i['definition_en'])} {_cell(i['definition_zh'])}", "",
                f"- Unit `{i['unit']}`, period basis `{i['period_basis']}`, "
                f"{'additive' if i['additive'] == 'true' else 'not additive (never summed)'}.",
                f"- Includes: {_cell(i['includes'])}", f"- Excludes: {_cell(i['excludes'])}"]
        if i.get("note"):
            out.append(f"- Note: {_cell(i['note'])}")
        out += [f"- Rule {r['definition']}: `{r['rule']}`" for r in rules if r["indicator"] == i["id"]]
        out.append("")
    return out
