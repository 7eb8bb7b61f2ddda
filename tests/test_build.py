"""The DuckDB build: typed tables with comments, views, Parquet, and no row lost or added."""
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from scripts.build import PERSISTED, BuildError, build, csv_record_count
from scripts.metadata import ROOT, tables


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    return build(ROOT, out, with_release=True)


def test_row_counts_in_equal_row_counts_out(built):
    for t in tables():
        assert built.counts[t.name] == csv_record_count(ROOT / t.path), t.name
    con = duckdb.connect(str(built.database), read_only=True)
    for t in tables():
        assert con.execute(f"SELECT count(*) FROM read_parquet('{built.database.parent}/parquet/{t.name}.parquet')").fetchone()[0] \
            == built.counts[t.name]


def test_types_and_comments_come_from_the_descriptor(built):
    con = duckdb.connect(str(built.database), read_only=True)
    cols = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'subsidies'").fetchall())
    assert cols["year"] == "BIGINT" and cols["as_of"] == "DATE" and cols["value"] == "DOUBLE"
    comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'subsidies' AND column_name = 'parent_id'").fetchone()[0]
    assert "never add a part to its total" in comment and "不要与总数相加" in comment
    assert "observations" in built.views


def test_stored_views_are_tables_with_the_rows_of_the_views_over_the_csvs(built, monkeypatch):
    """The views build stores as tables hold exactly what sql/views.sql computes straight over
    the CSVs (as the DuckDB CLI runs it): same columns, types and rows, duplicates included."""
    monkeypatch.chdir(ROOT)
    mem = duckdb.connect()
    for sql in ("sql/tables.sql", "sql/views.sql"):
        mem.execute((ROOT / sql).read_text(encoding="utf-8"))
    mem.execute(f"ATTACH '{built.database}' AS built (READ_ONLY)")
    assert set(PERSISTED) == set(built.persisted) and "region_year_panel" in PERSISTED
    for name in PERSISTED:
        assert mem.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'built' AND table_name = ?",
                           [name]).fetchone()[0] == 1, name
        assert name not in built.views
        assert mem.execute(f"DESCRIBE built.{name}").fetchall() == mem.execute(f"DESCRIBE memory.{name}").fetchall()
        n = mem.execute(f"SELECT count(*) FROM memory.{name}").fetchone()[0]
        assert n > 0 and mem.execute(f"SELECT count(*) FROM built.{name}").fetchone()[0] == n, name
        for a, b in (("memory", "built"), ("built", "memory")):
            assert mem.execute(f"SELECT count(*) FROM (FROM {a}.{name} EXCEPT ALL FROM {b}.{name})").fetchone()[0] == 0, name


