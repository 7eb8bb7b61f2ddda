"""The synthetic package generator (scripts/synthetic.py): a small package passes every check,
has the rows its parameters imply, is byte-for-byte reproducible from its seed, and a
corruption of it is caught. The full-size runs are in scripts/benchmark.py, not here."""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from scripts import synthetic
from scripts.build import csv_record_count
from validation.run import validate

# rows each report contributes, fixed by the templates in synthetic.write_report
PER_REPORT = {"enrollment": 25, "subsidies": 12, "teacher_hiring": 8, "construction_projects": 10, "finance": 6}


def digest(root: Path) -> dict[str, str]:
    """Every file of the package; build/ (git-ignored output, where validate keeps its cache) is not the package."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.relative_to(root).parts[0] != "build"}


def read(root: Path, table: str) -> list[dict]:
    with open(root / "data" / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic") / "pkg"
    return synthetic.generate(root, regions=3, years=2, seed=0, verify=-1)


def test_small_package_passes_every_check(small):
    assert [p.plain() for p in validate(small.out_dir)] == []


def test_row_counts_follow_the_parameters(small):
    root = small.out_dir
    regions = read(root, "regions")
    assert len(regions) == small.regions == 3
    assert {r["level"] for r in regions} >= {"province", "prefecture"}
    # one report per region and year it exists in, within the last two years
    assert small.sources == 6 == len(list((root / "sources").glob("*.txt")))
    assert {int(r["report_year"]) for r in read(root, "sources")} == {2023, 2024}
    for table, n in PER_REPORT.items():
        assert small.rows[table] == n * small.sources == csv_record_count(root / "data" / f"{table}.csv"), table
    assert small.rows["coverage_exclusions"] == csv_record_count(root / "data" / "coverage_exclusions.csv")
    assert small.rows["coverage_exclusions"] >= 12 * small.sources


def test_rows_have_parts_bases_plans_and_qualifiers(small):
    rows = [r for t in PER_REPORT for r in read(small.out_dir, t)]
    by_id = {r["id"]: r for r in rows}
    parts = [r for r in rows if r["parent_id"]]
    assert parts and all(float(r["value"]) <= float(by_id[r["parent_id"]]["value"]) for r in parts)
    assert any(r["base_id"] and r["indicator"] == "growth_rate" for r in rows)
    assert {"exact", "at_least", "approximately", "range"} >= {r["qualifier"] for r in rows} >= {"exact", "at_least", "range"}
    assert {"actual", "target", "standard"} == {r["kind"] for r in rows}
    assert any(r["period"] == "multi_year" and r["first_year"] for r in rows)
    named = [r for r in rows if r["indicator"] == "project"]
    assert named and all(r["value"] == "" and r["project_name"] in r["quote"] for r in named)


def test_same_seed_same_bytes_other_seed_other_values(small, tmp_path):
    again = synthetic.generate(tmp_path / "again", regions=3, years=2, seed=0, verify=0)
    assert digest(again.out_dir) == digest(small.out_dir)
    other = synthetic.generate(tmp_path / "other", regions=3, years=2, seed=1, verify=0)
    assert digest(other.out_dir) != digest(small.out_dir)
    assert read(other.out_dir, "finance")[0]["value"] != read(small.out_dir, "finance")[0]["value"] \
        or read(other.out_dir, "regions") != read(small.out_dir, "regions")


def test_made_up_hierarchy_without_the_code_list(tmp_path):
    summary = synthetic.main([str(tmp_path / "made_up"), "--regions", "4", "--years", "1", "--seed", "2",
                              "--divisions", "synthetic", "--verify", "-1"])
    assert summary == 0
    regions = read(tmp_path / "made_up", "regions")
    assert [r["level"] for r in regions][:2] == ["province", "prefecture"]
    assert all(r["code"].startswith(r["parent_code"][:2]) for r in regions if r["parent_code"])
    assert [p.plain() for p in validate(tmp_path / "made_up")] == []


def test_a_corrupted_figure_is_caught(small, tmp_path):
    import shutil
    root = tmp_path / "corrupt"
    shutil.copytree(small.out_dir, root)
    rows = read(root, "finance")
    rows[0]["value"] = str(int(rows[0]["value"]) * 10)            # a forgotten 万-style slip
    with open(root / "data" / "finance.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    problems = [p.plain() for p in validate(root) if p.severity == "error"]
    assert len(problems) == 1 and problems[0].startswith("data/finance.csv:2:") and "does not equal" in problems[0]
