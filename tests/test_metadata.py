"""datapackage.json is the single source of truth: its own consistency, and generated files kept in step."""
import subprocess
import sys

from scripts import ddl, dictionary
from scripts.metadata import ROOT, load_descriptor, tables, topic_tables


def test_every_resource_is_tabular_with_bilingual_fields():
    for t in tables():
        assert t.resource["profile"] == "tabular-data-resource", t.name
        assert not t.path.startswith(("/", "..")) and "://" not in t.path
        for f in t.fields:
            for key in ("title", "titleZh", "description", "descriptionZh"):
                assert f.get(key), f"{t.name}.{f['name']} lacks {key}"
            codes = f.get("constraints", {}).get("enum")
            if codes:
                assert set(f["enumLabels"]) == set(codes), f"{t.name}.{f['name']}: every code needs a label"
                assert all(l.get("en") and l.get("zh") for l in f["enumLabels"].values())


def test_topic_tables_share_their_common_fields():
    """The format repeats shared columns per resource; they must not drift apart."""
    shared = {"id", "region_code", "year", "first_year", "period", "as_of", "kind", "school_level", "population",
              "value", "value_max", "unit", "qualifier", "printed", "source_id", "quote", "parent_id", "base_id",
              "repair_rule", "note"}
    first, *rest = topic_tables()
    for t in rest:
        for name in shared:
            assert t.field(name) == first.field(name), f"{t.name}.{name} differs from {first.name}.{name}"


def test_package_metadata():
    desc = load_descriptor()
    for key in ("name", "title", "titleZh", "description", "version", "licenses", "sources", "contributors"):
        assert desc.get(key), key


def test_generated_files_are_current():
    assert (ROOT / "sql/tables.sql").read_text(encoding="utf-8") == ddl.render(), \
        "sql/tables.sql is stale: run python -m scripts generate"
    assert (ROOT / "docs/data-dictionary.md").read_text(encoding="utf-8") == dictionary.render(), \
        "docs/data-dictionary.md is stale: run python -m scripts generate"


def test_frictionless_validate_passes():
    exe = [sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"]
    proc = subprocess.run(exe, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def test_the_catalogue_uses_the_topic_tables_codes():
    """indicators.unit and indicators.period_basis repeat the topic tables' code lists: they must
    not drift apart (a catalogue unit no row can have would match nothing)."""
    from scripts.metadata import table
    topic, catalogue = topic_tables()[0], table("indicators")
    assert catalogue.field("unit")["constraints"]["enum"] == topic.field("unit")["constraints"]["enum"]
    assert catalogue.field("unit")["enumLabels"] == topic.field("unit")["enumLabels"]
    assert catalogue.field("period_basis")["constraints"]["enum"] == topic.field("period")["constraints"]["enum"]
    assert catalogue.field("period_basis")["enumLabels"] == topic.field("period")["enumLabels"]
