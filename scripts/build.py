"""Build the DuckDB database and Parquet files from the validated CSVs.

The build runs the committed SQL in sql/ unchanged (the same files the DuckDB CLI runs), then
proves that no row was dropped or added: every table's row count must equal its CSV records.
The views that add up many rows (PERSISTED) are then stored in the database as tables of the
same name, computed once by their own definitions in sql/views.sql, so that querying them does
not recompute them; over the CSVs (DuckDB CLI) they stay views with the same rows.

What `build` writes, and what it leaves to `release` (docs/releasing.md): the database, one
Parquet file per table and view (what the loader and data users read), the charts, and the
explorer while the package is within the explorer's bound (scripts/site: SITE_MAX_SOURCES,
SITE_MAX_ROWS). The release folder and its zip copy and compress every file of the package
again (at national size about 3 GB), so they are written by `python -m scripts release`
(`with_release=True`), not on every build: build time then grows with the rows of the tables, not
with the size of what a release ships.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from . import charts, ddl, indicators, parquet, release, views
from .metadata import ROOT, tables
from .site import build_site, explorer_fits

BUILD_DIR = "build"
DATABASE = "education.duckdb"
VALIDATED = "validated.duckdb"   # written by `validate` for `build` (python -m scripts build)
SQL_FILES = ("sql/tables.sql", "sql/views.sql")   # what the DuckDB CLI runs; build runs the same
# Views of sql/views.sql the built database holds as tables (same name, columns and rows),
# in an order where each is computed before anything that would read it is stored.
PERSISTED = ("indicator_panel", "region_year_panel")
# Sort order of each stored table: its key, so that `FROM region_year_panel` lists regions and
# years in order.
_ORDER = {"indicator_panel": "region_code, indicator_id, year, school_level",
          "region_year_panel": "region_code, year, indicator_id, school_level"}


class BuildError(Exception):
    """A build step failed; the message says which and why."""


@dataclass
class Summary:
    database: Path
    counts: dict[str, int]
    views: list[str]
    archive: Path | None
    charts: list[Path]
    persisted: tuple[str, ...] = ()
    release: Path | None = None
    explorer: Path | None = None
    parquet: dict[str, int] = field(default_factory=dict)   # rows of each Parquet file, by resource
    skipped: str = ""   # why the explorer was not written, when it was not

    def text(self) -> str:
        lines = [f"built {self.database} with {len(self.counts)} tables and {len(self.views)} views:"]
        lines += [f"  {name:<24}{n:>7} rows" for name, n in self.counts.items()]
        lines.append(f"  views: {', '.join(self.views)}")
        if self.persisted:
            lines.append(f"  views stored as tables (same rows as in sql/views.sql): {', '.join(self.persisted)}")
        lines.append(f"  parquet: {self.database.parent / 'parquet'}/<table or view>.parquet (schema from datapackage.json in the file metadata)")
        if self.explorer:
            lines.append(f"  explorer: {self.explorer} (open it in a browser, from the file system)")
        else:
            lines.append(f"  explorer: not written: {self.skipped}")
        if self.release and self.archive:
            lines.append(f"  release folder: {self.release} (README.md inside says how to use it)")
            lines.append(f"  release zip: {self.archive} ({self.archive.stat().st_size / 1e6:.1f} MB)")
        else:
            lines.append("  release folder and zip: not written by build; `python -m scripts release` writes them")
        lines.append(f"  charts: {', '.join(str(c) for c in self.charts)}")
        return "\n".join(lines)


def csv_record_count(path: Path) -> int:
    """Records in a CSV (not lines: a quoted cell may span lines)."""
    import csv
    with open(path, encoding="utf-8", newline="") as fh:
        return max(sum(1 for _ in csv.reader(fh)) - 1, 0)


def check_sql_is_current(root: Path) -> None:
    current = (root / "sql/tables.sql").read_text(encoding="utf-8") if (root / "sql/tables.sql").exists() else ""
    if current != ddl.render(root):
        raise BuildError("sql/tables.sql is out of date with datapackage.json; run `python -m scripts generate`")
    try:
        stale = (root / indicators.VIEWS).read_text(encoding="utf-8") != indicators.render_views(root)
    except duckdb.Error:
        return   # a CSV that does not load: running sql/tables.sql reports it, with the file
    except (OSError, ValueError, KeyError) as exc:
        raise BuildError(f"{indicators.VIEWS}: {exc}") from None
    if stale:
        raise BuildError(f"{indicators.VIEWS}: the indicator rules are out of date with data/indicator_rules.csv; "
                         "run `python -m scripts generate`")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def persist_views(con, names: tuple[str, ...] = PERSISTED) -> tuple[str, ...]:
    """Replace each named view by a table of the same name holding the view's rows (computed
    from its definition in sql/views.sql)."""
    for name in names:
        comment = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ?", [name]).fetchone()
        columns = con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ? AND comment IS NOT NULL",
                              [name]).fetchall()
        # computed once: the table is the view's own query (counting the view again to compare
        # recomputed it, the slowest part of the database at 320 regions); tests/test_build.py
        # compares the stored rows with the view run over the CSVs
        con.execute(f"CREATE TABLE {name}__stored AS FROM {name} ORDER BY {_ORDER.get(name, 'ALL')}")
        con.execute(f"DROP VIEW {name}")
        con.execute(f"ALTER TABLE {name}__stored RENAME TO {name}")
        stored = (f"View {name} of sql/views.sql, stored as a table by the build: the same columns and rows as the "
                  f"view computes over the tables. " + ((comment or [None])[0] or ""))
        con.execute(f"COMMENT ON TABLE {name} IS {_quote(stored.strip())}")
        for column, text in columns:   # the view's column comments carry over to the table
            con.execute(f"COMMENT ON COLUMN {name}.\"{column}\" IS {_quote(text)}")
    return tuple(names)


def _load_tables(con, root: Path, validated: Path | None) -> dict[str, int]:
    """The package's tables, each checked to hold as many rows as its CSV has records.

    Without `validated`, sql/tables.sql as committed (read_csv of every CSV, as the DuckDB CLI
    does). With it, the database `validate` left (validation/database.py: every table already
    read and typed by SQL from datapackage.json), so no CSV is read twice: the same CREATE
    TABLE and comments (scripts/ddl.py), rows inserted from the validated typed tables."""
    if validated is None:
        _run_sql(con, root, "sql/tables.sql")
    else:
        con.execute(f"ATTACH '{validated}' AS validated (READ_ONLY)")
        for t in tables(root):
            cols = ", ".join(f'"{f["name"]}"' for f in t.fields)
            try:
                con.execute(ddl.table_sql(t, f"SELECT {cols} FROM validated.\"t_{t.name}\" ORDER BY __row"))
            except duckdb.Error as exc:
                raise BuildError(f"{t.path} (validated database {validated}): {exc}") from None
    counts = {}
    for t in tables(root):
        n = con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0]
        expected = csv_record_count(root / t.path) if validated is None else \
            con.execute(f'SELECT count(*) FROM validated."t_{t.name}"').fetchone()[0]
        if n != expected:
            raise BuildError(f"{t.path}: {expected} records in the CSV but {n} rows in table {t.name}")
        counts[t.name] = n
    if validated is not None:
        con.execute("DETACH validated")
    return counts


def _run_sql(con, root: Path, sql: str) -> None:
    text = (root / sql).read_text(encoding="utf-8")
    cwd = os.getcwd()
    try:
        os.chdir(root)   # the SQL uses paths relative to the repository root, as the CLI does
        con.execute(text)
    except duckdb.Error as exc:
        raise BuildError(f"{sql}: {exc}") from None
    finally:
        os.chdir(cwd)


def write_parquet(root: Path, database: Path, folder: Path) -> dict[str, int]:
    """One Parquet file per table and per view in `folder` (files of a view that no longer exists
    are removed); returns the rows of each. A table keeps its stored order; a view's rows are
    sorted by all columns (a view has no order of its own), each view computed once here."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.parquet"):
        old.unlink()
    con = duckdb.connect(str(database), read_only=True)
    try:
        package = list(tables(root))
        out = {}
        for t in package:
            out[t.name] = parquet.rows(parquet.write(con, t.name, t.resource["schema"], folder / f"{t.name}.parquet"))
        for name in views.view_names(con, [t.name for t in package]):
            path = parquet.write(con, name, views.resource(con, name)["schema"], folder / f"{name}.parquet", ordered=True)
            out[name] = parquet.rows(path)
        return out
    finally:
        con.close()


