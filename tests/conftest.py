"""Shared fixtures: a temporary copy of the real package that a test may corrupt."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def col(table: str, field: str) -> int:
    """1-based CSV column of `field` in `table`, read from datapackage.json, so expected error
    locations follow the schema when columns are added."""
    import json
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in descriptor["resources"] if r["name"] == table)["schema"]["fields"]
    return 1 + [f["name"] for f in fields].index(field)


def width(table: str) -> int:
    """Number of columns of `table` in datapackage.json."""
    import json
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    return len(next(r for r in descriptor["resources"] if r["name"] == table)["schema"]["fields"])

# A small, valid set of rows taken from the Shangrao 2020 report (sources/000_...txt),
# values worked out by hand from the printed figures.
GOOD_SUBSIDIES = [
    dict(id="shangrao2020-sub-901", region_code="361100", year="2020", period="first_half", kind="actual",
         indicator="recipients", programme="all_programmes", school_level="all", population="all",
         value="220051", unit="person_time", qualifier="exact", printed="220051人次", source_id="shangrao2020",
         quote="上半年全市共资助各学段学生220051人次"),
    dict(id="shangrao2020-sub-902", region_code="361100", year="2020", period="first_half", kind="actual",
         indicator="amount", programme="all_programmes", school_level="all", population="all",
         value="127510980", unit="yuan", qualifier="exact", printed="12751.098万元", source_id="shangrao2020",
         quote="发放资助金12751.098万元；其中"),
    dict(id="shangrao2020-sub-903", region_code="361100", year="2020", period="first_half", kind="actual",
         indicator="recipients", programme="all_programmes", school_level="all", population="registered_poor",
         value="109233", unit="person_time", qualifier="exact", printed="109233人次", source_id="shangrao2020",
         quote="其中资助建档立卡家庭学生109233人次", parent_id="shangrao2020-sub-901"),
]


class Package:
    """A copy of the package in a temporary folder, with helpers to edit its CSVs."""

    def __init__(self, root: Path):
        self.root = root

    def header(self, table: str) -> list[str]:
        with open(self.root / "data" / f"{table}.csv", encoding="utf-8", newline="") as fh:
            return next(csv.reader(fh))

    def write_rows(self, table: str, rows: list[dict]) -> None:
        header = self.header(table)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in header})
        (self.root / "data" / f"{table}.csv").write_text(buf.getvalue(), encoding="utf-8")

    def read_rows(self, table: str) -> list[dict]:
        with open(self.root / "data" / f"{table}.csv", encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    def edit(self, table: str, row: int, **changes) -> None:
        """Change cells of data row `row` (0-based) of a table."""
        rows = self.read_rows(table)
        rows[row].update(changes)
        self.write_rows(table, rows)

    def problems(self, keep_ledger: bool = False) -> list[str]:
        """Problems of the package. Unless `keep_ledger`, the coverage ledger is first rebuilt to
        exclude whatever the current rows do not curate, so a test of another check sees only
        that check's problems; ledger tests pass keep_ledger=True."""
        from validation.run import validate
        if not keep_ledger:
            self.write_rows("coverage_exclusions", _ledger_for(self.root, self._topic_rows()))
        return [p.plain() for p in validate(self.root)]

    def _topic_rows(self) -> list[dict]:
        from scripts.metadata import topic_tables
        rows = []
        for t in topic_tables():
            try:
                rows += self.read_rows(t.name)
            except (UnicodeDecodeError, StopIteration, OSError, KeyError):
                pass   # a test corrupted this file on purpose
        return rows


def copy_package(dest: Path) -> Package:
    for name in ("datapackage.json",):
        shutil.copy2(ROOT / name, dest / name)
    for folder in ("data", "sources"):
        shutil.copytree(ROOT / folder, dest / folder)
    return Package(dest)


@pytest.fixture
def package(tmp_path) -> Package:
    """The real package with its topic tables replaced by a few known-good rows."""
    pkg = copy_package(tmp_path)
    from scripts.metadata import topic_tables
    for t in topic_tables():
        pkg.write_rows(t.name, [])
    pkg.write_rows("subsidies", GOOD_SUBSIDIES)
    pkg.write_rows("indicator_rules", [])   # the real rules would match none of these few rows
    pkg.write_rows("coverage_exclusions", _ledger_for(pkg.root, GOOD_SUBSIDIES))
    return pkg


def _ledger_for(root: Path, rows: list[dict]) -> list[dict]:
    """Fixture set-up: a ledger excluding every expression the given rows do not curate, so
    that tests of other checks start from a fully accounted package."""
    from scripts.source_text import SourceTextError, read_source_text
    from validation.coverage import cover
    from validation.passages import check
    passages = {}
    with open(root / "data" / "coverage_passages.csv", encoding="utf-8", newline="") as fh:
        for i, p in enumerate(csv.DictReader(fh)):
            passages.setdefault(p["source_id"], []).append(
                (i, {**p, "char_start": int(p["char_start"]), "char_end": int(p["char_end"])}))
    out = []
    with open(root / "data" / "sources.csv", encoding="utf-8", newline="") as fh:
        for src in csv.DictReader(fh):
            try:
                text = read_source_text(src, root)
            except SourceTextError:
                continue   # a test made this source unreadable on purpose
            mine = [r for r in rows if r.get("source_id") == src["id"]]
            valid, _ = check(src["id"], text, passages.get(src["id"], []))
            for c in cover(src["id"], src["path"], text, mine, [], valid).unaccounted:
                out.append(dict(source_id=src["id"], char_offset=str(c.offset), text=c.text, reason="vague"))
    return out


@pytest.fixture
def real_package(tmp_path) -> Package:
    """An unmodified copy of the real package."""
    return copy_package(tmp_path)


@pytest.fixture(scope="session")
def real_build(tmp_path_factory):
    """One build of the real package shared by the tests that only read its outputs (views, panel,
    loader, release, Parquet, explorer): a build takes seconds, and they must not change what it wrote."""
    from scripts.build import build
    return build(ROOT, tmp_path_factory.mktemp("real_build"), with_release=True)
