"""Build the DuckDB database and Parquet files from the validated CSVs.

The build runs the committed SQL in sql/ unchanged (the same files the DuckDB CLI runs), then
proves that no row was dropped or added: every table's row count must equal its CSV records.
The views that add up many rows (PERSISTED) are then stored in the database as tables of the
same name, computed once by their own definitions in sql/views.sql, so that querying them does
not recompute them; over the CSVs (DuckDB CLI) they stay views with the same rows.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from . import charts, ddl, indicators, release
from .metadata import ROOT, tables
from .site import build_site

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
    archive: Path
    charts: list[Path]
    persisted: tuple[str, ...] = ()
    release: Path | None = None
    explorer: Path | None = None

    def text(self) -> str:
        lines = [f"built {self.database} with {len(self.counts)} tables and {len(self.views)} views:"]
        lines += [f"  {name:<24}{n:>7} rows" for name, n in self.counts.items()]
        lines.append(f"  views: {', '.join(self.views)}")
        if self.persisted:
            lines.append(f"  views stored as tables (same rows as in sql/views.sql): {', '.join(self.persisted)}")
        lines.append(f"  parquet: {self.database.parent / 'parquet'}/<table or view>.parquet (schema from datapackage.json in the file metadata)")
        lines.append(f"  explorer: {self.explorer} (open it in a browser, from the file system)")
        lines.append(f"  release folder: {self.release} (README.md inside says how to use it)")
        lines.append(f"  release zip: {self.archive} ({self.archive.stat().st_size / 1e6:.1f} MB)")
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
    from its definition in sql/views.sql), and check the table has as many rows as the view."""
    for name in names:
        comment = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ?", [name]).fetchone()
        columns = con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ? AND comment IS NOT NULL",
                              [name]).fetchall()
        con.execute(f"CREATE TABLE {name}__stored AS FROM {name} ORDER BY {_ORDER.get(name, 'ALL')}")
        n_view = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        n_table = con.execute(f"SELECT count(*) FROM {name}__stored").fetchone()[0]
        if n_view != n_table:
            raise BuildError(f"view {name}: {n_view} rows but {n_table} stored")
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
            con.execute(f'SELECT count(*) FROM validated."raw_{t.name}"').fetchone()[0]
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


def build(root: Path = ROOT, out_dir: Path | None = None, charts_dir: Path | None = None,
          validated: Path | None = None) -> Summary:
    """Build everything into out_dir (default build/); charts go to docs/charts/ for the real
    build and beside the database when out_dir is given (tests). `validated`: the database a
    `validate` of the same files has just written (`python -m scripts build` passes it)."""
    check_sql_is_current(root)
    charts_dir = charts_dir or (out_dir / "charts" if out_dir else root / "docs" / "charts")
    out_dir = out_dir or root / BUILD_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    db_path = out_dir / DATABASE
    tmp = db_path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    counts = _load_tables(con, root, validated)
    _run_sql(con, root, "sql/views.sql")
    try:
        persisted = persist_views(con)
    except duckdb.Error as exc:
        raise BuildError(f"storing views as tables: {exc}") from None
    views = [r[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name").fetchall()]
    con.close()
    os.replace(tmp, db_path)
    drawn = charts.draw_all(db_path, charts_dir)
    explorer = build_site(root, db_path, out_dir / "site")
    folder = release.assemble(root, out_dir, db_path, explorer.parent)
    return Summary(db_path, counts, views, release.package_zip(folder, out_dir), drawn, persisted, folder, explorer)
