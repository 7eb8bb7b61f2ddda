"""Benchmark: validation, build and queries on synthetic packages of growing size.

One command (`python -m scripts.benchmark --sizes 5,10,20`) generates a synthetic package
(scripts/synthetic.py) for each size, then times on the same files, each step in its own
subprocess so that its wall time, CPU time and peak memory (ru_maxrss from os.wait4) are its own:

- `frictionless validate datapackage.json --json` (the reference validator);
- `python -m scripts validate --root DIR` (every check: provenance, ledger, cross-row rules);
- `scripts.build.build(DIR, DIR/build)` (DuckDB database and Parquet files);
- a panel query (`region_year_panel`, which build stores as a table) and a cross-city
  comparison query on the built database, timed inside the subprocess (query time only, not Python start-up).

It prints a Markdown table (size, rows, step, wall s, rows/s, peak MB, ratio), a growth table
(how each step's time grows with rows: exponent 1.0 is linear) with an extrapolation to the
national size, and a correctness table from a corrupted copy of the smallest package (a wrong
type, a duplicate id, a dangling foreign key, an out-of-range value, plus errors only this
package's validate can see) showing which tool finds which error. `--update-doc` writes the
tables into docs/performance.md between its result markers.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .metadata import ROOT

PY = sys.executable
DOC = ROOT / "docs" / "performance.md"
BLOCK = "benchmark-results"   # docs/performance.md: <!-- benchmark-results:start --> ... :end -->

PANEL_VIEW = "SELECT * FROM region_year_panel ORDER BY region_code, year"
# Cities of one province side by side: spending per student in each prefecture-level city and
# year, its rank among the province's cities and its ratio to the province's median city.
CROSS_CITY = """
WITH city AS (
    SELECT o.region_code, g.parent_code AS province, o.year,
           sum(o.value) FILTER (WHERE o.indicator = 'education_expenditure' AND o.parent_id IS NULL) AS spend,
           sum(o.value) FILTER (WHERE o.indicator = 'students' AND o.school_level = 'all') AS students
    FROM observations o JOIN regions g ON g.code = o.region_code
    WHERE g.level = 'prefecture' AND o.kind = 'actual'
      AND o.table_name IN ('finance', 'enrollment')
    GROUP BY ALL
)
SELECT province, region_code, year, spend / students AS yuan_per_student,
       rank() OVER (PARTITION BY province, year ORDER BY spend / students DESC) AS rank_in_province,
       (spend / students) / median(spend / students) OVER (PARTITION BY province, year) AS ratio_to_median
FROM city WHERE students > 0 ORDER BY province, year, rank_in_province
"""
QUERY_RUNNER = """
import json, sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
sql = sys.argv[2]
if sql == 'PANEL':
    sql = sys.argv[3]
    stored = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'region_year_panel'").fetchone()[0]
    name = 'region_year_panel (stored by build)' if stored else 'region_year_panel view'
else:
    name = 'cross-city comparison'
t = time.perf_counter()
rows = con.execute(sql).fetchall()
print(json.dumps({'seconds': time.perf_counter() - t, 'rows': len(rows), 'query': name}))
"""
# The database alone, as `build` makes it: sql/tables.sql, sql/views.sql, then the views build
# stores as tables (scripts.build.persist_views); no Parquet, charts or archive.
DATABASE_RUNNER = """
import os, sys, duckdb
from pathlib import Path
import scripts.build as b
root, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
out.mkdir(parents=True, exist_ok=True)
db = out / 'education.duckdb'
db.unlink(missing_ok=True)
con = duckdb.connect(str(db))
os.chdir(root)
for sql in ('sql/tables.sql', 'sql/views.sql'):
    con.execute(Path(sql).read_text(encoding='utf-8'))
b.persist_views(con)
con.close()
"""
# The whole build, with the time of its parts that are not the database (charts, release
# archive) measured by wrapping them, so the table can say where build time goes.
BUILD_RUNNER = """
import json, sys, time
from pathlib import Path
import scripts.build as b
parts = {}
def timed(module, name):
    fn = getattr(module, name, None) if module is not None else None
    if fn is None:
        return
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            parts[module.__name__.rsplit('.', 1)[-1] + '.' + name] = time.perf_counter() - t
    setattr(module, name, wrapper)
for part in ('_load_tables', 'persist_views', 'write_parquet', 'build_site'):
    timed(b, part)
