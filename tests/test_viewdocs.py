"""scripts/viewdocs.py: every view and stored table is documented, in the DuckDB file and the dictionary."""
import json
import shutil

import duckdb
import pytest

from scripts import viewdocs
from scripts.build import PERSISTED
from scripts.metadata import ROOT, clear_cache


@pytest.fixture(scope="module")
def con(real_build):
    return duckdb.connect(str(real_build.database), read_only=True)


def test_every_view_and_its_columns_carry_a_comment_in_the_database(con):
    views = con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall()
    assert views and all(comment for _, comment in views), [v for v, c in views if not c]
    bare = con.execute("""SELECT table_name, column_name FROM duckdb_columns()
        WHERE table_name IN (SELECT view_name FROM duckdb_views() WHERE NOT internal) AND comment IS NULL""").fetchall()
    assert bare == []


def test_stored_tables_keep_the_views_comments(con):
    for name in PERSISTED:
        comment = con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()[0]
        assert "stored as a table by the build" in comment and len(comment) > 120, name
        assert con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND comment IS NULL",
                           [name]).fetchone()[0] == 0, name


def test_the_dictionary_lists_every_view_with_its_columns():
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    for view in viewdocs.documented(ROOT, (ROOT / "sql" / "views.sql").read_text(encoding="utf-8")):
        assert f"### `{view['name']}`" in text
        for c in view["columns"]:
            assert f"| `{c['name']}` | {c['type']} |" in text


def test_an_undocumented_view_column_stops_generate(tmp_path):
    shutil.copy2(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    for folder in ("data", "sql"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    desc = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    panel = next(v for v in desc["views"] if v["name"] == "indicator_panel")
    panel["fields"] = [f for f in panel["fields"] if f["name"] != "coverage"]
    (tmp_path / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False), encoding="utf-8")
    clear_cache()
    try:
        with pytest.raises(viewdocs.Undocumented, match="indicator_panel: column coverage"):
            viewdocs.comments_block(tmp_path, (tmp_path / "sql" / "views.sql").read_text(encoding="utf-8"))
    finally:
        clear_cache()