def test_a_record_that_cannot_load_stops_the_build(tmp_path):
    for name in ("datapackage.json",):
        shutil.copy2(ROOT / name, tmp_path / name)
    for folder in ("data", "sources", "sql"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    with open(tmp_path / "data" / "regions.csv", "a", encoding="utf-8") as fh:
        fh.write("999999,某地,Somewhere,county,360000,notayear,,,\n")
    with pytest.raises(BuildError, match="sql/tables.sql"):
        build(tmp_path, tmp_path / "build")


def test_stale_sql_stops_the_build(tmp_path):
    shutil.copy2(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    for folder in ("data", "sources", "sql"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "sql" / "tables.sql").write_text("-- edited by hand\n", encoding="utf-8")
    with pytest.raises(BuildError, match="out of date"):
        build(tmp_path, tmp_path / "build")


def test_sql_runs_unchanged_in_the_duckdb_cli(tmp_path):
    exe = shutil.which("duckdb", path=str(Path(__import__("sys").executable).parent)) or shutil.which("duckdb")
    if exe is None:
        pytest.skip("duckdb CLI (pip package duckdb-cli) not installed")
    proc = subprocess.run([exe, str(tmp_path / "cli.duckdb"), "-csv", "-c", ".read sql/tables.sql", "-c", ".read sql/views.sql",
                           "-c", "SELECT count(*) AS n FROM regions"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == str(csv_record_count(ROOT / "data" / "regions.csv"))


def test_release_artifacts(built):
    import json
    import zipfile
    from scripts.metadata import load_descriptor
    desc = load_descriptor(ROOT)
    top = f"{desc['name']}-{desc['version']}"
    names = zipfile.ZipFile(built.archive).namelist()
    assert built.archive.name == f"{top}.zip" and {n.split("/")[0] for n in names} == {top}
    assert f"{top}/datapackage.json" in names and f"{top}/README.md" in names
    assert {f"{top}/{t.path}" for t in tables()} <= set(names)
    con = duckdb.connect()
    meta = dict(con.execute(f"SELECT decode(key), decode(value) FROM parquet_kv_metadata("
                            f"'{built.database.parent}/parquet/subsidies.parquet')").fetchall())
    schema = json.loads(meta["frictionless_schema"])
    assert [f["name"] for f in schema["fields"]][:3] == ["id", "region_code", "year"]
    # Parquet (compressed already) is stored as it is, text is deflated; every member has the folder's bytes
    with zipfile.ZipFile(built.archive) as zf:
        for info in zf.infolist():
            expected = zipfile.ZIP_STORED if info.filename.endswith(".parquet") else zipfile.ZIP_DEFLATED
            assert info.compress_type == expected, info.filename
        member = f"{top}/data/subsidies.csv"
        assert zf.read(member) == (built.release / "data" / "subsidies.csv").read_bytes()


def test_parquet_files_are_the_tables_and_views_of_the_database(built):
    """One file per table and view, written by build itself (not only by a release), none stale."""
    con = duckdb.connect(str(built.database), read_only=True)
    relations = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views() "
                                          "WHERE NOT internal").fetchall()}
    assert set(built.parquet) == relations == {p.stem for p in (built.database.parent / "parquet").glob("*.parquet")}


def test_the_explorer_is_skipped_above_its_bound_and_a_stale_one_removed(tmp_path, monkeypatch):
    """Above the explorer's bound build writes everything else, removes an explorer of an earlier
    build (it would not match the new database) and says how to write one."""
    import scripts.site.build as site
    out = tmp_path / "build"
    (out / "site").mkdir(parents=True)
    (out / "site" / "index.html").write_text("stale", encoding="utf-8")
    monkeypatch.setattr(site, "SITE_MAX_SOURCES", 1)
    summary = build(ROOT, out)
    assert summary.explorer is None and not (out / "site").exists()
    assert summary.release is None and summary.archive is None and not (out / "release").exists()
    assert "above the explorer's bound" in summary.skipped and "python -m scripts site" in summary.text()
    assert "python -m scripts release" in summary.text()
    fits, why = site.explorer_fits(ROOT, summary.database)
    assert not fits and "sources" in why
    monkeypatch.setattr(site, "SITE_MAX_SOURCES", 10 ** 9)
    assert site.explorer_fits(ROOT, summary.database) == (True, "")


def test_site_command_needs_a_built_database(tmp_path):
    proc = subprocess.run([__import__("sys").executable, "-m", "scripts", "site", "--root", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "run `python -m scripts build` first" in proc.stderr


def test_charts_are_drawn_with_readable_labels(built):
    names = sorted(p.name for p in built.charts)
    assert names == ["aid_grants.svg", "hiring_plan_vs_actual.svg", "per_student_expenditure.svg",
                     "shuangfeng_loans.svg", "zhumadian_series.svg"]
    for chart in built.charts:   # every chart captions its sources
        assert "Sources (data/sources.csv): " in chart.read_text(encoding="utf-8"), chart.name
    text = next(p for p in built.charts if p.name == "hiring_plan_vs_actual.svg").read_text(encoding="utf-8")
    assert "Teacher hiring: plan versus actual, by channel" in text


def _yticks(svg: Path) -> int:
    """Bars of a horizontal bar chart: one y tick label per bar."""
    return svg.read_text(encoding="utf-8").count('<g id="ytick_')


def test_real_package_charts_have_a_bar_per_pair(built):
    con = duckdb.connect(str(built.database), read_only=True)
    charts = {p.name: p for p in built.charts}
    assert _yticks(charts["aid_grants.svg"]) == con.execute(
        "SELECT count(*) FROM indicator_panel WHERE indicator_id = 'aid_grants_yuan' AND status <> 'not_comparable'").fetchone()[0]
    # a cell that is not comparable is named in the caption, with its period, not drawn
    for region, period in con.execute("SELECT region_name_en, period_covered FROM indicator_panel "
                                      "WHERE indicator_id = 'aid_grants_yuan' AND status = 'not_comparable'").fetchall():
        assert f"{region} {period}" in charts["aid_grants.svg"].read_text(encoding="utf-8")
    assert _yticks(charts["hiring_plan_vs_actual.svg"]) == con.execute("SELECT count(*) FROM hiring_fill_rate").fetchone()[0]
    assert "Shangrao City 2020: special post" in charts["hiring_plan_vs_actual.svg"].read_text(encoding="utf-8")


def test_charts_stay_bounded_for_a_large_package(tmp_path):
    """3,000 comparable cells, hiring plans and spending figures in 60 regions: each chart draws
    at most MAX_BARS bars (the most recent cells, or totals per channel, with the counts), and a
    chart without rows (no Shuangfeng loan series) is not drawn."""
    from scripts.charts import MAX_BARS, draw_all
    db = tmp_path / "large.duckdb"
    con = duckdb.connect(str(db))
    con.execute("""
        CREATE TABLE regions AS SELECT (100000 + i)::VARCHAR AS code, 'Region ' || i AS name_en FROM range(60) t(i);
        CREATE TABLE indicator_panel AS
            SELECT (100000 + i % 60)::VARCHAR AS region_code, 'Region ' || (i % 60) AS region_name_en,
                   CASE WHEN i % 2 = 0 THEN 'aid_grants_yuan' ELSE 'per_student_expenditure_yuan' END AS indicator_id,
                   2000 + i % 20 AS year, 'level_' || (i % 30) AS school_level, (2000 + i % 20)::VARCHAR AS period_covered,
                   100.0 + i AS value, CASE WHEN i % 7 = 0 THEN 'partial' ELSE 'complete' END AS status,
                   '1 of 3 divisions' AS coverage, 'src' || (i % 11) AS sources
            FROM range(6000) t(i);
        CREATE TABLE hiring_fill_rate AS
            SELECT (100000 + i % 60)::VARCHAR AS region_code, 2000 + i % 20 AS year, 'channel_' || (i % 3) AS channel,
                   100.0 AS planned, 90.0 AS hired, 'src' || (i % 5) AS source_id FROM range(3000) t(i);
        CREATE TABLE indicator_series AS SELECT * REPLACE (NULL::VARCHAR AS sources), 0.0 AS index_first_year,
            NULL::VARCHAR AS repair_rules FROM indicator_panel LIMIT 0;
    """)
    con.close()
    charts = {p.name: p for p in draw_all(db, tmp_path / "charts")}
    assert sorted(charts) == ["aid_grants.svg", "hiring_plan_vs_actual.svg", "per_student_expenditure.svg"]
    assert _yticks(charts["aid_grants.svg"]) == MAX_BARS
    assert _yticks(charts["hiring_plan_vs_actual.svg"]) == 3          # one per channel
    assert _yticks(charts["per_student_expenditure.svg"]) == MAX_BARS
    aid = charts["aid_grants.svg"].read_text(encoding="utf-8")
    assert f"({MAX_BARS} most recent of 3,000 cells)" in aid and "and 3 more." in aid
    assert "channel 1, 1,000 plans" in charts["hiring_plan_vs_actual.svg"].read_text(encoding="utf-8")


def test_commands_start_without_matplotlib():
    """matplotlib is imported when a chart is drawn, not by `python -m scripts validate`."""
    code = "import sys, scripts.cli; scripts.cli.parser(); print('matplotlib' in sys.modules)"
    proc = subprocess.run([__import__("sys").executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


def test_build_from_the_validated_database_has_the_tables_of_the_csvs(built, tmp_path):
    """`python -m scripts build` reuses the tables validate typed instead of reading the CSVs
    again: the same columns, types, comments and rows as sql/tables.sql over the CSVs."""
    from validation.run import validate
    db = tmp_path / "validated.duckdb"
    assert [p for p in validate(ROOT, use_cache=False, db_file=db) if p.severity == "error"] == []
    reused = build(ROOT, tmp_path / "out", validated=db)
    assert reused.counts == built.counts
    con = duckdb.connect()
    con.execute(f"ATTACH '{built.database}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{reused.database}' AS b (READ_ONLY)")
    for t in tables():
        assert con.execute(f"DESCRIBE a.{t.name}").fetchall() == con.execute(f"DESCRIBE b.{t.name}").fetchall()
        for x, y in (("a", "b"), ("b", "a")):
            assert con.execute(f"SELECT count(*) FROM (FROM {x}.{t.name} EXCEPT ALL FROM {y}.{t.name})").fetchone()[0] == 0, t.name
    comments = "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE database_name = ? ORDER BY ALL"
    assert con.execute(comments, ["a"]).fetchall() == con.execute(comments, ["b"]).fetchall()