timed(getattr(b, 'charts', None), 'draw_all')
timed(getattr(b, 'release', None), 'assemble')
timed(getattr(b, 'release', None), 'package_zip')
t = time.perf_counter()
b.build(Path(sys.argv[1]), Path(sys.argv[2]), validated=Path(sys.argv[3]) if len(sys.argv) > 3 else None,
        with_release=len(sys.argv) > 4 and sys.argv[4] == 'release')
parts['total'] = time.perf_counter() - t
print(json.dumps(parts))
"""


@dataclass
class Run:
    """One step as a subprocess: wall and CPU seconds, peak resident memory, exit code, output."""
    wall: float
    cpu: float
    peak_mb: float
    code: int
    stdout: str
    stderr: str


# A small process that starts the step and reports its rusage. Linux counts the memory a
# process had when it was forked into the child's ru_maxrss, so the step must not be forked
# from this (large) benchmark process itself: it is forked from this ~10 MB launcher.
LAUNCHER = """
import json, os, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
wall = time.perf_counter() - t
with open(sys.argv[1], 'w') as fh:
    json.dump({'wall': wall, 'cpu': usage.ru_utime + usage.ru_stime, 'maxrss_kb': usage.ru_maxrss,
               'code': os.waitstatus_to_exitcode(status)}, fh)