def build(root: Path = ROOT, out_dir: Path | None = None, charts_dir: Path | None = None,
          validated: Path | None = None, site: bool | None = None, with_release: bool = False) -> Summary:
    """Build everything into out_dir (default build/); charts go to docs/charts/ for the real
    build and beside the database when out_dir is given (tests). `validated`: the database a
    `validate` of the same files has just written (`python -m scripts build` passes it).
    `site`: write the explorer (True), not (False), or when the package is within its bound
    (None). `with_release`: also write the release folder and its zip (`python -m scripts release`)."""
    check_sql_is_current(root)
    charts_dir = charts_dir or (out_dir / "charts" if out_dir else root / "docs" / "charts")
    out_dir = out_dir or root / BUILD_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    db_path = out_dir / DATABASE
    tmp = db_path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    counts = _load_tables(con, root, validated)
    # write the loaded tables out before the views read them (the close would write them anyway).
    # At national size the panel view took 30-45 s over the built database reopened but 185 s
    # inside the build; whether checkpointing here closes that gap is not shown yet: the run
    # with it was on a machine at load 8-11
    con.execute("CHECKPOINT")
    _run_sql(con, root, "sql/views.sql")
    try:
        persisted = persist_views(con)
    except duckdb.Error as exc:
        raise BuildError(f"storing views as tables: {exc}") from None
    view_list = [r[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name").fetchall()]
    con.close()
    os.replace(tmp, db_path)
    files = write_parquet(root, db_path, out_dir / "parquet")
    drawn = charts.draw_all(db_path, charts_dir)
    explorer, skipped = None, ""
    fits, why = explorer_fits(root, db_path)
    if site or (site is None and fits):
        explorer = build_site(root, db_path, out_dir / "site")
    else:
        skipped = why if site is None else "not asked for"
        if (out_dir / "site").exists():   # an explorer of an earlier build would not match this database
            shutil.rmtree(out_dir / "site")
    folder = archive = None
    if with_release:
        folder = release.assemble(root, out_dir, db_path, explorer.parent if explorer else None)
        archive = release.package_zip(folder, out_dir)
    return Summary(db_path, counts, view_list, archive, drawn, persisted, folder, explorer, files, skipped)