"""


def run(cmd: list[str], cwd: Path, stdout_file: Path | None = None) -> Run:
    """Run cmd through the launcher; wall and CPU time and peak memory are cmd's own."""
    import tempfile
    with tempfile.NamedTemporaryFile("w+", suffix=".json", delete=False) as fh:
        measure = Path(fh.name)
    out = open(stdout_file, "w+b") if stdout_file else subprocess.PIPE
    try:
        proc = subprocess.run([sys.executable, "-c", LAUNCHER, str(measure)] + cmd, cwd=cwd, stdout=out,
                              stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
        m = json.loads(measure.read_text() or "{}")
    finally:
        measure.unlink(missing_ok=True)
    if stdout_file:
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        out.close()
    else:
        text = proc.stdout.decode("utf-8", "replace")
    if not m:
        raise RuntimeError(f"launcher failed for {cmd}: {proc.stderr.decode('utf-8', 'replace')[-500:]}")
    return Run(m["wall"], m["cpu"], m["maxrss_kb"] / 1024, m["code"], text, proc.stderr.decode("utf-8", "replace"))


def frictionless_cmd() -> list[str]:
    exe = Path(PY).parent / "frictionless"
    return [str(exe)] if exe.exists() else [PY, "-m", "frictionless"]


def csv_rows(root: Path) -> dict[str, int]:
    out = {}
    for path in sorted((root / "data").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            out[path.stem] = max(sum(1 for _ in csv.reader(fh)) - 1, 0)
    return out


# ---------------------------------------------------------------- one size

@dataclass
class Step:
    size: str
    rows: int
    step: str
    wall: float
    cpu: float
    peak_mb: float
    ok: bool
    rows_for_rate: int
    detail: str = ""

    @property
    def rate(self) -> float:
        return self.rows_for_rate / self.wall if self.wall > 0 else math.inf


@dataclass
class SizeResult:
    regions: int
    reports: int
    rows: int
    observations: int
    steps: list[Step] = field(default_factory=list)

    def step(self, name: str) -> Step | None:
        return next((s for s in self.steps if s.step == name), None)


def _median(runs: list[Run]) -> Run:
    """The run of median wall time (its CPU time and memory with it)."""
    return sorted(runs, key=lambda r: r.wall)[(len(runs) - 1) // 2]


def _spread(runs: list[Run]) -> str:
    return f"; median of {len(runs)}: {', '.join(f'{r.wall:.1f}' for r in sorted(runs, key=lambda r: r.wall))} s" \
        if len(runs) > 1 else ""


def _warm_runs(pkg: Path, repeat: int) -> list[Run]:
    """validate with its cache after one report changed: a first run fills the cache, then each
    timed run follows an edit of one topic row's note (a different report each time)."""
    run([PY, "-m", "scripts", "validate", "--root", str(pkg)], ROOT)
    path = pkg / "data" / "enrollment.csv"
    out = []
    for k in range(repeat):
        with open(path, encoding="utf-8", newline="") as fh:
            records = list(csv.reader(fh))
        note = records[0].index("note")
        row = 1 + (k * 7919) % (len(records) - 1)
        records[row][note] = (records[row][note] + " (benchmark edit)").strip()
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(records)
        out.append(run([PY, "-m", "scripts", "validate", "--timings", "--root", str(pkg)], ROOT))
    return out


def _timings(stderr: str) -> str:
    """validate --timings' line (wall and CPU seconds per step), shortened for the table."""
    line = next((ln for ln in stderr.splitlines() if ln.startswith("timings: ")), None)
    if line is None:
        return ""
    return "; by step, wall (CPU) s: " + line.removeprefix("timings: ").replace(" s (CPU ", " (").replace(" s)", ")")


def _parts(stdout: str) -> str:
    """The build runner's timed parts (seconds), the untimed rest named `other`."""
    parts = json.loads(stdout.strip().splitlines()[-1])
    rest = parts["total"] - sum(v for k, v in parts.items() if k != "total")
    return ", ".join([f"{k.lstrip('_')} {v:.1f} s" for k, v in parts.items() if k != "total"] + [f"other {rest:.1f} s"])


def bench_size(regions: int, years: int, seed: int, work: Path, steps: set[str], log, repeat: int = 3) -> SizeResult:
    from .synthetic import NATIONAL, TOPIC_CODES, generate
    pkg = work / f"r{regions}_y{years}_s{seed}"
    started = time.perf_counter()
    summary = generate(pkg, regions=regions, years=years, seed=seed, verify=20)
    gen_wall = time.perf_counter() - started
    counts = csv_rows(pkg)
    rows = sum(counts.values())
    obs = sum(counts[t] for t in TOPIC_CODES)
    label = "national" if regions >= NATIONAL else str(summary.regions)
    res = SizeResult(summary.regions, summary.sources, rows, obs)
    log(f"[{label} regions] generated {summary.sources} reports, {rows} rows ({obs} observations) in {gen_wall:.1f} s")
    res.steps.append(Step(label, rows, "generate (not timed as a target)", gen_wall, math.nan, math.nan, True, rows))

    # frictionless and a cold validate (--no-cache) interleaved, `repeat` times each; the
    # medians are reported (the machine may be shared: interleaving spreads its load over both)
    runs: dict[str, list[Run]] = {"frictionless": [], "validate": []}
    for k in range(repeat):
        if "frictionless" in steps:
            runs["frictionless"].append(run(frictionless_cmd() + ["validate", "datapackage.json", "--json"], pkg,
                                            work / "frictionless.json"))
        if "validate" in steps:
            runs["validate"].append(run([PY, "-m", "scripts", "validate", "--no-cache", "--timings", "--root", str(pkg)], ROOT))
    if runs["frictionless"]:
        r = _median(runs["frictionless"])
        valid = _frictionless_valid(r.stdout)
        res.steps.append(Step(label, rows, "frictionless validate", r.wall, r.cpu, r.peak_mb, valid, rows,
                              ("valid" if valid else f"INVALID (exit {r.code})") + _spread(runs["frictionless"])))
        log(f"  frictionless validate: {r.wall:.1f} s, {r.peak_mb:.0f} MB, {'valid' if valid else 'INVALID'}")
    if runs["validate"]:
        r = _median(runs["validate"])
        res.steps.append(Step(label, rows, "validate (all checks)", r.wall, r.cpu, r.peak_mb, r.code == 0, rows,
                              ("valid" if r.code == 0 else f"{_first_lines(r.stdout + r.stderr)}") + _spread(runs["validate"])
                              + _timings(r.stderr)))
        log(f"  validate (cold): {r.wall:.1f} s, {r.peak_mb:.0f} MB, exit {r.code}")
        warm = _warm_runs(pkg, repeat)
        r = _median(warm)
        res.steps.append(Step(label, rows, "validate, warm: one report's row changed", r.wall, r.cpu, r.peak_mb,
                              r.code == 0, rows, ("valid" if r.code == 0 else _first_lines(r.stdout + r.stderr)) + _spread(warm)
                              + _timings(r.stderr)))
        log(f"  validate (warm, one report changed): {r.wall:.1f} s, {r.peak_mb:.0f} MB, exit {r.code}")
    if not steps & {"build", "database", "queries"}:
        return res
    out = pkg / "build"
    if "build" not in steps:
        r = run([PY, "-c", DATABASE_RUNNER, str(pkg), str(out)], ROOT)
        res.steps.append(Step(label, rows, "database only (tables.sql + views.sql + stored views)", r.wall, r.cpu, r.peak_mb,
                              r.code == 0, rows, _first_lines(r.stderr)))
        log(f"  database: {r.wall:.1f} s, {r.peak_mb:.0f} MB, exit {r.code}")
    else:
        # as `python -m scripts build` runs it: from the database its validate wrote (not timed here)
        validated = out / "validated.duckdb"
        run([PY, "-c", "import sys; from pathlib import Path; from validation.run import validate; "
                       "validate(Path(sys.argv[1]), db_file=Path(sys.argv[2]))", str(pkg), str(validated)], ROOT)
        r = run([PY, "-c", BUILD_RUNNER, str(pkg), str(out), str(validated)], ROOT)
    detail = _first_lines(r.stderr)
    if "build" in steps and r.code == 0:
        detail = _parts(r.stdout)
    if "build" in steps:
        res.steps.append(Step(label, rows, "build", r.wall, r.cpu, r.peak_mb, r.code == 0, rows, detail))
        log(f"  build: {r.wall:.1f} s, {r.peak_mb:.0f} MB, exit {r.code} ({detail})")
    if "build" in steps and "release" in steps:
        # `python -m scripts release`: the build again, with the release folder and its zip
        rel = run([PY, "-c", BUILD_RUNNER, str(pkg), str(out), str(validated), "release"], ROOT)
        res.steps.append(Step(label, rows, "release (build + release folder + zip)", rel.wall, rel.cpu, rel.peak_mb,
                              rel.code == 0, rows, _parts(rel.stdout) if rel.code == 0 else _first_lines(rel.stderr)))
        log(f"  release: {rel.wall:.1f} s, {rel.peak_mb:.0f} MB, exit {rel.code}")
    if r.code != 0 or "queries" not in steps:
        return res
    db = str(out / "education.duckdb")
    for name, args in (("panel query", ["PANEL", PANEL_VIEW]), ("cross-city query", [CROSS_CITY])):
        r = run([PY, "-c", QUERY_RUNNER, db] + args, ROOT)
        if r.code != 0:
            res.steps.append(Step(label, rows, name, r.wall, r.cpu, r.peak_mb, False, obs, _first_lines(r.stderr)))
            continue
        info = json.loads(r.stdout.strip().splitlines()[-1])
        res.steps.append(Step(label, rows, name, info["seconds"], r.cpu, r.peak_mb, True, obs,
                              f"{info['query']}: {info['rows']} result rows; process {r.wall:.2f} s"))
        log(f"  {name}: {info['seconds']:.3f} s ({info['rows']} rows), process {r.wall:.1f} s, {r.peak_mb:.0f} MB")
    return res


def _frictionless_valid(text: str) -> bool:
    try:
        return bool(json.loads(text).get("valid"))
    except (json.JSONDecodeError, AttributeError):
        return False


def _first_lines(text: str, n: int = 2) -> str:
    return " | ".join(line.strip() for line in text.strip().splitlines()[:n])[:200]


# ---------------------------------------------------------------- correctness on a corrupted copy

@dataclass
class Injected:
    what: str
    table: str
    line: int           # physical line in the CSV (header = 1); 0 for a whole-file error
    frictionless_can: bool
    found_by_frictionless: bool = False
    found_by_validate: bool = False
    messages: list[str] = field(default_factory=list)


def _edit(pkg: Path, table: str, row: int, **changes) -> int:
    """Change cells of data row `row` (0-based) of a table; returns its line number."""
    path = pkg / "data" / f"{table}.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        records = list(csv.reader(fh))
    header = records[0]
    for name, value in changes.items():
        records[row + 1][header.index(name)] = value
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(records)
    return row + 2


def _cell(pkg: Path, table: str, row: int, name: str) -> str:
    with open(pkg / "data" / f"{table}.csv", encoding="utf-8", newline="") as fh:
        records = list(csv.reader(fh))
    return records[row + 1][records[0].index(name)]


def _find_row(pkg: Path, table: str, **match) -> int:
    with open(pkg / "data" / f"{table}.csv", encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            if all(r[k] == v for k, v in match.items()):
                return i
    raise LookupError(f"no row in {table} with {match}")


def _wrong_type(d: Path) -> Injected:
    return Injected("wrong type (year '20x3')", "enrollment", _edit(d, "enrollment", 3, year="20x3"), True)


def _duplicate_id(d: Path) -> Injected:
    line = _edit(d, "subsidies", 1, id=_cell(d, "subsidies", 0, "id"))
    return Injected("duplicate id (primary key)", "subsidies", line, True)


def _dangling_fk(d: Path) -> Injected:
    line = _edit(d, "teacher_hiring", 2, region_code="999999")
    return Injected("dangling foreign key (region_code 999999)", "teacher_hiring", line, True)


def _out_of_range(d: Path) -> Injected:
    return Injected("out-of-range value (year 1800 < 1949)", "finance", _edit(d, "finance", 4, year="1800"), True)


def _value_not_printed(d: Path) -> Injected:
    row = _find_row(d, "construction_projects", indicator="floor_area")
    value = _cell(d, "construction_projects", row, "value")
    line = _edit(d, "construction_projects", row, value=str(int(value) + 1))
    return Injected("provenance: value is not the parse of printed", "construction_projects", line, False)


def _quote_not_in_text(d: Path) -> Injected:
    row = _find_row(d, "enrollment", indicator="average_class_size")
    line = _edit(d, "enrollment", row, quote=_cell(d, "enrollment", row, "quote").replace("小学", "初中", 1))
    return Injected("provenance: quote not in the archived text", "enrollment", line, False)


def _part_unit(d: Path) -> Injected:
    total = _cell(d, "subsidies", _find_row(d, "subsidies", indicator="recipients", programme="all_programmes",
                                            population="all"), "id")
    line = _edit(d, "subsidies", _find_row(d, "subsidies", indicator="amount", population="registered_poor"),
                 parent_id=total)
    return Injected("cross-row: part in yuan under a total in person-times", "subsidies", line, False)


def _ledger_entry(d: Path) -> Injected:
    path = d / "data" / "coverage_exclusions.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        records = list(csv.reader(fh))
    gone = records.pop(5)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(records)
    return Injected(f"ledger: entry {gone[2]!r} of {gone[0]} removed", "coverage_exclusions", 0, False)


def _edited_source(d: Path) -> Injected:
    text = sorted((d / "sources").glob("*.txt"))[0]
    text.write_bytes(text.read_bytes() + "。".encode())
    return Injected(f"provenance: archived {text.name} edited (sha256)", "sources", 0, False)


INJECTORS = [_wrong_type, _duplicate_id, _dangling_fk, _out_of_range, _value_not_printed, _quote_not_in_text,
             _part_unit, _ledger_entry, _edited_source]


def corrupt(src: Path, dest: Path, injectors=INJECTORS) -> list[Injected]:
    """A copy of package `src` with the given errors; returns what was injected where."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("build"))
    return [inject(dest) for inject in injectors]


def _validate_errors(root: Path) -> tuple[Run, list[tuple[str, int, str]]]:
    ours = run([PY, "-m", "scripts", "validate", "--root", str(root)], ROOT)
    found = []
    for text in ours.stdout.splitlines():
        m = re.match(r"^(.+?):(\d+):(\d+): (.*)$", text)
        if m:
            found.append((m.group(1), int(m.group(2)), m.group(4)))
    return ours, found


def _caught(i: Injected, errors: list[tuple[str, int, str]]) -> bool:
    path = f"data/{i.table}.csv"
    for p, line, msg in errors:
        if (p == path and line == i.line) if i.line else \
                (i.table == "coverage_exclusions" and "unaccounted" in msg) or (i.table == "sources" and "sha256" in msg):
            i.messages.append("validate: " + msg[:90])
            return True
    return False


def check_corrupted(work: Path, seed: int, log) -> tuple[list[Injected], dict]:
    """Both validators on one copy with every error; if validate crashes on it, validate is
    also run on one copy per error, so the table says which error it cannot survive."""
    from .synthetic import generate
    base = generate(work / "corrupt_base", regions=3, years=3, seed=seed, verify=0).out_dir
    dest = work / "corrupted"
    inj = corrupt(base, dest)
    fr = run(frictionless_cmd() + ["validate", "datapackage.json", "--json"], dest, work / "frictionless-corrupted.json")
    ours, o_errors = _validate_errors(dest)
    f_errors = []
    try:
        for task in json.loads(fr.stdout).get("tasks", []):
            for e in task.get("errors", []):
                f_errors.append((task.get("name"), e.get("rowNumber") or 0, e.get("type"), e.get("message", "")))
    except json.JSONDecodeError:
        pass
    for i in inj:
        for name, row, kind, _ in f_errors:
            if name == i.table and (row == i.line or i.line == 0):
                i.found_by_frictionless = True
                i.messages.append(f"frictionless {kind}")
        i.found_by_validate = _caught(i, o_errors)
    separately = {}
    if ours.code not in (0, 1):
        for k, inject in enumerate(INJECTORS):
            one = corrupt(base, work / "corrupted_one", [inject])[0]
            r, errors = _validate_errors(work / "corrupted_one")
            separately[k] = "crash" if r.code not in (0, 1) else "found" if _caught(one, errors) else "MISSED"
    extra = {"frictionless_errors": len(f_errors), "validate_errors": len(o_errors), "validate_exit": ours.code,
             "validate_stderr": _first_lines(ours.stderr, 3), "separately": separately,
             "frictionless_missed_by_validate": [e for e in f_errors if not any(
                 p == f"data/{e[0]}.csv" and line == e[1] for p, line, _ in o_errors)]}
    log(f"corrupted copy: frictionless {len(f_errors)} errors, validate {len(o_errors)} errors (exit {ours.code})")
    return inj, extra


# ---------------------------------------------------------------- report

def machine() -> str:
    mem = ""
    try:
        kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
        mem = f", {kb / 1024 / 1024:.1f} GiB memory"
    except (OSError, StopIteration):
        pass
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def fmt_rate(x: float) -> str:
    return "-" if not math.isfinite(x) else f"{x:,.0f}"


def results_table(results: list[SizeResult]) -> str:
    lines = ["| regions | reports | rows (all tables) | step | wall s | CPU s | rows/s | peak MB | frictionless ÷ validate, wall (CPU) | result |",
             "|---:|---:|---:|---|---:|---:|---:|---:|---:|---|"]
    for res in results:
        fr, va = res.step("frictionless validate"), res.step("validate (all checks)")
        for s in res.steps:
            # CPU time too: on a shared machine wall time also measures the others' load (a
            # validate's CPU time includes its worker processes')
            ratio = f"**{fr.wall / va.wall:.2f}×** ({fr.cpu / va.cpu:.2f}×)" if s is va and fr and va else ""
            cpu = "-" if math.isnan(s.cpu) else f"{s.cpu:.1f}"
            peak = "-" if math.isnan(s.peak_mb) else f"{s.peak_mb:,.0f}"
            wall = f"{s.wall:.3f}" if s.wall < 10 else f"{s.wall:.1f}"
            lines.append(f"| {s.size} | {res.reports:,} | {res.rows:,} | {s.step} | {wall} | {cpu} | "
                         f"{fmt_rate(s.rate)} | {peak} | {ratio} | {s.detail if s.detail else ('ok' if s.ok else 'FAILED')} |")
    return "\n".join(lines)


def growth_table(results: list[SizeResult], national_rows: int | None) -> str:
    """How each step grows from the smallest to the largest size. The exponent k in
    time ~ rows^k is 1.0 for linear growth (below 1 while start-up time still dominates);
    the marginal rate (extra rows / extra seconds) leaves start-up out and is what a much
    larger package would see. The national figures extend the straight line through the
    smallest and largest sizes (start-up + rows / marginal rate), for time and peak memory."""
    if len(results) < 2:
        return ""
    a, b = results[0], results[-1]
    ratio = b.rows / a.rows
    head = f"| step | time exponent k (rows ×{ratio:.1f}) | marginal rows/s | peak MB growth |"
    rule = "|---|---:|---:|---:|"
    if national_rows:
        head += f" national ({national_rows:,} rows), straight-line: time | peak MB |"
        rule += "---:|---:|"
    lines = [head, rule]
    for s_a in a.steps:
        s_b = b.step(s_a.step)
        if s_b is None or s_a.wall <= 0 or s_b.wall <= 0 or s_a.step.startswith("generate"):
            continue
        rows_a = s_a.rows_for_rate if s_a.rows_for_rate else a.rows
        rows_b = s_b.rows_for_rate if s_b.rows_for_rate else b.rows
        k = math.log(s_b.wall / s_a.wall) / math.log(rows_b / rows_a) if rows_b > rows_a else math.nan
        slope = (s_b.wall - s_a.wall) / (rows_b - rows_a) if rows_b > rows_a else math.nan
        marginal = 1 / slope if slope and slope > 0 else math.inf
        mem = f"×{s_b.peak_mb / s_a.peak_mb:.2f}" if s_a.peak_mb > 0 else "-"
        line = f"| {s_a.step} | {k:.2f} | {fmt_rate(marginal)} | {mem} |"
        if national_rows:
            n = national_rows if s_a.rows_for_rate == a.rows else national_rows * rows_b / b.rows
            t = s_b.wall + max(slope, 0) * (n - rows_b)
            m_slope = (s_b.peak_mb - s_a.peak_mb) / (rows_b - rows_a)
            line += f" {_duration(t)} | {s_b.peak_mb + max(m_slope, 0) * (n - rows_b):,.0f} |"
        lines.append(line)
    return "\n".join(lines)


def _duration(sec: float) -> str:
    if not math.isfinite(sec):
        return "-"
    if sec < 120:
        return f"{sec:.1f} s"
    if sec < 7200:
        return f"{sec / 60:.0f} min"
    return f"{sec / 3600:.1f} h"


def correctness_table(inj: list[Injected], extra: dict) -> str:
    sep = extra["separately"]
    head = "| injected error | where | frictionless validate | python -m scripts validate |"
    rule = "|---|---|:-:|:-:|"
    if sep:
        head += " validate, one error per copy |"
        rule += ":-:|"
    lines = [head, rule]
    for k, i in enumerate(inj):
        where = f"data/{i.table}.csv:{i.line}" if i.line else (f"data/{i.table}.csv" if i.table != "sources" else "sources/")
        line = (f"| {i.what} | {where} | {'found' if i.found_by_frictionless else 'not found'} | "
                f"{'found' if i.found_by_validate else '**MISSED**'} |")
        if sep:
            line += f" {'**' + sep[k] + '**' if sep[k] != 'found' else 'found'} |"
        lines.append(line)
    missed = extra["frictionless_missed_by_validate"]
    lines.append("")
    if extra["validate_exit"] not in (0, 1):
        lines.append(f"**validate crashed on the copy with every error** (exit {extra['validate_exit']}): "
                     f"{extra['validate_stderr']}")
        lines.append("")
    lines.append(f"frictionless reported {extra['frictionless_errors']} errors, validate {extra['validate_errors']}; "
                 f"frictionless errors at a row validate reports nothing for: {len(missed)}"
                 + (f" (first: {missed[0][:3]})" if missed else "") + ".")
    return "\n".join(lines)


def national_rows(years: int, seed: int, per_report: float) -> int | None:
    from .synthetic import NATIONAL, divisions
    try:
        regions = divisions(NATIONAL, years, seed)
    except Exception:       # noqa: BLE001 - only an estimate
        return None
    reports = sum(len(r.report_years) for r in regions)
    return int(len(regions) + reports * per_report)


def profile(pkg: Path, work: Path, top: int = 25) -> str:
    """cProfile of `python -m scripts validate --root pkg`: the package's own functions (and the
    library calls they spend most in) by cumulative time, as a Markdown table."""
    import pstats
    out = work / "validate.prof"
    r = run([PY, "-m", "cProfile", "-o", str(out), "-m", "scripts", "validate", "--no-cache", "--root", str(pkg)], ROOT)
    stats = pstats.Stats(str(out))
    total = max(v[3] for v in stats.stats.values())
    rows = []
    for (file, line, name), (cc, nc, tt, ct, _) in stats.stats.items():
        path = Path(file)
        if not path.is_absolute() or ".venv" in path.parts or not path.is_relative_to(ROOT):
            continue
        if name in ("<module>", "main", "cmd_validate") or ct < 0.005 * total:
            continue
        rows.append((ct, tt, nc, f"{path.relative_to(ROOT)}:{line} {name}"))
    rows.sort(reverse=True)
    lines = [f"cProfile of `python -m scripts validate --root {pkg.name}`: {total:.1f} s under the profiler "
             f"({r.wall:.1f} s wall, exit {r.code}); functions of this repository by cumulative time "
             "(a function's time includes what it calls, so the shares overlap).", "",
             "| function | calls | own s | cumulative s | share |", "|---|---:|---:|---:|---:|"]
    for ct, tt, nc, where in rows[:top]:
        lines.append(f"| `{where}` | {nc:,} | {tt:.1f} | {ct:.1f} | {100 * ct / total:.0f}% |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m scripts.benchmark", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="10,30,80", help="region counts, comma-separated (default 10,30,80)")
    p.add_argument("--national", action="store_true", help="also every division in the code list (about 10 min for all steps)")
    p.add_argument("--years", type=int, default=20)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--work", type=Path, default=ROOT / "build" / "benchmark", help="where packages are generated")
    p.add_argument("--steps", default="frictionless,validate,build,release,queries,corrupted",
                   help="steps to run (default all but database): frictionless, validate, build, release, queries, corrupted; "
                        "'database' instead of 'build' loads only the DuckDB tables and views (no charts, Parquet, archive)")
    p.add_argument("--repeat", type=int, default=3, help="interleaved runs of frictionless and validate per size (medians reported)")
    p.add_argument("--national-repeat", type=int, help="--repeat for the national size (default: --repeat): three "
                   "interleaved frictionless runs alone take ~15 min there")
    p.add_argument("--national-steps", help="--steps for the national size (default: --steps)")
    p.add_argument("--profile", action="store_true", help="also profile validate on the largest size (cProfile)")
    p.add_argument("--profile-root", type=Path, help="only profile validate on this existing package and exit")
    p.add_argument("--update-doc", action="store_true", help=f"write the tables into {DOC.relative_to(ROOT)}")
    p.add_argument("--doc-block", default=BLOCK, help=f"the block of {DOC.name} --update-doc replaces (default {BLOCK}; "
                   "the national run, which takes most of an hour, writes its own: benchmark-national)")
    args = p.parse_args(argv)
    if args.profile_root:
        args.work.mkdir(parents=True, exist_ok=True)
        print(profile(args.profile_root.resolve(), args.work))
        return 0
    from .synthetic import NATIONAL
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()] + ([NATIONAL] if args.national else [])
    args.work.mkdir(parents=True, exist_ok=True)
    log = lambda msg: print(msg, file=sys.stderr, flush=True)
    started = time.perf_counter()
    steps = {s.strip() for s in args.steps.split(",")}
    big = lambda n: n >= NATIONAL
    nat_steps = {s.strip() for s in args.national_steps.split(",")} if args.national_steps else steps
    nat_repeat = args.national_repeat or args.repeat
    results = [bench_size(n, args.years, args.seed, args.work, nat_steps if big(n) else steps, log,
                          nat_repeat if big(n) else args.repeat) for n in sorted(sizes)]
    per_report = (results[-1].rows - results[-1].regions) / max(1, results[-1].reports)
    nat = None if args.national else national_rows(args.years, args.seed, per_report)
    parts = [f"Machine: {machine()}.",
             f"Command: `python -m scripts.benchmark --sizes {args.sizes or chr(34) * 2} --years {args.years} --seed {args.seed}"
             + (" --national" if args.national else "") + (f" --repeat {args.repeat}" if args.repeat != 3 else "")
             + (f" --national-repeat {args.national_repeat}" if args.national and args.national_repeat else "")
             + (f" --national-steps {args.national_steps}" if args.national and args.national_steps else "")
             + (f" --steps {args.steps}" if steps != set(p.get_default("steps").split(",")) else "")
             + (f" --doc-block {args.doc_block}" if args.doc_block != BLOCK else "") + "`"
             + f"; commit {_commit()}; total benchmark wall time {_duration(time.perf_counter() - started)}.", "",
             results_table(results), "", growth_table(results, nat)]
    if {"corrupted", "frictionless", "validate"} <= steps:
        inj, extra = check_corrupted(args.work, args.seed, log)
        parts += ["", "Corrupted copy of a 3-region, 3-year synthetic package:", "", correctness_table(inj, extra)]
    if args.profile and "validate" in steps:
        largest = args.work / f"r{sorted(sizes)[-1]}_y{args.years}_s{args.seed}"
        log("profiling validate on the largest size")
        parts += ["", profile(largest, args.work)]
    parts[1] = parts[1].rsplit(";", 1)[0] + f"; total benchmark wall time {_duration(time.perf_counter() - started)}."
    report = "\n".join(parts)
    print(report)
    (args.work / "results.md").write_text(report + "\n", encoding="utf-8")
    if args.update_doc:
        update_doc(report, args.doc_block)
    return 0


def _commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return sha + (" with uncommitted changes" if dirty else "")
    except OSError:
        return "unknown"


def update_doc(report: str, block: str = BLOCK) -> None:
    """Replace the text between <!-- block:start --> and <!-- block:end --> (appended if missing)."""
    start, end = f"<!-- {block}:start -->", f"<!-- {block}:end -->"
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    if start not in text or end not in text:
        text += f"\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    DOC.write_text(f"{head}{start}\n{report}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
